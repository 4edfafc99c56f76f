// A seizure-report form built on cen-wasm: drop-downs from labels(), live field messages from
// validateField(), place names from lookupLocation(), the whole report from validate(). All the
// checking is the library's; this file only builds the page and shows what it says.
// The form is usable as soon as the .wasm is loaded; place names come a moment later, from the
// names file that loadNames() fetches in the background (until then a location code shows its
// country, and validation is complete without them).

import init, {
  validate, validateField, labels, lookupLocation, lookupCountry, lookupCurrency, closestCodes,
  placeAt, version, loadNames,
} from "cen-wasm";

// The page's own words (the labels of fields and values come from the library).
const UI = {
  en: {
    title: "Seizure report", subtitle: "Customs Enforcement Network", form: "Form", language: "Language",
    loading: "Loading the entry controls…", case: "Case", place: "Place of seizure", goods: "Goods",
    conveyance: "Conveyance", route: "Route", check: "Check the record", download: "Download JSON",
    quality: "Quality", valid: "Valid", invalid: "Not valid", choose: "— choose —",
    counts: (c) => `${c.error} errors, ${c.warning} warnings`, unknownCode: "Unknown code",
    didYouMean: "Did you mean", withdrawn: "withdrawn from UN/LOCODE",
    footer: "Checked in your browser with the rules of the CEN back-end (cen-wasm).", noIssue: "No issue.",
  },
  fr: {
    title: "Déclaration de saisie", subtitle: "Réseau douanier de lutte contre la fraude (CEN)", form: "Formulaire",
    language: "Langue", loading: "Chargement des contrôles de saisie…", case: "Affaire", place: "Lieu de la saisie",
    goods: "Marchandises", conveyance: "Moyen de transport", route: "Itinéraire", check: "Vérifier l’enregistrement",
    download: "Télécharger le JSON", quality: "Qualité", valid: "Valide", invalid: "Non valide", choose: "— choisir —",
    counts: (c) => `${c.error} erreurs, ${c.warning} avertissements`, unknownCode: "Code inconnu",
    didYouMean: "Vouliez-vous dire", withdrawn: "retiré de l’UN/LOCODE",
    footer: "Vérifié dans votre navigateur avec les règles du serveur CEN (cen-wasm).", noIssue: "Aucun problème.",
  },
  es: {
    title: "Informe de incautación", subtitle: "Red de Control Aduanero (CEN)", form: "Formulario", language: "Idioma",
    loading: "Cargando los controles de entrada…", case: "Caso", place: "Lugar de la incautación", goods: "Mercancías",
    conveyance: "Medio de transporte", route: "Ruta", check: "Verificar el registro", download: "Descargar JSON",
    quality: "Calidad", valid: "Válido", invalid: "No válido", choose: "— elegir —",
    counts: (c) => `${c.error} errores, ${c.warning} advertencias`, unknownCode: "Código desconocido",
    didYouMean: "¿Quiso decir", withdrawn: "retirado de UN/LOCODE",
    footer: "Verificado en su navegador con las reglas del servidor CEN (cen-wasm).", noIssue: "Ningún problema.",
  },
  ru: {
    title: "Сообщение об изъятии", subtitle: "Таможенная правоохранительная сеть (CEN)", form: "Форма", language: "Язык",
    loading: "Загрузка проверок ввода…", case: "Дело", place: "Место изъятия", goods: "Товары",
    conveyance: "Транспорт", route: "Маршрут", check: "Проверить запись", download: "Скачать JSON",
    quality: "Качество", valid: "Корректна", invalid: "Некорректна", choose: "— выберите —",
    counts: (c) => `ошибок: ${c.error}, предупреждений: ${c.warning}`, unknownCode: "Неизвестный код",
    didYouMean: "Возможно, вы имели в виду", withdrawn: "исключён из UN/LOCODE",
    footer: "Проверено в вашем браузере по правилам сервера CEN (cen-wasm).", noIssue: "Замечаний нет.",
  },
  ar: {
    title: "تقرير ضبط", subtitle: "الشبكة الجمركية لمكافحة الغش (CEN)", form: "الاستمارة", language: "اللغة",
    loading: "جارٍ تحميل ضوابط الإدخال…", case: "القضية", place: "مكان الضبط", goods: "البضائع",
    conveyance: "وسيلة النقل", route: "المسار", check: "التحقق من السجل", download: "تنزيل JSON",
    quality: "الجودة", valid: "صالح", invalid: "غير صالح", choose: "— اختر —",
    counts: (c) => `${c.error} أخطاء، ${c.warning} تحذيرات`, unknownCode: "رمز غير معروف",
    didYouMean: "هل تقصد", withdrawn: "محذوف من UN/LOCODE",
    footer: "تم التحقق في متصفحك بقواعد خادم CEN (cen-wasm).", noIssue: "لا توجد مشكلات.",
  },
  pt: {
    title: "Relatório de apreensão", subtitle: "Rede de Controlo Aduaneiro (CEN)", form: "Formulário", language: "Idioma",
    loading: "A carregar os controlos de entrada…", case: "Caso", place: "Local da apreensão", goods: "Mercadorias",
    conveyance: "Meio de transporte", route: "Itinerário", check: "Verificar o registo", download: "Descarregar JSON",
    quality: "Qualidade", valid: "Válido", invalid: "Inválido", choose: "— escolher —",
    counts: (c) => `${c.error} erros, ${c.warning} avisos`, unknownCode: "Código desconhecido",
    didYouMean: "Queria dizer", withdrawn: "retirado do UN/LOCODE",
    footer: "Verificado no seu navegador com as regras do servidor CEN (cen-wasm).", noIssue: "Nenhum problema.",
  },
};

const state = { lang: "en", labels: null, touched: new Set(), report: null };
const formElement = document.getElementById("record");
const fields = [...document.querySelectorAll(".field")];
const input = (field) => field.querySelector("input, select, textarea");
const byPath = new Map(fields.map((field) => [field.dataset.path, field]));

/** "/goods/0/quantity" → "goods.quantity": the key of a field's label. */
const labelKey = (path) => path.slice(1).split("/").filter((token) => !/^\d+$/.test(token)).join(".");
const ui = () => UI[state.lang];
const chosenForm = () => document.querySelector("input[name=form]:checked").value;
const options = () => ({ lang: state.lang, form: chosenForm() });

function build() {
  for (const field of fields) {
    const { path, kind } = field.dataset;
    const id = `f${path.replaceAll("/", "-")}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    let control;
    if (kind === "select") {
      control = document.createElement("select");
    } else if (kind === "textarea") {
      control = document.createElement("textarea");
    } else {
      control = document.createElement("input");
      control.type = kind === "date" ? "date" : "text";
      if (kind === "number") control.inputMode = "decimal";
      if (kind === "country") Object.assign(control, { maxLength: 2, size: 4 });
      if (kind === "country" || kind === "location" || kind === "currency" || field.hasAttribute("data-upper")) {
        control.autocapitalize = "characters";
        control.spellcheck = false;
      }
    }
    control.id = id;
    control.name = path;
    const hint = document.createElement("span");
    hint.className = "hint";
    hint.id = `${id}-hint`;
    const messages = document.createElement("ul");
    messages.className = "messages";
    messages.id = `${id}-messages`;
    messages.setAttribute("aria-live", "polite");
    control.setAttribute("aria-describedby", `${hint.id} ${messages.id}`);
    field.append(label, control, hint, messages);
    control.addEventListener(kind === "select" ? "change" : "input", () => edited(field));
  }
}

/** Labels, drop-downs and the page's words in the current language. */
function translate() {
  const words = ui();
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const element of document.querySelectorAll("[data-ui]")) {
    const text = words[element.dataset.ui];
    if (typeof text === "string") element.textContent = text;
  }
  for (const element of document.querySelectorAll("[data-label]")) {
    const [enumeration, value] = element.dataset.label.split(".");
    element.textContent = state.labels[enumeration]?.[value] ?? value;
  }
  for (const field of fields) {
    const key = labelKey(field.dataset.path);
    field.querySelector("label").textContent = state.labels.field[key] ?? key;
    const help = state.labels.field_help?.[key];
    if (help) input(field).title = help;
    if (field.dataset.kind === "select") fillSelect(field);
  }
}

function fillSelect(field) {
  const select = input(field);
  const kept = select.value;
  let entries = Object.entries(state.labels[field.dataset.enum] ?? {});
  if (field.dataset.enum === "goods_type") {
    const area = input(byPath.get("/goods/0/commodity")).value;
    entries = entries
      .filter(([key]) => key.startsWith(`${area}.`))
      .map(([key, label]) => [key.slice(area.length + 1), label]);
  }
  select.replaceChildren(new Option(ui().choose, ""), ...entries.map(([value, label]) => new Option(label, value)));
  select.value = entries.some(([value]) => value === kept) ? kept : "";
}

/** A field's value as the record holds it: absent when empty, numbers as numbers. */
function valueOf(field) {
  const raw = input(field).value.trim();
  if (raw === "") return undefined;
  if (field.dataset.kind === "number") {
    return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return field.hasAttribute("data-upper") || ["country", "location", "currency"].includes(field.dataset.kind)
    ? raw.toUpperCase()
    : raw;
}

/** The record the form holds now. */
function record() {
  let out = { form: chosenForm() };
  for (const field of fields) {
    if (field.hidden) continue;
    const value = valueOf(field);
    if (value !== undefined) out = placeAt(out, field.dataset.path, value) ?? out;
  }
  return out;
}

function showIssues(field, issues) {
  const list = field.querySelector(".messages");
  list.replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement("li");
      item.className = issue.severity;
      item.dataset.rule = issue.rule;
      item.textContent = issue.message;
      return item;
    }),
  );
  input(field).setAttribute("aria-invalid", String(issues.some((i) => i.severity === "error")));
}

/** What a code field resolves to, as it is typed. */
function showResolved(field) {
  const hint = field.querySelector(".hint");
  const code = valueOf(field);
  hint.className = "hint";
  hint.textContent = "";
  if (typeof code !== "string") return;
  const { kind } = field.dataset;
  if (kind === "location" && code.length >= 3) {
    const place = lookupLocation(code, state.lang);
    if (place) {
      const where = place.country_name ? `${place.country_name} (${place.country})` : place.country;
      hint.textContent = [place.name, where, place.resolves ? "" : ui().withdrawn].filter(Boolean).join(" · ");
      hint.className = "hint resolved";
    } else {
      const near = closestCodes("location", code, 3);
      hint.textContent = `${ui().unknownCode}${near.length ? ` · ${ui().didYouMean} ${near.join(", ")}?` : ""}`;
      hint.className = "hint resolved unknown";
    }
  } else if (kind === "country" && code.length === 2) {
    const country = lookupCountry(code, state.lang);
    hint.textContent = country ? country.name : ui().unknownCode;
    hint.className = country ? "hint resolved" : "hint resolved unknown";
  } else if (kind === "currency" && code.length === 3) {
    const currency = lookupCurrency(code, state.lang);
    hint.textContent = currency ? currency.name : ui().unknownCode;
    hint.className = currency ? "hint resolved" : "hint resolved unknown";
  }
}

/** Fields shown for the form and the values chosen. */
function showRelevant() {
  const simplified = chosenForm() === "simplified";
  const source = input(byPath.get("/source")).value;
  const unit = input(byPath.get("/goods/0/unit")).value;
  for (const field of fields) {
    const { form, when } = field.dataset;
    field.hidden = (form === "long" && simplified) || (when === "cencomm" && source !== "cencomm") || (when === "amount" && unit !== "amount");
  }
}

/** Checks every field the person has touched, with the rest of the record as it stands. */
function recheck() {
  const current = record();
  for (const path of state.touched) {
    const field = byPath.get(path);
    if (field.hidden) {
      showIssues(field, []);
      continue;
    }
    showIssues(field, validateField(path, valueOf(field) ?? null, current, options()));
  }
}

function edited(field) {
  state.touched.add(field.dataset.path);
  if (field.dataset.path === "/goods/0/commodity") fillSelect(byPath.get("/goods/0/type"));
  showRelevant();
  showResolved(field);
  recheck();
}

function showReport(report) {
  const words = ui();
  const box = document.getElementById("report");
  box.hidden = false;
  const verdict = document.getElementById("verdict");
  verdict.textContent = report.valid ? words.valid : words.invalid;
  verdict.className = `badge ${report.valid ? "valid" : "invalid"}`;
  verdict.dataset.valid = String(report.valid);
  document.getElementById("quality").textContent = `${report.quality} / 100`;
  document.getElementById("quality-meter").value = report.quality;
  document.getElementById("counts").textContent = words.counts(report.counts);
  const list = document.getElementById("issues");
  if (report.issues.length === 0) {
    const none = document.createElement("li");
    none.className = "none";
    none.textContent = words.noIssue;
    list.replaceChildren(none);
    return;
  }
  list.replaceChildren(
    ...report.issues.map((issue) => {
      const item = document.createElement("li");
      const target = [...byPath.keys()].find((path) => issue.path === path || issue.path.startsWith(`${path}/`));
      const where = state.labels.field[labelKey(issue.path)] ?? (issue.path || "—");
      const text = document.createElement(target ? "a" : "span");
      if (target) {
        text.href = `#f${target.replaceAll("/", "-")}`;
        text.addEventListener("click", (event) => {
          event.preventDefault();
          input(byPath.get(target)).focus();
        });
      }
      text.textContent = `${where}: ${issue.message}`;
      text.className = `sev-${issue.severity}`;
      const rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = ` ${issue.rule}`;
      item.append(text, rule);
      return item;
    }),
  );
}

function check() {
  const report = validate(record(), options());
  state.report = report;
  for (const field of fields) if (!field.hidden) state.touched.add(field.dataset.path);
  recheck();
  showReport(report);
}

function download() {
  const data = record();
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${data.case_ref || `seizure-${data.seizure_date ?? "draft"}`}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function setLanguage(lang) {
  state.lang = lang;
  state.labels = labels(lang);
  translate();
  for (const field of fields) showResolved(field);
  recheck();
  if (state.report) check();
}

async function start() {
  try {
    await init();
  } catch (error) {
    const loading = document.getElementById("loading");
    loading.textContent = `cen-wasm could not be loaded: ${error.message}`;
    loading.className = "notice error";
    return;
  }
  build();
  const lang = document.getElementById("lang");
  setLanguage(lang.value);
  showRelevant();
  lang.addEventListener("change", () => setLanguage(lang.value));
  for (const radio of document.querySelectorAll("input[name=form]")) {
    radio.addEventListener("change", () => {
      showRelevant();
      recheck();
      if (state.report) check();
    });
  }
  formElement.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
  });
  document.getElementById("download").addEventListener("click", download);
  document.getElementById("version").textContent = `cen ${version()}`;
  document.getElementById("loading").hidden = true;
  formElement.hidden = false;
  document.body.dataset.ready = "true";
  loadNames().then(
    () => {
      document.body.dataset.names = "loaded";
      for (const field of fields) showResolved(field);
    },
    (error) => {
      // Only the place names are missing: everything else works without them.
      document.body.dataset.names = "failed";
      console.warn(`cen-wasm: place names not loaded: ${error.message}`);
    },
  );
}

start();

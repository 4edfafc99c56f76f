// The seizure form: built from the core's form model (formModel), checked live by the core's
// validator (validate), with code pickers over the core's search (search), drafts in the
// browser, JSON import and export, the projection sent to CEN, and a file check. All the
// knowledge of the record is the library's; this file wires the page.

import * as cen from "../cen-wasm/js/cen.js";
import { RTL, loadWords, wordsOf } from "./words.js";
import { clearDraft, loadDraft, saveDraft } from "./drafts.js";
import { get, leaves, patternOf, set, tokens } from "./pointer.js";
import { dependencies, fieldsByPattern, patternsOf, shownRecord } from "./model.js";
import { HEADER_FIELDS, idOf, renderForm } from "./render.js";
import { refreshFileCheck, startFileCheck, warmUp } from "./files.js";

const $ = (id) => document.getElementById(id);

const state = {
  lang: "en",
  form: "long",
  source: "cen",
  profileId: "",
  profile: null,
  record: {},
  touched: new Set(),
  model: null,
  byPattern: new Map(),
  current: new Set(),
  known: new Set(),
  deps: new Set(),
  fields: new Map(),
  report: null,
  served: [],
  // The table pack in use (spec 7.2), chosen by the person: { tables (cen-wasm's Tables), bytes
  // (for the file check's worker, which has a module of its own), name }; null for the built-in
  // tables. Kept in memory only: a reload goes back to the built-in tables (or to the served pack).
  pack: null,
  // The pack `cen serve --tables` names in profiles.json: { name, bytes } or { name, error }.
  servedPack: null,
};

/** Timings the browser test reads (performance.now(), milliseconds since the page started). */
// validate: the core's call alone; check: all the page does after a change (the record as shown,
// validate, messages, report, preview).
const timings = { firstRender: null, validate: [], check: [] };
window.cenForm = { timings, state };

let words = (key) => key;

const options = () => ({
  lang: state.lang,
  form: state.form,
  source: state.source,
  ...(state.profile ? { profile: state.profile } : {}),
  ...(state.pack ? { tables: state.pack.tables } : {}),
});

function status(text, kind = "info") {
  const box = $("status");
  box.textContent = text;
  box.className = `notice ${kind}`;
  box.hidden = text === "";
}

// ---------------------------------------------------------------------------------------------
// The model and the page's words

function setModel() {
  state.model = cen.formModel(options());
  state.byPattern = fieldsByPattern(state.model);
  state.current = patternsOf(state.model);
  state.deps = dependencies(state.model);
  // The widest model (long form, nCEN, no profile): what the form can ever show. A field it
  // holds that this model does not is hidden, not unknown (see shownRecord). Its paths do not
  // depend on the language: made once.
  if (state.known.size === 0) state.known = patternsOf(cen.formModel({ form: "long", source: "ncen" }));
}

// The labels of one language (for pseudo-codes and severities), asked once per language.
const labelsCache = new Map();
function labelsOf(lang) {
  if (!labelsCache.has(lang)) labelsCache.set(lang, cen.labels(lang));
  return labelsCache.get(lang);
}

/** The languages of the `lang` option, each named in itself (CLDR names, from the core). */
function languages() {
  return Object.keys(labelsOf("en").language).map((code) => [code, labelsOf(code).language[code]]);
}

function translatePage() {
  words = wordsOf(state.lang);
  document.documentElement.lang = state.lang;
  document.documentElement.dir = RTL.has(state.lang) ? "rtl" : "ltr";
  document.title = `${words("title")} – cen`;
  for (const element of document.querySelectorAll("[data-word]")) element.textContent = words(element.dataset.word);
  fillHeader();
  showTables();
}

/** The header's choices: form and source from the model's own fields, languages, profiles. */
function fillHeader() {
  const valuesOf = (path) => state.byPattern.get(path)?.values ?? [];
  const fill = (select, entries, chosen) => {
    select.replaceChildren(...entries.map(([value, text]) => new Option(text, value)));
    select.value = chosen;
  };
  fill($("choose-form"), valuesOf("/form").map((v) => [v.value, v.label]), state.form);
  fill($("choose-source"), valuesOf("/source").map((v) => [v.value, v.label]), state.source);
  fill($("choose-lang"), languages(), state.lang);
  // Each name is in its own language: screen readers say it in that language.
  for (const option of $("choose-lang").options) option.lang = option.value;
  const profiles = [["", words("profileNone")], ...state.served.map((p) => [p.id, p.profile.name ?? p.id])];
  if (state.profile && !state.served.some((p) => p.id === state.profileId)) {
    profiles.push([state.profileId, state.profile.name ?? state.profileId]);
  }
  profiles.push(["@file", words("profileFile")]);
  fill($("choose-profile"), profiles, state.profileId);
}

// ---------------------------------------------------------------------------------------------
// Rendering and checking

function render({ focus } = {}) {
  const active = focus ?? document.activeElement?.id;
  const caret = document.activeElement?.selectionStart;
  state.fields = renderForm($("record"), {
    model: state.model,
    record: state.record,
    words,
    onEdit: edited,
    onAdd: addItem,
    onRemove: removeItem,
    find,
    describe,
    waiting: () => !cen.namesLoaded(),
  });
  if (active) {
    const element = $(active);
    if (element) {
      element.closest("details")?.setAttribute("open", "");
      element.focus({ preventScroll: true });
      if (typeof caret === "number" && typeof element.setSelectionRange === "function" && element.type === "text") {
        element.setSelectionRange(caret, caret);
      }
    }
  }
}

/** The record as the form stands for it (hidden fields left out). */
const shown = () => shownRecord(state.record, state.byPattern, state.current, state.known);

/** The shown field an issue belongs to: the field itself, the nearest field above, or the first below. */
function targetOf(path) {
  if (state.fields.has(path)) return path;
  const parts = tokens(path);
  for (let n = parts.length - 1; n > 0; n--) {
    const up = `/${parts.slice(0, n).join("/")}`;
    if (state.fields.has(up)) return up;
  }
  for (const [pointer, entry] of state.fields) {
    if (pointer.startsWith(`${path}/`) && !entry.box.hidden) return pointer;
  }
  return null;
}

function check() {
  const started = performance.now();
  const record = shown();
  const report = cen.validate(record, options());
  timings.validate.push(performance.now() - started);
  state.report = report;
  const byField = new Map();
  const rest = [];
  for (const issue of report.issues) {
    const target = targetOf(issue.path);
    if (target) {
      if (!byField.has(target)) byField.set(target, []);
      byField.get(target).push(issue);
    } else {
      rest.push(issue);
    }
  }
  for (const [pointer, entry] of state.fields) {
    const issues = state.touched.has(pointer) ? byField.get(pointer) ?? [] : [];
    // The DOM is touched only where the messages changed: a keystroke changes few fields.
    const signature = issues.map((issue) => `${issue.rule}\u0000${issue.message}`).join("\u0001");
    if (entry.shown === signature) continue;
    entry.shown = signature;
    entry.messages.replaceChildren(
      ...issues.map((issue) => {
        const item = document.createElement("li");
        item.className = `sev-${issue.severity}`;
        item.dataset.rule = issue.rule;
        item.textContent = issue.message;
        return item;
      }),
    );
    const invalid = issues.some((issue) => issue.severity === "error");
    entry.control?.setAttribute("aria-invalid", String(invalid));
    entry.box.classList.toggle("has-error", invalid);
  }
  showReport(report);
  const preview = $("cen-preview");
  preview.hidden = state.source !== "ncen";
  if (!preview.hidden) $("cen-json").textContent = JSON.stringify(cen.toCen(record), null, 2);
  document.body.dataset.valid = String(report.valid);
  timings.check.push(performance.now() - started);
}

function showReport(report) {
  const verdict = $("verdict");
  verdict.textContent = report.valid ? words("valid") : words("invalid");
  verdict.className = `badge ${report.valid ? "valid" : "invalid"}`;
  verdict.dataset.valid = String(report.valid);
  $("counts").textContent = words("counts", report.counts);
  $("quality").textContent = `${report.quality} / 100`;
  $("quality-meter").value = report.quality;
  const list = $("issues");
  if (report.issues.length === 0) {
    const none = document.createElement("li");
    none.className = "none";
    none.textContent = words("noIssue");
    list.replaceChildren(none);
    return;
  }
  list.replaceChildren(
    ...report.issues.map((issue) => {
      const item = document.createElement("li");
      item.dataset.rule = issue.rule;
      item.dataset.path = issue.path;
      const target = targetOf(issue.path);
      const where = target ? state.fields.get(target).field.label : issue.path || words("wholeRecord");
      const text = document.createElement(target ? "a" : "span");
      text.className = `sev-${issue.severity}`;
      text.textContent = `${where}: ${issue.message}`;
      if (target) {
        text.href = `#${idOf(target)}`;
        text.addEventListener("click", (event) => {
          event.preventDefault();
          focusField(target);
        });
      }
      const rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = issue.rule;
      item.append(text, " ", rule);
      return item;
    }),
  );
}

function focusField(pointer) {
  const entry = state.fields.get(pointer);
  if (!entry) return;
  entry.box.closest("details")?.setAttribute("open", "");
  state.touched.add(pointer);
  entry.control.focus();
  entry.box.scrollIntoView({ block: "center" });
  check();
}

// ---------------------------------------------------------------------------------------------
// Editing

let saveTimer = null;
function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveDraft({
      record: state.record,
      form: state.form,
      source: state.source,
      lang: state.lang,
      profileId: state.profileId,
      profile: state.profile,
      touched: [...state.touched],
    });
    document.body.dataset.draft = "saved";
  }, 150);
}

function edited(pointer, value, { rerender = false, focus } = {}) {
  set(state.record, pointer, value);
  state.touched.add(pointer);
  if (rerender || state.deps.has(patternOf(pointer))) render({ focus });
  check();
  saveSoon();
}

function addItem(list) {
  const items = get(state.record, list);
  const min = minOf(state.model, patternOf(list));
  // The items shown (at least the section's minimum, empty ones included), and one more.
  const next = Array.isArray(items) ? [...items] : [];
  while (next.length < min) next.push({});
  next.push({});
  set(state.record, list, next);
  render();
  // Focus the first control of the new item.
  const first = document.querySelector(`[data-item="${list}/${next.length - 1}"] input, [data-item="${list}/${next.length - 1}"] select`);
  first?.focus();
  check();
  saveSoon();
}

function minOf(model, pattern) {
  const visit = (sections) => {
    for (const section of sections) {
      if (section.path === pattern) return section.repeat?.min ?? 0;
      const inner = visit(section.sections ?? []);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return visit(model.sections) ?? 0;
}

function removeItem(item) {
  const parts = tokens(item);
  const index = Number(parts.pop());
  const list = `/${parts.join("/")}`;
  const items = get(state.record, list);
  if (Array.isArray(items)) {
    items.splice(index, 1);
    if (items.length === 0) set(state.record, list, undefined);
  }
  // Touched fields after the removed item move up by one.
  const moved = new Set();
  for (const pointer of state.touched) {
    if (!pointer.startsWith(`${list}/`)) {
      moved.add(pointer);
      continue;
    }
    const rest = tokens(pointer.slice(list.length));
    const at = Number(rest[0]);
    if (at === index) continue;
    rest[0] = String(at > index ? at - 1 : at);
    moved.add(`${list}/${rest.join("/")}`);
  }
  state.touched = moved;
  render();
  check();
  saveSoon();
}

// ---------------------------------------------------------------------------------------------
// Pickers: search (spec 6.2) and the name of a chosen code

function find(table, query, pseudo) {
  const q = query.toLowerCase();
  const own = pseudo
    .filter((p) => p.code.toLowerCase().startsWith(q) || p.label.toLowerCase().includes(q))
    .map((p) => ({ value: p.code, text: p.label }));
  if (!table) return own;
  let results = [];
  if (cen.namesLoaded()) {
    try {
      // With a pack loaded, its places and airports are offered (spec 7.2).
      results = (state.pack?.tables ?? cen).search(table, query, { lang: state.lang, limit: 8 });
    } catch (error) {
      console.warn(`cen: search ${table}: ${error.message}`);
    }
  }
  return [
    ...own,
    ...results.map((r) => ({
      value: r.code,
      text: r.name || r.country_name || "",
      detail: r.name && r.country_name ? `${r.country_name}${r.iata && r.iata !== r.code ? ` · ${r.iata}` : ""}` : "",
    })),
  ];
}

/**
 * The name of a code as the person should see it, or null when the code is unknown. Look-ups
 * forgive what people type (spec 5.3b: `nlrtm`, `2402.20`) but validation does not, so a code
 * not written as its table writes it is described as unknown, as validation will report it.
 */
function describe(kind, table, code) {
  if (typeof code !== "string") return null;
  let written = code.replace(/\s/g, "").toUpperCase();
  if (kind === "hs") written = written.replace(/\./g, "");
  if (written !== code) return null;
  try {
    if (kind === "country") {
      const pseudo = labelsOf(state.lang).country_pseudo?.[code];
      if (pseudo) return pseudo;
      return cen.lookupCountry(code, state.lang)?.name ?? null;
    }
    if (kind === "currency") return cen.lookupCurrency(code, state.lang)?.name ?? null;
    if (kind === "hs") {
      const hs = cen.lookupHs(code);
      return hs ? hs.description || hs.code : null;
    }
    if (kind === "location") {
      // In the pack's tables when one is loaded: a code it adds is known, one it withdraws is marked so.
      const place = state.pack ? state.pack.tables.lookupLocation(code, state.lang) : cen.lookupLocation(code, state.lang);
      if (!place) return null;
      return [place.name, place.country_name].filter(Boolean).join(" · ");
    }
  } catch {
    return null;
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Choices in the header

function switched() {
  try {
    setModel();
  } catch (error) {
    status(words("profileBad", { message: error.message }), "error");
    state.profile = null;
    state.profileId = "";
    setModel();
  }
  state.record.form = state.form;
  state.record.source = state.source;
  translatePage();
  render();
  check();
  refreshFileCheck();
  saveSoon();
}

async function chooseProfile(id) {
  if (id === "@file") {
    $("profile-file").click();
    $("choose-profile").value = state.profileId;
    return;
  }
  const served = state.served.find((p) => p.id === id);
  useProfile(id, served ? served.profile : null);
}

function useProfile(id, profile) {
  if (profile) {
    try {
      // The core refuses a malformed profile with a clear message (spec 5.1).
      cen.formModel({ ...options(), profile });
    } catch (error) {
      status(words("profileBad", { message: error.message }), "error");
      fillHeader();
      return;
    }
  }
  state.profileId = profile ? id : "";
  state.profile = profile;
  if (profile?.form) state.form = profile.form;
  status("");
  switched();
}

async function readProfileFile(file) {
  try {
    const profile = JSON.parse(await file.text());
    if (profile === null || typeof profile !== "object" || Array.isArray(profile)) throw new Error("not a JSON object");
    useProfile(`file:${file.name}`, profile);
  } catch (error) {
    status(words("profileBad", { message: error.message }), "error");
    fillHeader();
  }
}

async function loadServedProfiles() {
  try {
    const list = await (await fetch("profiles.json")).json();
    const loaded = await Promise.all(
      (list.profiles ?? []).map(async ({ id, file }) => {
        try {
          return { id, profile: await (await fetch(file)).json() };
        } catch {
          return null; // a profile that cannot be fetched is simply not offered
        }
      }),
    );
    state.served = loaded.filter(Boolean);
    // `cen serve --tables` names its pack here: the page checks against it from the start.
    if (typeof list.tables?.file === "string") {
      const name = String(list.tables.name ?? list.tables.file);
      try {
        const response = await fetch(list.tables.file);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        state.servedPack = { name, bytes: new Uint8Array(await response.arrayBuffer()) };
      } catch (error) {
        state.servedPack = { name, error };
      }
    }
  } catch {
    state.served = [];
  }
}

/**
 * Builds the search index of the pack in use soon, once the page shows it, rather than on the
 * first key pressed in a picker (it takes about as long as the built-in one's). Needs the names.
 */
function warmPackSearch() {
  const tables = state.pack?.tables;
  if (tables && cen.namesLoaded()) setTimeout(() => state.pack?.tables === tables && tables.search("location", ""), 0);
}

/** Takes the pack the server named (`state.servedPack`), as if the person had chosen it. */
function useServedPack() {
  const served = state.servedPack;
  if (!served) return;
  try {
    if (served.error) throw served.error;
    const tables = cen.loadTables(served.bytes);
    state.pack = { tables, bytes: served.bytes, name: served.name };
    document.body.dataset.tables = tables.sha256;
    showTables();
  } catch (error) {
    // The built-in tables stay; the header says so, and the status why.
    status(words("tablesBad", { file: served.name, message: error.message }), "error");
  }
}

// ---------------------------------------------------------------------------------------------
// Code tables: the built-in ones, or a table pack the person loads (a `.pack` file written by
// `cen tables build`), against which every record is checked from then on.

/** The UN/LOCODE edition of a list of editions (as editions() gives them), without the table's
 * name that the built-in edition starts with (the words name it). */
const unlocodeOf = (editions) => (editions.find((e) => e.table === "unlocode")?.edition ?? "?").replace(/^UN\/LOCODE\s+/, "");

function showTables() {
  const text = state.pack
    ? words("tablesPack", { file: state.pack.name, edition: unlocodeOf(state.pack.tables.editions()) })
    : words("tablesBuiltin", { edition: unlocodeOf(cen.editions()) });
  const edition = $("tables-edition");
  edition.textContent = text;
  edition.dataset.edition = unlocodeOf(state.pack ? state.pack.tables.editions() : cen.editions());
  $("load-tables").title = text;
}

async function readTablesFile(file) {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The core checks the pack (size, magic, version, checksum, structure) and says what is wrong.
    const tables = cen.loadTables(bytes);
    state.pack?.tables.free();
    state.pack = { tables, bytes, name: file.name };
    document.body.dataset.tables = tables.sha256;
    showTables();
    status(words("tablesLoaded", { file: file.name, edition: unlocodeOf(tables.editions()) }));
    render();
    check();
    warmPackSearch();
  } catch (error) {
    // The tables in use stay as they were.
    status(words("tablesBad", { file: file.name, message: error.message }), "error");
  }
}

// ---------------------------------------------------------------------------------------------
// Records in and out

function exportJson() {
  const record = shown();
  const blob = new Blob([`${JSON.stringify(record, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${String(record.case_ref || `seizure-${record.seizure_date ?? "draft"}`).replace(/[^\w.-]+/g, "_")}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Takes a record (imported or restored): its form and source choose the form's. */
function useRecord(record) {
  state.record = record;
  if (["long", "simplified"].includes(record.form)) state.form = record.form;
  if (["cen", "ncen", "cencomm"].includes(record.source)) state.source = record.source;
  state.touched = new Set(leaves(record).map(([pointer]) => pointer));
}

async function importJson(file) {
  try {
    if (file.size > 1 << 20) throw new Error("larger than 1 MiB");
    const record = JSON.parse(await file.text());
    if (record === null || typeof record !== "object" || Array.isArray(record)) throw new Error("not a JSON object");
    useRecord(record);
    switched();
    status(words("imported", { file: file.name }));
  } catch (error) {
    status(words("importBad", { file: file.name, message: error.message }), "error");
  }
}

function newRecord() {
  if (Object.keys(state.record).some((key) => !HEADER_FIELDS.has(`/${key}`)) && !window.confirm(words("newConfirm"))) return;
  state.record = { form: state.form, source: state.source };
  state.touched = new Set();
  clearDraft();
  status("");
  render();
  check();
}

// ---------------------------------------------------------------------------------------------
// Tabs

function showTab(which) {
  for (const [tab, panel] of [["tab-entry", "panel-entry"], ["tab-file", "panel-file"]]) {
    const on = tab === which;
    $(tab).setAttribute("aria-selected", String(on));
    $(tab).tabIndex = on ? 0 : -1;
    $(panel).hidden = !on;
  }
}

// ---------------------------------------------------------------------------------------------

async function start() {
  try {
    await Promise.all([loadWords(), cen.default().then(() => performance.mark("cen:wasm")), loadServedProfiles()]);
    if (typeof cen.formModel !== "function" || typeof cen.search !== "function") {
      throw new Error("this cen-wasm has no formModel() or search(): rebuild it (bindings-wasm/scripts/build.sh)");
    }
  } catch (error) {
    const loading = $("loading");
    loading.textContent = `cen-wasm: ${error.message}`;
    loading.className = "notice error";
    return;
  }
  const draft = loadDraft();
  const browserLang = (navigator.language ?? "en").slice(0, 2);
  const offered = languages().map(([code]) => code);
  state.lang = offered.includes(browserLang) ? browserLang : "en";
  if (draft) {
    useRecord(draft.record);
    if (offered.includes(draft.lang)) state.lang = draft.lang;
    if (["long", "simplified"].includes(draft.form)) state.form = draft.form;
    if (["cen", "ncen", "cencomm"].includes(draft.source)) state.source = draft.source;
    if (draft.profile && typeof draft.profile === "object") {
      state.profile = draft.profile;
      state.profileId = draft.profileId || "draft";
    }
    state.touched = new Set(Array.isArray(draft.touched) ? draft.touched : state.touched);
  }
  try {
    setModel();
  } catch {
    state.profile = null;
    state.profileId = "";
    setModel();
  }
  state.record.form = state.form;
  state.record.source = state.source;
  performance.mark("cen:model");
  translatePage();
  useServedPack();
  render();
  check();
  timings.firstRender = performance.now();
  timings.marks = Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, Math.round(m.startTime)]));
  timings.marks.domInteractive = Math.round(performance.getEntriesByType("navigation")[0]?.domInteractive ?? 0);
  if (draft) status(words("draftRestored", { time: new Date(draft.saved).toLocaleString(state.lang) }));

  $("choose-lang").addEventListener("change", (event) => {
    state.lang = event.target.value;
    switched();
  });
  $("choose-form").addEventListener("change", (event) => {
    state.form = event.target.value;
    switched();
  });
  $("choose-source").addEventListener("change", (event) => {
    state.source = event.target.value;
    switched();
  });
  $("choose-profile").addEventListener("change", (event) => chooseProfile(event.target.value));
  $("profile-file").addEventListener("change", (event) => {
    if (event.target.files[0]) readProfileFile(event.target.files[0]);
    event.target.value = "";
  });
  $("load-tables").addEventListener("click", () => $("tables-file").click());
  $("tables-file").addEventListener("change", (event) => {
    if (event.target.files[0]) readTablesFile(event.target.files[0]);
    event.target.value = "";
  });
  $("import-json").addEventListener("click", () => $("import-file").click());
  $("import-file").addEventListener("change", (event) => {
    if (event.target.files[0]) importJson(event.target.files[0]);
    event.target.value = "";
  });
  $("export-json").addEventListener("click", exportJson);
  $("new-record").addEventListener("click", newRecord);
  $("record").addEventListener("submit", (event) => event.preventDefault());
  $("record").addEventListener("focusout", (event) => {
    const box = event.target.closest?.("[data-path]");
    if (box && !state.touched.has(box.dataset.path)) {
      state.touched.add(box.dataset.path);
      check();
    }
  });
  for (const tab of ["tab-entry", "tab-file"]) $(tab).addEventListener("click", () => showTab(tab));
  $("tab-entry").addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      showTab("tab-file");
      $("tab-file").focus();
    }
  });
  $("tab-file").addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      showTab("tab-entry");
      $("tab-entry").focus();
    }
  });
  // A file is checked as `cen validate` checks it: each record's own form and source, with the
  // page's language and profile.
  startFileCheck({
    words: () => words,
    severity: (word) => labelsOf(state.lang).severity?.[word] ?? word,
    // The pack goes to the worker as bytes: its module loads them into its own instance.
    options: () => ({
      lang: state.lang,
      ...(state.profile ? { profile: state.profile } : {}),
      ...(state.pack ? { tables: state.pack.bytes } : {}),
    }),
  });
  $("version").textContent = `cen ${cen.version()}`;
  $("loading").hidden = true;
  showTab("tab-entry");
  document.body.dataset.ready = "true";
  // Then what the page needs later: the place names (pickers search them) and the file check's
  // worker. Once both are in, the page fetches nothing more.
  const names = cen.loadNames().then(
    () => {
      document.body.dataset.names = "loaded";
      render();
      check();
      warmPackSearch();
    },
    (error) => {
      document.body.dataset.names = "failed";
      console.warn(`cen-wasm: place names not loaded: ${error.message}`);
    },
  );
  await Promise.all([names, warmUp()]);
  document.body.dataset.loaded = "true";
}

start();


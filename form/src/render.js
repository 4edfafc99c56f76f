// Builds the form from the core's form model: one card per section, one item per entry of a
// repeated section (goods lines, legs, offenders, ...), one control per field chosen by its kind,
// and nothing listed by hand. What applies, what is required and which values an enumeration
// allows are read from the model's conditions for the record as it stands (model.js).

import { get, instantiate, indicesOf } from "./pointer.js";
import { applies, requiredAt, tableAt, valuesAt, wholeAt } from "./model.js";
import { picker } from "./picker.js";

/** The id of a field's control: "/goods/0/type" → "f-goods-0-type". */
export const idOf = (pointer) => `f${pointer.replace(/[^A-Za-z0-9_]/g, "-")}`;

/** Fields the page's header sets for the whole record (their values come from the model). */
export const HEADER_FIELDS = new Set(["/form", "/source"]);

const el = (tag, props = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = value;
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key in element && typeof value !== "string") element[key] = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
};

/** A value typed in a number field as the record holds it: a number when it reads as one. */
export function numberOf(text) {
  const raw = text.trim();
  if (raw === "") return undefined;
  return /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(raw) ? Number(raw) : raw;
}

/**
 * Renders the whole form into `container`. `ctx`:
 * { model, record, words(key, params), onEdit(pointer, value), onAdd(pointer), onRemove(pointer),
 *   find(table, query, pseudo), describe(kind, table, code), waiting() }.
 * Returns a Map from each shown field's pointer to { field, box, control, messages }.
 */
export function renderForm(container, ctx) {
  const fields = new Map();
  const cards = [];
  for (const section of ctx.model.sections) {
    const card = el("section", { class: `card section${section.nominal ? " national" : ""}`, dataset: { section: section.id } });
    const headingId = `s-${section.id}`;
    card.setAttribute("aria-labelledby", headingId);
    card.append(el("h2", { id: headingId }, section.label));
    renderSectionBody(card, section, "", ctx, fields);
    cards.push(card);
  }
  container.replaceChildren(...cards);
  return fields;
}

function nationalNote(ctx) {
  return el("p", { class: "national-note" }, el("span", { class: "flag", "aria-hidden": "true" }, "⚑ "), ctx.words("national"));
}

function renderSectionBody(card, section, parent, ctx, fields) {
  if (section.nominal) card.append(nationalNote(ctx));
  if (!section.repeat) {
    card.append(...renderFields(section.fields, [], ctx, fields));
    for (const inner of section.sections ?? []) renderNested(card, inner, parent, ctx, fields);
    return;
  }
  const list = instantiate(section.path, indicesOf(parent));
  const items = get(ctx.record, list);
  const count = Math.max(Array.isArray(items) ? items.length : 0, section.repeat.min);
  const holder = el("div", { class: "items", dataset: { list } });
  for (let i = 0; i < count; i++) {
    const item = `${list}/${i}`;
    const name = ctx.words("item", { section: section.label, n: i + 1 });
    const legendId = `${idOf(item)}-legend`;
    const box = el("fieldset", { class: "item", dataset: { item } });
    box.setAttribute("aria-labelledby", legendId);
    const legend = el("legend", { id: legendId }, name);
    box.append(legend);
    if (count > section.repeat.min) {
      box.append(
        el("button", {
          type: "button", class: "remove", "aria-label": ctx.words("removeItem", { item: name }),
          onclick: () => ctx.onRemove(item),
        }, ctx.words("remove")),
      );
    }
    box.append(...renderFields(section.fields, indicesOf(item), ctx, fields));
    for (const inner of section.sections ?? []) renderNested(box, inner, item, ctx, fields);
    holder.append(box);
  }
  card.append(holder);
  if (count < section.repeat.max) {
    card.append(
      el("button", {
        type: "button", class: "add", dataset: { add: list },
        "aria-label": ctx.words("addTo", { section: section.label }),
        onclick: () => ctx.onAdd(list),
      }, `+ ${ctx.words("add")}`),
    );
  }
}

function renderNested(parentBox, section, parent, ctx, fields) {
  const box = el("div", { class: `subsection${section.nominal ? " national" : ""}`, dataset: { section: section.id } });
  const headingId = `${idOf(instantiate(section.path, indicesOf(parent)))}-title`;
  box.setAttribute("role", "group");
  box.setAttribute("aria-labelledby", headingId);
  box.append(el("h3", { id: headingId }, section.label));
  renderSectionBody(box, section, parent, ctx, fields);
  parentBox.append(box);
}

/** The fields of one section or item: a grid, with the `more` tier folded in the simplified form. */
function renderFields(list, indices, ctx, fields) {
  const core = el("div", { class: "grid" });
  const more = el("div", { class: "grid" });
  const fold = ctx.model.form === "simplified";
  for (const field of list) {
    if (HEADER_FIELDS.has(field.path) || field.kind === "object") continue;
    const pointer = instantiate(field.path, indices);
    const box = renderField(field, pointer, ctx, fields);
    (fold && field.tier === "more" ? more : core).append(box);
  }
  const out = [core];
  if (more.childElementCount > 0) {
    const details = el("details", { class: "more" }, el("summary", {}, ctx.words("more")), more);
    // Folded unless something in it is filled: what was typed stays in sight.
    details.open = [...more.querySelectorAll("[data-path]")].some((box) => get(ctx.record, box.dataset.path) !== undefined);
    out.push(details);
  }
  return out;
}

function renderField(field, pointer, ctx, fields) {
  const id = idOf(pointer);
  const shown = applies(field, ctx.record, pointer);
  const required = requiredAt(field, ctx.record, pointer);
  const value = get(ctx.record, pointer);
  const box = el("div", {
    class: `field${field.kind === "list" || (field.limits?.max_length ?? 0) > 256 ? " wide" : ""}${field.nominal ? " nominal" : ""}`,
    dataset: { path: pointer, kind: field.kind },
  });
  box.hidden = !shown;
  const label = el("label", { for: id }, field.label);
  if (required) {
    label.append(el("span", { class: "required", "aria-hidden": "true" }, " *"));
    box.dataset.required = "true";
  }
  if (field.nominal) label.append(el("span", { class: "nominal-mark", title: ctx.words("national") }, " ⚑"));
  const help = el("span", { class: "help", id: `${id}-help` }, field.help ?? "");
  const hint = el("span", { class: "hint", id: `${id}-hint`, "aria-live": "polite" });
  const messages = el("ul", { class: "messages", id: `${id}-messages` });
  const control = makeControl(field, pointer, value, ctx, hint, id);
  const describedBy = `${id}-help ${id}-hint ${id}-messages`;
  for (const target of control.targets) {
    target.setAttribute("aria-describedby", describedBy);
    if (required) target.setAttribute("aria-required", "true");
  }
  box.append(label, control.element, help, hint, messages);
  if (field.kind === "list" && control.group) {
    // A group of checkboxes: the label names the group.
    label.removeAttribute("for");
    label.id = `${id}-label`;
    control.element.setAttribute("aria-labelledby", `${id}-label`);
  }
  fields.set(pointer, { field, box, control: control.targets[0], messages, hint });
  if (shown) control.describe?.();
  return box;
}

function makeControl(field, pointer, value, ctx, hint, id) {
  const edit = (next) => ctx.onEdit(pointer, next);
  const kind = field.kind;
  if (kind === "enumeration") {
    const values = valuesAt(field, ctx.record, pointer);
    const select = el("select", { id, name: pointer });
    select.append(new Option(ctx.words("choose"), ""));
    for (const { value: v, label } of values ?? []) select.append(new Option(label, v));
    if (value !== undefined && ![...select.options].some((option) => option.value === value)) {
      // A value the choices do not hold (imported, or the area changed): kept and shown as is.
      select.append(new Option(String(value), String(value)));
    }
    select.value = value ?? "";
    select.disabled = values === null;
    select.addEventListener("change", () => edit(select.value === "" ? undefined : select.value));
    return { element: select, targets: [select] };
  }
  if (kind === "list") return makeList(field, pointer, value, ctx, hint, id);
  if (field.search) {
    const input = el("input", { id, name: pointer, type: "text", autocapitalize: "characters", class: "code-input" });
    input.value = value ?? "";
    const table = tableAt(field.search, ctx.record, pointer);
    const describe = () => {
      const code = input.value.trim();
      const text = code === "" ? "" : ctx.describe(kind, table, code);
      hint.textContent = text ?? ctx.words("unknownCode");
      hint.classList.toggle("unknown", text === null);
    };
    input.addEventListener("input", () => {
      edit(input.value.trim() === "" ? undefined : input.value.trim());
      describe();
    });
    const wrap = el("div", { class: "picker" }, input);
    picker(input, {
      find: (query) => ctx.find(table, query, field.search.pseudo ?? []),
      onPick: (code) => {
        edit(code);
        describe();
      },
      words: () => ({ searchNone: ctx.words("searchNone"), searchWait: ctx.words("searchWait") }),
      waiting: ctx.waiting,
    });
    input.dataset.table = table;
    return { element: wrap, targets: [input], describe };
  }
  if (kind === "date") {
    const input = el("input", { id, name: pointer, type: "date" });
    input.value = value ?? "";
    input.addEventListener("input", () => edit(input.value === "" ? undefined : input.value));
    return { element: input, targets: [input] };
  }
  if (kind === "number" || kind === "integer") {
    const whole = wholeAt(field, ctx.record, pointer);
    const input = el("input", { id, name: pointer, type: "text", inputMode: whole ? "numeric" : "decimal" });
    input.value = value ?? "";
    input.addEventListener("input", () => edit(numberOf(input.value)));
    return { element: input, targets: [input] };
  }
  const long = (field.limits?.max_length ?? 0) > 256;
  const input = long ? el("textarea", { id, name: pointer, rows: 3 }) : el("input", { id, name: pointer, type: "text" });
  if (field.limits?.max_length) input.maxLength = field.limits.max_length;
  if (kind === "identifier") {
    input.autocapitalize = "characters";
    input.spellcheck = false;
    input.classList.add("code-input");
  }
  input.value = value ?? "";
  input.addEventListener("input", () => edit(input.value === "" ? undefined : input.value));
  return { element: input, targets: [input] };
}

/** A list field: checkboxes for an enumeration (detection.other), chips and a picker for codes. */
function makeList(field, pointer, value, ctx, hint, id) {
  const items = Array.isArray(value) ? value : [];
  const item = field.item ?? {};
  const max = field.limits?.max_items ?? 100;
  if (item.kind === "enumeration" && item.values) {
    const group = el("div", { class: "checks", id, role: "group" });
    const boxes = [];
    for (const { value: v, label } of item.values) {
      const box = el("input", { type: "checkbox", value: v, id: `${id}-${v}` });
      box.checked = items.includes(v);
      box.addEventListener("change", () => {
        const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
        ctx.onEdit(pointer, chosen.length === 0 ? undefined : chosen);
      });
      boxes.push(box);
      group.append(el("label", { class: "check" }, box, ` ${label}`));
    }
    return { element: group, targets: boxes.length ? [boxes[0]] : [group], group: true };
  }
  // Codes (route.transit): the chosen ones as removable chips, in order, and a picker to add one.
  const chips = el("ul", { class: "chips" });
  items.forEach((code, i) => {
    const name = ctx.describe(item.kind, item.search?.table, code);
    chips.append(
      el("li", { class: "chip" }, `${code}${name ? ` · ${name}` : ""} `,
        el("button", {
          type: "button", class: "chip-remove", "aria-label": ctx.words("removeItem", { item: code }),
          onclick: () => {
            const next = items.filter((_, j) => j !== i);
            ctx.onEdit(pointer, next.length ? next : undefined, { rerender: true });
          },
        }, "×")),
    );
  });
  const input = el("input", { id, name: pointer, type: "text", autocapitalize: "characters", class: "code-input" });
  input.disabled = items.length >= max;
  const add = (code) => {
    const clean = code.trim();
    if (clean === "" || items.length >= max) return;
    ctx.onEdit(pointer, [...items, clean], { rerender: true, focus: id });
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && input.getAttribute("aria-activedescendant") === null && input.value.trim() !== "") {
      event.preventDefault();
      add(input.value);
    }
  });
  const wrap = el("div", { class: "picker" }, input);
  picker(input, {
    find: (query) => ctx.find(item.search?.table ?? "country", query, item.search?.pseudo ?? []),
    onPick: add,
    words: () => ({ searchNone: ctx.words("searchNone"), searchWait: ctx.words("searchWait") }),
    waiting: ctx.waiting,
  });
  input.dataset.table = item.search?.table ?? "";
  return { element: el("div", { class: "list" }, chips, wrap), targets: [input] };
}

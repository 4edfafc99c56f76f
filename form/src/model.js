// Reading the core's form model (spec 6.1, docs/form-model.md): which fields apply to a given
// record, which are required, the values an enumeration allows and the table a picker searches,
// all from the model's data (its conditions, `values_by` and `search.by`). Pure functions over
// plain objects: no DOM, tested in Node.

import { get, instantiate, indicesOf, matches, patternOf, tokens } from "./pointer.js";

/** Every section of the model, nested ones included, depth first. */
export function allSections(model) {
  const out = [];
  const visit = (section) => {
    out.push(section);
    for (const inner of section.sections ?? []) visit(inner);
  };
  for (const section of model.sections ?? []) visit(section);
  return out;
}

// Every field of the model by its pattern ("/goods/*/type").
export function fieldsByPattern(model) {
  const map = new Map();
  for (const section of allSections(model)) for (const field of section.fields ?? []) map.set(field.path, field);
  return map;
}

/** The patterns whose values change what the form shows (conditions, values_by, search.by). */
export function dependencies(model) {
  const out = new Set();
  for (const field of fieldsByPattern(model).values()) {
    for (const condition of field.conditions ?? []) {
      for (const clause of condition.when ?? []) if (clause.path) out.add(clause.path);
    }
    for (const path of field.values_by?.paths ?? []) out.add(path);
    if (field.search?.by?.path) out.add(field.search.by.path);
    if (field.item?.search?.by?.path) out.add(field.item.search.by.path);
  }
  return out;
}

/** `pattern` made concrete with the indices of `pointer` (the same goods line, the same leg). */
const near = (pattern, pointer) => instantiate(pattern, indicesOf(pointer));

/** Whether one clause of a condition holds for the field at `pointer`. */
export function holds(clause, record, pointer) {
  if (clause.item !== undefined) {
    // {item: "/goods/*", index: 2}: the field belongs to that item of the list.
    const depth = tokens(clause.item).filter((token) => token === "*").length;
    return indicesOf(pointer)[depth - 1] === clause.index;
  }
  const value = get(record, near(clause.path, pointer));
  if (clause.absent) return value === undefined || value === null || value === "";
  if (clause.in) return clause.in.includes(value);
  if ("equals" in clause) return value === clause.equals;
  return false;
}

const allHold = (when, record, pointer) => (when ?? []).every((clause) => holds(clause, record, pointer));

/** Whether the field at `pointer` applies to the record as it stands (its `applies` conditions). */
export function applies(field, record, pointer) {
  return (field.conditions ?? [])
    .filter((condition) => condition.effect === "applies")
    .every((condition) => allHold(condition.when, record, pointer));
}

/** Whether the field at `pointer` is required for the record as it stands. */
export function requiredAt(field, record, pointer) {
  if (field.required) return true;
  return (field.conditions ?? []).some((condition) => condition.effect === "required" && allHold(condition.when, record, pointer));
}

/** Whether the field at `pointer` takes whole numbers only (its kind, or a `whole` condition). */
export function wholeAt(field, record, pointer) {
  if (field.kind === "integer" || field.limits?.whole) return true;
  return (field.conditions ?? []).some((condition) => condition.effect === "whole" && allHold(condition.when, record, pointer));
}

/**
 * The values an enumeration allows at `pointer`: from `values_by` (keyed by the values of its
 * `paths`, joined with "."), else `values`. Null when the key is not chosen yet.
 */
export function valuesAt(field, record, pointer) {
  if (field.values_by) {
    const key = field.values_by.paths.map((path) => get(record, near(path, pointer)) ?? "").join(".");
    return field.values_by.values[key] ?? null;
  }
  return field.values ?? null;
}

/** The search table of a coded field at `pointer` (`search.by` picks it by another field). */
export function tableAt(search, record, pointer) {
  if (!search) return null;
  if (search.by) {
    const chosen = get(record, near(search.by.path, pointer));
    return search.by.tables[chosen] ?? search.table;
  }
  return search.table;
}

/** The field of the model for a concrete pointer, or undefined. */
export function fieldAt(byPattern, pointer) {
  return byPattern.get(patternOf(pointer));
}

/**
 * The record the form stands for: what was typed, less the fields the model knows but does not
 * show for these choices (a leg identifier the leg's type does not allow, persons outside nCEN,
 * CITES fields on a drugs line). `current` holds the patterns of this model, `known` those of
 * the widest model (long form, nCEN): fields that not even that one knows are kept, so that the validator reports them. The typed record
 * itself keeps everything, so that switching back brings the values back.
 */
export function shownRecord(record, byPattern, current, known) {
  const keep = (pointer) => {
    const pattern = patternOf(pointer);
    const field = byPattern.get(pattern);
    if (field) return applies(field, record, pointer);
    // An object or list on the way to shown fields (`/goods/0`, `/location`): its content decides.
    if (current.has(pattern)) return true;
    return !known.has(pattern);
  };
  const walk = (value, pointer) => {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) {
      const field = byPattern.get(patternOf(pointer));
      if (field) return value; // a list field (route.transit): one value
      return value.map((item, i) => walk(item, `${pointer}/${i}`));
    }
    const out = {};
    for (const [key, inner] of Object.entries(value)) {
      const path = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!keep(path)) continue;
      const field = byPattern.get(patternOf(path));
      out[key] = field && field.kind !== "list" ? inner : walk(inner, path);
    }
    return out;
  };
  return walk(record, "");
}

/** Every pattern the model holds: fields, sections and the objects on the way (for shownRecord). */
export function patternsOf(model) {
  const out = new Set();
  for (const section of allSections(model)) {
    if (section.path) out.add(section.path);
    if (section.path && section.repeat) out.add(`${section.path}/*`);
    for (const field of section.fields ?? []) {
      out.add(field.path);
      // The objects on the way to the field (`/location` for `/location/type`).
      const parts = tokens(field.path);
      for (let i = 1; i < parts.length; i++) out.add(`/${parts.slice(0, i).join("/")}`);
    }
  }
  return out;
}

export { matches };

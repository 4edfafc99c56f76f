// JSON Pointers (RFC 6901) over the record the form builds, and the `*` patterns of the form
// model ("/goods/*/type": every goods line's type). Pure functions: no DOM, tested in Node.

/** The tokens of a pointer ("" is the whole record). */
export function tokens(pointer) {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The pointer of tokens. */
export function pointerOf(parts) {
  return parts.map((token) => `/${String(token).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

const isIndex = (token) => /^(0|[1-9][0-9]*)$/.test(token);

/** The value at `pointer`, or undefined. */
export function get(record, pointer) {
  let value = record;
  for (const token of tokens(pointer)) {
    if (value === null || typeof value !== "object") return undefined;
    value = Array.isArray(value) ? (isIndex(token) ? value[Number(token)] : undefined) : value[token];
  }
  return value;
}

const isEmpty = (value) =>
  value === undefined ||
  value === null ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);

/**
 * Sets the value at `pointer` in `record` (changed in place), creating the objects and arrays
 * on the way (an array where the next token is an index). `undefined` removes the field, and
 * then objects left empty on the way up are removed too, so that an emptied field is absent
 * rather than `{}`; items of arrays are kept (a goods line the person added stays where it is,
 * empty, until it is removed).
 */
export function set(record, pointer, value) {
  const parts = tokens(pointer);
  if (parts.length === 0) return;
  const trail = [record];
  let slot = record;
  for (let i = 0; i < parts.length - 1; i++) {
    const token = parts[i];
    const key = Array.isArray(slot) ? Number(token) : token;
    if (slot[key] === null || typeof slot[key] !== "object") {
      if (value === undefined) return;
      slot[key] = isIndex(parts[i + 1]) ? [] : {};
    }
    if (Array.isArray(slot[key]) && isIndex(parts[i + 1])) {
      while (slot[key].length < Number(parts[i + 1])) slot[key].push({});
    }
    slot = slot[key];
    trail.push(slot);
  }
  const last = parts[parts.length - 1];
  if (value === undefined) {
    if (Array.isArray(slot)) {
      if (isIndex(last)) slot.splice(Number(last), 1);
    } else {
      delete slot[last];
    }
    // Remove emptied objects (not array items) on the way up.
    for (let i = parts.length - 2; i >= 0; i--) {
      const parent = trail[i];
      const key = Array.isArray(parent) ? Number(parts[i]) : parts[i];
      if (Array.isArray(parent)) break;
      if (!isEmpty(parent[key])) break;
      delete parent[key];
    }
  } else {
    slot[Array.isArray(slot) ? Number(last) : last] = value;
  }
}

/** True when the concrete `pointer` is an instance of `pattern` ("*" matches any index). */
export function matches(pattern, pointer) {
  const a = tokens(pattern);
  const b = tokens(pointer);
  if (a.length !== b.length) return false;
  return a.every((token, i) => token === b[i] || (token === "*" && isIndex(b[i])));
}

/** The pattern of a concrete pointer: every index replaced by "*". */
export function patternOf(pointer) {
  return pointerOf(tokens(pointer).map((token) => (isIndex(token) ? "*" : token)));
}

/** `pattern` with its `*` replaced, in order, by `indices`. */
export function instantiate(pattern, indices) {
  let next = 0;
  return pointerOf(tokens(pattern).map((token) => (token === "*" && next < indices.length ? indices[next++] : token)));
}

/** The array indices of a concrete pointer, in order ("/goods/2/x" → [2]). */
export function indicesOf(pointer) {
  return tokens(pointer)
    .filter(isIndex)
    .map(Number);
}

/**
 * The leaves of a record, as [pointer, value] pairs: every value that is not a non-empty object
 * or array (arrays of scalars, such as `route.transit`, are one leaf).
 */
export function leaves(record, prefix = "", out = []) {
  if (record !== null && typeof record === "object") {
    const scalars = Array.isArray(record) && record.every((item) => item === null || typeof item !== "object");
    if (!scalars) {
      const keys = Array.isArray(record) ? record.keys() : Object.keys(record);
      for (const key of keys) leaves(record[key], `${prefix}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
      return out;
    }
  }
  out.push([prefix, record]);
  return out;
}

/** A deep copy of plain JSON. */
export const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

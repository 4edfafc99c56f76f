// Small helpers that the Rust reader of JavaScript values (host.rs) imports: one call answers
// what a value is, and one call lists an object's entries, so that reading a record crosses the
// WebAssembly boundary as few times as possible.

// 0 undefined or null, 1 false, 2 true, 3 number, 4 string, 5 array, 6 object,
// 7 a value JSON cannot hold (function, symbol, BigInt), 8 a revoked proxy,
// 9 binary data (an ArrayBuffer or a view of one, such as a Uint8Array or Node's Buffer).
export function kindOf(value) {
  switch (typeof value) {
    case "string":
      return 4;
    case "number":
      return 3;
    case "boolean":
      return value ? 2 : 1;
    case "undefined":
      return 0;
    case "object":
      if (value === null) return 0;
      try {
        if (Array.isArray(value)) return 5;
      } catch {
        return 8;
      }
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 9;
      if (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer) return 9;
      return 6;
    default:
      return 7;
  }
}

// [key, value, key, value, ...]: own enumerable string keys, as JSON.stringify sees them; a
// property whose value is undefined is absent. May throw (getters, proxies): the caller catches.
export function entries(object) {
  const keys = Object.keys(object);
  const out = [];
  for (let i = 0; i < keys.length; i++) {
    const value = object[keys[i]];
    if (value !== undefined) out.push(keys[i], value);
  }
  return out;
}

// Always a number: a proxy may claim any length, and converting a symbol to a number would
// throw outside the caller's catch.
// The bytes of binary data (kind 9), whatever its view. May throw (a detached buffer).
export function bytesOf(value) {
  return ArrayBuffer.isView(value)
    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    : new Uint8Array(value);
}

export function lengthOf(array) {
  const length = array.length;
  return typeof length === "number" ? length : 0;
}

export function itemAt(array, index) {
  return array[index];
}

export function isWellFormed(text) {
  if (typeof text.isWellFormed === "function") return text.isWellFormed();
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/.test(text);
}

export function describe(error) {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return "an exception that cannot be shown";
  }
}

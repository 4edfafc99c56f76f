// Reading the conformance vectors (tests/vectors/*.json) as the Rust runner does: the blessed
// reports are compared as the compact JSON text serde_json writes, so numbers keep the text
// they have in the file ("50.0" stays "50.0", which JSON.parse and JSON.stringify would turn
// into "50").

import { readFileSync, readdirSync } from "node:fs";

export const vectorsDir = new URL("../../tests/vectors/", import.meta.url);

/** A number as written in the file. */
class RawNumber {
  constructor(text) {
    this.text = text;
  }
}

/** Parses JSON text keeping every number's text. */
export function parseLossless(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const out = new Map();
      ws();
      if (text[i] === "}") return i++, out;
      for (;;) {
        ws();
        const key = string();
        ws();
        if (text[i++] !== ":") throw new SyntaxError(`':' expected at ${i}`);
        out.set(key, value());
        ws();
        if (text[i] === ",") i++;
        else if (text[i++] === "}") return out;
        else throw new SyntaxError(`',' or '}' expected at ${i}`);
      }
    }
    if (c === "[") {
      i++;
      const out = [];
      ws();
      if (text[i] === "]") return i++, out;
      for (;;) {
        out.push(value());
        ws();
        if (text[i] === ",") i++;
        else if (text[i++] === "]") return out;
        else throw new SyntaxError(`',' or ']' expected at ${i}`);
      }
    }
    if (c === '"') return string();
    const match = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 400));
    if (!match) throw new SyntaxError(`value expected at ${i}`);
    i += match[0].length;
    const word = match[0];
    return word === "true" ? true : word === "false" ? false : word === "null" ? null : new RawNumber(word);
  };
  const string = () => {
    const start = i;
    if (text[i++] !== '"') throw new SyntaxError(`string expected at ${start}`);
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const out = value();
  ws();
  if (i !== text.length) throw new SyntaxError(`trailing text at ${i}`);
  return out;
}

/** Compact JSON text of a lossless value, as serde_json writes it. */
export function compact(value) {
  if (value instanceof RawNumber) return value.text;
  if (value instanceof Map) {
    return `{${[...value].map(([k, v]) => `${JSON.stringify(k)}:${compact(v)}`).join(",")}}`;
  }
  if (Array.isArray(value)) return `[${value.map(compact).join(",")}]`;
  return JSON.stringify(value);
}

/** Every case of every vector file: the parsed case, and its lossless form. */
export function cases() {
  const out = [];
  const files = readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort();
  for (const file of files) {
    const text = readFileSync(new URL(file, vectorsDir), "utf8");
    const parsed = JSON.parse(text);
    const lossless = parseLossless(text).get("cases");
    parsed.cases.forEach((c, index) => out.push({ file, case: c, lossless: lossless[index] }));
  }
  return out;
}

export const hexBytes = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

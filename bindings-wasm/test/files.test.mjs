// cen-wasm/files in Node: checkFile reads the sample files of examples/ in every format and finds
// what validating their records one by one finds (the same records: one batch, CEN-DUP-001
// across the file); files that cannot be read throw a clear Error; options are checked.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { checkFile } from "cen-wasm/files";
import { validateMany } from "cen-wasm";

const example = (name) => readFileSync(new URL(`../../examples/${name}`, import.meta.url));
const options = { lang: "fr", today: "2026-11-28" };

test("every format gives the issues of validateMany over the same records", () => {
  const records = example("seizures.ndjson").toString().trim().split("\n").map((line) => JSON.parse(line));
  const expected = validateMany(records, options).flatMap((report, record) =>
    report.issues.map((issue) => ({ record, rule: issue.rule, path: issue.path, message: issue.message })));
  for (const name of ["seizures.ndjson", "seizures.csv", "seizures.xlsx"]) {
    const result = checkFile(example(name), name, options);
    assert.equal(result.format, name.split(".")[1]);
    assert.equal(result.records, 300, name);
    assert.equal(result.valid + result.invalid, 300);
    const found = result.issues.map(({ record, rule, path, message }) => ({ record, rule, path, message }));
    if (name === "seizures.ndjson") assert.deepEqual(found, expected);
    // Flat files hold the same records; an issue names its column.
    assert.deepEqual(found.map((i) => i.rule).sort(), expected.map((i) => i.rule).sort(), name);
    if (name !== "seizures.ndjson") assert.ok(result.issues.every((i) => i.column === null || typeof i.column === "string"));
    assert.ok(result.issues.every((i) => i.line >= 1 && ["error", "warning", "info"].includes(i.severity)));
  }
});

test("a JSON array and bytes given as an ArrayBuffer", () => {
  const text = JSON.stringify([{ reporting_country: "BE" }, { reporting_country: "ZZ" }]);
  const bytes = new TextEncoder().encode(text);
  const result = checkFile(bytes.buffer, "two.json", options);
  assert.equal(result.records, 2);
  assert.equal(result.invalid, 2);
  assert.ok(result.issues.some((i) => i.record === 1 && i.rule === "CEN-COD-001"));
});

test("files that cannot be read throw an Error with a message for a person", () => {
  assert.throws(() => checkFile(new TextEncoder().encode("a,b\n1,2\n"), "table.xlsx"), (error) => error instanceof Error && error.message.length > 10);
  assert.throws(() => checkFile(new Uint8Array(0), "empty.csv"), /empty/);
  assert.throws(() => checkFile(new Uint8Array([1, 2]), "notes.txt"), /\.json, \.ndjson, \.jsonl, \.csv or \.xlsx/);
  assert.throws(() => checkFile(new Uint8Array([1]), "x.csv", { lang: "xx" }), /invalid options/);
  // And then it works again.
  assert.equal(checkFile(example("seizures.csv"), "seizures.csv").records, 300);
});

test("a line that is not JSON is that record's CEN-SCH-001, and the file goes on", () => {
  const result = checkFile(new TextEncoder().encode('{"reporting_country": "BE"}\n{oops\n{"reporting_country": "FR"}\n'), "three.ndjson");
  assert.equal(result.records, 3);
  assert.deepEqual(result.issues.filter((i) => i.rule === "CEN-SCH-001").map((i) => [i.record, i.line]), [[1, 2]]);
});

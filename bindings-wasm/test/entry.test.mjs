// Data entry (spec 6) in WebAssembly: formModel() and search() give the shared vectors of
// tests/data-entry, the same answers as every surface; search needs loadNames() first, and no
// query is an error.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as cen from "../js/node.js";

const cases = (name) => JSON.parse(readFileSync(new URL(`../../tests/data-entry/${name}`, import.meta.url), "utf8")).cases;

test("formModel gives the shared vectors, and refuses bad options", () => {
  for (const c of cases("form-model.json")) {
    assert.deepEqual(cen.formModel(c.options), c.model, c.name);
    assert.deepEqual(cen.formModel(JSON.stringify(c.options)), c.model, c.name);
  }
  assert.equal(cen.formModel().form, "long");
  assert.throws(() => cen.formModel({ profile: { commodities: [] } }), /commodities/);
  assert.throws(() => cen.formModel({ language: "fr" }), /unknown option/);
});

test("search before loadNames is an Error that says what to do", () => {
  if (cen.namesLoaded()) return;
  assert.throws(() => cen.search("location", "Santos"), /loadNames/);
});

test("search after loadNames gives the shared vectors", async () => {
  await cen.loadNames();
  for (const c of cases("search.json")) {
    assert.deepEqual(cen.search(c.table, c.query, c.options), c.results, c.name);
  }
  assert.ok(cen.search("location", "Santos").some((r) => r.code === "BRSSZ"));
});

test("no query is an error; bad tables and options are", async () => {
  await cen.loadNames();
  const queries = ["", "\u0000\u0001", "😀".repeat(5000), "x".repeat(10000), "\u202e", 2403, null, undefined, {}];
  for (const table of ["location", "airport", "seaport", "country", "currency", "hs"]) {
    for (const query of queries) assert.ok(Array.isArray(cen.search(table, query)), `${table} ${String(query).slice(0, 9)}`);
  }
  assert.equal(cen.search("hs", 2403)[0].code, "2403");
  assert.throws(() => cen.search("planets", "mars"), /unknown table/);
  assert.throws(() => cen.search("country", "de", { limit: -1 }), /limit/);
  assert.throws(() => cen.search("country", "de", { lang: "de" }), /lang/);
});

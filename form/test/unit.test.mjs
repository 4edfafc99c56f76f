// The form's pure modules in Node: JSON Pointers, reading the form model's conditions, the
// shown record, and the page's words (every key in every language).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { get, set, matches, patternOf, instantiate, leaves } from "../src/pointer.js";
import { applies, requiredAt, valuesAt, tableAt, shownRecord, patternsOf, fieldsByPattern, dependencies } from "../src/model.js";

test("set creates the way, and removing a field removes emptied objects but keeps items", () => {
  const record = {};
  set(record, "/goods/1/type", "cocaine");
  assert.deepEqual(record, { goods: [{}, { type: "cocaine" }] });
  set(record, "/location/code", "NLRTM");
  set(record, "/location/code", undefined);
  assert.equal(record.location, undefined);
  set(record, "/goods/1/type", undefined);
  assert.deepEqual(record.goods, [{}, {}]);
  assert.equal(get(record, "/goods/1"), record.goods[1]);
  assert.equal(get(record, "/goods/x"), undefined);
});

test("patterns", () => {
  assert.ok(matches("/goods/*/type", "/goods/12/type"));
  assert.ok(!matches("/goods/*/type", "/goods/a/type"));
  assert.equal(patternOf("/persons/2/documents/0/number"), "/persons/*/documents/*/number");
  assert.equal(instantiate("/conveyance/*/type", [3]), "/conveyance/3/type");
  assert.deepEqual(leaves({ a: { b: 1 }, route: { transit: ["DE", "FR"] }, goods: [{ q: 2 }] }), [
    ["/a/b", 1], ["/route/transit", ["DE", "FR"]], ["/goods/0/q", 2],
  ]);
});

// A model in the format of docs/form-model.md, cut down to what these tests need.
const leg = "/conveyance/*/type";
const model = {
  form: "long",
  sections: [
    { id: "case", path: "", repeat: null, fields: [{ path: "/reporting_country", kind: "country", required: true, search: { table: "country", by: null, pseudo: [] } }], sections: [] },
    { id: "location", path: "/location", repeat: null, fields: [
      { path: "/location/type", kind: "enumeration", values: [{ value: "seaport", label: "Seaport" }, { value: "airport", label: "Airport" }] },
      { path: "/location/code", kind: "location", search: { table: "location", by: { path: "/location/type", tables: { airport: "airport", seaport: "seaport" } }, pseudo: [] },
        conditions: [{ effect: "required", when: [{ path: "/location/type", in: ["airport", "seaport"] }] }] },
    ], sections: [] },
    { id: "goods", path: "/goods", repeat: { min: 1, max: 100 }, fields: [
      { path: "/goods/*/commodity", kind: "enumeration", values: [{ value: "drugs", label: "Drugs" }] },
      { path: "/goods/*/type", kind: "enumeration", values_by: { paths: ["/goods/*/commodity"], values: { drugs: [{ value: "cocaine", label: "Cocaine" }] } } },
      { path: "/goods/*/currency", kind: "currency", conditions: [{ effect: "applies", when: [{ path: "/goods/*/unit", in: ["amount"] }] }] },
      { path: "/goods/*/hs_code", kind: "hs", conditions: [{ effect: "required", when: [{ item: "/goods/*", index: 1 }] }] },
    ], sections: [] },
    { id: "conveyance", path: "/conveyance", repeat: { min: 1, max: 20 }, fields: [
      { path: leg, kind: "enumeration", required: true },
      { path: "/conveyance/*/awb", kind: "identifier", conditions: [
        { effect: "applies", when: [{ path: leg, in: ["air_cargo", "express_courier", "unknown"] }] },
        { effect: "required", when: [{ path: leg, in: ["express_courier"] }, { path: "/conveyance/*/tracking", absent: true }] },
      ] },
      { path: "/conveyance/*/tracking", kind: "text", conditions: [{ effect: "applies", when: [{ path: leg, in: ["express_courier", "postal", "unknown"] }] }] },
    ], sections: [] },
  ],
};

test("conditions are read for the item the field belongs to", () => {
  const record = { conveyance: [{ type: "sea_container" }, { type: "express_courier" }] };
  const awb = fieldsByPattern(model).get("/conveyance/*/awb");
  assert.equal(applies(awb, record, "/conveyance/0/awb"), false);
  assert.equal(applies(awb, record, "/conveyance/1/awb"), true);
  assert.equal(requiredAt(awb, record, "/conveyance/1/awb"), true);
  record.conveyance[1].tracking = "1Z999";
  assert.equal(requiredAt(awb, record, "/conveyance/1/awb"), false);
  const hs = fieldsByPattern(model).get("/goods/*/hs_code");
  assert.equal(requiredAt(hs, {}, "/goods/0/hs_code"), false);
  assert.equal(requiredAt(hs, {}, "/goods/1/hs_code"), true);
});

test("values and search tables follow other fields", () => {
  const byPattern = fieldsByPattern(model);
  const type = byPattern.get("/goods/*/type");
  assert.equal(valuesAt(type, {}, "/goods/0/type"), null);
  assert.deepEqual(valuesAt(type, { goods: [{ commodity: "drugs" }] }, "/goods/0/type"), [{ value: "cocaine", label: "Cocaine" }]);
  const code = byPattern.get("/location/code");
  assert.equal(tableAt(code.search, { location: { type: "seaport" } }, "/location/code"), "seaport");
  assert.equal(tableAt(code.search, { location: { type: "inland" } }, "/location/code"), "location");
  assert.deepEqual([...dependencies(model)].sort(), ["/conveyance/*/tracking", "/conveyance/*/type", "/goods/*/commodity", "/goods/*/unit", "/location/type"]);
});

test("the shown record leaves out what the form hides, and keeps what no form knows", () => {
  const record = {
    reporting_country: "NL",
    location: { type: "seaport", code: "NLRTM" },
    goods: [{ commodity: "drugs", currency: "EUR" }, {}],
    conveyance: [{ type: "sea_container", awb: "020-12345675", tracking: "x" }],
    persons: [{ surname: "X" }],
    mystery: 1,
  };
  const current = patternsOf(model);
  const known = new Set([...current, "/persons", "/persons/*", "/persons/*/surname"]);
  const shown = shownRecord(record, fieldsByPattern(model), current, known);
  assert.deepEqual(shown, {
    reporting_country: "NL",
    location: { type: "seaport", code: "NLRTM" },
    goods: [{ commodity: "drugs" }, {}],
    conveyance: [{ type: "sea_container" }],
    mystery: 1,
  });
  // The typed record itself is untouched.
  assert.equal(record.conveyance[0].awb, "020-12345675");
});

test("every word of the page exists in the six languages, with the same parameters", () => {
  const words = JSON.parse(readFileSync(new URL("../words.json", import.meta.url), "utf8"));
  assert.deepEqual(Object.keys(words).sort(), ["ar", "en", "es", "fr", "pt", "ru"]);
  const params = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [lang, table] of Object.entries(words)) {
    assert.deepEqual(Object.keys(table).sort(), Object.keys(words.en).sort(), lang);
    for (const [key, text] of Object.entries(table)) {
      assert.ok(text.trim() !== "", `${lang}.${key} is empty`);
      assert.deepEqual(params(text), params(words.en[key]), `${lang}.${key}`);
    }
  }
  // The page's words (data-word) are all in the table.
  const html = readFileSync(new URL("../index.html", import.meta.url), "utf8");
  for (const [, key] of html.matchAll(/data-word="(\w+)"/g)) assert.ok(key in words.en, key);
});

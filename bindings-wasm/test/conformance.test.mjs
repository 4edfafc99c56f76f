// The shared conformance vectors (tests/vectors): every case's complete report, byte for byte
// the blessed one, with the input given as a JavaScript object (sent as UTF-8 JSON text, and
// read value by value) and as JSON text (sent as UTF-8 bytes, and copied as a string), and as
// bytes where the case has bytes. The blessed reports are read at test time, never copied.
// Every vector runs twice: before the names file is loaded, and after (validation needs no
// place name, so the reports must be the same byte for byte).

import { test } from "node:test";
import assert from "node:assert/strict";

import { validate, validateToJson, validateMany, Validator, __setTextPath, loadNames, namesLoaded } from "../js/node.js";
import { cases, compact, hexBytes } from "./vectors.mjs";

const all = cases();

test("the vectors are there", () => {
  assert.ok(all.length >= 150, `only ${all.length} cases`);
});

for (const names of [false, true]) {
  if (names) {
    test("the names file loads", async () => {
      await loadNames();
      assert.equal(namesLoaded(), true);
    });
  }
  for (const { file, case: c, lossless } of all) {
    test(`${file} / ${c.name}${names ? " (names loaded)" : ""}`, () => {
      assert.equal(namesLoaded(), names);
      check(c, lossless);
    });
  }
}

/** Every way of giving the case's input, each compared with the blessed report. */
function check(c, lossless) {
  const options = c.options;
  if (c.batch) {
    const blessed = lossless.get("reports").map(compact);
    // Objects as objects and strings as JSON text, as the case gives them...
    const found = validateMany(c.batch, options).map((r) => JSON.stringify(r));
    __setTextPath(false);
    try {
      assert.deepEqual(validateMany(c.batch, options).map((r) => JSON.stringify(r)), found, "read value by value");
    } finally {
      __setTextPath(true);
    }
    assert.deepEqual(validateMany(c.batch, options), lossless.get("reports").map((r) => JSON.parse(compact(r))));
    // ...and every item as JSON text, compared as text.
    const texts = lossless.get("batch").map((item) => (typeof item === "string" ? item : compact(item)));
    const validator = new Validator(options);
    const batch = validator.batch();
    assert.deepEqual(texts.map((t) => batch.validateToJson(t)), blessed);
    assert.equal(found.length, blessed.length);
    return;
  }
  const blessed = compact(lossless.get("report"));
  if ("input" in c) {
    // The input as a JavaScript object, and as the JSON text the core's runner uses.
    assert.equal(validateToJson(c.input, options), blessed, "as an object");
    // The same object read value by value by the core's reader (not sent as JSON text), and
    // the text copied into WebAssembly as a string (not as UTF-8 bytes).
    __setTextPath(false);
    try {
      assert.equal(validateToJson(c.input, options), blessed, "as an object, read value by value");
      assert.equal(validateToJson(compact(lossless.get("input")), options), blessed, "as JSON text, copied as a string");
    } finally {
      __setTextPath(true);
    }
    assert.equal(validateToJson(compact(lossless.get("input")), options), blessed, "as JSON text");
    assert.equal(validateToJson(JSON.stringify(c.input), options), blessed, "as JSON.stringify text");
    assert.deepEqual(validate(c.input, options), JSON.parse(blessed), "a plain object equal to the report");
    // Validator.validate builds a report without issues from a packed number, any other from
    // its JSON text: the same object either way, keys in the same order.
    const sameObject = JSON.stringify(JSON.parse(blessed));
    const validator = new Validator(options);
    assert.equal(JSON.stringify(validator.validate(c.input)), sameObject, "Validator.validate(object)");
    assert.equal(JSON.stringify(validator.validate(JSON.stringify(c.input))), sameObject, "Validator.validate(text)");
  } else if ("input_text" in c) {
    assert.equal(validateToJson(c.input_text, options), blessed, "as JSON text");
    assert.equal(
      JSON.stringify(new Validator(options).validate(c.input_text)),
      JSON.stringify(JSON.parse(blessed)),
      "Validator.validate(text)",
    );
    __setTextPath(false);
    try {
      assert.equal(validateToJson(c.input_text, options), blessed, "as JSON text, copied as a string");
    } finally {
      __setTextPath(true);
    }
  } else {
    assert.equal(validateToJson(hexBytes(c.input_hex), options), blessed, "as bytes");
  }
}

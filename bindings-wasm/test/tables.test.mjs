// Table packs (spec 7.2) from JavaScript: loadTables(bytes), the option `tables` of a Validator
// and of the module's functions, and bad packs.
// - Every conformance vector, validated once more against a pack of the built-in tables, gives
//   the blessed report byte for byte.
// - A pack built from UNECE's own format (cen-cli/tests/fixtures/unece: ESQ9Z added, ESALG
//   marked for deletion) changes the verdicts exactly there, as `cen validate --tables` does.
// - Bad packs throw an Error with the core's reason, and a validator made before keeps its
//   tables.
// The packs are written by the `cen` command line (scripts/lib/test-packs.sh, run by
// scripts/test-wasm.sh), into the folder CEN_TEST_PACKS names.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import * as cen from "../js/node.js";
import { checkFile } from "../js/files-node.js";
import { cases, compact, hexBytes } from "./vectors.mjs";

const packs = process.env.CEN_TEST_PACKS;
if (!packs) {
  throw new Error("CEN_TEST_PACKS is not set: run scripts/test-wasm.sh, which writes the packs with `cen tables build`");
}
const builtinBytes = readFileSync(join(packs, "builtin.pack"));
const uneceBytes = readFileSync(join(packs, "unece-2099-1.pack"));
const builtin = cen.loadTables(builtinBytes);
const unece = cen.loadTables(uneceBytes);

const TODAY = "2026-11-28";
const ADDED = "ESQ9Z";
const DELETED = "ESALG";
const example = JSON.parse(readFileSync(new URL("../../examples/records/long-sea-container.json", import.meta.url), "utf8"));

/** A valid record whose place of seizure and port of arrival are `code` (as cen-cli/tests/tables.rs). */
function recordAt(code) {
  const record = structuredClone(example);
  record.location.code = code;
  record.conveyance[0].to = code;
  assert.equal(record.conveyance[0].from, "AEJEA", "a port of departure the fixtures hold");
  return record;
}
const verdict = (report) => [report.valid, report.issues.map((i) => `${i.rule} ${i.path}`)];
const COD002 = ["CEN-COD-002 /conveyance/0/to", "CEN-COD-002 /location/code"];

test("loadTables checks a pack and reports its editions and checksum", () => {
  assert.ok(builtin instanceof cen.Tables);
  assert.deepEqual(builtin.editions(), cen.editions(), "a pack of the built-in tables names their editions");
  assert.match(builtin.sha256, /^[0-9a-f]{64}$/);
  assert.notEqual(unece.sha256, builtin.sha256);
  const editions = unece.editions();
  const unlocode = editions.find((e) => e.table === "unlocode");
  assert.equal(unlocode.edition, "2099-1");
  assert.equal(unlocode.rows, 32);
  // Every other table is the built-in one.
  const others = (list) => list.filter((e) => e.table !== "unlocode");
  assert.deepEqual(others(editions), others(cen.editions()));
  // The same pack as an ArrayBuffer, and from a buffer reused afterwards.
  const buffer = uneceBytes.buffer.slice(uneceBytes.byteOffset, uneceBytes.byteOffset + uneceBytes.byteLength);
  const again = cen.loadTables(buffer);
  new Uint8Array(buffer).fill(0);
  assert.equal(again.sha256, unece.sha256);
  assert.deepEqual(again.editions(), editions);
  assert.equal(new cen.Validator({ tables: again, today: TODAY }).validate(recordAt(ADDED)).valid, true, "the bytes were copied");
  const made = new cen.Validator({ tables: again, today: TODAY });
  again.free();
  // Freed: no new validator from it; one made before keeps its share of the pack.
  assert.throws(() => new cen.Validator({ tables: again }), /these Tables were freed/);
  assert.throws(() => again.lookupLocation(ADDED), /these Tables were freed/);
  assert.equal(made.validate(recordAt(ADDED)).valid, true);
  made.free();
  assert.throws(() => new cen.Tables(), /comes from loadTables/);
});

test("validator.editions() names the tables it uses; the module's editions() stay built in", () => {
  const plain = new cen.Validator({ today: TODAY });
  assert.deepEqual(plain.editions(), cen.editions());
  const packed = new cen.Validator({ today: TODAY, tables: unece });
  assert.deepEqual(packed.editions(), unece.editions());
  assert.notDeepEqual(packed.editions(), cen.editions());
  // Given as bytes: loaded by the validator.
  assert.deepEqual(new cen.Validator({ tables: uneceBytes }).editions(), unece.editions());
  assert.equal(cen.editions().find((e) => e.table === "unlocode").edition, builtin.editions().find((e) => e.table === "unlocode").edition);
});

test("a UNECE pack changes the verdicts exactly where it changes the table", () => {
  const added = recordAt(ADDED);
  const deleted = recordAt(DELETED);
  const options = { today: TODAY };
  // Built in: the added code is unknown, the deleted one a seaport.
  assert.deepEqual(verdict(cen.validate(added, options)), [false, COD002]);
  assert.deepEqual(verdict(cen.validate(deleted, options)), [true, []]);
  // With the pack, through a Validator and through each module function.
  const validator = new cen.Validator({ ...options, tables: unece });
  for (const tables of [unece, uneceBytes, new Uint8Array(uneceBytes)]) {
    const withPack = { ...options, tables };
    assert.deepEqual(verdict(cen.validate(added, withPack)), [true, []]);
    const report = cen.validate(deleted, withPack);
    assert.deepEqual(verdict(report), [false, COD002]);
    // Refused as withdrawn (the message says so), not as unknown.
    assert.ok(report.issues.every((i) => /withdrawn/.test(i.message)), JSON.stringify(report.issues));
    // A day later: not a duplicate of the first (CEN-DUP-001 is not what this is about).
    assert.deepEqual(cen.validateMany([added, { ...deleted, seizure_date: "2026-03-10" }], withPack).map(verdict), [[true, []], [false, COD002]]);
    assert.equal(cen.validateToJson(added, withPack), validator.validateToJson(added));
    assert.deepEqual(cen.validateField("/location/code", ADDED, added, withPack), []);
    assert.deepEqual(
      cen.validateField("/location/code", DELETED, deleted, withPack).map((i) => i.rule),
      ["CEN-COD-002"],
    );
  }
  assert.deepEqual(verdict(validator.validate(added)), [true, []]);
  assert.deepEqual(verdict(validator.validate(deleted)), [false, COD002]);
  const batch = validator.batch();
  assert.deepEqual([batch.validate(added), batch.validate(deleted)].map((r) => r.valid), [true, false]);
  // Records at codes the pack does not change get the same reports: a port it holds as the
  // built-in tables do (AEJEA), airports (the pack keeps the built-in ones).
  const air = JSON.parse(readFileSync(new URL("../../examples/records/long-air-passenger.json", import.meta.url), "utf8"));
  for (const same of [recordAt("AEJEA"), air]) {
    assert.equal(validator.validateToJson(same), cen.validateToJson(same, options));
  }
  // The look-ups of a Tables use the pack; the module's keep the built-in tables.
  assert.equal(unece.lookupLocation(ADDED).code, ADDED);
  assert.equal(unece.lookupLocation(DELETED).withdrawn, true);
  assert.equal(cen.lookupLocation(ADDED), null);
  assert.equal(cen.lookupLocation(DELETED).withdrawn, false);
  assert.equal(unece.lookupLocation("nope"), null);
  assert.equal(builtin.lookupAirport("LHR").code, cen.lookupAirport("LHR").code);
  // A pack carries its countries and currencies: a pack of the built-in tables answers as the
  // module does.
  assert.deepEqual(builtin.lookupCountry("be", "fr"), cen.lookupCountry("be", "fr"));
  assert.equal(builtin.lookupCountry("BE", "fr").name, "Belgique");
  assert.deepEqual(builtin.lookupCurrency("EUR", "ar"), cen.lookupCurrency("EUR", "ar"));
  assert.equal(builtin.lookupCountry("XK"), null);
  assert.equal(builtin.lookupCurrency("HRK"), null);
});

test("the module's cache never mixes up validators with and without tables", () => {
  const added = recordAt(ADDED);
  const options = { today: TODAY, lang: "fr" };
  // The same other options, alternately with and without each pack: each call its own tables.
  for (let round = 0; round < 3; round++) {
    assert.equal(cen.validate(added, options).valid, false);
    assert.equal(cen.validate(added, { ...options, tables: unece }).valid, true);
    assert.equal(cen.validate(added, { ...options, tables: builtin }).valid, false);
    assert.equal(cen.validate(added, { ...options, tables: null }).valid, false, "null: the built-in tables");
    assert.equal(cen.validate(added, { ...options, tables: unece }).valid, true);
    assert.equal(cen.validate(added, { ...options, tables: unece, lang: "es" }).issues.length, 0);
    assert.match(cen.validate(added, { ...options, tables: builtin, lang: "es" }).issues[0].message, /[a-z]/);
  }
  // The messages follow the other options, with the pack.
  const fr = cen.validate(recordAt(DELETED), { ...options, tables: unece }).issues[0].message;
  const en = cen.validate(recordAt(DELETED), { today: TODAY, tables: unece }).issues[0].message;
  assert.notEqual(fr, en);
});

test("every conformance vector gives the same bytes with a pack of the built-in tables", () => {
  const all = cases();
  assert.ok(all.length >= 150, `only ${all.length} cases`);
  for (const { file, case: c, lossless } of all) {
    const where = `${file} / ${c.name}`;
    const options = { ...(c.options ?? {}), tables: builtin };
    const validator = new cen.Validator(options);
    try {
      if (c.batch) {
        const blessed = lossless.get("reports").map(compact);
        assert.deepEqual(cen.validateMany(c.batch, options).map((r) => JSON.stringify(r)), validateManyPlain(c), where);
        const batch = validator.batch();
        const texts = lossless.get("batch").map((item) => (typeof item === "string" ? item : compact(item)));
        assert.deepEqual(texts.map((t) => batch.validateToJson(t)), blessed, where);
        continue;
      }
      const blessed = compact(lossless.get("report"));
      const input = "input" in c ? c.input : "input_text" in c ? c.input_text : hexBytes(c.input_hex);
      assert.equal(validator.validateToJson(input), blessed, where);
      assert.equal(cen.validateToJson(input, options), blessed, `${where} (validateToJson)`);
    } finally {
      validator.free();
    }
  }
});

/** validateMany's reports of a batch case without a pack, as text. */
const validateManyPlain = (c) => cen.validateMany(c.batch, c.options).map((r) => JSON.stringify(r));

test("bad packs throw an Error with the reason, and a validator made before keeps its tables", () => {
  const validator = new cen.Validator({ today: TODAY, tables: unece });
  const added = recordAt(ADDED);
  const damaged = new Uint8Array(uneceBytes);
  damaged[damaged.length - 1] ^= 1;
  const wrongVersion = new Uint8Array(uneceBytes);
  wrongVersion[8] = 4;
  const wrongMagic = new Uint8Array(uneceBytes);
  wrongMagic[0] = "X".charCodeAt(0);
  const bad = [
    ["truncated", uneceBytes.subarray(0, uneceBytes.length >> 1), /table pack: truncated/],
    ["only part of the header", uneceBytes.subarray(0, 20), /table pack: truncated|not a table pack/],
    ["wrong magic", wrongMagic, /not a table pack \(wrong magic\)/],
    ["wrong version", wrongVersion, /format version 4, this library reads versions 1 to 3/],
    ["bad checksum", damaged, /checksum mismatch/],
    ["zeros", new Uint8Array(4096), /not a table pack/],
    ["empty", new Uint8Array(0), /table pack/],
    ["over 64 MiB", new Uint8Array((64 << 20) + 1), /more than the 67108864 a pack may have/],
    ["a path", "tables/2025-1.pack", /a path cannot be read here \(no files in the browser\).*loadTables\(bytes\)/],
    ["a number", 42, /expected a Tables from loadTables\(bytes\), or the bytes of a table pack/],
    ["an object", { tables: "x" }, /expected a Tables/],
    ["an array of numbers", [67, 69, 78], /expected a Tables/],
  ];
  for (const [what, value, message] of bad) {
    for (const attempt of [
      () => cen.loadTables(value),
      () => new cen.Validator({ today: TODAY, tables: value }),
      () => cen.validate(added, { today: TODAY, tables: value }),
      () => cen.validateMany([added], { tables: value }),
      () => cen.validateToJson(added, { tables: value }),
      () => cen.validateField("/location/code", ADDED, added, { tables: value }),
    ]) {
      assert.throws(attempt, (e) => e instanceof Error && message.test(e.message) && e.message.startsWith("cen: "), what);
    }
    // The validator made before, and the module's own tables, are as they were.
    assert.equal(validator.validate(added).valid, true, what);
    assert.equal(cen.validate(added, { today: TODAY }).valid, false, what);
  }
  // 1 GB of zeros: refused by its size, before a byte is copied into WebAssembly memory.
  let huge;
  try {
    huge = new Uint8Array(1 << 30);
  } catch {
    huge = undefined; // this Node cannot hold it; the 64 MiB case above stands for it
  }
  if (huge) {
    assert.throws(() => cen.loadTables(huge), /1073741824 bytes, more than the 67108864 a pack may have/);
    huge = undefined;
  }
  // Options given as JSON text can only name a path, which is refused the same way.
  assert.throws(() => cen.validate(added, JSON.stringify({ tables: "x.pack" })), /no files in the browser/);
  assert.throws(() => new cen.Validator('{"tables": 1}'), /expected a Tables/);
  assert.equal(validator.validate(added).valid, true);
  // A detached buffer.
  const detached = new ArrayBuffer(128);
  structuredClone(detached, { transfer: [detached] });
  assert.throws(() => cen.loadTables(detached), /cen: /);
});

test("a trap resets the instance: validators and Tables made before load their pack again", () => {
  const validator = new cen.Validator({ today: TODAY, tables: unece });
  const added = recordAt(ADDED);
  assert.equal(validator.validate(added).valid, true);
  assert.throws(() => cen.__trapForTests(), /instance was reset/);
  assert.equal(validator.validate(added).valid, true);
  assert.deepEqual(validator.editions(), unece.editions());
  assert.equal(cen.validate(added, { today: TODAY, tables: unece }).valid, true);
  assert.equal(cen.validate(added, { today: TODAY }).valid, false);
  assert.equal(unece.lookupLocation(ADDED).code, ADDED);
});

test("checkFile (cen-wasm/files) takes the option tables", () => {
  const added = recordAt(ADDED);
  const deleted = recordAt(DELETED);
  const file = new TextEncoder().encode(`${JSON.stringify(added)}\n${JSON.stringify({ ...deleted, seizure_date: "2026-03-10" })}\n`);
  const summary = (r) => [r.records, r.valid, r.issues.map((i) => `${i.record} ${i.rule} ${i.path}`)];
  assert.deepEqual(summary(checkFile(file, "two.ndjson", { today: TODAY })), [2, 1, ["0 CEN-COD-002 /conveyance/0/to", "0 CEN-COD-002 /location/code"]]);
  const withPack = [2, 1, ["1 CEN-COD-002 /conveyance/0/to", "1 CEN-COD-002 /location/code"]];
  assert.deepEqual(summary(checkFile(file, "two.ndjson", { today: TODAY, tables: unece })), withPack);
  assert.deepEqual(summary(checkFile(file, "two.ndjson", { today: TODAY, tables: unece })), withPack, "again, with the pack kept");
  assert.deepEqual(summary(checkFile(file, "two.ndjson", { today: TODAY, tables: uneceBytes })), withPack);
  assert.throws(() => checkFile(file, "two.ndjson", { tables: new Uint8Array(100) }), /cen: table pack: .*not a table pack/);
  assert.throws(() => checkFile(file, "two.ndjson", { tables: "x.pack" }), /no files in the browser/);
  assert.deepEqual(summary(checkFile(file, "two.ndjson", { today: TODAY })), [2, 1, ["0 CEN-COD-002 /conveyance/0/to", "0 CEN-COD-002 /location/code"]]);
});

test("the README's example runs: examples/tables.mjs", () => {
  const run = (pack) => execFileSync(process.execPath, [fileURLToPath(new URL("../examples/tables.mjs", import.meta.url)), pack], { encoding: "utf8" });
  const builtinEdition = cen.editions().find((e) => e.table === "unlocode").edition;
  const out = run(join(packs, "unece-2099-1.pack"));
  assert.match(out, /^pack [0-9a-f]{16}…: UN\/LOCODE edition 2099-1, 32 entries$/m);
  assert.ok(out.includes(`\nbuilt in: UN/LOCODE edition ${builtinEdition}\n`), out);
  // The pack withdraws the record's port (ESALG), as `cen validate --tables` says.
  assert.match(out, /^validator: UN\/LOCODE edition 2099-1; long-sea-container\.json valid: false$/m);
  assert.match(out, /^ {2}CEN-COD-002 \/location\/code: .*withdrawn/m);
  const plain = run(join(packs, "builtin.pack"));
  assert.ok(plain.includes(`\nvalidator: UN/LOCODE edition ${builtinEdition}; long-sea-container.json valid: true\n`), plain);
  // A bad pack: the core's reason, exit 2.
  assert.throws(() => execFileSync(process.execPath, [fileURLToPath(new URL("../examples/tables.mjs", import.meta.url)), fileURLToPath(import.meta.url)], { stdio: "pipe" }),
    (e) => e.status === 2 && /cen: table pack: not a table pack/.test(e.stderr.toString()));
});

test("search offers a pack's places: tables.search and the option tables", async () => {
  if (!cen.namesLoaded()) assert.throws(() => unece.search("seaport", "algeciras"), /loadNames/);
  await cen.loadNames();
  const codes = (results) => results.map((r) => r.code);
  // The port the fixtures add is offered with the pack only; the one they withdraw is not.
  assert.deepEqual(codes(cen.search("seaport", "puerto nuevo de prueba")), []);
  assert.deepEqual(codes(unece.search("seaport", "puerto nuevo de prueba")), [ADDED]);
  for (const tables of [unece, uneceBytes, new Uint8Array(uneceBytes)]) {
    assert.deepEqual(codes(cen.search("seaport", "puerto nuevo", { tables, limit: 3 })), [ADDED]);
  }
  assert.ok(codes(cen.search("seaport", "algeciras")).includes(DELETED));
  assert.ok(!codes(unece.search("seaport", "algeciras")).includes(DELETED));
  // A result of the pack is described from the pack; the other tables are built in.
  const [added] = unece.search("location", ADDED, { lang: "es" });
  assert.equal(added.name, "Puerto Nuevo de Prueba");
  assert.equal(added.country_name, "España");
  assert.deepEqual(unece.search("country", "Allemagne"), cen.search("country", "Allemagne"));
  assert.deepEqual(unece.search("hs", "tobacco"), cen.search("hs", "tobacco"));
  // A pack of the built-in tables gives the built-in answers (the same JSON as every surface).
  for (const [table, query] of [["location", "Santos"], ["airport", "schip"], ["seaport", "rotter"]]) {
    assert.deepEqual(builtin.search(table, query, { lang: "fr" }), cen.search(table, query, { lang: "fr" }), query);
  }
  assert.throws(() => unece.search("planets", "mars"), /unknown table/);
  assert.throws(() => cen.search("seaport", "x", { tables: "unece.pack" }), /path cannot be read/);
});

test("a pack's HS edition changes the verdicts exactly there, and look-ups and search use it", async () => {
  // hs-2099.pack: HS 2022 without 240210 (cigars) and with a made-up 010195.
  const hs2099 = cen.loadTables(readFileSync(join(packs, "hs-2099.pack")));
  const record = structuredClone(example);
  record.goods = [
    { ...example.goods[0], hs_code: "240210" },
    { ...example.goods[0], hs_code: "010195" },
  ];
  const hsIssues = (report) => report.issues.filter((i) => i.path.endsWith("/hs_code")).map((i) => `${i.rule} ${i.path}`);
  assert.deepEqual(hsIssues(cen.validate(record, { today: TODAY })), ["CEN-COD-005 /goods/1/hs_code"]);
  assert.deepEqual(hsIssues(cen.validate(record, { today: TODAY, tables: hs2099 })), ["CEN-COD-005 /goods/0/hs_code"]);
  const hs = hs2099.editions().find((e) => e.table === "hs");
  assert.equal(hs.source, "HS CSV: hs-2099.csv");
  assert.equal(hs2099.lookupHs("0101.95").description, "Horses; live, of a test edition");
  assert.equal(hs2099.lookupHs("240210"), null);
  assert.equal(hs2099.lookupHs("240210", "2017").edition, "2017");
  assert.equal(cen.lookupHs("240210").code, "240210");
  // UNSD's pairs of 240210 are kept but for the code the edition withdrew.
  assert.deepEqual(cen.hsCorrelate("240210", "2017", "2022").map((p) => p.code), ["240210"]);
  assert.deepEqual(hs2099.hsCorrelate("240210", "2017", "2022"), []);
  assert.deepEqual(hs2099.hsCorrelate("851712", "2017", "2022"), cen.hsCorrelate("851712", "2017", "2022"));
  assert.throws(() => hs2099.hsCorrelate("240210", "2018", "2022"), /cen: hsCorrelate: `2018` is not an HS edition/);
  await cen.loadNames();
  assert.deepEqual(hs2099.search("hs", "of a test edition").map((r) => r.code), ["010195"]);
  assert.deepEqual(cen.search("hs", "of a test edition").map((r) => r.code), []);
});

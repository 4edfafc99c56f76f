// Validating against a table pack (spec 7.2) from Node: the pack's bytes loaded once, a
// validator made with them, the editions it uses. Build a pack first, then run:
//   cargo run -q -p cen-cli -- tables build -o builtin.pack
//   node bindings-wasm/examples/tables.mjs builtin.pack
// (In a browser: the bytes of a file the person chooses, `new Uint8Array(await file.arrayBuffer())`,
// or of a fetched response.)

import { readFileSync } from "node:fs";
import { loadTables, Validator, editions } from "../js/node.js";

const path = process.argv[2];
if (!path) {
  console.error("usage: node tables.mjs FILE.pack");
  process.exit(2);
}

let tables;
try {
  // Checks the pack: size, magic, format version, SHA-256, structure.
  tables = loadTables(readFileSync(path));
} catch (error) {
  console.error(error.message); // "cen: table pack: checksum mismatch (...)", ...
  process.exit(2);
}
const unlocode = (list) => list.find((e) => e.table === "unlocode");
const { edition, rows } = unlocode(tables.editions());
console.log(`pack ${tables.sha256.slice(0, 16)}…: UN/LOCODE edition ${edition}, ${rows} entries`);
console.log(`built in: UN/LOCODE edition ${unlocode(editions()).edition}`);

// One validator with the pack, for every record; the module's functions take it too:
// validate(record, { tables }).
const validator = new Validator({ lang: "en", today: "2026-11-28", tables });
const record = JSON.parse(readFileSync(new URL("../../examples/records/long-sea-container.json", import.meta.url), "utf8"));
const report = validator.validate(record);
console.log(`validator: UN/LOCODE edition ${unlocode(validator.editions()).edition}; long-sea-container.json valid: ${report.valid}`);
for (const issue of report.issues) console.log(`  ${issue.rule} ${issue.path}: ${issue.message}`);

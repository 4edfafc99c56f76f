// Benchmarks of cen-wasm in Node against native Rust, in one run:
//   node bindings-wasm/bench/bench.mjs [RECORD.json ...]     (build first: scripts/build.sh)
// For each record: native validate_json (with and without writing the report's JSON) from
// examples/native_timing.rs, then in Node validate(object), validate(JSON text) and
// validateField; medians over batches of 1,000 calls. Also the .wasm size, raw and gzipped.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

import { Validator } from "../js/node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  files.push(`${root}examples/records/long-air-passenger.json`, `${root}examples/records/long-sea-container.json`);
}
const iterations = Number(process.env.ITERATIONS ?? 200_000);

function medianNs(count, call) {
  const batch = 1000;
  const samples = [];
  for (let b = 0; b < Math.ceil(count / batch); b++) {
    const start = process.hrtime.bigint();
    let sink = 0;
    for (let i = 0; i < batch; i++) sink += call() ? 1 : 0;
    samples.push(Number(process.hrtime.bigint() - start) / batch);
    if (sink < 0) console.log(sink);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const validator = new Validator({ today: "2026-11-28" });
const rows = [];
for (const file of files) {
  const native = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "--release", "-p", "bindings-wasm", "--example", "native_timing", "--", file, String(iterations)], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const text = readFileSync(file, "utf8");
  const object = JSON.parse(text);
  medianNs(20_000, () => validator.validate(object).valid); // warm-up
  const fromObject = medianNs(iterations, () => validator.validate(object).valid);
  const fromText = medianNs(iterations, () => validator.validate(text).valid);
  const textOnly = medianNs(iterations, () => validator.validateToJson(text).length > 0);
  const field = medianNs(iterations, () => validator.validateField("/conveyance/0/container", "CSQU3054384", object).length > 0);
  rows.push({
    record: file.replace(root, ""),
    "native validate_json µs": native.validate_json_ns / 1000,
    "native + to_json µs": native.validate_json_to_json_ns / 1000,
    "node validate(object) µs": fromObject / 1000,
    "node validate(text) µs": fromText / 1000,
    "node validateToJson(text) µs": textOnly / 1000,
    "ratio object/native": fromObject / native.validate_json_ns,
    "ratio text/native": fromText / native.validate_json_ns,
    "native validate_field µs": native.validate_field_ns / 1000,
    "node validateField µs": field / 1000,
  });
}
const round = (v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v);
console.table(rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)]))));
const wasm = readFileSync(new URL("../dist/cen_wasm_bg.wasm", import.meta.url));
console.log(`cen_wasm_bg.wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzipped (level 9)`);
console.log(`node ${process.version}, ${iterations} calls per measure`);

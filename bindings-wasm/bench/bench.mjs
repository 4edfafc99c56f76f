// Benchmarks of cen-wasm in Node against native Rust, in one run:
//   node bindings-wasm/bench/bench.mjs [RECORD.json ...]     (build first: scripts/build.sh)
// For each record: native validate_json, with and without writing the report's JSON,
// validate_value (a parsed serde_json::Value, for comparison with an object) and
// validate_field (examples/native_timing.rs, release build); the same core call inside
// WebAssembly with nothing crossing the boundary (`__benchCore`); then the API from Node:
// validate(object), validate(JSON text), validateToJson(text) and validateField. Each figure is
// nanoseconds per call, elapsed and CPU, the median over batches of 1,000 calls, the best of
// ROUNDS rounds (a machine shared with other work only ever makes a round slower). CPU time
// counts what the process spent, so other processes on a busy machine disturb it less than
// elapsed time; the ratios are given for both. Also the sizes of the .wasm and the names file.
//   ITERATIONS (calls per round, default 50,000), ROUNDS (default 5)
//   CEN_WASM_DIR: another copy of the package (its folder, holding js/ and dist/), such as
//     node_modules/cen-wasm of a project that installed the npm tarball (scripts/bench-release.sh)
//   NATIVE=0: no native figures (no cargo; the "× native" column stays empty)
//   BENCH_JSON=FILE: also writes the figures, [elapsed, CPU] ns per call by record and measure

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const packageDir = new URL(process.env.CEN_WASM_DIR ? `${pathToFileURL(process.env.CEN_WASM_DIR.replace(/\/+$/, ""))}/` : "../", import.meta.url);
const { Validator } = await import(new URL("js/node.js", packageDir));
const raw = await import(new URL("dist/cen_wasm.js", packageDir));
const withNative = process.env.NATIVE !== "0";

const root = fileURLToPath(new URL("../../", import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  files.push(`${root}examples/records/long-air-passenger.json`, `${root}examples/records/long-sea-container.json`);
}
const iterations = Number(process.env.ITERATIONS ?? 50_000);
const rounds = Number(process.env.ROUNDS ?? 5);
const options = { today: "2026-11-28" };

const batch = 1000;

/** [elapsed, CPU] nanoseconds per call: medians over batches of `batch` calls, best of the
 * rounds. `runBatch()` makes one batch of calls. */
function timeBatches(runBatch) {
  let best = [Infinity, Infinity];
  for (let round = 0; round < rounds; round++) {
    const elapsed = [];
    const cpu = [];
    for (let b = 0; b < Math.ceil(iterations / batch); b++) {
      const start = process.hrtime.bigint();
      const startCpu = process.cpuUsage();
      runBatch();
      const used = process.cpuUsage(startCpu);
      elapsed.push(Number(process.hrtime.bigint() - start) / batch);
      cpu.push(((used.user + used.system) * 1000) / batch);
    }
    const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
    best = [Math.min(best[0], median(elapsed)), Math.min(best[1], median(cpu))];
  }
  return best;
}

/** One JavaScript call at a time. */
function measure(call) {
  return timeBatches(() => {
    let sink = 0;
    for (let i = 0; i < batch; i++) sink += call() ? 1 : 0;
    if (sink < 0) console.log(sink);
  });
}

/** `__benchCore` runs the core `batch` times per call, so one call here is one core call. */
function measureCore(text) {
  return timeBatches(() => raw.__benchCore(text, batch, options));
}

const validator = new Validator(options);
// Warm-up: one round of every measured call on every record before any figure is taken, so
// that V8 has tiered the WebAssembly and JavaScript up to optimised code whatever the order of
// the measures (the first record measured came out 1.5x slower in one of two identical
// packages when only `validate(object)` of that record was warmed; BENCHMARKS.md, issue 17).
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const compact = JSON.stringify(JSON.parse(text));
  const object = JSON.parse(text);
  for (let i = 0; i < iterations; i += batch) {
    raw.__benchCore(compact, batch, options);
    for (let j = 0; j < batch; j++) {
      validator.validate(object);
      validator.validate(text);
      validator.validateToJson(text);
      validator.validateField("/conveyance/0/container", "CSQU3054384", object);
    }
  }
}
const µs = ([elapsed, cpu]) => `${(elapsed / 1000).toFixed(2)} / ${(cpu / 1000).toFixed(2)}`;
const ratio = (a, b) => (b ? `${(a[0] / b[0]).toFixed(2)}x / ${(a[1] / b[1]).toFixed(2)}x` : "");
const rows = [];
const figures = {};
for (const file of files) {
  const native = withNative
    ? JSON.parse(
        execFileSync(
          "cargo",
          ["run", "--quiet", "--release", "-p", "bindings-wasm", "--example", "native_timing", "--", file, String(iterations), String(rounds)],
          { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
        ),
      )
    : {};
  const text = readFileSync(file, "utf8");
  const compact = JSON.stringify(JSON.parse(text));
  const object = JSON.parse(text);
  const core = measureCore(compact);
  const fromObject = measure(() => validator.validate(object).valid);
  const fromText = measure(() => validator.validate(text).valid);
  const textOnly = measure(() => validator.validateToJson(text).length > 0);
  const field = measure(() => validator.validateField("/conveyance/0/container", "CSQU3054384", object).length > 0);
  const name = file.replace(root, "");
  figures[name] = {
    "wasm core (validate_json + to_json)": core,
    "node validate(object)": fromObject,
    "node validate(text)": fromText,
    "node validateToJson(text)": textOnly,
    "node validateField": field,
  };
  if (!withNative) {
    for (const [measure, value] of Object.entries(figures[name])) {
      rows.push({ record: name, measure, "µs elapsed / CPU": µs(value), "× native": "" });
    }
    continue;
  }
  rows.push(
    { record: name, measure: "native validate_json", "µs elapsed / CPU": µs(native.validate_json), "× native": "1" },
    { record: name, measure: "native validate_json + to_json", "µs elapsed / CPU": µs(native.validate_json_to_json), "× native": ratio(native.validate_json_to_json, native.validate_json) },
    { record: name, measure: "native validate_value (parsed JSON)", "µs elapsed / CPU": µs(native.validate_value), "× native": ratio(native.validate_value, native.validate_json) },
    { record: name, measure: "wasm core (validate_json + to_json)", "µs elapsed / CPU": µs(core), "× native": ratio(core, native.validate_json) },
    { record: name, measure: "node validate(object)", "µs elapsed / CPU": µs(fromObject), "× native": ratio(fromObject, native.validate_json) },
    { record: name, measure: "node validate(text)", "µs elapsed / CPU": µs(fromText), "× native": ratio(fromText, native.validate_json) },
    { record: name, measure: "node validateToJson(text)", "µs elapsed / CPU": µs(textOnly), "× native": ratio(textOnly, native.validate_json) },
    { record: name, measure: "native validate_field", "µs elapsed / CPU": µs(native.validate_field), "× native": "1" },
    { record: name, measure: "node validateField", "µs elapsed / CPU": µs(field), "× native": ratio(field, native.validate_field) },
  );
}
console.table(rows);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`the package: ${fileURLToPath(packageDir)}`);
// gzip -9, as scripts/test-wasm.sh measures the budget (zlib at level 9 gives about 1 % more).
for (const file of ["cen_wasm_bg.wasm", "cen_names.txt"]) {
  const path = fileURLToPath(new URL(`dist/${file}`, packageDir));
  const gzipped = execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length;
  console.log(`${file}: ${readFileSync(path).length} bytes raw, ${gzipped} bytes gzipped (gzip -9)`);
}
console.log(`node ${process.version}, ${iterations} calls per round, best of ${rounds} rounds`);

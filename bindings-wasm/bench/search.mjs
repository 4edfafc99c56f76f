// The search benchmark of BENCHMARKS.md in WebAssembly (Node; spec 6.2: median under 5 ms):
// loads the names file, times the first search (which builds the index), then every query of
// tests/data-entry/queries.json, each repeated, and prints per table the median, 90th
// percentile and maximum of the per-query medians.
//   node bindings-wasm/bench/search.mjs        (after bindings-wasm/scripts/build.sh)

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import * as cen from "../js/node.js";

const REPEAT = 15;
const doc = JSON.parse(readFileSync(new URL("../../tests/data-entry/queries.json", import.meta.url), "utf8"));

let t = performance.now();
await cen.loadNames();
const loaded = performance.now() - t;
const rss = process.memoryUsage().rss;
t = performance.now();
cen.search("country", "de");
const built = performance.now() - t;
const grown = process.memoryUsage().rss - rss;
console.log(`names file loaded in ${loaded.toFixed(0)} ms; index built by the first search in ${built.toFixed(0)} ms`);
console.log(`resident memory grew by ${(grown / 1e6).toFixed(1)} MB while the index was built`);
console.log("table      queries  median_ms  p90_ms  max_ms");
for (const [table, queries] of Object.entries(doc.queries)) {
  const medians = queries
    .map((q) => {
      const times = [];
      for (let i = 0; i < REPEAT; i++) {
        const s = performance.now();
        cen.search(table, q);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(REPEAT / 2)];
    })
    .sort((a, b) => a - b);
  const at = (p) => medians[Math.min(medians.length - 1, Math.floor(medians.length * p))];
  console.log(
    `${table.padEnd(10)} ${String(medians.length).padStart(7)}  ${at(0.5).toFixed(3).padStart(9)}  ${at(0.9).toFixed(3).padStart(6)}  ${medians[medians.length - 1].toFixed(3).padStart(6)}`,
  );
}

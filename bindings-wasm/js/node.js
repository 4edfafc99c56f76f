// cen-wasm for Node: the same API as ./cen.js, with the WebAssembly module loaded synchronously
// from the package's own file, so that no `await init()` is needed (it is still accepted).

import { readFileSync } from "node:fs";
import { initSync } from "./cen.js";

initSync(readFileSync(new URL("../dist/cen_wasm_bg.wasm", import.meta.url)));

export * from "./cen.js";
export { default } from "./cen.js";

// cen-wasm/files for Node: ./files.js with its module loaded synchronously from the package.

import { readFileSync } from "node:fs";
import { initSync } from "./files.js";

initSync(readFileSync(new URL("../dist/files/cen_wasm_files_bg.wasm", import.meta.url)));

export * from "./files.js";
export { default } from "./files.js";

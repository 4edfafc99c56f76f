// cen-wasm for Node: the same API as ./cen.js, with the WebAssembly module loaded synchronously
// from the package's own file, so that no `await init()` is needed (it is still accepted), and
// `loadNames()` reading the names file from the package's folder.

import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { initSync, loadNames as loadNamesFrom, namesLoaded } from "./cen.js";

initSync(readFileSync(new URL("../dist/cen_wasm_bg.wasm", import.meta.url)));

export * from "./cen.js";
export { default } from "./cen.js";

// The load in progress: calls made meanwhile share it, so the file is read once.
let pending = null;

/**
 * `loadNames` of ./cen.js, where a file path or a `file:` URL is read from disk and the default
 * is the package's own `dist/cen_names.txt`; an `http:` or `https:` URL is fetched.
 */
export function loadNames(input) {
  if (namesLoaded()) return Promise.resolve();
  pending ??= (async () => {
    const source = input ?? new URL("../dist/cen_names.txt", import.meta.url);
    const text = source instanceof URL ? source.protocol : typeof source === "string" ? source : "";
    const local = (source instanceof URL || typeof source === "string") && !/^https?:/i.test(text);
    let bytes = source;
    if (local) {
      try {
        bytes = await readFile(source);
      } catch (error) {
        throw new Error(`cen: loadNames: ${error.message}`, { cause: error });
      }
    }
    await loadNamesFrom(bytes);
  })().finally(() => {
    pending = null;
  });
  return pending;
}

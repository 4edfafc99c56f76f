// cen-wasm/files: checking a whole file of records in a page or in Node, from a
// module of its own (dist/files/), which holds the validator and the file readers of cen-files
// (CSV, NDJSON, JSON, Excel): the validation module of ./cen.js stays within its size budget,
// and a page that never checks a file never loads this one. Load it in a Web Worker to keep a
// page responsive while a large file is read.
//
//   import initFiles, { checkFile } from "cen-wasm/files";
//   await initFiles();
//   const result = checkFile(new Uint8Array(await file.arrayBuffer()), file.name, { lang: "fr" });
//
// Option `tables` (spec 7.2): a Tables from cen-wasm's loadTables, or a pack's bytes.

import initWasm, * as raw from "../dist/files/cen_wasm_files.js";

let ready = false;
let loading = null;

/** Loads the module (by default the `.wasm` beside its glue; a URL, Response, bytes or Module also do). */
export default async function init(input) {
  if (!ready) {
    loading ??= initWasm(input === undefined ? undefined : { module_or_path: input })
      .then(() => {
        ready = true;
      })
      .finally(() => {
        loading = null;
      });
    await loading;
  }
}

/** Loads the module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  if (!ready) {
    raw.initSync({ module });
    ready = true;
  }
}

/**
 * Reads and validates a whole file, as `cen validate` does (one batch: CEN-DUP-001 across the
 * file). `bytes`: the file (Uint8Array or ArrayBuffer); `fileName`: its name, whose extension
 * says its format (.json, .ndjson, .jsonl, .csv, .xlsx); `options`: as `validate` takes them.
 * Returns { format, records, valid, invalid, warnings, stopped, issues: [{ record, line, rule,
 * severity, path, column, message }] }. Throws an Error for bad options and for a file that
 * cannot be read at all (not what its name says, a zip bomb, empty), with a message for a
 * person; a problem part-way through sets `stopped`, after the records before it.
 */
export function checkFile(bytes, fileName, options) {
  if (!ready) throw new Error("cen: the files module is not loaded: call `await init()` from \"cen-wasm/files\" first");
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    if (typeof options === "object" && options !== null && options.tables != null) {
      const { tables, ...rest } = options;
      const kept = keptTables(tables);
      const here = kept ?? new raw.RawTables(tables);
      try {
        return JSON.parse(raw.checkFileWithTablesJson(data, String(fileName), rest, here));
      } finally {
        if (kept === undefined) here.free();
      }
    }
    return JSON.parse(raw.checkFileJson(data, String(fileName), options));
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      // Never expected: a trap leaves the instance unusable, so it is replaced.
      raw.__wbg_reset_state();
      loaded = new WeakMap();
      throw new Error(`cen: internal error, the WebAssembly instance was reset (${error.message})`, { cause: error });
    }
    throw error;
  }
}

// The option `tables` (spec 7.2) in this module, which has an instance of its own: a Tables of
// cen-wasm (`loadTables`) is loaded here from its bytes once, and kept as long as the Tables
// lives; bytes are loaded for the call (a bad pack throws the core's reason, as `loadTables`).
const BYTES = Symbol.for("cen-wasm.tables.bytes");
let loaded = new WeakMap();

/** The pack of a Tables of cen-wasm in this module; undefined for anything else. */
function keptTables(tables) {
  if (typeof tables !== "object" || typeof tables[BYTES] !== "function") return undefined;
  let here = loaded.get(tables);
  if (here === undefined) {
    here = new raw.RawTables(tables[BYTES]());
    loaded.set(tables, here);
  }
  return here;
}

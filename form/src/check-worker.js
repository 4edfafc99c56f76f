// The file check's worker: reads and validates a whole file with cen-wasm's checkFile (the
// package's second module, cen-wasm/files: the validator with the file readers of cen-files), off the
// page's thread. One message in ({ bytes, name, options }), one out ({ result } or { error });
// { ping } is answered { ready } once the module is loaded.

import init, { checkFile } from "../cen-wasm/js/files.js";

const ready = init();

self.addEventListener("message", async (event) => {
  const { bytes, name, options, ping } = event.data;
  try {
    await ready;
    if (ping) {
      self.postMessage({ ready: true });
      return;
    }
    self.postMessage({ result: checkFile(new Uint8Array(bytes), name, options) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});

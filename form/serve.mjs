// Serves the seizure form on localhost: this folder at /, the cen-wasm package at /cen-wasm/ (its
// js/ and dist/ folders, where a deployment copies them: see docs/form.md), and the example
// CUG profiles at /profiles/ (examples/profiles, listed by profiles.json).
//   node form/serve.mjs [port]      (build the package first: bindings-wasm/scripts/build.sh)
//   CEN_WASM_DIR=path/to/package node form/serve.mjs      (a package built elsewhere)

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
// CEN_WASM_DIR: another build of the package (its folder, holding js/ and dist/).
const pkg = process.env.CEN_WASM_DIR ? `${process.env.CEN_WASM_DIR.replace(/\/$/, "")}/` : fileURLToPath(new URL("../bindings-wasm/", import.meta.url));
const mounts = [
  ["cen-wasm/js/", `${pkg}js/`],
  ["cen-wasm/dist/", `${pkg}dist/`],
  ["profiles/", fileURLToPath(new URL("../examples/profiles/", import.meta.url))],
];
// What the page is made of: everything else here (tests, node_modules, this file) is not served.
const pageFiles = /^(index\.html|style\.css|words\.json|profiles\.json|src\/[\w-]+\.js)$/;
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** The file of a URL path, or undefined when it is not part of the page. */
export function fileOf(path) {
  let clean;
  try {
    clean = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, "");
  } catch {
    return undefined;
  }
  if (clean.split(sep).includes("..") || clean.includes("\0")) return undefined;
  if (clean === "") return `${here}index.html`;
  for (const [prefix, folder] of mounts) {
    if (clean.startsWith(prefix)) {
      const inner = clean.slice(prefix.length);
      return /^[\w.-]+(\/[\w.-]+)*$/.test(inner) ? folder + inner : undefined;
    }
  }
  return pageFiles.test(clean) ? here + clean : undefined;
}

/**
 * Serves GET requests on 127.0.0.1 (`port` 0: a free one): the file `find(path)` gives for a URL
 * path, 404 when it gives none or the file cannot be read. `find` is the form's `fileOf` unless
 * another is given (the release test serves its bundled site the same way).
 */
export function serve(port = 0, find = fileOf) {
  const server = createServer(async (request, response) => {
    const file = find(new URL(request.url, "http://localhost").pathname);
    try {
      if (file === undefined || request.method !== "GET") throw new Error("not served");
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`cen seizure form: http://127.0.0.1:${server.address().port}/`);
}

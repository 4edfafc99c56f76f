// Serves the data-entry form on localhost, with the cen-wasm package at /cen-wasm/ (its js/ and
// dist/ folders, as an npm install would place them).
//   node examples/web-form/serve.mjs [port]      (build the package first: bindings-wasm/scripts/build.sh)

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const pkg = fileURLToPath(new URL("../../bindings-wasm/", import.meta.url));
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** The file of a URL path, or undefined when it is outside the served folders. */
function fileOf(path) {
  const clean = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, "");
  if (clean.split(sep).includes("..")) return undefined;
  if (clean.startsWith(`cen-wasm${sep}`)) {
    const inner = clean.slice("cen-wasm/".length);
    return inner.startsWith(`js${sep}`) || inner.startsWith(`dist${sep}`) ? pkg + inner : undefined;
  }
  return here + (clean === "" ? "index.html" : clean);
}

export function serve(port = 0) {
  const server = createServer(async (request, response) => {
    const file = fileOf(new URL(request.url, "http://localhost").pathname);
    try {
      if (file === undefined) throw new Error("outside");
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
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
  console.log(`cen web form: http://127.0.0.1:${server.address().port}/`);
}

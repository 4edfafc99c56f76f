// The seizure form bundled by esbuild against the INSTALLED cen-wasm package, then used in
// Debian's Chromium (scripts/test-release.sh). Run from a fresh Node project that has cen-wasm
// (from the npm tarball), esbuild and playwright-core in its node_modules; this file is copied
// there first, so that its imports resolve there and not in the repository.
//   node release-form.mjs REPO VERSION
//
// 1. esbuild bundles form/src/app.js and its worker, form/src/check-worker.js. The form imports
//    the package as the unbundled page is served (`../cen-wasm/js/cen.js`, `.../files.js`: see
//    docs/form.md); a resolve plugin sends those imports to the installed package's entry points
//    ("cen-wasm" and "cen-wasm/files", as a project of the developer's own would import them),
//    and the metafile proves that every cen-wasm module came from node_modules.
// 2. The site: the form's page, style, words and profiles, the two bundles, and the files the
//    package finds with `new URL(…, import.meta.url)`, copied beside the bundles (esbuild
//    leaves those URLs as they are): the two .wasm files and the names file. Every such URL in
//    the bundles must name a file of the site.
// 3. The site served on localhost and opened in headless Chromium: the page renders the form
//    and tells the package's version; a record imported as JSON is validated and the report
//    shows CEN-MOV-001 on the field; a place typed in a picker is found by name (the names
//    file); the file check (the worker and the second module) checks the sample export. No
//    console error, no failed request, no request leaving the machine.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import * as esbuild from "esbuild";
import { chromium } from "playwright-core";

const [repo, version] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const form = join(repo, "form");
const pkg = join(here, "node_modules", "cen-wasm");
const site = join(here, "site");
const fail = (what) => {
  console.error(`the bundled form: ${what}`);
  process.exit(1);
};

// 1. The bundles.
const installedCenWasm = {
  name: "installed-cen-wasm",
  setup(build) {
    build.onResolve({ filter: /(^|\/)cen-wasm\/js\/(cen|files)\.js$/ }, async (args) => {
      const entry = args.path.endsWith("/files.js") ? "cen-wasm/files" : "cen-wasm";
      const result = await build.resolve(entry, { kind: args.kind, resolveDir: here });
      return result.errors.length > 0 ? { errors: result.errors } : { path: result.path };
    });
  },
};
rmSync(site, { recursive: true, force: true });
const built = await esbuild.build({
  entryPoints: { app: join(form, "src/app.js"), "check-worker": join(form, "src/check-worker.js") },
  bundle: true,
  format: "esm",
  platform: "browser",
  outdir: join(site, "src"),
  plugins: [installedCenWasm],
  metafile: true,
  logLevel: "warning",
});
if (built.errors.length > 0 || built.warnings.length > 0) fail("esbuild reported problems (above)");
const inputs = Object.keys(built.metafile.inputs).map((input) => resolve(input));
const fromPackage = inputs.filter((input) => input.startsWith(pkg + sep));
const fromTree = inputs.filter((input) => input.startsWith(join(repo, "bindings-wasm") + sep));
if (fromTree.length > 0) fail(`modules bundled from the repository's package: ${fromTree.join(", ")}`);
for (const module of ["js/cen.js", "js/files.js", "dist/cen_wasm.js", "dist/files/cen_wasm_files.js"]) {
  if (!fromPackage.includes(join(pkg, module))) fail(`node_modules/cen-wasm/${module} is not in the bundles`);
}

// 2. The site around the bundles.
const copy = (from, to) => {
  mkdirSync(dirname(join(site, to)), { recursive: true });
  cpSync(from, join(site, to));
};
// The page as the form has it, without the hints that preload the unbundled package's files.
const page = readFileSync(join(form, "index.html"), "utf8");
const bundledPage = page.split("\n").filter((line) => !line.includes('href="cen-wasm/')).join("\n");
if (!bundledPage.includes('<script type="module" src="src/app.js"></script>')) fail("index.html does not load src/app.js");
writeFileSync(join(site, "index.html"), bundledPage);
for (const file of ["style.css", "words.json", "profiles.json"]) copy(join(form, file), file);
for (const { file } of JSON.parse(readFileSync(join(form, "profiles.json"), "utf8")).profiles) {
  copy(join(repo, "examples", file), file); // profiles/NAME.json is examples/profiles/NAME.json
}
copy(join(pkg, "dist/cen_wasm_bg.wasm"), "src/cen_wasm_bg.wasm");
copy(join(pkg, "dist/files/cen_wasm_files_bg.wasm"), "src/cen_wasm_files_bg.wasm");
copy(join(pkg, "dist/cen_names.txt"), "dist/cen_names.txt");
for (const bundle of ["app.js", "check-worker.js"]) {
  const text = readFileSync(join(site, "src", bundle), "utf8");
  const urls = [...text.matchAll(/new URL\(\s*["'`]([^"'`]+)["'`]\s*,\s*import\.meta\.url\s*\)/g)].map((m) => m[1]);
  if (bundle === "app.js" && urls.length < 3) fail(`src/app.js finds ${urls.length} files by new URL(…, import.meta.url), expected the worker, the .wasm and the names file at least`);
  for (const url of urls) {
    const target = resolve(join(site, "src"), url);
    if (!target.startsWith(site + sep) || !existsSync(target)) fail(`src/${bundle} loads ${url}, which the site does not have`);
  }
}
const files = readdirSync(site, { recursive: true }).filter((f) => extname(f) !== "");
const sizeOf = (file) => readFileSync(join(site, file)).length;

// 3. Served on localhost (by form/serve.mjs, with the site's files), used in Chromium (as
// form/test/chromium.mjs starts it for the form's tests). Neither imports a package.
const { serve } = await import(pathToFileURL(join(form, "serve.mjs")).href);
const { launchChromium } = await import(pathToFileURL(join(form, "test/chromium.mjs")).href);
const siteFile = (path) => {
  let file;
  try {
    file = resolve(site, `.${path === "/" ? "/index.html" : decodeURIComponent(path)}`);
  } catch {
    return undefined;
  }
  return file.startsWith(site + sep) && existsSync(file) ? file : undefined;
};
const server = await serve(0, siteFile);
const origin = `http://127.0.0.1:${server.address().port}`;
const { context, close } = await launchChromium(chromium, { prefix: "cen-release-chromium-" });
const errors = [];
const requests = [];
const field = (pointer) => `#f${pointer.replace(/[^A-Za-z0-9_]/g, "-")}`;
try {
  const tab = await context.newPage();
  tab.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  tab.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  tab.on("request", (request) => requests.push(request.url()));
  tab.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
  tab.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} for ${response.url()}`);
  });
  context.on("weberror", (error) => errors.push(`web error: ${error.error().message}`));

  // It renders, from the installed package.
  await tab.goto(`${origin}/`);
  await tab.waitForSelector("body[data-loaded=true]", { timeout: 60_000 });
  const shownVersion = await tab.textContent("#version");
  if (shownVersion !== `cen ${version}`) fail(`the footer says "${shownVersion}", not "cen ${version}"`);
  const fields = await tab.locator("#record [id^=f-]").count();
  if (fields < 20) fail(`the form shows ${fields} fields`);
  if (!(await tab.isVisible(field("/reporting_country")))) fail("no reporting country field");

  // A record imported as JSON: validated, CEN-MOV-001 in the report and under its field.
  const record = readFileSync(join(repo, "examples/records/invalid-movement.json"));
  await tab.setInputFiles("#import-file", { name: "invalid-movement.json", mimeType: "application/json", buffer: record });
  await tab.locator('#issues li[data-rule="CEN-MOV-001"]').first().waitFor({ timeout: 10_000 });
  if ((await tab.getAttribute("#verdict", "data-valid")) !== "false") fail("the invalid record is not reported invalid");
  const rules = await tab.$$eval("#issues li[data-rule]", (items) => [...new Set(items.map((li) => li.dataset.rule))]);

  // A place typed by name in the location picker: found through the names file.
  await tab.selectOption(field("/location/type"), "seaport");
  const location = tab.locator(field("/location/code"));
  await location.fill("");
  await location.pressSequentially("Rotterdam", { delay: 10 });
  const listbox = `#${await location.getAttribute("aria-controls")}`;
  await tab.locator(`${listbox} [role=option][data-value="NLRTM"]`).waitFor({ timeout: 10_000 });

  // The file check: the bundled worker loads the package's second module.
  await tab.click("#tab-file");
  const csv = readFileSync(join(repo, "examples/seizures-export.csv"));
  await tab.setInputFiles("#check-file", { name: "seizures-export.csv", mimeType: "text/csv", buffer: csv });
  await tab.waitForFunction(() => ["done", "failed"].includes(document.body.dataset.fileCheck) || document.querySelector("#file-status.error"), null, { timeout: 60_000 });
  if ((await tab.getAttribute("body", "data-file-check")) !== "done") fail(`the file check failed: ${await tab.textContent("#file-status")}`);
  const issueRows = await tab.locator("#file-issues tbody tr").count();
  if (issueRows === 0) fail("the file check of the sample export shows no issue");

  const away = requests.filter((url) => !url.startsWith(`${origin}/`));
  if (away.length > 0) fail(`requests left the machine: ${away.join(", ")}`);
  if (errors.length > 0) fail(`errors in the page:\n  ${errors.join("\n  ")}`);
  console.log(
    `esbuild ${esbuild.version}: the form bundled against node_modules/cen-wasm (${fromPackage.length} modules of the package; ` +
      `src/app.js ${sizeOf("src/app.js")} bytes, src/check-worker.js ${sizeOf("src/check-worker.js")} bytes, ` +
      `${files.length} files served); in Chromium: cen ${version}, ${fields} fields, the imported record ` +
      `invalid (${rules.join(", ")}), NLRTM found by name, the export checked (${issueRows} issue rows), ` +
      `${requests.length} requests, no error`,
  );
} finally {
  await close();
  server.close();
}

// The data-entry form of examples/web-form in Debian's Chromium, driven headless as a person
// would use it: a location code resolved as it is typed (its country before the names file has
// come, then its place name), a live error for a bad container number, the message in French,
// right-to-left Arabic, a fixed record that is valid. Screenshots go to bindings-wasm/test-output/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";
import { serve } from "../../../examples/web-form/serve.mjs";

const output = fileURLToPath(new URL("../../test-output/", import.meta.url));
let server;
let browser;
let profile;
let page;
// The names file is held back until the test has seen the form without it: the page must work
// before it arrives, then show place names once it has.
let releaseNames;
const namesHeld = new Promise((resolve) => {
  releaseNames = resolve;
});
let namesRequests = 0;

before(async () => {
  mkdirSync(output, { recursive: true });
  server = await serve(0);
  profile = mkdtempSync(join(tmpdir(), "cen-chromium-"));
  // A fresh, empty profile each run (Playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1200, height: 1500 },
    acceptDownloads: true,
  });
  page = await browser.newPage();
  await page.route("**/cen_names.txt", async (route) => {
    namesRequests += 1;
    await namesHeld;
    await route.continue();
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const field = (path) => `#f${path.replaceAll("/", "-")}`;
const messages = (path) => `${field(path)}-messages`;

test("a person fills the form, sees live errors in three languages, fixes it and submits", async () => {
  // The drop-downs come from labels().
  const procedures = await page.locator(`${field("/procedure")} option`).allTextContents();
  assert.ok(procedures.includes("Import"), procedures.join(", "));

  await page.fill(field("/reporting_country"), "NL");
  await page.fill(field("/seizure_date"), "2026-03-14");
  await page.selectOption(field("/procedure"), "import");
  await page.selectOption(field("/location/type"), "seaport");
  await page.locator(field("/location/code")).pressSequentially("NLRTM", { delay: 20 });
  // The country of the code as it is typed, before the names file has come (it was asked for).
  const hint = `${field("/location/code")}-hint`;
  await page.waitForFunction((selector) => document.querySelector(selector).textContent.includes("(NL)"), hint);
  assert.equal(await page.textContent(hint), "Netherlands (NL)");
  assert.equal(namesRequests, 1);
  assert.equal(await page.getAttribute("body", "data-names"), null);
  // The names file arrives: the place name joins the country.
  releaseNames();
  await page.waitForSelector("body[data-names=loaded]");
  assert.equal(await page.textContent(hint), "Rotterdam · Netherlands (NL)");
  await page.selectOption(field("/detection/principal"), "xray");
  await page.selectOption(field("/goods/0/commodity"), "drugs");
  await page.selectOption(field("/goods/0/type"), "cocaine");
  await page.fill(field("/goods/0/quantity"), "120");
  await page.selectOption(field("/goods/0/unit"), "kg");
  await page.selectOption(field("/goods/0/concealment"), "container_structure");
  await page.selectOption(field("/conveyance/0/type"), "sea_container");
  await page.fill(field("/route/departure"), "EC");
  await page.fill(field("/route/destination"), "NL");

  // A container number with a wrong check digit: the error appears while typing.
  await page.locator(field("/conveyance/0/container")).pressSequentially("CSQU3054384", { delay: 15 });
  const live = page.locator(`${messages("/conveyance/0/container")} li[data-rule="CEN-IDN-001"]`);
  await live.waitFor();
  assert.match(await live.textContent(), /ISO 6346/);
  assert.equal(await page.getAttribute(field("/conveyance/0/container"), "aria-invalid"), "true");

  // In French, the same message in French.
  await page.selectOption("#lang", "fr");
  await page.waitForFunction((selector) => /conteneur/.test(document.querySelector(selector)?.textContent ?? ""), `${messages("/conveyance/0/container")} li`);
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");

  // In Arabic, right to left.
  await page.selectOption("#lang", "ar");
  await page.waitForFunction(() => document.documentElement.dir === "rtl");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.match(await live.textContent(), /[\u0600-\u06ff]/);
  await page.screenshot({ path: join(output, "web-form-ar.png"), fullPage: true });

  // Back to English; the person fixes the container number and submits.
  await page.selectOption("#lang", "en");
  await page.fill(field("/conveyance/0/container"), "");
  await page.locator(field("/conveyance/0/container")).pressSequentially("CSQU3054383", { delay: 15 });
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, `${messages("/conveyance/0/container")} li`);
  assert.equal(await page.getAttribute(field("/conveyance/0/container"), "aria-invalid"), "false");
  await page.click("button[type=submit]");
  const verdict = page.locator("#verdict");
  await verdict.waitFor();
  assert.equal(await verdict.textContent(), "Valid", await page.textContent("#issues"));
  assert.equal(await verdict.getAttribute("data-valid"), "true");
  assert.match(await page.textContent("#quality"), /^\d+ \/ 100$/);
  await page.screenshot({ path: join(output, "web-form.png"), fullPage: true });

  // The record downloads as JSON.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  const saved = join(output, "record.json");
  await download.saveAs(saved);
  const { readFileSync } = await import("node:fs");
  const record = JSON.parse(readFileSync(saved, "utf8"));
  assert.equal(record.conveyance[0].container, "CSQU3054383");
  assert.equal(record.goods[0].quantity, 120);
});

test("the simplified form hides long-form fields and asks less", async () => {
  await page.click("text=Simplified form");
  assert.equal(await page.isHidden(field("/detection/principal")), true);
  assert.equal(await page.isHidden(field("/goods/0/concealment")), true);
  await page.click("button[type=submit]");
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "true");
  await page.click("text=Long form");
});

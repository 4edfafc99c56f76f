// The seizure form in Debian's Chromium, used as a person would: an express-courier record in
// the long form entered in Arabic through the pickers (two goods lines, two legs), live errors
// seen and fixed, the draft restored after a reload, the exported JSON equal to the expected
// record; a simplified CUG profile; nCEN's national sections and the projection sent to CEN;
// an accessibility scan in the six languages. No request leaves once the page has loaded.
// Screenshots and measurements go to form/test-output/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

import { start, field, pick, output, record, median } from "./browser.mjs";

const expected = JSON.parse(readFileSync(new URL("./fixtures/express-courier-ar.json", import.meta.url), "utf8"));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser;
before(async () => {
  browser = await start();
});
after(async () => {
  await browser?.stop();
});

const messages = (pointer) => `${field(pointer)}-messages`;

/** Requests made since `since` (an index into page.requests). */
const requestsSince = (page, since) => page.requests.slice(since).map((r) => `${r.method} ${r.url}`);

async function fresh(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-loaded=true]");
}

test("an express-courier record entered in Arabic through the pickers, checked live, restored, exported", async () => {
  const page = await browser.open();
  const firstRender = await page.evaluate(() => window.cenForm.timings.firstRender);
  let loadedAt = page.requests.length;
  for (const request of page.requests) assert.ok(request.url.startsWith(browser.origin), `a request left the machine: ${request.url}`);

  // The language picker names each language in itself, from the core's CLDR names.
  const picker = await page.$$eval("#choose-lang option", (options) => options.map((o) => [o.value, o.lang, o.textContent]));
  assert.deepEqual(picker, [
    ["en", "en", "English"],
    ["fr", "fr", "Français"],
    ["es", "es", "Español"],
    ["ru", "ru", "Русский"],
    ["ar", "ar", "العربية"],
    ["pt", "pt", "Português"],
  ]);

  await page.selectOption("#choose-lang", "ar");
  await page.waitForFunction(() => document.documentElement.dir === "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  // The page's words and the model's labels are Arabic.
  assert.equal(await page.textContent("h1"), "تقرير ضبط");
  assert.match(await page.textContent(`label[for="${field("/reporting_country").slice(1)}"]`), /[\u0600-\u06ff]/);

  await pick(page, "/reporting_country", "الإمارات", "AE");
  await page.fill(field("/seizure_date"), "2026-03-14");
  await page.selectOption(field("/procedure"), "import");
  await page.selectOption(field("/location/type"), "airport");
  // An airport location searches airports.
  assert.equal(await page.getAttribute(field("/location/code"), "data-table"), "airport");
  assert.equal(await page.getAttribute(`[data-path="/location/code"]`, "data-required"), "true");
  await pick(page, "/location/code", "Dubai", "DXB");
  await page.selectOption(field("/detection/principal"), "xray");

  // Goods line 1, with a quantity typed wrongly first: the error shows while typing.
  await page.selectOption(field("/goods/0/commodity"), "drugs");
  await page.selectOption(field("/goods/0/type"), "tramadol");
  await page.locator(field("/goods/0/quantity")).pressSequentially("4,800", { delay: 20 });
  await page.locator(`${messages("/goods/0/quantity")} li[data-rule="CEN-SCH-002"]`).waitFor();
  assert.equal(await page.getAttribute(field("/goods/0/quantity"), "aria-invalid"), "true");
  // The report links to the field: following it focuses the field.
  await page.click(`#issues li[data-path="/goods/0/quantity"] a`);
  assert.equal(await page.evaluate(() => document.activeElement.id), field("/goods/0/quantity").slice(1));
  await page.fill(field("/goods/0/quantity"), "");
  await page.locator(field("/goods/0/quantity")).pressSequentially("4800", { delay: 20 });
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 0, `${messages("/goods/0/quantity")} li`);
  await page.selectOption(field("/goods/0/unit"), "tablets");
  await page.selectOption(field("/goods/0/concealment"), "inside_goods");

  // Goods line 2.
  await page.click(`button[data-add="/goods"]`);
  await page.selectOption(field("/goods/1/commodity"), "ipr");
  await page.selectOption(field("/goods/1/type"), "watches");
  await page.fill(field("/goods/1/quantity"), "35");
  await page.selectOption(field("/goods/1/unit"), "items");
  await page.selectOption(field("/goods/1/concealment"), "not_concealed");

  // Leg 1: an express courier shows the courier's identifiers only, the air waybill required
  // while no tracking number is given.
  await page.selectOption(field("/conveyance/0/type"), "express_courier");
  assert.equal(await page.isVisible(field("/conveyance/0/awb")), true);
  assert.equal(await page.isVisible(field("/conveyance/0/tracking")), true);
  assert.equal(await page.isVisible(field("/conveyance/0/flight")), true);
  assert.equal(await page.isHidden(field("/conveyance/0/container")), true);
  assert.equal(await page.isHidden(field("/conveyance/0/postal_item")), true);
  assert.equal(await page.isHidden(field("/conveyance/0/imo")), true);
  assert.equal(await page.getAttribute(`[data-path="/conveyance/0/awb"]`, "data-required"), "true");
  await page.fill(field("/conveyance/0/carrier"), "Example Express");
  // A wrong check digit: seen live, then fixed.
  await page.locator(field("/conveyance/0/awb")).pressSequentially("020-12345670", { delay: 15 });
  const awbError = page.locator(`${messages("/conveyance/0/awb")} li[data-rule^="CEN-IDN"]`);
  await awbError.waitFor();
  assert.match(await awbError.textContent(), /[\u0600-\u06ff]/);
  await page.screenshot({ path: join(output, "express-courier-ar-error.png"), fullPage: true });
  const typingStart = await page.evaluate(() => window.cenForm.timings.validate.length);
  await page.fill(field("/conveyance/0/awb"), "");
  await page.locator(field("/conveyance/0/awb")).pressSequentially("020-12345675", { delay: 15 });
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 0, `${messages("/conveyance/0/awb")} li`);
  await pick(page, "/conveyance/0/from", "BOM", "BOM");
  await pick(page, "/conveyance/0/to", "DXB", "DXB");

  // Leg 2: a tracking number instead of an air waybill.
  await page.click(`button[data-add="/conveyance"]`);
  await page.selectOption(field("/conveyance/1/type"), "express_courier");
  await page.fill(field("/conveyance/1/carrier"), "Example Express");
  await page.fill(field("/conveyance/1/tracking"), "EX123456789AE");
  await page.waitForFunction(() => document.querySelector(`[data-path="/conveyance/1/awb"]`).dataset.required !== "true");
  await pick(page, "/conveyance/1/from", "DXB", "DXB");
  await pick(page, "/conveyance/1/to", "AUH", "AUH");

  await pick(page, "/route/departure", "الهند", "IN");
  await pick(page, "/route/destination", "الإمارات", "AE");

  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "true", null, { timeout: 10_000 })
    .catch(async () => assert.fail(await page.textContent("#issues")));
  assert.match(await page.textContent("#quality"), /^\d+ \/ 100$/);
  const validateTimes = await page.evaluate((from) => window.cenForm.timings.validate.slice(from), typingStart);
  await page.screenshot({ path: join(output, "express-courier-ar.png"), fullPage: true });
  assert.deepEqual(requestsSince(page, loadedAt), [], "no request after the page has loaded");

  // The draft is in the browser: a reload brings every value back.
  await page.waitForSelector("body[data-draft=saved]");
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector("body[data-loaded=true]");
  loadedAt = page.requests.length;
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.inputValue(field("/conveyance/0/awb")), "020-12345675");
  assert.equal(await page.inputValue(field("/goods/1/type")), "watches");
  assert.equal(await page.inputValue(field("/route/departure")), "IN");
  assert.equal(await page.isVisible("#status"), true);
  assert.equal(await page.getAttribute("#verdict", "data-valid"), "true");

  // Exported, the record is exactly the expected one.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  const saved = join(output, "express-courier-ar.json");
  await download.saveAs(saved);
  assert.deepEqual(JSON.parse(readFileSync(saved, "utf8")), expected);
  assert.deepEqual(requestsSince(page, loadedAt), [], "no request after the page has loaded");

  record("first_render_ms", Math.round(firstRender));
  record("validate_on_keystroke_ms", {
    median: Number(median(validateTimes).toFixed(2)),
    max: Number(Math.max(...validateTimes).toFixed(2)),
    keystrokes: validateTimes.length,
  });
  assert.deepEqual(browser.errors, []);
  await page.close();
});

test("a full record (100 goods lines, 20 legs) imported, then a keystroke checks it all", async () => {
  const page = await browser.open();
  await fresh(page);
  const full = structuredClone(expected);
  full.case_ref = "FULL-1";
  full.detection.other = ["risk_profiling", "detector_dog"];
  full.goods = Array.from({ length: 100 }, (_, i) => ({ ...expected.goods[i % 2], description: `line ${i + 1}`, hs_code: i % 2 ? "9102" : "300490" }));
  full.conveyance = Array.from({ length: 20 }, (_, i) => ({ ...expected.conveyance[i % 2], date: "2026-03-13" }));
  full.offenders = [{ nationality: "IN", gender: "male", age: 34, role: "recipient" }];
  full.outcome = { legal_action: "under_investigation", arrests: 1 };
  await page.setInputFiles("#import-file", { name: "full.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(full)) });
  await page.waitForSelector(`${field("/goods/99/description")}`);
  assert.equal(await page.inputValue(field("/conveyance/19/tracking")), "EX123456789AE");
  assert.equal(await page.locator(`button[data-add="/goods"]`).count(), 0, "no goods line beyond 100");
  const from = await page.evaluate(() => window.cenForm.timings.check.length);
  await page.locator(field("/case_ref")).pressSequentially("-ABCDEFGHIJ", { delay: 30 });
  await page.waitForFunction((n) => window.cenForm.timings.check.length >= n + 11, from);
  const { check, validate } = await page.evaluate((n) => ({
    check: window.cenForm.timings.check.slice(n),
    validate: window.cenForm.timings.validate.slice(n),
  }), from);
  record("full_record_keystroke_ms", {
    goods: 100, legs: 20, keystrokes: check.length,
    validate_median: Number(median(validate).toFixed(2)),
    page_median: Number(median(check).toFixed(2)),
    page_max: Number(Math.max(...check).toFixed(2)),
  });
  await page.close();
});

test("a simplified CUG profile hides what it does not collect and requires what it asks", async () => {
  const page = await browser.open();
  await fresh(page);
  // Without a profile, the simplified form requires neither the detection nor the concealment.
  await page.selectOption("#choose-form", "simplified");
  assert.equal(await page.getAttribute(`[data-path="/detection/principal"]`, "data-required"), null);
  // case_ref is in the folded `more` fields of the simplified form: open them first.
  assert.equal(await page.isVisible(field("/case_ref")), false);
  await page.click(`[data-section="case"] details.more summary`);
  await page.fill(field("/case_ref"), "NW-2026-0042");
  // Look-ups forgive `be` (spec 5.3b), validation does not: the hint calls it unknown until it
  // is written as the table writes it.
  const hint = `${field("/reporting_country")}-hint`;
  await page.fill(field("/reporting_country"), "be");
  assert.equal(await page.getAttribute(hint, "class"), "hint unknown");
  await page.fill(field("/reporting_country"), "BE");
  assert.equal(await page.getAttribute(hint, "class"), "hint");

  await page.selectOption("#choose-profile", "op-nightwatch");
  await page.waitForFunction(() => document.querySelector("#choose-form").value === "simplified");
  // What it asks is required and in sight.
  assert.equal(await page.getAttribute(`[data-path="/detection/principal"]`, "data-required"), "true");
  assert.equal(await page.getAttribute(`[data-path="/goods/0/concealment"]`, "data-required"), "true");
  assert.equal(await page.locator(`details.more [data-path="/goods/0/concealment"]`).count(), 0);
  // Only the commodities the CUG collects.
  const areas = await page.locator(`${field("/goods/0/commodity")} option`).evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  assert.deepEqual(areas, ["drugs", "tobacco"]);
  // The rest of the form is folded away.
  assert.equal(await page.locator(`details.more:not([open]) [data-path="/location/name"]`).count(), 1);
  assert.equal(await page.locator(`details.more:not([open]) [data-path="/goods/0/hs_code"]`).count(), 1);
  // What was typed survived the switches.
  assert.equal(await page.inputValue(field("/case_ref")), "NW-2026-0042");
  await page.selectOption("#choose-lang", "fr");
  assert.equal(await page.inputValue(field("/case_ref")), "NW-2026-0042");
  // The report asks for the concealment method.
  await page.selectOption(field("/goods/0/commodity"), "drugs");
  assert.ok(await page.locator(`#issues li[data-rule="CEN-SCH-004"][data-path="/goods/0/concealment"]`).count() === 1);
  await page.screenshot({ path: join(output, "profile-op-nightwatch-fr.png"), fullPage: true });

  // A profile from a file: a malformed one is refused with the core's reason, a good one applies.
  const profileFile = (profile) => ({ name: "cug.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(profile)) });
  await page.setInputFiles("#profile-file", profileFile({ name: "BAD", colour: "red" }));
  await page.waitForSelector("#status.error");
  assert.match(await page.textContent("#status"), /colour/);
  assert.equal(await page.inputValue("#choose-profile"), "op-nightwatch");
  await page.setInputFiles("#profile-file", profileFile({ name: "OP-IVORY", form: "long", commodities: ["cites"] }));
  await page.waitForFunction(() => document.querySelector("#choose-profile").selectedOptions[0]?.textContent === "OP-IVORY");
  assert.equal(await page.inputValue("#choose-form"), "long");
  const ivory = await page.locator(`${field("/goods/0/commodity")} option`).evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  // The line's `drugs`, typed under the other profile, is kept and shown as it is.
  assert.deepEqual(ivory, ["cites", "drugs"]);
  await page.close();
});

test("nCEN: persons and companies, marked national, and the projection sent to CEN", async () => {
  const page = await browser.open();
  await fresh(page);
  assert.equal(await page.locator(`[data-section="persons"]`).count(), 0);
  await page.selectOption("#choose-source", "ncen");
  const persons = page.locator(`[data-section="persons"]`);
  assert.equal(await persons.count(), 1);
  assert.match(await persons.locator(".national-note").textContent(), /nCEN/);
  await page.click(`button[data-add="/persons"]`);
  await page.fill(field("/persons/0/surname"), "Example");
  assert.equal(await page.locator(`[data-item^="/persons/"]`).count(), 1, "one person added");
  await page.click(`button[data-add="/persons/0/documents"]`);
  assert.equal(await page.locator(`[data-item^="/persons/0/documents/"]`).count(), 1, "one document added");
  await page.selectOption(field("/persons/0/documents/0/type"), "passport");
  await page.fill(field("/narrative"), "Found by the dog.");
  await page.fill(field("/case_ref"), "NC-1");
  const preview = JSON.parse(await page.textContent("#cen-json"));
  assert.equal(preview.source, "cen");
  assert.equal(preview.persons, undefined);
  assert.equal(preview.narrative, undefined);
  assert.equal(preview.case_ref, "NC-1");
  // Back to CEN: the persons are not part of the record any more (and come back in nCEN).
  await page.selectOption("#choose-source", "cen");
  assert.equal(await page.locator(`[data-section="persons"]`).count(), 0);
  assert.equal(await page.locator(`#issues li[data-rule="CEN-NOM-001"]`).count(), 0);
  await page.selectOption("#choose-source", "ncen");
  assert.equal(await page.inputValue(field("/persons/0/surname")), "Example");
  await page.close();
});

test("no serious or critical accessibility violation in any of the six languages", async () => {
  const page = await browser.open();
  await fresh(page);
  await page.selectOption("#choose-source", "ncen");
  await page.click(`button[data-add="/persons"]`);
  // Evaluated through the debugging protocol: the page's own policy allows no inline script.
  await page.evaluate(axeSource);
  const found = {};
  for (const lang of ["en", "fr", "es", "ru", "ar", "pt"]) {
    await page.selectOption("#choose-lang", lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    // Open the folds and a picker, so that what they hold is scanned too.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
    const results = await page.evaluate(async () => {
      const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
      return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target }));
    });
    found[lang] = results;
    await page.screenshot({ path: join(output, `form-${lang}.png`), fullPage: true });
  }
  // The file check's panel, in the last language.
  await page.click("#tab-file");
  const filePanel = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact })));
  found.file = filePanel;
  record("axe_violations", found);
  for (const [lang, violations] of Object.entries(found)) {
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad, [], `${lang}: ${JSON.stringify(bad)}`);
  }
  await page.close();
});

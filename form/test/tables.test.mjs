// A table pack loaded in the form (spec 7.2), in Debian's Chromium: a record whose place of
// seizure and port of arrival are ESQ9Z (a port that the UNECE-format fixtures add, unknown to
// the built-in UN/LOCODE) is refused with the built-in tables and accepted once the person loads
// the pack, whose edition the header then shows; the file check uses the pack too; a bad pack
// shows the core's reason and the tables in use stay; the pickers offer the pack's places. The
// form served by `cen serve --tables` loads the served pack by itself. The pack is written by
// `cen tables build` (scripts/lib/test-packs.sh, run by scripts/test-form.sh) into
// CEN_TEST_PACKS; CEN_BIN is the `cen` that serves.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { start, field, output, pick, repo } from "./browser.mjs";

const packs = process.env.CEN_TEST_PACKS;
const ADDED = "ESQ9Z";

let browser;
before(async () => {
  assert.ok(packs, "CEN_TEST_PACKS is not set: run scripts/test-form.sh, which writes the packs with `cen tables build`");
  browser = await start();
});
after(async () => {
  assert.deepEqual(browser?.errors ?? [], []);
  await browser?.stop();
});

/** examples/records/long-sea-container.json (valid) with ESQ9Z as the place of seizure and the port of arrival. */
function recordAt(code) {
  const record = JSON.parse(readFileSync(join(repo, "examples/records/long-sea-container.json"), "utf8"));
  record.location.code = code;
  record.conveyance[0].to = code;
  return record;
}

const file = (name, buffer) => ({ name, mimeType: "application/octet-stream", buffer });
const edition = (page) => page.getAttribute("#tables-edition", "data-edition");
const unknownLocation = (page) => page.locator(`#issues li[data-rule="CEN-COD-002"]`).evaluateAll((items) => items.map((i) => i.dataset.path).sort());

test("a table pack chosen by the person validates the record from then on; a bad one changes nothing", async () => {
  const page = await browser.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-loaded=true]");
  const loadedAt = page.requests.length;
  const builtin = await edition(page);
  assert.match(builtin, /^\d{4}-\d\b/);
  assert.ok((await page.textContent("#tables-edition")).includes(builtin));

  // With the built-in tables, ESQ9Z is unknown where the record gives it.
  const record = recordAt(ADDED);
  await page.setInputFiles("#import-file", { name: "esq9z.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(record)) });
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "false");
  assert.deepEqual(await unknownLocation(page), ["/conveyance/0/to", "/location/code"]);
  assert.equal(await page.getAttribute(`${field("/location/code")}-hint`, "class"), "hint unknown");

  // A bad pack: the core's reason is shown, and the tables stay the built-in ones.
  await page.setInputFiles("#tables-file", file("zeros.pack", Buffer.alloc(4096)));
  await page.waitForSelector("#status.error");
  assert.match(await page.textContent("#status"), /zeros\.pack.*not a table pack/);
  assert.equal(await edition(page), builtin);
  assert.deepEqual(await unknownLocation(page), ["/conveyance/0/to", "/location/code"]);

  // The pack built from UNECE's files: ESQ9Z is a port, the record valid, the edition shown.
  const pack = readFileSync(join(packs, "unece-2099-1.pack"));
  await page.setInputFiles("#tables-file", file("unece-2099-1.pack", pack));
  await page.waitForFunction(() => document.querySelector("#tables-edition").dataset.edition === "2099-1");
  assert.match(await page.textContent("#tables-edition"), /unece-2099-1\.pack.*2099-1/);
  assert.equal(await page.getAttribute("#status", "class"), "notice info");
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "true", null, { timeout: 10_000 })
    .catch(async () => assert.fail(await page.textContent("#issues")));
  assert.deepEqual(await unknownLocation(page), []);
  // The code's hint names the port from the pack.
  assert.equal(await page.getAttribute(`${field("/location/code")}-hint`, "class"), "hint");
  await page.screenshot({ path: join(output, "table-pack.png"), fullPage: true });

  // Typing keeps the pack: the code changed and back.
  await page.fill(field("/location/code"), "ESALG");
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "false");
  assert.match(await page.textContent(`#issues li[data-path="/location/code"]`), /withdrawn/);
  await page.fill(field("/location/code"), ADDED);
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "true");
  // The picker offers the pack's places: the port the pack adds is found by its name.
  await page.waitForSelector("body[data-names=loaded]");
  await pick(page, "/location/code", "Puerto Nuevo", ADDED);
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "true");

  // A damaged pack now: refused, and the pack in use stays.
  const damaged = Buffer.from(pack);
  damaged[damaged.length - 1] ^= 1;
  await page.setInputFiles("#tables-file", file("damaged.pack", damaged));
  await page.waitForSelector("#status.error");
  assert.match(await page.textContent("#status"), /damaged\.pack.*checksum mismatch/);
  assert.equal(await edition(page), "2099-1");
  await page.fill(field("/case_ref"), "PACK-2");
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "true");

  // The language changes the words, not the tables.
  await page.selectOption("#choose-lang", "fr");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
  assert.match(await page.textContent("#tables-edition"), /Paquet de tables unece-2099-1\.pack/);
  assert.equal(await page.getAttribute("#verdict", "data-valid"), "true");

  // The file check (a worker with a module of its own) uses the pack too.
  await page.click("#tab-file");
  const ndjson = `${JSON.stringify(record)}\n`;
  await page.setInputFiles("#check-file", { name: "esq9z.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(ndjson) });
  await page.waitForFunction(() => ["done", "failed"].includes(document.body.dataset.fileCheck));
  assert.equal(await page.getAttribute("body", "data-file-check"), "done", await page.textContent("#file-status"));
  assert.equal(await page.locator("#file-issues tbody tr").count(), 0, await page.textContent("#file-status"));
  assert.match(await page.textContent("#file-status"), /1/);

  assert.deepEqual(page.requests.slice(loadedAt).map((r) => r.url), [], "no request after the page has loaded");
  await page.close();
});

/** `cen serve --tables PACK` on a free port: its origin, and a function that stops it. */
async function cenServe(pack) {
  assert.ok(process.env.CEN_BIN, "CEN_BIN is not set: run scripts/test-form.sh");
  const child = spawn(process.env.CEN_BIN, ["serve", "--addr", "127.0.0.1:0", "--quiet", "--tables", pack], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  const origin = await new Promise((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const found = /listening on (http:\/\/[\d.]+:\d+)\//.exec(log);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`cen serve stopped (${code}): ${log}`)));
  });
  return { origin, stop: () => child.kill() };
}

test("the form served by cen serve --tables checks against the served pack from the start", async () => {
  const server = await cenServe(join(packs, "unece-2099-1.pack"));
  const served = await start({ origin: server.origin });
  try {
    const page = await served.open();
    // The header names the served pack and its edition; nothing was chosen by hand.
    await page.waitForFunction(() => document.querySelector("#tables-edition").dataset.edition === "2099-1");
    assert.match(await page.textContent("#tables-edition"), /unece-2099-1\.pack.*2099-1/);
    assert.ok(page.requests.some((r) => r.url === `${server.origin}/tables.pack`), "the pack was not fetched");
    // A record at ESQ9Z, which only the pack knows, is valid.
    await page.setInputFiles("#import-file", { name: "esq9z.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(recordAt(ADDED))) });
    await page.waitForFunction(() => document.querySelector("#verdict").dataset.valid === "true", null, { timeout: 10_000 })
      .catch(async () => assert.fail(await page.textContent("#issues")));
    // The picker offers the served pack's new port.
    await page.waitForSelector("body[data-names=loaded]");
    await pick(page, "/location/code", "Puerto Nuevo", ADDED);
    await page.close();
    assert.deepEqual(served.errors, []);
  } finally {
    await served.stop();
    server.stop();
  }
});

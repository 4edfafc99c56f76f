// "Check a file" in Debian's Chromium: examples/seizures.xlsx read and validated in the page
// (cen-files compiled to WebAssembly, in a worker) gives the issue counts of `cen validate`;
// the table filters by rule and column and downloads as CSV; files that are not what their name
// says, a zip bomb and a 100 MB file get a clear message and the page keeps working; the CSV
// throughput is measured. No request leaves once the page has loaded.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync, crc32 } from "node:zlib";

import { start, field, output, record, repo } from "./browser.mjs";

/** The `cen` command line: $CEN_BIN, else the workspace's debug or release build. */
const cen = process.env.CEN_BIN ?? [join(repo, "target/debug/cen"), join(repo, "target/release/cen")].find(existsSync);

let browser;
let page;
let loadedAt;
before(async () => {
  assert.ok(cen && existsSync(cen), "the cen binary is needed (cargo build -p cen-cli, or set CEN_BIN)");
  browser = await start();
  page = await browser.open();
  loadedAt = page.requests.length;
  await page.click("#tab-file");
});
after(async () => {
  if (page) assert.deepEqual(page.requests.slice(loadedAt).map((r) => r.url), [], "no request after the page has loaded");
  assert.deepEqual(browser?.errors ?? [], []);
  await browser?.stop();
});

async function check(name, buffer) {
  await page.setInputFiles("#check-file", { name, mimeType: "application/octet-stream", buffer });
  await page.waitForFunction(() => ["done", "failed"].includes(document.body.dataset.fileCheck) || document.querySelector("#file-status.error"));
}

/** The table as shown: one { rule, column } per row. */
const rows = () => page.$$eval("#file-issues tbody tr", (trs) => trs.map((tr) => ({ rule: tr.cells[2].textContent, column: tr.cells[4].textContent })));

const countBy = (items, key) => items.reduce((counts, item) => ({ ...counts, [item[key]]: (counts[item[key]] ?? 0) + 1 }), {});

test("examples/seizures.xlsx: the issue counts of cen validate, filters, CSV download", async () => {
  const file = join(repo, "examples/seizures.xlsx");
  let stdout;
  try {
    stdout = execFileSync(cen, ["validate", "--format", "json", file], { maxBuffer: 64 << 20 }).toString();
  } catch (error) {
    stdout = error.stdout.toString(); // exit status 1: some records are invalid
  }
  const cli = JSON.parse(stdout).records;
  const cliIssues = cli.flatMap((r) => r.report.issues);
  const cliInvalid = cli.filter((r) => !r.report.valid).length;

  await page.evaluate(() => delete document.body.dataset.fileCheck);
  await check("seizures.xlsx", readFileSync(file));
  assert.equal(await page.getAttribute("body", "data-file-check"), "done", await page.textContent("#file-status"));
  const summary = await page.textContent("#file-status");
  assert.match(summary, new RegExp(`${cli.length} records, ${cli.length - cliInvalid} valid, ${cliInvalid} not valid, ${cliIssues.length} issues`));
  const shown = await rows();
  assert.deepEqual(countBy(shown, "rule"), countBy(cliIssues, "rule"));
  await page.screenshot({ path: join(output, "file-check.png"), fullPage: true });

  // Filter by rule, then by column.
  await page.selectOption("#filter-rule", "CEN-SCH-002");
  assert.equal((await rows()).length, cliIssues.filter((i) => i.rule === "CEN-SCH-002").length);
  const column = (await rows())[0].column;
  await page.selectOption("#filter-column", column);
  const both = await rows();
  assert.ok(both.length > 0 && both.every((r) => r.rule === "CEN-SCH-002" && r.column === column));
  // The download holds what the filters show.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const saved = join(output, "file-check-issues.csv");
  await download.saveAs(saved);
  const lines = readFileSync(saved, "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
  assert.equal(lines[0], "record,line,rule,severity,path,column,message");
  assert.equal(lines.length - 1, both.length);
  await page.selectOption("#filter-rule", "");
  await page.selectOption("#filter-column", "");
});

/** A zip whose one part inflates from a few kilobytes to 16 MiB (1,000 times): a zip bomb. */
function zipBomb() {
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const data = Buffer.alloc(16 << 20, 0x20);
  const packed = deflateRawSync(data, { level: 9 });
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralAt = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

test("bad files get a clear message, and the page keeps working", async () => {
  const status = () => page.textContent("#file-status");
  // Not what its name says.
  await check("seizures.xlsx", Buffer.from("reporting_country,seizure_date\nBE,2026-01-01\n"));
  assert.match(await status(), /seizures\.xlsx cannot be read: .+/);
  assert.equal(await page.isHidden("#file-result"), true);
  // A zip bomb.
  await check("bomb.xlsx", zipBomb());
  assert.match(await status(), /bomb\.xlsx cannot be read: .*zip bomb/);
  // A file of an unknown kind.
  await check("notes.txt", Buffer.from("hello"));
  assert.match(await status(), /only \.xlsx, \.csv, \.ndjson, \.jsonl and \.json files/);
  // 100 MB, dropped on the page: refused before it is read.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(100 * 1024 * 1024)], "huge.csv", { type: "text/csv" }));
    document.querySelector("#drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /huge\.csv/.test(document.querySelector("#file-status").textContent));
  assert.match(await status(), /huge\.csv is 100\.0 MB: files of more than \d+ MB are not checked in the browser/);
  // Still working: a good file, and the form.
  await check("seizures.ndjson", readFileSync(join(repo, "examples/seizures.ndjson")));
  assert.match(await status(), /300 records/);
  await page.click("#tab-entry");
  await page.fill(field("/case_ref"), "still-here");
  await page.waitForFunction(() => document.querySelector("#issues li") !== null);
  await page.click("#tab-file");
});

test("CSV throughput in the browser (measured, recorded in test-output/measurements.json)", async () => {
  const csv = readFileSync(join(repo, "examples/seizures.csv"), "utf8").trimEnd().split(/\r?\n/);
  const [header, ...body] = csv;
  const copies = Math.ceil(21_000 / body.length);
  const big = [header, ...Array.from({ length: copies }, () => body).flat()].join("\n");
  await check("many.csv", Buffer.from(`${big}\n`));
  assert.equal(await page.getAttribute("body", "data-file-check"), "done", await page.textContent("#file-status"));
  const timing = await page.evaluate(() => window.cenForm.fileTimings.at(-1));
  assert.equal(timing.records, copies * body.length);
  record("file_check_csv", {
    rows: timing.records,
    bytes: timing.bytes,
    ms: Math.round(timing.ms),
    rows_per_second: Math.round(timing.records / (timing.ms / 1000)),
  });
});

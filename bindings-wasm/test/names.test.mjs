// The names file (dist/cen_names.txt): before it is loaded the look-ups have empty texts and
// everything else, and validation is complete; loadNames() refuses what is not the file of
// these tables; once loaded, every UN/LOCODE, airport and HS entry has exactly the texts of
// the committed tables (codes-data/data/*.tsv), and validation is unchanged.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

import * as cen from "../js/node.js";

const options = { today: "2026-11-28" };
const data = (name) => new URL(`../../codes-data/data/${name}`, import.meta.url);
const record = (name) => JSON.parse(readFileSync(new URL(`../../examples/records/${name}.json`, import.meta.url), "utf8"));
const namesFile = new URL("../dist/cen_names.txt", import.meta.url);

/** The rows of a committed table, as objects by column name. */
function table(name) {
  const lines = readFileSync(data(name), "utf8").split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  const head = lines[0].split("\t");
  return lines.slice(1).map((line) => Object.fromEntries(line.split("\t").map((value, i) => [head[i], value])));
}

const reportsOf = () =>
  ["long-air-passenger", "long-sea-container", "invalid-movement", "ncen-with-persons"].map((name) =>
    cen.validateToJson(record(name), options),
  );
let reportsBefore;

test("before loading: texts empty, everything else there, validation complete", () => {
  assert.equal(cen.namesLoaded(), false);
  const rotterdam = cen.lookupLocation("NLRTM", "fr");
  assert.equal(rotterdam.name, "");
  assert.equal(rotterdam.subdivision, "");
  assert.equal(rotterdam.remarks, "");
  assert.equal(rotterdam.country_name, "Pays-Bas");
  assert.equal(rotterdam.function, "12345---");
  assert.deepEqual([rotterdam.seaport, rotterdam.airport, rotterdam.resolves], [true, true, true]);
  const withdrawn = cen.lookupLocation("CNTLS");
  assert.deepEqual([withdrawn.withdrawn, withdrawn.resolves, withdrawn.remarks], [true, false, ""]);
  const heathrow = cen.lookupAirport("LHR");
  assert.deepEqual([heathrow.icao, heathrow.country, heathrow.name, heathrow.city], ["EGLL", "GB", "", ""]);
  assert.deepEqual(cen.lookupHs("0101"), {
    code: "0101", edition: "2022", level: 4, description: "", parent: "01", section: "I", editions: ["2012", "2017", "2022"],
  });
  // Validation needs no name: a bad location code, a seaport that is not one, a withdrawn code.
  const issues = (r) => cen.validate(r, options).issues.map((i) => `${i.rule} ${i.path}`);
  assert.ok(issues({ location: { type: "seaport", code: "NLRTX" } }).includes("CEN-COD-002 /location/code"));
  assert.ok(issues({ location: { type: "seaport", code: "CNTLS" } }).includes("CEN-COD-002 /location/code"));
  assert.ok(!issues({ location: { type: "seaport", code: "NLRTM" } }).some((i) => i.includes("/location")));
  reportsBefore = reportsOf();
});

test("loadNames refuses what is not the names file of these tables, and nothing changes", async () => {
  const good = readFileSync(namesFile);
  const text = good.toString("utf8");
  const header = text.slice(0, text.indexOf("\n"));
  const [magic, format, fingerprint, ...counts] = header.split("\t");
  const otherTables = `${[magic, format, fingerprint.replace(/.$/, (c) => (c === "0" ? "1" : "0")), ...counts].join("\t")}${text.slice(header.length)}`;
  const cases = [
    [new Uint8Array([0xff, 0xfe, 0x00]), /not UTF-8/],
    [new TextEncoder().encode("hello\n"), /not a names file/],
    [new TextEncoder().encode(""), /not a names file/],
    [new TextEncoder().encode(otherTables), /other code tables/],
    [good.subarray(0, good.length - 100), /lines of entries/],
    [new TextEncoder().encode(text.replaceAll("\n", "\r\n")), /carriage returns/],
    [new URL("./no-such-file.txt", import.meta.url), /ENOENT/],
  ];
  for (const [input, message] of cases) {
    await assert.rejects(cen.loadNames(input), message, String(message));
    assert.equal(cen.namesLoaded(), false);
  }
  await assert.rejects(cen.loadNames(new Response("x", { status: 404 })), /HTTP 404/);
  assert.equal(cen.lookupLocation("NLRTM").name, "");
});

test("loadNames before init in the browser entry says so, and reads nothing", async () => {
  const fresh = await import(`../js/cen.js?fresh=${Date.now()}`);
  await assert.rejects(fresh.loadNames(new URL("./no-such-file.txt", import.meta.url)), /call `await init\(\)` first/);
  assert.equal(fresh.namesLoaded(), false);
});

test("a URL fetch cannot make is an Error that starts with cen:", async () => {
  await assert.rejects(cen.loadNames("http://127.0.0.1:1/cen_names.txt"), /^Error: cen: loadNames: http:\/\/127\.0\.0\.1:1\/cen_names\.txt: /);
  assert.equal(cen.namesLoaded(), false);
});

test("over HTTP, a missing file is an Error that names the status", async () => {
  const server = createServer((request, response) => {
    response.writeHead(404);
    response.end();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${server.address().port}/cen_names.txt`;
    await assert.rejects(cen.loadNames(url), /HTTP 404/);
  } finally {
    server.close();
  }
  assert.equal(cen.namesLoaded(), false);
});

test("loadNames() reads the package's file once, however often it is called", async () => {
  const calls = [cen.loadNames(), cen.loadNames(), cen.loadNames()];
  // One load in progress, shared by every call made meanwhile.
  assert.equal(calls[0], calls[1]);
  assert.equal(calls[1], calls[2]);
  assert.equal(cen.namesLoaded(), false);
  await Promise.all(calls);
  assert.equal(cen.namesLoaded(), true);
  // Once loaded, nothing is read: not even bytes that are not a names file.
  await cen.loadNames(new Uint8Array([1]));
  assert.equal(cen.lookupLocation("NLRTM").name, "Rotterdam");
  assert.equal(cen.lookupLocation("NLRTM", "fr").country_name, "Pays-Bas");
});

test("every UN/LOCODE has the texts of the committed table", () => {
  const rows = table("unlocode.tsv");
  assert.ok(rows.length > 100_000);
  for (const row of rows) {
    const found = cen.lookupLocation(row.code);
    const got = [found?.name, found?.subdivision, found?.iata, found?.remarks];
    const expected = [row.name, row.subdivision, row.iata === "" ? null : row.iata, row.remarks];
    if (got.some((value, i) => value !== expected[i])) {
      assert.deepEqual(got, expected, row.code);
    }
  }
});

test("every airport has the name and city of the committed table", () => {
  const rows = table("airports.tsv");
  assert.ok(rows.length > 10_000);
  for (const row of rows) {
    for (const code of [row.iata, row.icao].filter(Boolean)) {
      for (const found of [cen.lookupAirport(code), cen.lookupLocation(code)]) {
        if (found?.name !== row.name || found?.city !== row.city) {
          assert.deepEqual([found?.name, found?.city], [row.name, row.city], code);
        }
      }
    }
  }
});

test("every HS entry has the description of the committed table, in every edition", () => {
  const rows = table("hs.tsv");
  assert.ok(rows.length > 5_000);
  for (const row of rows) {
    // `description` is the newest edition's text; an older edition's column is empty when it
    // words the code as the next newer edition does.
    const editions = row.editions.split(" ");
    const newest = editions.at(-1);
    let text = row.description;
    for (const edition of [...editions].reverse()) {
      if (edition !== newest && row[`description_${edition}`]) text = row[`description_${edition}`];
      const found = cen.lookupHs(row.code, edition);
      if (found?.description !== text) assert.equal(found?.description, text, `${row.code} ${edition}`);
    }
  }
});

test("validation is the same with names as without", () => {
  assert.deepEqual(reportsOf(), reportsBefore);
});

test("the names survive a reset of the instance", () => {
  assert.throws(() => cen.__trapForTests(), /instance was reset/);
  assert.equal(cen.namesLoaded(), true);
  assert.equal(cen.lookupLocation("BEANR").name, "Antwerpen");
  assert.equal(cen.lookupHs("240220").description.length > 0, true);
});

test("the example of docs/wasm.md runs and prints what the page says", () => {
  // The page's loadNames example, run as a user's script would run it (importing "cen-wasm",
  // which Node resolves to this package from a file inside it).
  const page = readFileSync(new URL("../../docs/wasm.md", import.meta.url), "utf8");
  const [, code, printed] = /<!-- example: loadNames -->\s*```js\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/.exec(page) ?? [];
  assert.ok(code && printed, "the example and its output are on the page");
  mkdirSync(new URL("../test-output/", import.meta.url), { recursive: true });
  const script = new URL("../test-output/names-example.mjs", import.meta.url);
  writeFileSync(script, code);
  const output = execFileSync(process.execPath, [fileURLToPath(script)], { encoding: "utf8" });
  assert.equal(output, printed);
});

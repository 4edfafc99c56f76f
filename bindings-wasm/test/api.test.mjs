// The API of spec 5.7 from Node: every export, errors for misuse, and bad input of every kind
// JavaScript can pass, which must give a report or a clear Error, never a dead instance.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import init, * as cen from "../js/node.js";

const today = "2026-11-28";
const options = { today };
const record = (name) => JSON.parse(readFileSync(new URL(`../../examples/records/${name}.json`, import.meta.url), "utf8"));
const rules = (issues) => issues.map((i) => `${i.rule} ${i.path}`);

test("init is accepted in Node, where the module is already loaded", async () => {
  await init();
  assert.match(cen.version(), /^\d+\.\d+\.\d+/);
});

test("validate gives the report of spec 5.2 as a plain object", () => {
  const report = cen.validate(record("invalid-movement"), options);
  assert.deepEqual(Object.keys(report), ["valid", "form", "source", "counts", "quality", "issues"]);
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.equal(report.valid, false);
  assert.deepEqual(rules(report.issues), [
    "CEN-MOV-009 /conveyance/0/awb",
    "CEN-IDN-001 /conveyance/0/container",
    "CEN-MOV-006 /location/code",
    "CEN-MOV-001 /route/destination",
  ]);
  assert.deepEqual(report.issues[3].params, { expected: "NL", found: "DE" });
  assert.equal(report.counts.error, 4);
  assert.equal(cen.validate(record("long-air-passenger"), options).valid, true);
});

test("an object, its JSON text and its UTF-8 bytes give the same report", () => {
  const value = record("long-sea-container");
  const text = JSON.stringify(value);
  const expected = cen.validateToJson(value, options);
  assert.equal(cen.validateToJson(text, options), expected);
  assert.equal(cen.validateToJson(new TextEncoder().encode(text), options), expected);
  assert.equal(cen.validateToJson(Buffer.from(text), options), expected);
  assert.equal(cen.validateToJson(new TextEncoder().encode(text).buffer, options), expected);
});

test("Validator.validate gives the same object as the report's JSON text, packed or not", () => {
  // A report without issues crosses from WebAssembly as one number (bindings-wasm/src/
  // validate.rs, `packed`); every form and source, with issues and without, gives what parsing
  // the report's JSON text gives, keys in the same order.
  let packedSeen = 0;
  for (const form of ["long", "simplified"]) {
    for (const source of ["cen", "ncen", "cencomm"]) {
      const validator = new cen.Validator({ today, form, source });
      for (const name of ["long-air-passenger", "long-sea-container", "invalid-movement"]) {
        const given = record(name);
        const expected = validator.validateToJson(given);
        const report = validator.validate(given);
        assert.equal(JSON.stringify(report), JSON.stringify(JSON.parse(expected)), `${name}, ${form}, ${source}`);
        assert.equal(Object.getPrototypeOf(report), Object.prototype);
        if (report.issues.length === 0) packedSeen++;
        assert.deepEqual(validator.validate(JSON.stringify(given)), report, "as JSON text");
      }
    }
  }
  assert.ok(packedSeen >= 6, `reports without issues: ${packedSeen}`);
});

test("messages follow the language of the options", () => {
  const bad = record("invalid-movement");
  const en = cen.validate(bad, options).issues[3].message;
  const fr = cen.validate(bad, { ...options, lang: "fr" }).issues[3].message;
  const ar = cen.validate(bad, { ...options, lang: "ar" }).issues[3].message;
  assert.notEqual(en, fr);
  assert.notEqual(fr, ar);
  assert.match(ar, /[\u0600-\u06ff]/);
});

test("options may also be JSON text, and a profile changes severities", () => {
  const bad = record("invalid-movement");
  const profile = { name: "OP-X", severity: { "CEN-MOV-001": "warning" } };
  const report = cen.validate(bad, JSON.stringify({ today, profile }));
  assert.equal(report.issues.find((i) => i.rule === "CEN-MOV-001").severity, "warning");
});

test("a profile may be its JSON text; a file name is refused with what a profile is", () => {
  const bad = record("invalid-movement");
  const profile = JSON.stringify({ name: "OP-X", severity: { "CEN-MOV-001": "warning" } });
  const report = cen.validate(bad, { today, profile });
  assert.equal(report.issues.find((i) => i.rule === "CEN-MOV-001").severity, "warning");
  for (const options of [{ profile: "profiles/op-x.json" }, JSON.stringify({ profile: "op-x.json" })]) {
    assert.throws(
      () => cen.validate(bad, options),
      /profile: a profile is a JSON object or its JSON text, and `(profiles\/)?op-x\.json` is neither \(a file name\? read the file and give its content\)/,
    );
  }
  assert.throws(() => new cen.Validator({ profile: "{name: 1}" }), /the profile is not valid JSON/);
});

test("bad options throw an Error that says what is wrong", () => {
  const cases = [
    [{ lang: "de" }, /`de` is not one of en, fr, es, ru, ar, pt/],
    [{ language: "fr" }, /unknown option `language`/],
    [{ today: "28/11/2026" }, /not a calendar date/],
    [{ hs_edition: "2018" }, /option `hs_edition`: `2018` is not an HS edition: use 2012, 2017 or 2022/],
    [{ hs_edition: 2017 }, /expected an HS edition/],
    [{ profile: { hs_edition: "HS 2017" } }, /`hs_edition`: `HS 2017` is not an HS edition/],
    [{ today: NaN }, /`\/today` is not a finite number/],
    [{ profile: { severity: { "CEN-SCH-001": "off" } } }, /cannot be changed/],
    [{ profile: { required: ["/goods/*/colour"] } }, /colour/],
    [{ form: () => "long" }, /function, symbol, BigInt/],
    [[], /must be a JSON object/],
    ["{", /not valid JSON/],
    [42, /must be a JSON object/],
  ];
  for (const [bad, message] of cases) {
    assert.throws(() => cen.validate({}, bad), (e) => e instanceof Error && message.test(e.message), JSON.stringify(String(bad)));
    assert.throws(() => new cen.Validator(bad), Error);
  }
  assert.throws(() => cen.labels("de"), /`de` is not one of en, fr, es, ru, ar, pt/);
  assert.throws(() => cen.labels("x".repeat(10_000)), /`x{16}…` is not one of/);
  assert.throws(() => cen.labels(7), /the language must be a string/);
});

test("without `today`, JavaScript's clock gives today's UTC date", () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const report = cen.validate({ seizure_date: tomorrow });
  assert.ok(report.issues.some((i) => i.rule === "CEN-DAT-002" && i.path === "/seizure_date"));
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  assert.ok(!cen.validate({ seizure_date: yesterday }).issues.some((i) => i.rule === "CEN-DAT-002"));
});

test("validateMany finds duplicates across the batch", () => {
  const a = record("long-sea-container");
  const reports = cen.validateMany([a, JSON.stringify(a), "[]"], options);
  assert.equal(reports.length, 3);
  assert.ok(!reports[0].issues.some((i) => i.rule === "CEN-DUP-001"));
  assert.deepEqual(reports[1].issues.find((i) => i.rule === "CEN-DUP-001").params, { first: 0 });
  assert.equal(reports[2].issues[0].rule, "CEN-SCH-001");
  assert.throws(() => cen.validateMany("not an array", options), /expects an array/);
  assert.throws(() => cen.validateMany({ length: 2 }, options), /expects an array/);
});

test("a Batch reports one record at a time with duplicates across calls", () => {
  const validator = new cen.Validator(options);
  const batch = validator.batch();
  const a = record("long-sea-container");
  assert.ok(!batch.validate(a).issues.some((i) => i.rule === "CEN-DUP-001"));
  assert.ok(batch.validate(a).issues.some((i) => i.rule === "CEN-DUP-001"));
  assert.equal(batch.length, 2);
  assert.throws(() => new cen.Batch({}), TypeError);
});

test("validateField gives the issues of one field, live", () => {
  const issues = cen.validateField("/conveyance/0/container", "CSQU3054384", undefined, options);
  assert.deepEqual(rules(issues), ["CEN-IDN-001 /conveyance/0/container"]);
  assert.deepEqual(cen.validateField("/conveyance/0/container", "CSQU3054383", undefined, options), []);
  const partial = { reporting_country: "BE", procedure: "import", route: { departure: "BR" } };
  assert.deepEqual(rules(cen.validateField("/route/destination", "NL", partial, options)), ["CEN-MOV-001 /route/destination"]);
  assert.deepEqual(partial.route, { departure: "BR" }, "the record is not changed");
  assert.equal(cen.validateField("/seizure_date", null, undefined, options)[0].rule, "CEN-SCH-004");
  const fr = cen.validateField("/conveyance/0/container", "X", undefined, { ...options, lang: "fr" });
  assert.notEqual(fr[0].message, issues[0].message);
  assert.throws(() => cen.validateField("", "x", undefined, options), /not a JSON Pointer/);
  assert.throws(() => cen.validateField(42, "x", undefined, options), /JSON Pointer string/);
  assert.throws(() => cen.validateField("/x".repeat(5000), "x", undefined, options), /too long/);
  const validator = new cen.Validator(options);
  assert.deepEqual(validator.validateField("/conveyance/0/container", "CSQU3054384"), issues);
});

test("validateField reads values JSON cannot hold as validate does", () => {
  const base = record("long-air-passenger");
  const cases = [
    ["/goods/0/quantity", NaN],
    ["/goods/0/quantity", -Infinity],
    ["/goods/0/unit", () => "kg"],
    ["/goods/0/unit", 10n],
    ["/case_ref", Symbol("x")],
    ["/offenders/0/age", Infinity],
  ];
  for (const [path, value] of cases) {
    const placed = cen.placeAt(base, path, value);
    const whole = cen.validate(placed, options).issues.filter((i) => i.path === path || i.path.startsWith(`${path}/`));
    assert.deepEqual(cen.validateField(path, value, base, options), whole, `${path} ${String(value)}`);
    assert.ok(whole.length > 0);
  }
  // A NaN elsewhere in the record.
  const withNaN = { ...base, outcome: { arrests: NaN } };
  assert.deepEqual(rules(cen.validateField("/outcome/arrests", NaN, withNaN, options)), ["CEN-SCH-006 /outcome/arrests"]);
});

test("plain values and values read one by one give the same answers", () => {
  const records = ["long-air-passenger", "invalid-movement", "ncen-with-persons", "cencomm-cash"].map(record);
  const deep = { a: {} };
  let cursor = deep.a;
  for (let i = 0; i < 40; i++) cursor = cursor.b = {};
  const inputs = [...records, { goods: [{ quantity: 1.5, unit: "pieces" }] }, deep, { route: { transit: [undefined, "BE"] } }, {}];
  for (const input of inputs) {
    const fast = cen.validateToJson(input, options);
    const fields = cen.validateField("/goods/0/quantity", 2.5, input, options);
    cen.__setTextPath(false);
    try {
      assert.equal(cen.validateToJson(input, options), fast);
      assert.deepEqual(cen.validateField("/goods/0/quantity", 2.5, input, options), fields);
    } finally {
      cen.__setTextPath(true);
    }
  }
});

test("hostile values: JSON text and the value-by-value reader give the same report", () => {
  const base = record("long-air-passenger");
  const cyclic = { ...base };
  cyclic.self = cyclic;
  const bare = Object.assign(Object.create(null), base, { extra: Object.assign(Object.create(null), { a: 1 }) });
  const sparse = [];
  sparse[2] = "BE";
  const tagged = ["BE", "FR"];
  tagged.note = "ignored by JSON";
  const hidden = { ...base };
  Object.defineProperty(hidden, "case_ref", { value: 12, enumerable: false });
  let reads = 0;
  const getter = { ...base, get case_ref() { return `EX-${++reads}`; } };
  const inputs = [
    { ...base, goods: [{ ...base.goods[0], quantity: -0 }], offenders: [{ ...base.offenders[0], age: -0 }] },
    { ...base, outcome: { arrests: -0 }, reporting_country: -0 },
    { ...base, goods: [{ ...base.goods[0], quantity: NaN }] },
    { ...base, outcome: { arrests: -Infinity } },
    { ...base, case_ref: undefined, narrative: undefined },
    { ...base, route: { ...base.route, transit: [undefined, "BE", () => 1] } },
    { ...base, case_ref: () => "EX" },
    { ...base, [Symbol("key")]: "ignored", narrative: Symbol("value") },
    { ...base, seizure_date: new Date(Date.UTC(2026, 0, 21)) },
    { ...base, location: new Map([["type", "airport"]]) },
    { ...base, case_ref: new String("EX-0001") },
    { ...base, offenders: [{ ...base.offenders[0], age: 27n }] },
    { ...base, route: { ...base.route, transit: sparse } },
    { ...base, route: { ...base.route, transit: tagged } },
    { ...base, location: { ...base.location, toJSON: "not a method" } },
    { ...base, location: { ...base.location, toJSON: () => ({}) } },
    new Proxy(base, {}),
    { ...base, location: new Proxy(base.location, {}) },
    cyclic,
    bare,
    hidden,
    getter,
    { ...base, narrative: "tab\t, quote\", backslash \\, NUL \u0000, é, 😀, \u2028" },
    { ...base, narrative: "\ud800 lone" },
    { "\ud800": 1 },
  ];
  const both = (input) => {
    const fast = cen.validateToJson(input, options);
    cen.__setTextPath(false);
    try {
      return [fast, cen.validateToJson(input, options)];
    } finally {
      cen.__setTextPath(true);
    }
  };
  inputs.forEach((input, index) => {
    const [fast, read] = both(input);
    if (input === getter) {
      // A getter gives a new value on each read: each path reads it once.
      assert.equal(fast.replace(/EX-\d+/g, "EX"), read.replace(/EX-\d+/g, "EX"), `input ${index}`);
    } else {
      assert.equal(fast, read, `input ${index}`);
    }
  });
  // Enumerable properties added to Object.prototype are not the record's, on either path.
  for (const polluted of ["BE", () => 1, NaN]) {
    Object.prototype.polluted = polluted; // eslint-disable-line no-extend-native
    try {
      const [fast, read] = both(base);
      assert.equal(fast, read, String(polluted));
      assert.equal(JSON.parse(fast).valid, true);
    } finally {
      delete Object.prototype.polluted;
    }
  }
});

test("placeAt places a value exactly where the core's validateField does", () => {
  // For JSON values both paths exist: the core's one-field call, and placeAt + validate
  // (the path taken for non-finite numbers). They must agree everywhere.
  const base = record("long-express-courier");
  const paths = [
    "/seizure_date", "/route/transit/0", "/route/transit/3", "/goods/0/quantity", "/goods/2/unit",
    "/goods/100/type", "/conveyance/0/awb", "/conveyance/1/container", "/location/code",
    "/detection/other/1", "/persons/0/documents/0/number", "/outcome/penalty/amount", "/colour",
    "/a~1b", "/goods/+1/unit", "/goods/01/unit", "/offenders/0/age", "/",
  ];
  for (const path of paths) {
    for (const value of ["CSQU3054384", 12.5, -1, null, { amount: 1 }, ["BE"]]) {
      for (const rec of [base, undefined, { goods: "x" }, { route: null }]) {
        let fast;
        try {
          fast = cen.validateField(path, value, rec, options);
        } catch (error) {
          assert.equal(cen.placeAt(rec, path, value), undefined, `${path}: the core refused, placeAt did not`);
          continue;
        }
        const placed = cen.placeAt(rec, path, value);
        assert.notEqual(placed, undefined, `${path}: placeAt refused, the core did not`);
        const whole = cen.validate(placed, options).issues.filter((i) => i.path === path || i.path.startsWith(`${path}/`));
        assert.deepEqual(fast, whole, `${path} = ${JSON.stringify(value)} in ${JSON.stringify(rec)?.slice(0, 40)}`);
      }
    }
  }
});

test("values JSON cannot hold are reported at their own path", () => {
  const bad = {
    ...record("long-air-passenger"),
    case_ref: () => 1,
    narrative: Symbol("s"),
    goods: [{ commodity: "drugs", type: "cocaine", quantity: NaN, unit: "kg", concealment: "body_internal" }],
    offenders: [{ age: 10n }],
    photos: [{ ref: new Uint8Array([1, 2]) }],
    outcome: { arrests: Infinity },
  };
  const issues = rules(cen.validate(bad, options).issues);
  for (const expected of [
    "CEN-SCH-002 /case_ref",
    "CEN-SCH-002 /narrative",
    "CEN-SCH-006 /goods/0/quantity",
    "CEN-SCH-002 /offenders/0/age",
    "CEN-SCH-002 /photos/0/ref",
    "CEN-SCH-006 /outcome/arrests",
  ]) {
    assert.ok(issues.includes(expected), `${expected} in ${issues}`);
  }
});

test("undefined is absent, as JSON.stringify has it", () => {
  const value = { ...record("long-air-passenger"), cug: undefined, narrative: undefined };
  assert.equal(cen.validateToJson(value, options), cen.validateToJson(JSON.stringify(value), options));
  const holes = cen.validate({ route: { transit: [undefined] } }, options);
  assert.ok(rules(holes.issues).includes("CEN-SCH-002 /route/transit/0"));
});

test("numbers where strings belong, strings where numbers belong", () => {
  const issues = rules(cen.validate({ reporting_country: 32, seizure_date: 20260101, goods: [{ quantity: "12" }] }, options).issues);
  assert.ok(issues.includes("CEN-SCH-002 /reporting_country"));
  assert.ok(issues.includes("CEN-SCH-002 /seizure_date"));
  assert.ok(issues.includes("CEN-SCH-002 /goods/0/quantity"));
});

test("cyclic objects stop at the depth limit", () => {
  const a = { reporting_country: "BE" };
  a.loop = a;
  const report = cen.validate(a, options);
  assert.deepEqual(rules(report.issues), ["CEN-SCH-001 "]);
  assert.match(report.issues[0].message, /32/);
  const goods = [];
  goods.push({ commodity: "drugs", extra: goods });
  assert.equal(cen.validate({ goods }, options).issues[0].rule, "CEN-SCH-001");
  // Wide and cyclic: the size limit bounds the work.
  const wide = {};
  for (let i = 0; i < 1000; i++) wide[`k${i}`] = wide;
  const started = Date.now();
  assert.equal(cen.validate({ x: wide }, options).issues[0].rule, "CEN-SCH-001");
  assert.ok(Date.now() - started < 5000);
});

test("the 1 MiB limit holds for text, bytes and objects alike", () => {
  const big = "x".repeat(1024 * 1024);
  const tooLarge = (input) => {
    const report = cen.validate(input, options);
    return report.issues.length === 1 && report.issues[0].rule === "CEN-SCH-001" && /1 MiB/.test(report.issues[0].message);
  };
  assert.ok(tooLarge(JSON.stringify({ narrative: big })));
  assert.ok(tooLarge(Buffer.from(JSON.stringify({ narrative: big }))));
  assert.ok(tooLarge({ narrative: big }));
  assert.ok(tooLarge({ goods: Array.from({ length: 600_000 }, () => 1) }));
  assert.ok(tooLarge("é".repeat(600_000)), "counted in UTF-8 bytes");
  assert.ok(tooLarge(new Array(2 ** 31)), "a sparse array is as long as its JSON text");
  assert.ok(tooLarge("x".repeat(200 * 1024 * 1024)), "a huge string is refused before it is copied");
  // Just under the limit is read.
  const near = { narrative: "x".repeat(1024 * 1024 - 20) };
  assert.ok(JSON.stringify(near).length <= 1024 * 1024);
  assert.ok(!tooLarge(near));
});

test("what cannot be read gives CEN-SCH-001, and the instance keeps working", () => {
  const throwing = { get reporting_country() { throw new Error("boom"); } };
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const hostile = new Proxy({}, { ownKeys() { throw new Error("no keys"); } });
  const lying = new Proxy([], { get: (t, k) => (k === "length" ? Symbol("n") : undefined) });
  [throwing, proxy, hostile, { nested: proxy }, { goods: [throwing] }].forEach((input, index) => {
    const report = cen.validate(input, options);
    assert.equal(report.issues[0].rule, "CEN-SCH-001", `input ${index}`);
  });
  assert.equal(cen.validate({ goods: lying }, options).valid, false);
  assert.throws(() => cen.validateMany(proxy, options), /expects an array/);
  assert.equal(cen.validate(record("long-air-passenger"), options).valid, true);
});

test("strings with lone surrogates are not UTF-8, as text and inside objects", () => {
  const text = `{"case_ref": "\ud800"}`;
  assert.match(cen.validate(text, options).issues[0].message, /UTF-8/);
  assert.equal(cen.validate({ case_ref: "\udc00x" }, options).issues[0].rule, "CEN-SCH-001");
  assert.equal(cen.validate({ "\ud800": 1 }, options).issues[0].rule, "CEN-SCH-001");
  // A replacement character that was really sent is an ordinary character.
  assert.ok(!rules(cen.validate({ case_ref: "\ufffd" }, options).issues).includes("CEN-SCH-001 "));
});

test("a thousand bad calls, then a good one", () => {
  const bads = [
    undefined, null, 0, -1, NaN, "", "{", "[]", "null", true, () => {}, Symbol("s"), 10n,
    [], new Map([["a", 1]]), new Date(), /x/, new Uint8Array([0xff, 0xfe]), new Float64Array(3),
    { goods: [null, undefined, NaN, "x", { quantity: -Infinity }] }, "\u0000".repeat(100),
    JSON.stringify({ a: "x".repeat(100) }).repeat(3), { toJSON: () => ({}) },
  ];
  for (let i = 0; i < 1000; i++) {
    const input = bads[i % bads.length];
    assert.equal(typeof cen.validate(input, options).valid, "boolean");
    try {
      assert.ok(Array.isArray(cen.validateField("/goods/0/quantity", input, input, options)));
    } catch (error) {
      // Where the record has no place for the field (goods[0] is null): misuse, an Error.
      assert.ok(error instanceof Error && /^cen: validateField: /.test(error.message), String(error));
    }
    if (i % 10 === 0) {
      assert.throws(() => cen.validate({}, { lang: input ?? "xx" }), Error);
      cen.lookupLocation(input);
      cen.lookupCountry(input);
      try {
        cen.toCen(input);
      } catch (error) {
        assert.ok(error instanceof Error && /^cen: toCen: /.test(error.message), String(error));
      }
    }
  }
  assert.equal(cen.validate(record("long-air-passenger"), options).valid, true);
});

test("a trap resets the instance: the call throws an Error and the next one works", () => {
  const validator = new cen.Validator({ ...options, lang: "fr" });
  const batch = validator.batch();
  assert.throws(() => cen.__trapForTests(), (e) => e instanceof Error && /instance was reset/.test(e.message));
  assert.equal(cen.validate(record("long-air-passenger"), options).valid, true);
  // A validator made before the reset is rebuilt with its options; a batch's state is lost.
  assert.match(validator.validate(record("invalid-movement")).issues[0].message, /[àâéèêô]/);
  assert.throws(() => batch.validate({}), /lost when the WebAssembly instance was reset/);
});

test("toCen removes nominal data and sets source to cen", () => {
  const projected = cen.toCen(record("ncen-with-persons"));
  assert.equal(projected.source, "cen");
  assert.equal(projected.persons, undefined);
  assert.equal(projected.narrative, undefined);
  assert.ok(projected.conveyance.every((leg) => !("vehicle_registration" in leg)));
  assert.deepEqual(cen.toCen(JSON.stringify(record("ncen-with-persons"))), projected);
  assert.ok(!cen.validate(projected, options).issues.some((i) => i.rule === "CEN-NOM-001"));
  assert.throws(() => cen.toCen("[]"), /cen: toCen: .*not a JSON object/);
  assert.throws(() => cen.toCen({ goods: [{ quantity: NaN }] }), /\/goods\/0\/quantity/);
  assert.throws(() => cen.toCen({ narrative: "x".repeat(2 ** 21) }), /larger than/);
});

test("toCen removes every field the record does not define, at any depth", () => {
  const input = record("ncen-with-persons");
  input.comments = "checked twice by Smith";
  input.route.informant = { name: "Smith", phone: ["+32 1"] };
  input.goods[0].seller = ["Smith"];
  input.conveyance[0].driver = { Smith: true };
  const projected = cen.toCen(input);
  assert.ok(!JSON.stringify(projected).includes("Smith"), JSON.stringify(projected));
  assert.deepEqual(cen.toCen(JSON.stringify(input)), projected);
  assert.deepEqual(projected.route, { departure: "TR", destination: "GE" });
  assert.equal(cen.validate(projected, options).valid, true);
});

test("schema, rules, editions", () => {
  const schema = cen.schema();
  assert.equal(schema.type, "object");
  assert.ok("reporting_country" in schema.properties);
  const catalogue = cen.rules();
  assert.ok(catalogue.length >= 47);
  const mov001 = catalogue.find((r) => r.id === "CEN-MOV-001");
  assert.deepEqual(mov001.params, ["expected", "found"]);
  assert.deepEqual(Object.keys(mov001.messages).sort(), ["ar", "en", "es", "fr", "pt", "ru"]);
  const tables = cen.editions().map((e) => e.table);
  for (const table of ["countries", "currencies", "unlocode", "airports", "hs"]) {
    assert.ok(tables.some((t) => t.includes(table.slice(0, 5))), `${table} in ${tables}`);
  }
});

test("labels of every enumeration in the six languages", () => {
  const en = cen.labels("en");
  for (const lang of ["fr", "es", "ru", "ar", "pt"]) {
    const other = cen.labels(lang);
    assert.deepEqual(Object.keys(other), Object.keys(en));
    for (const enumeration of Object.keys(en)) {
      assert.deepEqual(Object.keys(other[enumeration]), Object.keys(en[enumeration]), `${lang} ${enumeration}`);
    }
  }
  assert.deepEqual(Object.keys(en.procedure), ["import", "export", "transit", "transhipment", "domestic", "unknown"]);
  assert.equal(cen.labels().unit.kg, en.unit.kg);
  // The six languages, each named in itself: what a language picker shows (CLDR, spec 7.3).
  assert.deepEqual(
    ["en", "fr", "es", "ru", "ar", "pt"].map((lang) => cen.labels(lang).language[lang]),
    ["English", "Français", "Español", "Русский", "العربية", "Português"],
  );
  assert.equal(typeof cen.fieldLabel("/goods/0/unit", "fr"), "string");
});

test("look-ups of locations, countries, currencies, airports, HS", () => {
  const rotterdam = cen.lookupLocation("NLRTM", "fr");
  // No name: this file never loads the names file (names.test.mjs does).
  assert.equal(rotterdam.name, "");
  assert.equal(rotterdam.country, "NL");
  assert.equal(rotterdam.seaport, true);
  assert.equal(cen.lookupLocation("LHR").country, "GB");
  assert.equal(cen.lookupLocation("EBBR").country, "BE");
  assert.equal(cen.lookupLocation("QQQQQ"), null);
  assert.equal(cen.lookupLocation(42), null);
  assert.equal(cen.lookupLocation("X".repeat(10_000)), null);
  assert.equal(cen.lookupCountry("BE").alpha3, "BEL");
  assert.notEqual(cen.lookupCountry("BE", "ru").name, cen.lookupCountry("BE", "en").name);
  assert.equal(cen.lookupCountry("XX").pseudo, true);
  assert.equal(cen.lookupCountry("QQ"), null);
  assert.equal(cen.lookupCurrency("JPY").minor_units, 0);
  assert.equal(cen.lookupAirport("CDG").country, "FR");
  assert.equal(cen.lookupHs("240220").level, 6);
  assert.equal(cen.lookupHs("851712"), null);
  assert.deepEqual(cen.lookupHs("851712", "2017").editions, ["2012", "2017"]);
  assert.throws(() => cen.lookupHs("851712", "2018"), /cen: lookupHs: `2018` is not an HS edition: use 2012, 2017 or 2022/);
  assert.deepEqual(cen.closestCodes("currency", "EUO", 1), ["EUR"]);
  assert.ok(cen.closestCodes("location", "NLRTN").includes("NLRTM"));
  assert.deepEqual(cen.closestCodes(null, "x"), []);
});

test("hsCorrelate and the HS edition in force", () => {
  const phones = cen.hsCorrelate("851712", "2017", "2022");
  assert.deepEqual(phones.slice(0, 2), [{ code: "851713", relationship: "1:n" }, { code: "851714", relationship: "1:n" }]);
  assert.deepEqual(cen.hsCorrelate("8517.13", "2022", "2017"), [{ code: "851712", relationship: "n:1" }]);
  assert.deepEqual(cen.hsCorrelate("851713", "2017", "2022"), []);
  assert.deepEqual(cen.hsCorrelate(42, "2017", "2022"), []);
  for (const [from, to] of [["2018", "2022"], ["2017", undefined], [2017, "2022"]]) {
    assert.throws(() => cen.hsCorrelate("851712", from, to), /cen: hsCorrelate: .* is not an HS edition/);
  }
  const seized = (day) => ({ ...record("long-air-passenger"), seizure_date: day, goods: [{ ...record("long-air-passenger").goods[0], hs_code: "851712" }] });
  const cod005 = (r, o = options) => cen.validate(r, o).issues.filter((i) => i.rule === "CEN-COD-005");
  assert.deepEqual(cod005(seized("2019-06-15")), []);
  assert.equal(cod005(seized("2023-06-15"))[0].params.found_in, "2017");
  assert.deepEqual(cod005(seized("2023-06-15"), { ...options, hs_edition: "2017" }), []);
});

test("look-ups forgive what people type, as on every surface (tests/lookups, spec 5.3b)", () => {
  const file = new URL("../../tests/lookups/forgiving.json", import.meta.url);
  const { cases } = JSON.parse(readFileSync(file, "utf8"));
  assert.ok(cases.length > 20);
  const lookups = {
    country: cen.lookupCountry,
    currency: cen.lookupCurrency,
    location: cen.lookupLocation,
    airport: cen.lookupAirport,
    hs: cen.lookupHs,
  };
  for (const c of cases) {
    const entry = lookups[c.table](c.code);
    assert.equal(entry === null ? null : entry.code, c.found, c.name);
  }
});

test("calls before init in the browser entry say so", async () => {
  // A fresh copy of the browser module (a query string makes it a separate module instance).
  const fresh = await import(`../js/cen.js?fresh=${Date.now()}`);
  assert.throws(() => fresh.validate({}), /call `await init\(\)` first/);
  // A fresh glue would be needed for a separate instance; the shared one is already loaded, so
  // init only marks this copy ready.
  await fresh.default(readFileSync(new URL("../dist/cen_wasm_bg.wasm", import.meta.url)));
  assert.equal(fresh.validate(record("long-air-passenger"), options).valid, true);
});

test("every export is declared in cen.d.ts, and every declaration exported", () => {
  const dts = readFileSync(new URL("../js/cen.d.ts", import.meta.url), "utf8");
  const declared = new Set([...dts.matchAll(/^export (?:declare )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]));
  if (/^export default /m.test(dts)) declared.add("default");
  const exported = new Set(Object.keys(cen));
  assert.deepEqual([...exported].filter((name) => !declared.has(name)), [], "exported, not declared");
  assert.deepEqual([...declared].filter((name) => !exported.has(name)), [], "declared, not exported");
});

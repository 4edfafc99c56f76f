// cen-wasm: the JavaScript API of spec 5.7 over the WebAssembly core (for browsers and
// bundlers; Node loads ./node.js, which initialises synchronously and exports the same).
//
// The WebAssembly exports return the core's JSON text; this module parses it into plain
// objects, so that a report here *is* the JSON report of every other surface. It holds no rule
// logic.

import initWasm, * as raw from "../dist/cen_wasm.js";

let ready = false;
// The load in progress, for `loadNames` called before `init` has finished.
let loading = null;
// Counts resets of the instance (see `guarded`): objects made before one are rebuilt.
let epoch = 0;

/**
 * Loads the WebAssembly module. `input` is optional: by default the `.wasm` file next to this
 * package's glue is fetched (a URL, a Response, bytes or a compiled WebAssembly.Module also do).
 */
export default async function init(input) {
  if (!ready) {
    loading ??= initWasm(input === undefined ? undefined : { module_or_path: input })
      .then(() => {
        ready = true;
      })
      .finally(() => {
        loading = null;
      });
    await loading;
  }
}

/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(module) {
  if (!ready) {
    raw.initSync({ module });
    ready = true;
  }
}

/**
 * Runs one call into WebAssembly. A trap (which nothing in cen should ever cause) would leave
 * the instance unusable: it is replaced by a fresh one, and the call throws an Error, so that
 * the next call works.
 */
function guarded(call) {
  if (!ready) {
    throw new Error("cen: the WebAssembly module is not loaded: call `await init()` first");
  }
  try {
    return call();
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      raw.__wbg_reset_state();
      epoch += 1;
      // The new instance has no names: give it the same file again (checked once already).
      if (namesBytes !== null) {
        try {
          raw.loadNames(namesBytes);
        } catch {
          namesBytes = null; // cannot happen to a file read once; then the names are simply gone
        }
      }
      throw new Error(`cen: internal error, the WebAssembly instance was reset (${error.message})`, {
        cause: error,
      });
    }
    throw error;
  }
}

const parse = JSON.parse;

/** Whether plain values and strings may go as UTF-8 bytes of JSON text (the tests turn it off
 * to run every vector through the value-by-value reader and the string path too). */
let viaText = true;
export function __setTextPath(on) {
  viaText = Boolean(on);
}

// What is left of the size budget of the value `plainJson` is walking.
let budget = 0;

/** One step of `plainJson`: a module-level function (no closure), which V8 runs fastest. */
function walk(v, depth) {
  const type = typeof v;
  if (type === "string") return (budget -= v.length) > 0;
  if (type === "number") return (budget -= 8) > 0 && Number.isFinite(v);
  if (type === "boolean" || type === "undefined") return (budget -= 4) > 0;
  if (type !== "object") return false;
  if (v === null) return (budget -= 4) > 0;
  if (depth > 32) return false;
  if (Array.isArray(v)) {
    const length = v.length;
    if ((budget -= 2 + length) <= 0) return false;
    for (let i = 0; i < length; i++) if (!walk(v[i], depth + 1)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(v);
  if (prototype !== Object.prototype && prototype !== null) return false;
  // `for...in` rather than Object.keys (half the time of the walk: no array of keys). With such
  // a prototype it visits every own enumerable string key, which is what JSON.stringify writes,
  // and also any enumerable key added to Object.prototype: visiting more only makes the walk
  // stricter.
  budget -= 2;
  for (const key in v) {
    if ((budget -= key.length + 1) <= 0 || !walk(v[key], depth + 1)) return false;
  }
  return budget > 0;
}

/**
 * True when `value` is plain JSON, which its JSON text carries exactly: plain objects and arrays
 * no deeper than the record's 32 levels, finite numbers, strings, booleans and null (and
 * `undefined` properties, which are absent either way). Such a value goes to WebAssembly as the
 * UTF-8 bytes of its JSON text (JSON.stringify is native and fast) instead of being read value
 * by value across the boundary; anything else (NaN, functions, class instances, proxies,
 * cycles, very large values) is read by the core's reader, which reports each at its own path.
 * Bounded: it gives up past about a megabyte, where the reader applies the size limit.
 */
function plainJson(value) {
  if (!viaText) return false;
  budget = 1 << 20;
  try {
    return walk(value, 1);
  } catch {
    return false; // a getter or a proxy threw: the reader reports it
  }
}

const encoder = new TextEncoder();
// Records up to this many UTF-16 units are encoded into one reused buffer (`encodeInto`
// allocates nothing); longer ones get a buffer of their own, so that one large record does
// not keep megabytes alive.
const SCRATCH_UNITS = 1 << 14;
const scratch = new Uint8Array(SCRATCH_UNITS * 3);

/** The UTF-8 bytes of well-formed text; valid until the next call. */
function utf8(text) {
  if (text.length > SCRATCH_UNITS) return encoder.encode(text);
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

// A lone surrogate (which has no UTF-8 form), where String.prototype.isWellFormed is missing.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const wellFormed =
  typeof "".isWellFormed === "function" ? (text) => text.isWellFormed() : (text) => !LONE_SURROGATE.test(text);
const MAX_RECORD_BYTES = 1 << 20;

/**
 * A record as UTF-8 bytes of JSON text when it can go that way: plain JSON (as its
 * `JSON.stringify` text, which is always well-formed) or a well-formed string within the size
 * limit. Bytes cross into WebAssembly in one copy, where a string is copied one UTF-16 unit at
 * a time; the core reads both alike. `undefined` for anything else, which goes as it is: a
 * string too long (refused before it is copied) or with a lone surrogate (reported as not
 * UTF-8), bytes, and values the reader must see.
 */
function bytesOfRecord(record) {
  if (typeof record === "string") {
    return viaText && record.length <= MAX_RECORD_BYTES && wellFormed(record) ? utf8(record) : undefined;
  }
  return typeof record === "object" && record !== null && plainJson(record) ? utf8(JSON.stringify(record)) : undefined;
}

/** A record of a batch as the core should receive it: JSON text when it is plain JSON. */
const sendable = (record) => (typeof record === "object" && record !== null && plainJson(record) ? JSON.stringify(record) : record);
const parseOrNull = (text) => (text === undefined ? null : parse(text));

const FORMS = ["long", "simplified"];
const SOURCES = ["cen", "ncen", "cencomm"];

/**
 * The report of a record without issues, from the number `validateUtf8Packed` packs it into
 * (bindings-wasm/src/validate.rs, `packed`): the very object that parsing its JSON text would
 * give, keys in the same order, built in a fraction of the time of that parse.
 */
function unpacked(packed) {
  return {
    valid: (packed & 2) !== 0,
    form: FORMS[(packed >>> 2) & 1],
    source: SOURCES[(packed >>> 3) & 3],
    counts: { error: 0, warning: 0, info: 0 },
    quality: packed >>> 8,
    issues: [],
  };
}

/** Options as the core reads them, kept so that a validator can be rebuilt after a reset. */
function snapshot(options) {
  return typeof options === "string" || options == null ? options : JSON.stringify(options);
}

/**
 * The issues at `path` or under it, from a whole report. Used when the value or the record holds
 * a non-finite number (NaN, ±Infinity), which the core's one-field call cannot take as JSON: the
 * record is then validated as a JavaScript value, as `validate` does.
 */
function issuesAt(report, path) {
  const inside = `${path}/`;
  return report.issues.filter((issue) => issue.path === path || issue.path.startsWith(inside));
}

// usize on wasm32: what the core's `token.parse::<usize>()` accepts.
const USIZE_MAX = 4294967295;
const asIndex = (token) => (/^\+?[0-9]+$/.test(token) && Number(token) <= USIZE_MAX ? Number(token) : undefined);

/**
 * `record` with `value` put at the JSON Pointer `path`, exactly as the core's
 * `Validator::validate_field` places it (cen-rules/src/api.rs), without changing `record`:
 * missing objects and arrays on the way are created, array indices up to 100 are padded with
 * empty objects. `undefined` where the core refuses the path.
 */
export function placeAt(record, path, value) {
  if (typeof path !== "string" || !path.startsWith("/")) return undefined;
  const tokens = [];
  for (const token of path.slice(1).split("/")) {
    if (/~(?![01])/.test(token)) return undefined;
    tokens.push(token.replace(/~1/g, "/").replace(/~0/g, "~"));
  }
  const copy = (v) => (Array.isArray(v) ? [...v] : v !== null && typeof v === "object" ? { ...v } : v);
  const root = record !== null && typeof record === "object" && !Array.isArray(record) ? { ...record } : {};
  let slot = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const last = i === tokens.length - 1;
    let key;
    if (Array.isArray(slot)) {
      const index = asIndex(token);
      if (index === undefined || index > 100) return undefined;
      while (slot.length <= index) slot.push({});
      key = index;
    } else if (slot !== null && typeof slot === "object") {
      key = token;
      if (!last && slot[key] == null) {
        slot[key] = asIndex(tokens[i + 1]) !== undefined ? [] : {};
      }
    } else {
      return undefined;
    }
    if (last) {
      slot[key] = value;
    } else {
      slot[key] = copy(slot[key]);
      slot = slot[key];
    }
  }
  return root;
}

function fieldIssues(text, path, value, record, validate) {
  if (text !== undefined) return parse(text);
  const placed = placeAt(record, path, value);
  if (placed === undefined) {
    throw new Error(`cen: validateField: \`${path}\` is not a JSON Pointer to a field of the record`);
  }
  return issuesAt(validate(placed), path);
}

/**
 * Validates one record (an object, or JSON text) and returns its report (spec 5.2) as a plain
 * object. Throws an Error only for bad options; a bad record gets a report.
 */
export function validate(record, options) {
  if (hasTables(options)) return withTables(options, (validator) => validator.validate(record));
  return guarded(() => {
    const bytes = bytesOfRecord(record);
    if (bytes === undefined) return parse(raw.validateToJson(record, options));
    const packed = raw.validateUtf8Packed(bytes, options);
    return packed === 0 ? parse(raw.takeReportJson()) : unpacked(packed);
  });
}

/** Like `validate`, but returns the report as JSON text, byte for byte that of every surface. */
export function validateToJson(record, options) {
  if (hasTables(options)) return withTables(options, (validator) => validator.validateToJson(record));
  return guarded(() => {
    const bytes = bytesOfRecord(record);
    return bytes === undefined ? raw.validateToJson(record, options) : raw.validateUtf8ToJson(bytes, options);
  });
}

/** Validates records as one batch, in order, finding duplicates (CEN-DUP-001). */
export function validateMany(records, options) {
  if (hasTables(options)) return withTables(options, (validator) => validator.validateMany(records));
  return parse(guarded(() => raw.validateManyToJson(sendableAll(records), options)));
}

/** The items of an array of records, each as `sendable` makes it (anything else unchanged). */
function sendableAll(records) {
  try {
    return Array.isArray(records) ? Array.from(records, sendable) : records;
  } catch {
    return records;
  }
}

/**
 * The issues of one field, for live data entry: `value` is put at `path` (a JSON Pointer such
 * as "/conveyance/0/container") in `record` (the rest of the form), and the issues at or under
 * that path are returned.
 */
export function validateField(path, value, record, options) {
  if (hasTables(options)) return withTables(options, (validator) => validator.validateField(path, value, record));
  const text = guarded(() =>
    plainField(value, record)
      ? raw.validateFieldTextToJson(path, JSON.stringify(value ?? null), record == null ? undefined : JSON.stringify(record), options)
      : raw.validateFieldToJson(path, value, record, options),
  );
  return fieldIssues(text, path, value, record, (placed) => validate(placed, options));
}

/** Whether a field's value and record can go as JSON text (see `plainJson`). */
const plainField = (value, record) =>
  (value === undefined || value === null || typeof value !== "object" ? plainJson([value]) : plainJson(value)) &&
  (record == null || plainJson(record));

/** A validator with fixed options: faster for many calls, and the way to a `Batch`. */
export class Validator {
  #options;
  #tables;
  // Whether the tables were loaded here (from bytes), and so are freed with the validator.
  #ownTables = false;
  #raw;
  #epoch;

  /**
   * Reads the options (spec 5.1); throws an Error that names what is wrong with them. Option
   * `tables`: a `Tables` from `loadTables`, or a table pack's bytes (loaded here; a bad pack
   * throws the core's reason); the validator then checks against the pack's tables.
   */
  constructor(options) {
    if (hasTables(options)) {
      const given = options.tables;
      const rest = withoutTables(options);
      this.#tables = given instanceof Tables ? given : loadTables(given);
      this.#ownTables = !(given instanceof Tables);
      this.#options = snapshot(rest);
      this.#raw = guarded(() => raw.RawValidator.withTables(rest, this.#tables[RAW]()));
    } else {
      this.#options = snapshot(options);
      this.#raw = guarded(() => new raw.RawValidator(options));
    }
    this.#epoch = epoch;
  }

  #validator() {
    if (this.#epoch !== epoch) {
      this.#raw =
        this.#tables === undefined
          ? new raw.RawValidator(this.#options)
          : raw.RawValidator.withTables(this.#options, this.#tables[RAW]());
      this.#epoch = epoch;
    }
    return this.#raw;
  }

  /** The editions of the tables this validator checks against: a pack's, when it has one. */
  editions() {
    return parse(guarded(() => this.#validator().editionsJson()));
  }

  validate(record) {
    return guarded(() => {
      const bytes = bytesOfRecord(record);
      if (bytes === undefined) return parse(this.#validator().validateToJson(record));
      const validator = this.#validator();
      const packed = validator.validateUtf8Packed(bytes);
      return packed === 0 ? parse(validator.takeReportJson()) : unpacked(packed);
    });
  }

  validateToJson(record) {
    return guarded(() => {
      const bytes = bytesOfRecord(record);
      return bytes === undefined ? this.#validator().validateToJson(record) : this.#validator().validateUtf8ToJson(bytes);
    });
  }

  validateMany(records) {
    return parse(guarded(() => this.#validator().validateManyToJson(sendableAll(records))));
  }

  validateField(path, value, record) {
    const text = guarded(() =>
      plainField(value, record)
        ? this.#validator().validateFieldTextToJson(path, JSON.stringify(value ?? null), record == null ? undefined : JSON.stringify(record))
        : this.#validator().validateFieldToJson(path, value, record),
    );
    return fieldIssues(text, path, value, record, (placed) => this.validate(placed));
  }

  /** A batch that reports records one at a time, finding duplicates across all of them. */
  batch() {
    return new Batch(guarded(() => this.#validator().batch()));
  }

  /** Frees the WebAssembly memory now (it is otherwise freed when garbage-collected). */
  free() {
    if (this.#epoch === epoch) this.#raw?.free();
    this.#raw = undefined;
    if (this.#ownTables) this.#tables.free();
  }
}

/** Records reported one at a time, in order, as one batch (see `Validator.batch`). */
export class Batch {
  #raw;
  #epoch;

  constructor(rawBatch) {
    if (!(rawBatch instanceof raw.RawBatch)) {
      throw new TypeError("cen: a Batch comes from `validator.batch()`");
    }
    this.#raw = rawBatch;
    this.#epoch = epoch;
  }

  #batch() {
    if (this.#epoch !== epoch) {
      throw new Error("cen: this batch was lost when the WebAssembly instance was reset");
    }
    return this.#raw;
  }

  /** The report of the next record of the batch. */
  validate(record) {
    return parse(this.validateToJson(record));
  }

  validateToJson(record) {
    return guarded(() => {
      const bytes = bytesOfRecord(record);
      return bytes === undefined ? this.#batch().validateToJson(record) : this.#batch().validateUtf8ToJson(bytes);
    });
  }

  /** How many records the batch has reported. */
  get length() {
    return guarded(() => this.#batch().length);
  }

  free() {
    if (this.#epoch === epoch) this.#raw.free();
  }
}

// ---------------------------------------------------------------------------------------------
// Table packs (spec 7.2): the code tables of a newer UN/LOCODE or airport list, without a new
// build. A pack is given as bytes (the browser has no files); a validator uses it when its
// options say `tables`. The module's own look-ups and `editions()` keep the built-in tables.

// The key of the methods that cen.js and files.js use and a user need not see.
const RAW = Symbol("cen-wasm.tables.raw");
const BYTES = Symbol.for("cen-wasm.tables.bytes");
// Only `loadTables` makes a Tables.
const MADE_HERE = Symbol("cen-wasm.tables.new");

/** A checked table pack, as `loadTables` gives it, for the option `tables`. */
export class Tables {
  #bytes;
  #raw;
  #epoch;
  #editions;
  #sha256;

  constructor(key, rawTables, bytes) {
    if (key !== MADE_HERE) throw new TypeError("cen: a Tables comes from loadTables(bytes)");
    this.#raw = rawTables;
    this.#bytes = bytes;
    this.#epoch = epoch;
    this.#editions = rawTables.editionsJson();
    this.#sha256 = rawTables.sha256;
  }

  /** The pack in this instance; loaded again after a reset (its bytes were checked once). */
  [RAW]() {
    if (this.#bytes === undefined) throw new Error("cen: these Tables were freed");
    if (this.#epoch !== epoch) {
      this.#raw = new raw.RawTables(this.#bytes);
      this.#epoch = epoch;
    }
    return this.#raw;
  }

  /** The pack's bytes (for cen-wasm/files, which loads them into its own module). */
  [BYTES]() {
    if (this.#bytes === undefined) throw new Error("cen: these Tables were freed");
    return this.#bytes;
  }

  /** The editions of the pack's tables, as `editions()` gives those of the built-in tables. */
  editions() {
    return parse(this.#editions);
  }

  /** The SHA-256 of the pack's content (lower-case hex, as `cen tables info` prints it). */
  get sha256() {
    return this.#sha256;
  }

  /** `lookupLocation` in the pack's tables (the names are the pack's own). */
  lookupLocation(code, lang) {
    return parseOrNull(guarded(() => this[RAW]().lookupLocationJson(code, lang)));
  }

  /** `lookupAirport` in the pack's tables. */
  lookupAirport(code, lang) {
    return parseOrNull(guarded(() => this[RAW]().lookupAirportJson(code, lang)));
  }

  /** `lookupCountry` in the pack's tables (a pack carries countries since format version 2). */
  lookupCountry(code, lang) {
    return parseOrNull(guarded(() => this[RAW]().lookupCountryJson(code, lang)));
  }

  /** `lookupCurrency` in the pack's tables. */
  lookupCurrency(code, lang) {
    return parseOrNull(guarded(() => this[RAW]().lookupCurrencyJson(code, lang)));
  }

  /** `lookupHs` in the pack's HS editions (a pack carries them since format version 3). */
  lookupHs(code, edition) {
    return parseOrNull(guarded(() => this[RAW]().lookupHsJson(code, edition)));
  }

  /** `hsCorrelate` with the pack's HS editions and the correlations kept with them. */
  hsCorrelate(code, from, to) {
    return JSON.parse(guarded(() => this[RAW]().hsCorrelateJson(code, from, to)));
  }

  /**
   * `search` in the pack's tables, with the names and HS descriptions the pack holds. Needs the
   * names file; the pack's index is built by its first search (about as long as the built-in
   * one's) and kept until the Tables are freed.
   */
  search(table, query, options) {
    return parse(guarded(() => this[RAW]().searchJson(table, queryText(query), options)));
  }

  /**
   * Frees the pack's WebAssembly memory now. Validators made with it keep it (they share it)
   * until they are freed; these Tables cannot make new ones.
   */
  free() {
    if (this.#raw !== undefined && this.#epoch === epoch) this.#raw.free();
    this.#raw = undefined;
    this.#bytes = undefined;
  }
}

/**
 * Checks and loads a table pack (spec 7.2, built by `cen tables build`) from its bytes: a
 * Uint8Array (Node's Buffer is one) or an ArrayBuffer. Returns a `Tables` for the option
 * `tables`. Throws an Error with the reason for anything else: too large, truncated, wrong
 * magic, version or checksum, malformed, a string (a path: there are no files in the browser).
 * The bytes are copied: the caller may reuse its buffer.
 */
export function loadTables(bytes) {
  const rawTables = guarded(() => new raw.RawTables(bytes));
  // Checked by the core: the size is within the pack limit, and the buffer is not detached.
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  return new Tables(MADE_HERE, rawTables, view.slice());
}

/** Whether options (an object) give `tables` (absent, undefined and null mean the built-in ones). */
const hasTables = (options) => typeof options === "object" && options !== null && options.tables != null;

/** Whether a value is what `tables` takes: a Tables, or bytes. */
const isTablesValue = (value) => value instanceof Tables || value instanceof ArrayBuffer || ArrayBuffer.isView(value);

/** The options without `tables` (the core reads the rest). */
function withoutTables(options) {
  const { tables: _, ...rest } = options;
  return rest;
}

// The validator of the last options with a `Tables` given to a module function (`validate`,
// `validateField`, ...): a form validates with the same ones on every keystroke. It is keyed by
// the Tables object itself and the other options' JSON text, and it is apart from the core's
// cache of the options without tables, so the two are never mixed up.
let lastWithTables = null;

/** Calls `use` with a validator for options that give `tables`. */
function withTables(options, use) {
  const given = options.tables;
  if (given instanceof Tables) {
    const rest = withoutTables(options);
    const key = plainJson(rest) ? JSON.stringify(rest) : undefined;
    if (key !== undefined && lastWithTables?.tables === given && lastWithTables.key === key) {
      return use(lastWithTables.validator);
    }
    const validator = new Validator(options);
    if (key !== undefined) {
      lastWithTables?.validator.free();
      lastWithTables = { tables: given, key, validator };
      return use(validator);
    }
    try {
      return use(validator);
    } finally {
      validator.free();
    }
  }
  // Bytes: loaded for this call (load them once with loadTables to validate many records).
  const validator = new Validator(options);
  try {
    return use(validator);
  } finally {
    validator.free();
  }
}

/** The non-nominal projection of a record for CEN (spec 2.8): a plain object. */
export function toCen(record) {
  return parse(guarded(() => raw.toCenJson(record)));
}

/** The JSON Schema of the record. */
export function schema() {
  return parse(guarded(() => raw.schemaJson()));
}

/** The labels of every enumeration's values, and of every field, in one language (spec 2.9). */
export function labels(lang) {
  return parse(guarded(() => raw.labelsJson(lang)));
}

/** The label of one field: a JSON Pointer ("/goods/0/unit") or a dotted path ("goods.0.unit"). */
export function fieldLabel(path, lang) {
  return guarded(() => raw.fieldLabel(path, lang));
}

/** The rule catalogue (spec 5.3a): id, group, severity, params and messages of every rule. */
export function rules() {
  return parse(guarded(() => raw.rulesJson()));
}

/** The editions of the code tables (spec 5.3a). */
export function editions() {
  return parse(guarded(() => raw.editionsJson()));
}

// ---------------------------------------------------------------------------------------------
// The names file. The .wasm holds every table validation needs, but not the texts of the
// UN/LOCODE, airport and HS tables (place names, subdivisions, IATA codes of UN/LOCODEs,
// remarks, cities, HS descriptions): they would double its size. They ship beside it as
// dist/cen_names.txt, which `loadNames` loads when a page wants to show them.

// The bytes of the names file once loaded (given again to a new instance after a reset).
let namesBytes = null;
let namesLoading = null;

/**
 * The bytes of a names file from a URL (fetched), a Response, or bytes. Bytes the caller gave
 * are copied: they are kept to reload an instance after a reset, and the caller may reuse its
 * buffer.
 */
async function bytesOf(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input.slice(0));
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength));
  }
  let response = input;
  if (typeof Response === "undefined" || !(input instanceof Response)) {
    try {
      response = await fetch(input);
    } catch (error) {
      throw new Error(`cen: loadNames: ${String(input)}: ${error.message}`, { cause: error });
    }
  }
  if (!response.ok) {
    throw new Error(`cen: loadNames: ${response.url || String(input)}: HTTP ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads the names file, after which `lookupLocation`, `lookupAirport` and `lookupHs` give
 * names, cities, subdivisions, remarks and descriptions. Before it (or if it never loads) they
 * give the same objects with those texts empty (`""`, and `iata: null` for a UN/LOCODE), and
 * `namesLoaded()` is false; validation is complete either way: it needs none of them. `input`
 * defaults to the `cen_names.txt` next to the package's `.wasm` (fetched relative to this
 * module); a URL, a Response or the file's bytes also do. Calls while a load is in progress get
 * the same promise; once loaded, nothing is read again. Rejects with an `Error` when the file
 * cannot be had or is not the names file of these tables; then nothing changes, and it may be
 * called again.
 */
export function loadNames(input) {
  if (namesBytes !== null) return Promise.resolve();
  if (!ready && loading === null) {
    return Promise.reject(new Error("cen: the WebAssembly module is not loaded: call `await init()` first"));
  }
  namesLoading ??= (async () => {
    const bytes = await bytesOf(input ?? new URL("../dist/cen_names.txt", import.meta.url));
    if (!ready && loading !== null) await loading;
    guarded(() => raw.loadNames(bytes));
    namesBytes = bytes;
  })().finally(() => {
    namesLoading = null;
  });
  return namesLoading;
}

/** Whether the names file is loaded (see `loadNames`). */
export function namesLoaded() {
  return namesBytes !== null;
}

/** A location code (IATA, ICAO or UN/LOCODE) as validation resolves it, or null. */
export function lookupLocation(code, lang) {
  return parseOrNull(guarded(() => raw.lookupLocationJson(code, lang)));
}

/** A country by ISO 3166-1 alpha-2 code (or the pseudo-codes XX, XZ), or null. */
export function lookupCountry(code, lang) {
  return parseOrNull(guarded(() => raw.lookupCountryJson(code, lang)));
}

/** A current ISO 4217 currency, or null. */
export function lookupCurrency(code, lang) {
  return parseOrNull(guarded(() => raw.lookupCurrencyJson(code, lang)));
}

/** An airport by IATA or ICAO code, or null. */
export function lookupAirport(code, lang) {
  return parseOrNull(guarded(() => raw.lookupAirportJson(code, lang)));
}

/**
 * A Harmonized System chapter, heading or subheading of an edition (`"2012"`, `"2017"` or
 * `"2022"`; HS 2022 when absent), or null. Throws an `Error` for another edition.
 */
export function lookupHs(code, edition) {
  return parseOrNull(guarded(() => raw.lookupHsJson(code, edition)));
}

/**
 * The codes of HS edition `to` that UNSD's correlation tables pair with `code` of edition
 * `from` (`"2012"`, `"2017"` or `"2022"`), sorted, each with its relationship read from `from`
 * to `to` (`"1:1"`, `"1:n"`, `"n:1"`, `"n:n"`): `hsCorrelate("851712", "2017", "2022")`. An
 * empty array when `from` has no such code; throws an `Error` for an unknown edition.
 */
export function hsCorrelate(code, from, to) {
  return JSON.parse(guarded(() => raw.hsCorrelateJson(code, from, to)));
}

/** The codes of a table closest to one that was not found ("did you mean"). */
export function closestCodes(table, code, count = 5) {
  return guarded(() => raw.closestCodes(table, code, count));
}

// ---------------------------------------------------------------------------------------------
// Data entry (spec 6): the form model and code search.

/**
 * The form model (spec 6.1) for these options: sections, fields with labels, help, kinds,
 * limits, `required` and `tier`, allowed values and conditions, as a plain object. Throws an
 * Error for bad options.
 */
export function formModel(options) {
  // The form model does not depend on the code tables: a pack given is not needed here.
  const model = hasTables(options) && isTablesValue(options.tables) ? withoutTables(options) : options;
  return parse(guarded(() => raw.formModelJson(model)));
}

// Longer queries are cut by the core anyway (at 256 bytes); this keeps a huge string from
// being copied into WebAssembly memory.
const MAX_QUERY_UNITS = 1024;

/**
 * Searches a code table (spec 6.2): `location`, `airport`, `seaport`, `country`, `currency` or
 * `hs`, by code prefix or name words, case and diacritics ignored; options `lang`, `country`,
 * `limit`, and `tables` (a `Tables`, or a pack's bytes loaded for this call) to search a table
 * pack's places and airports. Returns the results, best first. Needs the names file: call
 * `await loadNames()` first (the index is built on the first search after it). Throws an Error
 * for an unknown table, bad options or names not loaded; never for a query.
 */
export function search(table, query, options) {
  if (hasTables(options)) {
    const given = options.tables;
    const rest = withoutTables(options);
    if (given instanceof Tables) return given.search(table, query, rest);
    // Bytes: loaded and indexed for this call (load them once with loadTables to search often).
    const tables = loadTables(given);
    try {
      return tables.search(table, query, rest);
    } finally {
      tables.free();
    }
  }
  return parse(guarded(() => raw.searchJson(table, queryText(query), options)));
}

const queryText = (query) =>
  typeof query === "string" && query.length > MAX_QUERY_UNITS ? query.slice(0, MAX_QUERY_UNITS) : query;

/** The version of the core. */
export function version() {
  return guarded(() => raw.version());
}

/** Traps the instance on purpose, for the tests of the recovery in `guarded`. */
export function __trapForTests() {
  return guarded(() => raw.__trapForTests());
}

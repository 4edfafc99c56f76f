// TypeScript declarations of cen-wasm: the API of spec 5.7 and the types of the record (spec 2),
// the options (spec 5.1) and the report (spec 5.2).

// ---------------------------------------------------------------------------------------------
// The record (spec 2). Absent and `null` mean the same; a field not listed here is CEN-SCH-003.

/** A date written `YYYY-MM-DD`. */
export type DateString = string;
/** An ISO 3166-1 alpha-2 code, or `XX` (unknown) / `XZ` (international waters) where allowed. */
export type CountryCode = string;
/** A current ISO 4217 alphabetic code. */
export type CurrencyCode = string;
/** A 3-letter IATA airport code, a 4-letter ICAO code, or a 5-character UN/LOCODE. */
export type LocationCode = string;

export type Form = "long" | "simplified";
export type Source = "cen" | "ncen" | "cencomm";
export type Lang = "en" | "fr" | "es" | "ru" | "ar" | "pt";
export type Severity = "error" | "warning" | "info";

export type LocationType =
  | "airport" | "seaport" | "land_border" | "rail_terminal" | "postal_centre" | "express_hub"
  | "inland_depot" | "free_zone" | "inland" | "at_sea" | "other" | "unknown";
export type Procedure = "import" | "export" | "transit" | "transhipment" | "domestic" | "unknown";
export type DetectionMethod =
  | "risk_profiling" | "intelligence" | "intelligence_international" | "random_check"
  | "routine_control" | "watch_list" | "behavioural" | "documentary_check" | "controlled_delivery"
  | "joint_operation" | "xray" | "detector_dog" | "trace_detection" | "physical_examination"
  | "body_scan" | "other";
export type CommodityArea =
  | "drugs" | "precursors" | "tobacco" | "alcohol" | "other_revenue" | "ipr" | "health_safety"
  | "cites" | "hazardous_waste" | "ods" | "weapons" | "currency" | "cultural_heritage";
export type Unit =
  | "kg" | "g" | "t" | "l" | "ml" | "m3" | "pieces" | "tablets" | "items" | "rounds" | "heads"
  | "plants" | "amount";
export type Concealment =
  | "body_internal" | "body_strapped" | "clothing" | "baggage_hold" | "baggage_cabin"
  | "baggage_false_bottom" | "inside_goods" | "mixed_with_goods" | "postal_item"
  | "container_structure" | "rip_on_rip_off" | "vehicle_natural_void" | "vehicle_compartment"
  | "fuel_tank" | "vessel_structure" | "aircraft_structure" | "not_concealed" | "other";
export type ConveyanceType =
  | "air_passenger" | "air_cargo" | "air_general_aviation" | "express_courier" | "postal"
  | "sea_container" | "sea_cargo" | "sea_small_craft" | "road_private" | "road_commercial"
  | "road_bus" | "rail_passenger" | "rail_freight" | "pedestrian" | "inland_waterway"
  | "fixed_installation" | "unknown";
export type Gender = "female" | "male" | "other" | "unknown";
export type OffenderRole =
  | "passenger" | "driver" | "crew" | "sender" | "recipient" | "courier" | "importer" | "exporter"
  | "other";
export type CompanyRole =
  | "importer" | "exporter" | "consignor" | "consignee" | "carrier" | "forwarder" | "broker"
  | "other";
export type DocumentType = "passport" | "id_card" | "residence_permit" | "driving_licence" | "other";
export type LegalAction =
  | "none" | "administrative_penalty" | "criminal_prosecution" | "under_investigation" | "unknown";
export type PhotoKind = "goods" | "concealment" | "xray" | "other";

export interface Location {
  type?: LocationType | null;
  code?: LocationCode | null;
  name?: string | null;
}

export interface Detection {
  principal?: DetectionMethod | null;
  other?: DetectionMethod[] | null;
}

export interface Money {
  amount?: number | null;
  currency?: CurrencyCode | null;
}

export interface GoodsLine {
  commodity?: CommodityArea | null;
  /** A type of the commodity area's list (spec 2.4), e.g. `cocaine`, `cigarettes`. */
  type?: string | null;
  quantity?: number | null;
  unit?: Unit | null;
  currency?: CurrencyCode | null;
  value?: Money | null;
  hs_code?: string | null;
  concealment?: Concealment | null;
  description?: string | null;
  scientific_name?: string | null;
  cites_appendix?: "I" | "II" | "III" | null;
  brand?: string | null;
  purity_percent?: number | null;
}

export interface Leg {
  type?: ConveyanceType | null;
  carrier?: string | null;
  date?: DateString | null;
  from?: LocationCode | null;
  to?: LocationCode | null;
  flight?: string | null;
  awb?: string | null;
  tracking?: string | null;
  postal_item?: string | null;
  container?: string | null;
  imo?: string | null;
  vessel_name?: string | null;
  /** Nominal: allowed only when `source` is `ncen`. */
  vehicle_registration?: string | null;
  registration_country?: CountryCode | null;
  aircraft_registration?: string | null;
  train?: string | null;
}

export interface Route {
  origin?: CountryCode | null;
  departure?: CountryCode | null;
  transit?: CountryCode[] | null;
  destination?: CountryCode | null;
}

export interface Offender {
  nationality?: CountryCode | null;
  gender?: Gender | null;
  age?: number | null;
  role?: OffenderRole | null;
}

export interface PersonDocument {
  type?: DocumentType | null;
  number?: string | null;
  issuing_country?: CountryCode | null;
  expiry?: DateString | null;
}

export interface Person {
  surname?: string | null;
  given_names?: string | null;
  birth_date?: DateString | null;
  nationality?: CountryCode | null;
  gender?: Gender | null;
  role?: OffenderRole | null;
  documents?: PersonDocument[] | null;
  address?: string | null;
}

export interface Company {
  name?: string | null;
  registration_number?: string | null;
  country?: CountryCode | null;
  address?: string | null;
  role?: CompanyRole | null;
}

export interface Outcome {
  legal_action?: LegalAction | null;
  arrests?: number | null;
  penalty?: Money | null;
}

export interface Photo {
  ref?: string | null;
  kind?: PhotoKind | null;
  caption?: string | null;
}

/** One seizure case (spec 2.1). Every field is optional to the type: the rules say what is missing. */
export interface SeizureRecord {
  form?: Form | null;
  source?: Source | null;
  cug?: string | null;
  case_ref?: string | null;
  reporting_country?: CountryCode | null;
  seizure_date?: DateString | null;
  entry_date?: DateString | null;
  location?: Location | null;
  procedure?: Procedure | null;
  detection?: Detection | null;
  goods?: GoodsLine[] | null;
  conveyance?: Leg[] | null;
  route?: Route | null;
  offenders?: Offender[] | null;
  persons?: Person[] | null;
  companies?: Company[] | null;
  outcome?: Outcome | null;
  photos?: Photo[] | null;
  narrative?: string | null;
}

/**
 * What the validating functions take: a record object (any JavaScript value is accepted and
 * reported on), its JSON text, or the UTF-8 bytes of its JSON text.
 */
export type RecordInput = SeizureRecord | string | Uint8Array | ArrayBuffer | unknown;

// ---------------------------------------------------------------------------------------------
// Options (spec 5.1)

/** The settings of a CENcomm closed user group or a deployment. */
/** An edition of the Harmonized System that is built in. */
export type HsEdition = "2012" | "2017" | "2022";

export interface Profile {
  name?: string | null;
  form?: Form | null;
  /** The HS edition the group codes in (the option `hs_edition` wins). */
  hs_edition?: HsEdition | null;
  commodities?: CommodityArea[] | null;
  /** JSON Pointers that become required; `*` stands for every index of an array. */
  required?: string[] | null;
  /** Rule id → severity, or `off`; the SCH rules cannot be changed. */
  severity?: Record<string, Severity | "off"> | null;
}

export interface Options {
  form?: Form | null;
  source?: Source | null;
  lang?: Lang | null;
  /** The date "the future" is measured from; JavaScript's clock (UTC) when absent. */
  today?: DateString | null;
  /** Check HS codes against this edition instead of the one in force on the seizure date. */
  hs_edition?: HsEdition | null;
  /** A profile, or its JSON text (not a file name: read the file and pass its text). */
  profile?: Profile | string | null;
  /**
   * The code tables to validate against (spec 7.2): a `Tables` from `loadTables`, or a table
   * pack's bytes (loaded for the call; a bad pack throws). Absent or null: the built-in tables.
   * Not a path: there are no files in the browser (a string throws); read the file's bytes. Not
   * in options given as JSON text, which cannot hold them.
   */
  tables?: Tables | Uint8Array | ArrayBuffer | null;
}

/** Options as an object, as their JSON text, or absent (the defaults). */
export type OptionsInput = Options | string | null | undefined;

// ---------------------------------------------------------------------------------------------
// The report (spec 5.2)

export type ParamValue = string | number | boolean | string[] | null;

export interface Issue {
  /** The rule id, e.g. `CEN-MOV-001`. */
  rule: string;
  severity: Severity;
  /** JSON Pointer to the offending value; the root is `""`. */
  path: string;
  /** The message in the language of the options. */
  message: string;
  /** The named params of the rule (`{}` when it has none). */
  params: Record<string, ParamValue>;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface Report {
  valid: boolean;
  form: Form;
  source: Source;
  counts: Counts;
  /** Data-quality score, 0 to 100. */
  quality: number;
  /** Every issue, sorted by path (byte by byte), then by rule id. */
  issues: Issue[];
}

// ---------------------------------------------------------------------------------------------
// Catalogue, editions, labels, look-ups

export interface RuleInfo {
  id: string;
  group: string;
  severity: Severity;
  params: string[];
  summary: string;
  /** The message template in each of the six languages. */
  messages: Record<Lang, string>;
  /** Better wordings for particular cases: variant → language → template. */
  variants: Record<string, Partial<Record<Lang, string>>>;
}

export interface Edition {
  table: string;
  source: string;
  edition: string;
  licence: string;
  rows: number;
}

/** Enumeration → value → label (`labels("fr").unit.kg`); also `field` (dotted paths) and `field_help`. */
export type Labels = Record<string, Record<string, string>>;

export interface LocationFunction {
  code: string;
  label: string;
}

/** A location code as validation resolves it: an airport, or a UN/LOCODE entry. */
export interface LocationInfo {
  kind: "airport" | "unlocode";
  code: string;
  /** The place or airport name; `""` until the names file is loaded (`loadNames`). */
  name: string;
  country: string;
  country_name: string | null;
  airport: boolean;
  seaport: boolean;
  /** False for a UN/LOCODE entry marked for deletion, which validation does not accept. */
  resolves: boolean;
  /** Of a UN/LOCODE: `null` until the names file is loaded. */
  iata?: string | null;
  icao?: string | null;
  /** `""` until the names file is loaded. */
  city?: string;
  /** `""` until the names file is loaded. */
  subdivision?: string;
  function?: string;
  functions?: LocationFunction[];
  status?: string;
  withdrawn?: boolean;
  /** `""` until the names file is loaded. */
  remarks?: string;
}

export interface CountryInfo {
  code: string;
  alpha3: string | null;
  numeric: string | null;
  name: string;
  names: Record<Lang, string>;
  /** True for `XX` and `XZ`. */
  pseudo: boolean;
}

export interface CurrencyInfo {
  code: string;
  numeric: string;
  minor_units: number;
  fund: boolean;
  special: boolean;
  name: string;
  names: Record<Lang, string>;
}

export interface AirportInfo extends LocationInfo {
  kind: "airport";
  iata: string | null;
  icao: string | null;
  city: string;
}

export interface HsInfo {
  code: string;
  /** The edition looked in. */
  edition: HsEdition;
  level: number;
  /** In that edition; `""` until the names file is loaded. */
  description: string;
  parent: string | null;
  section: string | null;
  /** Every edition that has the code, oldest first. */
  editions: HsEdition[];
}

/** How two correlated HS codes relate, read from the edition looked up to the one asked for. */
export type HsRelationship = "1:1" | "1:n" | "n:1" | "n:n";

export interface HsPair {
  code: string;
  relationship: HsRelationship;
}

export type CodeTable = "country" | "currency" | "location" | "airport" | "hs";

// ---------------------------------------------------------------------------------------------
// Functions

/**
 * Loads the WebAssembly module (browsers and bundlers). `input` defaults to the `.wasm` file of
 * the package; a URL, a Response, bytes or a compiled module also do. In Node the module is
 * loaded on import, and `init` resolves at once.
 */
export default function init(input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Loads the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;

/** Validates one record; throws an `Error` only for bad options. */
export function validate(record: RecordInput, options?: OptionsInput): Report;

/** The report as JSON text, byte for byte that of every other surface. */
export function validateToJson(record: RecordInput, options?: OptionsInput): string;

/** Validates records as one batch, in order, with duplicate detection (CEN-DUP-001). */
export function validateMany(records: RecordInput[], options?: OptionsInput): Report[];

/**
 * The issues of one field for live data entry: `value` is put at `path` (a JSON Pointer such as
 * `/conveyance/0/container`) in `record` (the rest of the form, not changed), and the issues at
 * or under that path are returned. Throws when `path` is not a pointer to a field.
 */
export function validateField(path: string, value: unknown, record?: SeizureRecord | null, options?: OptionsInput): Issue[];

/**
 * `record` with `value` put at `path`, as `validateField` places it (missing objects and arrays
 * are created); `undefined` when the path cannot be placed. `record` is not changed.
 */
export function placeAt(record: SeizureRecord | null | undefined, path: string, value: unknown): SeizureRecord | undefined;

/** A validator with fixed options: faster for many calls, and the way to a `Batch`. */
export class Validator {
  /** Throws an `Error` naming what is wrong with the options. */
  constructor(options?: OptionsInput);
  validate(record: RecordInput): Report;
  validateToJson(record: RecordInput): string;
  validateMany(records: RecordInput[]): Report[];
  validateField(path: string, value: unknown, record?: SeizureRecord | null): Issue[];
  /** Records reported one at a time as one batch (duplicates found across all of them). */
  batch(): Batch;
  /** The editions of the tables this validator checks against: its pack's, when it has one. */
  editions(): Edition[];
  /** Frees its WebAssembly memory now rather than when garbage-collected. */
  free(): void;
}

/**
 * A checked table pack (spec 7.2), from `loadTables`, for the option `tables`. A pack carries
 * the UN/LOCODE, airport, country, currency and HS tables (the HS editions with UNSD's
 * correlations); the other tables are the built-in ones, and `editions()` says which edition
 * of each is in use.
 */
export class Tables {
  private constructor(key: never, raw: never, bytes: never);
  /** The edition, source, licence and rows of every table, as `editions()` gives them. */
  editions(): Edition[];
  /** The SHA-256 of the pack's content, lower-case hex (as `cen tables info` prints it). */
  readonly sha256: string;
  /** `lookupLocation` in the pack's tables (with the names the pack holds). */
  lookupLocation(code: string, lang?: Lang): LocationInfo | null;
  /** `lookupAirport` in the pack's tables. */
  lookupAirport(code: string, lang?: Lang): AirportInfo | null;
  /** `lookupCountry` in the pack's tables (a pack carries countries since format version 2). */
  lookupCountry(code: string, lang?: Lang): CountryInfo | null;
  /** `lookupCurrency` in the pack's tables. */
  lookupCurrency(code: string, lang?: Lang): CurrencyInfo | null;
  /** `lookupHs` in the pack's HS editions (a pack carries them since format version 3). */
  lookupHs(code: string, edition?: HsEdition | null): HsInfo | null;
  /** `hsCorrelate` with the pack's HS editions and the correlations kept with them. */
  hsCorrelate(code: string, from: HsEdition, to: HsEdition): HsPair[];
  /**
   * `search` in the pack's tables, with the names and descriptions the pack holds.
   * Needs the names file; the pack's index is built by its first search and kept.
   */
  search(table: SearchTable, query: string, options?: SearchOptions | string | null): SearchResult[];
  /** Frees the pack's WebAssembly memory now; validators made with it keep their share. */
  free(): void;
}

/**
 * Checks and loads a table pack (`cen tables build`) from its bytes (Node's Buffer is a
 * Uint8Array); the bytes are copied. Throws an `Error` (message starting `cen: `) with the
 * reason: more than 64 MiB, truncated, wrong magic, format version or checksum, malformed, or
 * not bytes (a string: a path, which cannot be read here).
 */
export function loadTables(bytes: Uint8Array | ArrayBuffer): Tables;

/** Records reported one at a time, in order, as one batch. Made by `Validator.batch()`. */
export class Batch {
  private constructor(raw: never);
  validate(record: RecordInput): Report;
  validateToJson(record: RecordInput): string;
  /** How many records the batch has reported. */
  readonly length: number;
  free(): void;
}

/** The non-nominal projection for CEN (spec 2.8): nominal fields and every field the record does not define (at any depth) removed; throws when the input is not a JSON object. */
export function toCen(record: SeizureRecord | string): SeizureRecord;

/** The JSON Schema of the record. */
export function schema(): Record<string, unknown>;

/** The labels of every enumeration's values (and of the fields) in one language; English by default. */
export function labels(lang?: Lang): Labels;

/** The label of one field: a JSON Pointer (`/goods/0/unit`) or a dotted path (`goods.0.unit`). */
export function fieldLabel(path: string, lang?: Lang): string;

/** The rule catalogue (spec 5.3a). */
export function rules(): RuleInfo[];

/**
 * The editions of the built-in code tables (spec 5.3a). A validator with a table pack reports
 * its own (`Validator.editions()`, `Tables.editions()`); the module's look-ups also keep the
 * built-in tables (`Tables.lookupLocation` looks up in a pack).
 */
export function editions(): Edition[];

/**
 * Loads the names file (`dist/cen_names.txt` of the package): place names, airport names and
 * cities, UN/LOCODE subdivisions, IATA codes and remarks, HS descriptions. Until it is loaded,
 * the look-ups give those texts empty (`""`, and `iata: null` for a UN/LOCODE) and everything
 * else complete; validation never needs them. `input` defaults to the file next to the `.wasm`
 * (browsers: fetched relative to this module; Node: read from disk, and a path or `file:` URL
 * is read too); a URL, a Response or the file's bytes also do. Calls made while a load is in
 * progress get the same promise; once loaded, nothing is read again. Rejects with an `Error`
 * (message starting `cen: `) when the module is not initialised yet (browser entry: `await
 * init()` first), or the file cannot be had, is not UTF-8 or belongs to other tables; nothing
 * changes then, and it may be called again.
 */
export function loadNames(input?: RequestInfo | URL | Response | BufferSource): Promise<void>;

/** Whether the names file is loaded. */
export function namesLoaded(): boolean;

/**
 * Look-ups read codes as people type them, as every surface does (spec 5.3b): letters are
 * upper-cased, spaces are ignored, and so are the dots of HS codes (`lookupLocation("nl rtm")`
 * finds NLRTM, `lookupHs("2402.20")` finds 240220). Validation stays strict.
 *
 * A location code as validation resolves it, or `null`; see `loadNames` for its texts.
 */
export function lookupLocation(code: string, lang?: Lang): LocationInfo | null;
export function lookupCountry(code: string, lang?: Lang): CountryInfo | null;
export function lookupCurrency(code: string, lang?: Lang): CurrencyInfo | null;
/** An airport by IATA or ICAO code, or `null`; `name` and `city` need `loadNames`. */
export function lookupAirport(code: string, lang?: Lang): AirportInfo | null;
/** An HS chapter, heading or subheading, or `null`; `description` needs `loadNames`. */
/** In HS 2022 unless `edition` says otherwise; throws for an unknown edition. */
export function lookupHs(code: string, edition?: HsEdition | null): HsInfo | null;

/**
 * The codes of edition `to` that UNSD's correlation tables pair with `code` of edition `from`
 * (spec 7.1), sorted; empty when `from` has no such code. Throws for an unknown edition.
 */
export function hsCorrelate(code: string, from: HsEdition, to: HsEdition): HsPair[];

/** The codes of a table closest to one that was not found ("did you mean"); 5 by default. */
export function closestCodes(table: CodeTable, code: string, count?: number): string[];

// ---------------------------------------------------------------------------------------------
// Data entry (spec 6): the form model and code search

/** A table of code search (spec 6.2). */
export type SearchTable = "location" | "airport" | "seaport" | "country" | "currency" | "hs";

/** A value of an enumeration with its label in the model's language. */
export interface LabelledValue {
  value: string;
  label: string;
}

/** One clause of a condition: a field's value is one of `in`, or the field is absent. A `*` in
 * `path` is the same item as the `*` of the field the condition is on. `item` / `index`: the
 * field's item is that index of that list. */
export interface ConditionClause {
  path?: string;
  in?: string[];
  absent?: boolean;
  item?: string;
  index?: number;
}

/** A condition as data: when every clause holds, the field `applies` (is shown), is
 * `required`, or takes `whole` numbers only; `rule` is the rule that enforces it. */
export interface Condition {
  effect: "applies" | "required" | "whole";
  when: ConditionClause[];
  rule?: string;
}

/** The search table a coded field uses; `by`: another field that picks the table (an airport
 * location searches airports); `pseudo`: the pseudo-codes (`XX`, `XZ`) the field also accepts. */
export interface FieldSearch {
  table: SearchTable;
  by: { path: string; tables: Record<string, SearchTable> } | null;
  pseudo: { code: string; label: string }[];
}

export interface FormField {
  /** JSON Pointer with `*` for array indices (`/goods/*/unit`). */
  path: string;
  /** The flat column (spec 5.3) with `*` for indices (`goods.*.unit`). */
  column: string;
  label: string;
  help: string;
  kind: "text" | "date" | "number" | "integer" | "enumeration" | "country" | "currency" | "location" | "hs" | "identifier" | "list";
  /** `max_length`, `min`, `max`, `exclusive_min`, `whole`, `max_items`, `format`. */
  limits: Record<string, number | boolean | string>;
  required: boolean;
  tier: "core" | "more";
  nominal: boolean;
  values: LabelledValue[] | null;
  /** Values that depend on other fields: the key is their values joined by `.`. */
  values_by: { paths: string[]; values: Record<string, LabelledValue[]> } | null;
  search: FieldSearch | null;
  /** For `list` fields: what one item is. */
  item: { kind: string; limits: Record<string, unknown>; values: LabelledValue[] | null; search: FieldSearch | null } | null;
  conditions: Condition[];
}

export interface FormSection {
  id: string;
  label: string;
  /** `""` for the case section. */
  path: string;
  required: boolean;
  nominal: boolean;
  repeat: { min: number; max: number } | null;
  fields: FormField[];
  /** Repeated groups inside an item (a person's documents). */
  sections: FormSection[];
}

/** The form model (spec 6.1). */
export interface FormModel {
  form: "long" | "simplified";
  source: "cen" | "ncen" | "cencomm";
  lang: Lang;
  profile: string | null;
  hs_edition: string;
  sections: FormSection[];
}

/** One result of `search` (spec 6.2). */
export interface SearchResult {
  table: SearchTable;
  code: string;
  name: string;
  country: string | null;
  country_name: string | null;
  /** location, airport, seaport */
  kind?: "unlocode" | "airport";
  iata?: string | null;
  icao?: string | null;
  city?: string | null;
  subdivision?: string | null;
  function?: string | null;
  functions?: LocationFunction[];
  /** country */
  alpha3?: string;
  /** currency */
  minor_units?: number | null;
  /** hs */
  edition?: string;
  level?: number;
}

export interface SearchOptions {
  lang?: Lang;
  /** Only entries of this country (ISO 3166-1 alpha-2). */
  country?: string;
  /** 10 by default, at most 100. */
  limit?: number;
  hs_edition?: string;
  /** Search a table pack's places and airports: a `Tables`, or a pack's bytes (loaded per call). */
  tables?: Tables | Uint8Array | ArrayBuffer | null;
}

/** The form model for these options (spec 6.1); throws an `Error` for bad options. */
export function formModel(options?: Options | string | null): FormModel;

/**
 * Searches a code table (spec 6.2), best first. Needs the names file: `await loadNames()`
 * first (the first search after it builds the index). Throws an `Error` for an unknown table,
 * bad options or names not loaded; never for a query.
 */
export function search(table: SearchTable, query: string, options?: SearchOptions | string | null): SearchResult[];

/** The version of the core. */
export function version(): string;

/** @internal Turns off sending plain JSON values as JSON text, so that the tests run the reader. */
export function __setTextPath(on: boolean): void;

/** @internal Traps the WebAssembly instance, for the tests of its recovery. */
export function __trapForTests(): void;

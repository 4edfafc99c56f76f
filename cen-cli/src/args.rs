//! The command line (spec 5.4), as clap types. Every command's `--help` ends with examples.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The short `--version` text is the crate version; the long one adds the editions of the
/// code tables (spec 5.3a).
pub fn long_version() -> String {
    let mut out = format!("{}\n\ncode tables:\n", env!("CARGO_PKG_VERSION"));
    let editions = cen_rules::api::editions();
    for edition in editions.as_array().into_iter().flatten() {
        let text = |key: &str| match &edition[key] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => String::new(),
            other => other.to_string(),
        };
        out.push_str(&format!(
            "  {:<12} {} ({} rows)\n",
            text("table"),
            text("edition"),
            text("rows"),
        ));
    }
    out
}

/// Validate, export and analyse customs seizure records of the WCO Customs Enforcement Network
/// (CEN, nCEN, CENcomm).
#[derive(Debug, Parser)]
#[command(name = "cen", version, about, propagate_version = true)]
#[command(after_help = "Examples:
  cen validate seizures.ndjson
  cen validate --lang fr --format json -o report.json seizures.xlsx
  cen template --form simplified --lang es -o plantilla.xlsx
  cen codes location NLRTM

Exit status: 0 every record valid, 1 some record invalid, 2 the command could not run.")]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands of `cen`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate records from files or standard input and report every issue.
    Validate(ValidateArgs),
    /// Write the non-nominal projection of every record (what nCEN may send to CEN) as NDJSON.
    ExportCen(ExportArgs),
    /// Statistics of the valid records: cases, quantities and mass equivalents by commodity,
    /// reporting country, conveyance and year.
    Stats(StatsArgs),
    /// Write an Excel data-entry template with drop-down lists and a sheet explaining each
    /// column.
    Template(TemplateArgs),
    /// Print the JSON Schema of the record.
    Schema(SchemaArgs),
    /// Look up a code: a country, currency, location, airport or HS code.
    Codes(CodesArgs),
    /// List the rule catalogue: every rule's id, severity and message.
    Rules(RulesArgs),
    /// Generate realistic synthetic records as NDJSON (seeded, reproducible).
    Generate(GenerateArgs),
    /// Find codes by name or code prefix: places, airports, seaports, countries, currencies,
    /// HS (spec 6.2).
    Search(SearchArgs),
    /// Print the form model (spec 6.1) for a form, source, profile and language, as JSON.
    FormModel(FormModelArgs),
    /// Build a table pack from the publishers' files, or check one (spec 7.2).
    #[command(subcommand)]
    Tables(TablesCommand),
    /// Serve the seizure form and the JSON API over HTTP (spec 8; docs/serve.md).
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
}

/// `cen serve` (spec 8).
#[cfg(feature = "serve")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address and port to listen on (port 0: any free port, printed at start).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// A profile to serve (a JSON file, spec 5.1), chosen by its `name` with `?profile=`
    /// and offered in the form; repeat for several.
    #[arg(long, value_name = "FILE")]
    pub profile: Vec<PathBuf>,
    /// Check codes against this table pack (spec 7.2) instead of the tables built in;
    /// `/v1/editions` then gives the pack's editions.
    #[arg(long, value_name = "FILE.pack")]
    pub tables: Option<PathBuf>,
    /// The default language of messages and labels (a request's `lang` overrides it).
    #[arg(long, value_enum, value_name = "L", default_value = "en")]
    pub lang: LangArg,
    /// The largest request body in bytes; larger ones get 413 and are read no further.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_body: u64,
    /// The most requests served at once; more get 503 at once rather than waiting.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub max_concurrency: usize,
    /// Seconds a client may take to send a request's headers, or between two parts of its
    /// body, before the request is dropped (408 for a body).
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
    /// An origin allowed to call the API from a browser (CORS); repeat for several, `*` for
    /// any.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Vec<String>,
    /// Print no access log on standard error.
    #[arg(long)]
    pub quiet: bool,
}

/// A language of the messages and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English
    En,
    /// French
    Fr,
    /// Spanish
    Es,
    /// Russian
    Ru,
    /// Arabic
    Ar,
    /// Portuguese
    Pt,
}

impl LangArg {
    /// The core's language.
    pub fn lang(self) -> codes_data::Lang {
        match self {
            LangArg::En => codes_data::Lang::En,
            LangArg::Fr => codes_data::Lang::Fr,
            LangArg::Es => codes_data::Lang::Es,
            LangArg::Ru => codes_data::Lang::Ru,
            LangArg::Ar => codes_data::Lang::Ar,
            LangArg::Pt => codes_data::Lang::Pt,
        }
    }
}

/// The form of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormArg {
    /// The standard long form.
    Long,
    /// The simplified statistical form.
    Simplified,
}

impl FormArg {
    /// The word of the record.
    pub fn word(self) -> &'static str {
        match self {
            FormArg::Long => "long",
            FormArg::Simplified => "simplified",
        }
    }
}

/// The application a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    /// The global CEN database (non-nominal).
    Cen,
    /// A national CEN (nominal data allowed).
    Ncen,
    /// A CENcomm closed user group.
    Cencomm,
}

impl SourceArg {
    /// The word of the record.
    pub fn word(self) -> &'static str {
        match self {
            SourceArg::Cen => "cen",
            SourceArg::Ncen => "ncen",
            SourceArg::Cencomm => "cencomm",
        }
    }
}

/// How the input files are read, when their extension does not say it (or to override it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// One JSON object, or an array of objects.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Flat rows with a header of dotted paths (spec 5.3).
    Csv,
    /// An Excel workbook: flat rows on its first sheet.
    Xlsx,
}

/// The options of a validation (spec 5.1), shared by `validate` and `stats`.
#[derive(Debug, Clone, Args)]
pub struct ValidationOptions {
    /// Apply this form instead of the record's (and the profile's).
    #[arg(long, value_enum, value_name = "F")]
    pub form: Option<FormArg>,
    /// Apply this source instead of the record's.
    #[arg(long, value_enum, value_name = "S")]
    pub source: Option<SourceArg>,
    /// A profile of a closed user group or deployment: a JSON file (spec 5.1).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// The language of the messages.
    #[arg(long, value_enum, value_name = "L", default_value = "en")]
    pub lang: LangArg,
    /// The date "the future" is measured from (YYYY-MM-DD); today's UTC date by default.
    #[arg(long, value_name = "D")]
    pub today: Option<String>,
    /// Check HS codes against this edition (2012, 2017 or 2022) instead of the one in force on
    /// each record's seizure date.
    #[arg(long, value_name = "E")]
    pub hs_edition: Option<String>,
    /// Check codes against this table pack (spec 7.2, `cen tables build`) instead of the
    /// tables built in.
    #[arg(long, value_name = "FILE.pack")]
    pub tables: Option<PathBuf>,
}

/// Where records come from.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Input files: .json (an object or an array), .ndjson or .jsonl, .csv, .xlsx; `-` is
    /// standard input (NDJSON unless --input-format says otherwise). Standard input when none
    /// is given.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Read every input in this format, whatever its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
}

/// The formats of `cen validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people: each invalid record with its issues, then a summary table.
    Text,
    /// One JSON document: every record's report with its position, and a summary.
    Json,
    /// One JSON line per record: its position and its report.
    Ndjson,
    /// One row per issue (a row without issue for a record that has none).
    Csv,
}

/// `cen validate`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen validate examples/seizures.ndjson
  cen validate --today 2026-11-28 examples/seizures.csv examples/seizures.xlsx
  cen validate --profile examples/profiles/op-nightwatch.json --lang fr seizures.json
  cen generate --count 1000 --invalid-share 0.2 | cen validate --format ndjson -
  cen validate --format csv --output issues.csv --jobs 2 big.ndjson

Exit status: 0 every record valid, 1 some record invalid, 2 the command could not run
(unreadable file, bad options or profile, no records).")]
pub struct ValidateArgs {
    #[command(flatten)]
    pub options: ValidationOptions,
    #[command(flatten)]
    pub input: InputArgs,
    /// The format of the report.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Threads that validate in parallel (the output keeps the input's order); all cores by
    /// default.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Text format: also list valid records that have warnings or infos.
    #[arg(long)]
    pub all: bool,
    /// Text format: print only the summary table.
    #[arg(short, long, conflicts_with = "all")]
    pub quiet: bool,
}

/// `cen export-cen`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen export-cen ncen-export.ndjson > for-cen.ndjson
  cen export-cen -o for-cen.ndjson seizures.xlsx
  cen export-cen --valid-only --profile national.json -o for-cen.ndjson ncen-export.ndjson

Every record is projected, valid or not, unless --valid-only is given. Records that cannot be
read (and, with --valid-only, invalid records) are reported on standard error, counted, and
left out. Exit status: 0 every record exported, 1 some record left out, 2 the command could not
run.")]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the records to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Validate every record first (with the options below, as `cen validate` does, the whole
    /// run being one batch) and export only the valid ones.
    #[arg(long)]
    pub valid_only: bool,
    #[command(flatten)]
    pub options: ValidationOptions,
    /// Threads that validate in parallel with --valid-only; all cores by default.
    #[arg(short, long, value_name = "N", requires = "valid_only")]
    pub jobs: Option<usize>,
}

/// The formats of tables for machines or people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// An aligned table for people.
    Text,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}

/// `cen stats`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen stats examples/seizures.ndjson
  cen stats --format csv -o stats.csv --today 2026-11-28 seizures.xlsx

Only valid records count; a record reported as a duplicate of an earlier one (CEN-DUP-001) is
counted once, at its first report. Groups: commodity area, goods type, reporting country,
conveyance (the leg types of the case, joined with +), year of seizure, unit (and currency for
amounts).")]
pub struct StatsArgs {
    #[command(flatten)]
    pub options: ValidationOptions,
    #[command(flatten)]
    pub input: InputArgs,
    /// The format of the statistics.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TableFormat,
    /// Write the statistics to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Threads that validate in parallel; all cores by default.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

/// `cen template`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen template --form long --lang en -o seizures-long.xlsx
  cen template --form simplified --lang fr -o saisies.xlsx
  cen template --tables iso-2027.pack -o seizures-long.xlsx

Drop-down values read \"label — code\"; `cen validate` reads back either that or the bare code.")]
pub struct TemplateArgs {
    /// The form whose columns the template has.
    #[arg(long, value_enum, default_value = "long")]
    pub form: FormArg,
    /// The language of the drop-down labels and of the explanations.
    #[arg(long, value_enum, value_name = "L", default_value = "en")]
    pub lang: LangArg,
    /// The Excel file to write (.xlsx).
    #[arg(short, long, value_name = "FILE.xlsx")]
    pub output: PathBuf,
    /// Take the country and currency lists from this table pack (spec 7.2) instead of the
    /// tables built in.
    #[arg(long, value_name = "FILE.pack")]
    pub tables: Option<PathBuf>,
}

/// `cen schema`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen schema > cen-record.schema.json")]
pub struct SchemaArgs {
    /// Write the schema to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The code tables of `cen codes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CodeTable {
    /// ISO 3166-1 alpha-2 (and the pseudo-codes XX, XZ).
    Country,
    /// ISO 4217.
    Currency,
    /// A location code: IATA or ICAO airport, or UN/LOCODE.
    Location,
    /// IATA (3 letters) or ICAO (4 letters) airport.
    Airport,
    /// Harmonized System chapter, heading or subheading (HS 2022 unless --edition says
    /// otherwise).
    Hs,
}

/// `cen codes`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen codes country BE --lang fr
  cen codes location NLRTM
  cen codes airport EBBR --format json
  cen codes hs 2402.20
  cen codes hs 851712 --edition 2017
  cen codes hs 851712 --edition 2017 --to 2022

With --to, the codes of that HS edition that UNSD's correlation tables pair with the code, each
with its relationship (1:1, 1:n, n:1, n:n).

Exit status: 0 found, 1 not found (the closest codes are suggested), 2 bad arguments.")]
pub struct CodesArgs {
    /// The table to look in.
    #[arg(value_enum)]
    pub table: CodeTable,
    /// The code (letters are upper-cased; dots and spaces are ignored in HS codes).
    pub code: String,
    /// The language of names and labels.
    #[arg(long, value_enum, value_name = "L", default_value = "en")]
    pub lang: LangArg,
    /// The format of the entry.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputKind,
    /// hs: the edition of the code (2012, 2017 or 2022; 2022 by default).
    #[arg(long, value_name = "E")]
    pub edition: Option<String>,
    /// hs: the codes of this edition (2012, 2017 or 2022) that the correlation tables pair
    /// with the code.
    #[arg(long, value_name = "E")]
    pub to: Option<String>,
    /// Look country, currency, location and airport codes up in this table pack (spec 7.2,
    /// `cen tables build`) instead of the tables built in.
    #[arg(long, value_name = "FILE.pack")]
    pub tables: Option<PathBuf>,
}

/// Text for people or JSON for machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputKind {
    /// For people.
    Text,
    /// JSON.
    Json,
}

/// `cen rules`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen rules
  cen rules --lang ru
  cen rules --format json > catalogue.json")]
pub struct RulesArgs {
    /// The language of the messages (text format; JSON has all six).
    #[arg(long, value_enum, value_name = "L", default_value = "en")]
    pub lang: LangArg,
    /// The format of the catalogue.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputKind,
}

/// `cen generate`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen generate --count 300 --seed 7 --invalid-share 0.2 > seizures.ndjson
  cen generate --count 1000000 | cen validate --format ndjson --jobs 2 - > reports.ndjson")]
pub struct GenerateArgs {
    /// How many records.
    #[arg(long, value_name = "N")]
    pub count: u64,
    /// The seed: the same seed gives the same records on every platform.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// The share of records, 0 to 1, that carry a realistic mistake.
    #[arg(long, value_name = "P", default_value_t = 0.0)]
    pub invalid_share: f64,
    /// The last possible seizure date (YYYY-MM-DD); 2026-11-28 by default, so that output
    /// never depends on the day it is made.
    #[arg(long, value_name = "D")]
    pub today: Option<String>,
    /// Write the records to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The tables of `cen search` (spec 6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchTableArg {
    /// UN/LOCODE places and airports together.
    Location,
    /// Airports (IATA, ICAO).
    Airport,
    /// UN/LOCODE places with a port (function 1).
    Seaport,
    /// ISO 3166-1 countries (names in the six languages).
    Country,
    /// ISO 4217 currencies (names in the six languages).
    Currency,
    /// Harmonized System chapters, headings and subheadings.
    Hs,
}

/// `cen search`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen search location Santos
  cen search seaport rotter --limit 3
  cen search country Allemagne
  cen search location paris --country US --lang fr --format json
  cen search hs tobacco unmanufactured
  cen search seaport \"new harbour\" --tables unlocode-2025-1.pack

Case and diacritics are ignored; codes match by prefix, names by word prefix. Best first: an
exact code, code prefixes, names whose first word matches, other name matches.
Exit status: 0 found, 1 nothing found, 2 bad arguments.")]
pub struct SearchArgs {
    /// The table to search.
    #[arg(value_enum)]
    pub table: SearchTableArg,
    /// The query: a code or its beginning, or words of a name (several words are one query).
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// The language of country and currency names.
    #[arg(long, value_enum, value_name = "L", default_value = "en")]
    pub lang: LangArg,
    /// Only entries of this country (ISO 3166-1 alpha-2).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// At most this many results (at most 100).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// The HS edition searched (2012, 2017 or 2022; the newest by default).
    #[arg(long, value_name = "E")]
    pub hs_edition: Option<String>,
    /// Search the countries, currencies, places and airports of this table pack (spec 7.2,
    /// `cen tables build`) instead of the tables built in.
    #[arg(long, value_name = "PACK")]
    pub tables: Option<PathBuf>,
    /// Text for people (a table) or JSON (the results as every surface gives them).
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputKind,
}

/// `cen form-model`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen form-model > form-model.json
  cen form-model --form simplified --lang fr --profile profile.json")]
pub struct FormModelArgs {
    /// The form (else the profile's, else long).
    #[arg(long, value_enum, value_name = "F")]
    pub form: Option<FormArg>,
    /// The source (cen by default).
    #[arg(long, value_enum, value_name = "S")]
    pub source: Option<SourceArg>,
    /// A profile of a closed user group or deployment: a JSON file (spec 5.1).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// The language of labels and help.
    #[arg(long, value_enum, value_name = "L", default_value = "en")]
    pub lang: LangArg,
}

/// `cen tables`.
#[derive(Debug, Subcommand)]
pub enum TablesCommand {
    /// Build a table pack from UNECE's UN/LOCODE CSV release, airportsdata's CSV, ISO 3166
    /// and 4217 lists and HS editions; a table not given is taken from the tables built in.
    Build(TablesBuildArgs),
    /// Check a table pack and print its format version, SHA-256 and the edition, source and
    /// rows of each table.
    Info(TablesInfoArgs),
}

/// `cen tables build`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen tables build -o unlocode-2025-1.pack --edition 2025-1 \\
    --unlocode '2025-1 UNLOCODE CodeListPart1.csv' \\
    --unlocode '2025-1 UNLOCODE CodeListPart2.csv' \\
    --unlocode '2025-1 UNLOCODE CodeListPart3.csv'
  cen tables build -o airports.pack --airports airports.csv
  cen tables build -o countries.pack --countries countries.csv --currencies currencies.csv
  cen tables build -o hs.pack --hs 2022=hs.csv --hs 2017=hs2017.csv
  cen validate --tables unlocode-2025-1.pack seizures.ndjson

UN/LOCODE: UNECE's CSV files as distributed (no header, twelve columns, UTF-8 or Latin-1) or
a copy with a header; rows marked X are kept as withdrawn (they fail CEN-COD-002). Exit status:
0 written, 2 a bad file (file:line: what is wrong); no half-written pack is ever left.")]
pub struct TablesBuildArgs {
    /// The pack to write.
    #[arg(short, long, value_name = "FILE.pack")]
    pub output: PathBuf,
    /// A UN/LOCODE CSV file (repeat for UNECE's three parts); a code repeated in a later row
    /// keeps its first row.
    #[arg(long, value_name = "CSV")]
    pub unlocode: Vec<PathBuf>,
    /// airportsdata's airports.csv.
    #[arg(long, value_name = "CSV")]
    pub airports: Option<PathBuf>,
    /// The UN/LOCODE edition (for example 2025-1); by default the one UNECE's file names
    /// start with, else "not stated".
    #[arg(long, value_name = "NAME")]
    pub edition: Option<String>,
    /// ISO 3166-1 countries with their names in the six languages, with the columns of
    /// shared/codes/countries.csv (alpha2, alpha3, numeric, name_en ... name_pt).
    #[arg(long, value_name = "CSV")]
    pub countries: Option<PathBuf>,
    /// ISO 4217 currencies, with the columns of shared/codes/currencies.csv (alpha3, numeric,
    /// minor_units, flags, name_en ... name_pt).
    #[arg(long, value_name = "CSV")]
    pub currencies: Option<PathBuf>,
    /// An HS edition (2012, 2017 or 2022) that replaces the built-in one, with the columns of
    /// shared/codes/hs.csv or hs-editions/hs2017.csv (hscode, description, optionally
    /// section); repeat for several editions. UNSD's correlations stay the built-in ones,
    /// without the pairs whose codes the edition no longer has (decision 101).
    #[arg(long, value_name = "EDITION=CSV")]
    pub hs: Vec<String>,
}

/// `cen tables info`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  cen tables info unlocode-2025-1.pack
  cen tables info --format json unlocode-2025-1.pack

Exit status: 0 the pack is good, 2 it is not (the loader says why).")]
pub struct TablesInfoArgs {
    /// The pack to check.
    #[arg(value_name = "FILE.pack")]
    pub pack: PathBuf,
    /// The format of the answer.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputKind,
}

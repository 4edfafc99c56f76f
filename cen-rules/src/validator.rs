//! The validator: options once, then as many records as you like.

use std::sync::Arc;

use cen_model::flat::{Cell, Layout};
use cen_model::required::RequiredPath;
use cen_model::{CommodityArea, Date, Decoded, Fatal, Form, Params, Record, Source};
use codes_data::{HsEdition, Lang};
use serde_json::Value;

use crate::definition::Severity;
use crate::facts::Facts;
use crate::messages;
use crate::options::{Options, OptionsError, SeverityOverride};
use crate::quality;
use crate::report::{Counts, Issue, Report};
use crate::rules::duplicates::{self, DuplicateKeys, DUP_001};
use crate::rules::{dates, form, movement, nominal, quantity, structure};
use crate::sink::{Overrides, Pending, Sink};

/// Where "today" comes from.
#[derive(Clone)]
enum Clock {
    Fixed(Date),
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    System,
    Custom(Arc<dyn Fn() -> Date + Send + Sync>),
}

impl Clock {
    fn today(&self) -> Date {
        match self {
            Clock::Fixed(date) => *date,
            #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
            Clock::System => Date::today_utc(),
            Clock::Custom(clock) => clock(),
        }
    }
}

/// One input record, however it arrived.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// JSON text.
    Json(&'a str),
    /// Bytes that should be UTF-8 JSON text.
    Bytes(&'a [u8]),
    /// A JSON value (as bindings build from host objects).
    Value(&'a Value),
    /// A typed record.
    Record(&'a Record),
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(text: &'a str) -> Self {
        Input::Json(text)
    }
}

impl<'a> From<&'a String> for Input<'a> {
    fn from(text: &'a String) -> Self {
        Input::Json(text)
    }
}

impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        Input::Bytes(bytes)
    }
}

impl<'a> From<&'a Value> for Input<'a> {
    fn from(value: &'a Value) -> Self {
        Input::Value(value)
    }
}

impl<'a> From<&'a Record> for Input<'a> {
    fn from(record: &'a Record) -> Self {
        Input::Record(record)
    }
}

/// A record checked but not yet reported: what can run in parallel. Turn it into a [`Report`]
/// with [`Validator::report`], or in order with a [`Batch`](crate::Batch) so that duplicates are found.
#[derive(Debug, Clone)]
pub struct Checked {
    form: Form,
    source: Source,
    issues: Vec<Pending>,
    completeness: f64,
    keys: DuplicateKeys,
}

impl Checked {
    /// The duplicate keys of the record (for [`Batch::place`](crate::Batch::place)).
    pub fn duplicate_keys(&self) -> &DuplicateKeys {
        &self.keys
    }
}

/// Validates records with one set of options (spec 5.5). Cheap to share between threads.
///
/// ```
/// use cen_rules::{Options, Validator};
/// let validator = Validator::new(Options { today: "2026-11-28".parse().ok(), ..Options::default() }).unwrap();
/// let report = validator.validate_json(r#"{"reporting_country": "BE"}"#);
/// assert!(!report.valid);
/// assert!(report.issues.iter().any(|i| i.rule == "CEN-SCH-004" && i.path == "/seizure_date"));
/// ```
#[derive(Clone)]
pub struct Validator {
    options: Options,
    clock: Clock,
    overrides: Overrides,
    commodities: Option<Vec<CommodityArea>>,
    required: Vec<RequiredPath>,
    /// The option's HS edition, else the profile's; `None`: the one in force on the date.
    hs_edition: Option<HsEdition>,
    /// The code tables checked against (spec 7.2): built in, or a table pack.
    tables: codes_data::Tables,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// The tables the option `tables` names: the pack at that path, else the built-in tables.
fn tables_of(options: &Options) -> Result<codes_data::Tables, OptionsError> {
    match options.tables.as_deref() {
        None => Ok(codes_data::Tables::builtin()),
        #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
        Some(_) => Err(OptionsError::Tables(
            "this host has no files to read a path from: give the validator the pack's bytes"
                .to_owned(),
        )),
        #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
        Some(path) => {
            codes_data::Tables::load(path).map_err(|e| OptionsError::Tables(e.to_string()))
        }
    }
}

impl Validator {
    /// A validator with these options; `today` is the option, else today's UTC date at each
    /// validation. On `wasm32-unknown-unknown`, which has no clock, use [`Validator::with_clock`]
    /// or give `today`.
    pub fn new(options: Options) -> Result<Validator, OptionsError> {
        let clock = match options.today {
            Some(day) => Clock::Fixed(day),
            #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
            None => Clock::System,
            #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
            None => return Err(OptionsError::NoClock),
        };
        let tables = tables_of(&options)?;
        Ok(Validator::build(options, clock).with_tables(tables))
    }

    /// A validator whose "today", when the options do not give it, comes from `clock`.
    /// Fails only as [`Validator::new`] does when the option `tables` names a pack that
    /// cannot be used.
    pub fn with_clock(
        options: Options,
        clock: impl Fn() -> Date + Send + Sync + 'static,
    ) -> Result<Validator, OptionsError> {
        let clock = match options.today {
            Some(day) => Clock::Fixed(day),
            None => Clock::Custom(Arc::new(clock)),
        };
        let tables = tables_of(&options)?;
        Ok(Validator::build(options, clock).with_tables(tables))
    }

    /// A validator from the JSON options of spec 5.1.
    pub fn from_json_options(options: &str) -> Result<Validator, OptionsError> {
        Validator::new(Options::from_json(options)?)
    }

    fn build(options: Options, clock: Clock) -> Validator {
        let profile = options.profile.as_ref();
        let overrides = Overrides::new(
            profile
                .map(|p| {
                    p.severity
                        .iter()
                        .map(|(id, level)| {
                            (
                                *id,
                                match level {
                                    SeverityOverride::Set(severity) => Some(*severity),
                                    SeverityOverride::Off => None,
                                },
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
        );
        let commodities = profile.and_then(|p| p.commodities.clone());
        let required = profile.map(|p| p.required.clone()).unwrap_or_default();
        let hs_edition = options.hs_edition.or(profile.and_then(|p| p.hs_edition));
        Validator {
            options,
            clock,
            overrides,
            commodities,
            required,
            hs_edition,
            tables: codes_data::Tables::builtin(),
        }
    }

    /// This validator checking against `tables` (a table pack, spec 7.2) instead of the
    /// tables it had. Loading the pack is what can fail ([`codes_data::Tables::load`]), so a
    /// validator never holds a pack that did not load.
    ///
    /// ```
    /// use cen_rules::{Options, Validator};
    /// use codes_data::Tables;
    /// let pack = Tables::from_bytes(&Tables::builtin().to_pack_bytes()).unwrap();
    /// let v = Validator::new(Options::default()).unwrap().with_tables(pack);
    /// assert!(!v.tables().is_builtin());
    /// assert_eq!(v.editions().iter().find(|e| e.table == "unlocode").unwrap().rows, 115_925);
    /// ```
    pub fn with_tables(mut self, tables: codes_data::Tables) -> Validator {
        self.tables = tables;
        self
    }

    /// The code tables this validator checks against.
    pub fn tables(&self) -> &codes_data::Tables {
        &self.tables
    }

    /// The editions of the tables in use (spec 5.3a, 7.2): the pack's when there is one.
    pub fn editions(&self) -> Vec<codes_data::Edition<'_>> {
        self.tables.editions()
    }

    /// The options of this validator.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The language of the messages.
    pub fn lang(&self) -> Lang {
        self.options.lang
    }

    fn form_and_source(&self, record: Option<&Record>) -> (Form, Source) {
        let profile_form = self.options.profile.as_ref().and_then(|p| p.form);
        let form = self
            .options
            .form
            .or(profile_form)
            .or(record.and_then(|r| r.form))
            .unwrap_or(Form::Long);
        let source = self
            .options
            .source
            .or(record.and_then(|r| r.source))
            .unwrap_or(Source::Cen);
        (form, source)
    }

    /// Checks a typed record (it is validated exactly as its JSON would be).
    pub fn validate(&self, record: &Record) -> Report {
        self.report(self.check(Input::Record(record)), None)
    }

    /// Checks a record given as JSON text.
    pub fn validate_json(&self, text: &str) -> Report {
        self.report(self.check(Input::Json(text)), None)
    }

    /// Checks a record given as bytes (CEN-SCH-001 when they are not UTF-8).
    pub fn validate_bytes(&self, bytes: &[u8]) -> Report {
        self.report(self.check(Input::Bytes(bytes)), None)
    }

    /// Checks a record given as a JSON value.
    pub fn validate_value(&self, value: &Value) -> Report {
        self.report(
            self.check_decoded(cen_model::decode_value(value).as_ref(), Vec::new()),
            None,
        )
    }

    /// Checks a record read from any serde deserializer (see [`cen_model::decode_with`]).
    pub fn validate_with<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Report {
        self.report(self.check_with(deserializer), None)
    }

    /// [`Validator::validate_with`] without reporting yet (see [`Checked`]).
    pub fn check_with<'de, D: serde::Deserializer<'de>>(&self, deserializer: D) -> Checked {
        self.check_decoded(cen_model::decode_with(deserializer).as_ref(), Vec::new())
    }

    /// Checks a record given as a host value (a Python object, a JavaScript value: see
    /// [`cen_model::host`]), read directly by the core: NaN stays a number (CEN-SCH-006) and
    /// a value JSON cannot hold is CEN-SCH-002 at its path.
    ///
    /// ```
    /// let validator = cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap();
    /// let record = serde_json::json!({"reporting_country": "BE"});
    /// let report = validator.validate_host(&record);
    /// assert_eq!(report.to_json(), validator.validate_value(&record).to_json());
    /// ```
    pub fn validate_host<H: cen_model::host::HostValue>(&self, value: H) -> Report {
        self.report(self.check_host(value), None)
    }

    /// [`Validator::validate_host`] without reporting yet (see [`Checked`]).
    pub fn check_host<H: cen_model::host::HostValue>(&self, value: H) -> Checked {
        self.check_decoded(cen_model::decode_host(value).as_ref(), Vec::new())
    }

    /// Checks a record decoded earlier ([`cen_model::decode_host`] and the other decoders, as
    /// `decoded.as_ref()`) or given by [`cen_model::with_tape_decoded`] and its kin: how a
    /// binding reads host values while it holds its interpreter's lock, then checks them on
    /// other threads.
    ///
    /// ```
    /// let validator = cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap();
    /// let text = r#"{"reporting_country": "BE"}"#;
    /// let checked = cen_model::with_json_decoded(text, |decoded| validator.check_read(decoded));
    /// let report = validator.report(checked, None);
    /// assert_eq!(report.to_json(), validator.validate_json(text).to_json());
    /// let decoded = cen_model::decode_json(text);
    /// assert_eq!(validator.report(validator.check_read(decoded.as_ref()), None), report);
    /// ```
    pub fn check_read(&self, decoded: Result<&Decoded, &Fatal>) -> Checked {
        self.check_decoded(decoded, Vec::new())
    }

    /// The report of an input that a binding found not to be a record before the core could
    /// read it (for instance a host object over the size limit): CEN-SCH-001 with the cause.
    ///
    /// ```
    /// let validator = cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap();
    /// let report = validator.report_fatal(&cen_model::Fatal::TooLarge);
    /// assert_eq!(report.issues[0].rule, "CEN-SCH-001");
    /// assert_eq!(report.quality, 0);
    /// ```
    pub fn report_fatal(&self, fatal: &Fatal) -> Report {
        self.report(self.check_fatal(fatal), None)
    }

    /// [`Validator::report_fatal`] without reporting yet, to keep its place in a batch.
    pub fn check_fatal(&self, fatal: &Fatal) -> Checked {
        self.check_decoded(Err(fatal), Vec::new())
    }

    /// [`Validator::report_unreadable`] without reporting yet, to keep its place in a batch.
    pub fn check_unreadable(&self) -> Checked {
        self.check_not_a_record(cen_model::Finding::new(
            cen_model::finding::SCH_NOT_A_RECORD,
            "",
            Params::new(),
        ))
    }

    /// The report of an input that a reader of files could not make sense of as a record at
    /// all (a CSV row with more cells than its header, merged cells of a workbook):
    /// CEN-SCH-001 with the rule's main message, "The input is not a seizure record.", rather
    /// than the wording of one of the causes the core finds itself.
    ///
    /// ```
    /// let validator = cen_rules::Validator::from_json_options(r#"{"lang": "fr"}"#).unwrap();
    /// let report = validator.report_unreadable();
    /// let rule = cen_rules::rule("CEN-SCH-001").unwrap();
    /// assert_eq!(report.issues[0].message, rule.template(cen_rules::Lang::Fr));
    /// ```
    pub fn report_unreadable(&self) -> Report {
        self.report(self.check_unreadable(), None)
    }

    /// CEN-SCH-001 with this finding, and nothing else to say of the input.
    fn check_not_a_record(&self, finding: cen_model::Finding) -> Checked {
        let (form, source) = self.form_and_source(None);
        let mut sink = Sink::new(&self.overrides);
        structure::emit_finding(&mut sink, finding);
        Checked {
            form,
            source,
            issues: sink.issues,
            completeness: 0.0,
            keys: DuplicateKeys::default(),
        }
    }

    /// Checks one flat row (spec 5.3): `cells` in the order of the layout's columns.
    pub fn validate_row(&self, layout: &Layout, cells: &[Cell<'_>]) -> Report {
        self.report(self.check_row(layout, cells), None)
    }

    /// Checks a record without reporting it yet (see [`Checked`]).
    pub fn check(&self, input: Input<'_>) -> Checked {
        match input {
            Input::Json(text) => cen_model::with_json_decoded(text, |decoded| {
                self.check_decoded(decoded, Vec::new())
            }),
            Input::Bytes(bytes) => cen_model::with_bytes_decoded(bytes, |decoded| {
                self.check_decoded(decoded, Vec::new())
            }),
            Input::Value(value) => {
                self.check_decoded(cen_model::decode_value(value).as_ref(), Vec::new())
            }
            Input::Record(record) => match serde_json::to_value(record) {
                Ok(value) => {
                    self.check_decoded(cen_model::decode_value(&value).as_ref(), Vec::new())
                }
                Err(error) => {
                    self.check_decoded(Err(&Fatal::NotJson(error.to_string())), Vec::new())
                }
            },
        }
    }

    /// Checks one flat row without reporting it yet.
    pub fn check_row(&self, layout: &Layout, cells: &[Cell<'_>]) -> Checked {
        // As JSON text when the header allows it: three times faster than building a value.
        let mut text = Vec::with_capacity(1024);
        if let Some(findings) = layout.write_json(cells, &mut text) {
            return cen_model::with_bytes_decoded(&text, |decoded| {
                self.check_decoded(decoded, findings)
            });
        }
        let row = layout.record(cells);
        self.check_decoded(cen_model::decode_value(&row.value).as_ref(), row.findings)
    }

    fn check_decoded(
        &self,
        decoded: Result<&Decoded, &Fatal>,
        extra: Vec<cen_model::Finding>,
    ) -> Checked {
        let decoded = match decoded {
            Ok(decoded) => decoded,
            Err(fatal) => return self.check_not_a_record(fatal.finding()),
        };
        let (form, source) = self.form_and_source(Some(&decoded.record));
        let mut sink = Sink::new(&self.overrides);
        for finding in decoded.findings.iter().cloned().chain(extra) {
            structure::emit_finding(&mut sink, finding);
        }
        structure::required(decoded, form, &self.required, &mut sink);
        let facts = Facts::build(
            decoded,
            form,
            source,
            self.clock.today(),
            self.hs_edition,
            &self.tables,
            &mut sink,
        );
        dates::check(&facts, &mut sink);
        movement::check(&facts, &mut sink);
        quantity::check(&facts, &mut sink);
        nominal::check(&facts, &mut sink);
        form::check(&facts, self.commodities.as_deref(), &mut sink);
        // With CEN-DUP-001 off there is nothing to find, and an index that is never fed
        // keeps a long stream's memory constant (docs/robustness.md).
        let keys = if self.overrides.severity(&DUP_001).is_some() {
            duplicates::keys(&facts)
        } else {
            DuplicateKeys::default()
        };
        let completeness = quality::completeness(&decoded.record, &decoded.invalid);
        Checked {
            form,
            source,
            issues: sink.issues,
            completeness,
            keys,
        }
    }

    /// Writes the report of a checked record; `duplicate_of` adds CEN-DUP-001 naming the first
    /// record of the batch with the same keys.
    pub fn report(&self, checked: Checked, duplicate_of: Option<usize>) -> Report {
        let Checked {
            form,
            source,
            mut issues,
            completeness,
            keys: _,
        } = checked;
        if let Some(first) = duplicate_of {
            let mut sink = Sink::new(&self.overrides);
            sink.emit(
                &DUP_001,
                String::new(),
                Params::new().with("first", first as i64),
            );
            issues.extend(sink.issues);
        }
        issues.sort_by(|a, b| {
            a.path
                .as_bytes()
                .cmp(b.path.as_bytes())
                .then_with(|| a.rule.id.cmp(b.rule.id))
        });
        let mut counts = Counts::default();
        for issue in &issues {
            match issue.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        let not_a_record = issues.iter().any(|i| i.rule.id == structure::SCH_001.id);
        let quality = if not_a_record {
            0
        } else {
            quality::score(completeness, &counts)
        };
        let lang = self.options.lang;
        let issues = issues
            .into_iter()
            .map(|p| Issue {
                rule: p.rule.id,
                severity: p.severity,
                message: messages::render(p.rule, p.variant, &p.params, &p.path, lang),
                path: p.path,
                params: p.params,
            })
            .collect();
        Report {
            valid: counts.error == 0,
            form,
            source,
            counts,
            quality,
            issues,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_option_tables_loads_the_pack_when_the_validator_is_built() {
        let dir = std::env::temp_dir().join(format!("cen-rules-tables-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let pack = dir.join("builtin.pack");
        std::fs::write(&pack, codes_data::Tables::builtin().to_pack_bytes()).unwrap();
        let json = serde_json::json!({ "tables": pack.to_str().unwrap(), "today": "2026-01-01" });
        let validator = Validator::new(Options::from_value(&json).unwrap()).unwrap();
        assert!(!validator.tables().is_builtin());
        assert_eq!(validator.editions(), codes_data::editions().to_vec());

        let damaged = dir.join("damaged.pack");
        let mut bytes = std::fs::read(&pack).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&damaged, bytes).unwrap();
        for (path, problem) in [
            (damaged.to_str().unwrap(), "checksum"),
            ("/nonexistent/x.pack", "cannot read"),
        ] {
            let options = Options {
                tables: Some(path.to_owned()),
                ..Options::default()
            };
            let error = Validator::new(options).unwrap_err().to_string();
            assert!(error.starts_with("option `tables`: table pack"), "{error}");
            assert!(error.contains(problem), "{error}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    use super::*;
    use cen_model::flat::{flatten, Cell, Layout};

    /// The report of a row through its JSON value, the way that [`Validator::check_row`]'s text
    /// must agree with.
    fn by_value(validator: &Validator, layout: &Layout, cells: &[Cell<'_>]) -> String {
        let row = layout.record(cells);
        let checked =
            validator.check_decoded(cen_model::decode_value(&row.value).as_ref(), row.findings);
        validator.report(checked, None).to_json()
    }

    #[test]
    fn rows_written_as_text_give_the_reports_of_their_values() {
        let validator = Validator::new(Options {
            today: cen_model::Date::parse("2026-11-28"),
            ..Options::default()
        })
        .unwrap();
        let mut generator = crate::synth::Generator::new(3).invalid_share(0.5);
        let flat: Vec<Vec<(String, String)>> = (0..1500)
            .map(|_| flatten(&generator.next_record().record))
            .collect();
        let mut columns: Vec<String> = flat.iter().flatten().map(|(c, _)| c.clone()).collect();
        // Columns that are no path (top level and deeper), past a list's limit, and past the
        // items the records have (gaps).
        for extra in [
            "colour",
            "location.colour",
            "goods.25.type",
            "goods.4.quantity",
        ] {
            columns.push(extra.to_owned());
        }
        columns.sort();
        columns.dedup();
        let layout = Layout::new(&columns);
        assert!(layout.write_json(&[], &mut Vec::new()).is_some());
        let nasty = [
            Cell::Number(f64::NAN),
            Cell::Number(-0.0),
            Cell::Number(1e308),
            Cell::Number(2.5),
            Cell::Integer(i64::MAX),
            Cell::Integer(-7),
            Cell::Bool(true),
            Cell::Text("  "),
            Cell::Text("1e400"),
            Cell::Text("-0"),
            Cell::Text("00012"),
            Cell::Text("12345678901234567890"),
            Cell::Text("FR; ;DE;;"),
            Cell::Text("quote \" backslash \\ nul \u{0} line\nrtl \u{202e}"),
            Cell::Text("2026-02-30"),
        ];
        for (row, pairs) in flat.iter().enumerate() {
            let mut cells = vec![Cell::Empty; columns.len()];
            for (column, text) in pairs {
                cells[columns.binary_search(column).unwrap()] = Cell::Text(text);
            }
            // Every column gets every nasty cell in some row.
            let column = (row * 7) % columns.len();
            cells[column] = nasty[row % nasty.len()];
            cells[(column + 13) % columns.len()] = nasty[(row / 3) % nasty.len()];
            assert_eq!(
                validator
                    .report(validator.check_row(&layout, &cells), None)
                    .to_json(),
                by_value(&validator, &layout, &cells),
                "row {row}"
            );
        }
    }

    #[test]
    fn headers_whose_columns_overlap_are_read_through_the_value() {
        let layout = Layout::new(["route.transit", "route.transit.1", "route"]);
        assert!(layout.write_json(&[], &mut Vec::new()).is_none());
        let validator = Validator::new(Options::default()).unwrap();
        let cells = [Cell::Text("FR"), Cell::Text("DE"), Cell::Text("x")];
        assert_eq!(
            validator
                .report(validator.check_row(&layout, &cells), None)
                .to_json(),
            by_value(&validator, &layout, &cells)
        );
    }
}

//! Validation from JavaScript: the `Validator` class and the functions of spec 5.7 that take
//! options. Each one converts its arguments, makes one core call and returns the core's JSON
//! text, which the JavaScript wrapper (`bindings-wasm/js/cen.js`) parses into plain objects; so a report is,
//! by construction, the JSON report of every other surface.

use std::cell::RefCell;
use std::sync::Arc;

use cen_model::{Date, Fatal, MAX_RECORD_BYTES};
use cen_model::{Form, Source};
use cen_rules::{Batch, Checked, Counts, Options, Profile, Report, Validator};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use cen_model::host::Unrepresentable;

use crate::host::{self, JsHost};
use crate::tables::RawTables;

/// The longest JSON Pointer `validateField` accepts, in UTF-16 units: far beyond any path of
/// the record (they are under 64 characters), and short enough that a huge string is refused
/// before it is copied into WebAssembly memory.
const MAX_POINTER: u32 = 4096;

/// Today's UTC date from JavaScript's clock: wasm32-unknown-unknown has none of its own.
fn js_today() -> Date {
    // Evaluated when compiling: it cannot fail at run time.
    const EPOCH: Date = match Date::new(1970, 1, 1) {
        Some(date) => date,
        None => panic!("1970-01-01 is a date"),
    };
    let days = (js_sys::Date::now() / 86_400_000.0).floor();
    if days.is_finite() {
        Date::from_days_since_epoch(days as i64).unwrap_or(EPOCH)
    } else {
        EPOCH
    }
}

/// Options from a JavaScript value: `undefined` or `null` (the defaults), an object, or JSON
/// text. A value JSON cannot hold is refused with its path, rather than silently becoming
/// `null` as `JSON.stringify` would make it.
pub(crate) fn options_value(options: &JsValue) -> Result<Value, JsError> {
    let mut value = if let Some(text) = options.as_string() {
        serde_json::from_str(&text)
            .map_err(|e| options_error(&format!("the options are not valid JSON: {e}")))?
    } else {
        host::to_json(options, &mut host::refuse).map_err(|e| options_error(&e.to_string()))?
    };
    // Tables come as a `Tables` or as bytes, which the JavaScript wrapper takes out of the
    // options before they get here (see `js/cen.js`); what remains is what JSON text can hold:
    // a path, which the browser cannot read, or something that is no tables at all.
    if let Some(tables) = value.get("tables") {
        match tables {
            Value::Null => {}
            Value::String(_) => return Err(JsError::new(crate::tables::PATH_REFUSED)),
            _ => return Err(JsError::new(crate::tables::NOT_TABLES)),
        }
        if let Value::Object(map) = &mut value {
            map.remove("tables");
        }
    }
    // A profile may be given as its JSON text too; text that is not JSON (a file name, most
    // often) is refused with what a profile is.
    if let Some(Value::String(text)) = value.get("profile") {
        let profile =
            Profile::value_from_text(text).map_err(|e| options_error(&format!("profile: {e}")))?;
        value["profile"] = profile;
    }
    Ok(value)
}

fn options_error(problem: &str) -> JsError {
    JsError::new(&format!("cen: invalid options: {problem}"))
}

pub(crate) fn validator_from(options: &Value) -> Result<Validator, JsError> {
    let options = Options::from_value(options).map_err(|e| options_error(&e.to_string()))?;
    Validator::with_clock(options, js_today).map_err(|e| options_error(&e.to_string()))
}

thread_local! {
    /// The validator of the last options given to a function (not a `Validator`): a form calls
    /// `validateField` on every keystroke with the same options, and building a validator (its
    /// profile above all) need not happen each time.
    static LAST: RefCell<Option<(Value, Arc<Validator>)>> = const { RefCell::new(None) };
}

/// The validator for these options, from the cache when they are the last ones used. No borrow
/// is held while the record is read (a getter may call back into this module).
pub(crate) fn cached(options: &JsValue) -> Result<Arc<Validator>, JsError> {
    let value = options_value(options)?;
    let hit = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(seen, _)| *seen == value)
            .map(|(_, validator)| Arc::clone(validator))
    });
    if let Some(validator) = hit {
        return Ok(validator);
    }
    let validator = Arc::new(validator_from(&value)?);
    LAST.with(|last| *last.borrow_mut() = Some((value, Arc::clone(&validator))));
    Ok(validator)
}

/// The core's verdict on a record over 1 MiB, which this crate finds before the core reads it
/// (the length of a string before it is copied, or of a value's JSON text while it is read).
fn too_large(validator: &Validator) -> Checked {
    validator.check_fatal(&Fatal::TooLarge)
}

/// The UTF-8 form of a JavaScript string that has a lone surrogate, with each lone surrogate
/// written as the three bytes it would take (WTF-8): what the record's bytes would be, which
/// are not UTF-8, so that the core reports it as such (CEN-SCH-001).
fn wtf8(text: &js_sys::JsString) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.length() as usize * 3);
    for unit in char::decode_utf16(text.iter()) {
        match unit {
            Ok(c) => {
                let mut buffer = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            }
            Err(lone) => {
                let u = lone.unpaired_surrogate();
                out.extend_from_slice(&[
                    0xe0 | (u >> 12) as u8,
                    0x80 | ((u >> 6) & 0x3f) as u8,
                    0x80 | (u & 0x3f) as u8,
                ]);
            }
        }
    }
    out
}

/// Checks one record given as JSON text (a string), as the bytes of JSON text (a `Uint8Array`,
/// which Node's `Buffer` is, or an `ArrayBuffer`: as read from a file or a response), or as a
/// JavaScript value.
fn check(validator: &Validator, record: JsValue) -> Checked {
    match host::kind_of(&record) {
        host::kind::STRING => {
            let text: &js_sys::JsString = record.unchecked_ref();
            // A string's UTF-8 form is at least as long as its UTF-16 length: one over the
            // limit is refused before it is copied into WebAssembly memory.
            if text.length() as usize > MAX_RECORD_BYTES {
                return too_large(validator);
            }
            if !host::is_well_formed(text) {
                return cen_model::with_bytes_decoded(&wtf8(text), |decoded| {
                    validator.check_read(decoded)
                });
            }
            cen_model::with_json_decoded(&String::from(text), |decoded| {
                validator.check_read(decoded)
            })
        }
        host::kind::BINARY => {
            // A detached buffer has no bytes left.
            let bytes =
                host::bytes_of(&record).unwrap_or_else(|_| js_sys::Uint8Array::new_with_length(0));
            if bytes.length() as usize > MAX_RECORD_BYTES {
                return too_large(validator);
            }
            cen_model::with_bytes_decoded(&bytes.to_vec(), |decoded| validator.check_read(decoded))
        }
        _ => validator.check_host(JsHost(record)),
    }
}

fn validate_text(validator: &Validator, record: JsValue) -> String {
    validator.report(check(validator, record), None).to_json()
}

/// The report of a record given as the UTF-8 bytes of JSON text, which the wrapper makes of
/// plain JSON values (`JSON.stringify`) and of well-formed strings: one copy into WebAssembly
/// memory, where a string would be copied one UTF-16 unit at a time (see `js/cen.js`).
fn validate_utf8(validator: &Validator, bytes: &[u8]) -> String {
    report_of_utf8(validator, bytes).to_json()
}

fn report_of_utf8(validator: &Validator, bytes: &[u8]) -> Report {
    validator.report(
        cen_model::with_bytes_decoded(bytes, |decoded| validator.check_read(decoded)),
        None,
    )
}

/// A report without issues as one number, which the JavaScript `validate` and `Validator.validate` turn into
/// the report's object itself (`js/cen.js`, `unpacked`) instead of parsing the report's JSON
/// text: that parse, and carrying the text out of WebAssembly, took a tenth of `validate` on an
/// object. Bit 0 set: a report without issues; bit 1: `valid`; bit 2: the form (0 `long`, 1
/// `simplified`); bits 3 and 4: the source (0 `cen`, 1 `ncen`, 2 `cencomm`); bits 8 to 15:
/// `quality`. `None` for a report with issues, which goes as JSON text.
fn packed(report: &Report) -> Option<u32> {
    if !report.issues.is_empty() || report.counts != Counts::default() {
        return None;
    }
    let form: u32 = match report.form {
        Form::Long => 0,
        Form::Simplified => 1,
    };
    let source: u32 = match report.source {
        Source::Cen => 0,
        Source::Ncen => 1,
        Source::Cencomm => 2,
    };
    Some(
        1 | u32::from(report.valid) << 1 | form << 2 | source << 3 | u32::from(report.quality) << 8,
    )
}

/// The most report text one `validateMany` call returns: past it, memory (and the longest
/// string JavaScript can hold) would run out; a `Batch` takes any number of records.
const MAX_BATCH_TEXT: usize = 256 * 1024 * 1024;

fn validate_many_text(validator: &Arc<Validator>, records: JsValue) -> Result<String, JsError> {
    let not_array =
        || JsError::new("cen: validateMany expects an array of records (objects or JSON strings)");
    let records = host::ArrayItems::of(records).ok_or_else(not_array)?;
    let mut batch = Batch::new(Arc::clone(validator));
    let mut out = String::from("[");
    for (index, record) in records.enumerate() {
        let record = record.map_err(|e| JsError::new(&format!("cen: validateMany: {e}")))?;
        if index > 0 {
            out.push(',');
        }
        out.push_str(&batch.finish(check(validator, record)).to_json());
        if out.len() > MAX_BATCH_TEXT {
            return Err(JsError::new(
                "cen: validateMany: the reports would exceed 256 MiB; validate fewer records per call, or use a Batch",
            ));
        }
    }
    out.push(']');
    Ok(out)
}

/// The issues of one field, as JSON text; `None` when the value or the record holds a
/// non-finite number, which a JSON value cannot carry (the wrapper then validates the whole
/// record as a JavaScript value instead, see `bindings-wasm/js/cen.js`).
fn validate_field_text(
    validator: &Validator,
    path: JsValue,
    value: JsValue,
    record: JsValue,
) -> Result<Option<String>, JsError> {
    let pointer = match path.dyn_ref::<js_sys::JsString>() {
        Some(text) if text.length() <= MAX_POINTER => String::from(text),
        Some(_) => return Err(JsError::new("cen: validateField: the path is too long")),
        None => return Err(JsError::new(
            "cen: validateField: the path must be a JSON Pointer string such as \"/goods/0/unit\"",
        )),
    };
    let mut non_finite = false;
    // A value JSON cannot hold reads as a boolean would (no field takes either), so `true`
    // stands in for it and gives exactly the CEN-SCH-002 that `validate` gives.
    let mut stand_in = |_: &str, what: Unrepresentable| {
        if matches!(what, Unrepresentable::NonFinite(_)) {
            non_finite = true;
        }
        Ok(Value::Bool(true))
    };
    let converted = host::to_json(&value, &mut stand_in).and_then(|value| {
        let record = if record.is_undefined() || record.is_null() {
            None
        } else {
            Some(host::to_json(&record, &mut stand_in)?)
        };
        Ok((value, record))
    });
    let (value, record) = match converted {
        Ok(converted) => converted,
        // Not readable as a record (too large, too deep, a getter that threw): the core's
        // verdict is CEN-SCH-001 at the root, which is no field's issue.
        Err(_) => return Ok(Some("[]".to_owned())),
    };
    if non_finite {
        return Ok(None);
    }
    field_issues(validator, &pointer, &value, record.as_ref()).map(Some)
}

fn pointer_of(path: &JsValue) -> Result<String, JsError> {
    match path.dyn_ref::<js_sys::JsString>() {
        Some(text) if text.length() <= MAX_POINTER => Ok(String::from(text)),
        Some(_) => Err(JsError::new("cen: validateField: the path is too long")),
        None => Err(JsError::new(
            "cen: validateField: the path must be a JSON Pointer string such as \"/goods/0/unit\"",
        )),
    }
}

fn field_issues(
    validator: &Validator,
    pointer: &str,
    value: &Value,
    record: Option<&Value>,
) -> Result<String, JsError> {
    match validator.validate_field(pointer, value, record) {
        Some(issues) => Ok(serde_json::to_string(&issues).unwrap_or_default()),
        None => Err(JsError::new(&format!(
            "cen: validateField: `{pointer}` is not a JSON Pointer to a field of the record"
        ))),
    }
}

/// [`validate_field_text`] for a value and a record given as JSON text (the wrapper's fast
/// path for plain JSON values, which skips reading them value by value).
fn validate_field_json(
    validator: &Validator,
    path: JsValue,
    value: &str,
    record: Option<String>,
) -> Result<String, JsError> {
    let pointer = pointer_of(&path)?;
    let parse = |text: &str| {
        serde_json::from_str::<Value>(text)
            .map_err(|e| JsError::new(&format!("cen: validateField: {e}")))
    };
    let value = parse(value)?;
    let record = record.as_deref().map(parse).transpose()?;
    field_issues(validator, &pointer, &value, record.as_ref())
}

/// Validates one record: an object, or JSON text. Returns the report as JSON text (spec 5.2).
#[wasm_bindgen(js_name = validateToJson)]
pub fn validate_to_json(record: JsValue, options: JsValue) -> Result<String, JsError> {
    Ok(validate_text(&*cached(&options)?, record))
}

/// Validates one record given as the UTF-8 bytes of JSON text. Returns the report as JSON text.
#[wasm_bindgen(js_name = validateUtf8ToJson)]
pub fn validate_utf8_to_json(bytes: &[u8], options: JsValue) -> Result<String, JsError> {
    Ok(validate_utf8(&*cached(&options)?, bytes))
}

/// `validateUtf8ToJson` for the JavaScript `validate`: a report without issues comes back
/// packed (see `packed`), any other as 0, its JSON text kept for `takeReportJson`.
#[wasm_bindgen(js_name = validateUtf8Packed)]
pub fn validate_utf8_packed(bytes: &[u8], options: JsValue) -> Result<u32, JsError> {
    let report = report_of_utf8(&*cached(&options)?, bytes);
    Ok(packed(&report).unwrap_or_else(|| {
        HELD.with(|held| *held.borrow_mut() = report.to_json());
        0
    }))
}

/// The JSON text of the report the function `validateUtf8Packed` last kept (empty once taken).
#[wasm_bindgen(js_name = takeReportJson)]
pub fn take_report_json() -> String {
    HELD.with(|held| std::mem::take(&mut *held.borrow_mut()))
}

thread_local! {
    /// The report text the function `validateUtf8Packed` could not pack, until it is taken.
    static HELD: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Validates `record` (JSON text) `times` times with `options`, writing each report's JSON:
/// for `bench/bench.mjs`, which times it to tell the core's own time in WebAssembly from what
/// crossing the boundary and JavaScript add. Not part of the API. Returns the length of the
/// reports, so that nothing is optimised away.
#[wasm_bindgen(js_name = __benchCore)]
pub fn bench_core(record: &str, times: u32, options: JsValue) -> Result<usize, JsError> {
    let validator = cached(&options)?;
    Ok((0..times)
        .map(|_| validator.validate_json(record).to_json().len())
        .sum())
}

/// Validates records as one batch, with duplicate detection (CEN-DUP-001). Returns a JSON
/// array of reports.
#[wasm_bindgen(js_name = validateManyToJson)]
pub fn validate_many_to_json(records: JsValue, options: JsValue) -> Result<String, JsError> {
    validate_many_text(&cached(&options)?, records)
}

/// The issues of one field as a JSON array (see `Validator.validateField`).
#[wasm_bindgen(js_name = validateFieldToJson)]
pub fn validate_field_to_json(
    path: JsValue,
    value: JsValue,
    record: JsValue,
    options: JsValue,
) -> Result<Option<String>, JsError> {
    validate_field_text(&*cached(&options)?, path, value, record)
}

/// The issues of one field as a JSON array, the value and the record given as JSON text.
#[wasm_bindgen(js_name = validateFieldTextToJson)]
pub fn validate_field_text_to_json(
    path: JsValue,
    value: &str,
    record: Option<String>,
    options: JsValue,
) -> Result<String, JsError> {
    validate_field_json(&*cached(&options)?, path, value, record)
}

/// A validator with fixed options (spec 5.1), to validate many records.
#[wasm_bindgen(js_name = RawValidator)]
pub struct RawValidator {
    inner: Arc<Validator>,
    /// The JSON text of the last report `validateUtf8Packed` could not pack, until it is taken.
    held: RefCell<String>,
}

#[wasm_bindgen(js_class = RawValidator)]
impl RawValidator {
    /// Reads the options; throws an `Error` naming what is wrong with them.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<RawValidator, JsError> {
        Ok(RawValidator {
            inner: Arc::new(validator_from(&options_value(&options)?)?),
            held: RefCell::default(),
        })
    }

    /// A validator with these options that checks against the tables of a pack (spec 7.2); the
    /// pack is shared, not copied, and stays loaded as long as the validator lives.
    #[wasm_bindgen(js_name = withTables)]
    pub fn with_tables(options: JsValue, tables: &RawTables) -> Result<RawValidator, JsError> {
        let validator = validator_from(&options_value(&options)?)?;
        Ok(RawValidator {
            inner: Arc::new(validator.with_tables(tables.tables().clone())),
            held: RefCell::default(),
        })
    }

    /// The editions of the tables this validator checks against (the pack's when it has one),
    /// as JSON text.
    #[wasm_bindgen(js_name = editionsJson)]
    pub fn editions_json(&self) -> String {
        cen_rules::lookups::editions_of(self.inner.tables()).to_string()
    }

    /// A batch of this validator that reports records one at a time, finding duplicates.
    pub fn batch(&self) -> RawBatch {
        RawBatch {
            validator: Arc::clone(&self.inner),
            batch: RefCell::new(Batch::new(Arc::clone(&self.inner))),
        }
    }

    /// The report of one record, as JSON text.
    #[wasm_bindgen(js_name = validateToJson)]
    pub fn validate_to_json(&self, record: JsValue) -> String {
        validate_text(&self.inner, record)
    }

    /// The report of one record given as the UTF-8 bytes of JSON text, as JSON text.
    #[wasm_bindgen(js_name = validateUtf8ToJson)]
    pub fn validate_utf8_to_json(&self, bytes: &[u8]) -> String {
        validate_utf8(&self.inner, bytes)
    }

    /// Validates a record given as UTF-8 JSON text for `Validator.validate`: a report without
    /// issues comes back packed (see `packed`), any other as 0, its JSON text kept for
    /// `takeReportJson`.
    #[wasm_bindgen(js_name = validateUtf8Packed)]
    pub fn validate_utf8_packed(&self, bytes: &[u8]) -> u32 {
        let report = report_of_utf8(&self.inner, bytes);
        packed(&report).unwrap_or_else(|| {
            *self.held.borrow_mut() = report.to_json();
            0
        })
    }

    /// The JSON text of the report `validateUtf8Packed` last kept (empty once taken).
    #[wasm_bindgen(js_name = takeReportJson)]
    pub fn take_report_json(&self) -> String {
        std::mem::take(&mut *self.held.borrow_mut())
    }

    /// The reports of a batch, as a JSON array.
    #[wasm_bindgen(js_name = validateManyToJson)]
    pub fn validate_many_to_json(&self, records: JsValue) -> Result<String, JsError> {
        validate_many_text(&self.inner, records)
    }

    /// The issues of one field, as a JSON array.
    #[wasm_bindgen(js_name = validateFieldToJson)]
    pub fn validate_field_to_json(
        &self,
        path: JsValue,
        value: JsValue,
        record: JsValue,
    ) -> Result<Option<String>, JsError> {
        validate_field_text(&self.inner, path, value, record)
    }

    /// The issues of one field, the value and the record given as JSON text.
    #[wasm_bindgen(js_name = validateFieldTextToJson)]
    pub fn validate_field_text_to_json(
        &self,
        path: JsValue,
        value: &str,
        record: Option<String>,
    ) -> Result<String, JsError> {
        validate_field_json(&self.inner, path, value, record)
    }
}

/// Records reported one at a time, in order, as one batch (CEN-DUP-001 across all of them):
/// for streams too long to hold in one array.
#[wasm_bindgen(js_name = RawBatch)]
pub struct RawBatch {
    /// The batch's validator, to check a record without borrowing the batch.
    validator: Arc<Validator>,
    // Interior mutability, borrowed only once the record has been read: a getter of the record
    // may call back into this very batch, and `&mut self` would make that re-entry throw.
    batch: RefCell<Batch>,
}

#[wasm_bindgen(js_class = RawBatch)]
impl RawBatch {
    /// The report of the next record of the batch, as JSON text.
    #[wasm_bindgen(js_name = validateToJson)]
    pub fn validate_to_json(&self, record: JsValue) -> String {
        self.next_report(check(&self.validator, record))
    }

    /// The report of the next record of the batch, given as the UTF-8 bytes of JSON text.
    #[wasm_bindgen(js_name = validateUtf8ToJson)]
    pub fn validate_utf8_to_json(&self, bytes: &[u8]) -> String {
        let checked =
            cen_model::with_bytes_decoded(bytes, |decoded| self.validator.check_read(decoded));
        self.next_report(checked)
    }

    /// How many records the batch has reported.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.batch.borrow().len()
    }
}

impl RawBatch {
    /// The report of a checked record as the next of the batch.
    fn next_report(&self, checked: Checked) -> String {
        self.batch.borrow_mut().finish(checked).to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cen_model::Enumeration;

    fn validator(options: Options) -> Validator {
        Validator::new(Options {
            today: Date::parse("2026-11-28"),
            ..options
        })
        .expect("options")
    }

    #[test]
    fn a_report_without_issues_packs_every_field_and_one_with_issues_does_not() {
        let record = include_str!("../../examples/records/long-air-passenger.json");
        let mut packed_reports = 0;
        for form in [Form::Long, Form::Simplified] {
            for source in [Source::Cen, Source::Ncen, Source::Cencomm] {
                let report = report_of_utf8(
                    &validator(Options {
                        form: Some(form),
                        source: Some(source),
                        ..Options::default()
                    }),
                    record.as_bytes(),
                );
                let Some(code) = packed(&report) else {
                    assert!(!report.issues.is_empty());
                    continue;
                };
                assert_eq!(code & 1, 1);
                assert_eq!(code & 2 != 0, report.valid);
                assert_eq!(
                    ["long", "simplified"][(code >> 2 & 1) as usize],
                    form.as_str()
                );
                let sources = ["cen", "ncen", "cencomm"];
                assert_eq!(sources[(code >> 3 & 3) as usize], source.as_str());
                assert_eq!(code >> 8, u32::from(report.quality));
                packed_reports += 1;
            }
        }
        assert!(
            packed_reports >= 3,
            "{packed_reports} reports without issues"
        );
        let invalid = report_of_utf8(&validator(Options::default()), b"{}");
        assert!(!invalid.issues.is_empty());
        assert_eq!(packed(&invalid), None);
    }
}

//! Checking a whole file of records in the browser (the seizure form's "check a file"): the
//! file's bytes are read by cen-files, the readers the `cen` command line uses, and every record
//! is validated as one batch (CEN-DUP-001 across the file), exactly as `cen validate` does.

use std::sync::Arc;

use cen_files::{FileReader, Format};
use cen_model::flat::column_of;
use cen_rules::{Batch, Validator};
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

use crate::tables::RawTables;
use crate::validate::{cached, options_value, validator_from};

/// Reads and validates a whole file (its bytes and its name, whose extension says its format:
/// `.json`, `.ndjson`/`.jsonl`, `.csv`, `.xlsx`) and returns, as JSON text:
/// `{ "format", "records", "valid", "invalid", "warnings": [text], "stopped": text | null,
///    "issues": [{ "record", "line", "rule", "severity", "path", "column", "message" }] }`,
/// `record` counting from 0 and `line` the file's line (Excel: row) where the record starts.
/// A file that cannot be read at all (not the format its name says, a zip bomb, an empty
/// file) throws an `Error` with a message for a person; a problem part-way through ends the
/// file with `stopped` set, after the records before it.
#[wasm_bindgen(js_name = checkFileJson)]
pub fn check_file_json(
    bytes: Vec<u8>,
    file_name: &str,
    options: JsValue,
) -> Result<String, JsError> {
    check_file(bytes, file_name, cached(&options)?)
}

/// [`check_file_json`] against the tables of a pack (spec 7.2), loaded into this module's own
/// instance (the JavaScript wrapper keeps it for the next file).
#[wasm_bindgen(js_name = checkFileWithTablesJson)]
pub fn check_file_with_tables_json(
    bytes: Vec<u8>,
    file_name: &str,
    options: JsValue,
    tables: &RawTables,
) -> Result<String, JsError> {
    let validator = validator_from(&options_value(&options)?)?.with_tables(tables.tables().clone());
    check_file(bytes, file_name, Arc::new(validator))
}

fn check_file(
    bytes: Vec<u8>,
    file_name: &str,
    validator: Arc<Validator>,
) -> Result<String, JsError> {
    let extension = file_name.rsplit_once('.').map_or("", |(_, e)| e);
    let format = Format::of_extension(extension).ok_or_else(|| {
        JsError::new(&format!(
            "cen: `{file_name}` is not a file of records: its name should end in .json, .ndjson, .jsonl, .csv or .xlsx"
        ))
    })?;
    let mut reader = FileReader::from_bytes(bytes, format).map_err(|e| JsError::new(&e))?;
    let warnings: Vec<Value> = reader.warnings().iter().map(|w| json!(w)).collect();
    let mut batch = Batch::new(Arc::clone(&validator));
    let mut issues = Vec::new();
    let (mut records, mut valid) = (0usize, 0usize);
    let mut stopped = Value::Null;
    loop {
        let raw = match reader.next_record() {
            Ok(Some(raw)) => raw,
            Ok(None) => break,
            Err(problem) => {
                stopped = json!(problem);
                break;
            }
        };
        // The check cen-files gives every reader's record, as `cen validate` does.
        let report = batch.finish(raw.check(&validator));
        if report.valid {
            valid += 1;
        }
        for issue in &report.issues {
            let mut item = Map::new();
            item.insert("record".into(), json!(records));
            item.insert("line".into(), json!(raw.line));
            item.insert("rule".into(), json!(issue.rule));
            item.insert("severity".into(), json!(issue.severity.as_str()));
            item.insert("path".into(), json!(issue.path));
            let column = if format.is_flat() {
                column_of(&issue.path)
            } else {
                None
            };
            item.insert("column".into(), column.map_or(Value::Null, |c| json!(c)));
            item.insert("message".into(), json!(issue.message));
            issues.push(Value::Object(item));
        }
        records += 1;
    }
    let format_name = match format {
        Format::Json => "json",
        Format::Ndjson => "ndjson",
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
    };
    Ok(json!({
        "format": format_name,
        "records": records,
        "valid": valid,
        "invalid": records - valid,
        "warnings": warnings,
        "stopped": stopped,
        "issues": issues,
    })
    .to_string())
}

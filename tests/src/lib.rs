//! Cross-surface conformance vectors (`tests/vectors/*.json`): loading them and running them
//! through the Rust core. The Python, JavaScript and C suites read the same files.
//!
//! A case has `options` (always with `today`), one input (`input`: a JSON value; `input_text`:
//! JSON text, possibly broken; `input_hex`: bytes, possibly not UTF-8) or a `batch` of inputs
//! (a string item is JSON text), the issues it must report written by hand (`expect`,
//! `expect_batch`), and the complete report (`report`, `reports`) added by the `bless` tool.

pub mod entry;

use std::path::{Path, PathBuf};

use cen_rules::{Report, Validator};
use serde_json::Value;

/// The folder of the vectors.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// Every vector file, sorted by name, with its parsed content.
pub fn vector_files() -> Vec<(PathBuf, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable vector file");
            let value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, value)
        })
        .collect()
}

/// One input of a case.
#[derive(Debug, Clone)]
pub enum CaseInput {
    /// A JSON value.
    Value(Value),
    /// JSON text.
    Text(String),
    /// Raw bytes.
    Bytes(Vec<u8>),
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

/// The single input of a case, if it is not a batch.
pub fn case_input(case: &Value) -> Option<CaseInput> {
    if let Some(value) = case.get("input") {
        Some(CaseInput::Value(value.clone()))
    } else if let Some(text) = case.get("input_text").and_then(Value::as_str) {
        Some(CaseInput::Text(text.to_owned()))
    } else {
        case.get("input_hex")
            .and_then(Value::as_str)
            .map(|h| CaseInput::Bytes(hex(h)))
    }
}

/// The inputs of a batch case.
pub fn batch_inputs(case: &Value) -> Option<Vec<CaseInput>> {
    case.get("batch").and_then(Value::as_array).map(|items| {
        items
            .iter()
            .map(|item| match item {
                Value::String(text) => CaseInput::Text(text.clone()),
                other => CaseInput::Value(other.clone()),
            })
            .collect()
    })
}

/// The validator of a case's options.
pub fn validator(case: &Value) -> Validator {
    Validator::from_json_options(&case["options"].to_string())
        .unwrap_or_else(|e| panic!("{}: options: {e}", case["name"]))
}

/// The report of one input, by the path that fits it.
pub fn report_of(validator: &Validator, input: &CaseInput) -> Report {
    match input {
        CaseInput::Value(value) => validator.validate_value(value),
        CaseInput::Text(text) => validator.validate_json(text),
        CaseInput::Bytes(bytes) => validator.validate_bytes(bytes),
    }
}

/// The reports of a case: one for a single input, one per item for a batch.
pub fn run_case(case: &Value) -> Vec<Report> {
    run_case_with(case, None)
}

/// [`run_case`] with the validator checking against `tables` (a table pack) when given.
pub fn run_case_with(case: &Value, tables: Option<&codes_data::Tables>) -> Vec<Report> {
    let mut validator = validator(case);
    if let Some(tables) = tables {
        validator = validator.with_tables(tables.clone());
    }
    match batch_inputs(case) {
        Some(inputs) => {
            let texts: Vec<Vec<u8>> = inputs
                .iter()
                .map(|i| match i {
                    CaseInput::Value(v) => v.to_string().into_bytes(),
                    CaseInput::Text(t) => t.clone().into_bytes(),
                    CaseInput::Bytes(b) => b.clone(),
                })
                .collect();
            validator.validate_many(texts.iter().map(Vec::as_slice))
        }
        None => vec![report_of(
            &validator,
            &case_input(case).expect("a case has an input"),
        )],
    }
}

/// The issues of a report in the shape of `expect`: rule, path and (non-empty) params.
pub fn issues_as_expected(report: &Value) -> Vec<Value> {
    report["issues"]
        .as_array()
        .map(|issues| {
            issues
                .iter()
                .map(|issue| {
                    let mut out = serde_json::json!({"rule": issue["rule"], "path": issue["path"]});
                    if issue["params"].as_object().is_some_and(|p| !p.is_empty()) {
                        out["params"] = issue["params"].clone();
                    }
                    out
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The hand-written expectations of a case, one list per report.
pub fn expectations(case: &Value) -> Vec<Vec<Value>> {
    if let Some(batch) = case.get("expect_batch").and_then(Value::as_array) {
        batch
            .iter()
            .map(|e| e.as_array().cloned().unwrap_or_default())
            .collect()
    } else {
        vec![case["expect"].as_array().cloned().unwrap_or_default()]
    }
}

/// The blessed reports of a case, as compact JSON text.
pub fn blessed(case: &Value) -> Option<Vec<String>> {
    if let Some(reports) = case.get("reports").and_then(Value::as_array) {
        Some(reports.iter().map(Value::to_string).collect())
    } else {
        case.get("report").map(|r| vec![r.to_string()])
    }
}

/// Compares two sets of issues ignoring order (the expectations are written by hand in any
/// order; the report's order is checked by the byte comparison).
pub fn same_issues(expected: &[Value], found: &[Value]) -> bool {
    let key = |v: &Value| v.to_string();
    let mut a: Vec<String> = expected.iter().map(key).collect();
    let mut b: Vec<String> = found.iter().map(key).collect();
    a.sort();
    b.sort();
    a == b
}

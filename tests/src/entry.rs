//! The data-entry vectors (tests/data-entry, spec 6): code search cases and form models that
//! every surface answers identically.

use std::path::PathBuf;

use cen_rules::search::{SearchIndex, SearchOptions, Table};
use cen_rules::Options;
use serde_json::Value;

/// `tests/data-entry`.
pub fn entry_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data-entry")
}

/// `search.json` and `form-model.json` with their contents.
pub fn entry_files() -> Vec<(PathBuf, Value)> {
    ["form-model.json", "search.json"]
        .iter()
        .map(|name| {
            let path = entry_dir().join(name);
            let text = std::fs::read_to_string(&path).expect("readable data-entry file");
            let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (path, value)
        })
        .collect()
}

/// The core's results for a search case, or the error for its table or options.
pub fn answer_search(case: &Value) -> Result<Value, String> {
    let table = case["table"]
        .as_str()
        .and_then(Table::from_name)
        .ok_or("unknown table")?;
    let options = SearchOptions::from_value(&case["options"]).map_err(|e| e.to_string())?;
    let query = case["query"].as_str().unwrap_or_default();
    Ok(Value::Array(cen_rules::search::search(
        table, query, &options,
    )))
}

/// The same through an index built from any names (the WebAssembly binding's way).
pub fn answer_search_with<N: cen_rules::search::NameSource>(
    index: &SearchIndex<N>,
    case: &Value,
) -> Result<Value, String> {
    let table = case["table"]
        .as_str()
        .and_then(Table::from_name)
        .ok_or("unknown table")?;
    let options = SearchOptions::from_value(&case["options"]).map_err(|e| e.to_string())?;
    let query = case["query"].as_str().unwrap_or_default();
    Ok(Value::Array(index.search(table, query, &options)))
}

/// The core's form model for a form-model case.
pub fn answer_form_model(case: &Value) -> Result<Value, String> {
    let options = Options::from_value(&case["options"]).map_err(|e| e.to_string())?;
    Ok(cen_rules::form_model(&options))
}

/// What contradicts the case's hand-written expectations in an answer.
pub fn expectation_problems(case: &Value, answer: &Value) -> Vec<String> {
    let codes: Vec<&str> = answer
        .as_array()
        .map(|results| results.iter().filter_map(|r| r["code"].as_str()).collect())
        .unwrap_or_default();
    let mut problems = Vec::new();
    if let Some(first) = case.get("expect_first").and_then(Value::as_str) {
        if codes.first() != Some(&first) {
            problems.push(format!("expected {first} first, found {codes:?}"));
        }
    }
    if let Some(wanted) = case.get("expect_contains").and_then(Value::as_array) {
        for code in wanted.iter().filter_map(Value::as_str) {
            if !codes.contains(&code) {
                problems.push(format!("expected {code} among {codes:?}"));
            }
        }
    }
    if let Some(count) = case.get("expect_count").and_then(Value::as_u64) {
        if codes.len() as u64 != count {
            problems.push(format!("expected {count} results, found {}", codes.len()));
        }
    }
    problems
}

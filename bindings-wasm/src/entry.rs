//! Data entry (spec 6): the form model and code search.
//!
//! `formModel(options)` is the core's document as JSON text. `search(table, query, options)`
//! needs the names of the places, airports and HS entries, which the `.wasm` is built without:
//! it works once `loadNames()` has loaded the names file. The search index is built from that
//! file on the first search after it (see `docs/wasm.md` for its cost) and lives beside the
//! names, in this instance's memory, until the instance is dropped.

use std::cell::OnceCell;

use cen_rules::search::{SearchIndex, SearchOptions, Table, TablesNames};
use cen_rules::Options;
use wasm_bindgen::prelude::*;

use crate::names::Names;
use crate::tables::RawTables;

thread_local! {
    static INDEX: OnceCell<SearchIndex<&'static Names>> = const { OnceCell::new() };
}

/// The form model for these options (spec 6.1) as JSON text: `undefined` or `null` for the
/// defaults, an object, or JSON text. Throws an `Error` for options that are not valid.
#[wasm_bindgen(js_name = formModelJson)]
pub fn form_model_json(options: JsValue) -> Result<String, JsError> {
    let value = crate::validate::options_value(&options)?;
    let options = Options::from_value(&value)
        .map_err(|e| JsError::new(&format!("cen: invalid options: {e}")))?;
    Ok(cen_rules::form_model_json(&options))
}

/// The text of a query: a string as it is, a number as JavaScript writes it, anything else
/// empty (no result).
fn query_of(query: &JsValue) -> String {
    if let Some(text) = query.as_string() {
        return text;
    }
    match query.as_f64() {
        Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", n as i64),
        Some(n) if n.is_finite() => n.to_string(),
        _ => String::new(),
    }
}

/// What a search is asked: the table, the options, the query's text and the loaded names.
/// Throws for an unknown table, bad options, or names not loaded.
fn search_request(
    table: &JsValue,
    query: &JsValue,
    options: &JsValue,
) -> Result<(Table, SearchOptions, String, &'static Names), JsError> {
    let name = table.as_string().unwrap_or_default();
    let table = Table::from_name(&name).ok_or_else(|| {
        JsError::new(&format!(
            "cen: search: unknown table `{name}` (tables: location, airport, seaport, country, currency, hs)"
        ))
    })?;
    let value = crate::validate::options_value(options)?;
    let options = SearchOptions::from_value(&value)
        .map_err(|e| JsError::new(&format!("cen: search: {e}")))?;
    let names = crate::reference::loaded_names().ok_or_else(|| {
        JsError::new("cen: search needs the names file: call `await loadNames()` first")
    })?;
    Ok((table, options, query_of(query), names))
}

/// Searches a code table (spec 6.2): the results as JSON text (an array). Throws an `Error` for
/// an unknown table or bad options, or when the names file is not loaded; never for a query.
#[wasm_bindgen(js_name = searchJson)]
pub fn search_json(table: JsValue, query: JsValue, options: JsValue) -> Result<String, JsError> {
    let (table, options, query, names) = search_request(&table, &query, &options)?;
    Ok(INDEX.with(|cell| {
        let index = cell.get_or_init(|| SearchIndex::build(names));
        serde_json::Value::Array(index.search(table, &query, &options)).to_string()
    }))
}

/// Search in a table pack (its other methods are in `tables.rs`).
#[wasm_bindgen(js_class = RawTables)]
impl RawTables {
    /// Searches a code table (spec 6.2) with the tables of the pack (the names and HS
    /// descriptions it carries): the results as JSON text, as `searchJson` gives them. Needs
    /// the names file (for the texts a pack without them lacks); the pack's index is built by
    /// its first search and kept with the pack.
    #[wasm_bindgen(js_name = searchJson)]
    pub fn search_json(
        &self,
        table: JsValue,
        query: JsValue,
        options: JsValue,
    ) -> Result<String, JsError> {
        let (table, options, query, names) = search_request(&table, &query, &options)?;
        let index = self.index.get_or_init(|| {
            let tables = self.tables().clone();
            SearchIndex::build_with(tables.clone(), TablesNames::new(tables, names))
        });
        Ok(serde_json::Value::Array(index.search(table, &query, &options)).to_string())
    }

    /// Whether the pack's search index is built.
    #[wasm_bindgen(js_name = searchReady)]
    pub fn search_ready(&self) -> bool {
        self.index.get().is_some()
    }
}

/// Whether the search index is built (the first search after `loadNames()` builds it).
#[wasm_bindgen(js_name = searchReady)]
pub fn search_ready() -> bool {
    INDEX.with(|cell| cell.get().is_some())
}

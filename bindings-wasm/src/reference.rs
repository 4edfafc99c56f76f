//! Reference data and what goes with it besides validation: look-ups (spec 5.3b) and the names
//! file that completes them, labels, the rule catalogue, the table editions and the JSON Schema
//! (spec 5.3a, 5.7), and the projection to CEN. Each returns the core's JSON text, which the
//! JavaScript wrapper parses.

use cen_rules::lookups::{self, Table};
use cen_rules::Lang;
use codes_data::HsEdition;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use cen_model::host::ReadError;

use crate::host;
use crate::names::Names;

thread_local! {
    /// The names file, once `loadNames` has given it (see `names.rs`).
    /// Kept for the life of the instance (leaked once), so that the search index can borrow it.
    static NAMES: std::cell::OnceCell<&'static Names> = const { std::cell::OnceCell::new() };
}

/// Reads the names file (`dist/cen_names.txt`, as UTF-8 bytes): from then on the look-ups give
/// place names, airport names and cities, UN/LOCODE subdivisions, IATA codes and remarks, and HS
/// descriptions. Throws an `Error` when the bytes are not the names file of these tables.
/// Loading it again changes nothing.
#[wasm_bindgen(js_name = loadNames)]
pub fn load_names(bytes: Vec<u8>) -> Result<(), JsError> {
    if names_loaded() {
        return Ok(());
    }
    let fail = |problem: &str| JsError::new(&format!("cen: loadNames: {problem}"));
    let text = String::from_utf8(bytes).map_err(|_| fail("the names file is not UTF-8"))?;
    let names = Names::parse(text).map_err(|problem| fail(&problem))?;
    NAMES.with(|cell| {
        // Checked above, and nothing between can have set it.
        let _ = cell.set(Box::leak(Box::new(names)));
    });
    Ok(())
}

/// The names file, when loaded.
pub(crate) fn loaded_names() -> Option<&'static Names> {
    NAMES.with(|cell| cell.get().copied())
}

/// Whether the names file is loaded.
#[wasm_bindgen(js_name = namesLoaded)]
pub fn names_loaded() -> bool {
    NAMES.with(|cell| cell.get().is_some())
}

/// A look-up object as JSON text, with its texts put back when the names are loaded.
fn filled(value: Option<Value>, fill: fn(&Names, &mut Value)) -> Option<String> {
    let mut value = value?;
    NAMES.with(|cell| {
        if let Some(names) = cell.get() {
            fill(names, &mut value);
        }
    });
    Some(value.to_string())
}

/// The longest text a look-up reads, in UTF-16 units: a longer string is not copied into
/// WebAssembly memory. It is longer than the core's limit in bytes, which a string of more
/// UTF-16 units always exceeds, so that every surface finds the same text in no table.
const MAX_CODE: u32 = lookups::MAX_LOOKUP_TEXT as u32;

/// The language of a `lang` argument: English when absent.
pub(crate) fn lang_of(lang: &JsValue) -> Result<Lang, JsError> {
    if lang.is_undefined() || lang.is_null() {
        return Ok(Lang::En);
    }
    let Some(text) = lang.dyn_ref::<js_sys::JsString>() else {
        return Err(JsError::new(
            "cen: the language must be a string: one of en, fr, es, ru, ar, pt",
        ));
    };
    // No language code is long: a long string is named by its beginning, not copied whole.
    let code = if text.length() <= 16 {
        String::from(text)
    } else {
        format!("{}…", String::from(text.slice(0, 16)))
    };
    cen_rules::parse_lang(&code).map_err(|e| JsError::new(&format!("cen: {e}")))
}

/// A code argument as text, when it is a string short enough to be a code.
pub(crate) fn code_of(code: &JsValue) -> Option<String> {
    code.dyn_ref::<js_sys::JsString>()
        .filter(|text| text.length() <= MAX_CODE)
        .map(String::from)
}

/// The look-up of what a person typed in `table`, as JSON text with the names file's texts.
fn lookup(table: Table, code: &JsValue, lang: Lang) -> Option<String> {
    let found = lookups::lookup(table, &code_of(code)?, lang);
    match table {
        Table::Location => filled(found, Names::fill_location),
        Table::Airport => filled(found, Names::fill_airport),
        Table::Hs => filled(found, Names::fill_hs),
        Table::Country | Table::Currency => found.map(|v| v.to_string()),
    }
}

/// The labels of every enumeration's values in one language (spec 2.9), as JSON text.
#[wasm_bindgen(js_name = labelsJson)]
pub fn labels_json(lang: JsValue) -> Result<String, JsError> {
    Ok(lookups::labels(lang_of(&lang)?).to_string())
}

/// The label of a field (a JSON Pointer such as `/goods/0/unit`, or a dotted path).
#[wasm_bindgen(js_name = fieldLabel)]
pub fn field_label(path: JsValue, lang: JsValue) -> Result<String, JsError> {
    let lang = lang_of(&lang)?;
    let path = path
        .dyn_ref::<js_sys::JsString>()
        .filter(|text| text.length() <= 4096)
        .map(String::from)
        .ok_or_else(|| JsError::new("cen: fieldLabel: the path must be a string"))?;
    Ok(cen_rules::field_label(&path, lang))
}

/// The rule catalogue (spec 5.3a), as JSON text.
#[wasm_bindgen(js_name = rulesJson)]
pub fn rules_json() -> String {
    cen_rules::catalogue_json().to_string()
}

/// The editions of the code tables (spec 5.3a), as JSON text: the built-in tables' (a
/// validator with a table pack reports its own, `RawValidator.editionsJson`).
#[wasm_bindgen(js_name = editionsJson)]
pub fn editions_json() -> String {
    lookups::editions().to_string()
}

/// The JSON Schema of the record, as JSON text.
#[wasm_bindgen(js_name = schemaJson)]
pub fn schema_json() -> String {
    cen_model::schema::schema().to_string()
}

/// A country by its ISO 3166-1 alpha-2 code (or `XX`, `XZ`), as JSON text; `undefined` when
/// there is none.
#[wasm_bindgen(js_name = lookupCountryJson)]
pub fn lookup_country_json(code: JsValue, lang: JsValue) -> Result<Option<String>, JsError> {
    let lang = lang_of(&lang)?;
    Ok(lookup(Table::Country, &code, lang))
}

/// A location code (IATA, ICAO or UN/LOCODE) as validation resolves it, as JSON text. Until
/// the names are loaded its texts (name, subdivision, IATA code of a UN/LOCODE, remarks, city)
/// are empty.
#[wasm_bindgen(js_name = lookupLocationJson)]
pub fn lookup_location_json(code: JsValue, lang: JsValue) -> Result<Option<String>, JsError> {
    let lang = lang_of(&lang)?;
    Ok(lookup(Table::Location, &code, lang))
}

/// A current ISO 4217 currency, as JSON text.
#[wasm_bindgen(js_name = lookupCurrencyJson)]
pub fn lookup_currency_json(code: JsValue, lang: JsValue) -> Result<Option<String>, JsError> {
    let lang = lang_of(&lang)?;
    Ok(lookup(Table::Currency, &code, lang))
}

/// An airport by IATA or ICAO code, as JSON text (name and city empty until the names are
/// loaded).
#[wasm_bindgen(js_name = lookupAirportJson)]
pub fn lookup_airport_json(code: JsValue, lang: JsValue) -> Result<Option<String>, JsError> {
    let lang = lang_of(&lang)?;
    Ok(lookup(Table::Airport, &code, lang))
}

/// An HS edition argument: `"2012"`, `"2017"` or `"2022"`; `default` when undefined or null.
fn hs_edition_of(
    edition: &JsValue,
    default: Option<HsEdition>,
    function: &str,
) -> Result<HsEdition, JsError> {
    if let (true, Some(default)) = (edition.is_undefined() || edition.is_null(), default) {
        return Ok(default);
    }
    let text = edition
        .as_string()
        .filter(|text| text.len() <= 8)
        .unwrap_or_else(|| "(not a string)".to_owned());
    lookups::hs_edition(&text)
        .map_err(|problem| JsError::new(&format!("cen: {function}: {problem}")))
}

/// A Harmonized System chapter, heading or subheading of an edition (HS 2022 when `edition` is
/// undefined), as JSON text (description empty until the names are loaded).
#[wasm_bindgen(js_name = lookupHsJson)]
pub fn lookup_hs_json(code: JsValue, edition: JsValue) -> Result<Option<String>, JsError> {
    hs_json_in(&codes_data::Tables::builtin(), &code, &edition)
}

/// [`lookup_hs_json`] in `tables` (a pack's `Tables.lookupHs`). An entry without a description
/// (the built-in tables, which this module ships without texts, or a pack whose HS is theirs)
/// takes the names file's once it is loaded; a pack's own descriptions are kept.
pub(crate) fn hs_json_in(
    tables: &codes_data::Tables,
    code: &JsValue,
    edition: &JsValue,
) -> Result<Option<String>, JsError> {
    let edition = hs_edition_of(edition, Some(HsEdition::NEWEST), "lookupHs")?;
    let found = code_of(code)
        .and_then(|code| lookups::normalise(Table::Hs, &code))
        .and_then(|code| lookups::hs_in_tables(tables, &code, edition));
    Ok(match found {
        Some(value) if value["description"] != "" => Some(value.to_string()),
        found => filled(found, Names::fill_hs),
    })
}

/// The codes of HS edition `to` that UNSD's correlation tables pair with `code` of edition
/// `from` (spec 7.1), as JSON text: `[{"code", "relationship"}]`.
#[wasm_bindgen(js_name = hsCorrelateJson)]
pub fn hs_correlate_json(code: JsValue, from: JsValue, to: JsValue) -> Result<String, JsError> {
    hs_correlate_json_in(&codes_data::Tables::builtin(), &code, &from, &to)
}

/// [`hs_correlate_json`] in `tables` (a pack's `Tables.hsCorrelate`).
pub(crate) fn hs_correlate_json_in(
    tables: &codes_data::Tables,
    code: &JsValue,
    from: &JsValue,
    to: &JsValue,
) -> Result<String, JsError> {
    let from = hs_edition_of(from, None, "hsCorrelate")?;
    let to = hs_edition_of(to, None, "hsCorrelate")?;
    Ok(code_of(code)
        .map(|code| lookups::hs_correlate_in(tables, &code, from, to))
        .unwrap_or_else(|| Value::Array(Vec::new()))
        .to_string())
}

/// The codes of a table (`country`, `currency`, `location`, `airport`, `hs`) closest to one
/// that was not found, for "did you mean" help.
#[wasm_bindgen(js_name = closestCodes)]
pub fn closest_codes(table: JsValue, code: JsValue, count: JsValue) -> Vec<String> {
    let (Some(table), Some(code)) = (code_of(&table), code_of(&code)) else {
        return Vec::new();
    };
    let count = count
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map_or(5, |n| n.min(100.0) as usize);
    lookups::closest(&table, &code, count)
}

/// The non-nominal projection of a record (spec 2.8), as JSON text: an object, or JSON text.
/// Throws an `Error` when the record is not a JSON object or holds a value JSON cannot hold.
#[wasm_bindgen(js_name = toCenJson)]
pub fn to_cen_json(record: JsValue) -> Result<String, JsError> {
    let fail = |problem: &dyn std::fmt::Display| JsError::new(&format!("cen: toCen: {problem}"));
    if let Some(text) = record.dyn_ref::<js_sys::JsString>() {
        if text.length() as usize > cen_model::MAX_RECORD_BYTES {
            return Err(fail(&cen_model::Fatal::TooLarge));
        }
        if !host::is_well_formed(text) {
            return Err(fail(&cen_model::Fatal::NotUtf8));
        }
        return cen_model::project::to_cen_json(&String::from(text)).map_err(|e| fail(&e));
    }
    let value = host::to_json(&record, &mut host::refuse).map_err(|e| match e {
        ReadError::TooLarge => fail(&cen_model::Fatal::TooLarge),
        other => fail(&other.to_string()),
    })?;
    cen_model::to_cen_value(&value)
        .map(|projected| projected.to_string())
        .ok_or_else(|| fail(&cen_model::Fatal::NotObject))
}

/// The version of this package's core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

//! Data entry (spec 6): the form model and code search, each one core call.

use cen_rules::search::{SearchOptions, Table};
use pyo3::prelude::*;
use serde_json::{Map, Value};

use crate::options::{OptionArgs, OptionsError};
use crate::report::json_to_py;
use crate::tables::{tables_from, PyTables};

/// The form model (spec 6.1) for these options: sections, fields with labels, help, kinds,
/// limits, `required` and `tier`, allowed values and conditions, as a dict. Raises
/// `OptionsError` / `ProfileError` (both `ValueError`) for bad options.
#[pyfunction]
#[pyo3(signature = (*, form=None, source=None, profile=None, lang=None))]
pub fn form_model<'py>(
    py: Python<'py>,
    form: Option<Bound<'py, PyAny>>,
    source: Option<Bound<'py, PyAny>>,
    profile: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = OptionArgs {
        form,
        source,
        profile,
        lang,
        ..OptionArgs::default()
    }
    .options()?;
    json_to_py(py, &cen_rules::form_model(&options))
}

/// The form model as JSON text, byte for byte that of every surface.
#[pyfunction]
#[pyo3(signature = (*, form=None, source=None, profile=None, lang=None))]
pub fn form_model_json(
    form: Option<Bound<'_, PyAny>>,
    source: Option<Bound<'_, PyAny>>,
    profile: Option<Bound<'_, PyAny>>,
    lang: Option<Bound<'_, PyAny>>,
) -> PyResult<String> {
    let options = OptionArgs {
        form,
        source,
        profile,
        lang,
        ..OptionArgs::default()
    }
    .options()?;
    Ok(cen_rules::form_model_json(&options))
}

fn search_value(
    table: &str,
    query: &str,
    lang: Option<&str>,
    country: Option<&str>,
    limit: Option<Bound<'_, PyAny>>,
    hs_edition: Option<&str>,
) -> PyResult<(Table, SearchOptions, String)> {
    let table = Table::from_name(table).ok_or_else(|| {
        OptionsError::new_err(format!(
            "unknown table `{table}` (tables: location, airport, seaport, country, currency, hs)"
        ))
    })?;
    let mut map = Map::new();
    if let Some(lang) = lang {
        map.insert("lang".into(), lang.into());
    }
    if let Some(country) = country {
        map.insert("country".into(), country.into());
    }
    if let Some(limit) = limit.filter(|l| !l.is_none()) {
        // bool is an int in Python: refuse it rather than read True as 1.
        let number = if limit.is_instance_of::<pyo3::types::PyBool>() {
            None
        } else {
            limit.extract::<i64>().ok()
        };
        let number = number.ok_or_else(|| {
            OptionsError::new_err("search option `limit`: expected a whole number from 0 to 100")
        })?;
        map.insert("limit".into(), number.into());
    }
    if let Some(edition) = hs_edition {
        map.insert("hs_edition".into(), edition.into());
    }
    let options = SearchOptions::from_value(&Value::Object(map))
        .map_err(|e| OptionsError::new_err(e.to_string()))?;
    Ok((table, options, query.to_owned()))
}

/// The results of `query` in `table` of `tables` (a `Tables`, whose index is built once and
/// kept; a path or a pack's bytes, loaded and indexed for this call; `None`: the built-in
/// tables).
fn search_in(
    py: Python<'_>,
    tables: Option<Bound<'_, PyAny>>,
    table: Table,
    query: &str,
    options: &SearchOptions,
) -> PyResult<Vec<Value>> {
    let built_in = || cen_rules::search::search(table, query, options);
    let Some(source) = tables.filter(|t| !t.is_none()) else {
        return Ok(py.detach(built_in));
    };
    if let Ok(tables) = source.cast::<PyTables>() {
        let tables = tables.get();
        return Ok(py.detach(|| match tables.search_index() {
            Some(index) => index.search(table, query, options),
            None => built_in(),
        }));
    }
    let tables = tables_from(py, &source)?;
    Ok(py.detach(|| match cen_rules::search::pack_index(&tables) {
        Some(index) => index.search(table, query, options),
        None => built_in(),
    }))
}

/// Searches a code table (spec 6.2): `location`, `airport`, `seaport`, `country`, `currency` or
/// `hs`; the results as dicts, best first. Raises `OptionsError` for an unknown table or a bad
/// option; never for a query. `tables` (a `Tables`, a path or a pack's bytes) searches the
/// places and airports of a table pack (spec 7.2).
#[pyfunction]
#[pyo3(signature = (table, query, *, lang=None, country=None, limit=None, hs_edition=None, tables=None))]
#[allow(clippy::too_many_arguments)]
pub fn search<'py>(
    py: Python<'py>,
    table: &str,
    query: &str,
    lang: Option<&str>,
    country: Option<&str>,
    limit: Option<Bound<'py, PyAny>>,
    hs_edition: Option<&str>,
    tables: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (table, options, query) = search_value(table, query, lang, country, limit, hs_edition)?;
    let results = search_in(py, tables, table, &query, &options)?;
    json_to_py(py, &Value::Array(results))
}

/// [`search`] as JSON text, byte for byte that of every surface.
#[pyfunction]
#[pyo3(signature = (table, query, *, lang=None, country=None, limit=None, hs_edition=None, tables=None))]
#[allow(clippy::too_many_arguments)]
pub fn search_json<'py>(
    py: Python<'py>,
    table: &str,
    query: &str,
    lang: Option<&str>,
    country: Option<&str>,
    limit: Option<Bound<'py, PyAny>>,
    hs_edition: Option<&str>,
    tables: Option<Bound<'py, PyAny>>,
) -> PyResult<String> {
    let (table, options, query) = search_value(table, query, lang, country, limit, hs_edition)?;
    Ok(Value::Array(search_in(py, tables, table, &query, &options)?).to_string())
}

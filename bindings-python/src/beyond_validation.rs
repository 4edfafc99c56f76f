//! Everything besides validation: the projection to CEN, the schema, the catalogue, editions,
//! labels, code look-ups, flat rows and synthetic records. Each is one call of the core and a
//! conversion of its JSON to Python values.

use cen_model::project::to_cen_json;
use cen_model::{Fatal, MAX_DEPTH, MAX_RECORD_BYTES};
use cen_rules::lookups::{self, Table};
use cen_rules::synth::Generator;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};
use serde_json::{Map, Value};

use crate::host::key_text;
use crate::options::{lang, options_error, to_json, RecordError};
use crate::report::json_to_py;

/// The non-nominal projection of a record (spec 2.8), what nCEN may send to CEN: `persons`,
/// `companies`, `narrative` and every leg's `vehicle_registration` removed, every field that the
/// record does not define removed at any depth, `source` set to `cen`, every other field
/// unchanged and in its order. `record` is a dict, JSON text or UTF-8 JSON bytes; the result is
/// a new dict (new dicts and lists, whose other values are the same objects, not copies).
/// Raises `RecordError` when the input is not a JSON object (text: also when it is larger than
/// 1 MiB or nested deeper than 32 levels).
#[pyfunction]
pub fn to_cen<'py>(py: Python<'py>, record: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(dict) = record.cast::<PyDict>() {
        return project_dict(py, dict);
    }
    let text: String = if let Ok(text) = record.cast::<PyString>() {
        text.to_cow()
            .map_err(|_| RecordError::new_err(Fatal::NotUtf8.to_string()))?
            .into_owned()
    } else if record.is_instance_of::<PyBytes>() || record.is_instance_of::<PyByteArray>() {
        let bytes: Vec<u8> = record.extract()?;
        // The size is checked before UTF-8, in the order of validation's decoder.
        if bytes.len() > MAX_RECORD_BYTES {
            return Err(RecordError::new_err(Fatal::TooLarge.to_string()));
        }
        String::from_utf8(bytes).map_err(|_| RecordError::new_err(Fatal::NotUtf8.to_string()))?
    } else {
        return Err(RecordError::new_err(Fatal::NotObject.to_string()));
    };
    let projected = py
        .detach(|| to_cen_json(&text))
        .map_err(|fatal| RecordError::new_err(fatal.to_string()))?;
    let value: Value = serde_json::from_str(&projected)
        .map_err(|e| RecordError::new_err(format!("the projection is not JSON: {e}")))?;
    json_to_py(py, &value)
}

/// The projection of a dict, by the core, without converting its values: the core projects a
/// skeleton of the dict's dicts and lists whose leaves are handles to the dict's own objects,
/// which then take their places again. Values that JSON cannot hold (a `datetime`, a NaN) are
/// kept as they are where the record defines their field. Dicts nested deeper than the record
/// limit (32 levels, a dict that holds itself) are a `RecordError`.
fn project_dict<'py>(py: Python<'py>, dict: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
    let mut held: Vec<Bound<'py, PyAny>> = Vec::new();
    let skeleton = skeleton(dict.as_any(), 1, &mut held)?;
    let projected = cen_model::to_cen_value(&skeleton)
        .ok_or_else(|| RecordError::new_err(Fatal::NotObject.to_string()))?;
    rebuild(py, &projected, &held)
}

/// The dicts, lists and tuples of a value as JSON objects and arrays, any other value as the
/// index of its handle in `held`.
fn skeleton<'py>(
    value: &Bound<'py, PyAny>,
    level: usize,
    held: &mut Vec<Bound<'py, PyAny>>,
) -> PyResult<Value> {
    let nested = value.is_instance_of::<PyDict>()
        || value.is_instance_of::<PyList>()
        || value.is_instance_of::<PyTuple>();
    if nested && level > MAX_DEPTH {
        return Err(RecordError::new_err(Fatal::TooDeep.to_string()));
    }
    if let Ok(fields) = value.cast::<PyDict>() {
        let mut out = Map::new();
        for (key, item) in fields.iter() {
            let key = key_text(&key);
            if !out.contains_key(&key) {
                let item = skeleton(&item, level + 1, held)?;
                out.insert(key, item);
            }
        }
        return Ok(Value::Object(out));
    }
    if nested {
        let mut items = Vec::new();
        for item in value.try_iter()? {
            items.push(skeleton(&item?, level + 1, held)?);
        }
        return Ok(Value::Array(items));
    }
    held.push(value.clone());
    Ok(Value::from(held.len() - 1))
}

fn rebuild<'py>(
    py: Python<'py>,
    value: &Value,
    held: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Number(n) => n
            .as_u64()
            .and_then(|i| held.get(i as usize))
            .cloned()
            .ok_or_else(|| PyValueError::new_err("the projection lost a value"))?,
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(rebuild(py, item, held)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let out = PyDict::new(py);
            for (key, item) in map {
                out.set_item(key, rebuild(py, item, held)?)?;
            }
            out.into_any()
        }
        // The source the core sets (`cen`).
        other => json_to_py(py, other)?,
    })
}

/// The JSON Schema of the record (structure only: the rules are not in it).
#[pyfunction]
pub fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json_to_py(py, cen_model::schema::schema())
}

/// The rule catalogue (spec 5.3a): for every rule its `id`, `group`, default `severity`,
/// `params`, `summary`, message templates in the six languages (`messages`) and their
/// `variants`.
#[pyfunction]
pub fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json_to_py(py, &cen_rules::catalogue_json())
}

/// The editions of the embedded code tables (spec 5.3a): `table`, `source`, `edition`,
/// `licence` and `rows` of each.
#[pyfunction]
pub fn editions(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json_to_py(py, &lookups::editions())
}

/// Every enumeration with the labels of its values in a language (spec 2.9):
/// `{"unit": {"kg": "Kilograms (kg)", ...}, "field": {...}, ...}`.
#[pyfunction]
#[pyo3(signature = (lang=None))]
pub fn labels<'py>(py: Python<'py>, lang: Option<String>) -> PyResult<Bound<'py, PyAny>> {
    let lang = self::lang(lang.as_deref())?;
    json_to_py(py, &lookups::labels(lang))
}

/// The label of one value of an enumeration (`label("unit", "kg", "fr")`), or None.
#[pyfunction]
#[pyo3(signature = (enumeration, value, lang=None))]
pub fn label(enumeration: String, value: String, lang: Option<String>) -> PyResult<Option<String>> {
    let lang = self::lang(lang.as_deref())?;
    Ok(codes_data::label(&enumeration, &value, lang).map(str::to_owned))
}

/// The label of a field, by JSON Pointer (`/goods/0/unit`) or flat column (`goods.0.unit`).
#[pyfunction]
#[pyo3(signature = (path, lang=None))]
pub fn field_label(path: String, lang: Option<String>) -> PyResult<String> {
    let lang = self::lang(lang.as_deref())?;
    Ok(cen_rules::field_label(&path, lang))
}

/// An HS edition argument (`"2012"`, `"2017"`, `"2022"`): another value raises `OptionsError`
/// with the message of every surface.
fn hs_edition(edition: &str) -> PyResult<codes_data::HsEdition> {
    lookups::hs_edition(edition).map_err(|problem| {
        options_error(cen_rules::OptionsError::BadValue {
            option: "hs_edition",
            problem,
        })
    })
}

/// A code looked up in a table: `country`, `currency`, `location`, `airport` or `hs` (of
/// `edition`, HS 2022 when None). A dict of what the table knows, or None when the code is not
/// in it.
#[pyfunction]
#[pyo3(signature = (table, code, lang=None, edition=None))]
pub fn lookup<'py>(
    py: Python<'py>,
    table: &str,
    code: String,
    lang: Option<String>,
    edition: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = self::lang(lang.as_deref())?;
    let edition = match edition.as_deref() {
        Some(text) => hs_edition(text)?,
        None => codes_data::HsEdition::NEWEST,
    };
    let table = table
        .parse::<Table>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let found = match table {
        Table::Hs => {
            lookups::normalise(table, &code).and_then(|code| lookups::hs_in(&code, edition))
        }
        _ => lookups::lookup(table, &code, lang),
    };
    match found {
        Some(value) => json_to_py(py, &value),
        None => Ok(py.None().into_bound(py)),
    }
}

/// The codes of HS edition `to` that the correlation tables pair with `code` of edition
/// `from_` (spec 7.1): a list of `{"code", "relationship"}` dicts, sorted by code.
#[pyfunction]
pub fn hs_correlate<'py>(
    py: Python<'py>,
    code: &str,
    from_: &str,
    to: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let pairs = lookups::hs_correlate(code, hs_edition(from_)?, hs_edition(to)?);
    json_to_py(py, &pairs)
}

/// The codes of a table closest to a code that was not found ("did you mean"), best first.
#[pyfunction]
#[pyo3(signature = (table, code, count=5))]
pub fn closest(table: &str, code: String, count: usize) -> PyResult<Vec<String>> {
    table
        .parse::<Table>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(lookups::closest(table, &code, count))
}

/// A record as one flat row (spec 5.3): `{column: cell text}`, lists of codes joined with `;`;
/// the inverse of `validate_table`. `record` is a dict or JSON text; raises `RecordError` when
/// it is not JSON data.
#[pyfunction]
pub fn flatten<'py>(py: Python<'py>, record: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let value = if let Ok(text) = record.cast::<PyString>() {
        let text = PyBackedStr::try_from(text.clone())?;
        cen_model::project::parse_first_wins(&text)
            .map_err(|fatal| RecordError::new_err(fatal.to_string()))?
    } else {
        to_json(record).map_err(RecordError::new_err)?
    };
    let out = PyDict::new(py);
    for (column, cell) in cen_model::flat::flatten(&value) {
        out.set_item(column, cell)?;
    }
    Ok(out)
}

/// `count` realistic synthetic records (dicts) from a seed: long and simplified forms, every
/// source and commodity area, with a share (0 to 1) of records carrying a realistic mistake.
/// Dates run over the three years before `today` (2026-11-28 by default, so that a seed always
/// gives the same records).
#[pyfunction]
#[pyo3(signature = (count, *, seed=0, invalid_share=0.0, today=None))]
pub fn generate<'py>(
    py: Python<'py>,
    count: usize,
    seed: u64,
    invalid_share: f64,
    today: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let mut generator = Generator::new(seed).invalid_share(invalid_share);
    if let Some(today) = today.filter(|t| !t.is_none()) {
        let text = match crate::options::date_text(&today)? {
            Some(text) => text,
            None => today.extract::<String>()?,
        };
        let day = cen_model::Date::parse(&text).ok_or_else(|| {
            options_error(cen_rules::OptionsError::BadValue {
                option: "today",
                problem: format!("`{text}` is not a calendar date written YYYY-MM-DD"),
            })
        })?;
        generator = generator.today(day);
    }
    let out = PyList::empty(py);
    for i in 0..count {
        out.append(json_to_py(py, &generator.next_record().record)?)?;
        if i % 4096 == 4095 {
            py.check_signals()?;
        }
    }
    Ok(out)
}

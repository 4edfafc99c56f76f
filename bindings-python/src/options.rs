//! Validation options from keyword arguments (spec 5.1), and the exceptions of misuse.
//!
//! The keywords are the JSON options of spec 5.1 (`form`, `source`, `profile`, `lang`,
//! `today`, `hs_edition`); they are turned into that JSON and read by the core, so that every surface
//! accepts and refuses the same options with the same messages. `None` means absent
//! (docs/decisions.md #38). Two Python conveniences: `today` may be a `datetime.date`, and
//! `profile` may be JSON text as well as a dict.

use cen_rules::{Lang, Options, Profile, ProfileError as ProfileError_};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};
use serde_json::{Map, Value};

pub use crate::host::to_json;

create_exception!(
    cen,
    OptionsError,
    PyValueError,
    "Options that cannot be used (an unknown option, a bad value, a malformed profile). Raised before any record is read."
);
create_exception!(
    cen,
    ProfileError,
    OptionsError,
    "A malformed profile: an unknown key, an unknown rule id, a bad pointer (spec 5.1)."
);
create_exception!(
    cen,
    RecordError,
    PyValueError,
    "Raised by to_cen when its input is not a record that can be projected (not JSON, not an object, not UTF-8, larger than 1 MiB or nested deeper than 32 levels). Validation never raises it: a bad record gets a report."
);

/// The name of a value's type, for the message of a `TypeError` of misuse.
pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "this object".to_owned())
}

/// The Python exception of an options error, with the core's message.
pub fn options_error(error: cen_rules::OptionsError) -> PyErr {
    match error {
        cen_rules::OptionsError::Profile(_) => ProfileError::new_err(error.to_string()),
        other => OptionsError::new_err(other.to_string()),
    }
}

/// The keyword options of every validating call, as given.
#[derive(Default)]
pub struct OptionArgs<'py> {
    /// `form`: `long` or `simplified`.
    pub form: Option<Bound<'py, PyAny>>,
    /// `source`: `cen`, `ncen` or `cencomm`.
    pub source: Option<Bound<'py, PyAny>>,
    /// `profile`: a dict or JSON text.
    pub profile: Option<Bound<'py, PyAny>>,
    /// `lang`: `en`, `fr`, `es`, `ru`, `ar` or `pt`.
    pub lang: Option<Bound<'py, PyAny>>,
    /// `today`: `YYYY-MM-DD` or a `datetime.date`.
    pub today: Option<Bound<'py, PyAny>>,
    /// `hs_edition`: `2012`, `2017` or `2022` (as a string).
    pub hs_edition: Option<Bound<'py, PyAny>>,
}

impl OptionArgs<'_> {
    /// The options, read by the core.
    pub fn options(&self) -> PyResult<Options> {
        let mut map = Map::new();
        let mut put = |name: &'static str, value: &Option<Bound<'_, PyAny>>| -> PyResult<()> {
            if let Some(value) = value.as_ref().filter(|v| !v.is_none()) {
                map.insert(name.to_owned(), option_value(name, value)?);
            }
            Ok(())
        };
        put("form", &self.form)?;
        put("source", &self.source)?;
        put("lang", &self.lang)?;
        put("today", &self.today)?;
        put("hs_edition", &self.hs_edition)?;
        put("profile", &self.profile)?;
        Options::from_value(&Value::Object(map)).map_err(options_error)
    }
}

/// The JSON value of one option.
fn option_value(name: &'static str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    if name == "today" {
        if let Some(day) = date_text(value)? {
            return Ok(Value::String(day));
        }
    }
    if name == "profile" {
        if let Some(value) = profile_text(value)? {
            return Ok(value);
        }
    }
    to_json(value).map_err(|problem| {
        let message = format!("option `{name}`: {problem}");
        if name == "profile" {
            ProfileError::new_err(message)
        } else {
            OptionsError::new_err(message)
        }
    })
}

/// A profile given as JSON text (a `str`) or as a file to read (a `pathlib.Path` or any
/// `os.PathLike`), as a JSON value; `None` when it is neither (a dict, read as a value).
fn profile_text(value: &Bound<'_, PyAny>) -> PyResult<Option<Value>> {
    static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let py = value.py();
    let (text, file) = if let Ok(text) = value.cast::<PyString>() {
        (text.to_cow()?.into_owned(), None)
    } else if value.is_instance(PATH_LIKE.import(py, "os", "PathLike")?)? {
        let path = value.str()?.to_string();
        let text = py
            .import("pathlib")?
            .getattr("Path")?
            .call1((value,))?
            .call_method1("read_text", ("utf-8",))
            .and_then(|text| text.extract::<String>())
            .map_err(|error| {
                ProfileError::new_err(format!("profile: cannot read the file `{path}`: {error}"))
            })?;
        (text, Some(path))
    } else {
        return Ok(None);
    };
    match (Profile::value_from_text(&text), file) {
        (Ok(value), _) => Ok(Some(value)),
        (Err(ProfileError_::NotProfileText(shown)), None) => Err(ProfileError::new_err(format!(
            "profile: a profile is a dict or its JSON text, and `{shown}` is neither (a file name? pass pathlib.Path(\"{shown}\") to read the file)"
        ))),
        (Err(error), Some(path)) => Err(ProfileError::new_err(format!(
            "profile file `{path}`: {}",
            match error {
                ProfileError_::NotProfileText(_) => "it holds no JSON object".to_owned(),
                other => other.to_string(),
            }
        ))),
        (Err(error), None) => Err(options_error(cen_rules::OptionsError::Profile(error))),
    }
}

/// `YYYY-MM-DD` for a `datetime.date` that is not a `datetime.datetime` (a date with a time of
/// day is not a day: the core refuses its text).
pub fn date_text(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let py = value.py();
    let date = DATE.import(py, "datetime", "date")?;
    if !value.is_instance(date)? {
        return Ok(None);
    }
    let datetime = DATETIME.import(py, "datetime", "datetime")?;
    let text: String = value.call_method0("isoformat")?.extract()?;
    Ok(Some(if value.is_instance(datetime)? {
        text
    } else {
        text.chars().take(10).collect()
    }))
}

/// A language code of a look-up or of the labels.
pub fn lang(code: Option<&str>) -> PyResult<Lang> {
    match code {
        None => Ok(Lang::En),
        Some(code) => cen_rules::parse_lang(code).map_err(|e| {
            options_error(cen_rules::OptionsError::BadValue {
                option: "lang",
                problem: e.to_string(),
            })
        }),
    }
}

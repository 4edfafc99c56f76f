//! Python values in: the records of `validate` and `validate_many`, and the JSON values of
//! options and look-ups. Python objects implement the core's host-value abstraction
//! ([`value`]); the core reads them directly under the record limits of `cen_model::limits`
//! (docs/decisions.md #1, #2): the size is that of the value's compact JSON text as
//! `json.dumps(value, separators=(",", ":"), ensure_ascii=False)` writes it in UTF-8, counted
//! while reading and stopped as soon as it passes 1 MiB; the depth is bounded while reading,
//! which also ends cycles (a dict that contains itself). Whichever limit is reached first is
//! the one reported.
//!
//! - [`value`]: what the core asks of a Python object;
//! - [`records`]: the records of one call, read with the GIL held and checked without it;
//! - [`json_text`]: how `json.dumps` writes keys and numbers, for sizes and keys.

mod json_text;
mod records;
mod value;

use cen_model::host::{ReadError, Unrepresentable};
use pyo3::prelude::*;
use serde_json::Value;

pub use json_text::key_text;
pub use records::Records;
pub use value::PyValue;

/// Reads one Python value for options and look-ups, as JSON: a value JSON cannot hold (a NaN,
/// a `datetime`) is refused with a message.
pub fn to_json(obj: &Bound<'_, PyAny>) -> Result<Value, String> {
    let refuse = &mut |_: &str, what: Unrepresentable| -> Result<Value, String> {
        Err(match what {
            Unrepresentable::NonFinite(x) => format!("{x} is not a finite number"),
            Unrepresentable::Opaque => "the value holds an object that is not JSON data (only dict, list, tuple, str, int, float, bool and None are)".to_owned(),
        })
    };
    cen_model::host::to_json(&PyValue(obj.clone()), usize::MAX, refuse).map_err(|error| match error
    {
        ReadError::Host(message) => message,
        other => other.to_string(),
    })
}

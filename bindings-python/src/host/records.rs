//! The records of one call, read from Python while the GIL is held, then checked on any thread
//! without it.
//!
//! `str` is JSON text and `bytes` and `bytearray` are UTF-8 JSON text, borrowed (or copied)
//! for the core to parse; any other value is a host value, which the core decodes right away,
//! reading the Python objects directly ([`cen_model::decode_host`]), so that what crosses to the
//! other threads is the typed record and its structural findings.

use cen_model::{Decoded, Fatal};
use cen_rules::{Checked, Input, Validator};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};

use super::value::PyValue;

/// How one record of a chunk was given.
#[derive(Debug)]
enum Given {
    /// A host value, decoded by the core while the GIL was held.
    Read(Result<Decoded, Fatal>),
    /// JSON text (a `str`).
    Json(PyBackedStr),
    /// Bytes that should be UTF-8 JSON text (`bytes`).
    Bytes(PyBackedBytes),
    /// A `bytearray` (copied: it may change once the GIL is released), or a `str` with lone
    /// surrogates encoded as they stand.
    Owned(Vec<u8>),
}

/// Records read from Python, ready to be checked on any thread without the GIL.
#[derive(Debug, Default)]
pub struct Records {
    given: Vec<Given>,
}

impl Records {
    /// How many records.
    pub fn len(&self) -> usize {
        self.given.len()
    }

    /// Reads one more record: `str` is JSON text, `bytes` and `bytearray` are UTF-8 JSON text,
    /// anything else is a host value. Never fails: whatever cannot be read is CEN-SCH-001 or
    /// CEN-SCH-002 in its report.
    pub fn push(&mut self, obj: &Bound<'_, PyAny>) {
        let given = if obj.is_instance_of::<PyString>() {
            let text = obj.cast::<PyString>().cloned();
            match text.map(PyBackedStr::try_from) {
                Ok(Ok(text)) => Given::Json(text),
                // A str with lone surrogates is not UTF-8 (docs/decisions.md #4): its bytes,
                // the surrogates encoded as they stand, are not UTF-8 either: CEN-SCH-001.
                _ => Given::Owned(surrogate_bytes(obj)),
            }
        } else if obj.is_instance_of::<PyBytes>() {
            match obj.cast::<PyBytes>() {
                Ok(bytes) => Given::Bytes(PyBackedBytes::from(bytes.clone())),
                Err(_) => Given::Owned(Vec::new()),
            }
        } else if obj.is_instance_of::<PyByteArray>() {
            Given::Owned(obj.extract::<Vec<u8>>().unwrap_or_default())
        } else {
            Given::Read(cen_model::decode_host(PyValue(obj.clone())))
        };
        self.given.push(given);
    }

    /// Checks record `i` (any thread, no GIL needed).
    pub fn check(&self, i: usize, validator: &Validator) -> Checked {
        match self.given.get(i) {
            Some(Given::Read(decoded)) => validator.check_read(decoded),
            Some(Given::Json(text)) => validator.check(Input::Json(text)),
            Some(Given::Bytes(bytes)) => validator.check(Input::Bytes(bytes)),
            Some(Given::Owned(bytes)) => validator.check(Input::Bytes(bytes)),
            None => validator.check_fatal(&Fatal::NotObject),
        }
    }
}

/// The bytes of a str that is not valid UTF-8, with its lone surrogates encoded as they stand
/// (`surrogatepass`), so that the core reports them as it reports such bytes.
fn surrogate_bytes(text: &Bound<'_, PyAny>) -> Vec<u8> {
    text.call_method1("encode", ("utf-8", "surrogatepass"))
        .ok()
        .and_then(|b| b.extract::<Vec<u8>>().ok())
        .unwrap_or_else(|| vec![0xff])
}

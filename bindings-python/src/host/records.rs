//! The records of a chunk as the rest of the binding holds them: what `validate` and
//! `validate_many` read while the GIL is held, and check on any thread without it.
//!
//! A record may be JSON text (`str`, `bytes`, `bytearray`, kept as given) or a host value
//! (read onto the chunk's tape by [`super::reader`]); a host value past a limit is kept as the
//! limit it passed, and checked as the core checks text past that limit.

use cen_model::limits::MAX_RECORD_BYTES;
use cen_rules::{Checked, Input, Validator};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};

use super::reader::{read, Stop};
use cen_model::tape::Tape;

/// How one record of a chunk was given.
#[derive(Debug)]
enum Given {
    /// A host value on the chunk's tape, from this node.
    Tree(usize),
    /// JSON text (a `str`).
    Json(PyBackedStr),
    /// Bytes that should be UTF-8 JSON text (`bytes`).
    Bytes(PyBackedBytes),
    /// A `bytearray` (copied: it may change once the GIL is released), or a `str` with lone
    /// surrogates encoded as they stand.
    Owned(Vec<u8>),
    /// A host value whose compact JSON is larger than 1 MiB.
    TooLarge,
    /// A host value nested deeper than 32 levels.
    TooDeep,
}

/// Bytes one longer than the size limit: the core's own "too large" report, without a copy of
/// the input (the zeros live in `.bss`).
static OVERSIZED: [u8; MAX_RECORD_BYTES + 1] = [0; MAX_RECORD_BYTES + 1];

/// JSON text nested past the depth limit: the core's own "too deep" report.
const TOO_DEEP_TEXT: &str =
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]";

/// Records read from Python, ready to be checked on any thread without the GIL.
#[derive(Debug, Default)]
pub struct Records {
    tape: Tape,
    given: Vec<Given>,
    /// The reader's floats not yet measured, kept from record to record for its capacity.
    unmeasured: Vec<f64>,
}

/// How much a chunk of records took: the next chunk reserves as much at once, instead of
/// growing its tape by doubling (which copied about a tenth of what the reading of a record
/// costs: `realloc` of buffers of hundreds of kilobytes, a dozen times a chunk).
#[derive(Debug, Clone, Copy, Default)]
pub struct Sizes {
    records: usize,
    nodes: usize,
    text: usize,
}

impl Records {
    /// Empty records with room for as much as `sizes` says, and an eighth more.
    pub fn with_room_for(sizes: Sizes) -> Records {
        let room = |n: usize| n + n / 8;
        Records {
            tape: Tape::with_capacity(room(sizes.nodes), room(sizes.text)),
            given: Vec::with_capacity(sizes.records),
            unmeasured: Vec::new(),
        }
    }

    /// How much these records take.
    pub fn sizes(&self) -> Sizes {
        Sizes {
            records: self.given.len(),
            nodes: self.tape.len(),
            text: self.tape.text().len(),
        }
    }

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
            let mark = self.tape.mark();
            match read(&mut self.tape, obj, MAX_RECORD_BYTES, &mut self.unmeasured) {
                Ok(()) => Given::Tree(mark.node()),
                Err(Stop::TooLarge) => Given::TooLarge,
                Err(Stop::TooDeep) => Given::TooDeep,
            }
        };
        self.given.push(given);
    }

    /// Checks record `i` (any thread, no GIL needed).
    pub fn check(&self, i: usize, validator: &Validator) -> Checked {
        match self.given.get(i) {
            Some(Given::Tree(at)) => cen_model::with_tape_decoded(&self.tape, *at, |decoded| {
                validator.check_read(decoded)
            }),
            Some(Given::Json(text)) => validator.check(Input::Json(text)),
            Some(Given::Bytes(bytes)) => validator.check(Input::Bytes(bytes)),
            Some(Given::Owned(bytes)) => validator.check(Input::Bytes(bytes)),
            Some(Given::TooLarge) => validator.check(Input::Bytes(&OVERSIZED)),
            Some(Given::TooDeep) | None => validator.check(Input::Json(TOO_DEEP_TEXT)),
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

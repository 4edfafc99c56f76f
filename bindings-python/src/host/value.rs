//! Python objects as the core reads them ([`cen_model::host::HostValue`]): what a value is
//! (`dict`, `list` and `tuple`, `str`, `int`, `float`, `bool`, `None`, their subclasses;
//! anything else is a value JSON cannot hold), its text, its items and its entries.
//!
//! A NaN or an infinity stays a `float` (CEN-SCH-006 at its path); an object JSON cannot
//! represent (a `datetime`, a set, bytes, a custom object) and a `str` with lone surrogates
//! are opaque, so that they are CEN-SCH-002 at their own path instead of a failure of the whole
//! record. Sizes are those of `json.dumps(value, separators=(",", ":"), ensure_ascii=False)`
//! in UTF-8 (docs/decisions.md #1, #2): floats as `repr` writes them, ints beyond 64 bits as
//! their digits, an opaque value as `null`.

use std::borrow::Cow;

use cen_model::host::{HostError, HostKind, HostValue};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use pyo3::types::{PyDictMethods, PyListMethods, PyTupleMethods};

use super::json_text::{int_repr, key_text, python_float_len};

/// A Python value read by the core.
#[derive(Clone)]
pub struct PyValue<'py>(pub Bound<'py, PyAny>);

/// The items of a `list` or a `tuple`.
pub enum PyItems<'py> {
    List(pyo3::types::iter::BoundListIterator<'py>),
    Tuple(pyo3::types::iter::BoundTupleIterator<'py>),
    None,
}

impl<'py> Iterator for PyItems<'py> {
    type Item = Result<PyValue<'py>, HostError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = match self {
            PyItems::List(items) => items.next(),
            PyItems::Tuple(items) => items.next(),
            PyItems::None => None,
        };
        item.map(|item| Ok(PyValue(item)))
    }
}

/// The entries of a `dict`, in its order.
pub struct PyEntries<'py>(Option<pyo3::types::iter::BoundDictIterator<'py>>);

impl<'py> Iterator for PyEntries<'py> {
    type Item = Result<(Bound<'py, PyAny>, PyValue<'py>), HostError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (key, value) = self.0.as_mut()?.next()?;
        Some(Ok((key, PyValue(value))))
    }
}

fn text<'a>(text: &'a Bound<'_, PyString>) -> HostKind<'a> {
    match utf8(text) {
        Some(text) => HostKind::Text(Cow::Borrowed(text)),
        // Lone surrogates: not representable as UTF-8 JSON.
        None => HostKind::Opaque,
    }
}

fn int(number: &Bound<'_, PyInt>) -> HostKind<'static> {
    if let Ok(n) = number.extract::<i64>() {
        return HostKind::Int(n);
    }
    if let Ok(n) = number.extract::<u64>() {
        return HostKind::UInt(n);
    }
    // Beyond 64 bits: a double, as a JSON parser reads such a literal; ±infinity past the
    // double's range, which the decoder reports as not finite (CEN-SCH-006).
    HostKind::Float(number.extract::<f64>().unwrap_or_else(|_| {
        if number.lt(0).unwrap_or(false) {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }
    }))
}

impl<'py> HostValue for PyValue<'py> {
    type Items = PyItems<'py>;
    type Key = Bound<'py, PyAny>;
    type Entries = PyEntries<'py>;

    /// The exact built-in types, by far the most common, are recognised by their type alone;
    /// subclasses (an `OrderedDict`, a `str` enum, an `IntEnum`) then by `isinstance`.
    fn kind(&self) -> Result<HostKind<'_>, HostError> {
        let obj = &self.0;
        if obj.is_exact_instance_of::<PyString>() {
            if let Ok(value) = obj.cast::<PyString>() {
                return Ok(text(value));
            }
        }
        if obj.is_exact_instance_of::<PyDict>() {
            return Ok(HostKind::Map);
        }
        if obj.is_exact_instance_of::<PyInt>() {
            if let Ok(number) = obj.cast::<PyInt>() {
                return Ok(int(number));
            }
        }
        if obj.is_exact_instance_of::<PyFloat>() {
            if let Ok(number) = obj.cast::<PyFloat>() {
                return Ok(HostKind::Float(number.value()));
            }
        }
        if obj.is_exact_instance_of::<PyList>() {
            return Ok(HostKind::List);
        }
        if obj.is_none() {
            return Ok(HostKind::Null);
        }
        if obj.is_instance_of::<PyBool>() {
            return Ok(HostKind::Bool(obj.is_truthy().unwrap_or(false)));
        }
        // Subclasses of the JSON types.
        if let Ok(value) = obj.cast::<PyString>() {
            return Ok(text(value));
        }
        if obj.is_instance_of::<PyDict>() {
            return Ok(HostKind::Map);
        }
        if let Ok(number) = obj.cast::<PyInt>() {
            return Ok(int(number));
        }
        if let Ok(number) = obj.cast::<PyFloat>() {
            return Ok(HostKind::Float(number.value()));
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            return Ok(HostKind::List);
        }
        Ok(HostKind::Opaque)
    }

    fn items(&self) -> Result<(usize, PyItems<'py>), HostError> {
        if let Ok(list) = self.0.cast::<PyList>() {
            return Ok((list.len(), PyItems::List(list.clone().into_iter())));
        }
        if let Ok(tuple) = self.0.cast::<PyTuple>() {
            return Ok((tuple.len(), PyItems::Tuple(tuple.clone().into_iter())));
        }
        Ok((0, PyItems::None))
    }

    fn entries(&self) -> Result<(usize, PyEntries<'py>), HostError> {
        match self.0.cast::<PyDict>() {
            Ok(dict) => Ok((dict.len(), PyEntries(Some(dict.clone().into_iter())))),
            Err(_) => Ok((0, PyEntries(None))),
        }
    }

    fn key<'k>(key: &'k Bound<'py, PyAny>) -> Result<Cow<'k, str>, HostError> {
        if key.is_exact_instance_of::<PyString>() {
            if let Some(text) = key.cast::<PyString>().ok().and_then(utf8) {
                return Ok(Cow::Borrowed(text));
            }
        }
        Ok(Cow::Owned(key_text(key)))
    }

    /// A `float` as `repr` writes it; an `int` beyond 64 bits as its digits.
    fn float_len(&self, x: f64) -> usize {
        match self.0.cast::<PyInt>() {
            Ok(number) => int_repr(number).len(),
            Err(_) => python_float_len(x),
        }
    }
}

/// The UTF-8 text of a `str`, borrowed from the object (CPython keeps it with the string), or
/// None when the string holds lone surrogates.
///
/// `PyUnicode_AsUTF8AndSize` is in the stable ABI from Python 3.10, and PyO3 uses it from
/// there; on 3.9 PyO3 copies the string through a new `bytes` object instead, which doubles
/// the cost of reading a record. The function has been exported, with this signature, by
/// every CPython 3 release, so the abi3 wheel (3.9 and later) calls it on every version.
fn utf8<'a>(text: &'a Bound<'_, PyString>) -> Option<&'a str> {
    #[allow(unsafe_code)]
    extern "C" {
        fn PyUnicode_AsUTF8AndSize(
            unicode: *mut pyo3::ffi::PyObject,
            size: *mut pyo3::ffi::Py_ssize_t,
        ) -> *const std::ffi::c_char;
    }
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `text` is a live str object and the GIL is held (a `Bound` proves both); the
    // function only reads it, and caches the UTF-8 form inside it.
    #[allow(unsafe_code)]
    let data = unsafe { PyUnicode_AsUTF8AndSize(text.as_ptr(), &mut size) };
    if data.is_null() {
        // The UnicodeEncodeError it raised is not the caller's: clear it.
        drop(PyErr::take(text.py()));
        return None;
    }
    let length = usize::try_from(size).ok()?;
    // SAFETY: on success the pointer is to `size` bytes of valid UTF-8 (CPython's own
    // encoding of the string) owned by the str object, which lives, and being immutable stays
    // unchanged, as long as `text`.
    #[allow(unsafe_code)]
    Some(unsafe {
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.cast::<u8>(), length))
    })
}

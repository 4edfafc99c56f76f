//! Python values read onto the core's [`Tape`] under the record limits, while the GIL is held.
//!
//! The reader recognises the JSON types (exact built-in types first, then their subclasses),
//! counts the compact JSON size of what it reads and stops as soon as it passes the limit, and
//! bounds the depth, which also ends cycles. Strings are read as CPython's own UTF-8.

use cen_model::limits::{decimal_len, escape_extra, MAX_DEPTH, MAX_ESCAPE_EXTRA};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use pyo3::{Borrowed, PyTypeInfo};
use serde_json::Value;

use super::python_text::{int_repr, key_text, python_float_len};
use cen_model::host::Unrepresentable;
use cen_model::tape::Tape;

/// Why reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// The compact JSON passed the size limit.
    TooLarge,
    /// A container nested past the depth limit.
    TooDeep,
}

/// Why reading of one pass stopped: a limit, or a borrowed value that may have been freed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Halt {
    /// A limit was passed: the record's report says which.
    Limit(Stop),
    /// A borrowed key could not be read as UTF-8: raising that error may have run the garbage
    /// collector, and with it finalizers that could free the entry's borrowed value, so the
    /// record is read again with references of its own.
    Reread,
}

impl From<Stop> for Halt {
    fn from(stop: Stop) -> Halt {
        Halt::Limit(stop)
    }
}

/// Reads `obj` onto `tape` under the size `limit`; on a stop, the tape is left as it was.
/// `unmeasured` is a buffer for the floats (its content does not matter).
///
/// The first pass borrows the leaves from their containers, as `jsonschema_rs` does: taking a
/// reference to each string and number and giving it back took a sixth of the reading (two
/// calls into CPython per value under the stable ABI). A record whose reading could have freed
/// something borrowed (a key with lone surrogates) is read again, every value owned.
pub(super) fn read(
    tape: &mut Tape,
    obj: &Bound<'_, PyAny>,
    limit: usize,
    unmeasured: &mut Vec<f64>,
) -> Result<(), Stop> {
    let mark = tape.mark();
    unmeasured.clear();
    let mut read = Reader::new(tape, limit, unmeasured, true).value(obj, 1);
    if read == Err(Halt::Reread) {
        tape.truncate(mark);
        unmeasured.clear();
        read = Reader::new(tape, limit, unmeasured, false).value(obj, 1);
    }
    read.map_err(|halt| {
        tape.truncate(mark);
        match halt {
            Halt::Limit(stop) => stop,
            // Never: a reader that lends nothing has nothing to read again.
            Halt::Reread => Stop::TooDeep,
        }
    })
}

/// What a float's `repr` may take at the most: 24 bytes (`-2.2250738585072014e-308`), with room
/// to spare.
const FLOAT_LEN_BOUND: usize = 32;

/// Reads host values onto a tape, counting their compact JSON size.
///
/// Two parts of that size take work to know exactly, and are put off until the total could
/// pass the limit (the size passes the limit at exactly the value where it would if everything
/// were measured at once, since each part is counted for at least its length until then; so
/// the same limit is reported):
/// - a float's length is that of its shortest `repr`, which takes formatting the number (a
///   fifth of the cost of reading a record of the benchmark): the floats in `unmeasured`
///   count for [`FLOAT_LEN_BOUND`] each;
/// - a string's escapes take a look at each of its bytes (a twelfth of the cost): `size`
///   counts each string and key as `2 + len`, and the bytes of the tape's text from
///   `text_measured` on count for [`MAX_ESCAPE_EXTRA`] more each, until they are scanned.
///
/// `room` is what the limit leaves above that bound, so that each value costs one comparison.
/// A record of the benchmark, about 560 bytes of JSON, is thus never measured: its bound stays
/// far below 1 MiB.
struct Reader<'t> {
    tape: &'t mut Tape,
    /// Whether the leaves of containers are read borrowed (see [`read`]).
    lend: bool,
    /// The size read, floats and escapes not yet measured left out.
    size: usize,
    limit: usize,
    /// `limit` less `size` and the bounds of what is not measured yet.
    room: usize,
    /// Floats read whose length `size` does not count yet (empty when reading starts).
    unmeasured: &'t mut Vec<f64>,
    /// Where the tape's text whose escapes `size` does not count yet starts.
    text_measured: usize,
}

impl<'t> Reader<'t> {
    /// A reader that appends one value to `tape` and stops once its size passes `limit`;
    /// `unmeasured` is a buffer for the floats, empty.
    fn new(tape: &'t mut Tape, limit: usize, unmeasured: &'t mut Vec<f64>, lend: bool) -> Self {
        let text_measured = tape.text().len();
        Reader {
            tape,
            lend,
            size: 0,
            limit,
            room: limit,
            unmeasured,
            text_measured,
        }
    }

    /// Counts `bytes` of JSON text, and `unmeasured` more that they may take once measured.
    #[inline(always)]
    fn add(&mut self, bytes: usize, unmeasured: usize) -> Result<(), Halt> {
        // Sizes are bytes held in memory: no sum here comes near `usize::MAX`.
        self.size += bytes;
        match self.room.checked_sub(bytes + unmeasured) {
            Some(room) => {
                self.room = room;
                Ok(())
            }
            None => self.measure(),
        }
    }

    /// The total could pass the limit: the floats and the escapes put off are measured, and
    /// the limit checked on the exact size.
    #[cold]
    #[inline(never)]
    fn measure(&mut self) -> Result<(), Halt> {
        for x in self.unmeasured.drain(..) {
            self.size += python_float_len(x);
        }
        let text = self.tape.text().as_bytes();
        self.size += escape_extra(text.get(self.text_measured..).unwrap_or_default());
        self.text_measured = text.len();
        match self.limit.checked_sub(self.size) {
            Some(room) => {
                self.room = room;
                Ok(())
            }
            None => Err(Stop::TooLarge.into()),
        }
    }

    #[inline(always)]
    fn string(&mut self, text: &Bound<'_, PyString>) -> Result<(), Halt> {
        match utf8(text) {
            Some(text) => {
                self.tape.push_str(text);
                self.add(2 + text.len(), text.len() * MAX_ESCAPE_EXTRA)?;
            }
            // Lone surrogates: not representable as UTF-8 JSON.
            None => {
                self.add(4, 0)?;
                self.tape.push_opaque();
            }
        }
        Ok(())
    }

    /// A key: its text on the tape, and its size with the colon.
    #[inline(always)]
    fn key(&mut self, text: &str) -> Result<(), Halt> {
        self.tape.push_str(text);
        self.add(3 + text.len(), text.len() * MAX_ESCAPE_EXTRA)
    }

    /// Reads one value at depth `level` (the record itself is level 1). The exact built-in
    /// types, by far the most common, are recognised by their type alone; subclasses (an
    /// `OrderedDict`, a `str` enum, an `IntEnum`) then by `isinstance`.
    ///
    /// `obj` may be borrowed from its container. A leaf of an exact type is read at once, and
    /// reading it runs no Python code; a container, or any other object, is first given a
    /// reference of its own, since reading it may run Python code (a subclass's method, a
    /// finalizer) that could take it out of its container.
    fn value(&mut self, obj: &Bound<'_, PyAny>, level: usize) -> Result<(), Halt> {
        if let Some(text) = exact::<PyString>(obj) {
            return self.string(text);
        }
        if let Some(dict) = exact::<PyDict>(obj) {
            return self.dict(&dict.clone(), level);
        }
        if let Some(number) = exact::<PyInt>(obj) {
            return self.int(number);
        }
        if let Some(number) = exact::<PyFloat>(obj) {
            return self.float(number.value());
        }
        if let Some(list) = exact::<PyList>(obj) {
            return self.list(&list.clone(), level);
        }
        if obj.is_none() {
            self.add(4, 0)?;
            self.tape.push_null();
            return Ok(());
        }
        if obj.is_instance_of::<PyBool>() {
            let flag = obj.is_truthy().unwrap_or(false);
            self.add(if flag { 4 } else { 5 }, 0)?;
            self.tape.push_bool(flag);
            return Ok(());
        }
        self.subclass(&obj.clone(), level)
    }

    /// A value of a subclass of a JSON type, or of no JSON type.
    #[inline(never)]
    fn subclass(&mut self, obj: &Bound<'_, PyAny>, level: usize) -> Result<(), Halt> {
        if let Ok(text) = obj.cast::<PyString>() {
            return self.string(text);
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            return self.dict(dict, level);
        }
        if let Ok(number) = obj.cast::<PyInt>() {
            return self.int(number);
        }
        if let Ok(number) = obj.cast::<PyFloat>() {
            return self.float(number.value());
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return self.list(list, level);
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return self.tuple(tuple, level);
        }
        self.add(4, 0)?;
        self.tape.push_opaque();
        Ok(())
    }

    /// A dict, held by the caller.
    fn dict(&mut self, dict: &Bound<'_, PyDict>, level: usize) -> Result<(), Halt> {
        if level > MAX_DEPTH {
            return Err(Stop::TooDeep.into());
        }
        let len = dict.len();
        self.add(2 + len.saturating_sub(1), 0)?;
        let at = self.tape.push_map(len);
        let mut count = 0;
        let mut position = 0;
        while let Some((key, item)) = next_entry(dict, &mut position) {
            count += 1;
            if let Some(key) = exact::<PyString>(&key) {
                if self.lend {
                    match utf8(key) {
                        Some(text) => {
                            self.key(text)?;
                            self.value(&item, level + 1)?;
                            continue;
                        }
                        None => return Err(Halt::Reread),
                    }
                }
            }
            // Owned before anything else: the key's text may take Python code.
            let (key, item) = (key.to_owned(), item.to_owned());
            match exact::<PyString>(&key).and_then(utf8) {
                Some(text) => self.key(text)?,
                None => self.key(&key_text(&key))?,
            }
            self.value(&item, level + 1)?;
        }
        // The count read, whatever the length said.
        self.tape.set_count(at, count);
        Ok(())
    }

    /// The start of an array of `len` items at depth `level`: the depth checked, its brackets
    /// and commas counted, and its node put on the tape, whose count is set once the items
    /// are read.
    fn open_array(&mut self, len: usize, level: usize) -> Result<usize, Halt> {
        if level > MAX_DEPTH {
            return Err(Stop::TooDeep.into());
        }
        self.add(2 + len.saturating_sub(1), 0)?;
        Ok(self.tape.push_list(len))
    }

    /// A list, held by the caller. Its items are borrowed: each one read is given a reference
    /// of its own if reading it could run Python code (see [`Reader::value`]), and an item
    /// that is gone (the list shortened by such code) ends the list.
    fn list(&mut self, list: &Bound<'_, PyList>, level: usize) -> Result<(), Halt> {
        let len = list.len();
        let at = self.open_array(len, level)?;
        let mut count = 0;
        while count < len {
            // SAFETY: `list` is a live list and the GIL is held (a `Bound` proves both);
            // `PyList_GetItem` lends the item, or returns null with IndexError set when the
            // index is past the list's current end.
            #[allow(unsafe_code)]
            let item = unsafe {
                let item = pyo3::ffi::PyList_GetItem(list.as_ptr(), count as pyo3::ffi::Py_ssize_t);
                Borrowed::from_ptr_or_err(list.py(), item)
            };
            let Ok(item) = item else { break };
            if self.lend {
                self.value(&item, level + 1)?;
            } else {
                self.value(&item.to_owned(), level + 1)?;
            }
            count += 1;
        }
        // The count read, whatever the length said.
        self.tape.set_count(at, count);
        Ok(())
    }

    /// A tuple, read as an array, held by the caller.
    fn tuple(&mut self, tuple: &Bound<'_, PyTuple>, level: usize) -> Result<(), Halt> {
        let len = tuple.len();
        let at = self.open_array(len, level)?;
        let mut count = 0;
        for item in tuple.iter() {
            self.value(&item, level + 1)?;
            count += 1;
        }
        // The count read, whatever the length said.
        self.tape.set_count(at, count);
        Ok(())
    }

    fn float(&mut self, x: f64) -> Result<(), Halt> {
        self.unmeasured.push(x);
        self.add(0, FLOAT_LEN_BOUND)?;
        self.tape.push_float(x);
        Ok(())
    }

    /// An int, perhaps borrowed: one that fits in 64 bits is read without raising (no
    /// Python code runs); a larger one is given a reference of its own first.
    fn int(&mut self, number: &Bound<'_, PyInt>) -> Result<(), Halt> {
        let mut overflow: std::ffi::c_int = 0;
        // SAFETY: `number` is a live int and the GIL is held (a `Bound` proves both). On an
        // int (a subclass too) the function reads the value and raises nothing: it sets
        // `overflow` when the value does not fit.
        #[allow(unsafe_code)]
        let n = unsafe { pyo3::ffi::PyLong_AsLongLongAndOverflow(number.as_ptr(), &mut overflow) };
        if overflow == 0 && !(n == -1 && PyErr::occurred(number.py())) {
            self.add(decimal_len(n.unsigned_abs()) + usize::from(n < 0), 0)?;
            self.tape.push_int(n);
            return Ok(());
        }
        drop(PyErr::take(number.py()));
        self.big_int(&number.clone())
    }

    /// An int beyond `i64`, held by the caller.
    #[inline(never)]
    fn big_int(&mut self, number: &Bound<'_, PyInt>) -> Result<(), Halt> {
        if let Ok(n) = number.extract::<u64>() {
            self.add(decimal_len(n), 0)?;
            self.tape.push_uint(n);
            return Ok(());
        }
        // Beyond 64 bits: a double, as a JSON parser reads such a literal; ±infinity past the
        // double's range, which the decoder reports as not finite (CEN-SCH-006).
        self.add(int_repr(number).len(), 0)?;
        let x = number.extract::<f64>().unwrap_or_else(|_| {
            if number.lt(0).unwrap_or(false) {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        });
        self.tape.push_float(x);
        Ok(())
    }
}

/// `obj` as a `T` when its type is exactly `T`: one comparison of type pointers, where a checked
/// cast would then ask CPython for the type's flags (a call, under the stable ABI) to allow
/// for subclasses.
#[inline(always)]
fn exact<'a, 'py, T: PyTypeInfo>(obj: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, T>> {
    if obj.is_exact_instance_of::<T>() {
        // SAFETY: the object's type is exactly `T`.
        #[allow(unsafe_code)]
        Some(unsafe { obj.cast_unchecked::<T>() })
    } else {
        None
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

/// The next entry of a dict from `position`, key and value borrowed from the dict.
///
/// pyo3's own iterator asks the dict's size at each step (a call into CPython under the
/// stable ABI) to panic if the dict changes while it is read, and takes a reference to each
/// key and value. Reading runs no Python code that could change the dict but where
/// [`Reader::value`] has first taken references of its own, and `PyDict_Next` stays within
/// the dict's current table whatever happens to it, so this reads on (the count of entries
/// read is what goes on the tape) where pyo3 would raise.
#[inline(always)]
fn next_entry<'a, 'py>(
    dict: &'a Bound<'py, PyDict>,
    position: &mut pyo3::ffi::Py_ssize_t,
) -> Option<(Borrowed<'a, 'py, PyAny>, Borrowed<'a, 'py, PyAny>)> {
    let mut key = std::ptr::null_mut();
    let mut value = std::ptr::null_mut();
    // SAFETY: `dict` is a live dict and the GIL is held (a `Bound` proves both); `PyDict_Next`
    // only reads it, and on success lends a key and a value (never null), which stay alive
    // as long as the dict holds them: until Python code runs, which the caller sees to.
    #[allow(unsafe_code)]
    unsafe {
        if pyo3::ffi::PyDict_Next(dict.as_ptr(), position, &mut key, &mut value) == 0 {
            return None;
        }
        Some((
            Borrowed::from_ptr(dict.py(), key),
            Borrowed::from_ptr(dict.py(), value),
        ))
    }
}

/// Reads one Python value for options and look-ups, as JSON.
pub fn to_json(obj: &Bound<'_, PyAny>) -> Result<Value, String> {
    let mut tape = Tape::default();
    read(&mut tape, obj, usize::MAX, &mut Vec::new())
        .map_err(|_| "the value is nested deeper than 32 levels".to_owned())?;
    tape.to_json(0).map_err(|refused| match refused {
        Unrepresentable::NonFinite(x) => format!("{x} is not a finite number"),
        Unrepresentable::Opaque => "the value holds an object that is not JSON data (only dict, list, tuple, str, int, float, bool and None are)".to_owned(),
    })
}

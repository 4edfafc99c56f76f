//! Python values in, under the record limits: what `validate` and `validate_many` read.
//!
//! Records are read, while the GIL is held, onto a [`Tape`]: the values of a chunk of records
//! flattened in document order, their strings in one buffer (two allocations for a whole
//! chunk, whatever its size). The core then decodes each record from the tape through serde
//! ([`cen_rules::Validator::check_with`]) on any thread, the GIL released, borrowing keys and
//! strings from the buffer as it would from JSON text.
//!
//! The tape keeps what JSON cannot: a NaN or an infinity stays an `f64` (CEN-SCH-006 at its
//! path), and an object JSON cannot represent (a `datetime`, a set, bytes, a custom object) is
//! presented to the decoder as bytes (`visit_bytes`), so that it is CEN-SCH-002 at its own
//! path instead of a failure of the whole record.
//!
//! The limits of CEN-SCH-001 apply to host values as to text (docs/decisions.md #1, #2): the
//! size is that of the value's compact JSON text, `json.dumps(value, separators=(",", ":"),
//! ensure_ascii=False)` in UTF-8, counted while reading and stopped as soon as it passes
//! 1 MiB; the depth is bounded while reading, which also ends cycles (a dict that contains
//! itself). A value that JSON cannot represent counts as `null`. Whichever limit is reached
//! first while reading is the one reported.

use std::cell::Cell;

use cen_model::limits::{decimal_len, json_string_len, MAX_DEPTH, MAX_RECORD_BYTES};
use cen_rules::{Checked, Input, Validator};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};
use serde::de::value::Error;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;
use serde_json::Value;

/// One value on a tape. Containers are followed by their items (a map by key, value pairs).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Node {
    Null,
    Bool(bool),
    /// An `int` that fits 64 bits.
    Int(i64),
    /// An `int` between 2^63 and 2^64 − 1.
    UInt(u64),
    /// A `float` (NaN and infinities included), or an `int` too large for 64 bits.
    Float(f64),
    /// A string: its bytes in the tape's text.
    Str {
        start: usize,
        end: usize,
    },
    /// A value JSON cannot represent: CEN-SCH-002 wherever it stands.
    Opaque,
    /// A `list` or `tuple` of this many items.
    List(usize),
    /// A `dict` of this many entries, in its order.
    Map(usize),
}

/// Host values flattened in document order, with their strings in one buffer.
#[derive(Debug, Default)]
pub struct Tape {
    nodes: Vec<Node>,
    text: String,
}

impl Tape {
    fn push_str(&mut self, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.nodes.push(Node::Str {
            start,
            end: self.text.len(),
        });
    }

    fn str_at(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or_default()
    }

    /// The index of the node after the subtree that starts at `at`.
    fn skip(&self, at: usize) -> usize {
        let mut next = at + 1;
        match self.nodes.get(at) {
            Some(Node::List(count)) => {
                for _ in 0..*count {
                    next = self.skip(next);
                }
            }
            Some(Node::Map(count)) => {
                for _ in 0..*count {
                    next = self.skip(next + 1);
                }
            }
            _ => {}
        }
        next
    }

    /// The value that starts at node `at` as JSON; what JSON cannot hold is refused.
    pub fn to_json(&self, at: usize) -> Result<Value, String> {
        let position = Cell::new(at);
        self.json_at(&position)
    }

    fn json_at(&self, position: &Cell<usize>) -> Result<Value, String> {
        let at = position.get();
        position.set(at + 1);
        Ok(match self.nodes.get(at).copied().unwrap_or(Node::Null) {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Int(n) => Value::from(n),
            Node::UInt(n) => Value::from(n),
            Node::Float(x) => serde_json::Number::from_f64(x)
                .map(Value::Number)
                .ok_or_else(|| format!("{x} is not a finite number"))?,
            Node::Str { start, end } => Value::String(self.str_at(start, end).to_owned()),
            Node::Opaque => {
                return Err("the value holds an object that is not JSON data (only dict, list, tuple, str, int, float, bool and None are)".to_owned())
            }
            Node::List(count) => Value::Array(
                (0..count)
                    .map(|_| self.json_at(position))
                    .collect::<Result<_, _>>()?,
            ),
            Node::Map(count) => {
                let mut map = serde_json::Map::with_capacity(count);
                for _ in 0..count {
                    let key = match self.json_at(position)? {
                        Value::String(key) => key,
                        other => other.to_string(),
                    };
                    let value = self.json_at(position)?;
                    map.insert(key, value);
                }
                Value::Object(map)
            }
        })
    }

    /// A deserializer of the value that starts at node `at`.
    pub fn deserializer(&self, at: usize) -> TapeReader<'_> {
        TapeReader {
            tape: self,
            position: Cell::new(at),
        }
    }
}

/// Reads the values of a tape in order, for serde.
pub struct TapeReader<'t> {
    tape: &'t Tape,
    position: Cell<usize>,
}

/// The deserializer of the value at a reader's current position.
struct At<'r, 't> {
    reader: &'r TapeReader<'t>,
}

impl<'de> Deserializer<'de> for &TapeReader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        At { reader: self }.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'de> Deserializer<'de> for At<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let reader = self.reader;
        let tape: &'de Tape = reader.tape;
        let at = reader.position.get();
        reader.position.set(at + 1);
        match tape.nodes.get(at).copied().unwrap_or(Node::Null) {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(b),
            // As serde_json presents the same number read from text: non-negative as u64.
            Node::Int(n) if n >= 0 => visitor.visit_u64(n as u64),
            Node::Int(n) => visitor.visit_i64(n),
            Node::UInt(n) => visitor.visit_u64(n),
            Node::Float(x) => visitor.visit_f64(x),
            Node::Str { start, end } => visitor.visit_borrowed_str(tape.str_at(start, end)),
            Node::Opaque => visitor.visit_bytes(&[]),
            Node::List(count) => {
                let mut items = Items {
                    reader,
                    left: count,
                };
                let value = visitor.visit_seq(&mut items);
                items.skip_rest();
                value
            }
            Node::Map(count) => {
                let mut entries = Entries {
                    reader,
                    left: count,
                    value_pending: false,
                };
                let value = visitor.visit_map(&mut entries);
                entries.skip_rest();
                value
            }
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

/// The items of a list; what a visitor leaves unread is skipped, so that the position stays
/// that of the tape.
struct Items<'r, 'de> {
    reader: &'r TapeReader<'de>,
    left: usize,
}

impl Items<'_, '_> {
    fn skip_rest(&mut self) {
        for _ in 0..self.left {
            let next = self.reader.tape.skip(self.reader.position.get());
            self.reader.position.set(next);
        }
        self.left = 0;
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(At {
            reader: self.reader,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// The entries of a map, as key and value nodes.
struct Entries<'r, 'de> {
    reader: &'r TapeReader<'de>,
    left: usize,
    value_pending: bool,
}

impl Entries<'_, '_> {
    fn skip_rest(&mut self) {
        let nodes = self.left * 2 + usize::from(self.value_pending);
        for _ in 0..nodes {
            let next = self.reader.tape.skip(self.reader.position.get());
            self.reader.position.set(next);
        }
        self.left = 0;
        self.value_pending = false;
    }
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        self.value_pending = true;
        seed.deserialize(At {
            reader: self.reader,
        })
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.value_pending = false;
        seed.deserialize(At {
            reader: self.reader,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

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
            let (nodes, text) = (self.tape.nodes.len(), self.tape.text.len());
            let mut reader = Reader {
                tape: &mut self.tape,
                size: 0,
                limit: MAX_RECORD_BYTES,
            };
            match reader.value(obj, 1) {
                Ok(()) => Given::Tree(nodes),
                Err(stop) => {
                    self.tape.nodes.truncate(nodes);
                    self.tape.text.truncate(text);
                    match stop {
                        Stop::TooLarge => Given::TooLarge,
                        Stop::TooDeep => Given::TooDeep,
                    }
                }
            }
        };
        self.given.push(given);
    }

    /// Checks record `i` (any thread, no GIL needed).
    pub fn check(&self, i: usize, validator: &Validator) -> Checked {
        match self.given.get(i) {
            Some(Given::Tree(at)) => validator.check_with(&self.tape.deserializer(*at)),
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

/// Why reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The compact JSON passed the size limit.
    TooLarge,
    /// A container nested past the depth limit.
    TooDeep,
}

/// Reads host values onto a tape, counting their compact JSON size.
struct Reader<'t> {
    tape: &'t mut Tape,
    size: usize,
    limit: usize,
}

impl Reader<'_> {
    fn add(&mut self, bytes: usize) -> Result<(), Stop> {
        self.size += bytes;
        if self.size > self.limit {
            Err(Stop::TooLarge)
        } else {
            Ok(())
        }
    }

    fn string(&mut self, text: &Bound<'_, PyString>) -> Result<(), Stop> {
        match utf8(text) {
            Some(text) => {
                self.add(json_string_len(text))?;
                self.tape.push_str(text);
            }
            // Lone surrogates: not representable as UTF-8 JSON.
            None => {
                self.add(4)?;
                self.tape.nodes.push(Node::Opaque);
            }
        }
        Ok(())
    }

    /// Reads one value at depth `level` (the record itself is level 1). The exact built-in
    /// types, by far the most common, are recognised by their type alone; subclasses (an
    /// `OrderedDict`, a `str` enum, an `IntEnum`) then by `isinstance`.
    fn value(&mut self, obj: &Bound<'_, PyAny>, level: usize) -> Result<(), Stop> {
        if obj.is_exact_instance_of::<PyString>() {
            if let Ok(text) = obj.cast::<PyString>() {
                return self.string(text);
            }
        }
        if obj.is_exact_instance_of::<PyDict>() {
            if let Ok(dict) = obj.cast::<PyDict>() {
                return self.dict(dict, level);
            }
        }
        if obj.is_exact_instance_of::<PyInt>() {
            if let Ok(number) = obj.cast::<PyInt>() {
                return self.int(number);
            }
        }
        if obj.is_exact_instance_of::<PyFloat>() {
            if let Ok(number) = obj.cast::<PyFloat>() {
                return self.float(number.value());
            }
        }
        if obj.is_exact_instance_of::<PyList>() {
            if let Ok(list) = obj.cast::<PyList>() {
                return self.items(list.iter(), list.len(), level);
            }
        }
        if obj.is_none() {
            self.add(4)?;
            self.tape.nodes.push(Node::Null);
            return Ok(());
        }
        if obj.is_instance_of::<PyBool>() {
            let flag = obj.is_truthy().unwrap_or(false);
            self.add(if flag { 4 } else { 5 })?;
            self.tape.nodes.push(Node::Bool(flag));
            return Ok(());
        }
        // Subclasses of the JSON types.
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
            return self.items(list.iter(), list.len(), level);
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return self.items(tuple.iter(), tuple.len(), level);
        }
        self.add(4)?;
        self.tape.nodes.push(Node::Opaque);
        Ok(())
    }

    fn dict(&mut self, dict: &Bound<'_, PyDict>, level: usize) -> Result<(), Stop> {
        if level > MAX_DEPTH {
            return Err(Stop::TooDeep);
        }
        let len = dict.len();
        self.add(2 + len.saturating_sub(1))?;
        self.tape.nodes.push(Node::Map(len));
        for (key, item) in dict.iter() {
            if key.is_exact_instance_of::<PyString>() {
                if let Some(text) = key.cast::<PyString>().ok().and_then(utf8) {
                    self.add(json_string_len(text) + 1)?;
                    self.tape.push_str(text);
                    self.value(&item, level + 1)?;
                    continue;
                }
            }
            let key = key_text(&key);
            self.add(json_string_len(&key) + 1)?;
            self.tape.push_str(&key);
            self.value(&item, level + 1)?;
        }
        Ok(())
    }

    fn items<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        len: usize,
        level: usize,
    ) -> Result<(), Stop> {
        if level > MAX_DEPTH {
            return Err(Stop::TooDeep);
        }
        self.add(2 + len.saturating_sub(1))?;
        let at = self.tape.nodes.len();
        self.tape.nodes.push(Node::List(len));
        let mut count = 0;
        for item in items {
            self.value(&item, level + 1)?;
            count += 1;
        }
        // The count read, whatever the length said.
        self.tape.nodes[at] = Node::List(count);
        Ok(())
    }

    fn float(&mut self, x: f64) -> Result<(), Stop> {
        self.add(python_float_len(x))?;
        self.tape.nodes.push(Node::Float(x));
        Ok(())
    }

    fn int(&mut self, number: &Bound<'_, PyInt>) -> Result<(), Stop> {
        if let Ok(n) = number.extract::<i64>() {
            self.add(decimal_len(n.unsigned_abs()) + usize::from(n < 0))?;
            self.tape.nodes.push(Node::Int(n));
            return Ok(());
        }
        if let Ok(n) = number.extract::<u64>() {
            self.add(decimal_len(n))?;
            self.tape.nodes.push(Node::UInt(n));
            return Ok(());
        }
        // Beyond 64 bits: a double, as a JSON parser reads such a literal; ±infinity past the
        // double's range, which the decoder reports as not finite (CEN-SCH-006).
        self.add(int_repr(number).len())?;
        let x = number.extract::<f64>().unwrap_or_else(|_| {
            if number.lt(0).unwrap_or(false) {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        });
        self.tape.nodes.push(Node::Float(x));
        Ok(())
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

/// Reads one Python value for options and look-ups, as JSON.
pub fn to_json(obj: &Bound<'_, PyAny>) -> Result<Value, String> {
    let mut tape = Tape::default();
    let mut reader = Reader {
        tape: &mut tape,
        size: 0,
        limit: usize::MAX,
    };
    reader
        .value(obj, 1)
        .map_err(|_| "the value is nested deeper than 32 levels".to_owned())?;
    tape.to_json(0)
}

/// `int.__repr__` of an int (never a subclass's own `__repr__`, which could run any code).
fn int_repr(number: &Bound<'_, PyInt>) -> String {
    number
        .py()
        .get_type::<PyInt>()
        .call_method1("__repr__", (number,))
        .ok()
        .and_then(|text| text.extract::<String>().ok())
        .unwrap_or_default()
}

/// The text of a dict key as `json.dumps` writes it: a `str` as it is, `int`, `float`, `bool`
/// and `None` as their JSON text; any other key (which `json.dumps` refuses) as a name that no
/// field has, so that it is CEN-SCH-003.
pub fn key_text(key: &Bound<'_, PyAny>) -> String {
    if let Ok(text) = key.cast::<PyString>() {
        return text.to_string_lossy().into_owned();
    }
    if key.is_none() {
        return "null".to_owned();
    }
    if key.is_instance_of::<PyBool>() {
        return if key.is_truthy().unwrap_or(false) {
            "true"
        } else {
            "false"
        }
        .to_owned();
    }
    if let Ok(number) = key.cast::<PyInt>() {
        return match number.extract::<i64>() {
            Ok(n) => n.to_string(),
            Err(_) => int_repr(number),
        };
    }
    if let Ok(number) = key.cast::<PyFloat>() {
        let x = number.value();
        return if x.is_nan() {
            "NaN".to_owned()
        } else if x.is_infinite() {
            if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
        } else {
            python_float_repr(x)
        };
    }
    "<key that is not a string>".to_owned()
}

/// The shortest round-trip digits of a finite double and its decimal point position: `x` is
/// `0.DIGITS × 10^point` (sign aside). Both Python's `repr` and ryu produce the shortest digits
/// that read back as `x`, so ryu's digits are Python's.
fn shortest_digits(x: f64) -> (String, i32) {
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x.abs());
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = whole.chars().chain(fraction.chars()).collect();
    let mut point = whole.len() as i32 + exponent;
    let leading = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..leading);
    point -= leading as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    (digits, point)
}

/// `repr(x)` of a finite float, as CPython writes it: fixed notation when the decimal point
/// position is in -3..=16, scientific otherwise, `.0` on whole numbers, exponents of at least
/// two digits with their sign.
fn python_float_repr(x: f64) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (digits, point) = shortest_digits(x);
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let n = digits.len() as i32;
    if (-3..=16).contains(&point) {
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point < n {
            let (a, b) = digits.split_at(point as usize);
            format!("{sign}{a}.{b}")
        } else {
            format!("{sign}{digits}{}.0", "0".repeat((point - n) as usize))
        }
    } else {
        let exponent = point - 1;
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let esign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{first}{dot}{rest}e{esign}{:02}", exponent.abs())
    }
}

/// The length of a float as `json.dumps` writes it (`repr`, or `NaN`, `Infinity`,
/// `-Infinity`), counted from ryu's shortest digits without writing it.
fn python_float_len(x: f64) -> usize {
    if x.is_nan() {
        return 3;
    }
    if x.is_infinite() {
        return if x > 0.0 { 8 } else { 9 };
    }
    let sign = usize::from(x.is_sign_negative());
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x.abs());
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The first and last non-zero digits: the significant digits between them.
    let mut first = None;
    let mut last = 0;
    for (i, digit) in whole.bytes().chain(fraction.bytes()).enumerate() {
        if digit != b'0' {
            first.get_or_insert(i);
            last = i;
        }
    }
    let Some(leading) = first else {
        return sign + 3; // 0.0
    };
    let n = (last - leading + 1) as i32;
    let point = whole.len() as i32 + exponent - leading as i32;
    let length = if (-3..=16).contains(&point) {
        if point <= 0 {
            2 - point + n // 0.000ddd
        } else if point < n {
            n + 1 // ddd.ddd
        } else {
            point + 2 // ddd000.0
        }
    } else {
        let exponent = (point - 1).unsigned_abs();
        let exponent_digits = if exponent >= 100 { 3 } else { 2 };
        n + i32::from(n > 1) + 2 + exponent_digits // d.ddde+XX
    };
    sign + length as usize
}

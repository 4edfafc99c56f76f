//! The tape: a value flattened in document order, its strings in one buffer. Every input
//! becomes one before it is decoded, so that one decoder ([`crate::decode`]) serves them all:
//!
//! - JSON text, and any serde deserializer, through [`Tape::read`];
//! - a JSON value through [`Tape::push_json`];
//! - a host value ([`crate::host::HostValue`], JavaScript) through the core's host reader;
//! - Python objects through the Python binding's own reader, which writes with the `push_*`
//!   calls while it holds the GIL: the records of a chunk then decode on any thread.
//!
//! A tape holds what JSON cannot: a NaN or an infinity stays a number (CEN-SCH-006 where a
//! number is expected), and a host value JSON cannot represent is [`Node::Opaque`]
//! (CEN-SCH-002 at its own path). Containers are written with their count of items; the
//! nesting depth is the writer's to bound (every writer here stops past [`MAX_DEPTH`]), so
//! that reading a tape back never recurses deeper than that.
//!
//! ```
//! use cen_model::tape::Tape;
//!
//! let mut tape = Tape::default();
//! let record = tape.push_map(1);
//! tape.push_str("reporting_country");
//! tape.push_str("BE");
//! assert_eq!(tape.to_json(record).unwrap(), serde_json::json!({"reporting_country": "BE"}));
//! let decoded = cen_model::decode_tape(&tape, record).unwrap();
//! assert_eq!(decoded.record.reporting_country.as_deref(), Some("BE"));
//! ```

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::limits::MAX_DEPTH;

/// A value that JSON cannot hold, met by [`Tape::to_json`] and by `host::to_json`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unrepresentable {
    /// A number that is not finite (NaN, ±infinity).
    NonFinite(f64),
    /// A value JSON has no form for: a [`Node::Opaque`], or a host value of
    /// `HostKind::Opaque`.
    Opaque,
}

/// The message of the error that stops reading at a value nested deeper than [`MAX_DEPTH`].
pub(crate) const TOO_DEEP: &str = "nested deeper than 32 levels";

/// One value on a tape. A container is followed by its items (a map by key, value pairs; a
/// key is always a [`Node::Str`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node {
    /// `null` (Python `None`, JavaScript `null` and `undefined`).
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number that fits 64 bits, signed.
    Int(i64),
    /// A whole number between 2^63 and 2^64 − 1.
    UInt(u64),
    /// Any other number, NaN and the infinities included.
    Float(f64),
    /// A string: its bytes in the tape's text.
    Str {
        /// Where it starts in the text.
        start: usize,
        /// Where it ends.
        end: usize,
    },
    /// A value JSON cannot represent: CEN-SCH-002 wherever it stands.
    Opaque,
    /// An array of this many items.
    List(usize),
    /// An object of this many entries, in its order.
    Map(usize),
}

/// Values flattened in document order, with their strings in one buffer: two allocations for
/// any number of values.
#[derive(Debug, Default, Clone)]
pub struct Tape {
    nodes: Vec<Node>,
    text: String,
}

/// Where a tape stood: what [`Tape::truncate`] goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    nodes: usize,
    text: usize,
}

impl Mark {
    /// The index the next value written after the mark takes.
    pub fn node(&self) -> usize {
        self.nodes
    }
}

impl Tape {
    /// An empty tape with room for `nodes` values and `text` bytes of strings.
    pub fn with_capacity(nodes: usize, text: usize) -> Tape {
        Tape {
            nodes: Vec::with_capacity(nodes),
            text: String::with_capacity(text),
        }
    }

    /// Empties the tape, keeping its room.
    pub fn clear(&mut self) {
        self.nodes.clear();
        self.text.clear();
    }

    /// Makes room for `nodes` more values and `text` more bytes of strings.
    pub fn reserve(&mut self, nodes: usize, text: usize) {
        self.nodes.reserve(nodes);
        self.text.reserve(text);
    }

    /// The bytes the tape holds room for, used or not.
    pub fn capacity_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>() + self.text.capacity()
    }

    /// The number of values written (a container and its items each count).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when nothing is written.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The text of every string written, one after the other.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the tape stands now.
    pub fn mark(&self) -> Mark {
        Mark {
            nodes: self.nodes.len(),
            text: self.text.len(),
        }
    }

    /// Forgets what was written after `mark`.
    pub fn truncate(&mut self, mark: Mark) {
        self.nodes.truncate(mark.nodes);
        self.text.truncate(mark.text);
    }

    /// The node at `at`, if there is one.
    pub fn node(&self, at: usize) -> Option<Node> {
        self.nodes.get(at).copied()
    }

    /// Writes `null`.
    #[inline]
    pub fn push_null(&mut self) {
        self.nodes.push(Node::Null);
    }

    /// Writes a boolean.
    #[inline]
    pub fn push_bool(&mut self, flag: bool) {
        self.nodes.push(Node::Bool(flag));
    }

    /// Writes a whole number.
    #[inline]
    pub fn push_int(&mut self, n: i64) {
        self.nodes.push(Node::Int(n));
    }

    /// Writes a whole number, of 64 bits unsigned.
    #[inline]
    pub fn push_uint(&mut self, n: u64) {
        self.nodes.push(match i64::try_from(n) {
            Ok(n) => Node::Int(n),
            Err(_) => Node::UInt(n),
        });
    }

    /// Writes any other number, NaN and the infinities included.
    #[inline]
    pub fn push_float(&mut self, x: f64) {
        self.nodes.push(Node::Float(x));
    }

    /// Writes a string (an object's key too).
    #[inline]
    pub fn push_str(&mut self, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.nodes.push(Node::Str {
            start,
            end: self.text.len(),
        });
    }

    /// Writes a value JSON cannot represent.
    #[inline]
    pub fn push_opaque(&mut self) {
        self.nodes.push(Node::Opaque);
    }

    /// Writes an array of `count` items, to be written next; its index, for [`Tape::set_count`].
    #[inline]
    pub fn push_list(&mut self, count: usize) -> usize {
        self.nodes.push(Node::List(count));
        self.nodes.len() - 1
    }

    /// Writes an object of `count` entries, each a key then a value, to be written next; its
    /// index, for [`Tape::set_count`].
    #[inline]
    pub fn push_map(&mut self, count: usize) -> usize {
        self.nodes.push(Node::Map(count));
        self.nodes.len() - 1
    }

    /// Corrects the count of the container at `at` to what was actually written.
    pub fn set_count(&mut self, at: usize, count: usize) {
        match self.nodes.get_mut(at) {
            Some(Node::List(n)) | Some(Node::Map(n)) => *n = count,
            _ => {}
        }
    }

    /// The text of a [`Node::Str`].
    #[inline]
    pub fn str_at(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or_default()
    }

    /// The index of the node after the value that starts at `at`.
    pub fn skip(&self, at: usize) -> usize {
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

    /// Reads one value from a serde deserializer (JSON text, a JSON value, any other) onto the
    /// tape, and gives its index. A value nested deeper than [`MAX_DEPTH`] is an error of the
    /// deserializer's kind, whose message says so; bytes are [`Node::Opaque`].
    pub fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<usize, D::Error> {
        let at = self.nodes.len();
        deserializer.deserialize_any(Write {
            tape: self,
            level: 1,
        })?;
        Ok(at)
    }

    /// Writes a JSON value, whose depth the caller has bounded, and gives its index.
    pub fn push_json(&mut self, value: &Value) -> usize {
        let at = self.nodes.len();
        self.json_value(value);
        at
    }

    fn json_value(&mut self, value: &Value) {
        match value {
            Value::Null => self.push_null(),
            Value::Bool(flag) => self.push_bool(*flag),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(n), _) => self.push_int(n),
                (None, Some(n)) => self.push_uint(n),
                _ => self.push_float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(text) => self.push_str(text),
            Value::Array(items) => {
                self.push_list(items.len());
                for item in items {
                    self.json_value(item);
                }
            }
            Value::Object(map) => {
                self.push_map(map.len());
                for (key, item) in map {
                    self.push_str(key);
                    self.json_value(item);
                }
            }
        }
    }

    /// The value that starts at node `at` as JSON; the first value JSON cannot hold is refused,
    /// for the writer to name in its host's words.
    pub fn to_json(&self, at: usize) -> Result<Value, Unrepresentable> {
        let mut position = at;
        self.json_at(&mut position)
    }

    fn json_at(&self, position: &mut usize) -> Result<Value, Unrepresentable> {
        let at = *position;
        *position += 1;
        Ok(match self.node(at).unwrap_or(Node::Null) {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Int(n) => Value::from(n),
            Node::UInt(n) => Value::from(n),
            Node::Float(x) => serde_json::Number::from_f64(x)
                .map(Value::Number)
                .ok_or(Unrepresentable::NonFinite(x))?,
            Node::Str { start, end } => Value::String(self.str_at(start, end).to_owned()),
            Node::Opaque => return Err(Unrepresentable::Opaque),
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
}

/// Writes what a deserializer presents onto a tape; `level` is the depth of the value (the
/// top one is 1).
struct Write<'t> {
    tape: &'t mut Tape,
    level: usize,
}

impl<'de> DeserializeSeed<'de> for Write<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Write<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.tape.push_null();
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        self.tape.push_null();
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
    fn visit_bool<E>(self, flag: bool) -> Result<(), E> {
        self.tape.push_bool(flag);
        Ok(())
    }
    fn visit_i64<E>(self, n: i64) -> Result<(), E> {
        self.tape.push_int(n);
        Ok(())
    }
    fn visit_u64<E>(self, n: u64) -> Result<(), E> {
        self.tape.push_uint(n);
        Ok(())
    }
    fn visit_i128<E>(self, n: i128) -> Result<(), E> {
        match i64::try_from(n) {
            Ok(n) => self.tape.push_int(n),
            Err(_) => match u64::try_from(n) {
                Ok(n) => self.tape.push_uint(n),
                Err(_) => self.tape.push_float(n as f64),
            },
        }
        Ok(())
    }
    fn visit_u128<E>(self, n: u128) -> Result<(), E> {
        match u64::try_from(n) {
            Ok(n) => self.tape.push_uint(n),
            Err(_) => self.tape.push_float(n as f64),
        }
        Ok(())
    }
    fn visit_f64<E>(self, x: f64) -> Result<(), E> {
        self.tape.push_float(x);
        Ok(())
    }
    fn visit_str<E>(self, text: &str) -> Result<(), E> {
        self.tape.push_str(text);
        Ok(())
    }
    /// Bytes, or a host value that JSON cannot represent: no field of the record accepts it.
    fn visit_bytes<E>(self, _: &[u8]) -> Result<(), E> {
        self.tape.push_opaque();
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.level > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        let at = self.tape.push_list(0);
        let mut count = 0;
        while seq
            .next_element_seed(Write {
                tape: &mut *self.tape,
                level: self.level + 1,
            })?
            .is_some()
        {
            count += 1;
        }
        self.tape.set_count(at, count);
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if self.level > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        let at = self.tape.push_map(0);
        let mut count = 0;
        while map
            .next_key_seed(WriteKey {
                tape: &mut *self.tape,
            })?
            .is_some()
        {
            map.next_value_seed(Write {
                tape: &mut *self.tape,
                level: self.level + 1,
            })?;
            count += 1;
        }
        self.tape.set_count(at, count);
        Ok(())
    }
}

/// Writes an object's key, which must be a string.
struct WriteKey<'t> {
    tape: &'t mut Tape,
}

impl<'de> DeserializeSeed<'de> for WriteKey<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for WriteKey<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E>(self, text: &str) -> Result<(), E> {
        self.tape.push_str(text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_and_json_values_give_the_same_tape() {
        let text = r#"{"a": [1, -2, 18446744073709551615, 1.5, "x\u00e9", null, true, {}], "b": {"c": []}}"#;
        let mut from_text = Tape::default();
        let mut reader = serde_json::Deserializer::from_str(text);
        let at = from_text.read(&mut reader).unwrap();
        let value: Value = serde_json::from_str(text).unwrap();
        let mut from_value = Tape::default();
        let at_value = from_value.push_json(&value);
        assert_eq!(from_text.nodes, from_value.nodes);
        assert_eq!(from_text.to_json(at).unwrap(), value);
        assert_eq!(from_value.to_json(at_value).unwrap(), value);
        assert_eq!(from_text.skip(at), from_text.len());
    }

    #[test]
    fn reading_stops_past_the_depth_limit() {
        for (levels, deep) in [(32, false), (33, true)] {
            let text = format!("{}{}", "[".repeat(levels), "]".repeat(levels));
            let mut tape = Tape::default();
            let read = tape.read(&mut serde_json::Deserializer::from_str(&text));
            assert_eq!(
                read.is_err_and(|e| e.to_string().contains(TOO_DEEP)),
                deep,
                "{levels}"
            );
        }
    }

    #[test]
    fn a_mark_takes_the_tape_back() {
        let mut tape = Tape::default();
        tape.push_str("kept");
        let mark = tape.mark();
        tape.push_list(1);
        tape.push_str("dropped");
        tape.truncate(mark);
        assert_eq!((tape.len(), tape.text()), (1, "kept"));
    }
}

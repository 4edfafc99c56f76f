//! The tape: host values flattened in document order, their strings in one buffer.
//!
//! [`super::reader`] writes records onto it while the GIL is held; [`super::deserializer`]
//! lends them to the core's decoder on any thread. Two allocations for a whole chunk of
//! records, whatever its size. A tape also turns back into JSON, for options and look-ups.

use std::cell::Cell;

use serde_json::Value;

/// One value on a tape. Containers are followed by their items (a map by key, value pairs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Node {
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
    pub(super) nodes: Vec<Node>,
    pub(super) text: String,
}

impl Tape {
    #[inline]
    pub(super) fn push_str(&mut self, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.nodes.push(Node::Str {
            start,
            end: self.text.len(),
        });
    }

    /// The text of a [`Node::Str`]. Its bounds are where a whole `str` begins and ends in
    /// `text` (only [`Tape::push_str`] writes it, and only the reader's truncation to an
    /// earlier length, itself such a place, takes from it), so they need no check of
    /// character boundaries (a tenth of the cost of reading a key off the tape).
    #[inline]
    pub(super) fn str_at(&self, start: usize, end: usize) -> &str {
        match self.text.as_bytes().get(start..end) {
            // SAFETY: `start` and `end` are character boundaries of `text` (see above), so the
            // bytes between them are UTF-8.
            #[allow(unsafe_code)]
            Some(bytes) => unsafe { std::str::from_utf8_unchecked(bytes) },
            None => "",
        }
    }

    /// The index of the node after the subtree that starts at `at`.
    pub(super) fn skip(&self, at: usize) -> usize {
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
}

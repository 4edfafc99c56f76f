//! The serde `Deserializer` over a [`Tape`]: how the core's decoder reads a record of Python
//! values without the GIL, as it reads JSON text.
//!
//! Strings and keys are lent from the tape's buffer (`visit_borrowed_str`); numbers are
//! presented as serde_json presents the same number read from text; an object JSON cannot
//! represent is presented as bytes (`visit_bytes`), so that it is CEN-SCH-002 at its own path.
//! What a visitor leaves unread is skipped, so that the reader's position stays that of the
//! tape.

use std::cell::Cell;

use serde::de::value::Error;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use super::tape::{Node, Tape};

impl Tape {
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

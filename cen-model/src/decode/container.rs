//! Decoding the containers of the record: arrays with their item limit, objects field by
//! field (unknown and repeated fields are CEN-SCH-003), and the record itself at the root.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::context::{Ctx, Segment};
use super::field::{DecodeObject, FieldValue, Fit, KeyOutcome};
use super::scalar::{out_of_range, wrong_type};
use super::skip::{skip_entries, skip_items, Skip};
use crate::finding::*;
use crate::pointer::push_token;
use crate::record::Record;
use crate::shape::Kind;

impl<T: FieldValue> FieldValue for Vec<T> {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Fit<Self>, D::Error> {
        de.deserialize_any(ListVisitor {
            kind,
            ctx,
            marker: PhantomData,
        })
    }
}

/// The visits shared by the array and object visitors: `null` is absent, and any scalar is
/// the wrong type for a container (CEN-SCH-002).
macro_rules! null_or_wrong_type {
    () => {
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Fit::Null)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Fit::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
            de.deserialize_any(self)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(wrong_type(self.kind, self.ctx))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(wrong_type(self.kind, self.ctx))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(wrong_type(self.kind, self.ctx))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(wrong_type(self.kind, self.ctx))
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(wrong_type(self.kind, self.ctx))
        }
        fn visit_bytes<E>(self, _: &[u8]) -> Result<Self::Value, E> {
            Ok(wrong_type(self.kind, self.ctx))
        }
    };
}

struct ListVisitor<'c, T> {
    kind: &'static Kind,
    ctx: &'c mut Ctx,
    marker: PhantomData<T>,
}

impl<'de, T: FieldValue> Visitor<'de> for ListVisitor<'_, T> {
    type Value = Fit<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Kind::List(item_kind, max) = self.kind else {
            skip_items(&mut seq, self.ctx.level())?;
            return Ok(wrong_type(self.kind, self.ctx));
        };
        let (findings_before, invalid_before) = (self.ctx.findings.len(), self.ctx.invalid.len());
        // Hosts know their length: one allocation, instead of growing by doubling (items past
        // the limit are never kept, so the limit bounds the room).
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(*max));
        let mut count = 0usize;
        loop {
            if count == *max {
                // Over the limit: the array takes no part in anything, so neither do the
                // findings of its items; only the limit is reported.
                let level = self.ctx.level();
                if seq.next_element_seed(Skip(level + 1))?.is_none() {
                    break;
                }
                skip_items(&mut seq, level)?;
                self.ctx.findings.truncate(findings_before);
                self.ctx.invalid.truncate(invalid_before);
                return Ok(out_of_range(
                    ParamValue::Int(*max as i64),
                    "items",
                    self.ctx,
                ));
            }
            self.ctx.path.push(Segment::Index(count));
            let item = seq.next_element_seed(ItemSeed::<T> {
                kind: item_kind,
                ctx: self.ctx,
                marker: PhantomData,
            })?;
            self.ctx.path.pop();
            match item {
                None => break,
                Some(Some(value)) => items.push(value),
                Some(None) => items.extend(T::placeholder()),
            }
            count += 1;
        }
        Ok(Fit::Valid(items))
    }

    null_or_wrong_type!();
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        skip_entries(&mut map, self.ctx.level())?;
        Ok(wrong_type(self.kind, self.ctx))
    }
}

/// The seed of one array item: `null` and values that do not fit are reported at the item.
struct ItemSeed<'c, T> {
    kind: &'static Kind,
    ctx: &'c mut Ctx,
    marker: PhantomData<T>,
}

impl<'de, T: FieldValue> DeserializeSeed<'de> for ItemSeed<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<T>, D::Error> {
        Ok(match T::decode(de, self.kind, self.ctx)? {
            Fit::Valid(value) => Some(value),
            Fit::Invalid => None,
            Fit::Null => {
                // An item cannot be absent: a null item has the wrong type.
                let _: Fit<T> = wrong_type(self.kind, self.ctx);
                None
            }
        })
    }
}

/// Decodes any object type of the record.
pub fn decode_object<'de, T: DecodeObject, D: Deserializer<'de>>(
    de: D,
    kind: &'static Kind,
    ctx: &mut Ctx,
) -> Result<Fit<T>, D::Error> {
    de.deserialize_any(ObjectVisitor::<T> {
        kind,
        ctx,
        marker: PhantomData,
    })
}

struct ObjectVisitor<'c, T> {
    kind: &'static Kind,
    ctx: &'c mut Ctx,
    marker: PhantomData<T>,
}

/// A map key: borrowed from the input when it can be, otherwise copied into a buffer that
/// serves every key of the object (no allocation per key).
enum Key<'de> {
    Borrowed(&'de str),
    Buffered,
}

struct KeySeed<'b> {
    buffer: &'b mut String,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Key<'de>, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
        self.buffer.clear();
        self.buffer.push_str(v);
        Ok(Key::Buffered)
    }
}

fn decode_fields<'de, T: DecodeObject, A: MapAccess<'de>>(
    mut map: A,
    ctx: &mut Ctx,
) -> Result<T, A::Error> {
    let mut value = T::default();
    let mut seen = 0u64;
    let mut buffer = String::new();
    while let Some(key) = map.next_key_seed(KeySeed {
        buffer: &mut buffer,
    })? {
        let key: &str = match key {
            Key::Borrowed(key) => key,
            Key::Buffered => &buffer,
        };
        match value.decode_key(key, &mut map, ctx, &mut seen)? {
            KeyOutcome::Decoded => {}
            outcome => {
                // An unknown field, or a field given twice: the first report stands.
                map.next_value_seed(Skip(ctx.level() + 1))?;
                let variant = if matches!(outcome, KeyOutcome::Duplicate) {
                    "duplicate"
                } else {
                    "unknown"
                };
                ctx.report(|mut pointer| {
                    push_token(&mut pointer, key);
                    Finding::new(SCH_UNKNOWN_FIELD, pointer, Params::new().with("field", key))
                        .variant(variant)
                });
            }
        }
    }
    Ok(value)
}

impl<'de, T: DecodeObject> Visitor<'de> for ObjectVisitor<'_, T> {
    type Value = Fit<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        decode_fields(map, self.ctx).map(Fit::Valid)
    }

    null_or_wrong_type!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq, self.ctx.level())?;
        Ok(wrong_type(self.kind, self.ctx))
    }
}

/// The top level: an object, or nothing (the caller turns nothing into CEN-SCH-001).
pub(super) struct RootVisitor<'c> {
    pub(super) ctx: &'c mut Ctx,
}

impl<'de> Visitor<'de> for RootVisitor<'_> {
    type Value = Option<Record>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        decode_fields(map, self.ctx).map(Some)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq, 1)?;
        Ok(None)
    }
}

macro_rules! object_field_values {
    ($($t:ty),+ $(,)?) => {
        $(
            impl FieldValue for $t {
                fn decode<'de, D: Deserializer<'de>>(de: D, kind: &'static Kind, ctx: &mut Ctx) -> Result<Fit<Self>, D::Error> {
                    decode_object::<$t, D>(de, kind, ctx)
                }

                fn placeholder() -> Option<Self> {
                    Some(<$t>::default())
                }
            }
        )+
    };
}

use crate::record::*;
object_field_values!(
    Location, Detection, GoodsLine, Money, Leg, Route, Offender, Person, Document, Company,
    Outcome, Photo
);

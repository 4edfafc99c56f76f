//! What decoding one field gives ([`Fit`]), and the traits the record's types implement to be
//! decoded: [`FieldValue`] for any value a field holds, [`DecodeObject`] for the objects
//! (implemented by `model_object!` in [`crate::shape`]).

use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, MapAccess};

use super::context::{Ctx, Segment};
use crate::shape::{FieldShape, Kind, ObjectShape};

/// The outcome of decoding one value.
pub enum Fit<T> {
    /// `null`: the same as absent.
    Null,
    /// Present, but it did not fit (the finding is recorded).
    Invalid,
    /// Present and fits.
    Valid(T),
}

/// A type that a field of the record can hold.
pub trait FieldValue: Sized {
    /// Decodes one value of this kind; structural problems become findings in `ctx`.
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Fit<Self>, D::Error>;

    /// What stands in an array for an item that did not fit, so that later indices keep their
    /// meaning; `None` drops the item.
    fn placeholder() -> Option<Self> {
        None
    }
}

/// What became of one key of an object.
pub enum KeyOutcome {
    /// A field of the object: its value was decoded.
    Decoded,
    /// A field already given: its value is still to be skipped.
    Duplicate,
    /// Not a field of the object: its value is still to be skipped.
    Unknown,
}

/// An object type of the record (implemented by `model_object!`).
pub trait DecodeObject: Default {
    /// The shape of the object.
    fn shape() -> &'static ObjectShape;
    /// Decodes the value of `key` if it is a field not seen before (`seen` has one bit per field).
    fn decode_key<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
        ctx: &mut Ctx,
        seen: &mut u64,
    ) -> Result<KeyOutcome, A::Error>;
}

/// The seed of one field: pushes the field on the path and decodes its value.
pub struct FieldSeed<'c, T> {
    field: &'static FieldShape,
    ctx: &'c mut Ctx,
    marker: PhantomData<T>,
}

impl<'c, T> FieldSeed<'c, T> {
    /// The seed of `field`.
    pub fn new(field: &'static FieldShape, ctx: &'c mut Ctx) -> Self {
        FieldSeed {
            field,
            ctx,
            marker: PhantomData,
        }
    }
}

impl<'de, T: FieldValue> DeserializeSeed<'de> for FieldSeed<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<T>, D::Error> {
        self.ctx.path.push(Segment::Field(self.field.name));
        let decoded = T::decode(de, &self.field.kind, self.ctx)?;
        self.ctx.path.pop();
        Ok(match decoded {
            Fit::Valid(value) => Some(value),
            Fit::Null | Fit::Invalid => None,
        })
    }
}

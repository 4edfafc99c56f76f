//! What decoding one field gives ([`Fit`]), the traits the record's types implement to be
//! decoded ([`FieldValue`] for any value a field holds, [`DecodeObject`] for the objects,
//! implemented by `model_object!` in [`crate::shape`]), and the [`Cursor`] they read with.

use super::context::{Ctx, Segment};
use crate::shape::{FieldShape, Kind, ObjectShape};
use crate::tape::{Node, Tape};

/// The outcome of decoding one value.
pub enum Fit<T> {
    /// `null`: the same as absent.
    Null,
    /// Present, but it did not fit (the finding is recorded).
    Invalid,
    /// Present and fits.
    Valid(T),
}

impl<T> Fit<T> {
    /// The same outcome, with `f` applied to a value that fits.
    #[inline]
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Fit<U> {
        match self {
            Fit::Null => Fit::Null,
            Fit::Invalid => Fit::Invalid,
            Fit::Valid(value) => Fit::Valid(f(value)),
        }
    }
}

/// Reads the values of a tape in order. Each decoding step takes exactly one value, with
/// everything inside it, so that the cursor always stands at the start of a value.
pub struct Cursor<'t> {
    tape: &'t Tape,
    at: usize,
}

impl<'t> Cursor<'t> {
    /// A cursor at the value that starts at node `at`.
    pub fn new(tape: &'t Tape, at: usize) -> Self {
        Cursor { tape, at }
    }

    /// The next node; past the end of the tape (a writer's mistake), `null`.
    #[inline]
    pub(super) fn next(&mut self) -> Node {
        let node = self.tape.node(self.at).unwrap_or(Node::Null);
        self.at += 1;
        node
    }

    /// The text of a string node.
    #[inline]
    pub(super) fn text(&self, start: usize, end: usize) -> &'t str {
        self.tape.str_at(start, end)
    }

    /// Skips `count` values.
    pub(super) fn skip_values(&mut self, count: usize) {
        for _ in 0..count {
            self.at = self.tape.skip(self.at);
        }
    }

    /// Skips what is inside `node`, just read: the items of an array, the entries of an object.
    #[inline]
    pub(super) fn skip_inside(&mut self, node: Node) {
        match node {
            Node::List(count) => self.skip_values(count),
            Node::Map(count) => self.skip_values(count.saturating_mul(2)),
            _ => {}
        }
    }
}

/// A type that a field of the record can hold.
pub trait FieldValue: Sized {
    /// Decodes the value at the cursor as this kind, and moves past it; structural problems
    /// become findings in `ctx`.
    fn decode(cursor: &mut Cursor<'_>, kind: &'static Kind, ctx: &mut Ctx) -> Fit<Self>;

    /// Decodes the value at the cursor over `value`, whatever it holds, reusing its room (a
    /// string's bytes, an object's fields, an array's items): how a record is decoded over the
    /// one before it without allocating again. After `Fit::Valid(())`, `value` is exactly what
    /// [`FieldValue::decode`] gives; after `Null` or `Invalid` it holds anything, and the caller
    /// drops or replaces it.
    #[inline]
    fn decode_over(
        value: &mut Self,
        cursor: &mut Cursor<'_>,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Fit<()> {
        Self::decode(cursor, kind, ctx).map(|decoded| *value = decoded)
    }

    /// Decodes the value at the cursor into `slot`: over what it holds, or into a new value.
    /// After `Fit::Valid(())`, `slot` holds exactly what [`FieldValue::decode`] gives; after
    /// `Null` or `Invalid` it holds anything. Types with room of their own decode a new value
    /// as an empty one decoded over ([`FieldValue::decode_over`]), so that the decoder of each
    /// type is compiled once.
    #[inline]
    fn decode_into(
        slot: &mut Option<Self>,
        cursor: &mut Cursor<'_>,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Fit<()> {
        match slot {
            Some(value) => Self::decode_over(value, cursor, kind, ctx),
            None => Self::decode(cursor, kind, ctx).map(|value| *slot = Some(value)),
        }
    }

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
    /// Decodes the value of `key`, at the cursor, if it is a field not seen before (`seen` has
    /// one bit per field).
    fn decode_key(
        &mut self,
        key: &str,
        cursor: &mut Cursor<'_>,
        ctx: &mut Ctx,
        seen: &mut u64,
    ) -> KeyOutcome;
    /// Empties the fields whose bit is not set in `seen` (one bit per field, as in
    /// [`DecodeObject::decode_key`]): what is left of an object decoded over another.
    fn clear_unseen(&mut self, seen: u64);
}

/// Decodes the value of `field` at the cursor, with the field on the path: the value if it
/// fits, nothing if it is `null` or does not fit (then with its finding).
#[inline(always)]
pub fn decode_field<T: FieldValue>(
    field: &'static FieldShape,
    cursor: &mut Cursor<'_>,
    ctx: &mut Ctx,
) -> Option<T> {
    let mut slot = None;
    decode_field_over(field, cursor, ctx, &mut slot);
    slot
}

/// Decodes the value of `field` at the cursor over `slot`, with the field on the path: the
/// value if it fits, reusing what `slot` held; nothing if it is `null` or does not fit (then
/// with its finding). The same as `*slot = decode_field(field, cursor, ctx)`, without
/// allocating again what `slot` already has room for.
#[inline(always)]
pub fn decode_field_over<T: FieldValue>(
    field: &'static FieldShape,
    cursor: &mut Cursor<'_>,
    ctx: &mut Ctx,
    slot: &mut Option<T>,
) {
    ctx.path.push(Segment::Field(field.name));
    let fit = T::decode_into(slot, cursor, &field.kind, ctx);
    ctx.path.pop();
    if !matches!(fit, Fit::Valid(())) {
        *slot = None;
    }
}

//! Decoding the containers of the record: arrays with their item limit, objects field by
//! field (unknown and repeated fields are CEN-SCH-003), and the record itself at the root.

use super::context::{Ctx, Segment};
use super::field::{Cursor, DecodeObject, FieldValue, Fit, KeyOutcome};
use super::scalar::{out_of_range, wrong_type};
use crate::finding::*;
use crate::pointer::push_token;
use crate::record::Record;
use crate::shape::Kind;
use crate::tape::Node;

impl<T: FieldValue> FieldValue for Vec<T> {
    new_values_decoded_over_empty!();

    /// Each item decoded over the one at its place, if any; what is left over is dropped.
    fn decode_over(
        items: &mut Self,
        cursor: &mut Cursor<'_>,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Fit<()> {
        let count = match cursor.next() {
            Node::List(count) => count,
            Node::Null => return Fit::Null,
            other => {
                cursor.skip_inside(other);
                return wrong_type(kind, ctx);
            }
        };
        let Kind::List(item_kind, max) = kind else {
            cursor.skip_values(count);
            return wrong_type(kind, ctx);
        };
        if count > *max {
            // Over the limit: the array takes no part in anything, so neither do its items;
            // only the limit is reported.
            cursor.skip_values(count);
            return out_of_range(ParamValue::Int(*max as i64), "items", ctx);
        }
        items.reserve(count.saturating_sub(items.len()));
        // Items kept so far: an item that does not fit and has no placeholder is dropped, and
        // the next one is decoded over what it left.
        let mut kept = 0;
        for index in 0..count {
            ctx.path.push(Segment::Index(index));
            let fit = match items.get_mut(kept) {
                Some(item) => T::decode_over(item, cursor, item_kind, ctx),
                None => {
                    let mut slot = None;
                    let fit = T::decode_into(&mut slot, cursor, item_kind, ctx);
                    if let (Fit::Valid(()), Some(value)) = (&fit, slot) {
                        items.push(value);
                    }
                    fit
                }
            };
            match fit {
                Fit::Valid(()) => kept += 1,
                Fit::Invalid => kept += put_placeholder(items, kept),
                Fit::Null => {
                    // An item cannot be absent: a null item has the wrong type.
                    let _: Fit<T> = wrong_type(item_kind, ctx);
                    kept += put_placeholder(items, kept);
                }
            }
            ctx.path.pop();
        }
        items.truncate(kept);
        Fit::Valid(())
    }
}

/// Puts the placeholder of an item that did not fit at `at` (see [`FieldValue::placeholder`]),
/// and gives how many items that keeps: 1, or 0 when the item is dropped.
fn put_placeholder<T: FieldValue>(items: &mut Vec<T>, at: usize) -> usize {
    let Some(placeholder) = T::placeholder() else {
        return 0;
    };
    match items.get_mut(at) {
        Some(item) => *item = placeholder,
        None => items.push(placeholder),
    }
    1
}

/// Decodes any object type of the record.
pub fn decode_object<T: DecodeObject>(
    cursor: &mut Cursor<'_>,
    kind: &'static Kind,
    ctx: &mut Ctx,
) -> Fit<T> {
    let mut value = T::default();
    decode_object_over(&mut value, cursor, kind, ctx).map(|()| value)
}

/// Decodes any object type of the record over `value` (see [`FieldValue::decode_over`]).
pub fn decode_object_over<T: DecodeObject>(
    value: &mut T,
    cursor: &mut Cursor<'_>,
    kind: &'static Kind,
    ctx: &mut Ctx,
) -> Fit<()> {
    match cursor.next() {
        Node::Map(count) => {
            decode_fields(value, cursor, count, ctx);
            Fit::Valid(())
        }
        Node::Null => Fit::Null,
        other => {
            cursor.skip_inside(other);
            wrong_type(kind, ctx)
        }
    }
}

/// Decodes the `count` entries of an object over `value`, the cursor at its first key: each
/// field given is decoded over what `value` held, and the others are emptied.
fn decode_fields<T: DecodeObject>(
    value: &mut T,
    cursor: &mut Cursor<'_>,
    count: usize,
    ctx: &mut Ctx,
) {
    let mut seen = 0u64;
    for _ in 0..count {
        // Every writer of a tape writes keys as strings.
        let key = match cursor.next() {
            Node::Str { start, end } => cursor.text(start, end),
            other => {
                cursor.skip_inside(other);
                ""
            }
        };
        match value.decode_key(key, cursor, ctx, &mut seen) {
            KeyOutcome::Decoded => {}
            outcome => {
                // An unknown field, or a field given twice: the first report stands.
                cursor.skip_values(1);
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
    value.clear_unseen(seen);
}

/// The top level, decoded over `record`: false when it is not an object (the caller turns
/// that into CEN-SCH-001), and `record` then holds anything.
pub(super) fn decode_root(cursor: &mut Cursor<'_>, ctx: &mut Ctx, record: &mut Record) -> bool {
    match cursor.next() {
        Node::Map(count) => {
            decode_fields(record, cursor, count, ctx);
            true
        }
        _ => false,
    }
}

macro_rules! object_field_values {
    ($($t:ty),+ $(,)?) => {
        $(
            impl FieldValue for $t {
                new_values_decoded_over_empty!();

                fn decode_over(
                    value: &mut Self,
                    cursor: &mut Cursor<'_>,
                    kind: &'static Kind,
                    ctx: &mut Ctx,
                ) -> Fit<()> {
                    decode_object_over(value, cursor, kind, ctx)
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

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
    fn decode(cursor: &mut Cursor<'_>, kind: &'static Kind, ctx: &mut Ctx) -> Fit<Self> {
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
        let mut items = Vec::with_capacity(count);
        for index in 0..count {
            ctx.path.push(Segment::Index(index));
            match T::decode(cursor, item_kind, ctx) {
                Fit::Valid(value) => items.push(value),
                Fit::Invalid => items.extend(T::placeholder()),
                Fit::Null => {
                    // An item cannot be absent: a null item has the wrong type.
                    let _: Fit<T> = wrong_type(item_kind, ctx);
                    items.extend(T::placeholder());
                }
            }
            ctx.path.pop();
        }
        Fit::Valid(items)
    }
}

/// Decodes any object type of the record.
pub fn decode_object<T: DecodeObject>(
    cursor: &mut Cursor<'_>,
    kind: &'static Kind,
    ctx: &mut Ctx,
) -> Fit<T> {
    match cursor.next() {
        Node::Map(count) => Fit::Valid(decode_fields(cursor, count, ctx)),
        Node::Null => Fit::Null,
        other => {
            cursor.skip_inside(other);
            wrong_type(kind, ctx)
        }
    }
}

/// Decodes the `count` entries of an object, the cursor at its first key.
fn decode_fields<T: DecodeObject>(cursor: &mut Cursor<'_>, count: usize, ctx: &mut Ctx) -> T {
    let mut value = T::default();
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
    value
}

/// The top level: an object, or nothing (the caller turns nothing into CEN-SCH-001).
pub(super) fn decode_root(cursor: &mut Cursor<'_>, ctx: &mut Ctx) -> Option<Record> {
    match cursor.next() {
        Node::Map(count) => Some(decode_fields(cursor, count, ctx)),
        _ => None,
    }
}

macro_rules! object_field_values {
    ($($t:ty),+ $(,)?) => {
        $(
            impl FieldValue for $t {
                fn decode(cursor: &mut Cursor<'_>, kind: &'static Kind, ctx: &mut Ctx) -> Fit<Self> {
                    decode_object::<$t>(cursor, kind, ctx)
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

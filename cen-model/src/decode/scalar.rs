//! Decoding the scalar values of the record: text, numbers, whole numbers and enumeration
//! words, each checked against its field's kind (CEN-SCH-002, -005, -006).

use super::context::Ctx;
use super::field::{Cursor, FieldValue, Fit};
use crate::enums::Enumeration;
use crate::finding::*;
use crate::shape::Kind;
use crate::tape::Node;

/// A value reduced to what a scalar field needs to know; arrays and objects are skipped.
enum Atom<'t> {
    Null,
    /// A boolean, or a value JSON cannot represent (a Python object, a JavaScript function):
    /// no scalar field accepts either (CEN-SCH-002).
    Other,
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Str(&'t str),
}

/// Reads the value at the cursor as an atom, skipping what is inside an array or object.
#[inline(always)]
fn atom<'t>(cursor: &mut Cursor<'t>) -> Atom<'t> {
    match cursor.next() {
        Node::Null => Atom::Null,
        Node::Str { start, end } => Atom::Str(cursor.text(start, end)),
        // As a JSON parser presents numbers: non-negative as unsigned.
        Node::Int(n) if n >= 0 => Atom::Unsigned(n as u64),
        Node::Int(n) => Atom::Signed(n),
        Node::UInt(n) => Atom::Unsigned(n),
        Node::Float(x) => Atom::Float(x),
        Node::Bool(_) | Node::Opaque => Atom::Other,
        container @ (Node::List(_) | Node::Map(_)) => {
            cursor.skip_inside(container);
            Atom::Other
        }
    }
}

/// The message variant of CEN-SCH-002 for a kind: what was expected.
pub(super) fn expected(kind: &Kind) -> &'static str {
    match kind {
        Kind::Text(_) | Kind::Code(_) | Kind::Enum(_) => "string",
        Kind::Number(_) => "number",
        Kind::Integer(_) => "integer",
        Kind::Object(_) => "object",
        Kind::List(..) => "array",
    }
}

pub(super) fn wrong_type<T>(kind: &Kind, ctx: &mut Ctx) -> Fit<T> {
    ctx.reject(SCH_WRONG_TYPE, Params::new(), expected(kind));
    Fit::Invalid
}

pub(super) fn out_of_range<T>(limit: ParamValue, variant: &'static str, ctx: &mut Ctx) -> Fit<T> {
    ctx.reject(SCH_LIMIT, Params::new().with("limit", limit), variant);
    Fit::Invalid
}

impl FieldValue for String {
    new_values_decoded_over_empty!();

    /// The text copied into the string's own room: no allocation when it fits there.
    fn decode_over(
        value: &mut Self,
        cursor: &mut Cursor<'_>,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Fit<()> {
        match atom(cursor) {
            Atom::Null => Fit::Null,
            Atom::Str(text) => match kind {
                // Counting characters is only needed when the bytes could exceed the limit.
                Kind::Text(max) if text.len() > *max && text.chars().nth(*max).is_some() => {
                    out_of_range(ParamValue::Int(*max as i64), "text", ctx)
                }
                _ => {
                    ctx.text_decoded += text.len();
                    value.clear();
                    value.push_str(text);
                    Fit::Valid(())
                }
            },
            _ => wrong_type(kind, ctx),
        }
    }

    fn placeholder() -> Option<Self> {
        Some(String::new())
    }
}

impl FieldValue for f64 {
    fn decode(cursor: &mut Cursor<'_>, kind: &'static Kind, ctx: &mut Ctx) -> Fit<Self> {
        let number = match atom(cursor) {
            Atom::Null => return Fit::Null,
            Atom::Unsigned(n) => n as f64,
            Atom::Signed(n) => n as f64,
            Atom::Float(x) => x,
            _ => return wrong_type(kind, ctx),
        };
        if !number.is_finite() {
            return out_of_range(ParamValue::from("finite"), "finite", ctx);
        }
        if let Kind::Number(range) = kind {
            if let Some(min) = range.min.filter(|min| number < *min) {
                return out_of_range(ParamValue::number(min), "minimum", ctx);
            }
            if let Some(max) = range.max.filter(|max| number > *max) {
                return out_of_range(ParamValue::number(max), "maximum", ctx);
            }
        }
        Fit::Valid(number)
    }
}

impl FieldValue for u64 {
    fn decode(cursor: &mut Cursor<'_>, kind: &'static Kind, ctx: &mut Ctx) -> Fit<Self> {
        let Kind::Integer(range) = kind else {
            cursor.skip_values(1);
            return wrong_type(kind, ctx);
        };
        // Whole numbers written as floats (27.0, 1e3) are whole numbers, as in JSON Schema.
        let number: f64 = match atom(cursor) {
            Atom::Null => return Fit::Null,
            Atom::Unsigned(n) => {
                return if n > range.max as u64 {
                    out_of_range(ParamValue::Int(range.max), "maximum", ctx)
                } else if (n as i64) < range.min {
                    out_of_range(ParamValue::Int(range.min), "minimum", ctx)
                } else {
                    Fit::Valid(n)
                };
            }
            Atom::Signed(n) => n as f64,
            Atom::Float(x) if !x.is_finite() => {
                return out_of_range(ParamValue::from("finite"), "finite", ctx)
            }
            Atom::Float(x) if x.fract() != 0.0 => return wrong_type(kind, ctx),
            Atom::Float(x) => x,
            _ => return wrong_type(kind, ctx),
        };
        if number < range.min as f64 {
            out_of_range(ParamValue::Int(range.min), "minimum", ctx)
        } else if number > range.max as f64 {
            out_of_range(ParamValue::Int(range.max), "maximum", ctx)
        } else {
            Fit::Valid(number as u64)
        }
    }
}

impl<E: Enumeration> FieldValue for E {
    fn decode(cursor: &mut Cursor<'_>, kind: &'static Kind, ctx: &mut Ctx) -> Fit<Self> {
        match atom(cursor) {
            Atom::Null => Fit::Null,
            // A known word (nearly all of them) is looked up where the tape holds it, never copied.
            Atom::Str(word) => match E::from_word(word) {
                Some(value) => Fit::Valid(value),
                None => {
                    let params = Params::new()
                        .with("value", word)
                        .with("allowed", ParamValue::words(E::INFO.values));
                    ctx.reject(SCH_NOT_ALLOWED, params, "word");
                    Fit::Invalid
                }
            },
            _ => wrong_type(kind, ctx),
        }
    }
}

//! Decoding the scalar values of the record: text, numbers, whole numbers and enumeration
//! words, each checked against its field's kind (CEN-SCH-002, -005, -006).

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};

use super::context::Ctx;
use super::field::{FieldValue, Fit};
use super::skip::{skip_entries, skip_items};
use crate::enums::Enumeration;
use crate::finding::*;
use crate::shape::Kind;

/// A JSON value reduced to what a scalar field needs to know; arrays and objects are skipped.
enum Atom<'de> {
    Null,
    Bool,
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Str(Cow<'de, str>),
    Array,
    Object,
}

/// Reads a scalar field's value at depth `.0`; arrays and objects are skipped.
struct AtomVisitor(usize);

impl<'de> Visitor<'de> for AtomVisitor {
    type Value = Atom<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Atom<'de>, E> {
        Ok(Atom::Null)
    }
    fn visit_none<E>(self) -> Result<Atom<'de>, E> {
        Ok(Atom::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Atom<'de>, D::Error> {
        de.deserialize_any(self)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Atom<'de>, E> {
        Ok(Atom::Bool)
    }
    /// Bytes, or a host value that JSON cannot represent (a Python object, a JavaScript
    /// function): like a boolean, no field of the record accepts it (CEN-SCH-002).
    fn visit_bytes<E>(self, _: &[u8]) -> Result<Atom<'de>, E> {
        Ok(Atom::Bool)
    }
    fn visit_u64<E>(self, v: u64) -> Result<Atom<'de>, E> {
        Ok(Atom::Unsigned(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Atom<'de>, E> {
        Ok(Atom::Signed(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Atom<'de>, E> {
        Ok(Atom::Float(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Atom<'de>, E> {
        Ok(Atom::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Atom<'de>, E> {
        Ok(Atom::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Atom<'de>, E> {
        Ok(Atom::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Atom<'de>, A::Error> {
        skip_items(&mut seq, self.0)?;
        Ok(Atom::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Atom<'de>, A::Error> {
        skip_entries(&mut map, self.0)?;
        Ok(Atom::Object)
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
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Fit<Self>, D::Error> {
        Ok(match de.deserialize_any(AtomVisitor(ctx.level()))? {
            Atom::Null => Fit::Null,
            Atom::Str(text) => match kind {
                // Counting characters is only needed when the bytes could exceed the limit.
                Kind::Text(max) if text.len() > *max && text.chars().nth(*max).is_some() => {
                    out_of_range(ParamValue::Int(*max as i64), "text", ctx)
                }
                _ => Fit::Valid(text.into_owned()),
            },
            _ => wrong_type(kind, ctx),
        })
    }

    fn placeholder() -> Option<Self> {
        Some(String::new())
    }
}

impl FieldValue for f64 {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Fit<Self>, D::Error> {
        let number = match de.deserialize_any(AtomVisitor(ctx.level()))? {
            Atom::Null => return Ok(Fit::Null),
            Atom::Unsigned(n) => n as f64,
            Atom::Signed(n) => n as f64,
            Atom::Float(x) => x,
            _ => return Ok(wrong_type(kind, ctx)),
        };
        if !number.is_finite() {
            return Ok(out_of_range(ParamValue::from("finite"), "finite", ctx));
        }
        if let Kind::Number(range) = kind {
            if let Some(min) = range.min.filter(|min| number < *min) {
                return Ok(out_of_range(ParamValue::number(min), "minimum", ctx));
            }
            if let Some(max) = range.max.filter(|max| number > *max) {
                return Ok(out_of_range(ParamValue::number(max), "maximum", ctx));
            }
        }
        Ok(Fit::Valid(number))
    }
}

impl FieldValue for u64 {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Fit<Self>, D::Error> {
        let Kind::Integer(range) = kind else {
            return Ok(wrong_type(kind, ctx));
        };
        // Whole numbers written as floats (27.0, 1e3) are whole numbers, as in JSON Schema.
        let number: f64 = match de.deserialize_any(AtomVisitor(ctx.level()))? {
            Atom::Null => return Ok(Fit::Null),
            Atom::Unsigned(n) => {
                return Ok(if n > range.max as u64 {
                    out_of_range(ParamValue::Int(range.max), "maximum", ctx)
                } else if (n as i64) < range.min {
                    out_of_range(ParamValue::Int(range.min), "minimum", ctx)
                } else {
                    Fit::Valid(n)
                });
            }
            Atom::Signed(n) => n as f64,
            Atom::Float(x) if !x.is_finite() => {
                return Ok(out_of_range(ParamValue::from("finite"), "finite", ctx))
            }
            Atom::Float(x) if x.fract() != 0.0 => return Ok(wrong_type(kind, ctx)),
            Atom::Float(x) => x,
            _ => return Ok(wrong_type(kind, ctx)),
        };
        Ok(if number < range.min as f64 {
            out_of_range(ParamValue::Int(range.min), "minimum", ctx)
        } else if number > range.max as f64 {
            out_of_range(ParamValue::Int(range.max), "maximum", ctx)
        } else {
            Fit::Valid(number as u64)
        })
    }
}

/// An enumeration field's value: its word is looked up where the input lends it, so that a
/// known word (nearly all of them) is never copied.
enum Word<E> {
    Null,
    Known(E),
    Unknown(String),
    Other,
}

struct WordVisitor<E>(usize, std::marker::PhantomData<E>);

impl<'de, E: Enumeration> Visitor<'de> for WordVisitor<E> {
    type Value = Word<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a word")
    }
    fn visit_unit<Er>(self) -> Result<Word<E>, Er> {
        Ok(Word::Null)
    }
    fn visit_none<Er>(self) -> Result<Word<E>, Er> {
        Ok(Word::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Word<E>, D::Error> {
        de.deserialize_any(self)
    }
    fn visit_bool<Er>(self, _: bool) -> Result<Word<E>, Er> {
        Ok(Word::Other)
    }
    fn visit_bytes<Er>(self, _: &[u8]) -> Result<Word<E>, Er> {
        Ok(Word::Other)
    }
    fn visit_u64<Er>(self, _: u64) -> Result<Word<E>, Er> {
        Ok(Word::Other)
    }
    fn visit_i64<Er>(self, _: i64) -> Result<Word<E>, Er> {
        Ok(Word::Other)
    }
    fn visit_f64<Er>(self, _: f64) -> Result<Word<E>, Er> {
        Ok(Word::Other)
    }
    fn visit_str<Er>(self, v: &str) -> Result<Word<E>, Er> {
        Ok(match E::from_word(v) {
            Some(value) => Word::Known(value),
            None => Word::Unknown(v.to_owned()),
        })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Word<E>, A::Error> {
        skip_items(&mut seq, self.0)?;
        Ok(Word::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Word<E>, A::Error> {
        skip_entries(&mut map, self.0)?;
        Ok(Word::Other)
    }
}

impl<E: Enumeration> FieldValue for E {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Fit<Self>, D::Error> {
        let visitor = WordVisitor::<E>(ctx.level(), std::marker::PhantomData);
        Ok(match de.deserialize_any(visitor)? {
            Word::Null => Fit::Null,
            Word::Known(value) => Fit::Valid(value),
            Word::Unknown(word) => {
                let params = Params::new()
                    .with("value", word)
                    .with("allowed", ParamValue::words(E::INFO.values));
                ctx.reject(SCH_NOT_ALLOWED, params, "word");
                Fit::Invalid
            }
            Word::Other => wrong_type(kind, ctx),
        })
    }
}

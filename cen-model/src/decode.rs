//! Lenient, single-pass decoding of a record that reports *every* structural problem.
//!
//! A strict serde derive stops at the first problem; the rules need them all (CEN-SCH-002,
//! -003, -005 and -006 for each bad field, with its JSON Pointer). The decoder walks any serde
//! [`Deserializer`] (JSON text, a `serde_json::Value`, and through the bindings Python or
//! JavaScript values) with the shape of [`crate::shape`], keeps every value that fits, and
//! records a finding for each one that does not. A value that does not fit is dropped from the
//! typed record and its pointer is listed in [`Decoded::invalid`]: it still counts as present
//! for required-field checks, and takes part in no other comparison (spec 3, "No cascades").
//!
//! Only a problem of the input as a whole (not JSON, not an object, not UTF-8, over 1 MiB,
//! nested deeper than 32) stops decoding: that is a [`Fatal`] error, CEN-SCH-001.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::enums::Enumeration;
use crate::finding::*;
use crate::pointer::push_token;
use crate::record::Record;
use crate::shape::{FieldShape, Kind, ObjectShape};

/// The largest record accepted, in bytes of JSON text (spec 3, CEN-SCH-001).
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;
/// The deepest nesting accepted; the record object itself is level 1 (spec 3, CEN-SCH-001).
pub const MAX_DEPTH: usize = 32;

/// Why an input is not a record at all (CEN-SCH-001).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fatal {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// The input is larger than [`MAX_RECORD_BYTES`].
    TooLarge,
    /// The input nests deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The text is not JSON; the detail says where (from the JSON parser).
    NotJson(String),
    /// The JSON value is not an object.
    NotObject,
}

impl Fatal {
    /// The message variant of CEN-SCH-001 for this cause.
    pub fn variant(&self) -> &'static str {
        match self {
            Fatal::NotUtf8 => "not_utf8",
            Fatal::TooLarge => "too_large",
            Fatal::TooDeep => "too_deep",
            Fatal::NotJson(_) => "not_json",
            Fatal::NotObject => "not_object",
        }
    }

    /// The finding of this cause: CEN-SCH-001 at the root.
    pub fn finding(&self) -> Finding {
        Finding::new(SCH_NOT_A_RECORD, "", Params::new()).variant(self.variant())
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fatal::NotUtf8 => f.write_str("the input is not valid UTF-8"),
            Fatal::TooLarge => write!(f, "the input is larger than {MAX_RECORD_BYTES} bytes"),
            Fatal::TooDeep => write!(f, "the input is nested deeper than {MAX_DEPTH} levels"),
            Fatal::NotJson(detail) => write!(f, "the input is not JSON: {detail}"),
            Fatal::NotObject => f.write_str("the input is not a JSON object"),
        }
    }
}

impl std::error::Error for Fatal {}

/// A decoded record with its structural findings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    /// Every value that fits the record's shape. Array items that did not fit are kept as empty
    /// placeholders (empty string, empty object) so that indices stay those of the input.
    pub record: Record,
    /// CEN-SCH-002, -003, -005 and -006 findings, in input order.
    pub findings: Vec<Finding>,
    /// JSON Pointers of values that were present but did not fit, in input order.
    pub invalid: Vec<String>,
}

impl Decoded {
    /// True when the value at this pointer was present but did not fit its field.
    pub fn is_invalid(&self, pointer: &str) -> bool {
        !self.invalid.is_empty() && self.invalid.iter().any(|p| p == pointer)
    }
}

/// Decodes a record from bytes: checks size, UTF-8 and depth, then decodes. A leading UTF-8
/// byte order mark is ignored (RFC 8259 allows it; spreadsheet tools write one).
///
/// ```
/// let decoded = cen_model::decode_bytes(br#"{"reporting_country": "BE", "goods": 3, "colour": "red"}"#).unwrap();
/// assert_eq!(decoded.record.reporting_country.as_deref(), Some("BE"));
/// let rules: Vec<_> = decoded.findings.iter().map(|f| (f.rule, f.path.as_str())).collect();
/// assert_eq!(rules, [("CEN-SCH-002", "/goods"), ("CEN-SCH-003", "/colour")]);
/// ```
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, Fatal> {
    if bytes.len() > MAX_RECORD_BYTES {
        return Err(Fatal::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Fatal::NotUtf8)?;
    decode_json(text)
}

/// Decodes a record from JSON text (see [`decode_bytes`]).
pub fn decode_json(text: &str) -> Result<Decoded, Fatal> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(Fatal::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut ctx = Ctx::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let record = deserializer
        .deserialize_any(RootVisitor { ctx: &mut ctx })
        .map_err(fatal)?;
    deserializer.end().map_err(fatal)?;
    let record = record.ok_or(Fatal::NotObject)?;
    Ok(ctx.finish(record))
}

/// Decodes a record from a JSON value (as the bindings build from host objects). The size limit
/// applies to the value's compact JSON text.
pub fn decode_value(value: &Value) -> Result<Decoded, Fatal> {
    if value_depth(value) > MAX_DEPTH {
        return Err(Fatal::TooDeep);
    }
    if compact_len(value, MAX_RECORD_BYTES) > MAX_RECORD_BYTES {
        return Err(Fatal::TooLarge);
    }
    decode_with(value)
}

/// Decodes a record from any serde deserializer: how bindings read host values (Python
/// objects, JavaScript values) without going through JSON text. Depth is limited here; the
/// size limit is the caller's (see [`decode_value`]). A deserializer error is
/// [`Fatal::NotJson`]. A host value that JSON cannot represent should be presented as bytes
/// (`visit_bytes`): it is then CEN-SCH-002 at its path, like any value of the wrong type, and
/// a non-finite number as an `f64`: CEN-SCH-006.
pub fn decode_with<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decoded, Fatal> {
    let mut ctx = Ctx::default();
    let record = deserializer
        .deserialize_any(RootVisitor { ctx: &mut ctx })
        .map_err(fatal)?
        .ok_or(Fatal::NotObject)?;
    Ok(ctx.finish(record))
}

/// The message of the error that stops decoding at a value nested deeper than [`MAX_DEPTH`].
const TOO_DEEP: &str = "nested deeper than 32 levels";

fn fatal(error: impl fmt::Display) -> Fatal {
    let message = error.to_string();
    if message.contains(TOO_DEEP) {
        Fatal::TooDeep
    } else {
        Fatal::NotJson(message)
    }
}

/// Skips a value the record does not use, refusing one nested deeper than [`MAX_DEPTH`]: the
/// depth limit costs nothing where the shape of the record bounds the depth, and is checked
/// while skipping everywhere else. The number is the depth of the value skipped.
#[derive(Clone, Copy)]
struct Skip(usize);

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_i128<E>(self, _: i128) -> Result<(), E> {
        Ok(())
    }
    fn visit_u128<E>(self, _: u128) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.0 > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        while seq.next_element_seed(Skip(self.0 + 1))?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if self.0 > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Skip(self.0 + 1))?;
        }
        Ok(())
    }
}

/// Skips the items of an array whose own depth is `level`.
fn skip_items<'de, A: SeqAccess<'de>>(seq: &mut A, level: usize) -> Result<(), A::Error> {
    while seq.next_element_seed(Skip(level + 1))?.is_some() {}
    Ok(())
}

/// Skips the entries of an object whose own depth is `level`.
fn skip_entries<'de, A: MapAccess<'de>>(map: &mut A, level: usize) -> Result<(), A::Error> {
    while map.next_key::<IgnoredAny>()?.is_some() {
        map.next_value_seed(Skip(level + 1))?;
    }
    Ok(())
}

/// The nesting depth of JSON text, counted without parsing (strings and escapes are skipped).
/// It stops counting once past [`MAX_DEPTH`] + 1.
pub fn json_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > deepest {
                    deepest = depth;
                    if deepest > MAX_DEPTH {
                        return deepest;
                    }
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The nesting depth of a JSON value (the value itself is level 1 when it is an object or an
/// array). It stops descending once past [`MAX_DEPTH`] + 1.
pub fn value_depth(value: &Value) -> usize {
    fn walk(value: &Value, level: usize) -> usize {
        if level > MAX_DEPTH {
            return level;
        }
        match value {
            Value::Object(map) => map
                .values()
                .map(|v| walk(v, level + 1))
                .max()
                .unwrap_or(level)
                .max(level),
            Value::Array(items) => items
                .iter()
                .map(|v| walk(v, level + 1))
                .max()
                .unwrap_or(level)
                .max(level),
            _ => level - 1,
        }
    }
    walk(value, 1)
}

/// The length in bytes of a value's compact JSON text, counted without writing it, stopping
/// once past `limit`.
pub fn compact_len(value: &Value, limit: usize) -> usize {
    fn string_len(s: &str) -> usize {
        2 + s
            .chars()
            .map(|c| match c {
                '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
                c if (c as u32) < 0x20 => 6,
                c => c.len_utf8(),
            })
            .sum::<usize>()
    }
    fn walk(value: &Value, total: &mut usize, limit: usize) {
        if *total > limit {
            return;
        }
        match value {
            Value::Null => *total += 4,
            Value::Bool(b) => *total += if *b { 4 } else { 5 },
            Value::Number(n) => *total += n.to_string().len(),
            Value::String(s) => *total += string_len(s),
            Value::Array(items) => {
                *total += 2 + items.len().saturating_sub(1);
                for item in items {
                    walk(item, total, limit);
                }
            }
            Value::Object(map) => {
                *total += 2 + map.len().saturating_sub(1);
                for (key, item) in map {
                    *total += string_len(key) + 1;
                    walk(item, total, limit);
                }
            }
        }
    }
    let mut total = 0;
    walk(value, &mut total, limit);
    total
}

/// One step of the path being decoded.
#[derive(Debug, Clone, Copy)]
enum Segment {
    Field(&'static str),
    Index(usize),
}

/// The state of one decoding: where it is, and what it found.
#[derive(Debug, Default)]
pub struct Ctx {
    path: Vec<Segment>,
    findings: Vec<Finding>,
    invalid: Vec<String>,
}

impl Ctx {
    /// The depth of the value being decoded: the record is level 1, its fields level 2.
    fn level(&self) -> usize {
        self.path.len() + 1
    }

    fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.path {
            match segment {
                Segment::Field(name) => push_token(&mut out, name),
                Segment::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    fn report(&mut self, finding_at: impl FnOnce(String) -> Finding) {
        let pointer = self.pointer();
        self.findings.push(finding_at(pointer));
    }

    /// Records a present value that does not fit, with its finding, at the current path.
    fn reject(&mut self, rule: &'static str, params: Params, variant: &'static str) {
        let pointer = self.pointer();
        self.invalid.push(pointer.clone());
        self.findings
            .push(Finding::new(rule, pointer, params).variant(variant));
    }

    fn finish(self, record: Record) -> Decoded {
        Decoded {
            record,
            findings: self.findings,
            invalid: self.invalid,
        }
    }
}

/// The outcome of decoding one value.
pub enum Decoded1<T> {
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
    ) -> Result<Decoded1<Self>, D::Error>;

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
            Decoded1::Valid(value) => Some(value),
            Decoded1::Null | Decoded1::Invalid => None,
        })
    }
}

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
fn expected(kind: &Kind) -> &'static str {
    match kind {
        Kind::Text(_) | Kind::Code(_) | Kind::Enum(_) => "string",
        Kind::Number(_) => "number",
        Kind::Integer(_) => "integer",
        Kind::Object(_) => "object",
        Kind::List(..) => "array",
    }
}

fn wrong_type<T>(kind: &Kind, ctx: &mut Ctx) -> Decoded1<T> {
    ctx.reject(SCH_WRONG_TYPE, Params::new(), expected(kind));
    Decoded1::Invalid
}

fn out_of_range<T>(limit: ParamValue, variant: &'static str, ctx: &mut Ctx) -> Decoded1<T> {
    ctx.reject(SCH_LIMIT, Params::new().with("limit", limit), variant);
    Decoded1::Invalid
}

impl FieldValue for String {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Decoded1<Self>, D::Error> {
        Ok(match de.deserialize_any(AtomVisitor(ctx.level()))? {
            Atom::Null => Decoded1::Null,
            Atom::Str(text) => match kind {
                // Counting characters is only needed when the bytes could exceed the limit.
                Kind::Text(max) if text.len() > *max && text.chars().nth(*max).is_some() => {
                    out_of_range(ParamValue::Int(*max as i64), "text", ctx)
                }
                _ => Decoded1::Valid(text.into_owned()),
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
    ) -> Result<Decoded1<Self>, D::Error> {
        let number = match de.deserialize_any(AtomVisitor(ctx.level()))? {
            Atom::Null => return Ok(Decoded1::Null),
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
        Ok(Decoded1::Valid(number))
    }
}

impl FieldValue for u64 {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Decoded1<Self>, D::Error> {
        let Kind::Integer(range) = kind else {
            return Ok(wrong_type(kind, ctx));
        };
        // Whole numbers written as floats (27.0, 1e3) are whole numbers, as in JSON Schema.
        let number: f64 = match de.deserialize_any(AtomVisitor(ctx.level()))? {
            Atom::Null => return Ok(Decoded1::Null),
            Atom::Unsigned(n) => {
                return Ok(if n > range.max as u64 {
                    out_of_range(ParamValue::Int(range.max), "maximum", ctx)
                } else if (n as i64) < range.min {
                    out_of_range(ParamValue::Int(range.min), "minimum", ctx)
                } else {
                    Decoded1::Valid(n)
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
            Decoded1::Valid(number as u64)
        })
    }
}

impl<E: Enumeration> FieldValue for E {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Decoded1<Self>, D::Error> {
        Ok(match de.deserialize_any(AtomVisitor(ctx.level()))? {
            Atom::Null => Decoded1::Null,
            Atom::Str(word) => match E::from_word(&word) {
                Some(value) => Decoded1::Valid(value),
                None => {
                    let params = Params::new()
                        .with("value", word.into_owned())
                        .with("allowed", ParamValue::words(E::INFO.values));
                    ctx.reject(SCH_NOT_ALLOWED, params, "word");
                    Decoded1::Invalid
                }
            },
            _ => wrong_type(kind, ctx),
        })
    }
}

impl<T: FieldValue> FieldValue for Vec<T> {
    fn decode<'de, D: Deserializer<'de>>(
        de: D,
        kind: &'static Kind,
        ctx: &mut Ctx,
    ) -> Result<Decoded1<Self>, D::Error> {
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
            Ok(Decoded1::Null)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Decoded1::Null)
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
    type Value = Decoded1<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let Kind::List(item_kind, max) = self.kind else {
            skip_items(&mut seq, self.ctx.level())?;
            return Ok(wrong_type(self.kind, self.ctx));
        };
        let (findings_before, invalid_before) = (self.ctx.findings.len(), self.ctx.invalid.len());
        let mut items = Vec::new();
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
        Ok(Decoded1::Valid(items))
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
            Decoded1::Valid(value) => Some(value),
            Decoded1::Invalid => None,
            Decoded1::Null => {
                // An item cannot be absent: a null item has the wrong type.
                let _: Decoded1<T> = wrong_type(self.kind, self.ctx);
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
) -> Result<Decoded1<T>, D::Error> {
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

/// A map key, borrowed from the input when it can be.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        de.deserialize_str(KeyVisitor)
    }
}

fn decode_fields<'de, T: DecodeObject, A: MapAccess<'de>>(
    mut map: A,
    ctx: &mut Ctx,
) -> Result<T, A::Error> {
    let mut value = T::default();
    let mut seen = 0u64;
    while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
        match value.decode_key(&key, &mut map, ctx, &mut seen)? {
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
                    push_token(&mut pointer, &key);
                    Finding::new(
                        SCH_UNKNOWN_FIELD,
                        pointer,
                        Params::new().with("field", key.as_ref()),
                    )
                    .variant(variant)
                });
            }
        }
    }
    Ok(value)
}

impl<'de, T: DecodeObject> Visitor<'de> for ObjectVisitor<'_, T> {
    type Value = Decoded1<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        decode_fields(map, self.ctx).map(Decoded1::Valid)
    }

    null_or_wrong_type!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        skip_items(&mut seq, self.ctx.level())?;
        Ok(wrong_type(self.kind, self.ctx))
    }
}

/// The top level: an object, or nothing (the caller turns nothing into CEN-SCH-001).
struct RootVisitor<'c> {
    ctx: &'c mut Ctx,
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
                fn decode<'de, D: Deserializer<'de>>(de: D, kind: &'static Kind, ctx: &mut Ctx) -> Result<Decoded1<Self>, D::Error> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(field: &str, levels: usize) -> String {
        format!(
            "{{\"{field}\": {}{}}}",
            "[".repeat(levels),
            "]".repeat(levels)
        )
    }

    #[test]
    fn depth_is_limited_wherever_the_nesting_hides() {
        // The record is level 1: 31 arrays inside a field reach level 32, 32 arrays level 33.
        for field in ["narrative", "colour", "goods", "route"] {
            assert!(decode_json(&nested(field, 31)).is_ok(), "{field}");
            assert_eq!(
                decode_json(&nested(field, 32)),
                Err(Fatal::TooDeep),
                "{field}"
            );
        }
        let deep_transit = format!(
            "{{\"route\": {{\"transit\": {}{}}}}}",
            "[".repeat(31),
            "]".repeat(31)
        );
        assert_eq!(decode_json(&deep_transit), Err(Fatal::TooDeep));
        assert_eq!(
            decode_json(&format!("{}{}", "[".repeat(40), "]".repeat(40))),
            Err(Fatal::TooDeep)
        );
        assert_eq!(
            decode_json(&"[".repeat(100_000)),
            Err(Fatal::TooDeep),
            "no stack overflow on unclosed input"
        );
    }

    #[test]
    fn values_are_limited_the_same_way() {
        for levels in [31, 32] {
            let value: Value = serde_json::from_str(&nested("narrative", levels)).unwrap();
            assert_eq!(decode_value(&value).is_ok(), levels == 31);
        }
    }

    #[test]
    fn size_and_encoding_are_checked_first() {
        let big = format!("{{\"narrative\": \"{}\"}}", "x".repeat(MAX_RECORD_BYTES));
        assert_eq!(decode_json(&big), Err(Fatal::TooLarge));
        assert_eq!(decode_bytes(b"{\"a\": \"\xff\"}"), Err(Fatal::NotUtf8));
        assert_eq!(decode_json("[]"), Err(Fatal::NotObject));
        assert!(matches!(
            decode_json("{\"a\": 1e400}"),
            Err(Fatal::NotJson(_))
        ));
        assert!(matches!(
            decode_json("{\"a\": \"\\ud800\"}"),
            Err(Fatal::NotJson(_))
        ));
        assert!(decode_json("\u{feff}{}").is_ok());
    }

    /// A deserializer that presents a map `{"reporting_country": <bytes>, "goods": [{"quantity": NaN}]}`,
    /// as a binding would for a host object JSON cannot represent and a NaN.
    struct Host;

    impl<'de> Deserializer<'de> for Host {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            use serde::de::value::{MapDeserializer, SeqDeserializer};
            struct Opaque;
            impl<'de> Deserializer<'de> for Opaque {
                type Error = serde::de::value::Error;
                fn deserialize_any<V: Visitor<'de>>(
                    self,
                    visitor: V,
                ) -> Result<V::Value, Self::Error> {
                    visitor.visit_bytes(b"<object>")
                }
                serde::forward_to_deserialize_any! { bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any }
            }
            impl<'de> serde::de::IntoDeserializer<'de, serde::de::value::Error> for Opaque {
                type Deserializer = Opaque;
                fn into_deserializer(self) -> Opaque {
                    self
                }
            }
            enum Item {
                Opaque(Opaque),
                Goods(Vec<Vec<(&'static str, f64)>>),
            }
            impl<'de> serde::de::IntoDeserializer<'de, serde::de::value::Error> for Item {
                type Deserializer = ItemDe;
                fn into_deserializer(self) -> ItemDe {
                    ItemDe(self)
                }
            }
            struct ItemDe(Item);
            impl<'de> Deserializer<'de> for ItemDe {
                type Error = serde::de::value::Error;
                fn deserialize_any<V: Visitor<'de>>(
                    self,
                    visitor: V,
                ) -> Result<V::Value, Self::Error> {
                    match self.0 {
                        Item::Opaque(o) => o.deserialize_any(visitor),
                        Item::Goods(lines) => visitor.visit_seq(SeqDeserializer::new(
                            lines
                                .into_iter()
                                .map(|l| MapDeserializer::new(l.into_iter())),
                        )),
                    }
                }
                serde::forward_to_deserialize_any! { bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any }
            }
            let entries = vec![
                ("reporting_country", Item::Opaque(Opaque)),
                ("goods", Item::Goods(vec![vec![("quantity", f64::NAN)]])),
            ];
            visitor.visit_map(MapDeserializer::new(entries.into_iter()))
        }
        serde::forward_to_deserialize_any! { bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any }
    }

    #[test]
    fn host_values_json_cannot_hold_are_findings_at_their_path() {
        let decoded = decode_with(Host).unwrap();
        let found: Vec<(&str, &str)> = decoded
            .findings
            .iter()
            .map(|f| (f.rule, f.path.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("CEN-SCH-002", "/reporting_country"),
                ("CEN-SCH-006", "/goods/0/quantity")
            ]
        );
        assert_eq!(
            decoded.findings[1].params.get("limit"),
            Some(&ParamValue::Str("finite".into()))
        );
    }

    #[test]
    fn compact_length_matches_serde_json() {
        let value: Value = serde_json::from_str(
            r#"{"a": [1, 2.5, "x\"y\n\u0001é"], "b": {"c": null, "d": true}}"#,
        )
        .unwrap();
        assert_eq!(compact_len(&value, usize::MAX), value.to_string().len());
    }
}

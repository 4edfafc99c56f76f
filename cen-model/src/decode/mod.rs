//! Lenient decoding of a record that reports *every* structural problem.
//!
//! A strict serde derive stops at the first problem; the rules need them all (CEN-SCH-002,
//! -003, -005 and -006 for each bad field, with its JSON Pointer). Every input is first read
//! onto a [`Tape`] (JSON text, a `serde_json::Value`, any serde deserializer, a host value,
//! and Python objects by the Python binding), under the record limits; one decoder then walks
//! the tape with the shape of [`crate::shape`], keeps every value that fits, and records a
//! finding for each one that does not. A value that does not fit is dropped from the typed
//! record and its pointer is listed in [`Decoded::invalid`]: it still counts as present for
//! required-field checks, and takes part in no other comparison (spec 3, "No cascades").
//!
//! Only a problem of the input as a whole (not JSON, not an object, not UTF-8, over 1 MiB,
//! nested deeper than 32) stops decoding: that is a [`Fatal`] error, CEN-SCH-001, found while
//! reading onto the tape.

/// The two ways to a new value of a type with room of its own (a string, an array, an object):
/// an empty value decoded over ([`FieldValue::decode_over`]), so that each type has one decoder.
macro_rules! new_values_decoded_over_empty {
    () => {
        fn decode(cursor: &mut Cursor<'_>, kind: &'static Kind, ctx: &mut Ctx) -> Fit<Self> {
            let mut value = Self::default();
            Self::decode_over(&mut value, cursor, kind, ctx).map(|()| value)
        }

        fn decode_into(
            slot: &mut Option<Self>,
            cursor: &mut Cursor<'_>,
            kind: &'static Kind,
            ctx: &mut Ctx,
        ) -> Fit<()> {
            Self::decode_over(slot.get_or_insert_with(Self::default), cursor, kind, ctx)
        }
    };
}

mod container;
mod context;
mod field;
mod scalar;

use std::cell::Cell;
use std::fmt;

use serde::de::Deserializer;
use serde_json::Value;

use crate::finding::*;
use crate::host::{HostValue, ReadError};
use crate::limits::{compact_len, value_depth, Budget};
use crate::record::Record;
use crate::tape::{Tape, TOO_DEEP};

pub use crate::limits::{MAX_DEPTH, MAX_RECORD_BYTES};
pub use container::{decode_object, decode_object_over};
pub use context::Ctx;
pub use field::{
    decode_field, decode_field_over, Cursor, DecodeObject, FieldValue, Fit, KeyOutcome,
};

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
    with_scratch_tape(|tape| {
        let at = read_json(text, tape)?;
        decode_tape(tape, at)
    })
}

/// Reads JSON text onto `tape` under the size limit, a leading byte order mark ignored, and
/// gives the node where the value starts.
fn read_json(text: &str, tape: &mut Tape) -> Result<usize, Fatal> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(Fatal::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Strings take no more room than the text they are written in; a value, a few bytes.
    tape.reserve(text.len() / 6, text.len());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let at = tape.read(&mut deserializer).map_err(fatal)?;
    deserializer.end().map_err(fatal)?;
    Ok(at)
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
    with_scratch_tape(|tape| {
        let at = tape.push_json(value);
        decode_tape(tape, at)
    })
}

/// Decodes a record from any serde deserializer. Depth is limited here; the size limit is the
/// caller's (see [`decode_value`]); bindings read their host values with [`decode_host`]. A deserializer error is
/// [`Fatal::NotJson`]. A host value that JSON cannot represent should be presented as bytes
/// (`visit_bytes`): it is then CEN-SCH-002 at its path, like any value of the wrong type, and
/// a non-finite number as an `f64`: CEN-SCH-006.
pub fn decode_with<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decoded, Fatal> {
    with_scratch_tape(|tape| {
        let at = tape.read(deserializer).map_err(fatal)?;
        decode_tape(tape, at)
    })
}

/// Decodes a record from a host value (a Python object, a JavaScript value: see
/// [`crate::host`]), read directly, each value once. The size limit is the length of the
/// value's compact JSON text, counted while reading, which stops as soon as it is passed; the
/// depth limit also stops a value that contains itself. Whichever limit is reached first is
/// the one reported; a host that cannot answer is [`Fatal::NotJson`] with its message.
///
/// ```
/// let value = serde_json::json!({"reporting_country": "BE", "goods": 3});
/// let decoded = cen_model::decode_host(&value).unwrap();
/// assert_eq!(decoded, cen_model::decode_value(&value).unwrap());
/// ```
pub fn decode_host<H: HostValue>(value: H) -> Result<Decoded, Fatal> {
    with_scratch_tape(|tape| {
        let budget = Budget::new(MAX_RECORD_BYTES);
        let at = crate::host::write(value, tape, &budget).map_err(|error| match error {
            ReadError::TooLarge => Fatal::TooLarge,
            ReadError::TooDeep => Fatal::TooDeep,
            ReadError::Host(message) => fatal(message),
        })?;
        decode_tape(tape, at)
    })
}

/// Decodes the record that starts at node `at` of a tape (see [`crate::tape`]): how the Python
/// binding decodes, on any thread, the records it read while it held the GIL. Anything but an
/// object there is [`Fatal::NotObject`]; the limits are the writer's.
pub fn decode_tape(tape: &Tape, at: usize) -> Result<Decoded, Fatal> {
    let mut decoded = Decoded::default();
    decode_tape_over(tape, at, &mut decoded)?;
    Ok(decoded)
}

/// [`decode_tape`] over a record decoded before, reusing its room (its strings, objects, arrays
/// and findings): `decoded` becomes exactly what [`decode_tape`] gives, and on an error holds
/// anything. What [`with_tape_decoded`] does for each thread.
///
/// ```
/// let mut tape = cen_model::tape::Tape::default();
/// let first = tape.read(&mut serde_json::Deserializer::from_str(r#"{"narrative": "first", "goods": []}"#)).unwrap();
/// let second = tape.read(&mut serde_json::Deserializer::from_str(r#"{"narrative": 7}"#)).unwrap();
/// let mut decoded = cen_model::decode_tape(&tape, first).unwrap();
/// cen_model::decode_tape_over(&tape, second, &mut decoded).unwrap();
/// assert_eq!(decoded, cen_model::decode_tape(&tape, second).unwrap());
/// assert_eq!(decoded.record.narrative, None);
/// assert_eq!(decoded.invalid, ["/narrative"]);
/// ```
pub fn decode_tape_over(tape: &Tape, at: usize, decoded: &mut Decoded) -> Result<(), Fatal> {
    decode_over(tape, at, decoded).map(|_text| ())
}

/// [`decode_tape_over`], giving the bytes of text decoded into the record's strings.
fn decode_over(tape: &Tape, at: usize, decoded: &mut Decoded) -> Result<usize, Fatal> {
    let mut ctx = Ctx::reusing(decoded);
    let mut cursor = Cursor::new(tape, at);
    let is_object = container::decode_root(&mut cursor, &mut ctx, &mut decoded.record);
    let text = ctx.text_decoded;
    ctx.finish(decoded);
    if is_object {
        Ok(text)
    } else {
        Err(Fatal::NotObject)
    }
}

/// Decodes the record that starts at node `at` of a tape and gives it to `use_decoded`, as
/// `use_decoded(decode_tape(tape, at).as_ref())` would, but over the record this thread decoded
/// last ([`decode_tape_over`]): a record like the one before it is decoded without allocating.
/// How the core checks the records of a batch.
///
/// ```
/// let mut tape = cen_model::tape::Tape::default();
/// let at = tape.read(&mut serde_json::Deserializer::from_str(r#"{"reporting_country": "BE"}"#)).unwrap();
/// let country = cen_model::with_tape_decoded(&tape, at, |decoded| {
///     decoded.ok().and_then(|d| d.record.reporting_country.clone())
/// });
/// assert_eq!(country.as_deref(), Some("BE"));
/// ```
pub fn with_tape_decoded<T>(
    tape: &Tape,
    at: usize,
    use_decoded: impl FnOnce(Result<&Decoded, &Fatal>) -> T,
) -> T {
    // Boxed, so that taking it and putting it back moves a pointer, not the record. A record
    // decoded within `use_decoded` finds none kept, and decodes into a new one; so does one
    // decoded while the thread ends, when its storage is gone.
    let mut decoded = KEPT.try_with(Cell::take).ok().flatten().unwrap_or_default();
    let (output, text) = match decode_over(tape, at, &mut decoded) {
        Ok(text) => (use_decoded(Ok(&decoded)), text),
        Err(fatal) => (use_decoded(Err(&fatal)), 0),
    };
    // A very large record gives its room back.
    let small = text <= KEEP_TEXT_BYTES
        && decoded.findings.capacity() <= KEEP_FINDINGS
        && decoded.invalid.capacity() <= KEEP_FINDINGS;
    if small {
        let _ = KEPT.try_with(|kept| kept.set(Some(decoded)));
    }
    output
}

/// [`decode_json`] given to `use_decoded` the way of [`with_tape_decoded`].
pub fn with_json_decoded<T>(
    text: &str,
    use_decoded: impl FnOnce(Result<&Decoded, &Fatal>) -> T,
) -> T {
    with_scratch_tape(|tape| match read_json(text, tape) {
        Ok(at) => with_tape_decoded(tape, at, use_decoded),
        Err(fatal) => use_decoded(Err(&fatal)),
    })
}

/// [`decode_bytes`] given to `use_decoded` the way of [`with_tape_decoded`].
pub fn with_bytes_decoded<T>(
    bytes: &[u8],
    use_decoded: impl FnOnce(Result<&Decoded, &Fatal>) -> T,
) -> T {
    if bytes.len() > MAX_RECORD_BYTES {
        return use_decoded(Err(&Fatal::TooLarge));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => with_json_decoded(text, use_decoded),
        Err(_) => use_decoded(Err(&Fatal::NotUtf8)),
    }
}

thread_local! {
    /// The record each thread decoded last, kept for its room (see [`with_tape_decoded`]).
    static KEPT: Cell<Option<Box<Decoded>>> = const { Cell::new(None) };
}

/// The most text a kept record may have held (a record of the benchmarks holds 300 bytes).
const KEEP_TEXT_BYTES: usize = 64 * 1024;

/// The most findings a kept record may have had room for.
const KEEP_FINDINGS: usize = 256;

thread_local! {
    /// A tape for each thread to read its records onto, kept from record to record for its
    /// room (a record would otherwise grow a new one, by doubling, every time).
    static SCRATCH: Cell<Tape> = Cell::new(Tape::default());
}

/// Runs `read` with this thread's scratch tape, emptied (or a new one, if `read` runs within
/// another read).
fn with_scratch_tape<T>(read: impl FnOnce(&mut Tape) -> T) -> T {
    // A thread's storage is gone while the thread ends: a new tape then, not a panic.
    let mut tape = SCRATCH.try_with(Cell::take).unwrap_or_default();
    tape.clear();
    let result = read(&mut tape);
    // A tape that took in a very large record gives its room back.
    if tape.capacity_bytes() <= SCRATCH_KEEP_BYTES {
        let _ = SCRATCH.try_with(|scratch| scratch.set(tape));
    }
    result
}

/// The most room a scratch tape keeps between records (a record of the benchmarks takes 2 KB).
const SCRATCH_KEEP_BYTES: usize = 256 * 1024;

fn fatal(error: impl fmt::Display) -> Fatal {
    let message = error.to_string();
    if message.contains(TOO_DEEP) {
        Fatal::TooDeep
    } else {
        Fatal::NotJson(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::Visitor;

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
    fn host_values_read_as_their_json_is_decoded() {
        let value: Value = serde_json::from_str(
            r#"{"reporting_country": "BE", "goods": [{"quantity": -1, "unit": "kgs", "x": 1}], "route": {"transit": ["FR", 3]}, "colour": [[{"a": 1.5}]], "seizure_date": "2026-02-30"}"#,
        )
        .unwrap();
        assert_eq!(decode_host(&value), decode_value(&value));
        for levels in [31, 32] {
            let deep: Value = serde_json::from_str(&nested("narrative", levels)).unwrap();
            assert_eq!(decode_host(&deep), decode_value(&deep), "{levels}");
        }
        let big = serde_json::json!({ "narrative": "x".repeat(MAX_RECORD_BYTES) });
        assert_eq!(decode_host(&big), Err(Fatal::TooLarge));
        assert_eq!(decode_host(&serde_json::json!([1])), Err(Fatal::NotObject));
    }
}

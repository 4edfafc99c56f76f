//! Host values: what a binding answers about the values of its language (a Python `dict`, a
//! JavaScript object) so that the core reads them directly, with no JSON text in between.
//!
//! A binding implements [`HostValue`] (what a value is, its text, its number, its items, its
//! entries) and nothing else: the core reads a record from it with [`crate::decode_host`]
//! (onto a [`crate::tape::Tape`] under the record limits of [`crate::limits`], then the one
//! lenient decoder, every structural problem with its path), and any other value as JSON with
//! [`to_json`] (options, look-ups).
//!
//! Every value keeps its meaning: NaN and the infinities stay numbers (CEN-SCH-006 where a
//! number is expected), and a value JSON cannot hold ([`HostKind::Opaque`]: a Python
//! `datetime`, a JavaScript function) is CEN-SCH-002 at its own path, counted as `null` in the
//! size. A host that cannot answer (a JavaScript getter that throws) gives a [`HostError`]:
//! the record is then not a record (CEN-SCH-001, `not_json`, with the host's message).
//!
//! ```
//! use cen_model::host::{HostError, HostKind, HostValue};
//! use std::borrow::Cow;
//!
//! /// A toy host: a tree of its own values.
//! enum Toy { Text(&'static str), Number(f64), Map(Vec<(&'static str, Toy)>) }
//!
//! impl<'a> HostValue for &'a Toy {
//!     type Items = std::iter::Empty<Result<Self, HostError>>;
//!     type Key = &'static str;
//!     type Entries = Box<dyn Iterator<Item = Result<(&'static str, Self), HostError>> + 'a>;
//!     fn kind(&self) -> Result<HostKind<'_>, HostError> {
//!         Ok(match self {
//!             Toy::Text(text) => HostKind::Text(Cow::Borrowed(text)),
//!             Toy::Number(x) => HostKind::Float(*x),
//!             Toy::Map(_) => HostKind::Map,
//!         })
//!     }
//!     fn items(&self) -> Result<(usize, Self::Items), HostError> {
//!         Ok((0, std::iter::empty()))
//!     }
//!     fn entries(&self) -> Result<(usize, Self::Entries), HostError> {
//!         let Toy::Map(entries) = self else { return Ok((0, Box::new(std::iter::empty()))) };
//!         Ok((entries.len(), Box::new(entries.iter().map(|(key, value)| Ok((*key, value))))))
//!     }
//!     fn key<'k>(key: &'k &'static str) -> Result<Cow<'k, str>, HostError> {
//!         Ok(Cow::Borrowed(*key))
//!     }
//! }
//!
//! let record = Toy::Map(vec![("reporting_country", Toy::Text("BE")), ("goods", Toy::Number(f64::NAN))]);
//! let decoded = cen_model::decode_host(&record).unwrap();
//! assert_eq!(decoded.record.reporting_country.as_deref(), Some("BE"));
//! assert_eq!(decoded.findings[0].rule, "CEN-SCH-002"); // goods is an array
//! //! ```

use std::borrow::Cow;
use std::fmt;

use serde::de;
use serde_json::{Map, Number, Value};

use crate::limits::{float_len, integer_len, json_string_len, Budget, MAX_DEPTH, MAX_RECORD_BYTES};
use crate::tape::Tape;

/// What a host value is, as JSON sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum HostKind<'a> {
    /// `null` (Python `None`, JavaScript `null` and `undefined`).
    Null,
    /// A boolean.
    Bool(bool),
    /// A whole number that fits 64 bits, signed.
    Int(i64),
    /// A whole number between 2^63 and 2^64 − 1.
    UInt(u64),
    /// Any other number, NaN and the infinities included.
    Float(f64),
    /// A string, as UTF-8.
    Text(Cow<'a, str>),
    /// An array: read with [`HostValue::items`].
    List,
    /// An object with string keys: read with [`HostValue::entries`].
    Map,
    /// A value JSON cannot hold: CEN-SCH-002 where it stands, and `null` in the size.
    Opaque,
}

/// A host that could not answer (an exception of the host language), with its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostError(pub String);

impl HostError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> HostError {
        HostError(message.into())
    }
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for HostError {}

/// A value of a host language, as the core reads it. Implemented once per binding.
pub trait HostValue: Sized {
    /// The items of an array, in order.
    type Items: Iterator<Item = Result<Self, HostError>>;
    /// An object key.
    type Key;
    /// The entries of an object, in order, as (key, value).
    type Entries: Iterator<Item = Result<(Self::Key, Self), HostError>>;

    /// What the value is; for a string, its text.
    fn kind(&self) -> Result<HostKind<'_>, HostError>;

    /// The number of items and the items of an array (asked only of a [`HostKind::List`]).
    fn items(&self) -> Result<(usize, Self::Items), HostError>;

    /// The number of entries and the entries of an object (asked only of a [`HostKind::Map`]).
    fn entries(&self) -> Result<(usize, Self::Entries), HostError>;

    /// The text of an object key, as it would appear in the host's JSON text.
    fn key(key: &Self::Key) -> Result<Cow<'_, str>, HostError>;

    /// The length of a [`HostKind::Float`] in the host's JSON text (for the size limit). By
    /// default serde_json's shortest form, and `null` for a number that is not finite.
    fn float_len(&self, x: f64) -> usize {
        float_len(x)
    }
}

/// Why reading a host value stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The value's compact JSON text is over the size limit.
    TooLarge,
    /// The value nests deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The host could not answer, or (when converting to JSON) a value JSON cannot hold was
    /// refused: the message.
    Host(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge => write!(
                f,
                "the value is larger than {MAX_RECORD_BYTES} bytes of JSON"
            ),
            ReadError::TooDeep => write!(f, "the value is nested deeper than {MAX_DEPTH} levels"),
            ReadError::Host(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ReadError::Host(message.to_string())
    }
}

impl From<HostError> for ReadError {
    fn from(error: HostError) -> Self {
        ReadError::Host(error.0)
    }
}

/// Writes a host value onto a tape, each value charged to the budget as it is read (a
/// container its brackets and commas when it is entered), and gives its index. Reading stops
/// at the first value past the size limit, the first container nested deeper than
/// [`MAX_DEPTH`] (after its length is asked and charged), or the first question the host
/// cannot answer: whichever comes first in document order.
pub(crate) fn write<H: HostValue>(
    value: H,
    tape: &mut Tape,
    budget: &Budget,
) -> Result<usize, ReadError> {
    let at = tape.len();
    write_value(value, tape, budget, 1)?;
    Ok(at)
}

fn write_value<H: HostValue>(
    value: H,
    tape: &mut Tape,
    budget: &Budget,
    level: usize,
) -> Result<(), ReadError> {
    match value.kind()? {
        HostKind::Null => {
            charge(budget, 4)?;
            tape.push_null();
        }
        HostKind::Bool(flag) => {
            charge(budget, if flag { 4 } else { 5 })?;
            tape.push_bool(flag);
        }
        HostKind::Int(n) => {
            charge(budget, integer_len(n))?;
            tape.push_int(n);
        }
        HostKind::UInt(n) => {
            charge(budget, crate::limits::decimal_len(n))?;
            tape.push_uint(n);
        }
        HostKind::Float(x) => {
            charge(budget, value.float_len(x))?;
            tape.push_float(x);
        }
        HostKind::Text(text) => {
            charge(budget, json_string_len(&text))?;
            tape.push_str(&text);
        }
        HostKind::Opaque => {
            charge(budget, 4)?;
            tape.push_opaque();
        }
        HostKind::List => {
            let (count, items) = value.items()?;
            enter(budget, count, level)?;
            let at = tape.push_list(count);
            let mut read = 0;
            for item in items {
                write_value(item?, tape, budget, level + 1)?;
                read += 1;
            }
            tape.set_count(at, read);
        }
        HostKind::Map => {
            let (count, entries) = value.entries()?;
            enter(budget, count, level)?;
            let at = tape.push_map(count);
            let mut read = 0;
            for entry in entries {
                let (key, item) = entry?;
                let text = H::key(&key)?;
                // The key, its quotes and the colon after it.
                charge(budget, json_string_len(&text) + 1)?;
                tape.push_str(&text);
                write_value(item, tape, budget, level + 1)?;
                read += 1;
            }
            tape.set_count(at, read);
        }
    }
    Ok(())
}

fn charge(budget: &Budget, bytes: usize) -> Result<(), ReadError> {
    if budget.charge(bytes) {
        Ok(())
    } else {
        Err(ReadError::TooLarge)
    }
}

/// Enters a container of `count` items at depth `level`: its brackets and commas are charged,
/// then its depth checked (the order in which the decoder always met them).
fn enter(budget: &Budget, count: usize, level: usize) -> Result<(), ReadError> {
    charge(budget, brackets(count))?;
    if level > MAX_DEPTH {
        return Err(ReadError::TooDeep);
    }
    Ok(())
}

/// The size of a container's brackets and separators: `[]` or `{}` and a comma between items.
fn brackets(count: usize) -> usize {
    2 + count.saturating_sub(1)
}

/// A value that JSON cannot hold, met by [`to_json`] (the tape's own, which [`Tape::to_json`]
/// meets too: kept there, so that the tape needs nothing of this module).
///
/// [`Tape::to_json`]: crate::tape::Tape::to_json
pub use crate::tape::Unrepresentable;

/// Converts a host value to a JSON value, under the depth limit and a size limit of `limit`
/// bytes of compact JSON. `on_other` decides what a value JSON cannot hold becomes (given its
/// JSON Pointer): a replacement, or an error message ([`ReadError::Host`]).
///
/// ```
/// # use cen_model::host::*;
/// # use std::borrow::Cow;
/// struct Number(f64);
/// impl HostValue for Number {
///     type Items = std::iter::Empty<Result<Self, HostError>>;
///     type Key = ();
///     type Entries = std::iter::Empty<Result<((), Self), HostError>>;
///     fn kind(&self) -> Result<HostKind<'_>, HostError> { Ok(HostKind::Float(self.0)) }
///     fn items(&self) -> Result<(usize, Self::Items), HostError> { Ok((0, std::iter::empty())) }
///     fn entries(&self) -> Result<(usize, Self::Entries), HostError> { Ok((0, std::iter::empty())) }
///     fn key(_: &()) -> Result<Cow<'_, str>, HostError> { Ok(Cow::Borrowed("")) }
/// }
/// assert_eq!(to_json(&Number(1.5), 100, &mut |_, _| Ok(serde_json::Value::Null)).unwrap(), 1.5);
/// let refused = to_json(&Number(f64::NAN), 100, &mut |path, _| Err(format!("{path:?} is NaN")));
/// assert_eq!(refused, Err(ReadError::Host("\"\" is NaN".into())));
/// ```
pub fn to_json<H: HostValue>(
    value: &H,
    limit: usize,
    on_other: &mut dyn FnMut(&str, Unrepresentable) -> Result<Value, String>,
) -> Result<Value, ReadError> {
    let budget = Budget::new(limit);
    let mut path = String::new();
    convert(value, &budget, &mut path, 1, on_other)
}

fn convert<H: HostValue>(
    value: &H,
    budget: &Budget,
    path: &mut String,
    level: usize,
    on_other: &mut dyn FnMut(&str, Unrepresentable) -> Result<Value, String>,
) -> Result<Value, ReadError> {
    Ok(match value.kind()? {
        HostKind::Null => {
            charge(budget, 4)?;
            Value::Null
        }
        HostKind::Bool(flag) => {
            charge(budget, if flag { 4 } else { 5 })?;
            Value::Bool(flag)
        }
        HostKind::Int(n) => {
            charge(budget, integer_len(n))?;
            Value::from(n)
        }
        HostKind::UInt(n) => {
            charge(budget, crate::limits::decimal_len(n))?;
            Value::from(n)
        }
        HostKind::Float(x) => {
            charge(budget, value.float_len(x))?;
            match Number::from_f64(x) {
                Some(number) => Value::Number(number),
                None => on_other(path, Unrepresentable::NonFinite(x)).map_err(ReadError::Host)?,
            }
        }
        HostKind::Text(text) => {
            charge(budget, json_string_len(&text))?;
            Value::String(text.into_owned())
        }
        HostKind::Opaque => {
            charge(budget, 4)?;
            on_other(path, Unrepresentable::Opaque).map_err(ReadError::Host)?
        }
        HostKind::List => {
            if level > MAX_DEPTH {
                return Err(ReadError::TooDeep);
            }
            let (count, items) = value.items()?;
            charge(budget, brackets(count))?;
            let mut out = Vec::with_capacity(count.min(1024));
            for (index, item) in items.enumerate() {
                let mark = path.len();
                path.push('/');
                path.push_str(&index.to_string());
                out.push(convert(&item?, budget, path, level + 1, on_other)?);
                path.truncate(mark);
            }
            Value::Array(out)
        }
        HostKind::Map => {
            if level > MAX_DEPTH {
                return Err(ReadError::TooDeep);
            }
            let (count, entries) = value.entries()?;
            charge(budget, brackets(count))?;
            let mut map = Map::new();
            for entry in entries {
                let (key, item) = entry?;
                let key = H::key(&key)?.into_owned();
                charge(budget, json_string_len(&key) + 1)?;
                let mark = path.len();
                crate::pointer::push_token(path, &key);
                let item = convert(&item, budget, path, level + 1, on_other)?;
                path.truncate(mark);
                map.insert(key, item);
            }
            Value::Object(map)
        }
    })
}

/// A JSON value is a host value too: what tests and fuzzing read through the same path as the
/// bindings' values.
impl<'a> HostValue for &'a Value {
    type Items =
        std::iter::Map<std::slice::Iter<'a, Value>, fn(&'a Value) -> Result<Self, HostError>>;
    type Key = &'a String;
    type Entries = std::iter::Map<
        serde_json::map::Iter<'a>,
        fn((&'a String, &'a Value)) -> Result<(&'a String, Self), HostError>,
    >;

    fn kind(&self) -> Result<HostKind<'_>, HostError> {
        Ok(match self {
            Value::Null => HostKind::Null,
            Value::Bool(flag) => HostKind::Bool(*flag),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(n), _) => HostKind::Int(n),
                (None, Some(n)) => HostKind::UInt(n),
                _ => HostKind::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(text) => HostKind::Text(Cow::Borrowed(text)),
            Value::Array(_) => HostKind::List,
            Value::Object(_) => HostKind::Map,
        })
    }

    fn items(&self) -> Result<(usize, Self::Items), HostError> {
        let items: &'a [Value] = match self {
            Value::Array(items) => items,
            _ => &[],
        };
        Ok((items.len(), items.iter().map(Ok)))
    }

    fn entries(&self) -> Result<(usize, Self::Entries), HostError> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let map: &'a Map<String, Value> = match self {
            Value::Object(map) => map,
            _ => EMPTY.get_or_init(Map::new),
        };
        Ok((map.len(), map.iter().map(Ok)))
    }

    fn key<'k>(key: &'k &'a String) -> Result<Cow<'k, str>, HostError> {
        Ok(Cow::Borrowed(key.as_str()))
    }
}

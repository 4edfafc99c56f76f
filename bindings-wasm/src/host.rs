//! Reading JavaScript values: JavaScript values implement the core's host-value abstraction
//! ([`cen_model::host::HostValue`]), so that the core's lenient decoder reads a host object
//! directly (no JSON text in between) and every value keeps its meaning. NaN and the infinities
//! stay numbers (CEN-SCH-006), and a value JSON cannot hold (a function, a symbol, a BigInt,
//! binary data) is opaque, which the decoder reports as CEN-SCH-002 at its own path.
//!
//! Values are otherwise read as `JSON.stringify` would see them: own enumerable string keys
//! (`Object.keys`), a property whose value is `undefined` is absent, an `undefined` array item
//! is `null`, and `toJSON` is not called. The 1 MiB limit (decisions.md #2) is the length of the
//! value's compact JSON text, counted by the core while reading (`cen_model::limits`); reading
//! stops as soon as it is passed, so a huge or cyclic value costs at most about a megabyte of
//! work. Depth is bounded by the decoder itself (32 levels), which is what stops a cyclic
//! object.
//!
//! Every call into JavaScript that can throw (a getter, a proxy trap, a revoked proxy) is made
//! through a `catch` import: a throw becomes an error of this reader, never an exception
//! unwinding through WebAssembly frames.

use std::borrow::Cow;

use cen_model::host::{HostError, HostKind, HostValue, ReadError, Unrepresentable};
use cen_model::MAX_RECORD_BYTES;
use serde_json::{Number, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/host.js")]
extern "C" {
    /// The kind of a value (see `host.js`); never throws.
    #[wasm_bindgen(js_name = kindOf)]
    pub(crate) fn kind_of(value: &JsValue) -> u32;
    /// `[key, value, key, value, ...]` of an object's own enumerable string keys whose value is
    /// not `undefined`.
    #[wasm_bindgen(catch)]
    fn entries(object: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// The bytes of binary data, whatever its view (a detached buffer throws).
    #[wasm_bindgen(catch, js_name = bytesOf)]
    pub(crate) fn bytes_of(value: &JsValue) -> Result<js_sys::Uint8Array, JsValue>;
    /// The `length` of an array (a proxy may throw).
    #[wasm_bindgen(catch, js_name = lengthOf)]
    fn length_of(array: &JsValue) -> Result<f64, JsValue>;
    /// Item `index` of an array (a proxy or getter may throw).
    #[wasm_bindgen(catch, js_name = itemAt)]
    fn item_at(array: &JsValue, index: u32) -> Result<JsValue, JsValue>;
    /// Whether a string has no lone surrogate (so that it has a UTF-8 form).
    #[wasm_bindgen(js_name = isWellFormed)]
    pub(crate) fn is_well_formed(text: &JsValue) -> bool;
    /// What an exception says, as text; never throws.
    #[wasm_bindgen(js_name = describe)]
    pub(crate) fn describe(error: &JsValue) -> String;
}

/// The kinds `kindOf` returns.
pub(crate) mod kind {
    pub const ABSENT: u32 = 0; // undefined or null
    pub const FALSE: u32 = 1;
    pub const TRUE: u32 = 2;
    pub const NUMBER: u32 = 3;
    pub const STRING: u32 = 4;
    pub const ARRAY: u32 = 5;
    pub const OBJECT: u32 = 6;
    pub const OPAQUE: u32 = 7; // function, symbol, BigInt
                               // 8: a revoked proxy, which cannot even be asked what it is
    pub const BINARY: u32 = 9; // ArrayBuffer, Uint8Array, Buffer, ...
}

/// A JavaScript number as JSON text would give it to a JSON parser: a whole number within the
/// range of 64-bit integers is an integer (`JSON.stringify(27.0)` is `27`), anything else a
/// double. `None` for NaN and the infinities.
pub fn json_number(x: f64) -> Option<Number> {
    const TWO_64: f64 = 18_446_744_073_709_551_616.0;
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if !x.is_finite() {
        None
    } else if x.fract() == 0.0 && (0.0..TWO_64).contains(&x) {
        Some(Number::from(x as u64))
    } else if x.fract() == 0.0 && (-TWO_63..0.0).contains(&x) {
        Some(Number::from(x as i64))
    } else {
        Number::from_f64(x)
    }
}

/// The kind of a JavaScript number, as JSON text would give it to a parser.
fn number_kind(x: f64) -> HostKind<'static> {
    match json_number(x) {
        Some(number) => match (number.as_i64(), number.as_u64()) {
            (Some(n), _) => HostKind::Int(n),
            (None, Some(n)) => HostKind::UInt(n),
            _ => HostKind::Float(x),
        },
        // JSON.stringify writes `null` for a non-finite number: its length is that of `null`.
        None => HostKind::Float(x),
    }
}

/// A string's text. A string with a lone surrogate has no UTF-8 form (its JSON text would be a
/// lone `\ud800` escape, which is not JSON either: decisions.md #4); `as_string` would have
/// replaced it by U+FFFD, so that case is checked.
fn string(value: &JsValue) -> Result<String, HostError> {
    let text = value.as_string().unwrap_or_default();
    if text.contains('\u{fffd}') && !is_well_formed(value) {
        return Err(HostError::new(
            "a string holds a lone surrogate, which JSON text cannot carry",
        ));
    }
    Ok(text)
}

/// A JavaScript value read by the core.
pub struct JsHost(pub JsValue);

impl HostValue for JsHost {
    type Items =
        std::iter::Map<ArrayItems, fn(Result<JsValue, HostError>) -> Result<JsHost, HostError>>;
    type Key = JsValue;
    type Entries = ObjectEntries;

    fn kind(&self) -> Result<HostKind<'_>, HostError> {
        Ok(match kind_of(&self.0) {
            kind::ABSENT => HostKind::Null,
            kind::FALSE => HostKind::Bool(false),
            kind::TRUE => HostKind::Bool(true),
            kind::NUMBER => number_kind(self.0.as_f64().unwrap_or(f64::NAN)),
            kind::STRING => HostKind::Text(Cow::Owned(string(&self.0)?)),
            kind::ARRAY => HostKind::List,
            kind::OBJECT => HostKind::Map,
            kind::OPAQUE | kind::BINARY => HostKind::Opaque,
            _ => return Err(HostError::new("a value cannot be read (a revoked proxy)")),
        })
    }

    fn items(&self) -> Result<(usize, Self::Items), HostError> {
        let length = array_length(length_of(&self.0).map_err(thrown)?);
        let items = ArrayItems {
            array: self.0.clone(),
            next: 0,
            length,
        };
        let host: fn(Result<JsValue, HostError>) -> Result<JsHost, HostError> =
            |item| item.map(JsHost);
        Ok((length as usize, items.map(host)))
    }

    fn entries(&self) -> Result<(usize, ObjectEntries), HostError> {
        let pairs = entries(&self.0).map_err(thrown)?;
        let length = pairs.length();
        Ok((
            (length / 2) as usize,
            ObjectEntries {
                pairs,
                next: 0,
                length,
            },
        ))
    }

    fn key(key: &JsValue) -> Result<Cow<'_, str>, HostError> {
        string(key).map(Cow::Owned)
    }
}

fn thrown(error: JsValue) -> HostError {
    HostError::new(format!("reading the value threw: {}", describe(&error)))
}

/// The items of a JavaScript array, read one by one (an item's getter may throw).
pub struct ArrayItems {
    array: JsValue,
    next: u32,
    length: u32,
}

impl ArrayItems {
    /// The items of `value`, or `None` when it is not an array.
    pub fn of(value: JsValue) -> Option<ArrayItems> {
        if kind_of(&value) != kind::ARRAY {
            return None;
        }
        let length = length_of(&value).ok()?;
        Some(ArrayItems {
            length: array_length(length),
            array: value,
            next: 0,
        })
    }
}

impl Iterator for ArrayItems {
    type Item = Result<JsValue, HostError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.length {
            return None;
        }
        let item = item_at(&self.array, self.next).map_err(thrown);
        self.next += 1;
        Some(item)
    }
}

/// The length of an array as a count: an array longer than u32 cannot exist, and a proxy may
/// claim anything (the size limit stops a read long before either bound matters).
fn array_length(length: f64) -> u32 {
    if length.is_finite() && length > 0.0 {
        length.min(f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// The entries of an object, from `entries` in `host.js`: `[key, value, key, value, ...]`.
pub struct ObjectEntries {
    pairs: js_sys::Array,
    next: u32,
    length: u32,
}

impl Iterator for ObjectEntries {
    type Item = Result<(JsValue, JsHost), HostError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.next + 1 >= self.length {
            return None;
        }
        let key = self.pairs.get(self.next);
        let value = self.pairs.get(self.next + 1);
        self.next += 2;
        Some(Ok((key, JsHost(value))))
    }
}

/// Refuses a value JSON cannot hold at `path` with a clear message (for options and `toCen`,
/// where there is no report to put it in).
pub fn refuse(path: &str, what: Unrepresentable) -> Result<Value, String> {
    Err(format!(
        "`{}` is {}, which JSON cannot hold",
        if path.is_empty() { "(the value)" } else { path },
        match what {
            Unrepresentable::NonFinite(_) => "not a finite number",
            Unrepresentable::Opaque => "a function, symbol, BigInt or binary value",
        }
    ))
}

/// Converts a JavaScript value to a JSON value, under the record limits (1 MiB of compact
/// JSON, 32 levels). `on_other` decides what a value JSON cannot hold becomes: a replacement,
/// or an error (its pointer and kind are given).
pub fn to_json(
    value: &JsValue,
    on_other: &mut dyn FnMut(&str, Unrepresentable) -> Result<Value, String>,
) -> Result<Value, ReadError> {
    cen_model::host::to_json(&JsHost(value.clone()), MAX_RECORD_BYTES, on_other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javascript_numbers_read_as_json_text_would_give_them() {
        assert_eq!(json_number(27.0), Some(Number::from(27u64)));
        assert_eq!(json_number(-0.0), Some(Number::from(0u64)));
        assert_eq!(json_number(-3.0), Some(Number::from(-3i64)));
        assert_eq!(json_number(1.5).and_then(|n| n.as_f64()), Some(1.5));
        assert_eq!(json_number(1e20).and_then(|n| n.as_f64()), Some(1e20));
        assert_eq!(json_number(f64::NAN), None);
        assert_eq!(json_number(f64::NEG_INFINITY), None);
    }

    #[test]
    fn numbers_are_the_kinds_json_text_gives() {
        assert_eq!(number_kind(27.0), HostKind::Int(27));
        assert_eq!(number_kind(-3.0), HostKind::Int(-3));
        assert_eq!(
            number_kind(18446744073709549568.0),
            HostKind::UInt(18446744073709549568)
        );
        assert_eq!(number_kind(1.5), HostKind::Float(1.5));
        assert!(matches!(number_kind(f64::NAN), HostKind::Float(x) if x.is_nan()));
    }
}

//! Reading JavaScript values: a serde [`Deserializer`] over a `JsValue`, so that the core's
//! lenient decoder reads a host object directly (no JSON text in between) and every value keeps
//! its meaning. NaN and the infinities stay numbers (CEN-SCH-006), and a value JSON cannot hold
//! (a function, a symbol, a BigInt, binary data) is presented as bytes, which the decoder
//! reports as CEN-SCH-002 at its own path.
//!
//! Values are otherwise read as `JSON.stringify` would see them: own enumerable string keys
//! (`Object.keys`), a property whose value is `undefined` is absent, an `undefined` array item
//! is `null`, and `toJSON` is not called. The 1 MiB limit (decisions.md #2) is the length of the
//! value's compact JSON text, counted while reading; reading stops as soon as it is passed, so
//! a huge or cyclic value costs at most about a megabyte of work. Depth is bounded by the
//! decoder itself (32 levels), which is what stops a cyclic object.
//!
//! Every call into JavaScript that can throw (a getter, a proxy trap, a revoked proxy) is made
//! through a `catch` import: a throw becomes an error of this reader, never an exception
//! unwinding through WebAssembly frames.

use std::cell::Cell;
use std::fmt;

use cen_model::MAX_RECORD_BYTES;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Number, Value};
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

/// Why reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    /// The value's compact JSON text is over 1 MiB.
    TooLarge,
    /// JavaScript threw while the value was read, or the decoder gave up (its message, which
    /// the core turns into CEN-SCH-001).
    Other(String),
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostError::TooLarge => write!(
                f,
                "the value is larger than {MAX_RECORD_BYTES} bytes of JSON"
            ),
            HostError::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for HostError {}

impl de::Error for HostError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        HostError::Other(message.to_string())
    }
}

/// The state of one read: how many bytes of compact JSON are left, and whether the limit was
/// passed (the decoder turns any error into "not JSON", so the caller asks this afterwards).
pub struct Reader {
    left: Cell<usize>,
    over: Cell<bool>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

impl Reader {
    /// A reader with the record limit of 1 MiB.
    pub fn new() -> Reader {
        Reader {
            left: Cell::new(MAX_RECORD_BYTES),
            over: Cell::new(false),
        }
    }

    /// True when the value read was over the size limit.
    pub fn too_large(&self) -> bool {
        self.over.get()
    }

    /// A deserializer of `value`.
    pub fn read<'r>(&'r self, value: JsValue) -> Host<'r> {
        Host {
            value,
            reader: self,
        }
    }

    fn charge(&self, bytes: usize) -> Result<(), HostError> {
        match self.left.get().checked_sub(bytes) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => {
                self.over.set(true);
                Err(HostError::TooLarge)
            }
        }
    }

    /// Reads a string, charging its JSON length. A string with a lone surrogate has no UTF-8
    /// form (its JSON text would be a lone `\ud800` escape, which is not JSON either: decisions.md
    /// #4); `as_string` would have replaced it by U+FFFD, so that case is checked.
    fn string(&self, value: &JsValue) -> Result<String, HostError> {
        let text = value.as_string().unwrap_or_default();
        self.charge(json_string_len(&text))?;
        if text.contains('\u{fffd}') && !is_well_formed(value) {
            return Err(HostError::Other(
                "a string holds a lone surrogate, which JSON text cannot carry".to_owned(),
            ));
        }
        Ok(text)
    }
}

/// The length of a string as compact JSON text (quotes and escapes), as `cen_model`'s
/// `compact_len` counts it.
pub fn json_string_len(text: &str) -> usize {
    2 + text
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            c if (c as u32) < 0x20 => 6,
            c => c.len_utf8(),
        })
        .sum::<usize>()
}

/// The length of a number as serde_json writes it (counted by writing it nowhere, so that the
/// count follows serde_json's own float formatting).
fn number_len(number: &Number) -> usize {
    if let Some(n) = number.as_u64() {
        decimal_len(n)
    } else if let Some(n) = number.as_i64() {
        1 + decimal_len(n.unsigned_abs())
    } else {
        struct Count(usize);
        impl std::io::Write for Count {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0 += bytes.len();
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut count = Count(0);
        match serde_json::to_writer(&mut count, number) {
            Ok(()) => count.0,
            Err(_) => 0,
        }
    }
}

fn decimal_len(mut n: u64) -> usize {
    let mut digits = 1;
    while n >= 10 {
        n /= 10;
        digits += 1;
    }
    digits
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

/// A JavaScript value being read.
pub struct Host<'r> {
    value: JsValue,
    reader: &'r Reader,
}

impl<'de> Deserializer<'de> for Host<'_> {
    type Error = HostError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HostError> {
        let reader = self.reader;
        match kind_of(&self.value) {
            kind::ABSENT => {
                reader.charge(4)?;
                visitor.visit_unit()
            }
            kind::FALSE => {
                reader.charge(5)?;
                visitor.visit_bool(false)
            }
            kind::TRUE => {
                reader.charge(4)?;
                visitor.visit_bool(true)
            }
            kind::NUMBER => {
                let x = self.value.as_f64().unwrap_or(f64::NAN);
                match json_number(x) {
                    Some(number) => {
                        reader.charge(number_len(&number))?;
                        if let Some(n) = number.as_u64() {
                            visitor.visit_u64(n)
                        } else if let Some(n) = number.as_i64() {
                            visitor.visit_i64(n)
                        } else {
                            visitor.visit_f64(x)
                        }
                    }
                    None => {
                        // JSON.stringify writes `null` for a non-finite number.
                        reader.charge(4)?;
                        visitor.visit_f64(x)
                    }
                }
            }
            kind::STRING => visitor.visit_string(reader.string(&self.value)?),
            kind::ARRAY => {
                let length = array_length(length_of(&self.value).map_err(thrown)?);
                reader.charge(2)?;
                visitor.visit_seq(Items {
                    array: self.value,
                    next: 0,
                    length,
                    reader,
                })
            }
            kind::OBJECT => {
                let pairs = entries(&self.value).map_err(thrown)?;
                reader.charge(2)?;
                visitor.visit_map(Entries {
                    length: pairs.length(),
                    pairs,
                    next: 0,
                    reader,
                })
            }
            kind::OPAQUE | kind::BINARY => {
                // Counted like the shortest JSON value, so that size stays a property of what
                // was given, whatever a host value would turn into.
                reader.charge(4)?;
                visitor.visit_bytes(&[])
            }
            _ => Err(HostError::Other(
                "a value cannot be read (a revoked proxy)".to_owned(),
            )),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

fn thrown(error: JsValue) -> HostError {
    HostError::Other(format!("reading the value threw: {}", describe(&error)))
}

struct Items<'r> {
    array: JsValue,
    next: u32,
    length: u32,
    reader: &'r Reader,
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

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = HostError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, HostError> {
        if self.next >= self.length {
            return Ok(None);
        }
        if self.next > 0 {
            self.reader.charge(1)?;
        }
        let item = item_at(&self.array, self.next).map_err(thrown)?;
        self.next += 1;
        seed.deserialize(self.reader.read(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.length - self.next) as usize)
    }
}

struct Entries<'r> {
    pairs: js_sys::Array,
    next: u32,
    length: u32,
    reader: &'r Reader,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = HostError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, HostError> {
        if self.next >= self.length {
            return Ok(None);
        }
        if self.next > 0 {
            self.reader.charge(1)?;
        }
        let key = self.reader.string(&self.pairs.get(self.next))?;
        self.reader.charge(1)?;
        self.next += 1;
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, HostError> {
        let value = self.pairs.get(self.next);
        self.next += 1;
        seed.deserialize(self.reader.read(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(((self.length - self.next) / 2) as usize)
    }
}

/// What a value that JSON cannot hold became when converting to a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrepresentable {
    /// A non-finite number (NaN, ±Infinity).
    NonFinite,
    /// A function, symbol, BigInt or binary data.
    Opaque,
}

impl Unrepresentable {
    /// Refuses such a value at `path` with a clear message (for options and `toCen`, where
    /// there is no report to put it in).
    pub fn refuse(self, path: &str) -> Result<Value, String> {
        Err(format!(
            "`{}` is {}, which JSON cannot hold",
            if path.is_empty() { "(the value)" } else { path },
            match self {
                Unrepresentable::NonFinite => "not a finite number",
                Unrepresentable::Opaque => "a function, symbol, BigInt or binary value",
            }
        ))
    }
}

/// Converts a JavaScript value to a JSON value, under the record limits (1 MiB of compact
/// JSON, 32 levels). `on_other` decides what a value JSON cannot hold becomes: a replacement,
/// or an error (its pointer and kind are given).
pub fn to_json(
    value: &JsValue,
    on_other: &mut dyn FnMut(&str, Unrepresentable) -> Result<Value, String>,
) -> Result<Value, HostError> {
    let reader = Reader::new();
    let mut path = String::new();
    convert(value, &reader, &mut path, 1, on_other)
}

fn convert(
    value: &JsValue,
    reader: &Reader,
    path: &mut String,
    level: usize,
    on_other: &mut dyn FnMut(&str, Unrepresentable) -> Result<Value, String>,
) -> Result<Value, HostError> {
    let container = |reader: &Reader| {
        if level > cen_model::MAX_DEPTH {
            Err(HostError::Other(format!(
                "the value is nested deeper than {} levels",
                cen_model::MAX_DEPTH
            )))
        } else {
            reader.charge(2)
        }
    };
    Ok(match kind_of(value) {
        kind::ABSENT => {
            reader.charge(4)?;
            Value::Null
        }
        kind::FALSE => {
            reader.charge(5)?;
            Value::Bool(false)
        }
        kind::TRUE => {
            reader.charge(4)?;
            Value::Bool(true)
        }
        kind::NUMBER => match json_number(value.as_f64().unwrap_or(f64::NAN)) {
            Some(number) => {
                reader.charge(number_len(&number))?;
                Value::Number(number)
            }
            None => {
                reader.charge(4)?;
                on_other(path, Unrepresentable::NonFinite).map_err(HostError::Other)?
            }
        },
        kind::STRING => Value::String(reader.string(value)?),
        kind::ARRAY => {
            container(reader)?;
            let length = array_length(length_of(value).map_err(thrown)?);
            let mut items = Vec::new();
            for index in 0..length {
                if index > 0 {
                    reader.charge(1)?;
                }
                let item = item_at(value, index).map_err(thrown)?;
                let mark = path.len();
                path.push('/');
                path.push_str(&index.to_string());
                items.push(convert(&item, reader, path, level + 1, on_other)?);
                path.truncate(mark);
            }
            Value::Array(items)
        }
        kind::OBJECT => {
            container(reader)?;
            let pairs = entries(value).map_err(thrown)?;
            let mut map = Map::new();
            let mut index = 0;
            while index + 1 < pairs.length() {
                if index > 0 {
                    reader.charge(1)?;
                }
                let key = reader.string(&pairs.get(index))?;
                reader.charge(1)?;
                let mark = path.len();
                cen_model::pointer::push_token(path, &key);
                let item = convert(&pairs.get(index + 1), reader, path, level + 1, on_other)?;
                path.truncate(mark);
                map.insert(key, item);
                index += 2;
            }
            Value::Object(map)
        }
        kind::OPAQUE | kind::BINARY => {
            reader.charge(4)?;
            on_other(path, Unrepresentable::Opaque).map_err(HostError::Other)?
        }
        _ => {
            return Err(HostError::Other(
                "a value cannot be read (a revoked proxy)".to_owned(),
            ))
        }
    })
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
    fn lengths_are_those_of_compact_json_text() {
        for (value, text) in [
            (json_number(1.5), "1.5"),
            (json_number(-42.0), "-42"),
            (json_number(1e20), "1e20"),
            (json_number(0.1), "0.1"),
            (json_number(18446744073709551615.0), "18446744073709551616"),
        ] {
            let number = value.expect("finite");
            assert_eq!(
                number_len(&number),
                Value::Number(number.clone()).to_string().len(),
                "{text}"
            );
        }
        for text in ["", "a\"b", "é\n", "\u{1}", "日本"] {
            assert_eq!(json_string_len(text), Value::from(text).to_string().len());
        }
    }
}

//! The limits of a record (spec 3, CEN-SCH-001; docs/decisions.md #1, #2), and the lengths
//! they are measured in: one place for every reader of records (JSON text, JSON values, and the
//! host values of [`crate::host`], which the Python and JavaScript bindings read).
//!
//! The size of a record is the length of its compact JSON text in UTF-8 (no whitespace), what
//! [`compact_len`] counts for a JSON value and a [`Budget`] counts while a host value is read;
//! the depth is the nesting of arrays and objects, the record itself being level 1.
//!
//! ```
//! use cen_model::limits::{json_string_len, decimal_len, MAX_RECORD_BYTES};
//! assert_eq!(json_string_len("a\"b\n"), 8); // "a\"b\n"
//! assert_eq!(decimal_len(1_000), 4);
//! assert_eq!(MAX_RECORD_BYTES, 1 << 20);
//! ```

use std::cell::Cell;

use serde_json::{Number, Value};

/// The largest record accepted, in bytes of JSON text (spec 3, CEN-SCH-001).
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;
/// The deepest nesting accepted; the record object itself is level 1 (spec 3, CEN-SCH-001).
pub const MAX_DEPTH: usize = 32;

/// The length of a string as compact JSON writes it: quotes, escapes (`\"`, `\\`, `\n`, `\r`,
/// `\t`, `\b`, `\f` take two bytes, other control characters six), other characters as UTF-8.
#[inline]
pub fn json_string_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    if !needs_escape(bytes) {
        return 2 + bytes.len();
    }
    2 + bytes.len() + escape_extra(bytes)
}

/// What escaping adds to these bytes in JSON text, byte by byte: one for `"`, `\\`, `\n`, `\r`,
/// `\t`, `\b` and `\f`, five for the other control characters, nothing for the rest. The
/// bytes of several strings may be counted at once: [`json_string_len`] of each is `2 +
/// len` plus its share. At most [`MAX_ESCAPE_EXTRA`] per byte.
///
/// ```
/// use cen_model::limits::escape_extra;
/// assert_eq!(escape_extra(b"plain"), 0);
/// assert_eq!(escape_extra(b"a\"b\n\x01"), 1 + 1 + 5);
/// ```
pub fn escape_extra(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 1,
            0..=0x1f => 5,
            _ => 0,
        })
        .sum()
}

/// The most that escaping adds to one byte of a string ([`escape_extra`]): a control character
/// becomes `\u00XX`.
pub const MAX_ESCAPE_EXTRA: usize = 5;

/// Whether any byte must be escaped in JSON: a control character, `"` or `\\`.
///
/// Nearly every string of a record has none, and most are keys and codes of under eight bytes,
/// where a vectorized pass runs byte by byte. This tests eight bytes at once in a word: a
/// string of 4 to 7 bytes as its first four and last four, one of 1 to 3 as its first, middle
/// and last bytes (padded with spaces), a longer one word by word and its last eight bytes
/// (bytes tested twice match or not alike).
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let len = bytes.len();
    let word = match len {
        0 => return false,
        1..=3 => {
            let first = u64::from(bytes[0]);
            let middle = u64::from(bytes[len / 2]);
            let last = u64::from(bytes[len - 1]);
            (SPACES & !0xff_ffff) | first | middle << 8 | last << 16
        }
        4..=7 => u64::from(u32_at(&bytes[..4])) | u64::from(u32_at(&bytes[len - 4..])) << 32,
        _ => {
            let mut words = bytes.chunks_exact(8);
            if words.by_ref().any(|word| special_in(u64_at(word))) {
                return true;
            }
            if words.remainder().is_empty() {
                return false;
            }
            u64_at(&bytes[len - 8..])
        }
    };
    special_in(word)
}

#[inline]
fn u64_at(eight: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(eight);
    u64::from_le_bytes(word)
}

#[inline]
fn u32_at(four: &[u8]) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(four);
    u32::from_le_bytes(word)
}

/// Whether a byte of `word` is below 0x20, `"` or `\` (each test is exact on whether any byte
/// matches: the borrows that spoil the classic test only ever follow a true match).
#[inline]
fn special_in(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(word ^ (ONES * u64::from(b'\\')), 1);
    control | quote | backslash != 0
}

/// The number of decimal digits of `n`.
#[inline]
pub fn decimal_len(mut n: u64) -> usize {
    let mut digits = 1;
    while n >= 10 {
        n /= 10;
        digits += 1;
    }
    digits
}

/// The length of a whole number as JSON text.
#[inline]
pub fn integer_len(n: i64) -> usize {
    decimal_len(n.unsigned_abs()) + usize::from(n < 0)
}

/// The length of a JSON number as serde_json writes it (integers in decimal, doubles in their
/// shortest round-trip form), counted by writing it nowhere.
pub fn number_len(number: &Number) -> usize {
    if let Some(n) = number.as_u64() {
        decimal_len(n)
    } else if let Some(n) = number.as_i64() {
        integer_len(n)
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

/// The length of a double as JSON text: serde_json's shortest form for a finite one, and `null`
/// (4) for NaN and the infinities, as `JSON.stringify` writes them.
#[inline]
pub fn float_len(x: f64) -> usize {
    match Number::from_f64(x) {
        Some(number) => number_len(&number),
        None => 4,
    }
}

/// The length in bytes of a value's compact JSON text, counted without writing it, stopping
/// once past `limit`.
pub fn compact_len(value: &Value, limit: usize) -> usize {
    fn walk(value: &Value, total: &mut usize, limit: usize) {
        if *total > limit {
            return;
        }
        match value {
            Value::Null => *total += 4,
            Value::Bool(b) => *total += if *b { 4 } else { 5 },
            Value::Number(n) => *total += number_len(n),
            Value::String(s) => *total += json_string_len(s),
            Value::Array(items) => {
                *total += 2 + items.len().saturating_sub(1);
                for item in items {
                    walk(item, total, limit);
                }
            }
            Value::Object(map) => {
                *total += 2 + map.len().saturating_sub(1);
                for (key, item) in map {
                    *total += json_string_len(key) + 1;
                    walk(item, total, limit);
                }
            }
        }
    }
    let mut total = 0;
    walk(value, &mut total, limit);
    total
}

/// The size left to a record being read: each value read is charged the length of its compact
/// JSON text, and reading stops as soon as the total passes the limit.
#[derive(Debug)]
pub struct Budget {
    left: Cell<usize>,
    over: Cell<bool>,
}

impl Budget {
    /// A budget of `limit` bytes ([`MAX_RECORD_BYTES`] for a record).
    pub fn new(limit: usize) -> Budget {
        Budget {
            left: Cell::new(limit),
            over: Cell::new(false),
        }
    }

    /// Charges `bytes`; false (and from then on [`Budget::is_over`]) once past the limit.
    #[inline]
    pub fn charge(&self, bytes: usize) -> bool {
        match self.left.get().checked_sub(bytes) {
            Some(left) => {
                self.left.set(left);
                true
            }
            None => {
                self.over.set(true);
                false
            }
        }
    }

    /// True once a charge passed the limit.
    pub fn is_over(&self) -> bool {
        self.over.get()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_those_of_compact_json_text() {
        let value: Value = serde_json::from_str(
            r#"{"a": [1, -2, 2.5, 1e20, 0.1, "x\"y\n\u0001é日本"], "b": {"c": null, "d": true, "e": false}}"#,
        )
        .unwrap();
        assert_eq!(compact_len(&value, usize::MAX), value.to_string().len());
        for text in ["", "a\"b", "é\n", "\u{1}", "日本", "\\\u{1f}\u{8}\u{c}"] {
            assert_eq!(json_string_len(text), Value::from(text).to_string().len());
        }
        for x in [
            1.5,
            -42.0,
            1e20,
            0.1,
            18446744073709551615.0,
            -2.2250738585072014e-308,
        ] {
            assert_eq!(float_len(x), Value::from(x).to_string().len(), "{x}");
        }
        assert_eq!(float_len(f64::NAN), 4);
        for n in [0, 9, 10, -1, i64::MIN, i64::MAX] {
            assert_eq!(integer_len(n), n.to_string().len());
        }
    }

    #[test]
    fn every_byte_to_escape_is_found_wherever_it_stands() {
        // Each ASCII byte, at every position of strings of 1 to 24 bytes (the word-at-a-time
        // scan, its overlapping last word and the byte-at-a-time short strings), among bytes
        // next to the ones that match (0x1f, 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, UTF-8 bytes).
        let fillers = ["a", " ", "!", "#", "[", "]", "\u{7f}", "é"];
        for byte in 0u8..0x80 {
            let special = char::from(byte);
            for filler in fillers {
                for len in 1..=24 {
                    for at in 0..len {
                        let text: String = (0..len)
                            .map(|i| {
                                if i == at {
                                    special.to_string()
                                } else {
                                    filler.to_owned()
                                }
                            })
                            .collect();
                        assert_eq!(
                            json_string_len(&text),
                            Value::from(text.as_str()).to_string().len(),
                            "{byte:#x} at {at} of {len} among {filler:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_budget_stops_past_its_limit() {
        let budget = Budget::new(10);
        assert!(budget.charge(10));
        assert!(!budget.is_over());
        assert!(!budget.charge(1));
        assert!(budget.is_over());
    }
}

//! Python scalars as `json.dumps` writes them: the text of a dict key, `int.__repr__`, and
//! `repr` of a float and its length, counted without writing it (the size limit counts it for
//! every float read).
//!
//! Pure functions of the value: no tape, no reader.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};

/// `int.__repr__` of an int (never a subclass's own `__repr__`, which could run any code).
pub(super) fn int_repr(number: &Bound<'_, PyInt>) -> String {
    number
        .py()
        .get_type::<PyInt>()
        .call_method1("__repr__", (number,))
        .ok()
        .and_then(|text| text.extract::<String>().ok())
        .unwrap_or_default()
}

/// The text of a dict key as `json.dumps` writes it: a `str` as it is, `int`, `float`, `bool`
/// and `None` as their JSON text; any other key (which `json.dumps` refuses) as a name that no
/// field has, so that it is CEN-SCH-003.
pub fn key_text(key: &Bound<'_, PyAny>) -> String {
    if let Ok(text) = key.cast::<PyString>() {
        return text.to_string_lossy().into_owned();
    }
    if key.is_none() {
        return "null".to_owned();
    }
    if key.is_instance_of::<PyBool>() {
        return if key.is_truthy().unwrap_or(false) {
            "true"
        } else {
            "false"
        }
        .to_owned();
    }
    if let Ok(number) = key.cast::<PyInt>() {
        return match number.extract::<i64>() {
            Ok(n) => n.to_string(),
            Err(_) => int_repr(number),
        };
    }
    if let Ok(number) = key.cast::<PyFloat>() {
        let x = number.value();
        return if x.is_nan() {
            "NaN".to_owned()
        } else if x.is_infinite() {
            if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
        } else {
            python_float_repr(x)
        };
    }
    "<key that is not a string>".to_owned()
}

/// The shortest round-trip digits of a finite double and its decimal point position: `x` is
/// `0.DIGITS × 10^point` (sign aside). Both Python's `repr` and ryu produce the shortest digits
/// that read back as `x`, so ryu's digits are Python's.
fn shortest_digits(x: f64) -> (String, i32) {
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x.abs());
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = whole.chars().chain(fraction.chars()).collect();
    let mut point = whole.len() as i32 + exponent;
    let leading = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..leading);
    point -= leading as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    (digits, point)
}

/// `repr(x)` of a finite float, as CPython writes it: fixed notation when the decimal point
/// position is in -3..=16, scientific otherwise, `.0` on whole numbers, exponents of at least
/// two digits with their sign.
fn python_float_repr(x: f64) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (digits, point) = shortest_digits(x);
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let n = digits.len() as i32;
    if (-3..=16).contains(&point) {
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point < n {
            let (a, b) = digits.split_at(point as usize);
            format!("{sign}{a}.{b}")
        } else {
            format!("{sign}{digits}{}.0", "0".repeat((point - n) as usize))
        }
    } else {
        let exponent = point - 1;
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let esign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{first}{dot}{rest}e{esign}{:02}", exponent.abs())
    }
}

/// The length of a float as `json.dumps` writes it (`repr`, or `NaN`, `Infinity`,
/// `-Infinity`), counted from ryu's shortest digits without writing it.
#[inline]
pub(super) fn python_float_len(x: f64) -> usize {
    if x.is_nan() {
        return 3;
    }
    if x.is_infinite() {
        return if x > 0.0 { 8 } else { 9 };
    }
    let sign = usize::from(x.is_sign_negative());
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(x.abs());
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The first and last non-zero digits: the significant digits between them.
    let mut first = None;
    let mut last = 0;
    for (i, digit) in whole.bytes().chain(fraction.bytes()).enumerate() {
        if digit != b'0' {
            first.get_or_insert(i);
            last = i;
        }
    }
    let Some(leading) = first else {
        return sign + 3; // 0.0
    };
    let n = (last - leading + 1) as i32;
    let point = whole.len() as i32 + exponent - leading as i32;
    let length = if (-3..=16).contains(&point) {
        if point <= 0 {
            2 - point + n // 0.000ddd
        } else if point < n {
            n + 1 // ddd.ddd
        } else {
            point + 2 // ddd000.0
        }
    } else {
        let exponent = (point - 1).unsigned_abs();
        let exponent_digits = if exponent >= 100 { 3 } else { 2 };
        n + i32::from(n > 1) + 2 + exponent_digits // d.ddde+XX
    };
    sign + length as usize
}

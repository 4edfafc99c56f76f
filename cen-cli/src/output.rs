//! Pieces shared by the writers of reports and tables.

use cen_rules::Report;

use crate::input::{Format, InputFile, Payload, Raw};

/// A string as a JSON string literal.
pub fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// The start of a record's position in JSON, `"file":"…","line":` (`"row"` for Excel): the
/// same for every record of a source, so it is made once.
pub fn position_prefix(source: &InputFile) -> Vec<u8> {
    prefix_of(&source.name, source.format)
}

/// [`position_prefix`] of a source named `name` read as `format`.
pub fn prefix_of(name: &str, format: Format) -> Vec<u8> {
    format!(
        "\"file\":{},\"{}\":",
        json_string(name),
        format.position_word()
    )
    .into_bytes()
}

/// Appends the decimal digits of `n`.
pub fn push_number(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// One record's line of `cen validate --format ndjson` (and of `cen serve`'s batches): where it
/// was found (`prefix` is [`position_prefix`] of its source), its index in the run, why it could
/// not be read, the core's report byte for byte, and for flat input the column of each issue.
pub fn json_line(
    prefix: &[u8],
    format: Format,
    raw: &Raw,
    index: usize,
    report: &Report,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + 160 * report.issues.len());
    out.push(b'{');
    out.extend_from_slice(prefix);
    push_number(&mut out, raw.line);
    out.extend_from_slice(b",\"record\":");
    push_number(&mut out, index as u64);
    if let Some(detail) = detail(raw) {
        out.extend_from_slice(b",\"detail\":");
        out.extend_from_slice(json_string(detail).as_bytes());
    }
    // The report as the core serialises it (`Report::to_json` is this serialisation), so
    // that it is byte for byte the same on every surface; written in place, not copied.
    out.extend_from_slice(b",\"report\":");
    if serde_json::to_writer(&mut out, report).is_err() {
        out.extend_from_slice(report.to_json().as_bytes());
    }
    if let Some(columns) = columns(format, report) {
        out.extend_from_slice(b",\"columns\":");
        out.extend_from_slice(serde_json::Value::from(columns).to_string().as_bytes());
    }
    out.push(b'}');
    out
}

/// The columns of a flat record's issues, in the order of its report's issues (`None` for the
/// root); `None` for records that are not flat.
pub fn columns(format: Format, report: &Report) -> Option<Vec<Option<String>>> {
    format.is_flat().then(|| {
        report
            .issues
            .iter()
            .map(|issue| cen_model::flat::column_of(&issue.path))
            .collect()
    })
}

/// Why the reader could not make sense of a record, if that is what happened.
pub fn detail(raw: &Raw) -> Option<&str> {
    match &raw.payload {
        Payload::Malformed(detail) | Payload::TooLarge(detail) => Some(detail),
        _ => None,
    }
}

/// A number without float noise: at most six decimals, no trailing zeros.
pub fn decimal(x: f64) -> String {
    let text = format!("{x:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A rounded number as a JSON value (six decimals at most).
pub fn decimal_json(x: f64) -> serde_json::Value {
    let rounded = (x * 1e6).round() / 1e6;
    if rounded.fract() == 0.0 && rounded.abs() < 9.0e15 {
        serde_json::Value::from(rounded as i64)
    } else {
        serde_json::Number::from_f64(rounded).map_or(serde_json::Value::Null, Into::into)
    }
}

/// A count and its noun, singular for one: `1 record`, `2 records`.
pub fn counted(n: u64, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 1234567890, u64::MAX] {
            let mut out = Vec::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    #[test]
    fn decimals_lose_their_noise() {
        assert_eq!(decimal(0.1 + 0.2), "0.3");
        assert_eq!(decimal(1500.0), "1500");
        assert_eq!(decimal(-0.0000001), "0");
        assert_eq!(decimal_json(0.1 + 0.2), serde_json::json!(0.3));
        assert_eq!(decimal_json(12.0), serde_json::json!(12));
    }
}

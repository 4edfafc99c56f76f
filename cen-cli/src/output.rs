//! Pieces shared by the writers of reports and tables.

use cen_rules::Report;

use crate::input::{Format, Payload, Raw, Source};

/// A string as a JSON string literal.
pub fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// Where a record was found, as JSON keys: `"file":…,"line":…` (`"row"` for Excel),
/// `"record":…` (its index in the run, from 0, as CEN-DUP-001's `first` counts).
pub fn position_json(source: &Source, raw: &Raw, index: usize) -> String {
    format!(
        "\"file\":{},\"{}\":{},\"record\":{index}",
        json_string(&source.name),
        source.format.position_word(),
        raw.line
    )
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
        Payload::Malformed(detail) => Some(detail),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_lose_their_noise() {
        assert_eq!(decimal(0.1 + 0.2), "0.3");
        assert_eq!(decimal(1500.0), "1500");
        assert_eq!(decimal(-0.0000001), "0");
        assert_eq!(decimal_json(0.1 + 0.2), serde_json::json!(0.3));
        assert_eq!(decimal_json(12.0), serde_json::json!(12));
    }
}

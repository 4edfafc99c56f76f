//! Helpers of the rule tests: a valid long-form record to mutate, and its issues.

use serde_json::{json, Value};

use crate::{Options, Report, Validator};

/// A complete, valid long-form record: cocaine from Brazil found at Brussels airport.
pub(crate) fn base() -> Value {
    json!({
        "reporting_country": "BE",
        "seizure_date": "2026-02-28",
        "location": {"type": "airport", "code": "BRU"},
        "procedure": "import",
        "detection": {"principal": "risk_profiling"},
        "goods": [{"commodity": "drugs", "type": "cocaine", "quantity": 2.5, "unit": "kg", "concealment": "baggage_hold"}],
        "conveyance": [{"type": "air_passenger", "flight": "SN466", "date": "2026-02-27", "from": "GRU", "to": "BRU"}],
        "route": {"origin": "CO", "departure": "BR", "destination": "BE"}
    })
}

/// The report of a record with these options, today being 2026-11-28 unless they say.
pub(crate) fn report(record: &Value, options: Value) -> Report {
    let mut options = Options::from_value(&options).expect("test options");
    options.today = options.today.or(cen_model::Date::parse("2026-11-28"));
    Validator::new(options)
        .expect("validator")
        .validate_json(&record.to_string())
}

/// `"RULE path"` for every issue, in report order.
pub(crate) fn issues_with(record: &Value, options: Value) -> Vec<String> {
    report(record, options)
        .issues
        .iter()
        .map(|i| format!("{} {}", i.rule, i.path))
        .collect()
}

/// `"RULE path"` for every issue with default options.
pub(crate) fn issues(record: &Value) -> Vec<String> {
    issues_with(record, json!({}))
}

#[test]
fn the_base_record_is_valid_and_complete() {
    let report = report(&base(), json!({}));
    assert!(report.issues.is_empty(), "{:?}", report.issues);
    assert_eq!(report.quality, 100);
}

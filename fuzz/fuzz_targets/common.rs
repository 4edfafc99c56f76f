#![allow(dead_code)]
// Shared by the fuzz targets: a validator with fixed options, and the invariants every report
// must keep whatever the input.

use cen_rules::{Report, Severity, Validator};

pub fn validator() -> &'static Validator {
    static VALIDATOR: std::sync::OnceLock<Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(|| {
        Validator::from_json_options(r#"{"today": "2026-11-28"}"#).expect("fixed options")
    })
}

/// A report is consistent: counts match the issues, validity matches the errors, issues are
/// sorted, the quality is a percentage, and its JSON reads back.
pub fn check_report(report: &Report) {
    let errors = report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    let warnings = report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Warning)
        .count();
    assert_eq!(report.counts.error, errors);
    assert_eq!(report.counts.warning, warnings);
    assert_eq!(report.valid, errors == 0);
    assert!(report.quality <= 100);
    for pair in report.issues.windows(2) {
        assert!(
            (pair[0].path.as_bytes(), pair[0].rule) <= (pair[1].path.as_bytes(), pair[1].rule),
            "issues out of order"
        );
    }
    for issue in &report.issues {
        assert!(
            cen_rules::rule(issue.rule).is_some(),
            "unknown rule {}",
            issue.rule
        );
        assert!(
            issue.path.is_empty() || issue.path.starts_with('/'),
            "bad path {:?}",
            issue.path
        );
        assert!(
            !issue.message.is_empty(),
            "empty message for {}",
            issue.rule
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&report.to_json()).expect("the report is JSON");
    assert_eq!(json["valid"], report.valid);
}

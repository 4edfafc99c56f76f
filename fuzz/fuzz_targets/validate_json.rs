//! `validate_bytes` / `validate_json` on arbitrary bytes: never panics, consistent reports,
//! deterministic, and the projection of whatever parses never reports nominal data.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let validator = common::validator();
    let report = validator.validate_bytes(data);
    common::check_report(&report);
    assert_eq!(
        report.to_json(),
        validator.validate_bytes(data).to_json(),
        "not deterministic"
    );
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(report.to_json(), validator.validate_json(text).to_json());
        if let Ok(projected) = cen_model::project::to_cen_json(text) {
            let after = validator.validate_json(&projected);
            common::check_report(&after);
            assert!(
                after.issues.iter().all(|i| i.rule != "CEN-NOM-001"),
                "nominal data after projection"
            );
        }
    }
});

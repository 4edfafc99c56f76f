//! Options and profiles from arbitrary bytes: either a clear error or a validator that works.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const RECORD: &str = r#"{"reporting_country":"BE","seizure_date":"2026-02-28","location":{"type":"airport","code":"BRU"},"procedure":"import","goods":[{"commodity":"drugs","type":"cocaine","quantity":2.5,"unit":"kg"}],"conveyance":[{"type":"air_passenger","flight":"SN466"}],"route":{"departure":"BR","destination":"BE"}}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match cen_rules::Options::from_json(text) {
        Ok(mut options) => {
            options.today = options.today.or(cen_model::Date::parse("2026-11-28"));
            let validator =
                cen_rules::Validator::new(options).expect("options that parse make a validator");
            common::check_report(&validator.validate_json(RECORD));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});

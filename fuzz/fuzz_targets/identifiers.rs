//! The identifier checkers on arbitrary text: never panic, and what they accept has the
//! shape the spec gives.
#![no_main]

use cen_rules::identifiers::{is_awb, is_container, is_flight, is_imo, is_s10};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if is_container(text) {
        assert!(text.len() == 11 && text.is_ascii());
    }
    if is_imo(text) {
        assert!(text.ends_with(|c: char| c.is_ascii_digit()) && text.len() <= 11);
    }
    if is_awb(text) {
        assert!(text.len() == 11 || text.len() == 12);
    }
    if is_s10(text) {
        assert!(text.len() == 13 && codes_data::country(&text[11..]).is_some());
    }
    if is_flight(text) {
        assert!((3..=8).contains(&text.len()) && text.is_ascii());
    }
    let _ = codes_data::resolve_location(text);
    let _ = cen_model::Date::parse(text);
});

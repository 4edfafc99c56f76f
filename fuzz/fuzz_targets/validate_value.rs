//! Structured fuzzing: records built from the record's own field names and plausible values,
//! so that the rules (not only the parser) are reached. A value, its JSON text and the value
//! read as a host value (`cen_model::host`, the path of the Python and JavaScript bindings) must
//! give the same report.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

#[path = "common.rs"]
mod common;

/// The record's own field names and one it does not know.
fn names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = cen_model::field_names();
        names.push("x");
        names
    })
}

const WORDS: &[&str] = &[
    "long",
    "simplified",
    "cen",
    "ncen",
    "cencomm",
    "BE",
    "NL",
    "XX",
    "XZ",
    "be",
    "2026-02-28",
    "2026-11-29",
    "1999-12-31",
    "2024-02-30",
    "airport",
    "seaport",
    "land_border",
    "BRU",
    "EBBR",
    "NLRTM",
    "BEANR",
    "CNTLS",
    "import",
    "export",
    "transit",
    "domestic",
    "drugs",
    "tobacco",
    "currency",
    "cocaine",
    "cigarettes",
    "banknotes",
    "kg",
    "g",
    "pieces",
    "tablets",
    "amount",
    "USD",
    "JPY",
    "BHD",
    "240220",
    "7701",
    "air_passenger",
    "sea_container",
    "postal",
    "express_courier",
    "unknown",
    "CSQU3054383",
    "016-12345675",
    "RR473124829GB",
    "LH254",
    "9074729",
    "",
    "é",
];

fn value(u: &mut Unstructured, depth: usize) -> arbitrary::Result<Value> {
    let choice = if depth > 6 {
        u.int_in_range(0..=4)?
    } else {
        u.int_in_range(0..=6)?
    };
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => Value::from(*u.choose(WORDS)?),
        3 => serde_json::Number::from_f64(f64::arbitrary(u)?).map_or(Value::Null, Value::Number),
        4 => Value::from(i64::arbitrary(u)? % 100_000_000),
        5 => {
            let n = u.int_in_range(0..=4)?;
            Value::Array(
                (0..n)
                    .map(|_| value(u, depth + 1))
                    .collect::<arbitrary::Result<_>>()?,
            )
        }
        _ => {
            let n = u.int_in_range(0..=8)?;
            let mut map = Map::new();
            for _ in 0..n {
                map.insert((*u.choose(names())?).to_owned(), value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(record) = value(&mut u, 0) else { return };
    let validator = common::validator();
    let report = validator.validate_value(&record);
    common::check_report(&report);
    assert_eq!(
        report.to_json(),
        validator.validate_json(&record.to_string()).to_json(),
        "value and text differ"
    );
    assert_eq!(
        report.to_json(),
        validator.validate_host(&record).to_json(),
        "value and host value differ"
    );
    if let Some(projected) = cen_model::to_cen_value(&record) {
        assert!(validator
            .validate_value(&projected)
            .issues
            .iter()
            .all(|i| i.rule != "CEN-NOM-001"));
    }
});

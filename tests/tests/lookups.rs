//! The Rust runner of the shared look-up cases (`tests/lookups/forgiving.json`, spec 5.3b):
//! every surface runs the same cases and must find the same entries.

use std::path::Path;

use cen_rules::lookups::{lookup, Table};
use cen_rules::Lang;
use serde_json::Value;

#[test]
fn look_ups_forgive_what_people_type_as_every_surface_does() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("lookups/forgiving.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = file["cases"].as_array().unwrap();
    assert!(cases.len() > 20);
    for case in cases {
        let table: Table = case["table"].as_str().unwrap().parse().unwrap();
        let code = case["code"].as_str().unwrap();
        let found = lookup(table, code, Lang::En).map(|entry| entry["code"].clone());
        assert_eq!(
            found.unwrap_or(Value::Null),
            case["found"],
            "{}",
            case["name"]
        );
    }
}

//! Property tests: validation never panics, is deterministic, and the projection to CEN never
//! holds nominal data.

use cen_rules::synth::Generator;
use cen_rules::{Options, Validator};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn validator() -> Validator {
    Validator::new(Options {
        today: cen_model::Date::parse("2026-11-28"),
        ..Options::default()
    })
    .unwrap()
}

/// Any JSON value, with field names that the record uses most of the time, so that the decoder
/// and the rules are reached, not just the unknown-field path.
fn any_json() -> impl Strategy<Value = Value> {
    // The record's own names, and one it does not know.
    let mut names = cen_model::field_names();
    names.push("x");
    let names = prop::sample::select(names);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Value::from),
        prop::sample::select(vec![
            "BE",
            "XX",
            "import",
            "airport",
            "kg",
            "2026-02-28",
            "BRU",
            "drugs",
            "cocaine",
            "amount",
            "USD",
            "",
            "é"
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((names.clone(), inner), 0..8).prop_map(|pairs| Value::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect::<Map<String, Value>>()
            )),
        ]
    })
}

/// Every pointer to a node of a value.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            pointers(
                v,
                format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_json_values(value in any_json()) {
        let v = validator();
        let a = v.validate_value(&value).to_json();
        let b = v.validate_json(&value.to_string()).to_json();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let report = validator().validate_bytes(&bytes);
        prop_assert!(report.valid || !report.issues.is_empty());
    }

    #[test]
    fn never_panics_on_mutations_of_valid_records(seed in any::<u64>(), choice in any::<prop::sample::Index>(), replacement in any_json(), delete in any::<bool>()) {
        let mut record = Generator::new(seed).next_record().record;
        let mut all = Vec::new();
        pointers(&record, String::new(), &mut all);
        let target = choice.get(&all).clone();
        if target.is_empty() {
            record = replacement;
        } else if let Some(slot) = record.pointer_mut(&target) {
            *slot = if delete { Value::Null } else { replacement };
        }
        let v = validator();
        let first = v.validate_value(&record).to_json();
        let second = v.validate_json(&record.to_string()).to_json();
        prop_assert_eq!(&first, &second, "value and text differ");
        prop_assert_eq!(first, validator().validate_value(&record).to_json(), "not deterministic");
    }

    #[test]
    fn the_projection_of_any_object_never_reports_nominal_data_or_unknown_fields(value in any_json()) {
        if let Some(projected) = cen_model::to_cen_value(&value) {
            let report = validator().validate_value(&projected);
            prop_assert!(report.issues.iter().all(|i| i.rule != "CEN-NOM-001" && i.rule != "CEN-SCH-003"), "{:?}", report.issues);
        }
    }

    #[test]
    fn the_projection_has_no_nominal_data(seed in any::<u64>(), share in 0.0f64..1.0) {
        let mut generator = Generator::new(seed).invalid_share(share);
        for _ in 0..4 {
            let record = generator.next_record().record;
            let projected = cen_model::to_cen_value(&record).unwrap();
            for field in ["persons", "companies", "narrative"] {
                prop_assert!(projected.get(field).is_none());
            }
            for leg in projected["conveyance"].as_array().into_iter().flatten() {
                prop_assert!(leg.get("vehicle_registration").is_none());
            }
            prop_assert_eq!(projected["source"].as_str(), Some("cen"));
            let report = validator().validate_value(&projected);
            prop_assert!(report.issues.iter().all(|i| i.rule != "CEN-NOM-001" && i.rule != "CEN-NOM-002"), "{:?}", report.issues);
        }
    }
}

#[test]
fn the_projection_of_every_generated_ncen_record_is_valid_when_the_record_was() {
    let v = validator();
    let mut checked = 0;
    for generated in Generator::new(99).take(4000) {
        if generated.record.get("source").and_then(Value::as_str) != Some("ncen") {
            continue;
        }
        assert!(v.validate_value(&generated.record).valid);
        let projected = cen_model::to_cen_value(&generated.record).unwrap();
        let report = v.validate_value(&projected);
        assert!(report.issues.is_empty(), "{:?}", report.issues);
        checked += 1;
    }
    assert!(checked > 200, "{checked}");
}

/// Nominal values that can appear nowhere else in a record: a prefix no generator writes and
/// random letters.
fn nominal_text() -> impl Strategy<Value = String> {
    "[A-Za-z]{10,16}".prop_map(|s| format!("Nom{s}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Issue 7, privacy: for any nCEN record, the export to CEN holds none of the nominal values
    /// of the input anywhere in its bytes, not only not in the nominal fields.
    #[test]
    fn the_export_to_cen_holds_no_nominal_value_anywhere(
        seed in any::<u64>(),
        surname in nominal_text(), given in nominal_text(), number in nominal_text(),
        address in nominal_text(), company in nominal_text(), registration in nominal_text(),
        plate in nominal_text(), narrative in nominal_text(),
    ) {
        let mut record = Generator::new(seed).next_record().record;
        record["source"] = "ncen".into();
        record["persons"] = serde_json::json!([{"surname": surname, "given_names": given, "address": address,
            "documents": [{"type": "passport", "number": number, "issuing_country": "BE"}]}]);
        record["companies"] = serde_json::json!([{"name": company, "registration_number": registration, "address": address}]);
        record["narrative"] = narrative.clone().into();
        if let Some(Value::Array(legs)) = record.get_mut("conveyance") {
            for leg in legs.iter_mut().filter_map(Value::as_object_mut) {
                leg.insert("vehicle_registration".into(), plate.clone().into());
            }
        }
        let text = record.to_string();
        for out in [cen_model::project::to_cen_json(&text).unwrap(), cen_model::to_cen_value(&record).unwrap().to_string()] {
            for value in [&surname, &given, &number, &address, &company, &registration, &plate, &narrative] {
                prop_assert!(!out.contains(value.as_str()), "{value} in {out}");
            }
        }
    }
}

/// A value of any JSON type with a nominal value somewhere in it: the text itself, or nested in
/// arrays and objects, as a value or as a key.
fn holding(nominal: String) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::from(nominal.clone())),
        Just(serde_json::json!({ nominal.clone(): true })),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            (inner.clone(), any::<bool>(), -5i64..5).prop_map(|(v, b, n)| Value::Array(vec![
                Value::Bool(b),
                v,
                Value::from(n)
            ])),
            (inner, "[a-z_]{1,10}")
                .prop_map(|(v, k)| serde_json::json!({ k: v, "type": "cocaine" })),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Issue 18, privacy: fields the record does not define, at any depth (in the record, in
    /// a route, a goods line, a leg, a penalty, or inside another unknown field), of any type,
    /// holding a nominal value anywhere (as a value or as a key), never reach the export, and
    /// the projection reports no unknown field.
    #[test]
    fn the_export_to_cen_holds_no_unknown_field_at_any_depth(
        seed in any::<u64>(),
        nominal in nominal_text(),
        places in prop::collection::vec((any::<prop::sample::Index>(), "[a-z_]{1,12}", any::<bool>()), 1..5),
        values in prop::collection::vec(nominal_text().prop_flat_map(holding), 5),
    ) {
        let mut record = Generator::new(seed).next_record().record;
        record["source"] = "ncen".into();
        let names = cen_model::field_names();
        for (i, (place, name, as_key)) in places.into_iter().enumerate() {
            let mut objects = Vec::new();
            pointers(&record, String::new(), &mut objects);
            objects.retain(|p| record.pointer(p).is_some_and(Value::is_object));
            let at = place.get(&objects).clone();
            let key = if as_key || names.contains(&name.as_str()) { nominal.clone() } else { name };
            let value = values[i].clone();
            record.pointer_mut(&at).and_then(Value::as_object_mut).unwrap().insert(key, value);
        }
        let mut secrets: Vec<String> = vec![nominal];
        for value in &values {
            let text = value.to_string();
            let start = text.find("Nom").unwrap();
            secrets.push(text[start..].chars().take_while(char::is_ascii_alphanumeric).collect());
        }
        let text = record.to_string();
        let projected = cen_model::to_cen_value(&record).unwrap();
        for out in [cen_model::project::to_cen_json(&text).unwrap(), projected.to_string()] {
            for secret in &secrets {
                prop_assert!(!out.contains(secret.as_str()), "{secret} in {out}");
            }
        }
        let report = validator().validate_value(&projected);
        prop_assert!(report.issues.iter().all(|i| !i.rule.starts_with("CEN-NOM") && i.rule != "CEN-SCH-003"), "{:?}", report.issues);
    }
}

//! An independent JSON Schema validator (jsonschema-rs) agrees with cen's structural verdict on
//! every conformance vector whose structure the schema can express.

use cen_conformance::*;
use serde_json::Value;

fn structural_issues(report: &Value) -> usize {
    report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["rule"].as_str().unwrap().starts_with("CEN-SCH-"))
        .count()
}

#[test]
fn the_schema_and_the_decoder_agree_on_structure() {
    let schema = cen_model::schema::schema();
    let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    let mut compared = 0;
    for (_, doc) in vector_files() {
        for case in doc["cases"].as_array().unwrap() {
            let options = &case["options"];
            // The schema knows the record's own form only, and no profile.
            if options.get("form").is_some() || options.get("profile").is_some() {
                continue;
            }
            let inputs: Vec<Value> = match (case.get("input"), case.get("batch")) {
                (Some(input), _) => vec![input.clone()],
                (None, Some(Value::Array(items))) => {
                    items.iter().filter(|i| i.is_object()).cloned().collect()
                }
                _ => continue,
            };
            for input in inputs {
                let report = cen_rules::Validator::from_json_options(&options.to_string())
                    .unwrap()
                    .validate_value(&input)
                    .to_value();
                let cen_says = structural_issues(&report) == 0;
                let schema_says = validator.is_valid(&input);
                assert_eq!(
                    schema_says, cen_says,
                    "{}: schema {schema_says}, cen {cen_says}: {input}",
                    case["name"]
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "compared {compared}");
}

#[test]
fn generated_records_are_valid_against_the_schema_and_mistakes_agree() {
    let schema = cen_model::schema::schema();
    let validator = jsonschema::validator_for(schema).unwrap();
    let cen = cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap();
    for generated in cen_rules::synth::Generator::new(11)
        .invalid_share(0.5)
        .take(2000)
    {
        let report = cen.validate_value(&generated.record).to_value();
        assert_eq!(
            validator.is_valid(&generated.record),
            structural_issues(&report) == 0,
            "{}",
            generated.record
        );
    }
}

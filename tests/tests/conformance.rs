//! The Rust runner of the conformance vectors: every case's complete report, byte for byte.

use cen_conformance::*;
use serde_json::Value;

#[test]
fn every_vector_gives_its_blessed_report_byte_for_byte() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (path, doc) in vector_files() {
        for case in doc["cases"].as_array().expect("cases") {
            count += 1;
            let name = format!(
                "{} / {}",
                path.file_name().unwrap().to_string_lossy(),
                case["name"]
            );
            let Some(blessed) = blessed(case) else {
                failures.push(format!("{name}: no blessed report (run the bless tool)"));
                continue;
            };
            let found: Vec<String> = run_case(case).iter().map(|r| r.to_json()).collect();
            if found != blessed {
                failures.push(format!(
                    "{name}:\n  expected {blessed:?}\n  found    {found:?}"
                ));
            }
            let expected = expectations(case);
            for (e, report) in expected.iter().zip(&found) {
                let report: Value = serde_json::from_str(report).unwrap();
                if !same_issues(e, &issues_as_expected(&report)) {
                    failures.push(format!("{name}: issues differ from `expect`"));
                }
            }
        }
    }
    assert!(count >= 150, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Spec 7.2: a pack built from the built-in tables gives every case the same bytes.
#[test]
fn a_pack_of_the_builtin_tables_gives_the_same_bytes() {
    let pack = codes_data::Tables::from_bytes(&codes_data::Tables::builtin().to_pack_bytes())
        .expect("the built-in tables as a pack");
    assert!(!pack.is_builtin());
    let mut count = 0;
    for (_, doc) in vector_files() {
        for case in doc["cases"].as_array().unwrap() {
            let with_pack: Vec<String> = run_case_with(case, Some(&pack))
                .iter()
                .map(|r| r.to_json())
                .collect();
            let builtin: Vec<String> = run_case(case).iter().map(|r| r.to_json()).collect();
            assert_eq!(with_pack, builtin, "{}", case["name"]);
            count += 1;
        }
    }
    assert!(count >= 150);
}

#[test]
fn a_value_and_its_json_text_give_the_same_bytes() {
    for (_, doc) in vector_files() {
        for case in doc["cases"].as_array().unwrap() {
            if let Some(input) = case.get("input") {
                let validator = validator(case);
                let from_value = validator.validate_value(input).to_json();
                let from_text = validator.validate_json(&input.to_string()).to_json();
                let from_pretty = validator
                    .validate_json(&serde_json::to_string_pretty(input).unwrap())
                    .to_json();
                assert_eq!(from_value, from_text, "{}", case["name"]);
                assert_eq!(from_text, from_pretty, "{}", case["name"]);
            }
        }
    }
}

#[test]
fn every_rule_fires_somewhere_and_every_rule_has_a_near_miss() {
    let mut fired = std::collections::BTreeSet::new();
    let mut names = Vec::new();
    for (_, doc) in vector_files() {
        for case in doc["cases"].as_array().unwrap() {
            names.push(case["name"].as_str().unwrap().to_owned());
            for list in expectations(case) {
                for issue in list {
                    fired.insert(issue["rule"].as_str().unwrap().to_owned());
                }
            }
        }
    }
    for rule in cen_rules::catalogue() {
        assert!(fired.contains(rule.id), "no vector fires {}", rule.id);
        let prefix = rule.id.to_lowercase().replace("cen-", "");
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(&prefix) && n.contains("near-miss")),
            "no near miss for {}",
            rule.id
        );
    }
}

/// The core decodes each record of a batch over the one before it (reusing its room): any
/// record of the vectors decoded over any other must be exactly the record decoded alone,
/// nothing of the one before left in it.
#[test]
fn every_record_decoded_over_any_other_is_the_record_decoded_alone() {
    use cen_model::tape::Tape;
    let mut tape = Tape::default();
    let mut starts = Vec::new();
    for (_, doc) in vector_files() {
        for case in doc["cases"].as_array().unwrap() {
            let inputs = match case_input(case) {
                Some(input) => vec![input],
                None => batch_inputs(case).unwrap_or_default(),
            };
            for input in inputs {
                let text = match input {
                    CaseInput::Value(value) => value.to_string(),
                    CaseInput::Text(text) => text,
                    CaseInput::Bytes(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => text,
                        Err(_) => continue,
                    },
                };
                let mark = tape.mark();
                match tape.read(&mut serde_json::Deserializer::from_str(&text)) {
                    Ok(at) => starts.push(at),
                    Err(_) => tape.truncate(mark),
                }
            }
        }
    }
    assert!(starts.len() >= 200, "{} records read", starts.len());
    let alone: Vec<_> = starts
        .iter()
        .map(|&at| cen_model::decode_tape(&tape, at))
        .collect();
    let mut compared = 0;
    for (a, first) in starts.iter().zip(&alone) {
        let Ok(first) = first else { continue };
        for (&b, second) in starts.iter().zip(&alone) {
            let mut decoded = first.clone();
            let over = cen_model::decode_tape_over(&tape, b, &mut decoded).map(|()| decoded);
            assert_eq!(&over, second, "node {b} decoded over node {a}");
            compared += 1;
        }
    }
    assert!(compared >= 200 * 200, "{compared} pairs");
}

//! Adds the complete report to every conformance vector, after checking that the report has
//! exactly the issues written by hand in the case. Run it after changing a message or the
//! quality formula: `cargo run -p cen-conformance --bin bless`. It refuses to write a report
//! that disagrees with the hand-written expectation.

use cen_conformance::*;
use serde_json::Value;

fn main() {
    let mut disagreements = 0;
    let mut written = 0;
    for (path, mut doc) in vector_files() {
        let Some(cases) = doc.get_mut("cases").and_then(Value::as_array_mut) else {
            continue;
        };
        for case in cases.iter_mut() {
            let reports: Vec<Value> = run_case(case).iter().map(|r| r.to_value()).collect();
            let expected = expectations(case);
            let agree = expected.len() == reports.len()
                && expected
                    .iter()
                    .zip(&reports)
                    .all(|(e, r)| same_issues(e, &issues_as_expected(r)));
            if !agree {
                disagreements += 1;
                eprintln!(
                    "{} / {}: the report disagrees with `expect`",
                    path.display(),
                    case["name"]
                );
                for (e, r) in expected.iter().zip(&reports) {
                    eprintln!(
                        "  expected: {}\n  found:    {}",
                        Value::Array(e.clone()),
                        Value::Array(issues_as_expected(r))
                    );
                }
                continue;
            }
            let object = case.as_object_mut().expect("a case is an object");
            object.remove("report");
            object.remove("reports");
            if object.contains_key("batch") {
                object.insert("reports".into(), Value::Array(reports));
            } else {
                object.insert(
                    "report".into(),
                    reports.into_iter().next().unwrap_or_default(),
                );
            }
            written += 1;
        }
        let text = serde_json::to_string_pretty(&doc).expect("serialisable") + "\n";
        std::fs::write(&path, text).expect("writable vector file");
    }
    println!("{written} reports written, {disagreements} disagreements");
    if disagreements > 0 {
        std::process::exit(1);
    }
}

//! Adds the core's answers to the data-entry vectors (tests/data-entry, spec 6): the results of
//! each search case and the model of each form-model case. Refuses (exit 1) when a result
//! contradicts the case's hand-written expectation (`expect_first`, `expect_contains`,
//! `expect_count`). `cargo run -p cen-conformance --bin bless-entry`.

use cen_conformance::entry::{answer_form_model, answer_search, entry_files, expectation_problems};
use serde_json::Value;

fn main() {
    let mut problems = 0;
    for (path, mut doc) in entry_files() {
        let model = path.ends_with("form-model.json");
        let Some(cases) = doc.get_mut("cases").and_then(Value::as_array_mut) else {
            continue;
        };
        for case in cases.iter_mut() {
            let (key, answer) = if model {
                ("model", answer_form_model(case))
            } else {
                ("results", answer_search(case))
            };
            let Ok(answer) = answer else {
                eprintln!("{}: {}: refused", path.display(), case["name"]);
                problems += 1;
                continue;
            };
            for problem in expectation_problems(case, &answer) {
                eprintln!("{}: {}: {problem}", path.display(), case["name"]);
                problems += 1;
            }
            case[key] = answer;
        }
        let text = serde_json::to_string_pretty(&doc).expect("serialisable") + "\n";
        std::fs::write(&path, text).expect("writable");
    }
    if problems > 0 {
        std::process::exit(1);
    }
    println!("data-entry vectors blessed");
}

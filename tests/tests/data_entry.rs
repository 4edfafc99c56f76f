//! The data-entry vectors (tests/data-entry) are what the core answers today, and their
//! hand-written expectations hold.

use cen_conformance::entry::*;

#[test]
fn search_and_form_model_answers_are_the_blessed_ones() {
    let mut cases = 0;
    for (path, doc) in entry_files() {
        let model = path.ends_with("form-model.json");
        for case in doc["cases"].as_array().expect("cases") {
            let (answer, blessed) = if model {
                (answer_form_model(case), &case["model"])
            } else {
                (answer_search(case), &case["results"])
            };
            let answer = answer.expect("the case's options are valid");
            assert_eq!(
                answer.to_string(),
                blessed.to_string(),
                "{}: run `cargo run -p cen-conformance --bin bless-entry`",
                case["name"]
            );
            assert!(
                expectation_problems(case, &answer).is_empty(),
                "{}",
                case["name"]
            );
            cases += 1;
        }
    }
    assert!(cases >= 30);
}

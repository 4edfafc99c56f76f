//! One validator shared by many threads gives exactly the reports of serial use (issue 7): the
//! bindings rely on it (Python threads, C threads, the CLI's workers).

use cen_rules::synth::Generator;
use cen_rules::{Options, Validator};

/// The reports of one batch of these records, as JSON.
fn batch_json(validator: &Validator, records: &[String]) -> Vec<String> {
    validator
        .validate_many(records.iter().map(String::as_str))
        .iter()
        .map(|r| r.to_json())
        .collect()
}

#[test]
fn threads_sharing_one_validator_get_the_serial_reports() {
    fn shared<T: Send + Sync>(value: T) -> T {
        value
    }
    let validator = shared(
        Validator::new(Options {
            today: cen_model::Date::parse("2026-11-28"),
            ..Options::default()
        })
        .unwrap(),
    );
    let mut generator = Generator::new(11).invalid_share(0.5);
    let mut records: Vec<String> = (0..300)
        .map(|_| generator.next_record().record.to_string())
        .collect();
    records.push("not json".into());
    records.push("{\"case_ref\": \"\\ud800\"}".into());
    let serial: Vec<String> = records
        .iter()
        .map(|r| validator.validate_json(r).to_json())
        .collect();
    let batch = batch_json(&validator, &records);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|offset| {
                let (validator, records) = (&validator, &records);
                scope.spawn(move || {
                    // Each thread starts at a different record, so that calls interleave.
                    let n = records.len();
                    let singles: Vec<(usize, String)> = (0..n)
                        .map(|i| (i + offset * 37) % n)
                        .map(|i| (i, validator.validate_json(&records[i]).to_json()))
                        .collect();
                    (singles, batch_json(validator, records))
                })
            })
            .collect();
        for worker in workers {
            let (singles, got_batch) = worker.join().unwrap();
            for (i, report) in singles {
                assert_eq!(report, serial[i], "record {i}");
            }
            assert_eq!(got_batch, batch);
        }
    });
    assert!(serial.iter().any(|r| r.contains("\"valid\":false")));
    assert!(serial.iter().any(|r| r.contains("\"valid\":true")));
}

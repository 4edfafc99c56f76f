//! Validates record files with the embedded tables and prints one line per record and its
//! issues: `cargo run --release -p cen-rules --example validate -- examples/records/*.json`.
//! (The `cen` command-line tool does this and more; this example shows the library calls.)
//!
//! Files may hold one record or an array of records. Options come from `CEN_OPTIONS` (JSON,
//! spec 5.1), by default `{"today": "2026-11-28"}` so that the sample records give stable
//! results. Exit status: 0 all valid, 1 some invalid, 2 could not run.

use std::process::ExitCode;

use cen_rules::Validator;

fn main() -> ExitCode {
    let options =
        std::env::var("CEN_OPTIONS").unwrap_or_else(|_| r#"{"today": "2026-11-28"}"#.to_owned());
    let validator = match Validator::from_json_options(&options) {
        Ok(validator) => validator,
        Err(error) => {
            eprintln!("cannot use the options: {error}");
            return ExitCode::from(2);
        }
    };
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: validate FILE.json...");
        return ExitCode::from(2);
    }
    let mut invalid = 0;
    let mut batch = validator.batch();
    for file in &files {
        let text = match std::fs::read(file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{file}: {error}");
                return ExitCode::from(2);
            }
        };
        // One record, or an array of records.
        let records: Vec<Vec<u8>> = match serde_json::from_slice::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Array(items)) => {
                items.iter().map(|v| v.to_string().into_bytes()).collect()
            }
            _ => vec![text],
        };
        for (i, record) in records.iter().enumerate() {
            let report = batch.validate(cen_rules::Input::Bytes(record));
            let verdict = if report.valid { "valid" } else { "INVALID" };
            let position = if records.len() > 1 {
                format!("[{i}]")
            } else {
                String::new()
            };
            println!(
                "{file}{position}: {verdict} (quality {}, {} errors, {} warnings)",
                report.quality, report.counts.error, report.counts.warning
            );
            for issue in &report.issues {
                println!(
                    "  {} {:<8} {:<28} {}",
                    issue.rule,
                    issue.severity.as_str(),
                    if issue.path.is_empty() {
                        "(record)"
                    } else {
                        &issue.path
                    },
                    issue.message
                );
            }
            invalid += usize::from(!report.valid);
        }
    }
    if invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

//! The core's own throughput on the lines of an NDJSON file, single-threaded, to compare with
//! `cen validate --format ndjson --jobs 1` on the same file (the CLI adds reading, duplicate
//! detection, report rendering and writing).
//!
//! ```sh
//! cargo run --release -p cen-cli --example core_throughput -- records.ndjson
//! ```

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: core_throughput FILE.ndjson")?;
    let text = std::fs::read_to_string(path)?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let validator = cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#)?;
    let mut best = [f64::MAX; 3];
    for _ in 0..3 {
        let started = Instant::now();
        let mut invalid = 0usize;
        for line in &lines {
            invalid += usize::from(!validator.validate_json(line).valid);
        }
        best[0] = best[0].min(started.elapsed().as_secs_f64());

        let started = Instant::now();
        let mut bytes = 0usize;
        for line in &lines {
            bytes += validator.validate_json(line).to_json().len();
        }
        best[1] = best[1].min(started.elapsed().as_secs_f64());

        let started = Instant::now();
        let mut batch = validator.batch();
        for line in &lines {
            bytes += batch.validate_json(line).to_json().len();
        }
        best[2] = best[2].min(started.elapsed().as_secs_f64());
        std::hint::black_box((invalid, bytes));
    }
    let n = lines.len() as f64;
    println!("{} records (best of 3 runs)", lines.len());
    println!(
        "validate_json                    {:>10.0} records/s",
        n / best[0]
    );
    println!(
        "validate_json + to_json          {:>10.0} records/s",
        n / best[1]
    );
    println!(
        "batch (CEN-DUP-001) + to_json    {:>10.0} records/s",
        n / best[2]
    );
    Ok(())
}

//! The Rust side of the C ABI benchmark (`bench/run.sh`): writes the generated records that
//! both sides validate, and measures the Rust `validate_json` throughput on them.
//!
//! ```text
//! cargo run --release -p bindings-c --example bench_records -- generate 100000 records.ndjson
//! cargo run --release -p bindings-c --example bench_records -- measure records.ndjson [ROUNDS]
//! ```
//!
//! `measure` prints one line per measure, `name<TAB>records per second` (the best round), in
//! the format of `bench/throughput.c`.

use std::hint::black_box;
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

use cen_rules::synth::Generator;
use cen_rules::Validator;

/// The options of both sides: a fixed day, so that the verdicts never change.
const OPTIONS: &str = r#"{"today": "2026-11-28"}"#;

fn generate(count: usize, path: &str) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    // One record in ten carries a realistic mistake, as in the core's benchmark.
    for generated in Generator::new(2026).invalid_share(0.1).take(count) {
        writeln!(out, "{}", generated.record)?;
    }
    out.flush()
}

/// The best throughput of `rounds` passes over every record.
fn best(rounds: usize, records: &[String], mut pass: impl FnMut(&str)) -> f64 {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for record in records {
                pass(record);
            }
            records.len() as f64 / start.elapsed().as_secs_f64()
        })
        .fold(0.0, f64::max)
}

fn measure(path: &str, rounds: usize) -> std::io::Result<()> {
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let records: Vec<String> = file.lines().collect::<Result<_, _>>()?;
    let validator = Validator::from_json_options(OPTIONS).map_err(std::io::Error::other)?;
    // One pass first, so that tables paged in lazily count for neither side.
    for record in &records {
        black_box(validator.validate_json(record));
    }
    let report = best(rounds, &records, |r| {
        black_box(validator.validate_json(r));
    });
    let json = best(rounds, &records, |r| {
        black_box(validator.validate_json(r).to_json());
    });
    println!("rust validate_json\t{report:.0}");
    println!("rust validate_json + to_json\t{json:.0}");
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    fn usage() -> ! {
        eprintln!("usage: bench_records generate COUNT FILE | measure FILE [ROUNDS]");
        std::process::exit(2)
    }
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", count, path] => generate(count.parse().unwrap_or_else(|_| usage()), path),
        ["measure", path] => measure(path, 3),
        ["measure", path, rounds] => measure(path, rounds.parse().unwrap_or_else(|_| usage())),
        _ => usage(),
    }
}

//! Throughput of validation on generated long-form records, against parsing alone.
//!
//! `cargo bench -p cen-rules --bench validate`; results and their reading are in BENCHMARKS.md.

use std::hint::black_box;

use cen_rules::synth::Generator;
use cen_rules::{Options, Validator};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const RECORDS: usize = 10_000;

/// Long-form records as JSON text: valid, and with 10 % realistic mistakes.
fn inputs(invalid_share: f64) -> Vec<String> {
    Generator::new(2026)
        .invalid_share(invalid_share)
        .filter(|g| g.record.get("form").and_then(|f| f.as_str()) != Some("simplified"))
        .take(RECORDS)
        .map(|g| g.record.to_string())
        .collect()
}

fn validation(c: &mut Criterion) {
    let validator = Validator::new(Options {
        today: cen_model::Date::parse("2026-11-28"),
        ..Options::default()
    })
    .unwrap();
    for (label, share) in [("valid", 0.0), ("10pct-invalid", 0.1)] {
        let texts = inputs(share);
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("long-form-{label}"));
        group.throughput(Throughput::Elements(texts.len() as u64));
        group.sample_size(20);
        group.bench_function("serde_json::Value (parse only)", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(serde_json::from_str::<serde_json::Value>(t).ok());
                }
            })
        });
        group.bench_function("Record strict derive (parse only)", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(serde_json::from_str::<cen_model::Record>(t).ok());
                }
            })
        });
        group.bench_function("cen_model::decode_json (lenient parse)", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(cen_model::decode_json(t).ok());
                }
            })
        });
        group.bench_function("validate_json (parse + every rule + report)", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(validator.validate_json(t));
                }
            })
        });
        group.bench_function("validate_json + report to JSON", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(validator.validate_json(t).to_json());
                }
            })
        });
        group.finish();
        eprintln!(
            "{label}: {} records, {:.0} bytes each on average",
            texts.len(),
            bytes as f64 / texts.len() as f64
        );
    }
}

fn batch(c: &mut Criterion) {
    let validator = Validator::new(Options {
        today: cen_model::Date::parse("2026-11-28"),
        ..Options::default()
    })
    .unwrap();
    let texts = inputs(0.1);
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.sample_size(20);
    group.bench_function("validate_many (with duplicate detection)", |b| {
        b.iter(|| black_box(validator.validate_many(texts.iter())))
    });
    group.finish();
}

criterion_group!(benches, validation, batch);
criterion_main!(benches);

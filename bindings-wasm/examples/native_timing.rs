//! The native Rust time of validating one record, for bench/bench.mjs to compare with
//! WebAssembly in the same run: `cargo run --release -p bindings-wasm --example native_timing --
//! FILE [ITERATIONS]`. Prints JSON: the median over batches of nanoseconds per call.

use std::time::Instant;

fn median_ns(iterations: usize, mut call: impl FnMut() -> bool) -> f64 {
    let batch = 1000;
    let mut samples: Vec<f64> = (0..iterations.div_ceil(batch))
        .map(|_| {
            let start = Instant::now();
            let mut valid = 0usize;
            for _ in 0..batch {
                valid += usize::from(call());
            }
            std::hint::black_box(valid);
            start.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: native_timing FILE [ITERATIONS]");
    let iterations = args.next().and_then(|n| n.parse().ok()).unwrap_or(200_000);
    let text = std::fs::read_to_string(&path).expect("readable record");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON record");
    let validator =
        cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).expect("options");
    // Warm up (first use of the tables, allocator).
    median_ns(10_000, || validator.validate_json(&text).valid);
    let json = median_ns(iterations, || validator.validate_json(&text).valid);
    let json_out = median_ns(iterations, || {
        !validator.validate_json(&text).to_json().is_empty()
    });
    let value_ns = median_ns(iterations, || validator.validate_value(&value).valid);
    let field = median_ns(iterations, || {
        validator
            .validate_field(
                "/conveyance/0/container",
                &"CSQU3054384".into(),
                Some(&value),
            )
            .is_some()
    });
    println!(
        r#"{{"validate_json_ns": {json:.0}, "validate_json_to_json_ns": {json_out:.0}, "validate_value_ns": {value_ns:.0}, "validate_field_ns": {field:.0}}}"#
    );
}

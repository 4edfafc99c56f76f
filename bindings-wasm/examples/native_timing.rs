//! The native Rust time of validating one record, for bench/bench.mjs to compare with
//! WebAssembly in the same run: `cargo run --release -p bindings-wasm --example native_timing --
//! FILE [ITERATIONS] [ROUNDS]`. Prints JSON: for each measure, nanoseconds per call, elapsed and
//! CPU (of this thread), each the median over batches of 1,000 calls, the best of the rounds (a
//! shared machine only ever makes a round slower).

use std::time::Instant;

/// CPU time of this thread: unlike elapsed time, it does not count the time other processes of
/// a busy machine hold the core.
fn thread_cpu_ns() -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec to write; the clock id is a constant of the platform.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as u64 * 1_000_000_000 + now.tv_nsec as u64
}

/// (elapsed, CPU) nanoseconds per call: medians over batches of 1,000 calls.
fn median_ns(iterations: usize, mut call: impl FnMut() -> bool) -> (f64, f64) {
    let batch = 1000;
    let mut elapsed = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..iterations.div_ceil(batch) {
        let (start, start_cpu) = (Instant::now(), thread_cpu_ns());
        let mut valid = 0usize;
        for _ in 0..batch {
            valid += usize::from(call());
        }
        std::hint::black_box(valid);
        cpu.push((thread_cpu_ns() - start_cpu) as f64 / batch as f64);
        elapsed.push(start.elapsed().as_nanos() as f64 / batch as f64);
    }
    elapsed.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    (elapsed[elapsed.len() / 2], cpu[cpu.len() / 2])
}

/// The best of `rounds` medians, elapsed and CPU.
fn best(rounds: usize, iterations: usize, mut call: impl FnMut() -> bool) -> (f64, f64) {
    (0..rounds)
        .map(|_| median_ns(iterations, &mut call))
        .fold((f64::INFINITY, f64::INFINITY), |(e, c), (e2, c2)| {
            (e.min(e2), c.min(c2))
        })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: native_timing FILE [ITERATIONS] [ROUNDS]");
    let iterations = args.next().and_then(|n| n.parse().ok()).unwrap_or(50_000);
    let rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("readable record");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON record");
    let validator =
        cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).expect("options");
    // Warm up (first use of the tables, allocator).
    median_ns(10_000, || validator.validate_json(&text).valid);
    let json = best(rounds, iterations, || validator.validate_json(&text).valid);
    let json_out = best(rounds, iterations, || {
        !validator.validate_json(&text).to_json().is_empty()
    });
    // An in-memory value: the native counterpart of a JavaScript object (for comparison only;
    // the issue's target is against validate_json).
    let from_value = best(rounds, iterations, || {
        validator.validate_value(&value).valid
    });
    let field = best(rounds, iterations, || {
        validator
            .validate_field(
                "/conveyance/0/container",
                &"CSQU3054384".into(),
                Some(&value),
            )
            .is_some()
    });
    println!(
        r#"{{"validate_json": [{:.0}, {:.0}], "validate_json_to_json": [{:.0}, {:.0}], "validate_value": [{:.0}, {:.0}], "validate_field": [{:.0}, {:.0}]}}"#,
        json.0, json.1, json_out.0, json_out.1, from_value.0, from_value.1, field.0, field.1
    );
}

//! The core's own throughput on the lines of an NDJSON file, single-threaded, to compare with
//! `cen validate --format ndjson --jobs 1` on the same file (the CLI adds reading, duplicate
//! detection, report rendering and writing). Each figure is given by elapsed time and, so that
//! a busy machine disturbs the comparison less, by the CPU time of the process (Linux).
//!
//! ```sh
//! cargo run --release -p cen-cli --example core_throughput -- records.ndjson
//! ```

use std::time::Instant;

/// CPU seconds (user and system) of this process so far, from /proc/self/stat; `None` where
/// there is no such file.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// One way of validating every line; returns something the optimiser cannot drop.
type Pass<'a> = Box<dyn Fn() -> usize + 'a>;

/// Runs `pass` three times; the best elapsed and the best CPU seconds.
fn best(mut pass: impl FnMut()) -> (f64, Option<f64>) {
    let (mut wall, mut cpu) = (f64::MAX, None::<f64>);
    for _ in 0..3 {
        let (started, cpu_start) = (Instant::now(), cpu_seconds());
        pass();
        wall = wall.min(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, cpu_seconds()) {
            cpu = Some(cpu.map_or(b - a, |c: f64| c.min(b - a)));
        }
    }
    (wall, cpu)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: core_throughput FILE.ndjson")?;
    let text = std::fs::read_to_string(path)?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let validator = cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#)?;
    let n = lines.len() as f64;
    let passes: [(&str, Pass<'_>); 3] = [
        (
            "validate_json",
            Box::new(|| {
                lines
                    .iter()
                    .filter(|l| validator.validate_json(l).valid)
                    .count()
            }),
        ),
        (
            "validate_json + to_json",
            Box::new(|| {
                lines
                    .iter()
                    .map(|l| validator.validate_json(l).to_json().len())
                    .sum()
            }),
        ),
        (
            "batch (CEN-DUP-001) + to_json",
            Box::new(|| {
                let mut batch = validator.batch();
                lines
                    .iter()
                    .map(|l| batch.validate_json(l).to_json().len())
                    .sum()
            }),
        ),
    ];
    println!("{} records (best of 3 runs)", lines.len());
    for (name, pass) in &passes {
        let (wall, cpu) = best(|| {
            std::hint::black_box(pass());
        });
        let cpu = cpu.map_or_else(String::new, |c| format!("  {:>10.0} records/CPU-s", n / c));
        println!("{name:<32} {:>10.0} records/s{cpu}", n / wall);
    }
    Ok(())
}

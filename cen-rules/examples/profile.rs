//! Validates generated long-form records in a loop, for profilers:
//! `cargo run --release -p cen-rules --example profile -- 200000`.
fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let texts: Vec<String> = cen_rules::synth::Generator::new(2026)
        .take(10_000)
        .map(|g| g.record.to_string())
        .collect();
    let validator =
        cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).expect("options");
    let start = std::time::Instant::now();
    let mode = std::env::args().nth(2).unwrap_or_default();
    let mut invalid = 0;
    for i in 0..count {
        let text = &texts[i % texts.len()];
        invalid += match mode.as_str() {
            "decode" => usize::from(cen_model::decode_json(text).is_err()),
            "derive" => usize::from(serde_json::from_str::<cen_model::Record>(text).is_err()),
            _ => usize::from(!validator.validate_json(text).valid),
        };
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{count} records in {seconds:.3} s: {:.0} records/s ({invalid} invalid)",
        count as f64 / seconds
    );
}

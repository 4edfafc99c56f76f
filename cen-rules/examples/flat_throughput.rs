//! Times the flat-row path (`validate_row`, what CSV, Excel, data frames and Arrow use) against
//! `validate_json` on the same generated records, in one run:
//! `cargo run --release -p cen-rules --example flat_throughput [RECORDS]`.

use std::collections::BTreeSet;
use std::time::Instant;

use cen_model::flat::{flatten, Cell, Layout};
use cen_rules::synth::Generator;
use cen_rules::{Options, Validator};

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let today = cen_model::Date::parse("2026-11-28");
    let validator = Validator::new(Options {
        today,
        ..Options::default()
    })
    .expect("default options");
    let mut generator = Generator::new(5).invalid_share(0.3);
    let records: Vec<serde_json::Value> =
        (0..count).map(|_| generator.next_record().record).collect();
    let texts: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    // One header for all rows, as a file or a data frame has.
    let flat: Vec<Vec<(String, String)>> = records.iter().map(flatten).collect();
    let columns: Vec<String> = flat
        .iter()
        .flatten()
        .map(|(c, _)| c.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let layout = Layout::new(&columns);
    let rows: Vec<Vec<Cell<'_>>> = flat
        .iter()
        .map(|pairs| {
            let mut cells = vec![Cell::Empty; columns.len()];
            for (column, text) in pairs {
                let at = columns
                    .binary_search(column)
                    .expect("a column of the header");
                cells[at] = Cell::Text(text);
            }
            cells
        })
        .collect();
    // `rows` as the second argument times the rows alone (for a profiler).
    if std::env::args().nth(2).as_deref() == Some("rows") {
        for _ in 0..10 {
            for cells in &rows {
                std::hint::black_box(validator.validate_row(&layout, cells));
            }
        }
        return;
    }
    for _ in 0..3 {
        let start = Instant::now();
        let json_issues: usize = texts
            .iter()
            .map(|t| validator.validate_json(t).issues.len())
            .sum();
        let json = start.elapsed();
        let start = Instant::now();
        let row_issues: usize = rows
            .iter()
            .map(|cells| validator.validate_row(&layout, cells).issues.len())
            .sum();
        let row = start.elapsed();
        println!(
            "{count} records, {} columns: validate_json {:.0}/s ({json_issues} issues), validate_row {:.0}/s ({row_issues} issues), row/json {:.2}",
            columns.len(),
            count as f64 / json.as_secs_f64(),
            count as f64 / row.as_secs_f64(),
            json.as_secs_f64() / row.as_secs_f64()
        );
    }
}

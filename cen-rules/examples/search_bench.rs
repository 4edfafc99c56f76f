//! The search benchmark of BENCHMARKS.md (spec 6.2: median under 1 ms natively): builds the
//! index of the built-in tables (time and memory), then times every query of
//! `tests/data-entry/queries.json` (at least 50 per table), each repeated, and prints per table
//! the median, 90th percentile and maximum of the per-query medians.
//!
//! `cargo run --release -p cen-rules --example search_bench`

use std::time::{Duration, Instant};

use cen_rules::search::{BuiltInNames, SearchIndex, SearchOptions, Table};

const REPEAT: usize = 15;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data-entry/queries.json"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the query list"))
            .expect("JSON");
    let start = Instant::now();
    let index = SearchIndex::build(BuiltInNames);
    let built = start.elapsed();
    println!(
        "index: built in {:.0} ms, {:.1} MB",
        built.as_secs_f64() * 1e3,
        index.heap_bytes() as f64 / 1e6
    );
    // The index of a table pack (spec 7.2): the built-in tables as a pack, names included.
    let pack = codes_data::Tables::from_bytes(&codes_data::Tables::builtin().to_pack_bytes())
        .expect("a pack of the built-in tables");
    let start = Instant::now();
    let pack_index = cen_rules::search::pack_index(&pack).expect("a pack's index");
    println!(
        "pack index (the built-in tables as a pack): built in {:.0} ms, {:.1} MB",
        start.elapsed().as_secs_f64() * 1e3,
        pack_index.heap_bytes() as f64 / 1e6
    );
    drop(pack_index);
    let options = SearchOptions::default();
    println!("table      queries  median_ms  p90_ms  max_ms");
    for table in Table::ALL {
        let queries = doc["queries"][table.name()]
            .as_array()
            .expect("queries of the table");
        let mut medians: Vec<Duration> = queries
            .iter()
            .map(|q| {
                let q = q.as_str().unwrap_or_default();
                let mut times: Vec<Duration> = (0..REPEAT)
                    .map(|_| {
                        let t = Instant::now();
                        std::hint::black_box(index.search(table, q, &options));
                        t.elapsed()
                    })
                    .collect();
                times.sort();
                times[REPEAT / 2]
            })
            .collect();
        medians.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{:<10} {:>7}  {:>9.3}  {:>6.3}  {:>6.3}",
            table.name(),
            medians.len(),
            ms(medians[medians.len() / 2]),
            ms(medians[medians.len() * 9 / 10]),
            ms(medians[medians.len() - 1])
        );
    }
}

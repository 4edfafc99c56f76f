//! The instructions of a look-up in the built-in tables and in a pack of the same tables
//! (issue 15: a look-up in a pack as fast as a built-in one), counted by callgrind, which a
//! busy machine does not disturb as it does a timing (BENCHMARKS.md, "Table packs"):
//!
//! ```sh
//! cargo build --release -p codes-data --example lookup_cost
//! for tables in builtin pack; do
//!   valgrind --tool=callgrind --callgrind-out-file=$tables.out --toggle-collect='*look_up_*' \
//!     target/release/examples/lookup_cost $tables 100
//!   callgrind_annotate --inclusive=yes $tables.out | grep look_up_
//! done
//! ```
//!
//! Each run looks up the codes of the criterion bench (`benches/lookups.rs`: 1,000 UN/LOCODEs
//! spread over the table, 1,000 IATA and 1,000 ICAO codes, and 1,000 HS codes of any edition
//! looked up in HS 2017) `ROUNDS` times; only the `look_up_*` functions are counted, so the instructions of one look-up are a function's
//! inclusive count divided by `ROUNDS` × 1,000. It prints how many were found, the same in both runs.

use std::hint::black_box;

use codes_data::Tables;

fn spread<T>(len: usize, n: usize, f: impl Fn(usize) -> Option<T>) -> Vec<T> {
    (0..n).filter_map(|k| f(k * len / n)).collect()
}

#[inline(never)]
fn look_up_unlocodes(tables: &Tables, codes: &[String]) -> usize {
    codes
        .iter()
        .filter(|c| tables.unlocode(black_box(c)).is_some())
        .count()
}

#[inline(never)]
fn look_up_iata(tables: &Tables, codes: &[String]) -> usize {
    codes
        .iter()
        .filter(|c| tables.airport_by_iata(black_box(c)).is_some())
        .count()
}

#[inline(never)]
fn look_up_hs(tables: &Tables, codes: &[String]) -> usize {
    codes
        .iter()
        .filter(|c| {
            tables
                .hs_in(black_box(c), codes_data::HsEdition::Hs2017)
                .is_some()
        })
        .count()
}

#[inline(never)]
fn look_up_icao(tables: &Tables, codes: &[String]) -> usize {
    codes
        .iter()
        .filter(|c| tables.airport_by_icao(black_box(c)).is_some())
        .count()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(which), Some(rounds)) = (
        args.get(1),
        args.get(2).and_then(|r| r.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: lookup_cost builtin|pack ROUNDS");
        std::process::exit(2);
    };
    // Both runs load the pack, so that they differ only in the tables looked up.
    let pack = Tables::from_bytes(&Tables::builtin().to_pack_bytes())
        .expect("a pack of the built-in tables");
    let tables = match which.as_str() {
        "builtin" => Tables::builtin(),
        "pack" => pack,
        _ => {
            eprintln!("builtin or pack, not {which}");
            std::process::exit(2);
        }
    };
    let locodes = spread(codes_data::unlocodes_len(), 1000, |i| {
        codes_data::unlocode_at(i).map(|l| l.code().to_string())
    });
    let airports = spread(codes_data::airports_len(), 2000, codes_data::airport_at);
    let iata: Vec<String> = airports
        .iter()
        .filter_map(|a| a.iata())
        .map(str::to_string)
        .take(1000)
        .collect();
    let icao: Vec<String> = airports
        .iter()
        .filter_map(|a| a.icao())
        .map(str::to_string)
        .take(1000)
        .collect();
    let hs = spread(codes_data::hs_len(), 1000, |i| {
        codes_data::hs_at(i).map(|h| h.code().to_string())
    });
    let mut found = 0;
    for _ in 0..rounds {
        found += look_up_unlocodes(&tables, &locodes)
            + look_up_iata(&tables, &iata)
            + look_up_icao(&tables, &icao)
            + look_up_hs(&tables, &hs);
    }
    println!(
        "{which}: {found} found in {rounds} rounds of {} UN/LOCODEs, {} IATA, {} ICAO and {} HS codes (HS 2017)",
        locodes.len(),
        iata.len(),
        icao.len(),
        hs.len()
    );
}

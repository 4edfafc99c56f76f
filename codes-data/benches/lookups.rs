//! Median look-up times of the main tables (`cargo bench -p codes-data`).
//!
//! Each benchmark runs a batch of look-ups per iteration (hits spread over the table, or
//! misses of the right shape) and reports the time per look-up. First-use time is measured
//! by `examples/first_use.rs`, since a one-time cost cannot be measured by repetition.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// Up to `n` codes spread evenly over a table of `len` entries.
fn spread<T>(len: usize, n: usize, f: impl Fn(usize) -> Option<T>) -> Vec<T> {
    (0..n).filter_map(|k| f(k * len / n)).collect()
}

fn bench_batch(c: &mut Criterion, group: &str, name: &str, codes: &[String], f: fn(&str) -> bool) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(codes.len() as u64));
    g.bench_with_input(BenchmarkId::from_parameter(name), codes, |b, codes| {
        b.iter(|| {
            let mut found = 0usize;
            for code in codes {
                found += usize::from(f(black_box(code)));
            }
            found
        })
    });
    g.finish();
}

/// The built-in tables loaded back from a pack of themselves.
fn builtin_pack() -> &'static codes_data::Tables {
    static PACK: std::sync::OnceLock<codes_data::Tables> = std::sync::OnceLock::new();
    PACK.get_or_init(|| {
        codes_data::Tables::from_bytes(&codes_data::Tables::builtin().to_pack_bytes())
            .expect("a pack of the built-in tables loads")
    })
}

fn lookups(c: &mut Criterion) {
    let countries: Vec<String> = codes_data::countries()
        .iter()
        .map(|c| c.alpha2().to_string())
        .collect();
    let country_misses: Vec<String> = ["XX", "XZ", "QQ", "AA", "ZZ", "be", "B", "BEL"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    bench_batch(c, "country", "hit", &countries, |s| {
        codes_data::country(s).is_some()
    });
    bench_batch(c, "country", "miss", &country_misses, |s| {
        codes_data::country(s).is_some()
    });

    let currencies: Vec<String> = codes_data::currencies()
        .iter()
        .map(|c| c.alpha3().to_string())
        .collect();
    let currency_misses: Vec<String> = ["HRK", "BGN", "AAA", "ZZZ", "usd", "US", "EURO", "XYZ"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    bench_batch(c, "currency", "hit", &currencies, |s| {
        codes_data::currency(s).is_some()
    });
    bench_batch(c, "currency", "miss", &currency_misses, |s| {
        codes_data::currency(s).is_some()
    });

    let locodes = spread(codes_data::unlocodes_len(), 1000, |i| {
        codes_data::unlocode_at(i).map(|l| l.code().to_string())
    });
    // Misses of the right shape: a valid country with a suffix not in the table.
    let locode_misses: Vec<String> = locodes
        .iter()
        .map(|c| format!("{}Q9{}", &c[..2], &c[4..]))
        .filter(|c| codes_data::unlocode(c).is_none())
        .collect();
    bench_batch(c, "unlocode", "hit", &locodes, |s| {
        codes_data::unlocode(s).is_some()
    });
    bench_batch(c, "unlocode", "miss", &locode_misses, |s| {
        codes_data::unlocode(s).is_some()
    });
    // The same codes in a pack of the built-in tables (issue 15: as fast as built in).
    bench_batch(c, "unlocode", "hit-pack", &locodes, |s| {
        builtin_pack().unlocode(s).is_some()
    });

    let airports: Vec<codes_data::Airport> =
        spread(codes_data::airports_len(), 2000, codes_data::airport_at);
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
    let iata_misses: Vec<String> = (0..26 * 26 * 26)
        .map(|i| {
            let b = [
                b'A' + (i / 676) as u8,
                b'A' + (i / 26 % 26) as u8,
                b'A' + (i % 26) as u8,
            ];
            String::from_utf8(b.to_vec()).unwrap()
        })
        .filter(|c| codes_data::airport_by_iata(c).is_none())
        .step_by(9)
        .take(1000)
        .collect();
    let icao_misses: Vec<String> = icao
        .iter()
        .map(|c| format!("{}QX", &c[..2]))
        .filter(|c| codes_data::airport_by_icao(c).is_none())
        .collect();
    bench_batch(c, "iata", "hit", &iata, |s| {
        codes_data::airport_by_iata(s).is_some()
    });
    bench_batch(c, "iata", "miss", &iata_misses, |s| {
        codes_data::airport_by_iata(s).is_some()
    });
    bench_batch(c, "icao", "hit", &icao, |s| {
        codes_data::airport_by_icao(s).is_some()
    });
    bench_batch(c, "icao", "miss", &icao_misses, |s| {
        codes_data::airport_by_icao(s).is_some()
    });

    // resolve_location on a mix of the three kinds of code, and on misses of each kind
    // plus malformed input.
    let mixed: Vec<String> = locodes
        .iter()
        .zip(&iata)
        .zip(&icao)
        .flat_map(|((l, a), c)| [l.clone(), a.clone(), c.clone()])
        .filter(|c| codes_data::resolve_location(c).is_some())
        .collect();
    let mut mixed_misses: Vec<String> = locode_misses
        .iter()
        .zip(&iata_misses)
        .zip(&icao_misses)
        .flat_map(|((l, a), c)| [l.clone(), a.clone(), c.clone()])
        .collect();
    mixed_misses.extend(["", "nlrtm", "NL RTM", "NLRTMX", "Ä", "ÄÖ"].map(String::from));
    bench_batch(c, "resolve_location", "hit", &mixed, |s| {
        codes_data::resolve_location(s).is_some()
    });
    bench_batch(c, "resolve_location", "miss", &mixed_misses, |s| {
        codes_data::resolve_location(s).is_some()
    });

    let hs = spread(codes_data::hs_len(), 1000, |i| {
        codes_data::hs_at(i).map(|h| h.code().to_string())
    });
    bench_batch(c, "hs", "hit", &hs, |s| codes_data::hs(s).is_some());
    // Every edition: codes spread over the table of all editions, each looked up in an edition
    // that has it (hits) and in one that lacks it or not at all (misses).
    for (name, edition) in [
        ("hit-2012", codes_data::HsEdition::Hs2012),
        ("hit-2017", codes_data::HsEdition::Hs2017),
    ] {
        let codes = spread(codes_data::hs_len(), 1000, |i| {
            codes_data::hs_at(i)
                .and_then(|h| h.in_edition(edition))
                .map(|h| h.code().to_string())
        });
        bench_batch(
            c,
            "hs",
            name,
            &codes,
            match edition {
                codes_data::HsEdition::Hs2012 => {
                    |s: &str| codes_data::hs_in(s, codes_data::HsEdition::Hs2012).is_some()
                }
                _ => |s: &str| codes_data::hs_in(s, codes_data::HsEdition::Hs2017).is_some(),
            },
        );
    }
    let hs_misses: Vec<String> = [
        "851713", "240412", "8549", "2499", "999999", "030290", "77", "0101211",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    bench_batch(c, "hs", "miss-2017", &hs_misses, |s| {
        codes_data::hs_in(s, codes_data::HsEdition::Hs2017).is_some()
    });

    let labels: Vec<(String, String)> = codes_data::enumerations()
        .iter()
        .flat_map(|e| {
            codes_data::enumeration_values(e)
                .unwrap_or_default()
                .iter()
                .map(move |v| (e.to_string(), v.to_string()))
        })
        .collect();
    if !labels.is_empty() {
        let mut g = c.benchmark_group("label");
        g.throughput(Throughput::Elements(labels.len() as u64));
        g.bench_function("hit", |b| {
            b.iter(|| {
                labels
                    .iter()
                    .filter(|(e, v)| {
                        codes_data::label(black_box(e), black_box(v), codes_data::Lang::Fr)
                            .is_some()
                    })
                    .count()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, lookups);
criterion_main!(benches);

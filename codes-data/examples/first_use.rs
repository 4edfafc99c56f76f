//! Times the very first look-up in each table, and the resident memory before and after.
//!
//! `cargo run --release -p codes-data --example first_use`
//!
//! A table's first use is a one-time cost per process (touching its pages, and building the
//! label index), so it is measured here once rather than by a benchmark's repetitions.

use std::time::Instant;

/// The resident set size of this process in KiB, from /proc/self/status (Linux only).
fn vm_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn rss() -> String {
    vm_rss_kib().map_or_else(
        || "n/a".to_string(),
        |k| format!("{:.1} MiB", k as f64 / 1024.0),
    )
}

fn time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let elapsed = start.elapsed();
    println!("{what:<44} {:>10.1} µs", elapsed.as_secs_f64() * 1e6);
    out
}

fn main() {
    let before = rss();
    println!("VmRSS before any look-up: {before}");
    let total = Instant::now();
    time("country(\"BE\")", || {
        codes_data::country("BE").map(|c| c.alpha3())
    });
    time("country_by_alpha3(\"BEL\")", || {
        codes_data::country_by_alpha3("BEL").is_some()
    });
    time("currency(\"EUR\")", || {
        codes_data::currency("EUR").map(|c| c.minor_units())
    });
    time("unlocode(\"NLRTM\").name()", || {
        codes_data::unlocode("NLRTM").map(|l| l.name())
    });
    time("airport_by_iata(\"LHR\").name()", || {
        codes_data::airport_by_iata("LHR").map(|a| a.name())
    });
    time("airport_by_icao(\"EBBR\").name()", || {
        codes_data::airport_by_icao("EBBR").map(|a| a.name())
    });
    time("resolve_location(\"AEJEA\")", || {
        codes_data::resolve_location("AEJEA").is_some()
    });
    time("hs(\"010121\").description()", || {
        codes_data::hs("010121").map(|h| h.description())
    });
    time("goods_type(\"drugs\", \"cocaine\")", || {
        codes_data::goods_type("drugs", "cocaine").is_some()
    });
    time("unit(\"kg\")", || codes_data::unit("kg").is_some());
    time("label(\"procedure\", \"import\", Fr)", || {
        codes_data::label("procedure", "import", codes_data::Lang::Fr)
    });
    time("enumeration_values(\"unit\") (builds index)", || {
        codes_data::enumeration_values("unit").map(<[_]>::len)
    });
    time("enumerations()", || codes_data::enumerations().len());
    time("editions()", || codes_data::editions().len());
    let first = total.elapsed();
    println!(
        "{:<44} {:>10.1} µs",
        "all first look-ups",
        first.as_secs_f64() * 1e6
    );
    println!("VmRSS after first look-ups: {}", rss());

    // Touch every entry of every table: the worst case for resident memory.
    let all = Instant::now();
    let mut bytes = 0usize;
    for i in 0..codes_data::unlocodes_len() {
        let l = codes_data::unlocode_at(i).expect("in range");
        bytes += l.code().len() + l.name().len() + l.function().len() + l.remarks().len();
    }
    for i in 0..codes_data::airports_len() {
        let a = codes_data::airport_at(i).expect("in range");
        bytes += a.name().len() + a.city().len() + a.country().len();
        bytes += a.iata().map_or(0, str::len) + a.icao().map_or(0, str::len);
    }
    for i in 0..codes_data::hs_len() {
        bytes += codes_data::hs_at(i).expect("in range").description().len();
    }
    for e in codes_data::enumerations() {
        for v in codes_data::enumeration_values(e).unwrap_or_default() {
            bytes += codes_data::label(e, v, codes_data::Lang::Ar).map_or(0, str::len);
        }
    }
    println!(
        "touching every entry of every table ({} bytes of text): {:.1} ms",
        bytes,
        all.elapsed().as_secs_f64() * 1e3
    );
    println!("VmRSS after touching everything: {}", rss());
}

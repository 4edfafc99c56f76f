//! Times loading a full table pack (BENCHMARKS.md): `cargo run --release -p codes-data
//! --example pack_load`. Prints the pack's size and the median of 31 loads from memory and
//! from a file.

use std::time::Instant;

use codes_data::Tables;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let bytes = Tables::builtin().to_pack_bytes();
    let path = std::env::temp_dir().join(format!("cen-pack-load-{}.pack", std::process::id()));
    std::fs::write(&path, &bytes).expect("write the pack");
    let mut memory = Vec::new();
    let mut file = Vec::new();
    for _ in 0..31 {
        let t = Instant::now();
        let tables = Tables::from_bytes(&bytes).expect("load");
        memory.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(tables.unlocode("NLRTM").is_some());
        let t = Instant::now();
        let tables = Tables::load(&path).expect("load");
        file.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(tables.resolve_location("EGLL").is_some());
    }
    std::fs::remove_file(&path).ok();
    println!("pack size: {} bytes", bytes.len());
    println!("load from memory: median {:.2} ms", median(memory));
    println!("load from a file: median {:.2} ms", median(file));
}

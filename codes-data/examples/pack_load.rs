//! Times loading a full table pack (BENCHMARKS.md): `cargo run --release -p codes-data
//! --example pack_load`. Prints the pack's size, the median of 31 loads from memory and from a
//! file, and the heap a load from a file takes: at its peak, and what the loaded tables keep
//! (counted by a global allocator that wraps the system's).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use codes_data::Tables;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let now = if new_size >= layout.size() {
                IN_USE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size()
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed)
                    - (layout.size() - new_size)
            };
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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
    // The heap of one load from a file: its peak while loading, and what the tables keep.
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let tables = Tables::load(&path).expect("load");
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let kept = IN_USE.load(Ordering::Relaxed) - before;
    assert!(tables.unlocode("NLRTM").is_some());
    drop(tables);
    std::fs::remove_file(&path).ok();
    println!("pack size: {} bytes", bytes.len());
    let ratio = |n: usize| n as f64 / bytes.len() as f64;
    println!(
        "heap of a load from a file: peak {peak} bytes ({:.2}x the pack), kept {kept} bytes ({:.2}x)",
        ratio(peak),
        ratio(kept)
    );
    println!("load from memory: median {:.2} ms", median(memory));
    println!("load from a file: median {:.2} ms", median(file));
}

//! `cen`: the command-line tool of the cen library (spec 5.4). Everything is in the library
//! (`src/lib.rs`), so that the fuzz targets reach the same readers as the binary.

/// With `--jobs 2` and more, worker threads allocate each record's output and the consuming
/// thread frees it; glibc's allocator takes the worker's arena lock for every such free,
/// mimalloc hands the block back without one (decision 99 in docs/decisions.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mimalloc.h` (the Rust bindings do not name it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // Memory a run no longer uses goes back to the system at once rather than after 10 ms:
    // with the default, `--jobs 2` on 1,000,000 records peaked at 60 to 86 MB (the target is
    // 64 MB), at once 56 to 58 MB (BENCHMARKS.md, issue 12).
    // SAFETY: a plain setter of one of mimalloc's options, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    cen_cli::main()
}

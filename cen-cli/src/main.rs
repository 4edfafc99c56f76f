//! `cen`: the command-line tool of the cen library (spec 5.4). Everything is in the library
//! (`src/lib.rs`), so that the fuzz targets reach the same readers as the binary.

fn main() -> std::process::ExitCode {
    cen_cli::main()
}

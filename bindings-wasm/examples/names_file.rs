//! Writes the names file of cen-wasm (`dist/cen_names.txt`, see `src/names.rs`): the place
//! names, airport names and HS descriptions that the `.wasm` is built without, from the code
//! tables of a native build with names.
//!
//! `cargo run -p bindings-wasm --features names --example names_file -- OUTPUT`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(output) = std::env::args_os().nth(1) else {
        eprintln!("usage: names_file OUTPUT");
        return ExitCode::from(2);
    };
    let text = match cen_wasm::names::write() {
        Ok(text) => text,
        Err(problem) => {
            eprintln!("names_file: {problem}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::write(&output, text) {
        eprintln!("names_file: {}: {error}", output.to_string_lossy());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

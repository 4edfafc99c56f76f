//! The committed compact tables are what `scripts/build_tables.py` makes of the upstream
//! files in `../shared/codes` (skipped, with a note, when that folder or Python is absent:
//! a released build does not need them).

use std::path::Path;
use std::process::Command;

#[test]
fn committed_tables_match_the_script_output() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let upstream = crate_dir.join("../../shared/codes");
    if !upstream.join("unlocode.csv").is_file() {
        println!(
            "note: {} not found; skipping the rebuild check",
            upstream.display()
        );
        return;
    }
    let out = match Command::new("python3")
        .arg(crate_dir.join("scripts/build_tables.py"))
        .arg(&upstream)
        .arg("--out")
        .arg(crate_dir.join("data"))
        .arg("--check")
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            println!("note: cannot run python3 ({e}); skipping the rebuild check");
            return;
        }
    };
    assert!(
        out.status.success(),
        "data/ differs from what scripts/build_tables.py makes of {}:\n{}{}",
        upstream.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#!/usr/bin/env bash
# The command-line tool `cen` (cen-cli, issue 3) and its file readers (cen-files): formatting
# and lints of both crates, their unit and doc tests (cen-files also without its template, as
# WebAssembly builds it), and the integration tests that run the real binary (every conformance vector, every
# input and output format, exit statuses, bad files and profiles, standard input, the Excel
# template round trip), a check that the sample files in examples/ are what `cen generate`
# and the flatten example make, and the README's main-job command (built without --release,
# which only changes its speed). The benchmark is cen-cli/bench/run.sh, not run here (it needs
# release builds of the binary and of two examples). Installs what it needs, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

echo "== tools"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt and clippy (cen-files, cen-cli)"
cargo fmt -p cen-files -p cen-cli --check
cargo clippy --quiet -p cen-files -p cen-cli --all-targets -- -D warnings
cargo clippy --quiet -p cen-files --no-default-features -- -D warnings

echo "== unit and doc tests (cen-files)"
cargo test --quiet -p cen-files
cargo test --quiet -p cen-files --no-default-features --lib

echo "== unit and integration tests (cen-cli)"
cargo test --quiet -p cen-cli

echo "== the sample files are what cen generate and the flatten example make"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --quiet -p cen-cli --bin cen --example flatten
"$CARGO_TARGET_DIR/debug/cen" generate --count 300 --seed 2026 --invalid-share 0.15 >"$work/seizures.ndjson"
cmp "$work/seizures.ndjson" examples/seizures.ndjson
"$CARGO_TARGET_DIR/debug/examples/flatten" "$work/seizures.ndjson" "$work/seizures.csv" "$work/seizures.xlsx" 2>/dev/null
cmp "$work/seizures.csv" examples/seizures.csv
for profile in examples/profiles/*.json; do
    "$CARGO_TARGET_DIR/debug/cen" validate -q --profile "$profile" examples/records/long-sea-container.json >/dev/null ||
        [ $? -eq 1 ] || { echo "the sample profile $profile is refused" >&2; exit 1; }
done

echo "== the README's main job: cargo run -p cen-cli -- validate --today 2026-11-28 examples/seizures.ndjson"
status=0
cargo run --quiet -p cen-cli -- validate --today 2026-11-28 examples/seizures.ndjson >"$work/main-job.txt" || status=$?
[ "$status" -eq 1 ] || { echo "exit status $status, expected 1 (the samples hold invalid records)" >&2; exit 1; }
grep -q '^  records    300$' "$work/main-job.txt" || { cat "$work/main-job.txt" >&2; exit 1; }
tail -n 20 "$work/main-job.txt"

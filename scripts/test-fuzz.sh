#!/usr/bin/env bash
# Every fuzz target for a short, fixed number of runs on its seed corpus (seeded from the
# conformance vectors). Long runs are recorded in docs/robustness.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install cargo-fuzz --version 0.13.2 --locked
fi
python3 fuzz/seed.py >/dev/null
runs=${CEN_FUZZ_RUNS:-3000}
for target in validate_json validate_value flat_row profile identifiers files pack_load; do
    echo "== fuzz $target ($runs runs)"
    # A whole CSV file or workbook needs more room than a record.
    max_len=8192
    [ "$target" = files ] && max_len=32768
    log=$(mktemp)
    if ! (cd fuzz && cargo +nightly fuzz run -O "$target" "corpus/$target" -- -runs="$runs" -max_len="$max_len") >"$log" 2>&1; then
        tail -60 "$log"
        exit 1
    fi
    grep -E '^Done' "$log"
    rm -f "$log"
done

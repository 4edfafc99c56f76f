#!/usr/bin/env bash
# The performance target of issue 6: validating the same generated records through the C ABI
# from a C program, against the Rust `validate_json` throughput measured in the same run.
#
#   bindings-c/bench/run.sh              100,000 records, 3 trials of 3 passes per side
#   COUNT=20000 TRIALS=1 bindings-c/bench/run.sh
#
# The two sides run one after the other, TRIALS times, and each keeps its best pass, so that a
# busy moment of the machine does not favour either. Prints records per second and the ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-100000}
ROUNDS=${ROUNDS:-3}
TRIALS=${TRIALS:-3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release -p bindings-c --example bench_records
make --no-print-directory -s -C bindings-c build test-libs >/dev/null
# Linked as any C program links the library: libcen.so through its SONAME.
cc -O2 -std=c99 -Wall -Wextra -Werror -pedantic -D_POSIX_C_SOURCE=200809L -Ibindings-c/include \
    -o "$work/throughput" bindings-c/bench/throughput.c \
    -L"$CARGO_TARGET_DIR/c-tests/lib" -Wl,-rpath,"$CARGO_TARGET_DIR/c-tests/lib" -lcen

records="$work/records.ndjson"
"$CARGO_TARGET_DIR/release/examples/bench_records" generate "$COUNT" "$records"
echo "$COUNT generated records ($(($(wc -c <"$records") / COUNT)) bytes each on average," \
    "10% with mistakes); best of $((ROUNDS * TRIALS)) passes per measure"
for _ in $(seq "$TRIALS"); do
    "$CARGO_TARGET_DIR/release/examples/bench_records" measure "$records" "$ROUNDS"
    "$work/throughput" "$records" "$ROUNDS" 2>/dev/null
done >"$work/results.tsv"

awk -F'\t' '
    { if ($2 > best[$1]) best[$1] = $2; if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 } }
    END {
        for (i = 0; i < n; i++) printf "%-32s %10.0f records/s\n", order[i], best[order[i]]
        rust = best["rust validate_json"]; rust_json = best["rust validate_json + to_json"]
        c = best["c cen_validate (JSON report)"]; summary = best["c cen_validate_summary"]
        printf "\ncen_validate / validate_json             %.3f  (target: at least 0.900)\n", c / rust
        printf "cen_validate_summary / validate_json     %.3f\n", summary / rust
        printf "cen_validate / (validate_json + to_json) %.3f  (both give the JSON report)\n", c / rust_json
    }' "$work/results.tsv"

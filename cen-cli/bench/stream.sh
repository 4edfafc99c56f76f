#!/usr/bin/env bash
# Issue 7: a 2 GB NDJSON stream, generated on the fly and piped into `cen validate -`, is
# validated in memory that does not grow with the stream. Two streams of the same size:
#   repeated  the same 200,000 records (`cen generate --seed 7`) again and again: nothing
#             new to remember, so the peak must be that of a short run;
#   distinct  one generator run of as many different records: the duplicate index (one entry
#             of about 13 bytes per distinct identifier key, which CEN-DUP-001 needs to be
#             exact across the run) is the only thing that grows;
#   no-dup    the distinct stream with a profile that turns CEN-DUP-001 off: no index, and
#             memory constant again.
# Prints the bytes piped, the records, the wall time and the peak resident memory of
# `cen validate` (GNU time's "Maximum resident set size"). BYTES sets the size (2e9 default).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -p cen-cli --quiet
cen=${CARGO_TARGET_DIR:-target}/release/cen
today=2026-11-28
bytes=${BYTES:-2000000000}
chunk=200000
# The generated records average about 560 bytes.
chunk_bytes=$($cen generate --count "$chunk" --seed 7 --today "$today" | wc -c)
times=$(( (bytes + chunk_bytes - 1) / chunk_bytes ))
total=$(( times * chunk ))

measure() {
    local name=$1
    shift
    local log
    log=$(mktemp)
    local start=$SECONDS
    "$@" | tee >(wc -c > "$log.bytes") \
        | /usr/bin/time -f '%M' -o "$log.rss" "$cen" validate -q --jobs 2 --today "$today" --format json \
            "${profile[@]}" - \
        | tail -c 300 > "$log.summary" || true
    sleep 1
    printf '%-9s %13s bytes  %4s s  peak %6s KiB  summary: %s\n' "$name" \
        "$(cat "$log.bytes")" "$(( SECONDS - start ))" "$(cat "$log.rss")" \
        "$(grep -o '"records":[0-9]*,"valid":[0-9]*' "$log.summary" | tail -1)"
    rm -f "$log" "$log".*
}

repeated() {
    for _ in $(seq "$times"); do
        "$cen" generate --count "$chunk" --seed 7 --today "$today"
    done
}

small() { "$cen" generate --count "$chunk" --seed 7 --today "$today"; }
distinct() { "$cen" generate --count "$total" --seed 7 --today "$today"; }

profile=()
measure "short" small
measure "repeated" repeated
measure "distinct" distinct
no_duplicates=$(mktemp --suffix=.json)
echo '{"name": "no duplicate detection", "severity": {"CEN-DUP-001": "off"}}' > "$no_duplicates"
profile=(--profile "$no_duplicates")
measure "no-dup" distinct
rm -f "$no_duplicates"

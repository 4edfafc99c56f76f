#!/usr/bin/env bash
# Throughput and memory of `cen validate` (issue 3), measured on generated records:
#   - the core's Validator::validate_json on the same NDJSON lines, single-threaded
#     (examples/core_throughput.rs), against `cen validate --format ndjson --jobs 1`;
#   - `--jobs 2` against `--jobs 1`;
#   - peak resident memory (/usr/bin/time -v) at 100,000 and 1,000,000 records, and at
#     1,000,000 records that repeat 100,000 (the duplicate index then stops growing);
#   - CSV and Excel input beside NDJSON, in records per second.
# Usage: cen-cli/bench/run.sh            (COUNT=1000000 SMALL=100000 FLAT=100000 RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/time ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
COUNT=${COUNT:-1000000}
SMALL=${SMALL:-100000}
FLAT=${FLAT:-100000}
RUNS=${RUNS:-3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --quiet --release -p cen-cli --bin cen --example core_throughput --example flatten
cen="$CARGO_TARGET_DIR/release/cen"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cen" generate --count "$COUNT" --seed 42 --invalid-share 0.1 >"$work/big.ndjson"
head -n "$SMALL" "$work/big.ndjson" >"$work/small.ndjson"
for _ in $(seq $((COUNT / SMALL))); do cat "$work/small.ndjson"; done >"$work/repeated.ndjson"
head -n "$FLAT" "$work/big.ndjson" >"$work/flat.ndjson"
"$CARGO_TARGET_DIR/release/examples/flatten" "$work/flat.ndjson" "$work/flat.csv" "$work/flat.xlsx" 2>/dev/null

# Best elapsed seconds, best CPU seconds (user + system) and the largest peak RSS of $RUNS runs
# of a validation: prints "seconds cpu_seconds max_rss_kb".
measure() {
    local best="" cpu="" rss=0 line seconds used kb
    for _ in $(seq "$RUNS"); do
        # Exit status 1 (some record invalid) is the expected verdict, not a failure.
        /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
            "$cen" validate --format ndjson --today 2026-11-28 "$@" >/dev/null 2>&1 || true
        line=$(tail -1 "$work/time.txt")
        read -r seconds user system kb <<<"$line"
        used=$(awk "BEGIN{print $user + $system}")
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
        if [ -z "$cpu" ] || awk "BEGIN{exit !($used < $cpu)}"; then cpu=$used; fi
        if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
    done
    echo "$best $cpu $rss"
}
rate() { awk "BEGIN{printf \"%.0f\", $1 / $2}"; }

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== the core, single-threaded, on the same $COUNT lines"
"$CARGO_TARGET_DIR/release/examples/core_throughput" "$work/big.ndjson" | tee "$work/core.txt"
core=$(awk '/^validate_json  /{print $2}' "$work/core.txt")
core_cpu=$(awk '/^validate_json  /{print $4}' "$work/core.txt")

echo "== cen validate --format ndjson on $COUNT records"
read -r one one_cpu rss_one < <(measure --jobs 1 "$work/big.ndjson")
read -r two two_cpu rss_two < <(measure --jobs 2 "$work/big.ndjson")
printf '%-10s %8s s %10s records/s  %8s CPU-s %10s records/CPU-s  %7s KB peak RSS\n' \
    "--jobs 1" "$one" "$(rate "$COUNT" "$one")" "$one_cpu" "$(rate "$COUNT" "$one_cpu")" "$rss_one"
printf '%-10s %8s s %10s records/s  %8s CPU-s %10s records/CPU-s  %7s KB peak RSS\n' \
    "--jobs 2" "$two" "$(rate "$COUNT" "$two")" "$two_cpu" "$(rate "$COUNT" "$two_cpu")" "$rss_two"
awk "BEGIN{printf \"--jobs 1 / core validate_json: %.0f%% by elapsed time, %.0f%% by CPU time   --jobs 2 speed-up: %.2fx\n\", 100 * $COUNT / $one / $core, 100 * $COUNT / $one_cpu / $core_cpu, $one / $two}"

echo "== peak resident memory, --jobs 1 (/usr/bin/time -v)"
for file in small big repeated; do
    n=$(wc -l <"$work/$file.ndjson")
    /usr/bin/time -v -o "$work/time.txt" "$cen" validate --format ndjson --jobs 1 \
        --today 2026-11-28 "$work/$file.ndjson" >/dev/null 2>&1 || true
    kb=$(awk -F': ' '/Maximum resident/{print $2}' "$work/time.txt")
    printf '%-12s %9s records  %7s KB\n' "$file" "$n" "$kb"
done

echo "== input formats, $FLAT records, --jobs 1 and --jobs 2"
for format in ndjson csv xlsx; do
    read -r s1 _ _ < <(measure --jobs 1 "$work/flat.$format")
    read -r s2 _ _ < <(measure --jobs 2 "$work/flat.$format")
    printf '%-8s --jobs 1 %8s s %10s records/s   --jobs 2 %8s s %10s records/s\n' \
        "$format" "$s1" "$(rate "$FLAT" "$s1")" "$s2" "$(rate "$FLAT" "$s2")"
done

#!/usr/bin/env bash
# Two builds of `cen` side by side on the same inputs (NDJSON, CSV, Excel), runs interleaved so
# that the load of a busy machine falls on both alike: the median elapsed time and the median
# CPU time (user + system) of RUNS runs of `cen validate -q --jobs J` for each input and each
# binary, in records per second, and their ratios (after / before; above 1 is faster).
# Usage: cen-cli/bench/compare.sh BEFORE_CEN AFTER_CEN
#   (COUNT=1000000 FLAT=100000 RUNS=5 JOBS="1 2" INPUTS="big.ndjson flat.csv flat.xlsx")
# The flat files are made by the flatten example (built here, release; or FLATTEN=path).
set -euo pipefail
cd "$(dirname "$0")/../.."
before=$1
after=$2
COUNT=${COUNT:-1000000}
FLAT=${FLAT:-100000}
RUNS=${RUNS:-5}
JOBS=${JOBS:-1 2}
INPUTS=${INPUTS:-big.ndjson flat.csv flat.xlsx}
if [ ! -x /usr/bin/time ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
flatten=${FLATTEN:-}
if [ -z "$flatten" ]; then
    cargo build --quiet --release -p cen-cli --example flatten
    flatten="$CARGO_TARGET_DIR/release/examples/flatten"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$before" generate --count "$COUNT" --seed 42 --invalid-share 0.1 >"$work/big.ndjson"
head -n "$FLAT" "$work/big.ndjson" >"$work/flat.ndjson"
"$flatten" "$work/flat.ndjson" "$work/flat.csv" "$work/flat.xlsx" 2>/dev/null

# Elapsed and CPU seconds of one run.
run() {
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$1" validate -q --today 2026-11-28 --jobs "$2" "$3" \
        >/dev/null 2>&1 || true
    tail -1 "$work/time.txt" | awk '{print $1, $2 + $3}'
}
# The median of column $1 of standard input.
median() { awk -v c="$1" '{print $c}' | sort -n | awk '{a[NR]=$1} END{print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-5s %12s %12s %8s %14s %14s %8s\n' input jobs "before rec/s" "after rec/s" ratio \
    "before rec/cpu" "after rec/cpu" ratio
for input in $INPUTS; do
    n=$FLAT
    [ "$input" = big.ndjson ] && n=$COUNT
    for jobs in $JOBS; do
        : >"$work/b.txt"
        : >"$work/a.txt"
        for _ in $(seq "$RUNS"); do
            run "$before" "$jobs" "$work/$input" >>"$work/b.txt"
            run "$after" "$jobs" "$work/$input" >>"$work/a.txt"
        done
        b=$(median 1 <"$work/b.txt")
        a=$(median 1 <"$work/a.txt")
        bc=$(median 2 <"$work/b.txt")
        ac=$(median 2 <"$work/a.txt")
        printf '%-8s %-5s %12.0f %12.0f %8.3f %14.0f %14.0f %8.3f\n' "${input#*.}" "$jobs" \
            "$(awk "BEGIN{print $n / $b}")" "$(awk "BEGIN{print $n / $a}")" "$(awk "BEGIN{print $b / $a}")" \
            "$(awk "BEGIN{print $n / $bc}")" "$(awk "BEGIN{print $n / $ac}")" "$(awk "BEGIN{print $bc / $ac}")"
    done
done

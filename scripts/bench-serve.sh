#!/usr/bin/env bash
# The performance targets of `cen serve` (issue 16; results in BENCHMARKS.md):
#   1. the batch endpoint against `cen validate --format ndjson` on the same NDJSON file
#      (records per second, elapsed; each timed RUNS times, the median quoted);
#   2. POST /v1/validate of one record with 64 concurrent connections, load by `oha`
#      (requests per second, p99 latency);
#   3. with --soak SECONDS: steady load (oha at --rate requests per second) while the service's
#      resident memory is read every 10 s; growth after the first minute, and every status.
#
#   scripts/bench-serve.sh [--records N] [--runs R] [--duration S] [--soak S] [--rate Q]
# Installs oha with cargo when it is missing. Release build of this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
records=200000 runs=3 duration=20 soak=0 rate=2000
while [ $# -gt 0 ]; do
    case $1 in
        --records) records=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --soak) soak=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
command -v oha >/dev/null || cargo install --locked oha
cargo build --release --quiet -p cen-cli --bin cen
cen=$CARGO_TARGET_DIR/release/cen
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$cen" --version | head -n 1)"
"$cen" generate --count "$records" --seed 16 --invalid-share 0.1 -o "$work/batch.ndjson"
echo "input: $records records, $(stat -c %s "$work/batch.ndjson") bytes"

"$cen" serve --addr 127.0.0.1:0 --quiet --max-body $((4 << 30)) 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do
    grep -q listening "$work/serve.log" && break
    sleep 0.1
done
base=$(grep -o 'http://[0-9.:]*' "$work/serve.log")
echo "service: $base (pid $server)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "== 1. batch endpoint vs cen validate --format ndjson ($runs runs each, alternated)"
: >"$work/http" ; : >"$work/cli"
for _ in $(seq "$runs"); do
    seconds curl -sf -H 'Content-Type: application/x-ndjson' --data-binary "@$work/batch.ndjson" \
        -o "$work/http.out" "$base/v1/validate/batch?today=2026-11-28" >>"$work/http"
    seconds "$cen" validate --today 2026-11-28 --format ndjson -o "$work/cli.out" - \
        <"$work/batch.ndjson" >>"$work/cli" || true
done
cmp -s "$work/http.out" "$work/cli.out" || { echo "the batch's lines differ from cen validate's" >&2; exit 1; }
http=$(median <"$work/http") cli=$(median <"$work/cli")
printf '   POST /v1/validate/batch   %8.2f s  %9.0f records/s\n' "$http" "$(echo "$records / $http" | bc -l)"
printf '   cen validate -            %8.2f s  %9.0f records/s\n' "$cli" "$(echo "$records / $cli" | bc -l)"
printf '   service / command line: %.2f (target at least 0.70)\n' "$(echo "$cli / $http" | bc -l)"

"$cen" generate --count 1 --seed 16 | head -n 1 >"$work/record.json"
echo "== 2. POST /v1/validate, 64 connections, ${duration} s (oha)"
oha --no-tui --output-format json -z "${duration}s" -c 64 -m POST -H 'Content-Type: application/json' \
    -D "$work/record.json" "$base/v1/validate?today=2026-11-28" >"$work/oha.json"
python3 - "$work/oha.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]; p = r["latencyPercentiles"]
print(f"   {s['requestsPerSec']:,.0f} requests/s (target at least 10,000), p50 {p['p50']*1000:.2f} ms, p99 {p['p99']*1000:.2f} ms (target under 10 ms), success rate {s['successRate']:.4f}, statuses {r['statusCodeDistribution']}")
PY

if [ "$soak" -gt 0 ]; then
    echo "== 3. soak: $rate requests/s for $soak s; resident memory every 10 s"
    oha --no-tui --output-format json -z "${soak}s" -c 32 -q "$rate" -m POST -H 'Content-Type: application/json' \
        -D "$work/record.json" "$base/v1/validate?today=2026-11-28" >"$work/soak.json" &
    load=$!
    : >"$work/rss"
    while kill -0 "$load" 2>/dev/null; do
        awk '/VmRSS/ {print $2}' "/proc/$server/status" >>"$work/rss"
        sleep 10
    done
    wait "$load"
    python3 - "$work/soak.json" "$work/rss" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rss = [int(x) for x in open(sys.argv[2]).read().split()]
warm = rss[min(6, len(rss) - 1)]  # after the first minute
print(f"   {r['summary']['total']:.0f} s, {sum(r['statusCodeDistribution'].values()):,} requests, statuses {r['statusCodeDistribution']}, errors {r.get('errorDistribution', {})}")
print(f"   resident memory: {rss[0]/1024:.1f} MiB at start, {warm/1024:.1f} MiB after the first minute, {rss[-1]/1024:.1f} MiB at the end, peak {max(rss)/1024:.1f} MiB")
print(f"   growth after warm-up: {100 * (rss[-1] - warm) / warm:+.1f} % (target under 10 %)")
PY
fi

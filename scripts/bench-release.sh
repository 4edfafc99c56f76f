#!/usr/bin/env bash
# The release builds against the in-tree builds (issue 17, Performance: the installed wheel and
# the installed npm package run the existing benchmarks within 5 % of the in-tree builds). Not
# a test (timings belong to no test command): run it by hand after scripts/release.sh, on a
# machine as quiet as can be had, and write what it prints into BENCHMARKS.md.
#   scripts/bench-release.sh
#
# Python: bindings-python/bench/bench.py in two fresh virtual environments with the same pinned
# packages (pandas, pydantic, jsonschema-rs, fastjsonschema); in one cen is built from the tree
# (`maturin develop --profile wheel`), in the other the wheel of dist/ is installed.
# WebAssembly: bindings-wasm/bench/bench.mjs (NATIVE=0: the Node side only) on the tree's
# package (bindings-wasm/, as bindings-wasm/scripts/build.sh leaves it) and on the npm tarball
# of dist/ installed into a fresh Node project (CEN_WASM_DIR).
# Each benchmark runs in CYCLES cycles of four runs (default 2): in-tree, installed, installed,
# in-tree, then the other way round, and so on, so that each side runs first as often as the
# other and a machine getting busier or quieter during the run weighs on both alike (with one
# cycle every installed run came second or third, and every installed figure came out slower).
# Each figure is the median of its side's runs. Printed: each figure of both sides and the
# ratio installed / in-tree (above 1: the installed artifact is slower), with the load average
# before and after, and whether the installed extension module and .wasm are the tree's bytes.
#   COUNT (records of bench.py, default 100,000), REPEAT (its runs per figure, default 3),
#   CYCLES (default 2), BENCHES (default "python wasm": which to run); ITERATIONS and ROUNDS go
#   to bench.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

version=$(scripts/lib/check_versions.py)
wheel=$(ls dist/python/cen-"$version"-cp39-abi3-manylinux*_x86_64.whl 2>/dev/null) ||
    { echo "no wheel of cen $version in dist/: run scripts/release.sh first" >&2; exit 1; }
tarball=dist/npm/cen-wasm-$version.tgz
[ -f "$tarball" ] || { echo "no $tarball: run scripts/release.sh first" >&2; exit 1; }
[ -f bindings-wasm/dist/cen_wasm_bg.wasm ] ||
    { echo "bindings-wasm/dist is not built: run bindings-wasm/scripts/build.sh" >&2; exit 1; }
count=${COUNT:-100000}
repeat=${REPEAT:-3}
cycles=${CYCLES:-2}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(load), commit $(git rev-parse --short HEAD)"

echo "== Python: two fresh virtual environments"
source scripts/lib/python-venv.sh
bench_packages=(pandas pydantic jsonschema-rs fastjsonschema)
for side in intree installed; do
    python3 -m venv "$work/$side"
    "$work/$side/bin/python" -m pip install -q --disable-pip-version-check --only-binary :all: \
        -c bindings-python/requirements-dev.txt "${bench_packages[@]}"
done
VIRTUAL_ENV="$work/intree" "$VENV/bin/maturin" develop --quiet --profile wheel -m bindings-python/Cargo.toml
"$work/installed/bin/python" -m pip install -q --disable-pip-version-check --no-deps "$wheel"

echo "== WebAssembly: the tarball in a fresh Node project"
mkdir -p "$work/node-app"
(cd "$work/node-app" && npm init -y >/dev/null &&
    npm install --offline --no-audit --no-fund --loglevel=error "$root/$tarball" >/dev/null)
installed_pkg=$work/node-app/node_modules/cen-wasm
cmp -s "$installed_pkg/dist/cen_wasm_bg.wasm" bindings-wasm/dist/cen_wasm_bg.wasm &&
    same_wasm="the same .wasm as the tree's" || same_wasm="NOT the tree's .wasm"
module() { "$work/$1/bin/python" -c 'import cen, cen._cen as m; print(m.__file__)'; }
intree_module=$(module intree) installed_module=$(module installed)
cmp -s "$intree_module" "$installed_module" &&
    same_module="the same extension module as the tree's" ||
    same_module="NOT the tree's extension module ($(stat -c %s "$intree_module") and $(stat -c %s "$installed_module") bytes)"

run_python() { # $1 side, $2 run
    "$work/$1/bin/python" bindings-python/bench/bench.py --count "$count" --repeat "$repeat" \
        --json "$work/py-$1-$2.json" >"$work/py-$1-$2.txt"
}
run_wasm() { # $1 side, $2 run
    local dir=$root/bindings-wasm
    [ "$1" = installed ] && dir=$installed_pkg
    CEN_WASM_DIR=$dir NATIVE=0 BENCH_JSON="$work/wasm-$1-$2.json" node bindings-wasm/bench/bench.mjs \
        >"$work/wasm-$1-$2.txt"
}
for bench in ${BENCHES:-python wasm}; do
    for ((cycle = 1; cycle <= cycles; cycle++)); do
        first=intree second=installed
        ((cycle % 2 == 0)) && first=installed second=intree
        for step in "$first:a" "$second:a" "$second:b" "$first:b"; do
            side=${step%:*} run=$cycle${step#*:}
            echo "$bench $side (run $run), load $(load)"
            "run_$bench" "$side" "$run"
        done
    done
done
echo "== load average after: $(load)"

"$VENV/bin/python" - "$work" "$same_wasm" "$same_module" <<'PY'
import json, pathlib, statistics, sys
work, same_wasm, same_module = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
worst = {}  # the largest ratio of each benchmark that ran
print("\n| benchmark | measure | in-tree | installed | installed / in-tree |")
print("|---|---|---|---|---|")
# Python: seconds of each cen run (the peers' runs are the same in both environments).
runs = {side: [json.loads(p.read_text()) for p in sorted(work.glob(f"py-{side}-*.json"))] for side in ("intree", "installed")}
assert all(len(r) == len(runs["intree"]) > 0 for r in runs.values()), runs
files = {side: runs[side][0]["cen_file"] for side in runs}
assert "site-packages" not in files["intree"] and "site-packages" in files["installed"], files
count = runs["intree"][0]["count"]
for name in runs["intree"][0]["seconds"]:
    if not name.startswith("cen."):
        continue
    a = statistics.median(r["seconds"][name] for r in runs["intree"])
    b = statistics.median(r["seconds"][name] for r in runs["installed"])
    worst["Python"] = max(worst.get("Python", 0.0), b / a)
    print(f"| bench.py, {count:,} records | `{name}` | {count / a:,.0f} rec/s | {count / b:,.0f} rec/s | {b / a:.3f} |")
# WebAssembly: elapsed and CPU nanoseconds per call.
wasm = {side: [json.loads(p.read_text()) for p in sorted(work.glob(f"wasm-{side}-*.json"))] for side in ("intree", "installed")}
for record, measures in (wasm["intree"][0] if wasm["intree"] else {}).items():
    for measure in measures:
        for i, kind in enumerate(("elapsed", "CPU")):
            a = statistics.median(r[record][measure][i] for r in wasm["intree"])
            b = statistics.median(r[record][measure][i] for r in wasm["installed"])
            worst[f"WebAssembly {kind}"] = max(worst.get(f"WebAssembly {kind}", 0.0), b / a)
            print(f"| bench.mjs, `{pathlib.Path(record).name}` | {measure}, {kind} | {a / 1000:.2f} µs | {b / 1000:.2f} µs | {b / a:.3f} |")
print(f"\n{len(runs['intree'])} runs a side, medians. In-tree Python: {files['intree']}; installed: {files['installed']}; {same_module}; npm: {same_wasm}")
for what, ratio in worst.items():
    verdict = "within 5 %" if ratio <= 1.05 else "MORE than 5 % slower"
    print(f"largest ratio, {what}: {ratio:.3f} ({verdict})")
PY

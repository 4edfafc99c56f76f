#!/usr/bin/env bash
# The WebAssembly binding (npm package cen-wasm) and the seizure form: lints, build, Node tests
# (conformance vectors byte for byte, API, bad input), the size budget, and the tests of form/
# (scripts/test-form.sh, on the package built here) in Debian's headless Chromium. Installs what
# it needs, once.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
    echo "== installing Node.js (once)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

echo "== cargo fmt --check, clippy -D warnings, unit tests (bindings-wasm, native)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo fmt -p bindings-wasm --check
# --all-features: the `names` feature builds the example that writes the names file.
cargo clippy -p bindings-wasm --all-targets --all-features --quiet -- -D warnings
# With `names`, as build.sh's names_file example is built (the same artifacts): the names file
# written and read back gives every look-up its texts.
cargo test -p bindings-wasm --features names --quiet

bindings-wasm/scripts/build.sh

echo "== size budget"
# Issue 5: the .wasm, gzip-compressed, at most 1 MB with every table validation needs (the
# place names are in the names file, loaded only when wanted; see docs/wasm.md, "Size").
wasm=bindings-wasm/dist/cen_wasm_bg.wasm
names=bindings-wasm/dist/cen_names.txt
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "cen_wasm_bg.wasm: $(stat -c %s "$wasm") bytes raw, $gz bytes gzipped (gzip -9)"
echo "cen_names.txt:    $(stat -c %s "$names") bytes raw, $(gzip -9 -c "$names" | wc -c) bytes gzipped (gzip -9)"
budget=1000000
if [ "$gz" -gt "$budget" ]; then
    echo "the gzipped .wasm ($gz bytes) is over its budget of $budget bytes" >&2
    exit 1
fi

# The second module (cen-wasm/files: checkFile, the file readers with the validator) is loaded
# only by pages that check files; it has a budget of its own, to see it grow.
files=bindings-wasm/dist/files/cen_wasm_files_bg.wasm
files_gz=$(gzip -9 -c "$files" | wc -c)
echo "cen_wasm_files_bg.wasm: $(stat -c %s "$files") bytes raw, $files_gz bytes gzipped (gzip -9)"
files_budget=1500000
if [ "$files_gz" -gt "$files_budget" ]; then
    echo "the gzipped files module ($files_gz bytes) is over its budget of $files_budget bytes" >&2
    exit 1
fi

# The table packs of test/tables.test.mjs, written by `cen tables build` (the debug `cen` of
# this target directory, which the cli step of scripts/test-all.sh has already built).
export CARGO_TARGET_DIR="$(realpath -m "$CARGO_TARGET_DIR")"
source scripts/lib/test-packs.sh
build_test_packs

cd bindings-wasm
echo "== node --test (conformance vectors, API, bad input, table packs)"
node --test test/*.test.mjs
cd ..
scripts/test-form.sh

#!/usr/bin/env bash
# The WebAssembly binding (npm package cen-wasm) and the web form: lints, build, Node tests
# (conformance vectors byte for byte, API, bad input), the size budget, and the browser test of
# examples/web-form in Debian's headless Chromium. Installs what it needs, once.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
    echo "== installing Node.js (once)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "== installing Debian's chromium (once)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "== cargo fmt --check, clippy -D warnings, unit tests (bindings-wasm, native)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo fmt -p bindings-wasm --check
cargo clippy -p bindings-wasm --all-targets --quiet -- -D warnings
cargo test -p bindings-wasm --quiet

bindings-wasm/scripts/build.sh

echo "== size budget"
wasm=bindings-wasm/dist/cen_wasm_bg.wasm
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "cen_wasm_bg.wasm: $raw bytes raw, $gz bytes gzipped"
# The target is 1 MB gzipped with every table validation needs; it needs codes-data to be
# buildable without place names (see docs/wasm.md, "Size"). Until then this guards against
# growth beyond what the tables weigh today.
budget=${CEN_WASM_GZIP_BUDGET:-2600000}
if [ "$gz" -gt "$budget" ]; then
    echo "the gzipped .wasm ($gz bytes) is over its budget of $budget bytes" >&2
    exit 1
fi

cd bindings-wasm
echo "== node --test (conformance vectors, API, bad input)"
node --test test/*.test.mjs
echo "== node --test (browser: examples/web-form in headless Chromium)"
node --test test/browser/*.test.mjs
echo "screenshots: bindings-wasm/test-output/"

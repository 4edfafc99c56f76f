#!/usr/bin/env bash
# The seizure form (form/, docs/form.md): unit tests in Node, then the browser tests in Debian's
# headless Chromium (playwright-core and axe-core from npm, pinned by form/package-lock.json):
# an express-courier record entered in Arabic, a CUG profile, nCEN, accessibility in the six
# languages, the file check against `cen validate`, bad files, a table pack loaded by the person
# (test/tables.test.mjs), and the measurements of
# BENCHMARKS.md. scripts/test-wasm.sh runs this after building the package; run alone, it
# builds the package only when it is missing (rebuild it yourself after changing the core).
set -euo pipefail
cd "$(dirname "$0")/.."
# Absolute: the tests run from form/, and scripts/test-wasm.sh passes a relative one.
export CARGO_TARGET_DIR="$(realpath -m "${CARGO_TARGET_DIR:-target}")"

if [ ! -f bindings-wasm/dist/cen_wasm_bg.wasm ] || [ ! -f bindings-wasm/dist/files/cen_wasm_files_bg.wasm ]; then
    bindings-wasm/scripts/build.sh
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "== installing Debian's chromium (once)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d form/node_modules/playwright-core ] || [ ! -d form/node_modules/axe-core ]; then
    echo "== npm ci (form, once)"
    (cd form && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "== cen (debug build): the file check must give the counts of cen validate"
cargo build --quiet -p cen-cli --bin cen
export CEN_BIN="$CARGO_TARGET_DIR/debug/cen"
# The table pack the form loads in its test (UN/LOCODE from the UNECE-format fixtures).
source scripts/lib/test-packs.sh
build_test_packs

cd form
echo "== node --test (form: pointers, the model's conditions, words)"
node --test test/unit.test.mjs
echo "== node --test (form in headless Chromium; one file at a time, for the measurements)"
rm -f test-output/measurements.json
node --test --test-concurrency=1 test/form.test.mjs test/file-check.test.mjs test/tables.test.mjs
echo "screenshots and measurements: form/test-output/"
cat test-output/measurements.json | node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(`first render ${m.first_render_ms} ms; validation per keystroke: median ${m.validate_on_keystroke_ms.median} ms, max ${m.validate_on_keystroke_ms.max} ms; CSV file check ${m.file_check_csv.rows_per_second} rows/s`);'

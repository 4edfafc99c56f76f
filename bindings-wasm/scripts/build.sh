#!/usr/bin/env bash
# Builds the npm package cen-wasm into bindings-wasm/dist/ (the JavaScript wrapper in js/ and
# the TypeScript declarations are sources; dist/ holds what the build generates).
# Installs what it needs, once: Debian's rustc-web toolchain (std built for wasm32 with
# -Zbuild-std, since rustup cannot add the target here), wasm-bindgen-cli at exactly the version
# of the wasm-bindgen crate in Cargo.lock, and binaryen's wasm-opt from npm.
#   bindings-wasm/scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/wasm-toolchain.sh
ensure_wasm_toolchain

crate=bindings-wasm
out=$crate/dist

# wasm-bindgen-cli must match the crate exactly: the two share an unversioned wire format.
export PATH="$HOME/.cargo/bin:$PATH"
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
    echo "== installing wasm-bindgen-cli $version (once)"
    # Compiling the tool was the slowest step of a clean CI run. Two things make it much cheaper
    # without changing what it writes (the same bytes, checked on this crate): no default
    # feature `rustls-tls` (TLS serves only wasm-bindgen-test-runner's downloads of web drivers,
    # never run here), and no optimisation (the tool then takes 1.3 s instead of 0.5 s on this
    # crate). CPU time of the install on this machine: 5 min 19 s as published, 4 min 47 s
    # without TLS, 1 min 49 s without TLS at opt-level 0.
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 \
        cargo install --quiet --no-default-features wasm-bindgen-cli --version "$version"
fi

# Node packages of the build (binaryen's wasm-opt), pinned by bindings-wasm/package-lock.json.
# (The browser tests are the seizure form's, with their own packages: form/package.json.)
if [ ! -x "$crate/node_modules/.bin/wasm-opt" ]; then
    echo "== npm ci (once)"
    (cd "$crate" && npm ci --no-audit --no-fund --loglevel=error)
fi

# opt-level 3 by default: about twice as fast as "z" in Node for 3 % more gzipped bytes (see
# docs/wasm.md); CEN_WASM_OPT_LEVEL=z or s to compare.
level=${CEN_WASM_OPT_LEVEL:-3}
case "$level" in [0-9]) opt_level=$level ;; *) opt_level="\"$level\"" ;; esac
# One module: the crate built for wasm32 with `$1` as its features, bound by wasm-bindgen into
# the folder `$2` as `$3.js` and `$3_bg.wasm`, then optimised by wasm-opt.
build_module() {
    local features=$1 dir=$2 name=$3
    echo "== cargo build (wasm32, LTO, one codegen unit, panic=abort, opt-level $level${features:+, features $features})"
    # A profile of its own, given on the command line so that the workspace's release profile
    # (tuned for speed, and for unwinding in the C library) stays as it is.
    wasm_cargo build --quiet -p "$crate" --lib ${features:+--features "$features"} \
        --config 'profile.wasm.inherits="release"' \
        --config "profile.wasm.opt-level=$opt_level" \
        --config 'profile.wasm.lto=true' \
        --config 'profile.wasm.codegen-units=1' \
        --config 'profile.wasm.panic="abort"' \
        --config 'profile.wasm.debug=false' \
        --profile wasm
    local wasm="${CARGO_TARGET_DIR_WASM:-target/wasm}/wasm32-unknown-unknown/wasm/cen_wasm.wasm"
    echo "== wasm-bindgen ($dir/$name)"
    wasm-bindgen "$wasm" --out-dir "$dir" --out-name "$name" --target web \
        --no-typescript --remove-producers-section --experimental-reset-state-function
    echo "== wasm-opt -O$level ($dir/${name}_bg.wasm)"
    "$crate/node_modules/.bin/wasm-opt" "-O$level" --enable-bulk-memory --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$dir/${name}_bg.wasm" -o "$dir/${name}_bg.wasm"
}

rm -rf "$out"
build_module "" "$out" cen_wasm
# The module of checkFile (cen-wasm/files: the file readers of cen-files with the validator): a
# second .wasm, so that the validation module keeps within its size budget; a page checking
# files loads it (in a worker, best). The dependencies are those of the first build; only
# this crate and the link are built again.
build_module files "$out/files" cen_wasm_files

echo "== names file (native build with codes-data's names)"
# The .wasm is built without the place names, airport names and HS descriptions; they ship
# beside it, for loadNames() (see src/names.rs).
cargo run --quiet -p "$crate" --features names --example names_file -- "$out/cen_names.txt"

for file in "$out/cen_wasm_bg.wasm" "$out/cen_names.txt" "$out/files/cen_wasm_files_bg.wasm"; do
    echo "== $file: $(stat -c %s "$file") bytes, $(gzip -9 -c "$file" | wc -c) bytes gzipped (gzip -9)"
done

#!/usr/bin/env bash
# The core crates and the file readers build for wasm32-unknown-unknown (no file system, threads
# or clock).
# Uses Debian's rustc-web (rustup cannot add the wasm target on this machine); installs it once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/wasm-toolchain.sh
ensure_wasm_toolchain
echo "== core crates for wasm32-unknown-unknown"
wasm_cargo build --release -p codes-data -p cen-model -p cen-rules
echo "== the file readers (cen-files) for wasm32-unknown-unknown: what the browser's file check uses"
wasm_cargo build --release -p cen-files --no-default-features

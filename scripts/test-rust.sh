#!/usr/bin/env bash
# The Rust crates: formatting, lints, unit, property, doc and conformance tests.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup component add rustfmt clippy >/dev/null 2>&1 || true
echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --quiet
echo "== codes-data without the names feature"
cargo test --quiet -p codes-data --no-default-features --test without_names

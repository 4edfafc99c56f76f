#!/usr/bin/env bash
# `cen serve` (spec 8, issue 16) over real HTTP on localhost: every route of /openapi.json
# (validated by openapi-spec-validator), the conformance vectors posted to /v1/validate, batches
# against `cen validate --format ndjson`, a batch answered before its upload ends, bad requests
# (413, 408, 400, 415, 404, 405, 503, an XLSX zip bomb), the clients of the docs (curl, Python's
# httpx, Java's java.net.http) and a log without record content
# (cen-cli/tests/serve/check_serve.py). Run after the wasm step, the binary has the form's
# WebAssembly built in.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
source scripts/lib/python-venv.sh
"$VENV/bin/python" -c "import openapi_spec_validator, httpx" 2>/dev/null ||
    "$VENV/bin/pip" install --quiet openapi-spec-validator httpx
cargo build --quiet -p cen-cli --bin cen
"$VENV/bin/python" cen-cli/tests/serve/check_serve.py "$CARGO_TARGET_DIR/debug/cen"

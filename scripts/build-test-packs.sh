#!/usr/bin/env bash
# The two table packs (spec 7.2) that the tests of the bindings load, written to DIR (default:
# $CARGO_TARGET_DIR/test-packs, else target/test-packs), whose path it prints:
#   builtin.pack       the built-in tables as a pack: every conformance vector gives the same
#                      bytes with it as without;
#   unece-2099-1.pack  UN/LOCODE from the UNECE-format fixtures of cen-cli/tests/fixtures/unece
#                      (ESQ9Z added, ESALG marked for deletion), the other tables built in.
# Built by this tree's CLI through cargo, so in the full test run (after the cli step) nothing
# is compiled; idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-${CARGO_TARGET_DIR:-$PWD/target}/test-packs}
mkdir -p "$dir"
fixtures=cen-cli/tests/fixtures/unece
cen() { cargo run --quiet -p cen-cli -- "$@"; }
cen tables build -o "$dir/builtin.pack" >/dev/null
cen tables build -o "$dir/unece-2099-1.pack" --edition 2099-1 \
    --unlocode "$fixtures/2099-1 UNLOCODE CodeListPart1.csv" \
    --unlocode "$fixtures/2099-1 UNLOCODE CodeListPart2.csv" \
    --unlocode "$fixtures/2099-1 UNLOCODE CodeListPart3.csv" >/dev/null
echo "$dir"

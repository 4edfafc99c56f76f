#!/usr/bin/env bash
# Every test of every surface, in order. Each step installs what it needs (idempotently), so
# this runs on a fresh machine with only the registries reachable. `.ci/run` calls this.
#   scripts/test-all.sh            every step
#   scripts/test-all.sh rust c     only these steps
set -euo pipefail
cd "$(dirname "$0")/.."
steps=("$@")
if [ ${#steps[@]} -eq 0 ]; then
    # scale reuses the wheel build of python (the same CARGO_TARGET_DIR), so it comes after it;
    # release packages what cli, c, python and wasm built (the same target/ and
    # bindings-wasm/dist/) and installs it; docs runs the documentation's shell blocks on what
    # cli, c, python, scale and wasm built.
    steps=(rust wasm-core cli c python scale wasm serve release docs fuzz)
fi
started=$(date +%s)
for step in "${steps[@]}"; do
    script="scripts/test-$step.sh"
    [ -x "$script" ] || { echo "no such test step: $step ($script)" >&2; exit 2; }
    step_start=$(date +%s)
    echo "==== $step"
    "$script"
    echo "==== $step passed in $(( $(date +%s) - step_start )) s"
done
echo "==== all passed in $(( $(date +%s) - started )) s: ${steps[*]}"

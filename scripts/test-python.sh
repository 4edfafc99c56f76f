#!/usr/bin/env bash
# The Python binding (bindings-python, issue 4): Rust lints of the crate; the abi3 wheel built
# by maturin, installed into a fresh virtual environment and imported there; then, with the
# wheel installed in the project's .venv, the pytest suite (every conformance vector byte for
# byte as dict, str and bytes; host values; every API function; pandas; threads; the doctests
# of docs/python.md; the notebook executed headless), mypy.stubtest of the stubs against the
# built module, mypy --strict, and a short run of the benchmark. Installs what it needs,
# idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

echo "== tools"
source scripts/lib/python-venv.sh
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r bindings-python/requirements-dev.txt
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt and clippy (bindings-python)"
cargo fmt -p bindings-python --check
cargo clippy --quiet -p bindings-python --all-targets -- -D warnings

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== maturin build --profile wheel (abi3 wheel)"
"$VENV/bin/maturin" build --quiet --profile wheel -m bindings-python/Cargo.toml --out "$work/dist"
wheel=$(ls "$work"/dist/cen-*-cp39-abi3-*.whl)
echo "built $(basename "$wheel")"

echo "== the wheel in a fresh virtual environment"
python3 -m venv "$work/fresh"
"$work/fresh/bin/python" -m pip install -q --disable-pip-version-check "$wheel"
(cd "$work" && "$work/fresh/bin/python" - <<'PY'
import json, pathlib
import cen, cen.codes
site = pathlib.Path(cen.__file__).parent
for name in ("py.typed", "_cen.pyi", "__init__.py", "codes.py"):
    assert (site / name).is_file(), f"{name} is not installed"
report = cen.validate('{"reporting_country": "BE"}', today="2026-11-28")
assert not report.valid and report.to_dict() == json.loads(report.to_json())
assert cen.codes.country("BE")["alpha3"] == "BEL"
try:
    cen.validate_frame(None)
except ImportError as missing:  # pandas is an optional extra
    assert "cen[pandas]" in str(missing)
else:
    raise AssertionError("validate_frame without pandas")
print(f"import cen {cen.__version__}: ok, from {site}")
PY
)

source scripts/lib/test-packs.sh
build_test_packs
echo "== pytest (the wheel installed in $VENV)"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
(cd bindings-python && "../$VENV/bin/python" -m pytest -q -p no:cacheprovider tests)

echo "== mypy.stubtest and mypy --strict"
(cd bindings-python && "../$VENV/bin/python" -m mypy.stubtest cen --mypy-config-file pyproject.toml)
"$VENV/bin/python" -m mypy --config-file bindings-python/pyproject.toml --no-incremental \
    bindings-python/python/cen bindings-python/tests examples/notebooks/make_export.py

echo "== the benchmark runs (2,000 records, one pass: too short for its numbers to mean much;"
echo "   the measurement is bindings-python/bench/bench.py with 100,000 records)"
"$VENV/bin/python" bindings-python/bench/bench.py --count 2000 --repeat 1

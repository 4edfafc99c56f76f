#!/usr/bin/env bash
# Scale out (issue 8): cen.validate_arrow and the Dask and Spark examples. Builds the Python
# binding's abi3 wheel (cached when scripts/test-python.sh ran first), installs it with
# pyarrow, polars, dask and distributed into the project's .venv, then runs the Arrow tests
# (bindings-python/tests/test_arrow.py, every Arrow type, polars and pandas), the Dask tests
# on a 2-worker distributed.LocalCluster (examples/scale/tests), mypy --strict on the examples,
# and a small run of the benchmark script. PySpark (about 450 MB, two minutes to install) and
# the Spark test in local[2] run too; CEN_TEST_SPARK=0 leaves them out. Installs what it
# needs, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

echo "== tools"
source scripts/lib/python-venv.sh
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
"${PIP[@]}" -r bindings-python/requirements-dev.txt -r examples/scale/requirements.txt
SPARK=${CEN_TEST_SPARK:-1}
if [ "$SPARK" = 1 ]; then
    if ! command -v java >/dev/null 2>&1; then
        echo "apt-get install a JDK for Spark"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq default-jre-headless >/dev/null
    fi
    "${PIP[@]}" pyspark==4.3.0
    "$VENV/bin/python" -c "import pyspark"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== maturin build --profile wheel (the binding with validate_arrow)"
"$VENV/bin/maturin" build --quiet --profile wheel -m bindings-python/Cargo.toml --out "$work/dist"
"${PIP[@]}" --force-reinstall --no-deps "$work"/dist/cen-*-cp39-abi3-*.whl

echo "== pytest: validate_arrow"
(cd bindings-python && "../$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/test_arrow.py)

if [ "$SPARK" = 1 ]; then
    echo "== pytest: Dask on a 2-worker LocalCluster, Spark in local[2]"
    (cd examples/scale && "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider -rs tests)
else
    echo "== pytest: Dask on a 2-worker LocalCluster (CEN_TEST_SPARK=0: not Spark)"
    (cd examples/scale && "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider -rs tests/test_dask.py)
fi

echo "== mypy --strict (the examples)"
"$VENV/bin/python" -m mypy --config-file bindings-python/pyproject.toml --no-incremental examples/scale

echo "== the benchmark runs (20,000 rows: too few for its numbers to mean much; the"
echo "   measurement is examples/scale/bench.py with 1,000,000 and 2,000,000 rows)"
bench_data="$work/bench"
"$VENV/bin/python" examples/scale/bench.py arrow --rows 20000 --frame-rows 20000 --data "$bench_data"
"$VENV/bin/python" examples/scale/bench.py dask --rows 20000 --files 4 --data "$bench_data"

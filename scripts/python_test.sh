#!/usr/bin/env bash
# The Python and Spark tests: builds the `tidings` abi3 wheel with maturin and
# runs pytest in python/tests (the package API, then the Spark job in local
# mode). Makes its own virtual environment under target/ with the pinned tools
# of python/requirements-test.txt. Needs python3 (3.9+) and, for the Spark
# tests, Java 17; without Java those tests skip with a message.
#
#   scripts/python_test.sh              # everything
#   scripts/python_test.sh -k spark     # extra arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

command -v python3 >/dev/null || { echo "python3 is missing: the Python tests need Python 3.9+" >&2; exit 2; }
venv=target/python-venv
if [ ! -x "$venv/bin/python" ]; then
    echo "== python venv ($venv)"
    python3 -m venv "$venv"
fi
echo "== pip install (python/requirements-test.txt)"
start=$(date +%s)
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r python/requirements-test.txt
echo "   installed in $(( $(date +%s) - start )) s"

echo "== cargo clippy (the Python bindings)"
cargo clippy -p tidings-python --no-deps --all-targets --features python --release -- -D warnings

echo "== maturin build (abi3 wheel)"
rm -rf target/wheels
(cd python && "../$venv/bin/maturin" build --release --quiet --out ../target/wheels)
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall target/wheels/tidings-*.whl

echo "== pytest python/tests"
export PYSPARK_PYTHON="$PWD/$venv/bin/python"
export PYSPARK_DRIVER_PYTHON="$PYSPARK_PYTHON"
if [ -x target/release/tidings ]; then export TIDINGS_BIN="$PWD/target/release/tidings"; fi
"$venv/bin/pytest" -q python/tests "$@"

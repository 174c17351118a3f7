#!/usr/bin/env bash
# The project's one test command: formatting, lints, and every test (unit,
# CLI, quality floors against ../shared when present), a short cargo-fuzz run
# (scripts/fuzz.sh), then the Python
# package and Spark job tests (scripts/python_test.sh). README.md and .ci/run
# both call this script. Installs what the tests need on a fresh machine.
# TIDINGS_SKIP_PYTHON=1 leaves out the Python and Spark tests.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo >/dev/null || { echo "cargo is missing: install Rust 1.95 (https://rustup.rs)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing: the quality check needs it" >&2; exit 2; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# The end-to-end browser test drives headless Chromium through chromedriver
# (Debian packages `chromium` and `chromium-driver`). Install them when missing
# and possible; otherwise that one test skips with a message.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
  if command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; }; then
    echo "== installing chromium and chromium-driver (for the browser test)"
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; } \
      || echo "could not install chromium; the browser test will be skipped" >&2
  else
    echo "chromium/chromedriver are missing and cannot be installed here (needs apt-get as root); the browser test will be skipped" >&2
  fi
fi

# The PostgreSQL store's tests start throwaway clusters with pg_virtualenv
# (Debian packages `postgresql` and `postgresql-common`). Install them when
# missing and possible; once they are here the tests must run
# (TIDINGS_REQUIRE_POSTGRES=1), otherwise they skip with a message.
if ! command -v pg_virtualenv >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
  if command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; }; then
    echo "== installing postgresql and postgresql-common (for the PostgreSQL store tests)"
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql postgresql-common >/dev/null; } \
      || echo "could not install postgresql; the PostgreSQL tests will be skipped" >&2
  else
    echo "postgresql is missing and cannot be installed here (needs apt-get as root); the PostgreSQL tests will be skipped" >&2
  fi
fi
if command -v pg_virtualenv >/dev/null && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export TIDINGS_REQUIRE_POSTGRES=1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --release -- -D warnings
echo "== cargo test"
cargo test --workspace --release

# Fuzzing, briefly: the cargo-fuzz targets on stable Rust (cargo-fuzz is
# installed into target/tools when missing, about a minute, and the fuzz
# build takes two or three more); if it cannot be installed, the same target
# bodies under a test harness. TIDINGS_FUZZ_SECS per target.
echo "== fuzz (${TIDINGS_FUZZ_SECS:-20} s a target)"
TIDINGS_FUZZ_INSTALL="${TIDINGS_FUZZ_INSTALL:-1}" scripts/fuzz.sh "${TIDINGS_FUZZ_SECS:-20}"

echo "== python and spark tests"
if [ "${TIDINGS_SKIP_PYTHON:-0}" = 1 ]; then
    echo "SKIPPED: the Python and Spark tests (TIDINGS_SKIP_PYTHON=1)"
elif ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    echo "SKIPPED: the Python and Spark tests: python3 cannot make a virtual environment (install python3-venv)"
else
    if ! command -v java >/dev/null && [ -z "${JAVA_HOME:-}" ]; then
        echo "NOTE: java is missing: the Spark tests will skip (install Java 17, e.g. openjdk-17-jre-headless)"
    fi
    scripts/python_test.sh
fi

#!/usr/bin/env bash
# Issue 9's tests with one command: the Python package and the Spark job
# (local mode; scripts/python_test.sh builds the wheel in target/python-venv)
# and the PostgreSQL store (throwaway clusters via pg_virtualenv; installs
# Debian's postgresql + postgresql-common when missing and apt is usable).
#
#   scripts/test-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TIDINGS_TEST_POSTGRES:-}" ] && ! command -v pg_virtualenv >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-common >/dev/null
  fi
fi
scripts/python_test.sh
scripts/test-postgres.sh

#!/usr/bin/env bash
# The PostgreSQL store's tests alone: the store's behaviour tests on the
# PostgreSQL backend, its own tests (migrations, web-search syntax, concurrent
# writers), and four `tidings ingest` processes at once into one store, with
# the queries, export and serve reading it. Each test process starts a
# throwaway cluster with pg_virtualenv (Debian: postgresql, postgresql-common)
# and removes it on exit. To use a running server instead, set
# TIDINGS_TEST_POSTGRES=postgres://USER:PASSWORD@HOST:PORT/postgres (a role
# that may create databases).
#
#   scripts/test-postgres.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TIDINGS_TEST_POSTGRES:-}" ] && ! command -v pg_virtualenv >/dev/null; then
  echo "pg_virtualenv is missing: apt-get install postgresql postgresql-common" >&2
  exit 2
fi
export TIDINGS_REQUIRE_POSTGRES=1
cargo test --release -p tidings-store --test store -- postgres
cargo test --release -p tidings-store --lib pg::
cargo test --release -p tidings --test postgres

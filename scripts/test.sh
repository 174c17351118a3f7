#!/usr/bin/env bash
# The project's one test command: formatting, lints, and every test (unit,
# CLI, quality floors against ../shared when present). README.md and .ci/run
# both call this script. Installs what the tests need on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo >/dev/null || { echo "cargo is missing: install Rust 1.95 (https://rustup.rs)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing: the quality check needs it" >&2; exit 2; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --release -- -D warnings
echo "== cargo test"
cargo test --workspace --release

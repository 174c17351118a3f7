#!/usr/bin/env bash
# Fuzz the WARC, feed and HTML entry points of tidings-ingest.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 25 s each; warc feed html)
#
# With a nightly toolchain and cargo-fuzz installed, runs the cargo-fuzz
# targets in fuzz/ (libFuzzer, coverage-guided), seeded with the samples in
# ../shared/data/ingest when present. Without them, runs the same target
# bodies (tidings_ingest::fuzz) under stable Rust: seeds and random
# mutations, crates/ingest/tests/fuzz.rs. TIDINGS_FUZZ_INSTALL=1 installs
# nightly and cargo-fuzz first (minutes; see docs/QUALITY.md, "Fuzzing").
# A crash leaves its input in fuzz/artifacts/TARGET/ (cargo-fuzz) or
# target/fuzz-failures/ (stable) and the script fails.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-25}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(warc feed html)

have_cargo_fuzz() { cargo +nightly fuzz --version >/dev/null 2>&1; }

if ! have_cargo_fuzz && [ "${TIDINGS_FUZZ_INSTALL:-0}" = 1 ]; then
    echo "== installing nightly Rust and cargo-fuzz"
    { rustup toolchain install nightly --profile minimal && cargo +nightly install cargo-fuzz --locked; } \
        || echo "could not install nightly and cargo-fuzz; using the stable harness" >&2
fi

if have_cargo_fuzz; then
    shared=../shared/data
    for t in "${targets[@]}"; do
        corpus="fuzz/corpus/$t"
        mkdir -p "$corpus"
        case "$t" in
            warc) seeds="$shared/ingest/warc" ;;
            feed) seeds="$shared/ingest/feeds" ;;
            html) seeds="$shared/extract/trafilatura/pages" ;;
            *) seeds="" ;;
        esac
        if [ -n "$seeds" ] && [ -d "$seeds" ] && [ -z "$(ls -A "$corpus")" ]; then
            find "$seeds" -type f -size -64k | head -n 200 | while read -r f; do
                cp "$f" "$corpus/$(basename "$f")"
            done
        fi
        echo "== cargo fuzz run $t (${secs} s)"
        (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" -- \
            -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=262144)
    done
else
    echo "== cargo-fuzz or nightly Rust missing: running the fuzz target bodies under stable Rust (${secs} s each)"
    filter=()
    for t in "${targets[@]}"; do filter+=("${t}_target"); done
    # --workspace keeps the feature set of the main test build, so nothing is rebuilt.
    TIDINGS_FUZZ_SECS="$secs" cargo test --workspace --release --test fuzz -- --exact "${filter[@]}"
fi

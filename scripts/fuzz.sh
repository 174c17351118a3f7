#!/usr/bin/env bash
# Fuzz the WARC, feed and HTML entry points of tidings-ingest.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 25 s each; warc feed html)
#
# Runs the cargo-fuzz targets in fuzz/ (libFuzzer, coverage-guided), seeded
# with the samples in ../shared/data/ingest when present: with AddressSanitizer
# under nightly Rust when TIDINGS_FUZZ_SANITIZER=address, else on stable
# Rust with `--sanitizer none` (the crate forbids unsafe code: libFuzzer alone
# finds its panics, hangs and runaway memory). TIDINGS_FUZZ_INSTALL=1 installs cargo-fuzz when missing
# (`cargo install --locked` into target/tools, about a minute). Without
# cargo-fuzz, runs the same target bodies (tidings_ingest::fuzz) under a
# plain test harness: seeds and random mutations, crates/ingest/tests/fuzz.rs.
# A crash leaves its input in fuzz/artifacts/TARGET/ (cargo-fuzz) or
# target/fuzz-failures/ (test harness) and the script fails.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-25}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(warc feed html)

export PATH="$PWD/target/tools/bin:$PATH"
have_cargo_fuzz() { cargo fuzz --version >/dev/null 2>&1; }

if ! have_cargo_fuzz && [ "${TIDINGS_FUZZ_INSTALL:-0}" = 1 ]; then
    echo "== installing cargo-fuzz into target/tools"
    cargo install --locked --root target/tools cargo-fuzz >/dev/null 2>&1 \
        || echo "could not install cargo-fuzz; using the test harness" >&2
fi

# TIDINGS_FUZZ_SANITIZER=address adds AddressSanitizer (needs a nightly
# toolchain and minutes more to build); the default is libFuzzer on stable.
sanitizer="${TIDINGS_FUZZ_SANITIZER:-none}"
toolchain=()
[ "$sanitizer" = none ] || toolchain=(+nightly)

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
            # (a process substitution: `find | head` would end in SIGPIPE under pipefail)
            mapfile -t files < <(find "$seeds" -type f -size -64k | sort | head -n 200)
            for f in "${files[@]}"; do
                cp "$f" "$corpus/$(basename "$f")"
            done
            # Whole archives are too big to mutate quickly and small ones hold few pages:
            # the first 128 KiB of each archive, decompressed, give the fuzzer complete
            # records with HTML to extract (coverage ~400 -> ~10,000 edges).
            if [ "$t" = warc ]; then
                mapfile -t archives < <(find "$seeds" -type f \( -name '*.warc' -o -name '*.arc' -o -name '*.warc.gz' -o -name '*.arc.gz' \) | sort)
                for f in "${archives[@]}"; do
                    { case "$f" in *.gz) gzip -dc "$f" 2>/dev/null ;; *) cat "$f" ;; esac; } \
                        | head -c 131072 >"$corpus/head-$(basename "${f%.gz}")" || true
                done
            fi
        fi
        echo "== cargo fuzz run $t (${secs} s, sanitizer $sanitizer; log in fuzz/target/fuzz-$t.log)"
        mkdir -p fuzz/target
        log="fuzz/target/fuzz-$t.log"
        if ! (cd fuzz && cargo "${toolchain[@]}" fuzz run --sanitizer "$sanitizer" "$t" "corpus/$t" -- \
            -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=262144) >"$log" 2>&1; then
            tail -n 60 "$log"
            echo "fuzz target $t failed: the input is under fuzz/artifacts/$t/" >&2
            exit 1
        fi
        grep -E 'DONE|^Done' "$log" || tail -n 3 "$log"
    done
else
    echo "== cargo-fuzz missing: running the fuzz target bodies under a test harness (${secs} s each)"
    filter=()
    for t in "${targets[@]}"; do filter+=("${t}_target"); done
    # --workspace keeps the feature set of the main test build, so nothing is rebuilt.
    TIDINGS_FUZZ_SECS="$secs" cargo test --workspace --release --test fuzz -- --exact "${filter[@]}"
fi

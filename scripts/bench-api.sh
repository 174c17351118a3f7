#!/usr/bin/env bash
# API latency under load: a store of generated articles, `tidings serve`, and
# wrk driving a mix of searches and detail pages. Prints p50/p90/p95/p99.
#
#   scripts/bench-api.sh [ARTICLES=100000] [DB=target/bench/api.db]
#
# DB may be a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DBNAME; the
# database must exist). SYNTH=0 skips the (idempotent) synth step when the
# store is already filled.
#
# Needs wrk (Debian package `wrk`) and python3. The store is generated once
# (`tidings synth`, repeatable) and reused on later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DB=${2:-target/bench/api.db}
PORT=${PORT:-18089}
DURATION=${DURATION:-30s}
CONNS=${CONNS:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
cargo build --release -q -p tidings
BIN=target/release/tidings
case "$DB" in postgres://* | postgresql://*) ;; *) mkdir -p "$(dirname "$DB")" ;; esac
[ "${SYNTH:-1}" = 0 ] || $BIN synth --articles "$N" --db "$DB"
$BIN serve --db "$DB" --addr "127.0.0.1:$PORT" 2>/dev/null &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/stats" >/dev/null && break; sleep 0.2; done
PATHS=$(mktemp)
# The request mix: quote searches by words, speaker, dates; people search;
# entity, article and event pages. Ids come from the store itself.
python3 - "$PORT" > "$PATHS" <<'PY'
import json, sys, urllib.request
port = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}{p}"))
topics = ["sanctions", "tariffs", "grain", "pipeline", "elections", "border", "vaccines", "drought", "debt", "housing"]
people = ["Njoroge", "Berg", "Costa", "Amina Njoroge", "Tomas Varga", "Sofia Haddad", "Pavel Orlov"]
places = ["Vienna", "Nairobi", "Lisbon", "Oslo", "Cairo"]
articles = [a["id"] for a in get("/api/articles?limit=50&offset=500")["items"]]
entities = [e["id"] for e in get("/api/entities?limit=100")["items"]]
out = []
for i in range(10):
    t, p, pl = topics[i % len(topics)], people[i % len(people)], places[i % len(places)]
    q = lambda s: s.replace(" ", "%20")
    out += [f"/api/quotes?q={t}", f"/api/quotes?speaker={q(p)}", f"/api/quotes?q={t}&speaker={q(p)}",
            f"/api/quotes?q={t}&from=2025-01-01&to=2025-03-31", f"/api/quotes?q=agreement&offset=200",
            f"/api/entities?q={q(p)[:4]}", f"/api/entities/{entities[i * 7 % len(entities)]}",
            f"/api/articles/{articles[i * 3 % len(articles)]}", f"/api/articles?q={t}%20{pl}",
            f"/api/events?actor={pl}&type=ACCUSE", f"/api/events?type=CONSULT&from=2025-06-01"]
print("\n".join(out))
PY
echo "$(wc -l < "$PATHS") distinct requests; wrk -t2 -c$CONNS -d$DURATION"
wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 5s -s scripts/api-load.lua "http://127.0.0.1:$PORT" -- "$PATHS" | sed -n '/^requests:/,$p'
rm -f "$PATHS"

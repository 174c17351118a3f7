#!/usr/bin/env python3
"""Score Tidings on every gold set in ../shared/data with ../shared/eval/score.py.

    python3 scripts/eval.py                 # print the table
    python3 scripts/eval.py --write         # also write it into docs/QUALITY.md
    python3 scripts/eval.py --check         # exit 1 if a score is below its floor
    python3 scripts/eval.py --set-floors    # with --write: floors = scores - margin

The binary is target/release/tidings unless --bin names another (it is built
with `cargo build --release` when missing). Gold sets that are absent are
skipped with a message; with no ../shared at all the script skips everything
and exits 0, so the project's own tests still run on a user's machine.

Floors live in the same table in docs/QUALITY.md (last column); --write keeps
them as they are unless --set-floors is given.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIDINGS_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
SCORER = SHARED / "eval" / "score.py"
QUALITY = ROOT / "docs" / "QUALITY.md"
BEGIN, END = "<!-- eval:begin -->", "<!-- eval:end -->"

# (name, gold file, layer, extra scorer args, [(metric key, label)])
ANNOTATE_SETS = [
    ("seed", "seed/seed.gold.jsonl", "entities", [], [("f1", "NER F1")]),
    ("seed", "seed/seed.gold.jsonl", "aliases", [],
     [("link_f1", "alias link F1"), ("name_accuracy", "cluster names right")]),
    ("seed", "seed/seed.gold.jsonl", "quotes", [],
     [("f1", "quote F1"), ("speaker_accuracy", "speaker accuracy"), ("e2e_f1", "end-to-end F1")]),
    ("seed", "seed/seed.gold.jsonl", "timexes", [],
     [("relaxed_f1", "relaxed F1"), ("value_f1", "value F1")]),
    ("conll2003-dev", "ner/conll2003-dev.jsonl", "entities", [], [("f1", "NER F1")]),
    ("gum-dev", "aliases/gum-dev.jsonl", "aliases", [],
     [("link_f1", "alias link F1"), ("mentions_found", "mentions found"),
      ("name_accuracy", "cluster names right")]),
    ("polnear-train", "quotes/polnear-train.jsonl", "quotes", ["--kind", "direct"],
     [("f1", "direct F1"), ("speaker_accuracy", "direct speaker accuracy")]),
    ("polnear-train", "quotes/polnear-train.jsonl", "quotes", [],
     [("f1", "all-kinds F1"), ("e2e_f1", "all-kinds end-to-end F1")]),
    ("polnear-heldout", "quotes/polnear-train.jsonl", "quotes", [],
     [("f1", "all-kinds F1"), ("e2e_f1", "all-kinds end-to-end F1")]),
    ("polnear-attributions", "quotes/polnear-train.jsonl", "quotes", [],
     [("f1", "all-kinds F1"), ("e2e_f1", "all-kinds end-to-end F1")]),
    ("polnear-attributions-heldout", "quotes/polnear-train.jsonl", "quotes", [],
     [("f1", "all-kinds F1"), ("e2e_f1", "all-kinds end-to-end F1")]),
    ("tbaq", "time/tbaq.jsonl", "timexes", [],
     [("relaxed_f1", "relaxed F1"), ("value_f1", "value F1"), ("strict_f1", "strict F1")]),
    ("cameo-heldout", "events/cameo-train.jsonl", "events", [],
     [("macro_f1", "macro-F1"), ("accuracy", "accuracy")]),
    ("cameo-train", "events/cameo-train.jsonl", "events", [],
     [("macro_f1", "macro-F1 (training fit)")]),
]
EXTRACT_SETS = [
    ("zyte", "extract/zyte", [("shingle_f1", "shingle F1")]),
    ("trafilatura", "extract/trafilatura",
     [("snippet_f1", "snippet F1"), ("title_accuracy", "title accuracy"),
      ("date_accuracy", "date accuracy"), ("author_accuracy", "author accuracy")]),
]


def binary(path):
    if path:
        return Path(path)
    b = ROOT / "target" / "release" / "tidings"
    if not b.exists():
        subprocess.run(["cargo", "build", "--release", "--bin", "tidings"], cwd=ROOT, check=True)
    return b


def score(layer, gold, pred, extra):
    out = subprocess.run([sys.executable, str(SCORER), layer, "--gold", str(gold), "--pred", str(pred),
                          "--json"] + extra, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"score.py {layer} failed: {out.stderr.strip()}")
    text = out.stdout
    return json.loads(text[: text.rindex("}") + 1])


# Sets that are a fixed part of a gold file: the event classifier never saw
# line i of cameo-train.jsonl when i % 5 == 0 (crates/nlp/src/events/training.rs).
SUBSETS = {"cameo-heldout": lambda i: i % 5 == 0,
           # the documents `tidings train quotes` holds out
           "polnear-attributions-heldout": lambda i: i % 5 == 0,
           "polnear-heldout": lambda i: i % 5 == 0}

# annotate flags of a set (default: none)
ANNOTATE_FLAGS = {"polnear-attributions": ["--quotes", "attributions"],
                  "polnear-attributions-heldout": ["--quotes", "attributions"]}


def subset_gold(name, gold, tmp):
    """The gold file itself, or the part of it that `name` scores."""
    keep = SUBSETS.get(name)
    if keep is None:
        return gold
    dest = tmp / f"{name}.gold.jsonl"
    with open(gold, encoding="utf-8") as f, open(dest, "w", encoding="utf-8") as o:
        for i, line in enumerate(f):
            if keep(i):
                o.write(line)
    return dest


def annotate_input(gold, dest):
    """The gold file stripped to annotate's input fields."""
    with open(gold, encoding="utf-8") as f, open(dest, "w", encoding="utf-8") as o:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            rec = {"id": d["id"], "text": d["text"]}
            for k in ("published", "title"):
                if d.get(k):
                    rec[k] = d[k]
            o.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run_all(tidings, only):
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        annotated = {}
        for name, rel, layer, extra, metrics in ANNOTATE_SETS:
            if only and name not in only:
                continue
            gold = DATA / rel
            if not gold.exists():
                print(f"skip {name}: {gold} is absent", file=sys.stderr)
                continue
            gold = subset_gold(name, gold, tmp)
            if name not in annotated:
                inp, out = tmp / f"{name}.in.jsonl", tmp / f"{name}.out.jsonl"
                annotate_input(gold, inp)
                subprocess.run([str(tidings), "annotate", *ANNOTATE_FLAGS.get(name, []),
                                "--input", str(inp), "--output", str(out)],
                               check=True)
                annotated[name] = out
            res = score(layer, gold, annotated[name], extra)
            for key, label in metrics:
                rows.append((name, layer + (" " + " ".join(extra[1::2]) if extra else ""), label, res.get(key, 0.0)))
        for name, rel, metrics in EXTRACT_SETS:
            if only and name not in only:
                continue
            folder = DATA / rel
            if not folder.exists():
                print(f"skip {name}: {folder} is absent", file=sys.stderr)
                continue
            out = tmp / f"{name}.extract.jsonl"
            subprocess.run([str(tidings), "extract", str(folder / "pages"), "--output", str(out)],
                           check=False, stderr=subprocess.DEVNULL)
            res = score("extract", folder / "gold.jsonl", out, [])
            for key, label in metrics:
                rows.append((name, "extract", label, res.get(key, 0.0)))
    return rows


def read_floors():
    floors = {}
    if not QUALITY.exists():
        return floors
    text = QUALITY.read_text(encoding="utf-8")
    if BEGIN not in text:
        return floors
    table = text.split(BEGIN, 1)[1].split(END, 1)[0]
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"[0-9.]+", cells[4] or "x"):
            floors[(cells[0], cells[1], cells[2])] = float(cells[4])
    return floors


def floor_text(floor):
    """Two decimals, three where the floor has them (0.965 stays 0.965)."""
    text = f"{floor:.3f}"
    return text[:-1] if text.endswith("0") else text


def render(rows, floors):
    lines = ["| set | layer | metric | score | floor |", "|---|---|---|---|---|"]
    for name, layer, label, value in rows:
        floor = floors.get((name, layer, label))
        lines.append(f"| {name} | {layer} | {label} | {value:.3f} | "
                     f"{'' if floor is None else floor_text(floor)} |")
    return "\n".join(lines)


def write_quality(table):
    text = QUALITY.read_text(encoding="utf-8") if QUALITY.exists() else f"# Quality\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    QUALITY.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", help="the tidings binary (default target/release/tidings)")
    ap.add_argument("--only", action="append", help="only this gold set (repeatable)")
    ap.add_argument("--write", action="store_true", help="write the table into docs/QUALITY.md")
    ap.add_argument("--check", action="store_true", help="fail when a score is below its floor")
    ap.add_argument("--set-floors", action="store_true", help="floors = score - margin (with --write)")
    ap.add_argument("--margin", type=float, default=0.02)
    a = ap.parse_args()
    if not SCORER.exists():
        print(f"skipping the quality evaluation: {SHARED} (the shared gold data) is absent")
        return 0
    rows = run_all(binary(a.bin), set(a.only or []))
    if a.write and a.only:
        sys.exit("--write rewrites the whole table: run it without --only")
    floors = read_floors()
    if a.set_floors:
        floors = {(n, l, m): max(0.0, math.floor((v - a.margin) * 100) / 100) for n, l, m, v in rows}
    table = render(rows, floors)
    print(table)
    if a.write:
        write_quality(table)
    if a.check:
        low = [(n, l, m, v, floors[(n, l, m)]) for n, l, m, v in rows
               if (n, l, m) in floors and v + 1e-9 < floors[(n, l, m)]]
        for n, l, m, v, f in low:
            print(f"BELOW FLOOR: {n} {l} {m}: {v:.3f} < {f:.2f}", file=sys.stderr)
        missing = [k for k in floors if not any(k == (n, l, m) for n, l, m, _ in rows)]
        if missing and not a.only:
            print(f"note: {len(missing)} floor(s) had no score this run: {missing}", file=sys.stderr)
        if low:
            return 1
        print(f"all {len(rows)} scores at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Articles per second per core through the Spark job (tidings.spark) in local mode.

Generates N articles (python/tests/news.py), writes them as JSONL texts, as a
Parquet table of HTML pages, or as WARC files of those pages (gzip, one member
per record), and times `tidings.spark.run` (read; for WARC, parse with the
wheel's Rust reader; extract when HTML; annotate in mapInArrow; write the seven
tables of the export schema plus errors, merging entities and aliases) after a
warm-up run on a small sample. Run with the venv that scripts/python_test.sh
makes:

    target/python-venv/bin/python scripts/bench_spark.py --articles 10000 --cores 2 --format jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python" / "tests"))

import news  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--format", choices=("jsonl", "html", "warc"), default="jsonl")
    args = ap.parse_args()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession

    import tidings
    from tidings import spark as job

    work = pathlib.Path(tempfile.mkdtemp(prefix="tidings-bench-"))

    def make_input(n: int, name: str) -> str:
        if args.format == "jsonl":
            path = work / f"{name}.jsonl"
            with open(path, "w", encoding="utf-8") as f:
                for i in range(n):
                    f.write(json.dumps(news.article(i)) + "\n")
        elif args.format == "html":
            path = work / f"{name}.parquet"
            pq.write_table(pa.Table.from_pylist([news.page(i) for i in range(n)]), str(path))
        else:
            path = work / name
            path.mkdir()
            per_file = max(1, -(-n // (2 * args.cores)))
            for k, first in enumerate(range(0, n, per_file)):
                pages = [news.page(i) for i in range(first, min(n, first + per_file))]
                (path / f"part-{k:03d}.warc.gz").write_bytes(news.warc(pages))
        return str(path)

    source = make_input(args.articles, "input")
    sample = make_input(200, "sample")
    words = sum(len(news.article(i)["text"].split()) for i in range(min(args.articles, 1000)))
    spark = (SparkSession.builder.master(f"local[{args.cores}]").appName("tidings-bench")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", "4g")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        job.run(spark, sample, args.format, str(work / "warmup"), partitions=args.cores)
        start = time.perf_counter()
        job.run(spark, source, args.format, str(work / "out"), partitions=args.cores)
        elapsed = time.perf_counter() - start
    finally:
        spark.stop()
    rows = pq.read_table(str(work / "out" / "articles"), columns=["id"]).num_rows
    assert rows == args.articles, (rows, args.articles)
    rate = args.articles / elapsed
    print(json.dumps({
        "articles": args.articles, "format": args.format, "cores": args.cores,
        "mean_words": round(words / min(args.articles, 1000)), "seconds": round(elapsed, 2),
        "articles_per_s": round(rate, 1), "articles_per_s_per_core": round(rate / args.cores, 1),
        "tables": list(tidings.TABLES),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

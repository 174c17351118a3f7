"""Tidings on Apache Spark: news archives in, one Parquet table per layer out.

Inputs (``--format``):

``jsonl``
    JSON Lines of ``annotate`` records: ``text`` and optionally ``id``,
    ``published``, ``title``, ``url``, ``site``, ``language``, ``authors``.
``html``
    A Parquet table of pages: ``html`` (binary or string) and optionally
    ``id``, ``url``, ``path``. Pages are extracted, then annotated.
``warc``
    WARC files (``.warc``, ``.warc.gz``; a folder is searched recursively).
    Each response with status 200 and an HTML media type is a page, its id
    the ``WARC-Record-ID``, its url the ``WARC-Target-URI`` and its path
    ``FILE#OFFSET``. Files are read whole by Spark's ``binaryFile`` source (so
    they work on any Hadoop file system: HDFS, S3, GCS) and parsed on the
    executors by the wheel's Rust WARC reader (``tidings.read_warc``); a file
    must stay under 2 GiB, and one file is one task until ``--partitions``
    spreads its pages out.

Output: ``OUTPUT/{articles,entities,aliases,mentions,quotes,timexes,events}``,
Parquet, in the one schema that ``tidings export --format parquet`` writes,
so that ``tidings load OUTPUT --db ...`` stores it (see ``tidings.TABLES``):
typed columns, offsets in code points into ``articles.text``, batch ids (an
article's id is a hash of its content hash, an entity's a hash of its key;
rows of the other tables are numbered within their article). Entities and
aliases are merged across articles here, repeated articles (same text) are
kept once, and ``OUTPUT/errors`` lists the pages or texts that failed.

How: every Arrow batch of input goes through ``mapInArrow`` to the wheel's
``extract_batch`` and ``annotate_tables``, which run on the task's cores with
the GIL released. One pass yields all tables as one DataFrame whose rows
carry a ``layer`` name and that table's columns in a struct; it is persisted,
and each table is written from it. Executors need the ``tidings`` wheel (and
``pyarrow``) in their Python: see docs/PYTHON.md.

Run: ``spark-submit python/tidings_spark/job.py --format warc IN OUT`` or
``python -m tidings.spark ...``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator, List, Optional

import pyarrow as pa

import tidings

#: Spark's schema for pages (the ``html`` input and the WARC reader's output).
PAGE_SCHEMA = pa.schema([
    pa.field("id", pa.string()),
    pa.field("url", pa.string()),
    pa.field("path", pa.string()),
    pa.field("html", pa.binary()),
    pa.field("charset", pa.string()),
])

#: The tables the job writes: ``tidings.TABLES``, then ``errors``.
OUTPUT_TABLES = tuple(tidings.TABLES) + ("errors",)

# Pages per Arrow batch handed on by the WARC reader.
_WARC_BATCH = 1000


def layer_schema() -> pa.Schema:
    """The Arrow schema of the one-pass result: ``layer``, then one struct
    column per output table (null in rows of the other tables)."""
    empty = tidings.annotate_tables(pa.table({"text": pa.array([], pa.string())}),
                                    ingested_at="1970-01-01T00:00:00Z")
    fields = [pa.field("layer", pa.string(), nullable=False)]
    fields += [pa.field(name, pa.struct(list(empty[name].schema)), nullable=True)
               for name in OUTPUT_TABLES]
    return pa.schema(fields)


def _now() -> str:
    import datetime

    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _spark_schema(schema: pa.Schema):
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def _limit_threads(task_cpus: int) -> None:
    # The engine's thread pool starts on first use in each Python worker;
    # keep it to the cores Spark gave the task.
    os.environ.setdefault("RAYON_NUM_THREADS", str(task_cpus))


def _layer_batches(tables, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The tables of one batch as rows of the one-pass schema."""
    for name in OUTPUT_TABLES:
        table = tables[name]
        n = table.num_rows
        if n == 0:
            continue
        rows = table.combine_chunks()
        struct = pa.StructArray.from_arrays(
            [rows.column(i).chunk(0) for i in range(rows.num_columns)],
            fields=list(rows.schema))
        columns = [pa.array([name] * n, pa.string())]
        for other in OUTPUT_TABLES:
            if other == name:
                columns.append(struct)
            else:
                columns.append(pa.nulls(n, type=schema.field(other).type))
        yield pa.RecordBatch.from_arrays(columns, schema=schema)


def _annotate_texts_fn(schema: pa.Schema, task_cpus: int, ingested_at: str):
    def annotate_texts(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        _limit_threads(task_cpus)
        for batch in batches:
            yield from _layer_batches(tidings.annotate_tables(batch, ingested_at), schema)
    return annotate_texts


def _annotate_pages_fn(schema: pa.Schema, task_cpus: int, ingested_at: str):
    def annotate_pages(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        _limit_threads(task_cpus)
        for batch in batches:
            articles = tidings.extract_batch(batch)
            yield from _layer_batches(tidings.annotate_tables(articles, ingested_at), schema)
    return annotate_pages


def _warc_pages(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """``binaryFile`` rows (``path``, ``content``) to page rows, parsed by the
    wheel's Rust WARC reader."""
    for batch in batches:
        paths = batch.column("path").to_pylist()
        contents = batch.column("content")
        for i, path in enumerate(paths):
            data = contents[i].as_py()
            for pages in tidings.read_warc(data, name=path, batch_rows=_WARC_BATCH):
                yield pages.select(PAGE_SCHEMA.names).cast(PAGE_SCHEMA)


def _task_cpus(spark) -> int:
    return int(spark.conf.get("spark.task.cpus", "1"))


def annotate_texts(df, ingested_at: Optional[str] = None):
    """One-pass table rows for a DataFrame of texts (``annotate`` columns)."""
    schema = layer_schema()
    keep = [c for c in df.columns if c in (
        "id", "text", "title", "published", "url", "site", "language", "authors", "path")]
    df = df.select(*[df[c].cast("string") if c not in ("authors",) else df[c] for c in keep])
    fn = _annotate_texts_fn(schema, _task_cpus(df.sparkSession), ingested_at or _now())
    return df.mapInArrow(fn, _spark_schema(schema))


def annotate_pages(df, ingested_at: Optional[str] = None):
    """One-pass table rows for a DataFrame of pages (``html``, and
    optionally ``id``, ``url``, ``path``, ``charset``)."""
    schema = layer_schema()
    keep = [c for c in df.columns if c in ("id", "url", "path", "html", "charset")]
    df = df.select(*[df[c].cast("binary" if c == "html" else "string") for c in keep])
    fn = _annotate_pages_fn(schema, _task_cpus(df.sparkSession), ingested_at or _now())
    return df.mapInArrow(fn, _spark_schema(schema))


def read_warc(spark, path: str):
    """A DataFrame of pages from the WARC files at ``path``."""
    files = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .option("pathGlobFilter", "*.warc*")
             .load(path)
             .select("path", "content"))
    return files.mapInArrow(_warc_pages, _spark_schema(PAGE_SCHEMA))


def _final(name: str, rows):
    """One table's rows as written: repeated articles kept once, entities and
    aliases summed across articles (the longest name wins, as in the store)."""
    from pyspark.sql import functions as F

    if name == "articles":
        return rows.dropDuplicates(["id"])
    if name == "entities":
        longest = F.max(F.struct(F.length("name").alias("n"), F.col("name").alias("name")))
        return (rows.dropDuplicates(["article", "id"]).groupBy("id")
                .agg(F.max("key").alias("key"), longest.getField("name").alias("name"),
                     F.max("type").alias("type"), F.max("subtype").alias("subtype"),
                     F.sum("mentions").alias("mentions"), F.count(F.lit(1)).alias("articles"))
                .select("id", "key", "name", "type", "subtype", "mentions", "articles"))
    if name == "aliases":
        return (rows.dropDuplicates(["article", "entity", "alias"])
                .groupBy("entity", "alias").agg(F.count(F.lit(1)).alias("count"))
                .select("entity", "alias", "count"))
    if name == "errors":
        return rows
    return rows.dropDuplicates(["article", "id"])


def write_layers(layers, output: str, mode: str = "overwrite") -> None:
    """Write each table of a one-pass result to ``output/TABLE`` as Parquet."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    spark = layers.sparkSession
    # Timestamps as INT64 microseconds (not legacy INT96), for every reader.
    spark.conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
    layers = layers.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for name in OUTPUT_TABLES:
            rows = layers.where(F.col("layer") == name).select(f"{name}.*")
            (_final(name, rows)
             .write.mode(mode).parquet(f"{output.rstrip('/')}/{name}"))
    finally:
        layers.unpersist()


def run(spark, input_path: str, fmt: str, output: str, *,
        partitions: Optional[int] = None, mode: str = "overwrite") -> None:
    """Read ``input_path`` in format ``fmt``, annotate, write ``output``."""
    if fmt == "jsonl":
        texts = spark.read.json(input_path)
        if partitions:
            texts = texts.repartition(partitions)
        layers = annotate_texts(texts)
    elif fmt in ("html", "warc"):
        pages = spark.read.parquet(input_path) if fmt == "html" else read_warc(spark, input_path)
        if partitions:
            pages = pages.repartition(partitions)
        layers = annotate_pages(pages)
    else:
        raise ValueError(f"unknown input format {fmt!r}: jsonl, html or warc")
    write_layers(layers, output, mode)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tidings-spark",
        description="Annotate news on Spark: WARC, HTML tables or JSONL texts "
                    "in, one Parquet table per layer out (load it with `tidings load`).")
    parser.add_argument("input", help="input path (file, folder or glob; any Hadoop file system)")
    parser.add_argument("output", help="output folder: one Parquet folder per table")
    parser.add_argument("--format", choices=("warc", "html", "jsonl"), default="warc",
                        help="input format (default: warc)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="spread the input over this many tasks first")
    parser.add_argument("--mode", default="overwrite",
                        help="Spark save mode for the output (default: overwrite)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("tidings").getOrCreate()
    try:
        run(spark, args.input, args.format, args.output,
            partitions=args.partitions, mode=args.mode)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

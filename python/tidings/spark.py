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
    Each ``response`` record with an HTML content type is a page, its id the
    ``WARC-Record-ID``, its url the ``WARC-Target-URI`` and its path
    ``FILE#OFFSET``. Files are read whole by Spark's ``binaryFile`` source (so
    they work on any Hadoop file system: HDFS, S3, GCS) and parsed with
    ``warcio`` on the executors; a file must stay under 2 GiB, and one file is
    one task until ``--partitions`` spreads its pages out.

Output: ``OUTPUT/{articles,entities,mentions,quotes,timexes,events}``, Parquet,
with the columns of ``tidings.annotate_batch`` (each row has its ``doc_id``;
offsets are code points into ``articles.text``). A page or text that failed
has its ``articles`` row with ``error`` set.

How: every Arrow batch of input goes through ``mapInArrow`` to the wheel's
``extract_batch`` and ``annotate_batch``, which run on the task's cores with
the GIL released. One pass yields all six tables as one DataFrame whose rows
carry a ``layer`` name and that layer's columns in a struct; it is persisted,
and each layer is written from it. Executors need the ``tidings`` wheel (and
``pyarrow``, ``warcio``) in their Python: see docs/PYTHON.md.

Run: ``spark-submit python/tidings_spark/job.py --format warc IN OUT`` or
``python -m tidings.spark ...``.
"""

from __future__ import annotations

import argparse
import io
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
])

# Pages per Arrow batch handed on by the WARC reader.
_WARC_BATCH = 1000


def layer_schema() -> pa.Schema:
    """The Arrow schema of the one-pass result: ``layer``, then one struct
    column per layer table (null in rows of the other layers)."""
    empty = tidings.annotate_batch(pa.table({"text": pa.array([], pa.string())}))
    fields = [pa.field("layer", pa.string(), nullable=False)]
    fields += [pa.field(name, pa.struct(list(empty[name].schema)), nullable=True)
               for name in tidings.LAYERS]
    return pa.schema(fields)


def _spark_schema(schema: pa.Schema):
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def _limit_threads(task_cpus: int) -> None:
    # The engine's thread pool starts on first use in each Python worker;
    # keep it to the cores Spark gave the task.
    os.environ.setdefault("RAYON_NUM_THREADS", str(task_cpus))


def _layer_batches(tables, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The layer tables of one batch as rows of the one-pass schema."""
    for name in tidings.LAYERS:
        table = tables[name]
        n = table.num_rows
        if n == 0:
            continue
        rows = table.combine_chunks()
        struct = pa.StructArray.from_arrays(
            [rows.column(i).chunk(0) for i in range(rows.num_columns)],
            fields=list(rows.schema))
        columns = [pa.array([name] * n, pa.string())]
        for other in tidings.LAYERS:
            if other == name:
                columns.append(struct)
            else:
                columns.append(pa.nulls(n, type=schema.field(other).type))
        yield pa.RecordBatch.from_arrays(columns, schema=schema)


def _annotate_texts_fn(schema: pa.Schema, task_cpus: int):
    def annotate_texts(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        _limit_threads(task_cpus)
        for batch in batches:
            yield from _layer_batches(tidings.annotate_batch(batch), schema)
    return annotate_texts


def _annotate_pages_fn(schema: pa.Schema, task_cpus: int):
    def annotate_pages(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        _limit_threads(task_cpus)
        for batch in batches:
            articles = tidings.extract_batch(batch)
            yield from _layer_batches(tidings.annotate_batch(articles), schema)
    return annotate_pages


def _warc_pages(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """``binaryFile`` rows (``path``, ``content``) to page rows."""
    from warcio.archiveiterator import ArchiveIterator

    for batch in batches:
        paths = batch.column("path").to_pylist()
        contents = batch.column("content")
        for i, path in enumerate(paths):
            pages: List[dict] = []
            records = ArchiveIterator(io.BytesIO(contents[i].as_py()))
            for record in records:
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type", "")
                         if record.http_headers else "")
                if "html" not in ctype.lower():
                    continue
                html = record.content_stream().read()
                pages.append({
                    "id": record.rec_headers.get_header("WARC-Record-ID"),
                    "url": record.rec_headers.get_header("WARC-Target-URI"),
                    "path": f"{path}#{records.get_record_offset()}",
                    "html": html,
                })
                if len(pages) >= _WARC_BATCH:
                    yield pa.RecordBatch.from_pylist(pages, schema=PAGE_SCHEMA)
                    pages = []
            if pages:
                yield pa.RecordBatch.from_pylist(pages, schema=PAGE_SCHEMA)


def _task_cpus(spark) -> int:
    return int(spark.conf.get("spark.task.cpus", "1"))


def annotate_texts(df):
    """One-pass layer rows for a DataFrame of texts (``annotate`` columns)."""
    schema = layer_schema()
    keep = [c for c in df.columns if c in (
        "id", "text", "title", "published", "url", "site", "language", "authors")]
    df = df.select(*[df[c].cast("string") if c not in ("authors",) else df[c] for c in keep])
    return df.mapInArrow(_annotate_texts_fn(schema, _task_cpus(df.sparkSession)),
                         _spark_schema(schema))


def annotate_pages(df):
    """One-pass layer rows for a DataFrame of pages (``html``, ``id``?, ``url``?, ``path``?)."""
    schema = layer_schema()
    keep = [c for c in df.columns if c in ("id", "url", "path", "html")]
    df = df.select(*[df[c].cast("binary" if c == "html" else "string") for c in keep])
    return df.mapInArrow(_annotate_pages_fn(schema, _task_cpus(df.sparkSession)),
                         _spark_schema(schema))


def read_warc(spark, path: str):
    """A DataFrame of pages from the WARC files at ``path``."""
    files = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .option("pathGlobFilter", "*.warc*")
             .load(path)
             .select("path", "content"))
    return files.mapInArrow(_warc_pages, _spark_schema(PAGE_SCHEMA))


def write_layers(layers, output: str, mode: str = "overwrite") -> None:
    """Write each layer of a one-pass result to ``output/LAYER`` as Parquet."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    layers = layers.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for name in tidings.LAYERS:
            (layers.where(F.col("layer") == name)
             .select(f"{name}.*")
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
                    "in, one Parquet table per layer out.")
    parser.add_argument("input", help="input path (file, folder or glob; any Hadoop file system)")
    parser.add_argument("output", help="output folder: one Parquet folder per layer")
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

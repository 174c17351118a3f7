"""Tidings: who said what, to whom, when and where, from the news.

The Rust engine of the ``tidings`` command line, as a Python package.

One record at a time, as dicts shaped exactly like the CLI's JSON lines
(offsets are Unicode code points, so ``text[start:end]`` is the span)::

    import tidings
    doc = tidings.annotate("“We will rebuild,” the mayor said on Friday.",
                           published="2025-03-28", id="a1")
    doc["quotes"], doc["timexes"]
    page = tidings.extract(open("page.html", "rb").read(), url="https://…")

Many at once, on every core, as Arrow tables (needs ``pyarrow``)::

    tables = tidings.annotate_batch(pa.table({"id": [...], "text": [...]}))
    tables["entities"].to_pandas()
    articles = tidings.extract_batch(pa.table({"id": [...], "html": [...]}))
    tables = tidings.annotate_batch(articles)   # extract's output is annotate's input

``annotate_batch`` returns one table per layer (see ``LAYERS``), each row
carrying its ``doc_id``. A record that fails does not fail the batch: its
``articles`` row has ``error`` set. The GIL is released while the engine runs.

For bulk work, ``annotate_tables`` returns the tables of the one schema that
``tidings export --format parquet`` writes and ``tidings load`` reads (see
``TABLES``), and ``read_warc`` yields the HTML pages of a WARC file, read by
the Rust WARC reader, as Arrow batches for ``extract_batch``::

    for pages in tidings.read_warc("CC-NEWS-20240801.warc.gz"):
        tables = tidings.annotate_tables(tidings.extract_batch(pages))
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, Optional, Sequence, Union

from . import _native

__all__ = ["LAYERS", "TABLES", "annotate", "annotate_batch", "annotate_tables",
           "extract", "extract_batch", "read_warc"]

#: The tables ``annotate_batch`` returns, in order.
LAYERS = tuple(_native.LAYERS)

#: The tables of the one schema of ``tidings export --format parquet``, the
#: Spark job and ``tidings load``, in order (``annotate_tables`` adds
#: ``errors``).
TABLES = tuple(t for t in _native.BULK_TABLES if t != "errors")

# Columns each batch call reads, and their Arrow types (others are dropped).
_TEXT_COLUMNS = ("id", "text", "title", "published", "url", "site", "language",
                 "page_type", "path", "error")
_PAGE_COLUMNS = ("id", "url", "path", "charset")


def annotate(
    text: str,
    published: Optional[str] = None,
    title: Optional[str] = None,
    id: Union[str, int, None] = None,
    *,
    url: Optional[str] = None,
    site: Optional[str] = None,
    authors: Optional[Sequence[str]] = None,
    language: Optional[str] = None,
) -> Dict[str, Any]:
    """Annotate one article: entities, quotes, time expressions and events.

    Returns the dict ``tidings annotate`` writes as a JSON line for the
    record ``{"id", "text", "published", "title", ...}``. ``published`` (an
    ISO date or date-time) anchors relative dates like "on Friday"; a value
    that is not one raises ``ValueError``.
    """
    record: Dict[str, Any] = {"id": "" if id is None else id, "text": text}
    for key, value in (("published", published), ("title", title), ("url", url),
                       ("site", site), ("language", language)):
        if value is not None:
            record[key] = value
    if authors is not None:
        record["authors"] = list(authors)
    return json.loads(_native.annotate_json(json.dumps(record)))


def extract(html: Union[str, bytes], url: Optional[str] = None,
            id: Optional[str] = None) -> Dict[str, Any]:
    """Extract the article from one web page (HTML as ``str`` or ``bytes``).

    Returns the dict ``tidings extract`` writes: ``id``, ``path``, ``title``,
    ``authors``, ``published``, ``site``, ``language``, ``url``,
    ``page_type`` and ``text`` (paragraphs split by blank lines). An empty
    page raises ``ValueError``.
    """
    if isinstance(html, str):
        html = html.encode("utf-8")
    return json.loads(_native.extract_json(bytes(html), url=url, id=id))


def annotate_batch(data: Any) -> Dict[str, "pyarrow.Table"]:  # noqa: F821
    """Annotate many articles on every core; one pyarrow table per layer.

    ``data`` is a ``pyarrow.Table`` or ``RecordBatch`` (or anything
    ``pyarrow.table`` takes: a dict of columns, a pandas DataFrame, a list of
    dicts) with a ``text`` column and optionally ``id``, ``title``,
    ``published``, ``url``, ``site``, ``language``, ``authors``; ``page_type``,
    ``path`` and ``error`` pass through to ``articles``. A missing ``id``
    becomes the row number. Returns ``{"articles": …, "entities": …,
    "mentions": …, "quotes": …, "timexes": …, "events": …}``.
    """
    import pyarrow as pa

    table = _conform(_as_table(data), _TEXT_COLUMNS, {"authors": pa.list_(pa.string())})
    out = _native.annotate_ipc(_to_ipc(table))
    return {name: _from_ipc(stream) for name, stream in out}


def extract_batch(data: Any) -> "pyarrow.Table":  # noqa: F821
    """Extract the article of many pages on every core; one pyarrow table.

    ``data`` has an ``html`` column (binary or string) and optionally ``id``,
    ``url``, ``path`` (where the page came from) and ``charset`` (the one the
    transport declared, used when the page declares none). The result has the
    fields of ``extract`` plus ``error``, and can be passed to
    ``annotate_batch`` as it is.
    """
    import pyarrow as pa

    table = _conform(_as_table(data), _PAGE_COLUMNS, {"html": pa.binary()})
    return _from_ipc(_native.extract_ipc(_to_ipc(table)))


def annotate_tables(data: Any, ingested_at: Optional[str] = None
                    ) -> Dict[str, "pyarrow.Table"]:  # noqa: F821
    """Annotate many articles into the tables of the one schema (``TABLES``).

    Takes what ``annotate_batch`` takes. Returns ``articles``, ``entities``,
    ``aliases``, ``mentions``, ``quotes``, ``timexes``, ``events`` with the
    columns and types of ``tidings export --format parquet`` (code point
    offsets; batch ids: an article's id is a hash of its content hash, an
    entity's a hash of its key, other rows are numbered within their
    article), plus ``errors`` (``doc_id``, ``url``, ``path``, ``error``) for
    records that failed. ``entities`` and ``aliases`` rows are per article,
    led by an ``article`` column: sum them per entity to merge articles, as
    ``tidings.spark`` does. ``ingested_at`` (RFC 3339, default now) stamps
    the articles; ``path`` becomes ``articles.source``.
    """
    import datetime

    import pyarrow as pa

    if ingested_at is None:
        now = datetime.datetime.now(datetime.timezone.utc)
        ingested_at = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    table = _conform(_as_table(data), _TEXT_COLUMNS, {"authors": pa.list_(pa.string())})
    out = _native.bulk_ipc(_to_ipc(table), ingested_at)
    return {name: _from_ipc(stream) for name, stream in out}


def read_warc(source: Union[str, "os.PathLike", bytes], *,  # noqa: F821
              name: Optional[str] = None, batch_rows: int = 1000
              ) -> Iterator["pyarrow.RecordBatch"]:  # noqa: F821
    """The HTML pages of a WARC file, as pyarrow record batches.

    ``source`` is a path (read streaming) or the file's bytes (``name`` then
    stands for it in ``path``); plain and gzip files both read. Each row is
    a response with status 200 and an HTML (or no) media type, or an HTML
    resource record: ``id`` (``WARC-Record-ID``), ``url``
    (``WARC-Target-URI``), ``path`` (``FILE#OFFSET``, the offset in the
    decompressed stream), ``html`` (the payload, de-chunked) and ``charset``
    (from the HTTP header). The columns are ``extract_batch``'s input.
    Records that cannot be parsed are skipped.
    """
    import pyarrow as pa

    for stream in _native.WarcPages(source, name, batch_rows):
        for batch in pa.ipc.open_stream(stream):
            yield batch


def _as_table(data: Any) -> "pyarrow.Table":  # noqa: F821
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    if isinstance(data, list):
        return pa.Table.from_pylist(data)
    return pa.table(data)


def _conform(table: "pyarrow.Table", strings: Sequence[str],  # noqa: F821
             others: Dict[str, "pyarrow.DataType"]) -> "pyarrow.Table":  # noqa: F821
    """Keep the columns the engine reads, cast to the types it reads."""
    import pyarrow as pa

    wanted = {name: pa.string() for name in strings}
    wanted.update(others)
    names, columns = [], []
    for name in table.column_names:
        if name in wanted:
            column = table.column(name)
            if column.type != wanted[name]:
                column = column.cast(wanted[name])
            names.append(name)
            columns.append(column)
    return pa.Table.from_arrays(columns, names=names) if names else table.select([])


def _to_ipc(table: "pyarrow.Table") -> bytes:  # noqa: F821
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _from_ipc(stream: bytes) -> "pyarrow.Table":  # noqa: F821
    import pyarrow as pa

    return pa.ipc.open_stream(stream).read_all()

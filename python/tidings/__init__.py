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
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Sequence, Union

from . import _native

__all__ = ["LAYERS", "annotate", "annotate_batch", "extract", "extract_batch"]

#: The tables ``annotate_batch`` returns, in order.
LAYERS = tuple(_native.LAYERS)

# Columns each batch call reads, and their Arrow types (others are dropped).
_TEXT_COLUMNS = ("id", "text", "title", "published", "url", "site", "language",
                 "page_type", "path", "error")
_PAGE_COLUMNS = ("id", "url", "path")


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
    ``url`` and ``path`` (where the page came from). The result has the
    fields of ``extract`` plus ``error``, and can be passed to
    ``annotate_batch`` as it is.
    """
    import pyarrow as pa

    table = _conform(_as_table(data), _PAGE_COLUMNS, {"html": pa.binary()})
    return _from_ipc(_native.extract_ipc(_to_ipc(table)))


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

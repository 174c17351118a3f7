"""The one schema of bulk tables: `tidings.annotate_tables`, `tidings.read_warc`
(the Rust WARC reader), and `tidings export --format parquet` read as they are
by pyarrow, pandas, Polars and DuckDB."""

from __future__ import annotations

import datetime
import json
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import news
import tidings


def test_read_warc_yields_the_html_pages_of_a_file_or_bytes(tmp_path):
    pages = [news.page(i) for i in range(7)]
    path = tmp_path / "a.warc.gz"
    path.write_bytes(news.warc(pages))
    batches = list(tidings.read_warc(path, batch_rows=3))
    assert [b.num_rows for b in batches] == [3, 3, 1]
    table = pa.Table.from_batches(batches)
    assert table.column_names == ["id", "url", "path", "html", "charset"]
    assert table.column("url").to_pylist() == [p["url"] for p in pages]
    assert table.column("html").to_pylist()[2] == pages[2]["html"].encode("utf-8")
    assert all(p.startswith(f"{path}#") for p in table.column("path").to_pylist())
    assert set(table.column("charset").to_pylist()) == {"utf-8"}

    plain = news.warc(pages, compress=False)
    from_bytes = pa.Table.from_batches(list(tidings.read_warc(plain, name="mem.warc")))
    assert from_bytes.column("id").to_pylist() == table.column("id").to_pylist()
    assert from_bytes.column("path").to_pylist()[0] == "mem.warc#0"


def test_read_warc_feeds_extract_batch():
    pages = [news.page(i) for i in range(3)]
    batch = next(iter(tidings.read_warc(news.warc(pages))))
    articles = tidings.extract_batch(batch)
    assert articles.column("text").to_pylist() == [news.article(i)["text"] for i in range(3)]
    assert articles.column("error").null_count == 3


def test_a_missing_warc_file_is_a_value_error(tmp_path):
    with pytest.raises(ValueError):
        list(tidings.read_warc(tmp_path / "none.warc"))


def test_annotate_tables_gives_the_one_schema(articles):
    out = tidings.annotate_tables(articles[:4] + [{"id": "bad", "text": None}],
                                  ingested_at="2026-01-02T03:04:05Z")
    assert tuple(out) == tidings.TABLES + ("errors",)
    arts = out["articles"]
    assert arts.num_rows == 4
    assert arts.schema.field("ingested_at").type == pa.timestamp("us", tz="UTC")
    assert arts.schema.field("authors").type == pa.list_(pa.string())
    assert out["quotes"].schema.field("published").type == pa.date32()
    assert out["errors"].column("doc_id").to_pylist() == ["bad"]
    text = {r["id"]: r["text"] for r in arts.to_pylist()}
    for q in out["quotes"].to_pylist():
        assert text[q["article"]][q["start"]:q["end"]] == q["text"]
    # Entity rows are per article until merged.
    assert out["entities"].column_names[0] == "article"


@pytest.fixture(scope="module")
def export(cli, tmp_path_factory):
    """A store ingested from generated articles, exported as Parquet."""
    tmp = tmp_path_factory.mktemp("export")
    source = tmp / "texts.jsonl"
    source.write_text("".join(json.dumps(news.article(i)) + "\n" for i in range(12)),
                      encoding="utf-8")
    db = tmp / "t.db"
    subprocess.run([str(cli), "ingest", str(source), "--db", str(db)], check=True,
                   capture_output=True)
    out = tmp / "parquet"
    subprocess.run([str(cli), "export", "--format", "parquet", "--out", str(out),
                    "--db", str(db)], check=True, capture_output=True)
    return out


def test_export_reads_in_pyarrow_and_pandas_with_types(export):
    for table in tidings.TABLES:
        assert (export / f"{table}.parquet").is_file()
    arts = pq.read_table(export / "articles.parquet")
    assert arts.num_rows == 12
    # The export's schema is the Spark job's and annotate_tables'.
    empty = tidings.annotate_tables(pa.table({"text": pa.array([], pa.string())}))
    for table in ("articles", "mentions", "quotes", "timexes", "events"):
        assert pq.read_schema(export / f"{table}.parquet").names == empty[table].schema.names
        got = pq.read_schema(export / f"{table}.parquet")
        assert [f.type for f in got] == [f.type for f in empty[table].schema], table

    import pandas as pd

    df = pd.read_parquet(export / "quotes.parquet")
    assert str(df["id"].dtype) == "int64" and str(df["start"].dtype) == "int64"
    assert isinstance(df["published"].dropna().iloc[0], datetime.date)
    a = pd.read_parquet(export / "articles.parquet")
    assert str(a["ingested_at"].dtype).startswith("datetime64")
    assert list(a["authors"].iloc[0]) == []
    ev = pd.read_parquet(export / "events.parquet")
    assert ev["date_from_publication"].dtype == bool


def test_export_reads_in_polars(export):
    pl = pytest.importorskip("polars", reason="polars is not installed")
    q = pl.read_parquet(export / "quotes.parquet")
    assert q.schema["start"] == pl.Int64 and q.schema["published"] == pl.Date
    a = pl.read_parquet(export / "articles.parquet")
    joined = q.join(a.select(["id", "title"]), left_on="article", right_on="id")
    assert joined.height == q.height > 0


def test_export_reads_in_duckdb(export):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    con = duckdb.connect()
    quotes, entities, articles = (str(export / f"{t}.parquet")
                                  for t in ("quotes", "entities", "articles"))
    n, speakers = con.execute(
        f"""SELECT count(*), count(DISTINCT e.name)
            FROM '{quotes}' q LEFT JOIN '{entities}' e ON e.id = q.speaker_entity""").fetchone()
    assert n > 0 and speakers > 0
    kinds = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM '{articles}'").fetchall()}
    assert kinds["id"] == "BIGINT" and kinds["ingested_at"].startswith("TIMESTAMP")
    assert kinds["authors"] == "VARCHAR[]"

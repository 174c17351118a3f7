"""The Spark job in local mode: JSONL texts, a table of HTML, and WARC files in,
one Parquet table per layer out in the schema of `tidings export --format
parquet`, agreeing with `tidings.annotate`, and loadable by `tidings load`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import news
import tidings

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java is missing: the Spark tests need Java 17", allow_module_level=True)
pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")

from tidings import spark as job  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("tidings-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g")
               .getOrCreate())
    yield session
    session.stop()


def _read(out, table):
    return pq.read_table(str(out / table)).to_pylist()


def _check_tables(out, expected_ids):
    for table in job.OUTPUT_TABLES:
        assert (out / table).is_dir(), f"no {table} table"
    articles = {r["doc_id"]: r for r in _read(out, "articles")}
    assert sorted(articles) == sorted(expected_ids)
    return articles


def _by_article(out, table, article_id):
    return [r for r in _read(out, table) if r["article"] == article_id]


def test_jsonl_texts(spark, tmp_path):
    docs = [news.article(i) for i in range(20)]
    # One text twice: kept once.
    docs_in = docs + [dict(docs[0], id="again")]
    source = tmp_path / "texts.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs_in), encoding="utf-8")
    out = tmp_path / "out"
    job.run(spark, str(source), "jsonl", str(out), partitions=2)
    for table in tidings.TABLES:
        got = pq.read_table(str(out / table)).schema
        want = pa.schema(list(tidings.annotate_tables(
            pa.table({"text": pa.array([], pa.string())}))[table].schema))
        want_names = [n for n in want.names if not (n == "article" and table in (
            "entities", "aliases"))]
        assert got.names == want_names, table
    rows = _read(out, "articles")
    assert len(rows) == len(docs)
    articles = {r["content_hash"]: r for r in rows}
    for d in docs:
        single = tidings.annotate(d["text"], published=d["published"], title=d["title"], id=d["id"])
        row = next(r for r in articles.values() if r["text"] == d["text"])
        assert row["title"] == d["title"]
        for table, layer in (("quotes", "quotes"), ("timexes", "timexes"), ("events", "events")):
            got = _by_article(out, table, row["id"])
            assert len(got) == len(single[layer]), table
            for r in got:
                assert d["text"][r["start"]:r["end"]] == r["text"]
        mentions = _by_article(out, "mentions", row["id"])
        assert len(mentions) == sum(len(e["mentions"]) for e in single["entities"])
    entities = _read(out, "entities")
    assert len({e["id"] for e in entities}) == len(entities)
    assert sum(e["mentions"] for e in entities) == len(_read(out, "mentions"))
    assert _read(out, "errors") == []


def test_table_of_html(spark, tmp_path):
    pages = [news.page(i) for i in range(8)]
    source = tmp_path / "pages.parquet"
    pq.write_table(pa.Table.from_pylist(pages), str(source))
    out = tmp_path / "out"
    job.run(spark, str(source), "html", str(out))
    articles = _check_tables(out, [p["id"] for p in pages])
    row = articles[pages[3]["id"]]
    assert row["url"] == pages[3]["url"]
    assert row["text"] == news.article(3)["text"]
    assert row["published"].startswith(news.article(3)["published"])


def test_warc_files(spark, tmp_path):
    pages = [news.page(i) for i in range(10)]
    folder = tmp_path / "warcs"
    folder.mkdir()
    (folder / "a.warc.gz").write_bytes(news.warc(pages[:6]))
    (folder / "b.warc").write_bytes(news.warc(pages[6:], compress=False))
    out = tmp_path / "out"
    job.run(spark, str(folder), "warc", str(out), partitions=2)
    articles = _read(out, "articles")
    assert sorted(r["url"] for r in articles) == sorted(p["url"] for p in pages)
    for r in articles:
        assert r["doc_id"].startswith("<urn:uuid:")
        assert ".warc" in r["source"] and "#" in r["source"]
    by_url = {r["url"]: r for r in articles}
    assert by_url[pages[7]["url"]]["text"] == news.article(7)["text"]


def _quotes(cli, db):
    out = subprocess.run([str(cli), "quotes", "--q", "accept", "--limit", "200",
                          "--format", "json", "--db", str(db)],
                         check=True, capture_output=True, text=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    return sorted((r["text"], (r.get("speaker") or {}).get("name"), r.get("published"), r["start"])
                  for r in rows)


def test_the_output_loads_into_a_store_like_an_ingest(spark, cli, tmp_path):
    docs = [news.article(i) for i in range(16)]
    source = tmp_path / "texts.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    job.run(spark, str(source), "jsonl", str(out), partitions=2)

    loaded = tmp_path / "loaded.db"
    run = subprocess.run([str(cli), "load", str(out), "--db", str(loaded)],
                         check=True, capture_output=True, text=True)
    assert "16 added" in run.stderr, run.stderr
    again = subprocess.run([str(cli), "load", str(out), "--db", str(loaded)],
                           check=True, capture_output=True, text=True)
    assert "0 added" in again.stderr and "16 already stored" in again.stderr, again.stderr

    ingested = tmp_path / "ingested.db"
    subprocess.run([str(cli), "ingest", str(source), "--db", str(ingested)],
                   check=True, capture_output=True)
    quotes = _quotes(cli, ingested)
    assert quotes and quotes == _quotes(cli, loaded)

"""The Spark job in local mode: JSONL texts, a table of HTML, and WARC files in,
one Parquet table per layer out, agreeing with `tidings.annotate`."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import news
import tidings

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java is missing: the Spark tests need Java 17", allow_module_level=True)
pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
warcio = pytest.importorskip("warcio", reason="warcio is not installed")

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


def _read(out, layer):
    return pq.read_table(str(out / layer)).to_pylist()


def _check_layers(out, expected_ids):
    for layer in tidings.LAYERS:
        assert (out / layer).is_dir(), f"no {layer} table"
    articles = {r["doc_id"]: r for r in _read(out, "articles")}
    assert sorted(articles) == sorted(expected_ids)
    return articles


def test_jsonl_texts(spark, tmp_path):
    docs = [news.article(i) for i in range(20)]
    source = tmp_path / "texts.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    job.run(spark, str(source), "jsonl", str(out), partitions=2)
    articles = _check_layers(out, [d["id"] for d in docs])
    tables = {layer: _read(out, layer) for layer in tidings.LAYERS[1:]}
    for d in docs:
        row = articles[d["id"]]
        assert row["error"] is None and row["text"] == d["text"]
        single = tidings.annotate(d["text"], published=d["published"], title=d["title"], id=d["id"])
        assert [[s["start"], s["end"]] for s in row["sentences"]] == single["sentences"]
        for layer in ("entities", "quotes", "timexes", "events"):
            got = [r for r in tables[layer] if r["doc_id"] == d["id"]]
            assert len(got) == len(single[layer]), layer


def test_table_of_html(spark, tmp_path):
    pages = [news.page(i) for i in range(8)]
    source = tmp_path / "pages.parquet"
    pq.write_table(pa.Table.from_pylist(pages), str(source))
    out = tmp_path / "out"
    job.run(spark, str(source), "html", str(out))
    articles = _check_layers(out, [p["id"] for p in pages])
    row = articles[pages[3]["id"]]
    assert row["url"] == pages[3]["url"]
    assert row["text"] == news.article(3)["text"]
    assert row["sentences"]


def _write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for p in pages:
            body = p["html"].encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                p["url"], "response", payload=io.BytesIO(body), http_headers=http))
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://news.example/logo.png", "response",
            payload=io.BytesIO(b"\x89PNG"), http_headers=http))


def test_warc_files(spark, tmp_path):
    pages = [news.page(i) for i in range(10)]
    folder = tmp_path / "warcs"
    folder.mkdir()
    _write_warc(folder / "a.warc.gz", pages[:6])
    _write_warc(folder / "b.warc.gz", pages[6:])
    out = tmp_path / "out"
    job.run(spark, str(folder), "warc", str(out), partitions=2)
    articles = _read(out, "articles")
    assert sorted(r["url"] for r in articles) == sorted(p["url"] for p in pages)
    for r in articles:
        assert r["doc_id"].startswith("<urn:uuid:")
        assert r["error"] is None
        assert ".warc.gz#" in r["path"]
    by_url = {r["url"]: r for r in articles}
    assert by_url[pages[7]["url"]]["text"] == news.article(7)["text"]

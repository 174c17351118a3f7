"""The `tidings` package: single records as the CLI's JSON, batches as Arrow."""

from __future__ import annotations

import json
import subprocess
import threading

import pyarrow as pa
import pytest

import tidings

LAYER_KEYS = ("entities", "quotes", "timexes", "events")


def test_annotate_returns_the_cli_record_shape():
    doc = tidings.annotate("The council met on Friday.\n\nIt agreed a budget.",
                           published="2025-03-28", title="Budget", id=7)
    assert doc["id"] == 7
    assert doc["published"] == "2025-03-28"
    assert doc["title"] == "Budget"
    assert len(doc["paragraphs"]) == 2
    for key in LAYER_KEYS:
        assert isinstance(doc[key], list)


def test_offsets_are_code_points():
    text = "Zoë Fontaine 🙂 spoke first.\n\nThen the minister replied."
    doc = tidings.annotate(text)
    starts = [text[s:e] for s, e in doc["paragraphs"]]
    assert starts == ["Zoë Fontaine 🙂 spoke first.", "Then the minister replied."]
    for s, e in doc["sentences"]:
        assert text[s:e].strip() == text[s:e] != ""


def test_a_date_that_is_not_iso_is_refused():
    with pytest.raises(ValueError, match="ISO date"):
        tidings.annotate("Text.", published="next week")


def test_same_json_as_the_cli(cli, articles, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    done = subprocess.run([str(cli), "annotate", "--input", str(source)],
                          check=True, capture_output=True, text=True)
    from_cli = [json.loads(line) for line in done.stdout.splitlines()]
    from_python = [tidings.annotate(a["text"], published=a["published"],
                                    title=a["title"], id=a["id"]) for a in articles]
    assert from_python == from_cli


def test_extract_takes_str_or_bytes(pages):
    html = pages[0]["html"]
    from_str = tidings.extract(html, url=pages[0]["url"], id="p0")
    from_bytes = tidings.extract(html.encode("utf-8"), url=pages[0]["url"], id="p0")
    assert from_str == from_bytes
    assert from_str["id"] == "p0"
    assert from_str["url"] == pages[0]["url"]
    assert from_str["title"]
    assert "Home" not in from_str["text"]
    assert from_str["text"].count("\n\n") >= 4


def test_an_empty_page_is_refused():
    with pytest.raises(ValueError, match="empty"):
        tidings.extract(b"   ")


def _rows(table, doc_id):
    return [r for r in table.to_pylist() if r["doc_id"] == doc_id]


def test_annotate_batch_gives_one_table_per_layer(articles):
    bad = {"id": "bad", "text": "A text.", "published": "soon", "title": None}
    tables = tidings.annotate_batch(pa.Table.from_pylist(articles + [bad]))
    assert tuple(tables) == tidings.LAYERS
    rows = tables["articles"].to_pylist()
    assert [r["doc_id"] for r in rows] == [a["id"] for a in articles] + ["bad"]
    assert rows[-1]["error"] and "ISO date" in rows[-1]["error"]
    for a, row in zip(articles, rows):
        single = tidings.annotate(a["text"], published=a["published"], title=a["title"], id=a["id"])
        assert row["error"] is None
        assert row["text"] == a["text"]
        assert [[p["start"], p["end"]] for p in row["paragraphs"]] == single["paragraphs"]
        assert [[s["start"], s["end"]] for s in row["sentences"]] == single["sentences"]
        assert len(_rows(tables["entities"], a["id"])) == len(single["entities"])
        assert len(_rows(tables["quotes"], a["id"])) == len(single["quotes"])
        assert len(_rows(tables["timexes"], a["id"])) == len(single["timexes"])
        assert len(_rows(tables["events"], a["id"])) == len(single["events"])
        for m in _rows(tables["mentions"], a["id"]):
            assert a["text"][m["start"]:m["end"]] == m["text"]
        for t in _rows(tables["timexes"], a["id"]) + _rows(tables["quotes"], a["id"]):
            assert a["text"][t["start"]:t["end"]] == t["text"]


def test_batch_inputs_can_be_lists_of_dicts_with_numeric_ids():
    tables = tidings.annotate_batch([{"id": 1, "text": "One."}, {"id": 2, "text": "Two."}])
    assert tables["articles"].column("doc_id").to_pylist() == ["1", "2"]
    no_ids = tidings.annotate_batch({"text": ["One.", "Two."]})
    assert no_ids["articles"].column("doc_id").to_pylist() == ["0", "1"]


def test_a_batch_without_text_is_refused():
    with pytest.raises(ValueError, match="`text`"):
        tidings.annotate_batch({"body": ["One."]})


def test_extract_batch_feeds_annotate_batch(pages):
    table = pa.Table.from_pylist(pages + [{"id": "empty", "url": None, "html": "  "}])
    articles = tidings.extract_batch(table)
    assert articles.column("id").to_pylist() == [p["id"] for p in pages] + ["empty"]
    errors = articles.column("error").to_pylist()
    assert errors[:-1] == [None] * len(pages) and errors[-1]
    tables = tidings.annotate_batch(articles)
    rows = tables["articles"].to_pylist()
    assert rows[0]["url"] == pages[0]["url"]
    assert rows[0]["published"].startswith("2025-03-")
    assert rows[0]["authors"] == ["Staff Reporter"]
    assert rows[0]["sentences"]
    assert rows[-1]["error"] == errors[-1]


def test_threads_share_the_engine(articles):
    expected = [tidings.annotate(a["text"], id=a["id"]) for a in articles]
    results = [None] * len(articles)

    def work(i):
        results[i] = tidings.annotate(articles[i]["text"], id=articles[i]["id"])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(articles))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected

//! `tidings ingest` and the query commands over a real store: idempotency,
//! resuming after `kill -9`, named per-record errors, and output formats.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use tidings_store::{SqliteStore, Store};

fn tidings(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stats(db: &Path) -> tidings_store::Stats {
    SqliteStore::open(db).unwrap().stats().unwrap()
}

/// `n` short reports written for this test, one JSON document a line.
fn reports(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let rec = serde_json::json!({
            "id": format!("r{i}"),
            "title": format!("Report {i}"),
            "published": format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            "text": format!("Report {i}. The minister said the talks in Vienna went well. \
                             Delegates will meet again in {} days.", i % 9 + 2),
        });
        writeln!(f, "{rec}").unwrap();
    }
}

#[test]
fn ingesting_twice_stores_once_and_names_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("in.jsonl");
    reports(&input, 30);
    // A broken line in the middle of a second file.
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": 1, \"text\": \"Fine text.\"}\n{oops\n").unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/page.html");
    let db_s = db.to_str().unwrap();
    let args = [
        "ingest",
        input.to_str().unwrap(),
        bad.to_str().unwrap(),
        page.to_str().unwrap(),
        "--db",
        db_s,
    ];
    let first = tidings(&args);
    assert_eq!(first.status.code(), Some(1), "one record failed");
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(err.contains("bad.jsonl: line 2"), "{err}");
    assert!(err.contains("32 added"), "{err}");
    let s1 = stats(&db);
    assert_eq!(s1.articles, 32);
    let again = tidings(&args);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("0 added") && err.contains("32 already stored"),
        "{err}"
    );
    let s2 = stats(&db);
    assert_eq!(
        (s1.articles, s1.quotes, s1.entities),
        (s2.articles, s2.quotes, s2.entities)
    );
}

#[test]
fn a_killed_ingest_resumes_with_nothing_lost_or_doubled() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("in.jsonl");
    let n = 40_000;
    reports(&input, n);
    let args = [
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Let it store some articles, then SIGKILL it mid-run.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        if db.exists()
            && SqliteStore::open(&db)
                .and_then(|s| s.stats())
                .is_ok_and(|s| s.articles > 0)
        {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = stats(&db).articles;
    assert!(partial > 0, "some articles were stored before the kill");
    let rest = tidings(&args);
    assert!(rest.status.success());
    let full = stats(&db);
    assert_eq!(full.articles as usize, n, "resumed to exactly every record");
    assert_eq!(distinct_ids(&db), (n, n), "no record stored twice");
    let ids = tidings(&[
        "articles",
        "--db",
        db.to_str().unwrap(),
        "--q",
        "Report 17",
        "--format",
        "csv",
    ]);
    let out = String::from_utf8_lossy(&ids.stdout);
    assert!(out.lines().count() >= 2, "{out}");
}

/// The stored record ids, each once.
fn distinct_ids(db: &Path) -> (usize, usize) {
    let store = SqliteStore::open(db).unwrap();
    let mut ids = std::collections::HashSet::new();
    let mut rows = 0;
    store
        .export(tidings_store::Layer::Articles, &mut |row| {
            rows += 1;
            ids.insert(row[1].to_string());
            Ok(())
        })
        .unwrap();
    (rows, ids.len())
}

#[test]
fn queries_print_tables_json_and_csv_and_export_writes_every_layer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db_s = db.to_str().unwrap();
    assert!(
        tidings(&["synth", "--articles", "50", "--db", db_s])
            .status
            .success()
    );
    let table = tidings(&["quotes", "--speaker", "Njoroge", "--db", db_s]);
    let t = String::from_utf8_lossy(&table.stdout);
    assert!(t.starts_with("date") && t.contains("Njoroge"), "{t}");
    let json = tidings(&[
        "quotes",
        "--q",
        "agreement",
        "--from",
        "2025-01-01",
        "--format",
        "json",
        "--db",
        db_s,
    ]);
    for line in String::from_utf8_lossy(&json.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["published"].as_str().unwrap() >= "2025-01-01");
    }
    let csv = tidings(&["articles", "--format", "csv", "--limit", "3", "--db", db_s]);
    assert_eq!(String::from_utf8_lossy(&csv.stdout).lines().count(), 4);
    let ent = tidings(&["entity", "Njoroge", "--db", db_s]);
    let e = String::from_utf8_lossy(&ent.stdout);
    assert!(
        e.contains("Aliases:") && e.contains("Quotes by month:"),
        "{e}"
    );
    let bad = tidings(&["quotes", "--from", "March", "--db", db_s]);
    assert_eq!(bad.status.code(), Some(2));
    let missing = tidings(&[
        "quotes",
        "--db",
        dir.path().join("none.db").to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("tidings ingest"));
    let out = dir.path().join("export");
    for format in ["jsonl", "csv"] {
        let r = tidings(&[
            "export",
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--db",
            db_s,
        ]);
        assert!(r.status.success());
        for layer in [
            "articles", "entities", "aliases", "mentions", "quotes", "timexes", "events",
        ] {
            let f = out.join(format!("{layer}.{format}"));
            let text = std::fs::read_to_string(&f).unwrap();
            assert!(text.lines().count() > 1, "{layer}.{format}");
        }
    }
    let first = std::fs::read_to_string(out.join("mentions.jsonl")).unwrap();
    let m: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert!(m["text"].is_string() && m["start"].is_u64());
}

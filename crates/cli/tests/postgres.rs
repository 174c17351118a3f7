//! `tidings` over a PostgreSQL store: four `ingest` processes at once with
//! overlapping inputs lose and duplicate nothing; the queries, `export` and
//! `serve` read the result. Runs on a throwaway cluster (`pg_virtualenv`);
//! skips with a message when PostgreSQL is not installed, unless
//! `TIDINGS_REQUIRE_POSTGRES=1`.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tidings_store::pg::TempCluster;
use tidings_store::{PgStore, SqliteStore, Store};

fn tidings(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn cluster() -> Option<TempCluster> {
    match TempCluster::start() {
        Ok(c) => Some(c),
        Err(why) if std::env::var("TIDINGS_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => {
            panic!("PostgreSQL is required (TIDINGS_REQUIRE_POSTGRES=1): {why}")
        }
        Err(why) => {
            eprintln!("SKIPPED: PostgreSQL test: {why}");
            None
        }
    }
}

/// Reports `from..to`, written for this test, one JSON document a line.
fn reports(path: &Path, from: usize, to: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in from..to {
        let who = ["Ana Costa", "Tomas Berg", "Leila Haddad"][i % 3];
        let rec = serde_json::json!({
            "id": format!("r{i}"),
            "title": format!("Talks, round {i}"),
            "url": format!("https://news.example/round-{i}"),
            "published": format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            "text": format!("Round {i} of the talks opened in Vienna on Monday. \
                             \"We will not accept new tariffs on grain,\" {who} said. \
                             Delegates from Lisbon will meet again in {} days.", i % 9 + 2),
        });
        writeln!(f, "{rec}").unwrap();
    }
}

/// One HTTP GET on loopback: (status line, body).
fn get(addr: &str, path: &str) -> (String, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    (
        head.lines().next().unwrap_or("").to_string(),
        body.to_string(),
    )
}

#[test]
fn four_ingests_at_once_into_postgres_lose_and_duplicate_nothing() {
    let Some(cluster) = cluster() else {
        return;
    };
    let url = cluster.new_database("ingest4").unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Writer w reads reports 20w..20w+40: every report but the first and
    // last twenty is read by two writers, at about the same time.
    let inputs: Vec<_> = (0..4)
        .map(|w| {
            let p = dir.path().join(format!("in{w}.jsonl"));
            reports(&p, 20 * w, 20 * w + 40);
            p
        })
        .collect();
    let writers: Vec<_> = inputs
        .iter()
        .map(|p| {
            Command::new(env!("CARGO_BIN_EXE_tidings"))
                .args(["ingest", p.to_str().unwrap(), "--db", &url, "-j", "1"])
                .stdin(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for w in writers {
        let out = w.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("0 failed"), "{err}");
    }

    // The same records through one writer into SQLite: the reference.
    let all = dir.path().join("all.jsonl");
    reports(&all, 0, 100);
    let sqlite = dir.path().join("ref.db");
    let one = tidings(&[
        "ingest",
        all.to_str().unwrap(),
        "--db",
        sqlite.to_str().unwrap(),
    ]);
    assert!(one.status.success());
    let want = SqliteStore::open(&sqlite).unwrap().stats().unwrap();
    let pg = PgStore::open(&url).unwrap();
    let got = pg.stats().unwrap();
    assert_eq!(got.articles, 100);
    assert_eq!(
        (
            got.articles,
            got.entities,
            got.mentions,
            got.quotes,
            got.timexes,
            got.events
        ),
        (
            want.articles,
            want.entities,
            want.mentions,
            want.quotes,
            want.timexes,
            want.events
        ),
        "the same rows as one writer"
    );
    // Merged counts agree with the rows they count.
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let off: i64 = c
        .query_one(
            "SELECT count(*) FROM entities e WHERE
                 mention_count <> (SELECT count(*) FROM mentions m WHERE m.entity = e.id)
              OR article_count <> (SELECT count(DISTINCT article) FROM mentions m
                                   WHERE m.entity = e.id)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(off, 0, "entity counts match their mentions");

    // Again, all at once: nothing new.
    let again = tidings(&["ingest", all.to_str().unwrap(), "--db", &url]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("0 added") && err.contains("100 already stored"),
        "{err}"
    );

    // The queries and export read the PostgreSQL store.
    let quotes = tidings(&[
        "quotes",
        "--db",
        &url,
        "--speaker",
        "Costa",
        "--q",
        "tariffs",
        "--format",
        "json",
    ]);
    assert!(
        quotes.status.success(),
        "{}",
        String::from_utf8_lossy(&quotes.stderr)
    );
    let lines = String::from_utf8_lossy(&quotes.stdout).lines().count();
    assert!(lines > 0, "Costa's quotes found");
    let out = dir.path().join("export");
    let export = tidings(&[
        "export",
        "--db",
        &url,
        "--format",
        "jsonl",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(export.status.success());
    let articles = std::fs::read_to_string(out.join("articles.jsonl")).unwrap();
    assert_eq!(articles.lines().count(), 100);

    // And `serve` answers from it.
    let port = 20_000 + (std::process::id() % 20_000) as u16;
    let addr = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(["serve", "--db", &url, "--addr", &addr])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(&addr).is_err() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let (status, body) = get(&addr, "/api/quotes?q=grain&speaker=Berg&limit=5");
    let (bad, _) = get(&addr, "/api/quotes?limit=zero");
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(status.contains("200"), "{status} {body}");
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 5, "{body}");
    assert!(bad.contains("400"), "{bad}");
}

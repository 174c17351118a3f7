//! `tidings export --format parquet` and `tidings load`: ingest, export,
//! load into a fresh store, and the queries answer the same; a second load
//! adds nothing.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn tidings(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> Output {
    let out = tidings(args);
    assert!(
        out.status.success(),
        "tidings {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Reports written for this test, in publication order, with quotes and
/// names that come back in several of them.
fn reports(path: &Path) {
    let people = ["Amara Njoroge", "Tomas Berg", "Zoë Fontaine"];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..12 {
        let who = people[i % 3];
        let other = people[(i + 1) % 3];
        let rec = serde_json::json!({
            "id": format!("r{i}"),
            "title": format!("Talks in Vienna, day {i}"),
            "published": format!("2025-03-{:02}", i + 1),
            "url": format!("https://news.example/r{i}"),
            "text": format!(
                "{who} met {other} in Vienna on Monday.\n\n\
                 “The sanctions will stay until the ports reopen,” {who} said on Tuesday. \
                 {other} accused the delegation of delay in report {i}."
            ),
        });
        writeln!(f, "{rec}").unwrap();
    }
}

fn answers(db: &str) -> Vec<String> {
    let runs: [&[&str]; 5] = [
        &["quotes", "--speaker", "Njoroge", "--format", "json"],
        &[
            "quotes",
            "--q",
            "sanctions",
            "--format",
            "csv",
            "--limit",
            "50",
        ],
        &[
            "articles", "--q", "Vienna", "--format", "json", "--limit", "50",
        ],
        &["entity", "Tomas Berg", "--format", "json"],
        &["entity", "Fontaine"],
    ];
    runs.iter()
        .map(|args| {
            let mut a = args.to_vec();
            a.extend(["--db", db]);
            String::from_utf8_lossy(&ok(&a).stdout).into_owned()
        })
        .collect()
}

#[test]
fn an_exported_store_loads_into_a_fresh_one_with_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("reports.jsonl");
    reports(&input);
    let a = dir.path().join("a.db");
    let a_s = a.to_str().unwrap();
    ok(&["ingest", input.to_str().unwrap(), "--db", a_s]);

    let out = dir.path().join("parquet");
    let out_s = out.to_str().unwrap();
    ok(&["export", "--format", "parquet", "--out", out_s, "--db", a_s]);
    for t in [
        "articles", "entities", "aliases", "mentions", "quotes", "timexes", "events",
    ] {
        assert!(out.join(format!("{t}.parquet")).is_file(), "{t}");
    }

    let b = dir.path().join("b.db");
    let b_s = b.to_str().unwrap();
    let first = ok(&["load", out_s, "--db", b_s]);
    let said = String::from_utf8_lossy(&first.stderr);
    assert!(said.contains("12 added"), "{said}");
    let before = answers(a_s);
    assert!(before[0].contains("sanctions"), "{}", before[0]);
    assert_eq!(before, answers(b_s));

    let second = ok(&["load", out_s, "--db", b_s]);
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(
        said.contains("0 added") && said.contains("12 already stored"),
        "{said}"
    );
    assert_eq!(before, answers(b_s));
}

#[test]
fn loading_a_folder_without_tables_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let r = tidings(&[
        "load",
        dir.path().to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("no articles table"));
}

//! `tidings extract` and `tidings ingest` over every source kind, with
//! fixtures written here: records named in messages, stdin sniffed,
//! `--input-format` obeyed, ingest idempotent over a WARC, and memory flat
//! as a WARC grows.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PAGE: &str = "<html><head><title>Harbour reopens</title></head><body><article>\
<p>The harbour reopened on Monday after a week of storms, and the first fishing boats came in at dawn.</p>\
<p>\"The sea wall held,\" said Maria Lopez, the harbour master, on Tuesday.</p>\
</article></body></html>";

fn tidings(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn response(uri: &str, ct: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n").into_bytes();
    block.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(&block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A WARC of `n` pages (one gzip member each), with an image among them.
fn warc(n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..n {
        let page = PAGE.replace("Monday", &format!("day {i}"));
        out.extend(gz(&response(
            &format!("https://example.org/{i}"),
            "text/html",
            page.as_bytes(),
        )));
        if i == 0 {
            out.extend(gz(&response(
                "https://example.org/logo.png",
                "image/png",
                b"\x89PNG",
            )));
        }
    }
    out
}

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Bridge</title><link>https://example.org/bridge</link><description>The bridge was repainted in green.</description></item>
<item><title>Link only</title><link>https://example.org/link</link></item>
</channel></rss>"#;

#[test]
fn extract_takes_every_source_and_names_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("crawl.warc.gz"), warc(2)).unwrap();
    std::fs::write(d.join("news.rss"), RSS).unwrap();
    std::fs::write(
        d.join("docs.jsonl"),
        "{\"id\": \"j1\", \"text\": \"A text line.\"}\n{broken\n",
    )
    .unwrap();
    std::fs::write(d.join("note.txt"), "A plain note.\n").unwrap();
    let out = tidings(&["extract", d.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1), "the broken JSONL line fails");
    let recs = records(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["crawl#1", "crawl#3", "j1", "news#1", "note"]);
    assert_eq!(recs[0]["url"], "https://example.org/0");
    assert_eq!(recs[3]["page_type"], "summary");
    assert_eq!(recs[3]["url"], "https://example.org/bridge");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crawl.warc.gz: record 2 at offset"), "{err}");
    assert!(err.contains("skipped: payload is image/png"), "{err}");
    assert!(err.contains("docs.jsonl: line 2: not JSON"), "{err}");
    assert!(
        err.contains("news.rss: feed item 2: skipped: only a link"),
        "{err}"
    );
}

#[test]
fn stdin_is_sniffed_and_the_format_can_be_forced() {
    let out = tidings(&["extract", "-"], &warc(2));
    assert_eq!(
        records(&out).len(),
        2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(records(&out)[0]["id"], "stdin#1");
    let out = tidings(
        &["extract"],
        b"{\"id\": \"x\", \"text\": \"From a pipe.\"}\n",
    );
    assert_eq!(records(&out)[0]["text"], "From a pipe.");
    let out = tidings(&["extract"], RSS.as_bytes());
    assert_eq!(records(&out)[0]["title"], "Bridge");
    let empty = tidings(&["extract"], b"");
    assert_eq!(empty.status.code(), Some(1));
    let err = String::from_utf8_lossy(&empty.stderr);
    assert!(err.contains("tidings: stdin: the page is empty"), "{err}");
    // Forced: markup read as text, kept as it is.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.html");
    std::fs::write(&page, "<p>Tags stay.</p>").unwrap();
    let out = tidings(
        &["extract", "--input-format", "text", page.to_str().unwrap()],
        b"",
    );
    assert_eq!(records(&out)[0]["text"], "<p>Tags stay.</p>");
    let bad = tidings(
        &["extract", "--input-format", "pdf", page.to_str().unwrap()],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown input format"));
}

#[test]
fn ingesting_a_warc_twice_stores_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let src = dir.path().join("crawl.warc.gz");
    std::fs::write(&src, warc(5)).unwrap();
    let feed = dir.path().join("news.rss");
    std::fs::write(&feed, RSS).unwrap();
    let args = [
        "ingest",
        src.to_str().unwrap(),
        feed.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ];
    let first = tidings(&args, b"");
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(first.status.success(), "{err}");
    assert!(
        err.contains("6 added") && err.contains("2 skipped"),
        "{err}"
    );
    let again = tidings(&args, b"");
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("0 added") && err.contains("6 already stored"),
        "{err}"
    );
    let quotes = tidings(
        &["quotes", "--db", db.to_str().unwrap(), "--format", "json"],
        b"",
    );
    assert!(String::from_utf8_lossy(&quotes.stdout).contains("sea wall held"));
}

/// Peak resident memory of a run, sampled from /proc while it runs.
fn peak_rss_kib(args: &[&str]) -> Option<u64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = None;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status)
            && let Some(kib) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = Some(kib);
        }
        if child.try_wait().unwrap().is_some() {
            return peak;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// A WARC of `n` 1 MiB pages (their bulk a script, so extraction is quick;
/// each gzip member is small on disk).
fn big_warc(path: &Path, n: usize) {
    let mut page = String::from("<html><head><script>");
    page.push_str(&"var x = 1;".repeat(100_000));
    page.push_str("</script></head><body><article><p>The harbour reopened on Monday after a week of storms, and the boats came in.</p></article></body></html>");
    let member = gz(&response(
        "https://example.org/big",
        "text/html",
        page.as_bytes(),
    ));
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for _ in 0..n {
        f.write_all(&member).unwrap();
    }
}

#[test]
fn memory_stays_flat_as_a_warc_grows() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("skipping: no /proc to read memory use from");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.warc.gz");
    let large = dir.path().join("large.warc.gz");
    big_warc(&small, 100);
    big_warc(&large, 600);
    let run = |p: &Path| peak_rss_kib(&["extract", p.to_str().unwrap(), "-o", "/dev/null"]);
    let (Some(a), Some(b)) = (run(&small), run(&large)) else {
        eprintln!("skipping: memory use could not be read");
        return;
    };
    eprintln!("peak RSS: 100 MiB of records {a} KiB, 600 MiB of records {b} KiB");
    assert!(
        b < a * 3 / 2 + 32 * 1024,
        "memory grew with the file: {a} KiB -> {b} KiB"
    );
    assert!(b < 400 * 1024, "peak {b} KiB");
}

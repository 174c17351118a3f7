//! The `tidings` binary as a user runs it: flags, files, pipes, bad input.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn tidings(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn chars(s: &str, start: u64, end: u64) -> String {
    s.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn annotate_keeps_input_order_and_ids() {
    let input: String = (0..1200)
        .map(|i| format!("{{\"id\":\"d{i}\",\"text\":\"Story {i}. It rained on Monday.\"}}\n"))
        .collect();
    let out = tidings(&["annotate"], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = lines(&out);
    assert_eq!(recs.len(), 1200);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], format!("d{i}"));
    }
}

#[test]
fn every_layer_is_present_and_offsets_are_code_points() {
    let text = "“Zoë’s café is closed,” said Mr. Brown.\nNext para — naïve? Yes.";
    let input = serde_json::json!({"id": "u", "text": text, "published": "2025-03-28"});
    let out = tidings(&["annotate", "--tokens"], &format!("{input}\n"));
    assert!(out.status.success());
    let r = &lines(&out)[0];
    assert_eq!(r["text"], text);
    for layer in [
        "entities",
        "quotes",
        "timexes",
        "events",
        "paragraphs",
        "sentences",
        "tokens",
    ] {
        assert!(r[layer].is_array(), "{layer} is a list");
    }
    let paras: Vec<String> = r["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| chars(text, p[0].as_u64().unwrap(), p[1].as_u64().unwrap()))
        .collect();
    assert_eq!(
        paras,
        [
            "“Zoë’s café is closed,” said Mr. Brown.",
            "Next para — naïve? Yes."
        ]
    );
    for t in r["tokens"].as_array().unwrap() {
        let s = chars(text, t[0].as_u64().unwrap(), t[1].as_u64().unwrap());
        assert!(!s.trim().is_empty() && s.trim() == s, "token {s:?}");
    }
    for e in r["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let s = chars(
                text,
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
            );
            assert_eq!(s, m["text"].as_str().unwrap());
        }
    }
}

#[test]
fn malformed_lines_are_reported_and_the_rest_written() {
    let input = "{\"id\":\"a\",\"text\":\"Fine.\"}\nnot json\n\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"t\",\"published\":\"soon\"}\n{\"id\":\"d\",\"text\":\"Also fine.\"}\n";
    let out = tidings(&["annotate"], input);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<_> = lines(&out).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, ["a", "d"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("not valid JSON"),
        "{err}"
    );
    assert!(err.contains("line 4") && err.contains("text"), "{err}");
    assert!(err.contains("line 5") && err.contains("soon"), "{err}");
}

#[test]
fn invalid_utf8_line_is_one_failed_record() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
        .arg("annotate")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"id\":\"x\",\"text\":\"\xff\xfe\"}\n{\"id\":\"y\",\"text\":\"ok\"}\n")
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out).len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

#[test]
fn files_in_and_out() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in.jsonl");
    let outp = dir.path().join("out.jsonl");
    std::fs::write(&inp, "{\"id\":\"f\",\"text\":\"Hello there.\"}\n").unwrap();
    let out = tidings(
        &[
            "annotate",
            "--input",
            inp.to_str().unwrap(),
            "--output",
            outp.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success());
    let written = std::fs::read_to_string(&outp).unwrap();
    assert!(written.starts_with("{\"id\":\"f\""));
    let missing = tidings(&["annotate", "--input", "/nonexistent/x.jsonl"], "");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/x.jsonl"));
}

#[test]
fn pretty_format_is_readable() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/article.jsonl");
    let out = tidings(
        &[
            "annotate",
            "--input",
            example.to_str().unwrap(),
            "--format",
            "pretty",
        ],
        "",
    );
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("example-1") && s.contains("published 2025-06-12"),
        "{s}"
    );
}

#[test]
fn extract_names_pages_by_file_stem() {
    let dir = tempfile::tempdir().unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/page.html");
    std::fs::copy(&page, dir.path().join("0001.html")).unwrap();
    std::fs::write(dir.path().join("0002.htm"), "").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a page").unwrap();
    let out = tidings(&["extract", dir.path().to_str().unwrap()], "");
    assert_eq!(
        out.status.code(),
        Some(1),
        "the empty page fails, the other is written"
    );
    let recs = lines(&out);
    assert_eq!(recs.len(), 2, "the page and the plain text");
    assert_eq!(recs[0]["id"], "0001");
    assert!(recs[0]["text"].as_str().unwrap().contains("grain corridor"));
    assert_eq!(recs[1]["id"], "notes");
    assert_eq!(recs[1]["text"], "not a page");
    assert!(String::from_utf8_lossy(&out.stderr).contains("0002.htm"));
}

#[test]
fn extract_reads_one_page_from_stdin() {
    let html = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/page.html"),
    )
    .unwrap();
    let out = tidings(&["extract"], &html);
    assert!(out.status.success());
    assert_eq!(
        lines(&out)[0]["title"],
        "Ministers agree grain corridor deal after Geneva talks"
    );
}

//! Quality floors on the shared dev sets, scored by `../shared/eval/score.py`.
//!
//! Skips (with a message) when `../shared` or `python3` is absent. The
//! floors sit a little under the measured numbers (see the crate README) so
//! that a regression fails loudly and noise does not.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use tidings_ingest::record::{extract_json, page_id};

fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if !p.join("eval/score.py").exists() {
        eprintln!("skipping: {} is absent", p.display());
        return None;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: python3 is absent");
        return None;
    }
    Some(p.to_path_buf())
}

fn score(shared: &Path, set: &str) -> serde_json::Value {
    let dir = shared.join("data/extract").join(set);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("pages"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut out = tempfile::NamedTempFile::new().unwrap();
    for p in &paths {
        let bytes = std::fs::read(p).unwrap();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap();
        if let Ok(a) = tidings_ingest::extract_html(&bytes, None) {
            let rec = extract_json(page_id(name), &p.display().to_string(), &a);
            writeln!(out, "{rec}").unwrap();
        }
    }
    out.flush().unwrap();
    let res = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .args(["extract", "--json", "--gold"])
        .arg(dir.join("gold.jsonl"))
        .arg("--pred")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    // The JSON object comes first, the headline line after it.
    serde_json::Deserializer::from_slice(&res.stdout)
        .into_iter::<serde_json::Value>()
        .next()
        .expect("score.py printed JSON")
        .unwrap()
}

fn at_least(res: &serde_json::Value, key: &str, floor: f64) {
    let got = res[key].as_f64().unwrap_or(0.0);
    assert!(got >= floor, "{key} {got:.3} is under the floor {floor}");
}

#[test]
fn zyte_shingle_f1_floor() {
    let Some(shared) = shared() else { return };
    let res = score(&shared, "zyte");
    eprintln!("{}", res["headline"]);
    at_least(&res, "shingle_f1", 0.97);
}

#[test]
fn trafilatura_snippet_and_metadata_floors() {
    let Some(shared) = shared() else { return };
    let res = score(&shared, "trafilatura");
    eprintln!("{}", res["headline"]);
    at_least(&res, "snippet_f1", 0.925);
    at_least(&res, "title_accuracy", 0.895);
    at_least(&res, "author_accuracy", 0.745);
    at_least(&res, "date_accuracy", 0.87);
}

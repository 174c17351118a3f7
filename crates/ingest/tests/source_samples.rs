//! Every sample in `../shared/data/ingest/warc` and `../shared/data/ingest/feeds`
//! (malformed ones included) through `tidings_ingest::source` with the format
//! detected as `tidings extract` detects it: no panic, no hang, and every
//! problem names its file, and the record in it where the file holds many.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tidings_ingest::source::{Input, Sources};

fn shared(sub: &str) -> Option<PathBuf> {
    let p = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ingest"
    ))
    .join(sub);
    if !p.exists() {
        eprintln!("skipping: {} is absent", p.display());
        return None;
    }
    Some(p)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            files(&e, out);
        } else {
            out.push(e);
        }
    }
}

/// `(records, articles, problems)` of one file, checking each problem's name.
fn run(path: &Path, place: &str) -> (usize, usize, usize) {
    let name = path.display().to_string();
    let input = Input {
        path: path.to_path_buf(),
        forced: None,
    };
    let (mut records, mut articles, mut problems) = (0, 0, 0);
    for item in Sources::new(vec![input]) {
        match item {
            Ok(rec) => {
                records += 1;
                assert!(rec.origin.starts_with(&name), "{}", rec.origin);
                if rec.extract().is_ok() {
                    articles += 1;
                }
            }
            Err(e) => {
                problems += 1;
                let msg = e.to_string();
                assert!(msg.starts_with(&name), "{msg}");
                // A problem inside a file names its record; a file that is
                // unreadable as a whole is named alone.
                assert!(msg.contains(place) || e.origin == name, "{msg}");
            }
        }
    }
    (records, articles, problems)
}

#[test]
fn every_warc_sample_reads_and_names_its_problems() {
    let Some(dir) = shared("warc") else { return };
    let mut all = Vec::new();
    files(&dir, &mut all);
    let (mut total_records, mut total_articles) = (0, 0);
    for path in all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("LICENSE") || name.starts_with("NOTICE") || name.ends_with(".md") {
            continue;
        }
        let start = Instant::now();
        let (records, articles, problems) = run(&path, "record ");
        eprintln!("{name}: {records} records, {articles} articles, {problems} problems");
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{name} took too long"
        );
        total_records += records;
        total_articles += articles;
    }
    assert!(
        total_records >= 40 && total_articles >= 30,
        "{total_records} records, {total_articles} articles"
    );
}

#[test]
fn every_feed_sample_reads_and_names_its_problems() {
    let Some(dir) = shared("feeds") else { return };
    let mut all = Vec::new();
    files(&dir, &mut all);
    let (mut n_files, mut total_records) = (0, 0);
    for path in all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".serde.json") || name.starts_with("LICENSE") || name.ends_with(".md") {
            continue;
        }
        n_files += 1;
        let start = Instant::now();
        let (records, _, _) = run(&path, "feed item ");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{name} took too long"
        );
        total_records += records;
    }
    eprintln!("{n_files} feed files, {total_records} records");
    assert!(
        n_files >= 60 && total_records >= 100,
        "{n_files} files, {total_records} records"
    );
}

//! The WARC/ARC samples in `../shared/data/ingest/warc`, malformed ones
//! included: every file reads to the end without a panic, every HTML payload
//! goes through extraction, and the well-formed files give their records.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tidings_ingest::read::warc;

fn samples() -> Option<PathBuf> {
    let p = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ingest/warc"
    ));
    if !p.exists() {
        eprintln!("skipping: {} is absent", p.display());
        return None;
    }
    Some(p.to_path_buf())
}

/// `(records ok, errors, html pages extracted)`.
fn read_all(path: &Path) -> (usize, usize, usize) {
    let (mut ok, mut err, mut pages) = (0, 0, 0);
    let reader = warc::open(path).unwrap();
    for rec in reader {
        match rec {
            Ok(r) => {
                ok += 1;
                if let Some((html, charset)) = r.html_payload()
                    && tidings_ingest::extract_html_with_charset(
                        &html,
                        r.target_uri.as_deref(),
                        charset.as_deref(),
                    )
                    .is_ok()
                {
                    pages += 1;
                }
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                err += 1;
            }
        }
    }
    (ok, err, pages)
}

#[test]
fn every_sample_reads_to_the_end() {
    let Some(dir) = samples() else { return };
    for sub in ["warcio", "resiliparse", "ukwa"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !(name.contains(".warc") || name.contains(".arc")) {
                continue;
            }
            let start = Instant::now();
            let (ok, err, pages) = read_all(&path);
            eprintln!("{name}: {ok} records, {err} errors, {pages} pages");
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "{name} took too long"
            );
        }
    }
}

#[test]
fn well_formed_samples_give_their_records() {
    let Some(dir) = samples() else { return };
    let (ok, err, pages) = read_all(&dir.join("warcio/example.warc.gz"));
    assert_eq!((ok, err), (6, 0), "example.warc.gz");
    assert_eq!(pages, 1);
    let (ok_plain, err_plain, _) = read_all(&dir.join("warcio/example.warc"));
    assert_eq!((ok_plain, err_plain), (ok, err), "plain and gzip agree");
    let (_, err, pages) = read_all(&dir.join("resiliparse/warcfile.warc.gz"));
    assert_eq!(err, 0);
    assert!(pages >= 10, "{pages} pages");
    let (ok, _, _) = read_all(&dir.join("warcio/example.arc"));
    assert!(ok >= 2, "ARC records: {ok}");
}

#[test]
fn lz4_samples_give_the_records_of_the_plain_file() {
    let Some(dir) = samples() else { return };
    for name in ["warcfile", "block-sized-records"] {
        let plain = read_all(&dir.join(format!("resiliparse/{name}.warc")));
        let lz4 = read_all(&dir.join(format!("resiliparse/{name}.warc.lz4")));
        assert_eq!(lz4, plain, "{name}: (records, errors, pages)");
        assert!(plain.0 > 0, "{name}: no records");
    }
}

#[test]
fn truncated_samples_end_with_an_error() {
    let Some(dir) = samples() else { return };
    let (ok, err, _) = read_all(&dir.join("warcio/example-trunc.warc"));
    assert!(ok >= 1 && err >= 1, "{ok} ok, {err} errors");
    let (_, err, _) = read_all(&dir.join("resiliparse/clipped.warc.gz"));
    assert!(err >= 1);
}

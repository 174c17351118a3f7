//! Fuzzing entry points: the WARC, feed and HTML paths of `tidings extract`
//! and `tidings ingest`, each taking arbitrary bytes. They must never panic,
//! hang or allocate without bound, whatever the input; a broken input gives
//! errors, and those are dropped here. Besides not crashing, each checks a
//! few properties that hold for every input.
//!
//! The cargo-fuzz targets in `fuzz/` call these functions, and so does the
//! stable-Rust harness in `tests/fuzz.rs` (random and mutated seeds), so
//! both exercise the same code. See docs/QUALITY.md, "Fuzzing".

use crate::source::{self, Format, Payload};
use crate::{content_hash, extract_html};

/// Records past this many are read but not extracted (extraction is the
/// slow part; the reader is what a long input tests).
const EXTRACTED_RECORDS: usize = 16;

/// Read `data` as WARC/ARC (plain or gzip), extracting the first records.
pub fn warc(data: &[u8]) {
    records(data, "fuzz.warc", Format::Warc);
}

/// Read `data` as an RSS, Atom or JSON feed, extracting its items.
pub fn feed(data: &[u8]) {
    records(data, "fuzz.feed", Format::Feed);
}

/// Extract an article from `data` as a page, and read it as a feed fragment.
pub fn html(data: &[u8]) {
    if let Ok(a) = extract_html(data, None) {
        assert_eq!(a.content_hash, content_hash(&a.text));
    }
    let text = String::from_utf8_lossy(data);
    let plain = source::fragment_text(&text);
    assert!(
        !plain.contains("\n\n\n"),
        "paragraphs are split by one blank line"
    );
}

fn records(data: &[u8], name: &str, format: Format) {
    let mut last_origin = String::new();
    for (i, item) in source::read_bytes(data.to_vec(), name, Some(format)).enumerate() {
        match item {
            Ok(rec) => {
                assert!(rec.origin.starts_with(name), "{}", rec.origin);
                if i < EXTRACTED_RECORDS {
                    let is_page = matches!(rec.payload, Payload::Page { .. });
                    if let Ok(a) = rec.extract() {
                        assert!(is_page || !a.text.trim().is_empty());
                    }
                }
                last_origin = rec.origin;
            }
            Err(problem) => {
                assert!(problem.origin.starts_with(name), "{problem}");
                assert_ne!(
                    problem.origin, last_origin,
                    "each problem has its own place"
                );
                last_origin = problem.origin;
            }
        }
    }
}

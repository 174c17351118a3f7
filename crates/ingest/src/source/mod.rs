//! Sources: every input `tidings extract` and `tidings ingest` take, found,
//! recognised and read the same way for both.
//!
//! [`plan`] turns the paths given (files, folders searched recursively,
//! `-` for stdin) into [`Input`]s; [`Sources`] reads them in order, lazily,
//! as one stream of [`Record`]s, each a `Result` so a bad record is named
//! and the batch goes on. [`Record::extract`] gives a record's article.
//!
//! | format | files | records |
//! |---|---|---|
//! | HTML | `.html`, `.htm`, `.xhtml`, `.shtml` | the file |
//! | WARC/ARC | `.warc`, `.arc` | each HTML response or resource (others skipped, named) |
//! | feed | `.rss`, `.atom`, `.rdf`; `.xml`, `.json` when sniffed so | each item: full content, else summary with link |
//! | JSONL | `.jsonl`, `.ndjson` | each line with `text` or `html` |
//! | text | `.txt`, `.text` | the file |
//!
//! Any of them may be gzipped (found by magic bytes). A name that does not
//! say (no extension, `.xml`, `.json`, stdin) is sniffed from the first
//! bytes ([`detect::sniff`]); `--input-format` ([`Format`]) overrides both.
//! Folders give the files with a known extension (or, with a format forced,
//! that format's extensions), sorted by path.
//!
//! Memory stays flat: WARC and JSONL are streamed record by record with
//! capped record and line sizes; whole-file formats (a page, a text, a
//! feed) are read with a cap.

pub mod detect;
mod fragment;
pub(crate) mod open;
mod readers;
mod record;

use std::path::{Path, PathBuf};

pub use detect::{Format, UnknownFormat};
pub use fragment::fragment_text;
pub use readers::Records;
pub use record::{Hints, Payload, Record, SUMMARY_PAGE_TYPE};

/// A problem with one record or file, named by where it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{origin}: {why}")]
pub struct SourceError {
    /// The file, and the record in it.
    pub origin: String,
    pub why: String,
    /// True for a record deliberately passed over (a non-HTML payload, a
    /// feed item with only a link), false for a broken one.
    pub skipped: bool,
}

impl SourceError {
    pub fn error(origin: impl Into<String>, why: impl Into<String>) -> Self {
        SourceError {
            origin: origin.into(),
            why: why.into(),
            skipped: false,
        }
    }

    pub fn skip(origin: impl Into<String>, why: impl Into<String>) -> Self {
        SourceError {
            origin: origin.into(),
            why: why.into(),
            skipped: true,
        }
    }
}

/// One file (or stdin) to read.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The file; `-` is stdin.
    pub path: PathBuf,
    /// The format forced by the caller, if any.
    pub forced: Option<Format>,
}

impl Input {
    pub fn is_stdin(&self) -> bool {
        self.path == Path::new("-")
    }

    /// The format known without reading the file: forced, else by name.
    pub fn known_format(&self) -> Option<Format> {
        self.forced.or_else(|| {
            (!self.is_stdin())
                .then(|| detect::by_name(&self.file_name()))
                .flatten()
        })
    }

    fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The path as written in records (`-` for stdin).
    pub fn display(&self) -> String {
        self.path.display().to_string()
    }

    /// The record id stem: the file name without `.gz`/`.lz4` and a known
    /// extension (`0001.html.gz` -> `0001`); `stdin` for stdin.
    pub fn stem(&self) -> String {
        if self.is_stdin() {
            return "stdin".into();
        }
        stem_of(&self.file_name())
    }

    /// This input's records, lazily. A file that cannot be opened is one error.
    pub fn records(&self) -> Records {
        let path = if self.is_stdin() {
            "-".to_string()
        } else {
            self.display()
        };
        match open::open(&self.path) {
            Ok(stream) => records_of(stream, self.known_format(), path, self.stem()),
            Err(e) => {
                let origin = if self.is_stdin() {
                    "stdin".into()
                } else {
                    path
                };
                Box::new(std::iter::once(Err(SourceError::error(
                    origin,
                    format!("cannot read: {e}"),
                ))))
            }
        }
    }
}

/// The records of a source held in memory, read as a file called `name`
/// would be (gzip undone, format forced or else sniffed from the bytes).
pub fn read_bytes(bytes: Vec<u8>, name: &str, forced: Option<Format>) -> Records {
    let stream = match open::from_reader(Box::new(std::io::Cursor::new(bytes))) {
        Ok(s) => s,
        Err(e) => {
            return Box::new(std::iter::once(Err(SourceError::error(
                name,
                format!("cannot read: {e}"),
            ))));
        }
    };
    let known = forced.or_else(|| detect::by_name(name));
    records_of(stream, known, name.to_string(), stem_of(name))
}

fn records_of(stream: open::Stream, known: Option<Format>, path: String, stem: String) -> Records {
    let label = if path == "-" {
        "stdin".to_string()
    } else {
        path.clone()
    };
    if let Some(kind) = open::unsupported_compression(&stream.head) {
        return Box::new(std::iter::once(Err(SourceError::error(
            label,
            format!("{kind}-compressed, which is not read here; decompress it first"),
        ))));
    }
    let format = known.unwrap_or_else(|| detect::sniff(&stream.head));
    readers::records(format, stream, readers::FileNames { path, stem, label })
}

/// A file name without `.gz` and one known extension.
fn stem_of(name: &str) -> String {
    let base = detect::without_compression(name);
    if let Some((stem, ext)) = base.rsplit_once('.') {
        let ext = ext.to_ascii_lowercase();
        if !stem.is_empty()
            && Format::ALL
                .iter()
                .any(|f| f.extensions().contains(&ext.as_str()))
        {
            return stem.to_string();
        }
    }
    name.to_string()
}

/// Resolve paths into inputs, in order: a file as it is, a folder as its
/// source files (recursively, sorted), `-` as stdin. A path that does not
/// exist is an error.
pub fn plan(paths: &[PathBuf], forced: Option<Format>) -> Result<Vec<Input>, SourceError> {
    let mut out = Vec::new();
    for p in paths {
        if p == Path::new("-") {
            out.push(Input {
                path: p.clone(),
                forced,
            });
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| {
            SourceError::error(p.display().to_string(), format!("cannot read: {e}"))
        })?;
        if meta.is_dir() {
            walk(p, forced, &mut out)?;
        } else {
            out.push(Input {
                path: p.clone(),
                forced,
            });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, forced: Option<Format>, out: &mut Vec<Input>) -> Result<(), SourceError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| SourceError::error(dir.display().to_string(), format!("cannot list: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            walk(&e, forced, out)?;
            continue;
        }
        let name = e
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if detect::is_source_name(&name, forced) {
            out.push(Input { path: e, forced });
        }
    }
    Ok(())
}

/// The records of many inputs, in order, as one lazy stream.
pub struct Sources {
    inputs: std::vec::IntoIter<Input>,
    current: Option<Records>,
}

impl Sources {
    pub fn new(inputs: Vec<Input>) -> Self {
        Sources {
            inputs: inputs.into_iter(),
            current: None,
        }
    }
}

impl Iterator for Sources {
    type Item = Result<Record, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.current.as_mut().and_then(Iterator::next) {
                return Some(r);
            }
            self.current = Some(self.inputs.next()?.records());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_known_extensions_only() {
        assert_eq!(stem_of("0001.html.gz"), "0001");
        assert_eq!(stem_of("a.b.htm"), "a.b");
        assert_eq!(stem_of("crawl.warc.gz"), "crawl");
        assert_eq!(stem_of("page.php"), "page.php");
        assert_eq!(stem_of(".html"), ".html");
    }
}

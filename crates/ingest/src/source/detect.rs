//! Which kind of source a file is: by its name first, by its first bytes
//! when the name does not say (no extension, `.xml`, `.json`, stdin).
//!
//! Compression is found by magic bytes, not by name, so `x.html.gz`,
//! `x.warc.gz` and a gzipped file with any name all read; the name is
//! judged without its `.gz` (or `.lz4`).

use std::fmt;
use std::str::FromStr;

/// The kinds of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One web page a file.
    Html,
    /// WARC 1.0/1.1 or legacy ARC: many records a file.
    Warc,
    /// RSS 0.9x/1.0/2.0, Atom or JSON Feed: one article an item.
    Feed,
    /// JSON Lines with a `text` or `html` field a line.
    Jsonl,
    /// Plain text: one document a file.
    Text,
}

impl Format {
    /// Every format, in the order `--input-format` lists them.
    pub const ALL: [Format; 5] = [
        Format::Html,
        Format::Warc,
        Format::Feed,
        Format::Jsonl,
        Format::Text,
    ];

    /// The name `--input-format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Warc => "warc",
            Format::Feed => "feed",
            Format::Jsonl => "jsonl",
            Format::Text => "text",
        }
    }

    /// File name extensions of this format (lower case, without `.gz`/`.lz4`).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Html => &["html", "htm", "xhtml", "shtml"],
            Format::Warc => &["warc", "arc"],
            Format::Feed => &["rss", "atom", "rdf", "xml", "json"],
            Format::Jsonl => &["jsonl", "ndjson"],
            Format::Text => &["txt", "text"],
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown `--input-format` name.
#[derive(Debug, thiserror::Error)]
#[error(
    "unknown input format {0:?} (one of: html, warc, arc, feed, rss, atom, jsonfeed, jsonl, text)"
)]
pub struct UnknownFormat(String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "html" | "htm" | "page" => Format::Html,
            "warc" | "arc" => Format::Warc,
            "feed" | "rss" | "atom" | "jsonfeed" | "json-feed" => Format::Feed,
            "jsonl" | "ndjson" | "json-lines" => Format::Jsonl,
            "text" | "txt" | "plain" => Format::Text,
            _ => return Err(UnknownFormat(s.to_string())),
        })
    }
}

/// Suffixes of the compressions undone by their magic bytes (see `open`).
const COMPRESSION_SUFFIXES: &[&str] = &[".gz", ".lz4"];

/// The file name without a trailing compression suffix (`.gz`, `.lz4`, any case).
pub fn without_compression(name: &str) -> &str {
    for s in COMPRESSION_SUFFIXES {
        let cut = name.len().saturating_sub(s.len());
        if cut > 0 && name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(s) {
            return &name[..cut];
        }
    }
    name
}

/// The file name without a trailing compression suffix, lower-cased.
fn bare_name(name: &str) -> String {
    without_compression(name).to_ascii_lowercase()
}

/// The format a file name says, when it says one for sure (`.xml` and
/// `.json` hold feeds or other things, so they are sniffed).
pub fn by_name(name: &str) -> Option<Format> {
    let bare = bare_name(name);
    let ext = bare.rsplit_once('.')?.1;
    if ext == "xml" || ext == "json" {
        return None;
    }
    Format::ALL
        .into_iter()
        .find(|f| f.extensions().contains(&ext))
}

/// True when a file of this name is one a folder walk picks up (any known
/// extension, or those of `only` when a format is forced).
pub fn is_source_name(name: &str, only: Option<Format>) -> bool {
    let bare = bare_name(name);
    let Some((_, ext)) = bare.rsplit_once('.') else {
        return false;
    };
    match only {
        Some(f) => f.extensions().contains(&ext),
        None => Format::ALL.iter().any(|f| f.extensions().contains(&ext)),
    }
}

/// The format of an (uncompressed) stream from its first bytes.
pub fn sniff(head: &[u8]) -> Format {
    let head = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let body = &head[start..];
    if body.starts_with(b"WARC/") || body.starts_with(b"filedesc://") {
        return Format::Warc;
    }
    if body.starts_with(b"{") {
        return if memchr::memmem::find(body, b"jsonfeed.org").is_some() {
            Format::Feed
        } else {
            Format::Jsonl
        };
    }
    if body.starts_with(b"<") {
        return match root_element(body) {
            Some(root) if is_feed_root(&root) => Format::Feed,
            // An XML document that is not a web page: read as a feed, so
            // what it is not is said by the feed reader.
            Some(root) if body.starts_with(b"<?xml") && !root.starts_with("html") => Format::Feed,
            _ => Format::Html,
        };
    }
    let lower: Vec<u8> = body.iter().take(4096).map(u8::to_ascii_lowercase).collect();
    let html_marks: [&[u8]; 6] = [
        b"<html",
        b"<body",
        b"<head",
        b"<!doctype html",
        b"<p>",
        b"<div",
    ];
    if html_marks
        .iter()
        .any(|m| memchr::memmem::find(&lower, m).is_some())
        || crate::guard::binary_kind(body).is_some()
    {
        // Binary payloads go to the page reader, which names what they are.
        return Format::Html;
    }
    Format::Text
}

fn is_feed_root(name: &str) -> bool {
    matches!(name, "rss" | "feed" | "rdf:rdf" | "channel")
}

/// The name of the first element, past the XML prolog, comments and doctype.
fn root_element(head: &[u8]) -> Option<String> {
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &head[i..]) {
        let s = i + off + 1;
        match head.get(s) {
            Some(b'?') | Some(b'!') => {
                let end = if head[s..].starts_with(b"!--") {
                    memchr::memmem::find(&head[s..], b"-->").map(|p| s + p + 3)
                } else {
                    memchr::memchr(b'>', &head[s..]).map(|p| s + p + 1)
                };
                i = end?;
            }
            Some(_) => {
                let name: String = head[s..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_'))
                    .map(|b| b.to_ascii_lowercase() as char)
                    .collect();
                return (!name.is_empty()).then_some(name);
            }
            None => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_decide_where_they_can() {
        assert_eq!(by_name("a/0001.html.gz"), Some(Format::Html));
        assert_eq!(by_name("CC-NEWS-2024.warc.gz"), Some(Format::Warc));
        assert_eq!(by_name("crawl.warc.lz4"), Some(Format::Warc));
        assert_eq!(without_compression("x.WARC.GZ"), "x.WARC");
        assert_eq!(without_compression("é.gz"), "é");
        assert_eq!(by_name("old.ARC"), Some(Format::Warc));
        assert_eq!(by_name("news.rss"), Some(Format::Feed));
        assert_eq!(by_name("docs.ndjson"), Some(Format::Jsonl));
        assert_eq!(by_name("note.txt"), Some(Format::Text));
        assert_eq!(by_name("feed.xml"), None);
        assert_eq!(by_name("feed.json"), None);
        assert_eq!(by_name("README"), None);
        assert!(is_source_name("x.atom.gz", None));
        assert!(!is_source_name("x.png", None));
        assert!(!is_source_name("x.txt", Some(Format::Html)));
    }

    #[test]
    fn content_decides_otherwise() {
        assert_eq!(sniff(b"WARC/1.1\r\nWARC-Type: warcinfo"), Format::Warc);
        assert_eq!(sniff(b"filedesc://x.arc 0.0.0.0 2014"), Format::Warc);
        assert_eq!(
            sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rdf:RDF>"), Format::Feed);
        assert_eq!(
            sniff(br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#),
            Format::Feed
        );
        assert_eq!(sniff(b"{\"id\": 1, \"text\": \"Hi.\"}\n"), Format::Jsonl);
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><head><link type=\"application/rss+xml\">"),
            Format::Html
        );
        assert_eq!(sniff(b"  <p>Just a fragment</p>"), Format::Html);
        assert_eq!(sniff(b"The council met on Tuesday."), Format::Text);
        assert_eq!(sniff(b"%PDF-1.7\n"), Format::Html);
    }

    #[test]
    fn format_names_parse() {
        assert_eq!("ARC".parse::<Format>().unwrap(), Format::Warc);
        assert_eq!("atom".parse::<Format>().unwrap(), Format::Feed);
        assert!("pdf".parse::<Format>().is_err());
    }
}

//! WARC (1.0/1.1) and legacy ARC reader, streaming, one `Result` per record.
//!
//! Input may be plain or gzip; gzip files made of one member per record (as
//! in Common Crawl and CC-NEWS) and whole-file gzip both read as one stream.
//! Records are found by their header line (`WARC/1.x`, or an ARC URL line
//! ending in a length), so a record with a bad `Content-Length` yields an
//! error and the reader skips ahead to the next `WARC/` line. A truncated
//! file yields a `Truncated` error for its last record. Records over
//! [`MAX_RECORD_BYTES`] are skipped with an error; header lines are capped
//! at [`MAX_LINE_BYTES`], so memory stays bounded whatever the input.

use std::io::{self, BufRead, Read};
use std::path::Path;

use super::ReadError;
use super::http::{HttpResponse, parse_response};

/// Largest record block kept in memory.
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;
/// Longest header line read.
pub const MAX_LINE_BYTES: u64 = 64 * 1024;

/// One WARC or ARC record.
#[derive(Debug, Clone, Default)]
pub struct WarcRecord {
    /// 0-based position of the record in the file.
    pub index: usize,
    /// Byte offset of the record's header in the (decompressed) stream.
    pub offset: u64,
    /// `WARC-Type` (`response`, `request`, `warcinfo`...); `arc` for ARC records.
    pub kind: String,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    pub record_id: Option<String>,
    /// The record's `Content-Type` (for responses `application/http...`).
    pub content_type: Option<String>,
    /// All header fields, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The record block (for responses: the HTTP message).
    pub block: Vec<u8>,
}

impl WarcRecord {
    /// The HTTP response inside a `response` (or ARC) record.
    pub fn http(&self) -> Option<HttpResponse> {
        if self.kind == "response" || self.kind == "arc" {
            parse_response(&self.block)
        } else {
            None
        }
    }

    /// What this record carries for article extraction: an HTML page with
    /// its transport charset (a `response` with status 200 and an HTML or
    /// missing media type, or a `resource` of type `text/html`), nothing
    /// (`warcinfo`, `request`, `metadata`, `revisit`...: not payloads), or a
    /// payload that is skipped, with the reason (another status, another
    /// media type, no HTTP message).
    pub fn payload(&self) -> Payload {
        match self.kind.as_str() {
            "resource" => {
                let ct = self
                    .content_type
                    .as_deref()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if ct.contains("html") {
                    Payload::Html {
                        body: self.block.clone(),
                        charset: None,
                    }
                } else {
                    Payload::Skip(format!("resource of type {ct:?}, not HTML"))
                }
            }
            "response" | "arc" => {
                let Some(http) = self.http() else {
                    return Payload::Skip("no HTTP response in the record".into());
                };
                if let Some(status) = http.status.filter(|&s| s != 200) {
                    return Payload::Skip(format!("HTTP status {status}"));
                }
                let media = http.media_type().unwrap_or_default();
                if !(media.is_empty() || media.contains("html")) {
                    return Payload::Skip(format!("payload is {media}, not HTML"));
                }
                let charset = http.charset().map(str::to_string);
                Payload::Html {
                    body: http.body,
                    charset,
                }
            }
            _ => Payload::None,
        }
    }

    /// The HTML payload and its transport charset, when [`Self::payload`] has one.
    pub fn html_payload(&self) -> Option<(Vec<u8>, Option<String>)> {
        match self.payload() {
            Payload::Html { body, charset } => Some((body, charset)),
            _ => None,
        }
    }
}

/// What a record carries for article extraction.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// An HTML page and the charset its HTTP headers declare.
    Html {
        body: Vec<u8>,
        charset: Option<String>,
    },
    /// Not a payload record (`warcinfo`, `request`, `metadata`, `revisit`...).
    None,
    /// A payload that is not an HTML page, and why.
    Skip(String),
}

/// Streaming reader over a WARC or ARC stream.
pub struct WarcReader<R> {
    r: R,
    index: usize,
    offset: u64,
    pending: Option<Vec<u8>>,
    done: bool,
    /// The stream holds ARC records (its first record was one).
    arc: bool,
    /// Where the last record returned (or failed) started, and its `WARC-Record-ID`.
    last_offset: u64,
    last_id: Option<String>,
}

/// Open a WARC/ARC file, plain, gzip or LZ4 (detected by its magic bytes).
pub fn open(path: &Path) -> io::Result<WarcReader<Box<dyn BufRead>>> {
    Ok(WarcReader::new(crate::source::open::open(path)?.reader))
}

impl<R: BufRead> WarcReader<R> {
    /// Read records from an uncompressed stream.
    pub fn new(r: R) -> Self {
        WarcReader {
            r,
            index: 0,
            offset: 0,
            pending: None,
            done: false,
            arc: false,
            last_offset: 0,
            last_id: None,
        }
    }

    /// Where the record last returned (or failed) starts in the uncompressed
    /// stream, and its `WARC-Record-ID` when its headers were read: what an
    /// error message names.
    pub fn last_record(&self) -> (u64, Option<&str>) {
        (self.last_offset, self.last_id.as_deref())
    }

    /// One line (with its terminator), at most [`MAX_LINE_BYTES`]; empty at EOF.
    fn line(&mut self) -> io::Result<Vec<u8>> {
        if let Some(l) = self.pending.take() {
            return Ok(l);
        }
        let mut buf = Vec::new();
        (&mut self.r)
            .take(MAX_LINE_BYTES)
            .read_until(b'\n', &mut buf)?;
        self.offset += buf.len() as u64;
        Ok(buf)
    }

    fn io_err(&mut self, source: io::Error) -> Option<Result<WarcRecord, ReadError>> {
        self.done = true;
        Some(Err(ReadError::Io {
            record: self.index,
            source,
        }))
    }

    /// Skip lines until the next `WARC/` header line, or in an ARC stream
    /// the next ARC header line (kept as pending).
    fn resync(&mut self) -> io::Result<()> {
        loop {
            let l = self.line()?;
            if l.is_empty() {
                return Ok(());
            }
            if l.starts_with(b"WARC/") || (self.arc && ArcHeader::parse(&l).is_some()) {
                self.pending = Some(l);
                return Ok(());
            }
        }
    }

    /// Read a block of `len` bytes, or skip it when too large.
    fn block(&mut self, len: u64, index: usize) -> Result<Vec<u8>, ReadError> {
        if len > MAX_RECORD_BYTES {
            let skipped =
                io::copy(&mut (&mut self.r).take(len), &mut io::sink()).map_err(|source| {
                    ReadError::Io {
                        record: index,
                        source,
                    }
                })?;
            self.offset += skipped;
            if skipped < len {
                self.done = true;
            }
            return Err(ReadError::TooLarge {
                record: index,
                size: len,
                limit: MAX_RECORD_BYTES,
            });
        }
        let mut block = Vec::with_capacity(len.min(1 << 20) as usize);
        let got = (&mut self.r)
            .take(len)
            .read_to_end(&mut block)
            .map_err(|source| ReadError::Io {
                record: index,
                source,
            })?;
        self.offset += got as u64;
        if (got as u64) < len {
            self.done = true;
            return Err(ReadError::Truncated {
                record: index,
                why: format!("block has {got} of {len} bytes"),
            });
        }
        Ok(block)
    }

    fn warc_record(&mut self, first: Vec<u8>, start: u64) -> Result<WarcRecord, ReadError> {
        let index = self.index;
        let mut headers = Vec::new();
        debug_assert!(first.starts_with(b"WARC/"));
        loop {
            let l = self.line().map_err(|source| ReadError::Io {
                record: index,
                source,
            })?;
            if l.is_empty() {
                self.done = true;
                return Err(ReadError::Truncated {
                    record: index,
                    why: "headers end early".into(),
                });
            }
            let s = String::from_utf8_lossy(&l);
            let s = s.trim_end_matches(['\r', '\n']);
            if s.is_empty() {
                break;
            }
            if let Some((k, v)) = s.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let get = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        self.last_id = get("warc-record-id");
        let Some(len) = get("content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            let _ = self.resync();
            return Err(ReadError::Malformed {
                record: index,
                why: "missing or invalid Content-Length".into(),
            });
        };
        let block = self.block(len, index)?;
        Ok(WarcRecord {
            index,
            offset: start,
            kind: get("warc-type").unwrap_or_default(),
            target_uri: get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string()),
            date: get("warc-date"),
            record_id: get("warc-record-id"),
            content_type: get("content-type"),
            headers,
            block,
        })
    }

    fn arc_record(&mut self, first: Vec<u8>, start: u64) -> Result<WarcRecord, ReadError> {
        let index = self.index;
        // A stream that does not start with a WARC record is an ARC file.
        if index == 0 {
            self.arc = true;
        }
        let Some(head) = ArcHeader::parse(&first) else {
            let line = String::from_utf8_lossy(&first);
            let line: String = line.trim().chars().take(60).collect();
            let why = if self.arc {
                format!("not an ARC header line: {line:?}; skipped to the next record")
            } else {
                format!("expected a WARC/ header line, found {line:?}; skipped to the next record")
            };
            let _ = self.resync();
            return Err(ReadError::Malformed { record: index, why });
        };
        let block = self.block(head.length, index)?;
        let kind = if head.url.starts_with("filedesc:") {
            "arcinfo"
        } else {
            "arc"
        };
        Ok(WarcRecord {
            index,
            offset: start,
            kind: kind.into(),
            target_uri: Some(head.url),
            date: Some(head.date),
            record_id: None,
            content_type: Some(head.content_type),
            headers: Vec::new(),
            block,
        })
    }
}

/// An ARC (v1 or v2) record header line: `URL IP DATE TYPE [v2 fields] LENGTH`.
/// The URL may hold spaces, so the fields are found from the IP address on.
struct ArcHeader {
    url: String,
    date: String,
    content_type: String,
    length: u64,
}

impl ArcHeader {
    fn parse(line: &[u8]) -> Option<ArcHeader> {
        let line = std::str::from_utf8(line).ok()?.trim();
        let fields: Vec<&str> = line.split(' ').filter(|f| !f.is_empty()).collect();
        let length = fields.last()?.parse::<u64>().ok()?;
        let is_ip = |f: &str| {
            !f.is_empty()
                && f.chars()
                    .all(|c| c.is_ascii_hexdigit() || c == '.' || c == ':')
        };
        let is_date = |f: &str| f.len() >= 8 && f.bytes().all(|b| b.is_ascii_digit());
        let at = (1..fields.len().saturating_sub(3))
            .find(|&i| is_ip(fields[i]) && is_date(fields[i + 1]))?;
        Some(ArcHeader {
            url: fields[..at].join(" "),
            date: fields[at + 1].to_string(),
            content_type: fields[at + 2].to_string(),
            length,
        })
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        // Skip the blank lines between records.
        let (first, start) = loop {
            let start = self.offset - self.pending.as_ref().map_or(0, |p| p.len() as u64);
            match self.line() {
                Err(e) => return self.io_err(e),
                Ok(l) if l.is_empty() => {
                    self.done = true;
                    return None;
                }
                Ok(l) if l.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(l) => break (l, start),
            }
        };
        self.last_offset = start;
        self.last_id = None;
        let rec = if first.starts_with(b"WARC/") {
            self.warc_record(first, start)
        } else {
            self.arc_record(first, start)
        };
        self.index += 1;
        if matches!(rec, Err(ReadError::Io { .. })) {
            // A broken stream (cut-off gzip member) cannot be resynchronised.
            self.done = true;
        }
        Some(rec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warc(records: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        for (kind, body) in records {
            out.extend_from_slice(
                format!(
                    "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://example.org/{kind}\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
                    body.len()
                )
                .as_bytes(),
            );
        }
        out
    }

    #[test]
    fn reads_records_and_html_payloads() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p>";
        let data = warc(&[("warcinfo", "software: test"), ("response", page)]);
        let recs: Vec<_> = WarcReader::new(&data[..])
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].kind, "response");
        assert_eq!(
            recs[1].target_uri.as_deref(),
            Some("https://example.org/response")
        );
        let (html, charset) = recs[1].html_payload().unwrap();
        assert_eq!(html, b"<p>Hello</p>");
        assert_eq!(charset.as_deref(), Some("utf-8"));
    }

    #[test]
    fn bad_length_is_an_error_and_reading_goes_on() {
        let mut data =
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nsome body\r\n\r\n"
                .to_vec();
        data.extend(warc(&[("resource", "fine")]));
        let recs: Vec<_> = WarcReader::new(&data[..]).collect();
        assert_eq!(recs.len(), 2);
        assert!(matches!(
            recs[0],
            Err(ReadError::Malformed { record: 0, .. })
        ));
        assert_eq!(recs[1].as_ref().unwrap().block, b"fine");
    }

    #[test]
    fn truncated_file_names_the_record() {
        let mut data = warc(&[("response", "HTTP/1.1 200 OK\r\n\r\nfull")]);
        data.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort",
        );
        let recs: Vec<_> = WarcReader::new(&data[..]).collect();
        assert_eq!(recs.len(), 2);
        assert!(recs[0].is_ok());
        assert!(matches!(
            recs[1],
            Err(ReadError::Truncated { record: 1, .. })
        ));
    }

    #[test]
    fn garbage_is_an_error_not_a_hang() {
        let data = vec![b'x'; 300_000];
        let recs: Vec<_> = WarcReader::new(&data[..]).take(10).collect();
        assert!(!recs.is_empty());
        assert!(recs.iter().all(|r| r.is_err()));
    }
}

//! The pages of a WARC file, in Arrow batches, read by the Rust WARC reader
//! (`tidings_ingest::read::warc`): what `tidings.read_warc` yields and the
//! Spark job feeds to `extract_batch`.
//!
//! A page is a record with an HTML payload ([`WarcRecord::html_payload`]: a
//! `response` with status 200 and an HTML or missing media type, or an HTML
//! `resource`). Its row: `id` (the `WARC-Record-ID`, else `NAME#OFFSET`),
//! `url` (`WARC-Target-URI`), `path` (`NAME#OFFSET`, the offset of the record
//! in the decompressed stream), `html` (the payload, de-chunked) and
//! `charset` (from the HTTP `Content-Type`). Plain and gzip input (one
//! member per record, as Common Crawl writes, or one for the whole file) are
//! told apart by their first bytes. Records the reader cannot parse are
//! skipped and counted ([`WarcPages::skipped`]); memory stays bounded by the
//! reader's caps and the batch size.

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, BinaryArray, RecordBatch, StringArray};
use flate2::read::MultiGzDecoder;
use tidings_ingest::read::warc::{WarcReader, WarcRecord};

use crate::error::BatchError;

type Stream = Box<dyn BufRead + Send>;

/// A WARC file's pages, a batch at a time.
pub struct WarcPages {
    reader: WarcReader<Stream>,
    name: String,
    batch_rows: usize,
    skipped: u64,
}

/// Plain or gzip, by the magic bytes.
fn decoded<R: BufRead + Send + 'static>(mut r: R) -> std::io::Result<Stream> {
    let gz = r.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(r)))
    } else {
        Box::new(r)
    })
}

impl WarcPages {
    /// Read the WARC file at `path`, streaming.
    pub fn open(path: &Path, batch_rows: usize) -> Result<Self, BatchError> {
        let file = BufReader::with_capacity(1 << 16, File::open(path)?);
        Ok(Self::new(
            decoded(file)?,
            path.display().to_string(),
            batch_rows,
        ))
    }

    /// Read a WARC file held in memory; `name` stands for it in `path`.
    pub fn from_bytes(data: Vec<u8>, name: &str, batch_rows: usize) -> Result<Self, BatchError> {
        Ok(Self::new(
            decoded(Cursor::new(data))?,
            name.to_string(),
            batch_rows,
        ))
    }

    /// Read any byte stream (plain or gzip).
    pub fn from_reader(
        r: impl Read + Send + 'static,
        name: &str,
        batch_rows: usize,
    ) -> Result<Self, BatchError> {
        let r = BufReader::with_capacity(1 << 16, r);
        Ok(Self::new(decoded(r)?, name.to_string(), batch_rows))
    }

    fn new(stream: Stream, name: String, batch_rows: usize) -> Self {
        WarcPages {
            reader: WarcReader::new(stream),
            name,
            batch_rows: batch_rows.max(1),
            skipped: 0,
        }
    }

    /// Records skipped so far because they could not be read.
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// The next batch of up to `batch_rows` pages; `None` at the end.
    pub fn next_batch(&mut self) -> Option<Result<RecordBatch, BatchError>> {
        let mut rows = PageRows::default();
        while rows.len() < self.batch_rows {
            match self.reader.next() {
                None => break,
                Some(Err(_)) => self.skipped += 1,
                Some(Ok(rec)) => rows.push(&self.name, rec),
            }
        }
        if rows.len() == 0 {
            return None;
        }
        Some(rows.finish())
    }
}

impl Iterator for WarcPages {
    type Item = Result<RecordBatch, BatchError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_batch()
    }
}

#[derive(Default)]
struct PageRows {
    id: Vec<String>,
    url: Vec<Option<String>>,
    path: Vec<String>,
    html: Vec<Vec<u8>>,
    charset: Vec<Option<String>>,
}

impl PageRows {
    fn len(&self) -> usize {
        self.id.len()
    }

    fn push(&mut self, name: &str, rec: WarcRecord) {
        let Some((html, charset)) = rec.html_payload() else {
            return;
        };
        let path = format!("{name}#{}", rec.offset);
        self.id
            .push(rec.record_id.clone().unwrap_or_else(|| path.clone()));
        self.url.push(rec.target_uri.clone());
        self.path.push(path);
        self.html.push(html);
        self.charset.push(charset);
    }

    fn finish(self) -> Result<RecordBatch, BatchError> {
        let html: Vec<&[u8]> = self.html.iter().map(Vec::as_slice).collect();
        Ok(RecordBatch::try_from_iter_with_nullable(vec![
            (
                "id",
                Arc::new(StringArray::from(self.id)) as ArrayRef,
                false,
            ),
            (
                "url",
                Arc::new(StringArray::from(self.url)) as ArrayRef,
                true,
            ),
            (
                "path",
                Arc::new(StringArray::from(self.path)) as ArrayRef,
                false,
            ),
            ("html", Arc::new(BinaryArray::from(html)) as ArrayRef, false),
            (
                "charset",
                Arc::new(StringArray::from(self.charset)) as ArrayRef,
                true,
            ),
        ])?)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use arrow_array::cast::AsArray;
    use flate2::Compression;
    use flate2::write::GzEncoder;

    use super::*;

    /// One WARC response record holding `body` with this content type.
    fn response(uri: &str, id: &str, ctype: &str, body: &str) -> Vec<u8> {
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let mut rec = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Record-ID: {id}\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        rec.extend_from_slice(http.as_bytes());
        rec.extend_from_slice(b"\r\n\r\n");
        rec
    }

    fn archive() -> Vec<u8> {
        let mut plain = Vec::new();
        for i in 0..5 {
            plain.extend(response(
                &format!("https://news.example/{i}"),
                &format!("<urn:uuid:{i}>"),
                "text/html; charset=windows-1252",
                &format!("<html><body><p>Report {i}.</p></body></html>"),
            ));
        }
        plain.extend(response(
            "https://news.example/logo.png",
            "<urn:uuid:logo>",
            "image/png",
            "PNG",
        ));
        plain
    }

    #[test]
    fn html_responses_become_page_rows_in_batches() {
        let mut pages = WarcPages::from_bytes(archive(), "a.warc", 2).unwrap();
        let batches: Vec<RecordBatch> = pages.by_ref().map(Result::unwrap).collect();
        assert_eq!(
            batches.iter().map(|b| b.num_rows()).collect::<Vec<_>>(),
            [2, 2, 1]
        );
        let first = &batches[0];
        let col = |n: &str| {
            first
                .column_by_name(n)
                .unwrap()
                .as_string::<i32>()
                .value(1)
                .to_string()
        };
        assert_eq!(col("id"), "<urn:uuid:1>");
        assert_eq!(col("url"), "https://news.example/1");
        assert!(col("path").starts_with("a.warc#"));
        assert_eq!(col("charset"), "windows-1252");
        let html = first.column_by_name("html").unwrap().as_binary::<i32>();
        assert_eq!(html.value(0), b"<html><body><p>Report 0.</p></body></html>");
        assert_eq!(pages.skipped(), 0);
    }

    #[test]
    fn gzip_input_reads_the_same() {
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(&archive()).unwrap();
        let pages = WarcPages::from_bytes(gz.finish().unwrap(), "a.warc.gz", 100).unwrap();
        let rows: usize = pages.map(|b| b.unwrap().num_rows()).sum();
        assert_eq!(rows, 5);
    }
}

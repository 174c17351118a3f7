//! Source readers: each turns one input into an iterator of records that
//! yields a `Result` per record, so a batch goes on after a bad record.
//!
//! | reader | input |
//! |---|---|
//! | [`warc`] | WARC 1.0/1.1 and legacy ARC, plain or gzip (per-record members as in Common Crawl) |
//! | [`feed`] | RSS 0.9x/1.0/2.0, Atom, JSON Feed (one error per bad item) |
//! | [`http`] | the HTTP message inside a WARC/ARC response (headers, chunked bodies) |
//! | [`jsonl`] | JSON Lines with a `text` or `html` field plus metadata |
//! | [`text`] | plain text files, one document each |

pub mod feed;
pub mod http;
pub mod jsonl;
pub mod text;
pub mod warc;

/// Why a record could not be read. Each error names where it happened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    #[error("I/O error after record {record}: {source}")]
    Io {
        record: usize,
        #[source]
        source: std::io::Error,
    },
    #[error("record {record}: {why}")]
    Malformed { record: usize, why: String },
    #[error("record {record}: truncated ({why})")]
    Truncated { record: usize, why: String },
    #[error("record {record}: {size} bytes, over the {limit}-byte limit; skipped")]
    TooLarge {
        record: usize,
        size: u64,
        limit: u64,
    },
}

impl ReadError {
    /// The 0-based record (WARC record, feed item) or 1-based line (JSONL) it names.
    pub fn record(&self) -> usize {
        match self {
            ReadError::Io { record, .. }
            | ReadError::Malformed { record, .. }
            | ReadError::Truncated { record, .. }
            | ReadError::TooLarge { record, .. } => *record,
        }
    }

    /// What went wrong, without the record number (for messages that name
    /// the record their own way).
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io { source, .. } => format!("cannot read on: {source}"),
            ReadError::Malformed { why, .. } => why.clone(),
            ReadError::Truncated { why, .. } => format!("truncated ({why})"),
            ReadError::TooLarge { size, limit, .. } => {
                format!("{size} bytes, over the {limit}-byte limit; skipped")
            }
        }
    }
}

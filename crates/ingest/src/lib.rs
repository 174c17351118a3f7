//! Tidings ingest: turn web pages into articles.
//!
//! [`extract_html`] takes one page's bytes and returns its [`Article`]: body
//! text with paragraphs, title, authors, date, site, language, page type and
//! a content hash.
//!
//! | module | job |
//! |---|---|
//! | `guard` | refuse oversized and binary payloads, defuse deep nesting |
//! | `decode` | charset detection and decoding |
//! | `signals` | one pass collecting meta tags, JSON-LD, `<time>`, bylines |
//! | `jsonld` | the schema.org article object |
//! | `flatten` | the page as an element arena and text blocks, furniture skipped |
//! | `boilerplate` | class/id and line-level furniture signals |
//! | `content` | choose and filter the body blocks |
//! | `title`, `authors`, `dates`, `local_date`, `language`, `page_type` | metadata |
//! | `hash` | content hash for deduplication |
//! | `record` | the `extract` JSON record of FORMAT.md |
//! | `read` | source readers: WARC/ARC, HTTP payloads, feeds, JSONL, plain text |
//! | `fuzz` | the fuzzing entry points (WARC, feed, HTML) shared by cargo-fuzz and the stable harness |
//! | `source` | every input kind detected, opened and read as one stream of records |

#![forbid(unsafe_code)]

mod authors;
mod boilerplate;
mod content;
pub mod dates;
pub mod decode;
pub mod extract;
mod flatten;
pub mod fuzz;
pub mod guard;
mod hash;
mod jsonld;
mod language;
mod local_date;
mod page_type;
pub mod read;
pub mod record;
mod signals;
pub mod source;
mod title;

pub use extract::{Article, ExtractError, extract_html, extract_html_with_charset};
pub use hash::content_hash;

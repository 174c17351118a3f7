//! Tidings ingest: turn web pages into articles.
//!
//! [`extract::extract_html`] takes one page's bytes and returns its
//! [`Article`]: body text with paragraphs, title, authors, date, site.

pub mod extract;

pub use extract::{Article, ExtractError, extract_html};

//! One record from any source, and how it becomes an [`Article`].
//!
//! A page (an HTML file, a WARC response, a JSONL `html` field) goes through
//! the article extractor with its transport charset. A feed item's content
//! or summary is an HTML fragment: it is the article body already, so it is
//! turned into paragraphs as it is, with no boilerplate removal. Text (a
//! plain-text file, a JSONL `text` field) is kept exactly as given, so the
//! offsets of annotations index into the caller's text. Metadata the source
//! states (a feed item's title, date and authors; a JSONL line's fields; a
//! WARC record's target URI) wins over what extraction finds in the page.

use crate::extract::{Article, ExtractError, extract_html_with_charset};
use crate::{guard, hash, language};

use super::fragment::fragment_text;

/// What a record holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A whole web page, as bytes, with the charset its transport declares.
    Page {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
    /// A feed item's HTML (or plain) content; `full` is false when it is
    /// only the item's summary (the link to the whole article is kept in
    /// the metadata; nothing is fetched).
    Fragment { html: String, full: bool },
    /// Plain text, used as it is.
    Text(String),
}

/// Metadata stated by the source, beside the payload.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    pub url: Option<String>,
    pub title: Option<String>,
    /// ISO date or date-time.
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    pub language: Option<String>,
}

/// One record of a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's id: a page file's name without its extension; for a
    /// record inside a file, the file's stem and the record's number
    /// (`crawl#12`); a JSONL line's own `id` when it has one.
    pub id: String,
    /// The file it came from (`-` for stdin).
    pub path: String,
    /// Where exactly: the file, and the WARC record (number, offset, ID),
    /// feed item or line. Error messages and provenance use it.
    pub origin: String,
    pub payload: Payload,
    pub hints: Hints,
}

/// Page type of a feed item that carries only its summary.
pub const SUMMARY_PAGE_TYPE: &str = "summary";

impl Record {
    /// Bytes held by the payload (for bounding batches in memory).
    pub fn size(&self) -> usize {
        match &self.payload {
            Payload::Page { bytes, .. } => bytes.len(),
            Payload::Fragment { html, .. } => html.len(),
            Payload::Text(t) => t.len(),
        }
    }

    /// The article of this record.
    pub fn extract(&self) -> Result<Article, ExtractError> {
        let mut article = match &self.payload {
            Payload::Page { bytes, charset } => {
                extract_html_with_charset(bytes, self.hints.url.as_deref(), charset.as_deref())?
            }
            Payload::Fragment { html, full } => {
                check_size(html.len())?;
                let text = fragment_text(html);
                let page_type = if *full { "article" } else { SUMMARY_PAGE_TYPE };
                text_article(text, page_type)?
            }
            Payload::Text(text) => {
                check_size(text.len())?;
                if let Some(kind) = guard::binary_kind(text.as_bytes()) {
                    return Err(ExtractError::NotHtml { kind });
                }
                text_article(text.clone(), "article")?
            }
        };
        let h = &self.hints;
        overlay(&mut article.url, &h.url);
        overlay(&mut article.title, &h.title);
        overlay(&mut article.published, &h.published);
        overlay(&mut article.site, &h.site);
        overlay(&mut article.language, &h.language);
        if !h.authors.is_empty() {
            article.authors = h.authors.clone();
        }
        if article.language.is_none() {
            article.language = language::guess(&article.text);
        }
        Ok(article)
    }
}

/// A stated value replaces the found one.
fn overlay(found: &mut Option<String>, stated: &Option<String>) {
    if let Some(s) = stated.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        *found = Some(s.to_string());
    }
}

fn check_size(size: usize) -> Result<(), ExtractError> {
    if size > guard::MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge {
            size,
            limit: guard::MAX_PAGE_BYTES,
        });
    }
    Ok(())
}

fn text_article(text: String, page_type: &str) -> Result<Article, ExtractError> {
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(Article {
        content_hash: hash::content_hash(&text),
        text,
        page_type: page_type.to_string(),
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(payload: Payload, hints: Hints) -> Record {
        Record {
            id: "r".into(),
            path: "r".into(),
            origin: "r".into(),
            payload,
            hints,
        }
    }

    #[test]
    fn text_is_kept_exactly_and_hints_are_metadata() {
        let text = "  The ferry resumed service on Monday.\r\nPassengers were relieved.";
        let r = record(
            Payload::Text(text.into()),
            Hints {
                title: Some("Ferry back".into()),
                published: Some("2024-06-03".into()),
                authors: vec!["Ana Ruiz".into()],
                ..Hints::default()
            },
        );
        let a = r.extract().unwrap();
        assert_eq!(a.text, text);
        assert_eq!(a.title.as_deref(), Some("Ferry back"));
        assert_eq!(a.published.as_deref(), Some("2024-06-03"));
        assert_eq!(a.authors, ["Ana Ruiz"]);
        assert_eq!(a.content_hash, crate::content_hash(text));
    }

    #[test]
    fn summaries_are_marked_and_keep_their_link() {
        let r = record(
            Payload::Fragment {
                html: "<p>The mayor opened the <b>new</b> library.</p>".into(),
                full: false,
            },
            Hints {
                url: Some("https://example.org/library".into()),
                ..Hints::default()
            },
        );
        let a = r.extract().unwrap();
        assert_eq!(a.text, "The mayor opened the new library.");
        assert_eq!(a.page_type, SUMMARY_PAGE_TYPE);
        assert_eq!(a.url.as_deref(), Some("https://example.org/library"));
    }

    #[test]
    fn empty_and_binary_text_are_errors() {
        let empty = record(Payload::Text(" \n".into()), Hints::default());
        assert!(matches!(empty.extract(), Err(ExtractError::Empty)));
        let binary = record(Payload::Text("\0\0\0\u{1}".into()), Hints::default());
        assert!(matches!(
            binary.extract(),
            Err(ExtractError::NotHtml { .. })
        ));
    }

    #[test]
    fn stated_url_and_title_win_over_the_page() {
        let page = b"<html><head><title>Page title</title><link rel=canonical href=\"https://example.org/canon\"></head><body><article><p>The harbour reopened after the storm, and the first boats came in at dawn.</p></article></body></html>";
        let r = record(
            Payload::Page {
                bytes: page.to_vec(),
                charset: None,
            },
            Hints {
                url: Some("https://example.org/crawled".into()),
                ..Hints::default()
            },
        );
        let a = r.extract().unwrap();
        assert_eq!(a.url.as_deref(), Some("https://example.org/crawled"));
        assert!(a.text.contains("harbour reopened"));
    }
}

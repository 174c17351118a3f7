//! Article extraction from one HTML page: the entry point.
//!
//! `bytes -> guard (size, binary) -> decode (charset) -> defuse deep nesting
//! -> parse (html5ever via scraper) -> signals + flattened blocks -> body,
//! title, authors, date, site, language, page type, content hash`.

use scraper::Html;

use crate::content::{self, Body};
use crate::{authors, dates, decode, flatten, guard, jsonld, language, page_type, signals, title};

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    pub site: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// The URL given by the caller, else the page's canonical URL.
    pub url: Option<String>,
    /// `article`, or what else the page is (`listing`, `product`, `other`).
    pub page_type: String,
    /// Body text, paragraphs separated by blank lines.
    pub text: String,
    /// blake3 of the normalised body (lower-cased words joined by spaces),
    /// hex: the same article under two URLs has one hash.
    pub content_hash: String,
}

/// Why a page yields no article.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    #[error("the page is empty")]
    Empty,
    #[error("the page is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: usize, limit: usize },
    #[error("the payload is not HTML but {kind}")]
    NotHtml { kind: &'static str },
}

/// Extract the article from an HTML page given as bytes in any charset.
pub fn extract_html(bytes: &[u8], url: Option<&str>) -> Result<Article, ExtractError> {
    extract_html_with_charset(bytes, url, None)
}

/// As [`extract_html`], with a charset declared by the transport (HTTP header).
pub fn extract_html_with_charset(
    bytes: &[u8],
    url: Option<&str>,
    charset: Option<&str>,
) -> Result<Article, ExtractError> {
    if bytes.len() > guard::MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: guard::MAX_PAGE_BYTES,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    if let Some(kind) = guard::binary_kind(bytes) {
        return Err(ExtractError::NotHtml { kind });
    }
    let text = decode::decode(bytes, charset);
    let text = guard::prepare(&text);
    let doc = Html::parse_document(&text);
    Ok(extract_parsed(&doc, url))
}

/// Short texts where a byline or a dateline sits, most likely first: the
/// blocks just above the body (nearest first), the start of the body's first
/// paragraphs, then the top of the page.
fn lead_texts<'a>(flat: &'a flatten::Flat, body: &Body) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    if let Some(first) = body.first_block {
        out.extend(
            flat.blocks[first.saturating_sub(40)..first]
                .iter()
                .rev()
                .map(|b| b.text.as_str()),
        );
        out.extend(
            flat.blocks[first..(first + 3).min(flat.blocks.len())]
                .iter()
                .map(|b| prefix(&b.text, 80)),
        );
    }
    out.extend(flat.blocks.iter().take(200).map(|b| b.text.as_str()));
    out
}

/// Short texts where a signature sits: the body's last paragraphs and the
/// blocks after it.
fn tail_texts<'a>(flat: &'a flatten::Flat, body: &Body) -> Vec<&'a str> {
    let Some(last) = body.last_block else {
        return Vec::new();
    };
    let from = last.saturating_sub(2).max(body.first_block.unwrap_or(0));
    flat.blocks[from..(last + 16).min(flat.blocks.len())]
        .iter()
        .map(|b| b.text.as_str())
        .collect()
}

fn prefix(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn extract_parsed(doc: &Html, url: Option<&str>) -> Article {
    let sig = signals::collect(doc);
    let ld = jsonld::read(&sig.jsonld);
    let mut flat = flatten::flatten(doc, true);
    let canonical = sig
        .canonical
        .clone()
        .filter(|c| c.starts_with("http"))
        .or_else(|| sig.meta(&["og:url"]).map(str::to_string))
        .or_else(|| ld.url.clone());
    let url = url.map(str::to_string).or(canonical);
    let site = sig
        .meta(&["og:site_name", "application-name", "twitter:site"])
        .map(|s| s.trim_start_matches('@').to_string())
        .or_else(|| ld.site_name.clone())
        .or_else(|| ld.publisher.clone());
    let title = title::title(&sig, &ld, site.as_deref(), url.as_deref());
    let mut body: Body = content::extract_body(&flat, ld.article_body.as_deref(), title.as_deref());
    // Readability's retry: class names misled us (a wrapper called
    // "sidebar-layout"), so look again without them.
    // A body of menu entries, labels and captions has next to no prose
    // (paragraphs of sentence length): look again then too.
    let got = body.chars();
    let prose = body.prose_chars();
    let want = ld
        .article_body
        .as_deref()
        .map_or(0, |b| b.chars().count() / 2);
    if got < 500.max(want.min(2000)) || prose < 200 {
        let loose = flatten::flatten(doc, false);
        let second = content::extract_body(&loose, ld.article_body.as_deref(), title.as_deref());
        if second.chars() > got * 2 || (prose < 200 && second.prose_chars() > 400.max(prose * 2)) {
            body = second;
            flat = loose;
        }
    }
    body.finish();
    let text = body.paragraphs.join("\n\n");
    let lead = lead_texts(&flat, &body);
    let published = dates::published(&sig, &ld, url.as_deref(), &lead);
    let tail = tail_texts(&flat, &body);
    let in_order: Vec<&str> = flat
        .blocks
        .iter()
        .take(200)
        .map(|b| b.text.as_str())
        .collect();
    let texts = authors::Texts {
        lead: &lead,
        in_order: &in_order,
        tail: &tail,
    };
    let authors = authors::authors(&sig, &ld, site.as_deref(), url.as_deref(), texts);
    let language = language::language(&sig, &ld, &text);
    let page_type = page_type::classify(&sig, &ld, &body, &text);
    let content_hash = crate::hash::content_hash(&text);
    Article {
        title,
        authors,
        published,
        site,
        language,
        url,
        page_type: page_type.to_string(),
        text,
        content_hash,
    }
}

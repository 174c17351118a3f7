//! Article extraction from one HTML page.

use scraper::{ElementRef, Html, Selector};

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// `article`, or what else the page is.
    pub page_type: String,
    /// Body text, paragraphs separated by blank lines.
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    #[error("the page is empty")]
    Empty,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Extract the article from an HTML page given as bytes (UTF-8 or lossy).
pub fn extract_html(bytes: &[u8], url: Option<&str>) -> Result<Article, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    let html = String::from_utf8_lossy(bytes);
    let doc = Html::parse_document(&html);
    let meta = |name: &str| -> Option<String> {
        let s = sel(&format!("meta[property=\"{name}\"], meta[name=\"{name}\"]"));
        doc.select(&s)
            .filter_map(|m| m.value().attr("content"))
            .map(|c| c.trim().to_string())
            .find(|c| !c.is_empty())
    };
    let title = meta("og:title").or_else(|| {
        doc.select(&sel("title"))
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty())
    });
    let root = doc
        .select(&sel("article"))
        .max_by_key(|a| text_len(*a))
        .or_else(|| doc.select(&sel("body")).next());
    let mut paras = Vec::new();
    if let Some(root) = root {
        for p in root.select(&sel("p, h2, h3, li, blockquote")) {
            let t = p.text().collect::<Vec<_>>().join(" ");
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                paras.push(t);
            }
        }
    }
    Ok(Article {
        title,
        authors: meta("author").into_iter().collect(),
        published: meta("article:published_time"),
        site: meta("og:site_name"),
        language: doc
            .select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang"))
            .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_lowercase()),
        url: url.map(str::to_string).or_else(|| meta("og:url")),
        page_type: "article".into(),
        text: paras.join("\n\n"),
    })
}

fn text_len(e: ElementRef) -> usize {
    e.text().map(str::len).sum()
}

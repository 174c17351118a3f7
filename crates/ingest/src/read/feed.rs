//! RSS 0.9x/1.0/2.0, Atom and JSON Feed, through `feed-rs`.
//!
//! A feed that does not parse is one error; a parsed feed gives one
//! `Result` per item, so an item with neither a link nor any content is an
//! error naming its position and the others still come through. Items carry
//! their full content when the feed has it, else their summary and link (for
//! a later fetch).

use super::ReadError;

/// One feed item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedItem {
    /// 0-based position in the feed.
    pub index: usize,
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// RFC 3339 publication (else update) time.
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub summary: Option<String>,
    /// Full content (usually HTML) when the feed carries it.
    pub content: Option<String>,
}

impl FeedItem {
    /// The richest text the item has: full content, else the summary.
    pub fn body(&self) -> Option<&str> {
        self.content.as_deref().or(self.summary.as_deref())
    }
}

/// A parsed feed: its own metadata and one `Result` per item.
#[derive(Debug, Default)]
pub struct Feed {
    /// The feed's title (the site or section name).
    pub title: Option<String>,
    /// The feed's language, as declared.
    pub language: Option<String>,
    pub items: Vec<Result<FeedItem, ReadError>>,
}

/// Parse a feed's items; each item is a `Result`.
pub fn read_feed(bytes: &[u8]) -> Result<Vec<Result<FeedItem, ReadError>>, ReadError> {
    parse_feed(bytes).map(|f| f.items)
}

/// Parse a feed with its title and language; each item is a `Result`.
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, ReadError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| ReadError::Malformed {
        record: 0,
        why: format!("not a feed: {e}"),
    })?;
    let title = feed
        .title
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let language = feed.language.filter(|l| !l.trim().is_empty());
    let items = feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(index, e)| {
            let item = FeedItem {
                index,
                id: e.id,
                title: e.title.map(|t| t.content.trim().to_string()),
                url: e.links.first().map(|l| l.href.clone()),
                published: e.published.or(e.updated).map(|d| d.to_rfc3339()),
                authors: e
                    .authors
                    .into_iter()
                    .map(|p| p.name.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect(),
                summary: e.summary.map(|s| s.content),
                content: e.content.and_then(|c| c.body),
            };
            if item.url.is_none() && item.body().is_none() {
                Err(ReadError::Malformed {
                    record: index,
                    why: "item has neither a link nor content".into(),
                })
            } else {
                Ok(item)
            }
        })
        .collect();
    Ok(Feed {
        title,
        language,
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_with_and_without_content() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
            <item><title>Bridge reopens</title><link>https://example.org/bridge</link>
              <pubDate>Thu, 02 May 2024 08:15:00 GMT</pubDate><description>Short summary.</description></item>
            <item><title>Empty item</title></item>
            </channel></rss>"#;
        let items = read_feed(rss.as_bytes()).unwrap();
        assert_eq!(items.len(), 2);
        let first = items[0].as_ref().unwrap();
        assert_eq!(first.url.as_deref(), Some("https://example.org/bridge"));
        assert_eq!(first.body(), Some("Short summary."));
        assert!(
            first
                .published
                .as_deref()
                .unwrap()
                .starts_with("2024-05-02")
        );
        assert!(matches!(
            items[1],
            Err(ReadError::Malformed { record: 1, .. })
        ));
    }

    #[test]
    fn json_feed_and_garbage() {
        let jf = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"https://example.org/a","content_html":"<p>Full text.</p>"}]}"#;
        let items = read_feed(jf.as_bytes()).unwrap();
        assert_eq!(
            items[0].as_ref().unwrap().content.as_deref(),
            Some("<p>Full text.</p>")
        );
        assert!(read_feed(b"\x00\x01 not a feed").is_err());
    }
}

//! The `extract` output record of FORMAT.md, for one page file.
//!
//! `{"id", "path", "title", "authors", "published", "site", "language",
//! "text"}` plus the extras `url`, `page_type` and `content_hash`. The id is
//! the file name without `.html`, `.htm`, `.html.gz` or `.htm.gz`.

use serde_json::{Value, json};

use crate::Article;

/// The page id of a file name: `0001.html.gz` -> `0001`.
pub fn page_id(file_name: &str) -> &str {
    for ext in [".html.gz", ".htm.gz", ".html", ".htm"] {
        if let Some(s) = file_name.strip_suffix(ext) {
            return s;
        }
    }
    file_name
}

/// The JSON record for an extracted page.
pub fn extract_json(id: &str, path: &str, a: &Article) -> Value {
    json!({
        "id": id,
        "path": path,
        "title": a.title,
        "authors": a.authors,
        "published": a.published,
        "site": a.site,
        "language": a.language,
        "text": a.text,
        "url": a.url,
        "page_type": a.page_type,
        "content_hash": a.content_hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_drop_page_extensions() {
        assert_eq!(page_id("0001.html.gz"), "0001");
        assert_eq!(page_id("a.b.htm"), "a.b");
        assert_eq!(page_id("notes.txt"), "notes.txt");
    }
}

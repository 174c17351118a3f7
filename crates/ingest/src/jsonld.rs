//! Read schema.org JSON-LD: the article object a publisher describes.
//!
//! Objects may sit at the top level, in arrays or in `@graph`; `@type` may be
//! a string or a list. The "article" is the first object whose type ends in
//! `Article`, `BlogPosting`, `Posting` or `Report`; a `WebPage` is the
//! fallback for title and dates. Product, listing and forum types are kept to
//! tell non-article pages apart.

use serde_json::Value;

/// What JSON-LD says about the page.
#[derive(Debug, Default, Clone)]
pub struct LdInfo {
    pub types: Vec<String>,
    pub headline: Option<String>,
    pub authors: Vec<String>,
    /// Every author is typed `Organization`: the publisher, not a byline.
    pub authors_are_organisations: bool,
    pub date_published: Option<String>,
    pub date_created: Option<String>,
    pub article_body: Option<String>,
    pub language: Option<String>,
    pub publisher: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// True when an article-like object was found.
    pub is_article: bool,
}

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article")
        || t.ends_with("BlogPosting")
        || t.ends_with("Posting")
        || t == "Report"
        || t == "Review"
}

fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 || out.len() > 200 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, out, depth + 1)),
        Value::Object(o) => {
            if o.contains_key("@type") {
                out.push(v);
            }
            if let Some(g) = o.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                collect_objects(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn string_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| string_of(Some(x))),
        Value::Object(o) => string_of(o.get("name")).or_else(|| string_of(o.get("@value"))),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Names of an author value; `{"@id": ...}` references are looked up in `objs`.
fn names_of(v: Option<&Value>, objs: &[&Value], out: &mut Vec<String>) {
    if let Some(Value::Object(o)) = v
        && !o.contains_key("name")
        && let Some(id) = o.get("@id").and_then(Value::as_str)
        && let Some(target) = objs
            .iter()
            .find(|x| x.get("@id").and_then(Value::as_str) == Some(id) && x.get("name").is_some())
    {
        names_of(Some(target), &[], out);
        return;
    }
    match v {
        Some(Value::String(s)) => {
            let s = s.trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
        }
        Some(Value::Array(a)) => a.iter().for_each(|x| names_of(Some(x), objs, out)),
        Some(Value::Object(o)) => {
            if let Some(n) = string_of(o.get("name")) {
                out.push(n);
            } else if let (Some(g), Some(f)) = (
                string_of(o.get("givenName")),
                string_of(o.get("familyName")),
            ) {
                out.push(format!("{g} {f}"));
            }
        }
        _ => {}
    }
}

/// Without an article, the page's main creative work (a `Recipe`, a
/// `HowTo`...) names the author; media objects name a photographer.
fn creative_work_authors(objs: &[&Value], info: &mut LdInfo) {
    let work = objs.iter().find(|o| {
        o.get("author").is_some()
            && !types_of(o).iter().any(|t| {
                matches!(
                    t.as_str(),
                    "ImageObject"
                        | "VideoObject"
                        | "MediaObject"
                        | "AudioObject"
                        | "Comment"
                        | "WebSite"
                        | "Organization"
                        | "Person"
                )
            })
    });
    if let Some(w) = work {
        names_of(w.get("author"), objs, &mut info.authors);
        info.authors_are_organisations = all_organisations(w.get("author"));
    }
}

/// Are all the author objects typed `Organization`?
fn all_organisations(v: Option<&Value>) -> bool {
    let is_org = |x: &Value| {
        types_of(x)
            .iter()
            .any(|t| t == "Organization" || t == "NewsMediaOrganization")
    };
    match v {
        Some(Value::Array(a)) => !a.is_empty() && a.iter().all(is_org),
        Some(o @ Value::Object(_)) => is_org(o),
        _ => false,
    }
}

/// Read the JSON-LD blocks of a page.
pub fn read(blocks: &[Value]) -> LdInfo {
    let mut objs = Vec::new();
    for b in blocks {
        collect_objects(b, &mut objs, 0);
    }
    let mut info = LdInfo::default();
    for o in &objs {
        info.types.extend(types_of(o));
    }
    let article = objs
        .iter()
        .find(|o| types_of(o).iter().any(|t| is_article_type(t)));
    let page = objs
        .iter()
        .find(|o| types_of(o).iter().any(|t| t.ends_with("WebPage")));
    if let Some(site) = objs
        .iter()
        .find(|o| types_of(o).iter().any(|t| t == "WebSite"))
    {
        info.site_name = string_of(site.get("name"));
    }
    let Some(main) = article.or(page) else {
        creative_work_authors(&objs, &mut info);
        return info;
    };
    info.is_article = article.is_some();
    info.headline = string_of(main.get("headline")).or_else(|| string_of(main.get("name")));
    names_of(main.get("author"), &objs, &mut info.authors);
    if info.authors.is_empty() {
        names_of(main.get("creator"), &objs, &mut info.authors);
    }
    info.authors_are_organisations = all_organisations(main.get("author"));
    if info.authors.is_empty() {
        creative_work_authors(&objs, &mut info);
    }
    info.date_published = string_of(main.get("datePublished"));
    info.date_created = string_of(main.get("dateCreated"));
    if info.date_published.is_none()
        && let Some(p) = page
    {
        info.date_published = string_of(p.get("datePublished"));
    }
    info.article_body = string_of(main.get("articleBody")).or_else(|| string_of(main.get("text")));
    info.language = string_of(main.get("inLanguage"));
    info.publisher = main.get("publisher").and_then(|p| string_of(Some(p)));
    info.url = string_of(main.get("url"))
        .or_else(|| string_of(main.get("mainEntityOfPage")).filter(|u| u.starts_with("http")));
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_article_in_graph() {
        let v: Value = serde_json::from_str(
            r#"{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"The Daily Example"},
                {"@type":["NewsArticle"],"headline":"Bridge reopens","datePublished":"2024-05-02T08:00:00Z",
                 "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
                 "publisher":{"@type":"Organization","name":"Example Media"}}]}"#,
        )
        .unwrap();
        let info = read(&[v]);
        assert!(info.is_article);
        assert_eq!(info.headline.as_deref(), Some("Bridge reopens"));
        assert_eq!(info.authors, vec!["Ann Lee", "Bo Chan"]);
        assert_eq!(info.site_name.as_deref(), Some("The Daily Example"));
        assert_eq!(info.publisher.as_deref(), Some("Example Media"));
    }
}

//! Collect the metadata signals a page carries, in one pass over its elements.
//!
//! Gathers `<meta>` name/property/itemprop pairs (and microdata/RDFa
//! `content` on any element), `<title>`, headings (`<h1>`-`<h3>` and
//! elements marked as the headline, with whether they sit where a site's
//! name does), `<html lang>`,
//! the canonical link, JSON-LD objects (typed or not), `<time>` elements (not in comment threads),
//! short date lines and byline candidates (`rel=author`, `itemprop=author`,
//! class `author`/`byline`).
//! Later modules (title, authors, dates, language) decide from these.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use crate::boilerplate;

/// Everything metadata extraction looks at.
#[derive(Debug, Default)]
pub struct Signals {
    /// `(key, content)`: key is the lower-cased `property`, `name` or `itemprop`.
    pub metas: Vec<(String, String)>,
    pub title_tag: Option<String>,
    pub html_lang: Option<String>,
    pub canonical: Option<String>,
    pub jsonld: Vec<Value>,
    /// `(datetime or text, is marked as publication date)`.
    pub times: Vec<(String, bool)>,
    /// Short texts of elements whose class or id names a date (`date`,
    /// `datum`, `published`, `meta`...), in document order: where pages
    /// print the publication date without markup.
    pub date_texts: Vec<String>,
    /// Short texts with a copyright sign or word, in document order (the
    /// last few): "© 2024 Ann Lee".
    pub copyright_lines: Vec<String>,
    /// Headings and marked headlines in document order (see [`Heading`]).
    pub headings: Vec<Heading>,
    /// Byline texts in document order, with their rank: 0 explicit author
    /// markup (`rel`/`itemprop`), 1 a class, id or test id naming an author
    /// or byline, 2 a link to an author page.
    pub bylines: Vec<(String, u8)>,
}

/// A heading that may be the headline.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub text: String,
    /// 1 for `<h1>`, 2 for `<h2>`, 3 for `<h3>`, 0 for another element.
    pub level: u8,
    /// Marked as the headline: `itemprop=headline`, class `entry-title`...
    pub marked: bool,
    /// Placed like the site's name: in the page header, logo or branding
    /// outside any article, or a link to the home page.
    pub site_like: bool,
}

impl Signals {
    /// First non-empty meta content for any of `keys`, in key order.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(mk, v)| mk == k && !v.trim().is_empty())
                .map(|(_, v)| v.trim())
        })
    }
}

fn text_of(e: ElementRef) -> String {
    let mut s = String::new();
    for t in e.text() {
        s.push_str(t);
        s.push(' ');
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The element's text when it is at most `max` bytes, without walking
/// further into a large element.
fn short_text(e: ElementRef, max: usize) -> Option<String> {
    // A date line is a few nodes; a wrapper named "post-meta" may be huge.
    if e.descendants().nth(24).is_some() {
        return None;
    }
    let mut s = String::new();
    for t in e.text() {
        if s.len() + t.len() > max * 4 {
            return None;
        }
        s.push_str(t);
        s.push(' ');
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (s.len() <= max).then_some(s)
}

/// Walk the page once and gather the signals.
pub fn collect(html: &Html) -> Signals {
    let mut sig = Signals::default();
    let mut byline_budget = 40usize;
    // Headings kept per level (0: other marked elements).
    let mut heading_counts = [0usize; 4];
    for node in html.tree.root().descendants() {
        let e = match node.value() {
            Node::Element(e) => e,
            Node::Text(t) => {
                if t.contains('©')
                    || t.contains("opyright")
                    || t.contains("OPYRIGHT")
                    || t.contains("(c)")
                    || t.contains("(C)")
                {
                    let line = node
                        .parent()
                        .and_then(ElementRef::wrap)
                        .and_then(|p| short_text(p, 200))
                        .unwrap_or_else(|| t.split_whitespace().collect::<Vec<_>>().join(" "));
                    if sig.copyright_lines.len() >= 8 {
                        sig.copyright_lines.remove(0);
                    }
                    sig.copyright_lines.push(line);
                }
                continue;
            }
            _ => continue,
        };
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        match e.name() {
            "html" if sig.html_lang.is_none() => {
                sig.html_lang = e.attr("lang").or(e.attr("xml:lang")).map(str::to_string);
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or(e.attr("name"))
                    .or(e.attr("itemprop"))
                    .or(e.attr("http-equiv"));
                if let (Some(k), Some(c)) = (key, e.attr("content")) {
                    sig.metas
                        .push((k.trim().to_ascii_lowercase(), c.to_string()));
                }
                continue;
            }
            "title" if sig.title_tag.is_none() && !has_ancestor(el, "svg") => {
                sig.title_tag = Some(text_of(el)).filter(|t| !t.is_empty());
            }
            "link"
                if sig.canonical.is_none()
                    && e.attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                sig.canonical = e.attr("href").map(str::to_string);
            }
            "script" => {
                let typed = e
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                let raw: String = el.text().collect();
                let raw = raw.trim();
                // Some pages put JSON-LD in an untyped <script>.
                let untyped_ld = e.attr("type").is_none()
                    && (raw.starts_with("{\"@context\"") || raw.starts_with("[{\"@context\""));
                if (typed || untyped_ld)
                    && let Some(v) = parse_json_ld(raw.trim_end_matches(';'))
                {
                    sig.jsonld.push(v);
                }
                continue;
            }
            "time" if sig.times.len() < 20 && !in_comments(el) => {
                let marked = e.attr("pubdate").is_some()
                    || e.attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    || e.attr("class").is_some_and(|c| {
                        let c = c.to_ascii_lowercase();
                        c.contains("publish") || c.contains("pubdate") || c.contains("entry-date")
                    });
                let value = e
                    .attr("datetime")
                    .map(str::to_string)
                    .unwrap_or_else(|| text_of(el));
                if !value.is_empty() {
                    sig.times.push((value, marked));
                }
            }
            _ => {
                // Microdata and RDFa on any element: `<span itemprop=
                // "datePublished" content="...">`.
                // One pass over the attributes: `attr()` is a lookup each.
                let (mut key, mut content) = (None, None);
                for (n, v) in e.attrs() {
                    match n {
                        "itemprop" => key = Some(v),
                        "property" => key = key.or(Some(v)),
                        "content" => content = Some(v),
                        _ => {}
                    }
                }
                if let (Some(k), Some(c)) = (key, content) {
                    let k = k.trim().to_ascii_lowercase();
                    let k = k.strip_prefix("schema:").unwrap_or(&k).to_string();
                    sig.metas.push((k, c.to_string()));
                }
            }
        }
        if sig.date_texts.len() < 30
            && names_a_date(e)
            && let Some(t) = short_text(el, 100)
            && t.len() >= 6
            && t.bytes().any(|b| b.is_ascii_digit())
        {
            sig.date_texts.push(t);
        }
        if let Some((level, marked)) = heading_level(el)
            && heading_counts[usize::from(level)] < [10, 8, 20, 20][usize::from(level)]
            && !boilerplate::is_hidden(e)
            && !visually_hidden(e)
        {
            let text = if e.name() == "h1" {
                without_kicker(el).unwrap_or_else(|| text_of(el))
            } else {
                short_text(el, 300).unwrap_or_default()
            };
            if !text.is_empty() && text.len() < 300 && !in_comments(el) {
                heading_counts[usize::from(level)] += 1;
                sig.headings.push(Heading {
                    text,
                    level,
                    marked,
                    site_like: site_like(el),
                });
            }
        }
        // Byline candidates.
        if byline_budget > 0
            && let Some(rank) = byline_rank(e)
            && !in_comments(el)
        {
            // itemprop=author may hold a nested itemprop=name; meta content too.
            let t = if let Some(c) = e.attr("content") {
                c.to_string()
            } else {
                text_of(el)
            };
            if !t.is_empty() && t.chars().count() < 200 {
                byline_budget -= 1;
                sig.bylines.push((t, rank));
            }
        }
    }
    sig
}

/// The level of a headline candidate (`<h1>`-`<h3>`, 0 for another
/// element) and whether it is marked as the headline.
fn heading_level(el: ElementRef) -> Option<(u8, bool)> {
    let e = el.value();
    let level = match e.name() {
        "h1" => 1,
        "h2" => 2,
        "h3" => 3,
        _ => 0,
    };
    let marked = marked_headline(e);
    // A marked box around a heading: the heading is the candidate.
    if level == 0
        && marked
        && el
            .descendants()
            .filter_map(ElementRef::wrap)
            .any(|d| matches!(d.value().name(), "h1" | "h2" | "h3"))
    {
        return None;
    }
    (level > 0 || marked).then_some((level, marked))
}

/// `itemprop="headline"`, or a class naming an entry's or article's title
/// (`entry-title`, `post-title`, `article__headline`, `headline`).
fn marked_headline(e: &scraper::node::Element) -> bool {
    static MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[a-z0-9]+[-_]{1,2})?(?:(?:entry|post|article|story|news)[-_]{1,2}(?:title|headline)|headline)$")
            .expect("static regex")
    });
    if e.attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("headline"))
    {
        return true;
    }
    if e.name() == "meta" || e.name() == "a" {
        return false;
    }
    e.attr("class").is_some_and(|c| {
        (c.contains("title") || c.contains("headline") || c.contains("Title"))
            && c.split_whitespace().any(|t| MARK.is_match(t))
    })
}

/// Text kept for screen readers only (`sr-only`, `visually-hidden`).
fn visually_hidden(e: &scraper::node::Element) -> bool {
    e.attr("class").is_some_and(|c| {
        c.split_whitespace().any(|t| {
            matches!(
                t.to_ascii_lowercase().as_str(),
                "sr-only"
                    | "visually-hidden"
                    | "visuallyhidden"
                    | "screen-reader-text"
                    | "assistive-text"
            )
        })
    })
}

/// Is the heading placed like the site's name? It links to the home page,
/// or sits in the page header or footer, logo or branding with no article
/// or main content around it.
fn site_like(el: ElementRef) -> bool {
    let home_link = el.descendants().filter_map(ElementRef::wrap).any(|a| {
        a.value().name() == "a"
            && a.value().attr("href").is_some_and(|h| {
                let h = h.trim();
                let rest = h
                    .strip_prefix("https://")
                    .or_else(|| h.strip_prefix("http://"))
                    .or_else(|| h.strip_prefix("//"));
                match rest {
                    Some(r) => !r.trim_end_matches('/').contains('/'),
                    None => matches!(h, "/" | "./" | "/index.html" | "/index.php"),
                }
            })
    }) || el
        .ancestors()
        .filter_map(ElementRef::wrap)
        .next()
        .is_some_and(|p| {
            p.value().name() == "a"
                && p.value()
                    .attr("rel")
                    .is_some_and(|r| r.to_ascii_lowercase().contains("home"))
        });
    let mut header = home_link || names_site_part(el.value());
    for a in el.ancestors().filter_map(ElementRef::wrap) {
        let v = a.value();
        if matches!(v.name(), "body" | "html") {
            break;
        }
        match content_part(v) {
            Some(true) => return false,
            // A "content" wrapper inside the header is no article, one
            // around the header is.
            Some(false) if header => return false,
            _ => header |= names_site_part(v),
        }
    }
    header
}

fn class_id_tokens(e: &scraper::node::Element) -> impl Iterator<Item = String> + '_ {
    e.attrs()
        .filter(|(n, _)| matches!(*n, "class" | "id"))
        .flat_map(|(_, v)| v.split_whitespace())
        .map(str::to_ascii_lowercase)
}

/// A class or id naming the page header or footer, or the site's name.
fn names_site_part(e: &scraper::node::Element) -> bool {
    class_id_tokens(e).any(|t| {
        matches!(
            t.as_str(),
            "header" | "site-header" | "siteheader" | "global-header" | "page-footer" | "footer"
        ) || t.contains("masthead")
            || t.contains("branding")
            || t.contains("logo")
            || t.contains("site-title")
            || t.contains("site-name")
            || t.contains("sitename")
            || t.contains("blog-title")
            || t.ends_with("-footer")
    })
}

/// Does the element hold the article (`Some(true)`: `<article>`, `<main>`,
/// a class or id naming an article, entry or post) or the page's content
/// column (`Some(false)`: "content", "main")?
fn content_part(e: &scraper::node::Element) -> Option<bool> {
    if matches!(e.name(), "article" | "main") {
        return Some(true);
    }
    let mut weak = false;
    for t in class_id_tokens(e) {
        if t.contains("article") || t.contains("entry") || t.contains("post") {
            return Some(true);
        }
        weak |= t == "content" || t == "main" || t.contains("main-content");
    }
    weak.then_some(false)
}

/// Parse a JSON-LD block; one with raw line breaks or tabs inside its
/// strings (invalid JSON, common in hand-made templates) is read with them
/// as spaces.
fn parse_json_ld(raw: &str) -> Option<Value> {
    serde_json::from_str::<Value>(raw).ok().or_else(|| {
        let cleaned: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str::<Value>(&cleaned).ok()
    })
}

/// Does the element's class or id say it holds a date?
fn names_a_date(e: &scraper::node::Element) -> bool {
    static DATE_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)date|datum|time|publish|posted|created|meta|info").expect("static regex")
    });
    static NOT_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)comment|teaser|related|update|modified").expect("static regex")
    });
    e.attrs()
        .filter(|(n, _)| matches!(*n, "class" | "id"))
        .any(|(_, c)| DATE_NAME.is_match(c) && !NOT_DATE.is_match(c))
}

/// Does the element sit in a comment thread (a commenter is no author)?
fn in_comments(el: ElementRef) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        a.value()
            .attrs()
            .filter(|(n, _)| matches!(*n, "class" | "id"))
            .any(|(_, v)| {
                v.split(|c: char| c.is_whitespace() || c == '_').any(|w| {
                    let w = w.to_ascii_lowercase();
                    // "commentary" is a kind of article, not a thread.
                    (w.starts_with("comment") && !w.starts_with("commentar"))
                        || w.starts_with("kommentar")
                        || w == "respond"
                        || w == "replies"
                })
            })
    })
}

/// Is this element a byline, and how sure is that?
fn byline_rank(e: &scraper::node::Element) -> Option<u8> {
    if e.attr("rel")
        .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || e.attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("author"))
    {
        return Some(0);
    }
    let names = [e.attr("class"), e.attr("id"), e.attr("data-testid")];
    let classy = names.iter().flatten().any(|c| {
        let c = c.to_ascii_lowercase();
        (c.contains("author")
            || c.contains("byline")
            || c.contains("autor")
            || c.contains("writer"))
            && !c.contains("authorbox")
            && !c.contains("author-box")
            && !c.contains("author-bio")
            && !c.contains("comment")
            && !c.contains("avatar")
            && !c.contains("image")
    });
    if classy {
        return Some(1);
    }
    if e.name() == "a"
        && e.attr("href").is_some_and(|h| {
            let h = h.to_ascii_lowercase();
            [
                "/author/",
                "/authors/",
                "/autor/",
                "/autoren/",
                "/journalist/",
                "/profile/",
                "/people/",
            ]
            .iter()
            .any(|p| h.contains(p))
        })
    {
        return Some(2);
    }
    None
}

/// A headline often opens with a kicker in its own element ("Brexit" then
/// the headline proper): when the `<h1>` has two or more child elements with
/// text and the first is short, the headline is the rest.
fn without_kicker(h1: ElementRef) -> Option<String> {
    let children: Vec<ElementRef> = h1
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.text().any(|t| !t.trim().is_empty()))
        .collect();
    let first = children.first()?;
    let kicker = text_of(*first);
    if kicker.split_whitespace().count() > 5 {
        return None;
    }
    let loose_text = h1
        .children()
        .any(|c| c.value().as_text().is_some_and(|t| t.trim().len() > 3));
    if loose_text {
        return kicker_then_text(h1, *first);
    }
    if children.len() < 2 {
        return None;
    }
    let rest: Vec<String> = children[1..].iter().map(|c| text_of(*c)).collect();
    let rest = rest.join(" ");
    (rest.split_whitespace().count() >= 2)
        .then(|| rest.trim_start_matches([':', '-', '–', ' ']).to_string())
}

/// `<h1><span class="kicker">Brexit</span> The headline</h1>`: a classed
/// block or span opens the `<h1>` and the headline is the text after it.
/// Inline emphasis (`<em>Titanic</em> sails again`) is part of the headline.
fn kicker_then_text(h1: ElementRef, kicker: ElementRef) -> Option<String> {
    let k = kicker.value();
    let block = matches!(k.name(), "div" | "p" | "small")
        || (k.name() == "span" && k.attr("class").is_some_and(|c| !c.trim().is_empty()));
    let opens = h1
        .children()
        .find(|c| {
            c.value().as_element().is_some()
                || c.value().as_text().is_some_and(|t| !t.trim().is_empty())
        })
        .is_some_and(|c| c.id() == kicker.id());
    if !block || !opens {
        return None;
    }
    let rest: String = h1
        .children()
        .skip_while(|c| c.id() != kicker.id())
        .skip(1)
        .map(|c| match ElementRef::wrap(c) {
            Some(e) => text_of(e),
            None => c
                .value()
                .as_text()
                .map(|t| t.to_string())
                .unwrap_or_default(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    // "<span>Ehezoff</span> der Pochers…": the sentence runs on, no kicker.
    let starts_anew = rest
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    (starts_anew && rest.split_whitespace().count() >= 3)
        .then(|| rest.trim_start_matches([':', '-', '–', ' ']).to_string())
}

fn has_ancestor(el: ElementRef, tag: &str) -> bool {
    el.ancestors()
        .any(|a| matches!(a.value(), Node::Element(e) if e.name() == tag))
}

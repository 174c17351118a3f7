//! Collect the metadata signals a page carries, in one pass over its elements.
//!
//! Gathers `<meta>` name/property/itemprop pairs (and microdata/RDFa
//! `content` on any element), `<title>`, `<h1>`s and `<h2>`s, `<html lang>`,
//! the canonical link, JSON-LD objects (typed or not), `<time>` elements,
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
    pub h1s: Vec<String>,
    /// The first `<h2>`s: a headline where a page has no `<h1>`.
    pub h2s: Vec<String>,
    pub html_lang: Option<String>,
    pub canonical: Option<String>,
    pub jsonld: Vec<Value>,
    /// `(datetime or text, is marked as publication date)`.
    pub times: Vec<(String, bool)>,
    /// Short texts of elements whose class or id names a date (`date`,
    /// `datum`, `published`, `meta`...), in document order: where pages
    /// print the publication date without markup.
    pub date_texts: Vec<String>,
    /// Byline texts in document order, with their rank: 0 explicit author
    /// markup (`rel`/`itemprop`), 1 a class, id or test id naming an author
    /// or byline, 2 a link to an author page.
    pub bylines: Vec<(String, u8)>,
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
    for node in html.tree.root().descendants() {
        let Node::Element(e) = node.value() else {
            continue;
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
            "h1" if sig.h1s.len() < 8 && !boilerplate::is_hidden(e) => {
                let t = without_kicker(el).unwrap_or_else(|| text_of(el));
                if !t.is_empty() {
                    sig.h1s.push(t);
                }
            }
            "h2" if sig.h2s.len() < 10 && !boilerplate::is_hidden(e) => {
                let t = text_of(el);
                if !t.is_empty() && t.len() < 300 {
                    sig.h2s.push(t);
                }
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
                    && let Ok(v) = serde_json::from_str::<Value>(raw.trim_end_matches(';'))
                {
                    sig.jsonld.push(v);
                }
                continue;
            }
            "time" if sig.times.len() < 20 => {
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
                    w.starts_with("comment")
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

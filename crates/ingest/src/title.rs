//! The article's title: the headline, without the site name around it.
//!
//! Candidates: OpenGraph/Twitter title, JSON-LD `headline`, the page's
//! `<h1>`, and `<title>`. A meta title wins when present; the `<h1>` when it
//! is one segment of the `<title>` or the meta title; otherwise `<title>`
//! with its site-name segment (" | Site", " - Site") removed.

use crate::jsonld::LdInfo;
use crate::signals::Signals;

const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » "];

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same(a: &str, b: &str) -> bool {
    squash(a).to_lowercase() == squash(b).to_lowercase()
}

/// Remove a leading or trailing site-name segment.
pub fn strip_site(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    let title = squash(title);
    for sep in SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).collect();
        if let Some(h1) = h1 {
            if let Some(p) = parts.iter().find(|p| same(p, h1)) {
                return p.to_string();
            }
        }
        let site_l = site.map(|s| s.to_lowercase());
        let is_site = |p: &str| {
            let p = p.to_lowercase();
            site_l.as_deref().is_some_and(|s| {
                let compact_p: String = p.chars().filter(|c| c.is_alphanumeric()).collect();
                let compact_s: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
                !compact_p.is_empty() && (compact_s.contains(&compact_p) || compact_p.contains(&compact_s))
            })
        };
        let last = parts[parts.len() - 1];
        if is_site(last) {
            return parts[..parts.len() - 1].join(sep);
        }
        if is_site(parts[0]) {
            return parts[1..].join(sep);
        }
        // A short last segment after a longer headline is usually the site.
        if parts.len() >= 2 && last.split_whitespace().count() <= 4 {
            let head = parts[..parts.len() - 1].join(sep);
            if head.split_whitespace().count() >= 3 {
                return head;
            }
        }
    }
    title
}

/// Choose the title.
pub fn title(sig: &Signals, ld: &LdInfo, site: Option<&str>) -> Option<String> {
    let h1 = sig.h1s.first().map(String::as_str).filter(|h| h.chars().count() >= 3);
    let meta = sig
        .meta(&["og:title", "twitter:title", "dc.title", "headline"])
        .map(str::to_string)
        .or_else(|| ld.headline.clone());
    if let Some(m) = meta {
        let m = strip_site(&m, site, h1);
        if !m.is_empty() {
            return Some(m);
        }
    }
    if let Some(t) = sig.title_tag.as_deref() {
        if let Some(h) = h1 {
            if squash(t).to_lowercase().contains(&squash(h).to_lowercase()) {
                return Some(squash(h));
            }
        }
        let t = strip_site(t, site, h1);
        if !t.is_empty() {
            return Some(t);
        }
    }
    h1.map(squash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_suffix() {
        assert_eq!(strip_site("Bridge reopens after repairs | The Daily Example", Some("The Daily Example"), None), "Bridge reopens after repairs");
        assert_eq!(strip_site("Daily Example - Bridge reopens after repairs", Some("Daily Example"), None), "Bridge reopens after repairs");
        assert_eq!(strip_site("Bridge reopens after repairs - Example", None, None), "Bridge reopens after repairs");
    }
}

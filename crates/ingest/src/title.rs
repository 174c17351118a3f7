//! The article's title: the headline, without the site name around it.
//!
//! Candidates: OpenGraph/Twitter title, JSON-LD `headline`, the page's
//! `<h1>`s and `<h2>`s, and `<title>`. The `<h1>` wins when a declared title
//! confirms it (less a kicker run into it), or when it is the only one and
//! does not name the site; then an `<h2>` a declared title confirms the
//! same way; otherwise the meta title, else `<title>`, with
//! site-name segments (" | Site", " - Site", "| example.org") removed unless
//! an `<h2>` shows the whole title or names the segment to keep.

use crate::jsonld::LdInfo;
use crate::signals::Signals;

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » ",
];

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same(a: &str, b: &str) -> bool {
    squash(a).to_lowercase() == squash(b).to_lowercase()
}

/// Remove a leading or trailing site-name segment.
pub fn strip_site(title: &str, site: Option<&str>, headings: &[&str]) -> String {
    let title = squash(title);
    // The whole title is a heading on the page: nothing to strip.
    if headings.iter().any(|h| compact(h) == compact(&title)) {
        return title;
    }
    for sep in SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title.split(sep).collect();
        if let Some(p) = parts
            .iter()
            .find(|p| compact(p).chars().count() >= 3 && headings.iter().any(|h| same(p, h)))
        {
            return p.to_string();
        }
        let site_l = site.map(|s| s.to_lowercase());
        let is_site = |p: &str| {
            let p = p.to_lowercase();
            site_l.as_deref().is_some_and(|s| {
                let compact_p: String = p.chars().filter(|c| c.is_alphanumeric()).collect();
                let compact_s: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
                !compact_p.is_empty()
                    && (compact_s.contains(&compact_p) || compact_p.contains(&compact_s))
            })
        };
        let last = parts[parts.len() - 1];
        if is_site(last) || is_domain(last) {
            return parts[..parts.len() - 1].join(sep);
        }
        if is_site(parts[0]) || is_domain(parts[0]) {
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

/// A segment that is a host name: "example.org", "NEWS.EXAMPLE.NET".
fn is_domain(p: &str) -> bool {
    let p = p.trim();
    !p.contains(' ')
        && p.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// A headline element often carries a kicker before the headline ("Tram
/// plans Council backs the tram line"), run together in its text. When a
/// title the page declares (whole, or without its site name) is the end of
/// the `<h1>` text after a short kicker not set off by a dash, that title is
/// the headline.
fn trim_to_declared(h1: &str, declared: &[&str], site: Option<&str>) -> Option<String> {
    let hc = compact(h1);
    let h1_words = h1.split_whitespace().count();
    let mut best: Option<String> = None;
    for d in declared {
        let whole = squash(d);
        let stripped = strip_site(&whole, site, &[]);
        for c in [whole, stripped] {
            let cc = compact(&c);
            let words = c.split_whitespace().count();
            if words < 3 || cc.len() >= hc.len() || !hc.ends_with(&cc) {
                continue;
            }
            if h1_words.saturating_sub(words) > 6 {
                continue;
            }
            // The kicker is what the h1 has before the title's first word.
            let first = c.split_whitespace().next().unwrap_or("");
            let Some(at) = h1.rfind(first) else { continue };
            let kicker = h1[..at].trim_end();
            if kicker.ends_with(['-', '–', '—', '|']) {
                continue;
            }
            if best.as_ref().is_none_or(|b| b.len() < c.len()) {
                best = Some(c);
            }
        }
    }
    best
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `h`'s words found in `t`.
fn overlap(h: &str, t: &str) -> f32 {
    let hw = words(h);
    if hw.is_empty() {
        return 0.0;
    }
    let tw = words(t);
    hw.iter().filter(|w| tw.contains(w)).count() as f32 / hw.len() as f32
}

/// Choose the title: the visible headline (`<h1>`) when the page's meta
/// title or `<title>` confirms it, else the meta title, else `<title>`.
pub fn title(sig: &Signals, ld: &LdInfo, site: Option<&str>, url: Option<&str>) -> Option<String> {
    let meta = sig
        .meta(&["og:title", "twitter:title", "dc.title", "headline"])
        .map(str::to_string)
        .or_else(|| ld.headline.clone());
    let reference: Vec<&str> = [
        meta.as_deref(),
        sig.title_tag.as_deref(),
        ld.headline.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let h1 = best_fit(&sig.h1s, &reference);
    if let Some(h) = h1 {
        return Some(trim_to_declared(&h, &reference, site).unwrap_or(h));
    }
    // A lone <h1> that no title confirms is still the visible headline,
    // unless it is the site's name or a segment of the <title> beside the
    // headline.
    let lone: Vec<&String> = sig.h1s.iter().filter(|h| h.chars().count() >= 3).collect();
    if let [h] = lone.as_slice()
        && !names_the_site(h, site, url, &reference)
    {
        return Some(squash(h));
    }
    // No <h1> is the headline: an <h2> that a declared title confirms is.
    if let Some(h) = best_fit(&sig.h2s, &reference) {
        return Some(trim_to_declared(&h, &reference, site).unwrap_or(h));
    }
    // An unconfirmed <h1> is often the site's name: strip it like one.
    let first_h1 = sig.h1s.first().map(String::as_str);
    let site = site.or(first_h1);
    // Lesser headings confirm a title or one of its segments.
    let headings: Vec<&str> = sig.h2s.iter().map(String::as_str).collect();
    if let Some(m) = meta {
        let m = strip_all(&m, site, &headings);
        if !m.is_empty() {
            return Some(m);
        }
    }
    if let Some(t) = sig.title_tag.as_deref() {
        let t = strip_all(t, site, &headings);
        if !t.is_empty() {
            return Some(t);
        }
    }
    first_h1.map(squash)
}

/// The heading that shares most words with a declared title, both ways.
fn best_fit(headings: &[String], reference: &[&str]) -> Option<String> {
    headings
        .iter()
        .filter(|h| h.chars().count() >= 3)
        .map(|h| {
            let fit = reference
                .iter()
                .map(|r| {
                    if overlap(r, h) >= 0.4 {
                        overlap(h, r)
                    } else {
                        0.0
                    }
                })
                .fold(0.0f32, f32::max);
            (h, fit)
        })
        .filter(|(_, o)| *o >= 0.6)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        // Breadcrumb arrows before the words ("[> Headline") go.
        .map(|(h, _)| {
            squash(h)
                .trim_start_matches(['[', ']', '>', '»', '«', '|', '·', '•', ':', ' '])
                .to_string()
        })
}

/// Strip site segments until none is left: "Headline » ☆☆☆ - Site".
fn strip_all(title: &str, site: Option<&str>, headings: &[&str]) -> String {
    let mut t = strip_site(title, site, headings);
    for _ in 0..2 {
        let next = strip_site(&t, site, headings);
        if next == t {
            break;
        }
        t = next;
    }
    t
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Is this heading the site's name: like the site name or the host, or one
/// of the segments a `<title>` joins with " | " or " - "?
fn names_the_site(h: &str, site: Option<&str>, url: Option<&str>, titles: &[&str]) -> bool {
    let c = compact(h);
    if c.is_empty() {
        return true;
    }
    let like = |other: &str| {
        let o = compact(other);
        !o.is_empty() && (o.contains(&c) || c.contains(&o))
    };
    if site.is_some_and(like) {
        return true;
    }
    if let Some(host) = url
        .and_then(|u| u.split("//").nth(1))
        .and_then(|r| r.split('/').next())
    {
        let host = host.trim_start_matches("www.");
        let name = host.rsplit_once('.').map_or(host, |(n, _)| n);
        if like(host) || like(name) {
            return true;
        }
    }
    titles.iter().any(|t| {
        SEPARATORS.iter().any(|sep| {
            let parts: Vec<&str> = t.split(sep).collect();
            parts.len() >= 2 && parts.iter().any(|p| compact(p) == c)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_suffix() {
        assert_eq!(
            strip_site(
                "Bridge reopens after repairs | The Daily Example",
                Some("The Daily Example"),
                &[]
            ),
            "Bridge reopens after repairs"
        );
        assert_eq!(
            strip_site(
                "Daily Example - Bridge reopens after repairs",
                Some("Daily Example"),
                &[]
            ),
            "Bridge reopens after repairs"
        );
        assert_eq!(
            strip_site("Bridge reopens after repairs - Example", None, &[]),
            "Bridge reopens after repairs"
        );
    }

    #[test]
    fn kicker_run_into_the_h1_goes() {
        assert_eq!(
            trim_to_declared(
                "Tram plans Council backs the tram line",
                &["Council backs the tram line | Riverside Courier"],
                None
            )
            .as_deref(),
            Some("Council backs the tram line")
        );
        // A dash inside the headline is no kicker boundary.
        assert_eq!(
            trim_to_declared(
                "Tram line – Council backs the plan",
                &["Council backs the plan | Courier"],
                None
            ),
            None
        );
        assert!(is_domain("example.org"));
        assert!(!is_domain("Riverside Courier"));
    }

    #[test]
    fn strips_every_site_segment() {
        assert_eq!(
            strip_all(
                "Tram works resume » ★★★ - Riverside Courier",
                Some("Riverside Courier"),
                &[]
            ),
            "Tram works resume"
        );
    }

    #[test]
    fn headings_confirm_a_title_or_its_segment() {
        // A dash inside the headline is not a site separator when the page
        // shows the whole title as a heading.
        assert_eq!(
            strip_site(
                "Tram works – the second summer",
                None,
                &["Tram works – the second summer"]
            ),
            "Tram works – the second summer"
        );
        // "Blog Archive" is no site name, but the heading names the segment.
        assert_eq!(
            strip_site(
                "Blog Archive » Tram works resume",
                None,
                &["Tram works resume"]
            ),
            "Tram works resume"
        );
    }
}

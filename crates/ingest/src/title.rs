//! The article's title: the headline, without the site name around it.
//!
//! Candidates: OpenGraph/Twitter title, JSON-LD `headline`, the page's
//! `<h1>`s, marked headlines, `<h2>`s and `<h3>`s, and `<title>`. The `<h1>`
//! wins when a declared title (or its first or last segment) confirms it
//! (less a kicker run into it), or when it is the only one and does not
//! name the site; then an `<h2>` or `<h3>` a declared title confirms the
//! same way; headings placed like the site's name come last; otherwise the
//! meta title, else `<title>`, with
//! site-name segments (" | Site", " - Site", "| example.org") removed unless
//! an `<h2>` shows the whole title or names the segment to keep.

use std::sync::LazyLock;

use regex::Regex;

use crate::jsonld::LdInfo;
use crate::signals::{Heading, Signals};

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
    if let Some(t) = cjk_headline(&title) {
        return t;
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

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// Chinese, Japanese and Korean titles join the site name without spaces
/// ("头条新闻！-新华网", "NEWS WEB|子どもの…"): the headline is the one
/// segment in the script of the page that is at least half as long as the
/// longest; a Latin or a short segment is the site's.
fn cjk_headline(title: &str) -> Option<String> {
    if !title.chars().any(is_cjk) {
        return None;
    }
    let parts: Vec<&str> = title
        .split(['-', '_', '|', '｜'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let longest = parts.iter().map(|p| p.chars().count()).max()?;
    let keep: Vec<&&str> = parts
        .iter()
        .filter(|p| p.chars().any(is_cjk) && p.chars().count() * 2 >= longest)
        .collect();
    match keep.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
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

/// A headline element may run a date, a byline or a site name into the
/// headline after a separator ("Council backs the tram line | Courier",
/// "Council backs the tram line 02.02.2022 • News"): when a declared title
/// of three words or more, whole, opens the heading and a separator or a
/// digit follows, the declared title is the headline.
fn declared_then_more(h1: &str, declared: &[&str]) -> Option<String> {
    let h = squash(h1);
    declared
        .iter()
        .map(|d| squash(d))
        .filter(|d| d.split_whitespace().count() >= 3 && d.len() < h.len())
        .filter(|d| {
            h.get(..d.len()).is_some_and(|p| p.eq_ignore_ascii_case(d))
                && h[d.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || "|•·-–—:/".contains(c))
        })
        .max_by_key(String::len)
}

/// A headline element often carries a kicker before the headline ("Tram
/// plans Council backs the tram line"), run together in its text. When a
/// title the page declares (whole, or without its site name) is the end of
/// the `<h1>` text after a short kicker not set off by a dash, that title is
/// the headline.
fn trim_to_declared(h1: &str, declared: &[&str], site: Option<&str>) -> Option<String> {
    if let Some(t) = declared_then_more(h1, declared) {
        return Some(t);
    }
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
///
/// Headings placed like the site's name (page header, logo, a link home)
/// come last: a blog's `<h1>` is often its name, the post's title an
/// `<h2>` or `<h3>` marked `entry-title`. A date opening the chosen title
/// ("23.01.2022 - Headline") goes.
pub fn title(sig: &Signals, ld: &LdInfo, site: Option<&str>, url: Option<&str>) -> Option<String> {
    chosen_title(sig, ld, site, url).map(|t| without_leading_date(&t).to_string())
}

/// A title that opens with a date and a separator: the rest when it is a
/// headline of three words or more ("23.01.2022 – Snow in May").
fn without_leading_date(title: &str) -> &str {
    static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2})\s*[-–—|:]\s+")
            .expect("static regex")
    });
    match LEADING_DATE.find(title) {
        Some(m) if title[m.end()..].split_whitespace().count() >= 3 => &title[m.end()..],
        _ => title,
    }
}

fn chosen_title(
    sig: &Signals,
    ld: &LdInfo,
    site: Option<&str>,
    url: Option<&str>,
) -> Option<String> {
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
    // Tiers: 1 <h1>s, 0 other marked headlines, 2 <h2>s, 3 <h3>s. A
    // heading that is the site's name (or host) is never the headline.
    let tier = |h: &Heading| if h.marked && h.level != 1 { 0 } else { h.level };
    let named = |h: &Heading| {
        let c = compact(&h.text);
        site.map(compact).as_deref() == Some(c.as_str()) || host_names(url).contains(&c)
    };
    let at = |level: u8, site_like: bool| -> Vec<&str> {
        sig.headings
            .iter()
            .filter(|h| tier(h) == level && h.site_like == site_like && !named(h))
            .map(|h| h.text.as_str())
            .collect()
    };
    // The names a site goes by: a title segment equal to one names the site.
    let site_names: Vec<String> = site
        .into_iter()
        .map(compact)
        .chain(host_names(url))
        .chain(
            sig.headings
                .iter()
                .filter(|h| h.site_like)
                .map(|h| compact(&h.text)),
        )
        .filter(|n| !n.is_empty())
        .collect();
    let segments: Vec<&str> = reference
        .iter()
        .filter_map(|r| headline_segment(r, &site_names))
        .collect();
    let confirmed = |hs: &[&str], by_segment: bool| {
        let refs = if by_segment { &segments } else { &reference };
        best_fit(hs, refs).map(|h| trim_to_declared(&h, &reference, site).unwrap_or(h))
    };
    for level in [1, 0] {
        if let Some(h) = confirmed(&at(level, false), false) {
            return Some(h);
        }
    }
    // A lone <h1> that no title confirms is still the visible headline,
    // unless it is the site's name or a segment of the <title> beside the
    // headline.
    let h1s: Vec<&Heading> = sig
        .headings
        .iter()
        .filter(|h| h.level == 1 && h.text.chars().count() >= 3)
        .collect();
    let lone = match h1s.as_slice() {
        [h] if !names_the_site(&h.text, site, url, &reference) => Some(*h),
        _ => None,
    };
    if let Some(h) = lone
        && !h.site_like
    {
        return Some(declared_then_more(&h.text, &reference).unwrap_or_else(|| squash(&h.text)));
    }
    // No <h1> is the headline: an <h2>, else an <h3>, that a declared title
    // confirms is; then one that the title's headline segment confirms; a
    // heading placed like the site's name only after those.
    for (level, site_like, by_segment) in [
        (2, false, false),
        (3, false, false),
        (1, false, true),
        (0, false, true),
        (2, false, true),
        (3, false, true),
        (1, true, false),
        (0, true, false),
        (2, true, false),
    ] {
        if let Some(h) = confirmed(&at(level, site_like), by_segment) {
            return Some(h);
        }
    }
    if let Some(h) = lone {
        return Some(squash(&h.text));
    }
    // An unconfirmed <h1> is often the site's name: strip it like one.
    let first_h1 = sig
        .headings
        .iter()
        .find(|h| h.level == 1 && h.site_like)
        .or_else(|| sig.headings.iter().find(|h| h.level == 1))
        .map(|h| h.text.as_str());
    let site = site.or(first_h1);
    // Lesser headings confirm a title or one of its segments.
    let headings: Vec<&str> = sig
        .headings
        .iter()
        .filter(|h| h.level == 2)
        .take(20)
        .map(|h| h.text.as_str())
        .collect();
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

/// The headline segment of a declared title joined from segments: the
/// first ("Headline | Site"), or the last when the first names the site
/// ("Site: Headline").
fn headline_segment<'a>(r: &'a str, site_names: &[String]) -> Option<&'a str> {
    let sep = SEPARATORS
        .iter()
        .chain([&" : "])
        .find(|sep| r.contains(**sep))?;
    let parts: Vec<&str> = r.split(sep).map(str::trim).collect();
    let names_site = |p: &str| {
        let c = compact(p);
        is_domain(p) || site_names.contains(&c)
    };
    if names_site(parts[0]) {
        Some(parts[parts.len() - 1])
    } else {
        Some(parts[0])
    }
}

/// The host name of a URL, compacted, with and without its top-level domain.
fn host_names(url: Option<&str>) -> Vec<String> {
    let Some(host) = url
        .and_then(|u| u.split("//").nth(1))
        .and_then(|r| r.split('/').next())
    else {
        return Vec::new();
    };
    let host = host.trim_start_matches("www.");
    let name = host.rsplit_once('.').map_or(host, |(n, _)| n);
    vec![compact(host), compact(name)]
}

/// The heading that best matches a declared title: most of its words in
/// it, and covering a good share of it; among equals, the one matching
/// more words, then the earliest.
fn best_fit(headings: &[&str], reference: &[&str]) -> Option<String> {
    let mut best: Option<(&str, f32, usize)> = None;
    for h in headings.iter().filter(|h| h.chars().count() >= 3) {
        let hw = words(h).len();
        let mut fit: Option<(f32, usize)> = None;
        for r in reference {
            let inside = overlap(h, r);
            if inside < 0.6 || overlap(r, h) < 0.4 {
                continue;
            }
            let matched = (inside * hw as f32).round() as usize;
            if fit.is_none_or(|(f, m)| (inside, matched) > (f, m)) {
                fit = Some((inside, matched));
            }
        }
        if let Some((f, m)) = fit
            && best.is_none_or(|(_, bf, bm)| (f, m) > (bf, bm))
        {
            best = Some((h, f, m));
        }
    }
    // Breadcrumb arrows before the words ("[> Headline") go.
    best.map(|(h, _, _)| {
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
    fn cjk_site_segments_go() {
        assert_eq!(
            cjk_headline("市议会支持新的电车线路计划-河畔日报").as_deref(),
            Some("市议会支持新的电车线路计划")
        );
        assert_eq!(
            cjk_headline("NEWS WEB EASY|議会が新しい路面電車を決めました").as_deref(),
            Some("議会が新しい路面電車を決めました")
        );
        // Two segments of like length: no telling which is the site.
        assert_eq!(cjk_headline("蔡健雅_百度百科"), None);
        assert_eq!(cjk_headline("Council backs the tram line - Courier"), None);
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

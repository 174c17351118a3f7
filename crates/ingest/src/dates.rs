//! Publication dates: parse the many ways pages write a date, and pick the
//! publication date (not the modified date, a comment's date or today).
//!
//! Sources in order of trust: JSON-LD `datePublished`; publication meta tags
//! (`article:published_time` and a dozen common names); `<time>` marked as
//! the publication date; a date in the URL path; the first `<time>`; a date
//! line (an element whose class names a date); a date written in the page
//! text near the top (English and German month names, `dd.mm.yyyy`), skipping
//! dates announced as changes. A timestamp stated in UTC takes the date on
//! the publisher's clock (country host or declared language, see
//! `local_date`), or the date of a `<time>` printing the same instant on
//! another clock; else, near midnight, it yields to the neighbouring day
//! when the page itself shows that day and not the UTC one. A declared date
//! the page never prints yields to its printed date line: a generic `date`
//! meta when the two are within 60 days, a publication date when the
//! printed one is later and the page holds few dates (not a list of
//! teasers). Output is `YYYY-MM-DD`.

use std::sync::LazyLock;

use regex::Regex;

use crate::jsonld::LdInfo;
use crate::local_date;
use crate::signals::Signals;

const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "publication-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "originalpublicationdate",
    "og:pubdate",
    "datecreated",
    "created",
    "cxenseparse:recs:publishtime",
    "displaydate",
    "release_date",
];

/// Meta names that may hold any date of the page (its creation, its last
/// edit): the date the page prints outweighs them.
const WEAK_METAS: &[&str] = &[
    "date",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "datecreated",
    "created",
];

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    let months: [&[&str]; 12] = [
        &[
            "january", "jan", "januar", "jänner", "janvier", "enero", "gennaio",
        ],
        &[
            "february", "feb", "februar", "feber", "février", "febrero", "febbraio",
        ],
        &["march", "mar", "märz", "mars", "marzo", "mär"],
        &["april", "apr", "avril", "abril", "aprile"],
        &["may", "mai", "mayo", "maggio"],
        &["june", "jun", "juni", "juin", "junio", "giugno"],
        &["july", "jul", "juli", "juillet", "julio", "luglio"],
        &["august", "aug", "août", "agosto"],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "settembre",
        ],
        &[
            "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre",
        ],
        &["november", "nov", "novembre", "noviembre"],
        &[
            "december",
            "dec",
            "dezember",
            "dez",
            "décembre",
            "diciembre",
            "dicembre",
        ],
    ];
    months
        .iter()
        .position(|m| m.contains(&n))
        .map(|i| i as u32 + 1)
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    if !(1995..=2035).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Parse a date written in any common form; `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    static ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})").expect("static regex"));
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b").expect("static regex")
    });
    static COMPACT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)").expect("static regex"));
    static D_MONTH_Y: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:de\s+)?([a-zäéû]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b").expect("static regex")
    });
    static MONTH_D_Y: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b([a-zäéû]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .expect("static regex")
    });
    let s = s.trim();
    if let Some(c) = ISO.captures(s)
        && let Some(v) = valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    {
        return Some(v);
    }
    if let Some(c) = DMY.captures(s)
        && let Some(v) = valid(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
    {
        return Some(v);
    }
    if let Some(c) = COMPACT.captures(s)
        && let Some(v) = valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    {
        return Some(v);
    }
    if let Some(c) = D_MONTH_Y.captures(s)
        && let Some(m) = month_number(&c[2])
        && let Some(v) = valid(c[3].parse().ok()?, m, c[1].parse().ok()?)
    {
        return Some(v);
    }
    if let Some(c) = MONTH_D_Y.captures(s)
        && let Some(m) = month_number(&c[1])
        && let Some(v) = valid(c[3].parse().ok()?, m, c[2].parse().ok()?)
    {
        return Some(v);
    }
    // Unix timestamps (seconds or milliseconds) in meta tags.
    if s.len() >= 10 && s.len() <= 13 && s.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = s[..10].parse().ok()?;
        return from_unix(secs);
    }
    None
}

fn from_unix(secs: i64) -> Option<String> {
    // Civil-from-days (Howard Hinnant's algorithm).
    let days = secs.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y } as i32;
    valid(y, m, d)
}

/// A date in a URL path: `/2019/10/16/`, `/2019-10-16`, `/20191016/`.
pub fn date_from_url(url: &str) -> Option<String> {
    static URL_YMD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[/_-]((?:19|20)\d{2})[/_-]?(\d{2})[/_-]?(\d{2})(?:[/_.-]|$)")
            .expect("static regex")
    });
    let c = URL_YMD.captures(url)?;
    valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A date written in running text or a page's date line: like
/// [`parse_date`], but skips a date announced as a change ("Updated",
/// "Letzte Änderung") when another follows, reads two-digit years
/// (`28.01.22`) and day-first slashes (`02/10/2020`).
pub fn text_date(s: &str) -> Option<String> {
    static CHANGED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:updated?|modified|changed|edited|aktualisiert|geändert|änderung|bearbeitet|mis à jour|actualizado)\W{0,3}(?:\w+\W{1,3}){0,2}$")
            .expect("static regex")
    });
    static ANY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}(?:\.|st|nd|rd|th)?\s+(?:de\s+)?[a-zäéû]{3,10}\.?,?\s+(?:de\s+)?\d{4}\b|\b[a-zäéû]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b")
            .expect("static regex")
    });
    static DMY2: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2})$").expect("static regex")
    });
    static SLASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4})$").expect("static regex"));
    // Every form has a four-digit year or a dd.mm.yy date.
    if s.bytes().filter(u8::is_ascii_digit).count() < 4 {
        return None;
    }
    let mut first_changed = None;
    for m in ANY.find_iter(s) {
        let raw = m.as_str();
        let date = if let Some(c) = DMY2.captures(raw) {
            valid(
                2000 + c[3].parse::<i32>().ok()?,
                c[2].parse().ok()?,
                c[1].parse().ok()?,
            )
        } else if let Some(c) = SLASH.captures(raw) {
            let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
            let y = c[3].parse().ok()?;
            if b > 12 {
                valid(y, a, b)
            } else {
                valid(y, b, a)
            }
        } else {
            parse_date(raw)
        };
        let Some(date) = date else { continue };
        if CHANGED.is_match(&s[..m.start()]) {
            first_changed.get_or_insert(date);
            continue;
        }
        return Some(date);
    }
    first_changed
}

/// A timestamp in UTC close enough to midnight that the publisher's local
/// date may be the day before (`00:53Z` in the Americas) or after (`22:04Z`
/// in Europe): the candidate days, most likely first.
fn near_midnight_utc(raw: &str) -> Option<i64> {
    static UTC_TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[T ](\d{2}):\d{2}(?::\d{2}(?:[.:]\d+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)?$")
            .expect("static regex")
    });
    let raw = raw.trim();
    let c = UTC_TIME.captures(raw)?;
    // Only a stated UTC zone, or none at all.
    let zoned = raw.ends_with('Z') || raw.contains("+00") || raw.contains("-00:00");
    let bare = !raw[c.get(1)?.start()..].contains(['+', '-']) && !raw.ends_with('Z');
    if !(zoned || bare) {
        return None;
    }
    let hour: i64 = c[1].parse().ok()?;
    match hour {
        0..=6 => Some(-1),
        21..=23 => Some(1),
        _ => None,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let yy = if m <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    Some(days_from_civil(y, m, d))
}

/// Days from `a` to `b` (both `YYYY-MM-DD`).
fn days_between(a: &str, b: &str) -> Option<i64> {
    Some(day_number(b)? - day_number(a)?)
}

/// `date` (`YYYY-MM-DD`) moved by `days`.
pub(crate) fn shift_day(date: &str, days: i64) -> Option<String> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    from_unix((days_from_civil(y, m, d) + days) * 86_400)
}

/// The page's printed date line: the first `<time>`, else the first
/// element whose class names a date.
fn printed_date(sig: &Signals) -> Option<String> {
    sig.times
        .iter()
        .find_map(|(t, _)| parse_date(t))
        .or_else(|| sig.date_texts.iter().find_map(|t| text_date(t)))
}

/// The date of a `<time>` that prints the UTC timestamp `raw` on another
/// clock: same minutes and seconds, another hour (`05:30:59Z` and
/// `2023-11-08 23:30:59`).
fn same_instant_local(raw: &str, times: &[(String, bool)]) -> Option<String> {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2}:\d{2})").expect("static regex")
    });
    static UTC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:Z|[+-]00:?00|UTC|GMT)$").expect("static regex"));
    let raw = raw.trim();
    if !UTC.is_match(raw) {
        return None;
    }
    let c = STAMP.captures(raw)?;
    times.iter().find_map(|(t, _)| {
        let l = STAMP.captures(t.trim())?;
        let gap = days_between(&c[1], &l[1])?;
        (l[3] == c[3] && l[2] != c[2] && gap.abs() == 1).then(|| l[1].to_string())
    })
}

/// How many different dates the page's `<time>` elements and date lines
/// hold (a list of comments or teasers holds many).
fn distinct_dates(sig: &Signals) -> usize {
    let mut dates: Vec<String> = sig
        .times
        .iter()
        .filter_map(|(t, _)| parse_date(t))
        .chain(sig.date_texts.iter().filter_map(|t| text_date(t)))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates.len()
}

/// Pick the publication date.
pub fn published(
    sig: &Signals,
    ld: &LdInfo,
    url: Option<&str>,
    lead_texts: &[&str],
) -> Option<String> {
    // Dates the page shows or its URL holds: a reader's local dates.
    let shown = || {
        url.and_then(date_from_url)
            .into_iter()
            .chain(sig.date_texts.iter().filter_map(|t| text_date(t)))
            .chain(sig.times.iter().filter_map(|(t, _)| parse_date(t)))
            .chain(
                lead_texts
                    .iter()
                    .filter(|t| t.chars().count() < 200)
                    .filter_map(|t| text_date(t)),
            )
    };
    let languages: Vec<&str> = sig
        .html_lang
        .as_deref()
        .into_iter()
        .chain(sig.meta(&["og:locale"]))
        .collect();
    let structured = ld
        .date_published
        .as_deref()
        .into_iter()
        .map(|raw| ("", raw))
        .chain(
            PUBLISHED_METAS
                .iter()
                .filter_map(|k| sig.meta(&[k]).map(|v| (*k, v))),
        )
        .find_map(|(key, raw)| parse_date(raw).map(|d| (d, raw, key)));
    if let Some((date, raw, key)) = structured {
        // A UTC timestamp on a country's host: the date on its clock. Else,
        // near midnight, the page's own date line tells which side of
        // midnight the publisher was on.
        let date = local_date::local_date(&date, raw, url, &languages)
            .or_else(|| same_instant_local(raw, &sig.times))
            .unwrap_or_else(|| {
                near_midnight_utc(raw)
                    .and_then(|shift| shift_day(&date, shift))
                    .filter(|other| {
                        let seen: Vec<String> = shown().take(12).collect();
                        seen.contains(other) && !seen.contains(&date)
                    })
                    .unwrap_or(date)
            });
        // The page prints another date and never the declared one: a weak
        // meta (any date of the page) yields to it when close by, a
        // declared publication date when the printed one is later (the
        // edition the reader sees), unless the page lists many dates.
        if let Some(line) = printed_date(sig)
            && line != date
            && !shown().take(12).any(|d| d == date)
            && let Some(gap) = days_between(&date, &line)
        {
            let weak = WEAK_METAS.contains(&key);
            if (weak && gap.abs() <= 60) || (!weak && gap > 0 && distinct_dates(sig) <= 3) {
                return Some(line);
            }
        }
        return Some(date);
    }
    if let Some(d) = sig
        .times
        .iter()
        .filter(|(_, m)| *m)
        .find_map(|(t, _)| parse_date(t))
    {
        return Some(d);
    }
    if let Some(d) = ld.date_created.as_deref().and_then(parse_date) {
        return Some(d);
    }
    if let Some(d) = url.and_then(date_from_url) {
        return Some(d);
    }
    if let Some(d) = sig.times.iter().find_map(|(t, _)| parse_date(t)) {
        return Some(d);
    }
    if let Some(d) = sig.date_texts.iter().find_map(|t| text_date(t)) {
        return Some(d);
    }
    lead_texts
        .iter()
        .filter(|t| t.chars().count() < 200)
        .find_map(|t| text_date(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(
            parse_date("2019-10-16T08:00:00+02:00").as_deref(),
            Some("2019-10-16")
        );
        assert_eq!(
            parse_date("16.10.2019, 08:00 Uhr").as_deref(),
            Some("2019-10-16")
        );
        assert_eq!(
            parse_date("16. Oktober 2019").as_deref(),
            Some("2019-10-16")
        );
        assert_eq!(
            parse_date("Published October 16, 2019").as_deref(),
            Some("2019-10-16")
        );
        assert_eq!(parse_date("3rd March 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(parse_date("1571212800").as_deref(), Some("2019-10-16"));
        assert_eq!(parse_date("no date here"), None);
    }

    #[test]
    fn text_dates_skip_the_change_date() {
        assert_eq!(
            text_date("Letzte Änderung: 31.10.2023 - 14:49 Erschienen am: 01.11.2023").as_deref(),
            Some("2023-11-01")
        );
        assert_eq!(text_date("Bonn, 11.10.2021").as_deref(), Some("2021-10-11"));
        assert_eq!(
            text_date("veröffentlicht 28.01.22 / Wein").as_deref(),
            Some("2022-01-28")
        );
        assert_eq!(
            text_date("The Guardian 02/10/2020").as_deref(),
            Some("2020-10-02")
        );
        assert_eq!(
            text_date("Updated 3 May 2021").as_deref(),
            Some("2021-05-03")
        );
    }

    #[test]
    fn shifts_days_across_months() {
        assert_eq!(shift_day("2022-03-01", -1).as_deref(), Some("2022-02-28"));
        assert_eq!(shift_day("2019-12-31", 1).as_deref(), Some("2020-01-01"));
        assert_eq!(near_midnight_utc("2022-05-04T00:53:29.274Z"), Some(-1));
        assert_eq!(near_midnight_utc("2019-10-18T22:04:00Z"), Some(1));
        assert_eq!(near_midnight_utc("2022-05-05T21:00:00-05:00"), None);
        assert_eq!(near_midnight_utc("2022-05-05T12:00:00Z"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_from_url("https://example.org/2019/10/16/bridge/").as_deref(),
            Some("2019-10-16")
        );
        assert_eq!(
            date_from_url("https://example.org/news/bridge-123.html"),
            None
        );
    }
}

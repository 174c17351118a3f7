//! The publisher's local date of a timestamp stated in UTC.
//!
//! Pages often declare `2022-05-04T00:53:29Z` for an article their readers
//! saw on 3 May: the UTC day is not the publication day where the
//! publisher is. A country-code host (`.com.ar`, `.de`) names the country,
//! and so the clock: its standard offset, with European summer time (last
//! Sunday of March to last Sunday of October, 01:00 UTC). Generic hosts
//! (`.com`, `.org`, and country codes sold as generic names: `.co`, `.me`,
//! `.tv`, `.io`) and countries spanning several zones (`.us`, `.ca`, `.ru`)
//! give no offset: the UTC day stands.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{days_from_civil, shift_day};

/// How a country keeps its clock.
#[derive(Clone, Copy)]
enum Clock {
    /// A fixed offset in minutes from UTC.
    Fixed(i64),
    /// A European offset, one hour more in summer.
    European(i64),
}

/// The clock of a country-code top-level domain.
fn clock(tld: &str) -> Option<Clock> {
    use Clock::{European, Fixed};
    Some(match tld {
        "uk" | "ie" | "pt" => European(0),
        "de" | "at" | "ch" | "li" | "fr" | "be" | "nl" | "lu" | "it" | "es" | "dk" | "se"
        | "no" | "pl" | "cz" | "sk" | "hu" | "si" | "hr" | "rs" | "ba" | "mk" | "al" | "mt" => {
            European(60)
        }
        "fi" | "ee" | "lv" | "lt" | "ro" | "bg" | "gr" | "cy" | "ua" | "md" => European(120),
        "is" => Fixed(0),
        "tr" | "by" => Fixed(180),
        "in" => Fixed(330),
        "th" | "vn" => Fixed(420),
        "cn" | "hk" | "tw" | "sg" | "my" | "ph" => Fixed(480),
        "jp" | "kr" => Fixed(540),
        "ar" | "br" | "uy" => Fixed(-180),
        "cl" | "bo" | "ve" | "py" => Fixed(-240),
        "pe" | "ec" | "pa" => Fixed(-300),
        "mx" | "gt" | "sv" | "hn" | "ni" | "cr" => Fixed(-360),
        _ => return None,
    })
}

/// The top-level domain of a URL's host: `ar` for
/// `https://www.example.com.ar/a`.
fn tld(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.len() < host.len()).then(|| tld.to_ascii_lowercase())
}

/// Days since 1970-01-01 of the last Sunday of a month with 31 days.
fn last_sunday(y: i64, m: i64) -> i64 {
    let last = days_from_civil(y, m, 31);
    // 1970-01-01 was a Thursday: weekday 0 is Sunday.
    last - (last + 4).rem_euclid(7)
}

/// The offset in minutes of `clock` at `minute` (minutes since the epoch,
/// UTC) in year `y`.
fn offset(clock: Clock, y: i64, minute: i64) -> i64 {
    match clock {
        Clock::Fixed(o) => o,
        Clock::European(o) => {
            let start = last_sunday(y, 3) * 1440 + 60;
            let end = last_sunday(y, 10) * 1440 + 60;
            if (start..end).contains(&minute) {
                o + 60
            } else {
                o
            }
        }
    }
}

/// The clock of a language tag: its region (`es-AR`, `de_CH`), else a
/// language spoken in one time zone only (`de`, `ja`).
fn language_clock(tag: &str) -> Option<Clock> {
    let tag = tag.trim().to_ascii_lowercase();
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next()?;
    if let Some(region) = parts.find(|p| p.len() == 2) {
        return clock(if region == "gb" { "uk" } else { region });
    }
    match lang {
        "de" | "nl" | "it" | "pl" | "cs" | "sk" | "hu" | "da" | "sv" | "nb" | "nn" | "no"
        | "sl" | "hr" => clock("de"),
        "fi" | "et" | "lv" | "lt" | "el" | "ro" | "bg" | "uk" => clock("fi"),
        "ja" => clock("jp"),
        "ko" => clock("kr"),
        _ => None,
    }
}

/// The publisher's clock: the country of the page's host, else the region
/// or language the page declares (`<html lang>`, `og:locale`).
fn publisher_clock(url: Option<&str>, languages: &[&str]) -> Option<Clock> {
    if let Some(url) = url
        && let Some(tld) = tld(url)
    {
        // A generic host (`.com`) leaves the language to tell.
        if let Some(c) = clock(&tld) {
            return Some(c);
        }
    }
    languages.iter().find_map(|l| language_clock(l))
}

/// The local date (`YYYY-MM-DD`) of `raw`, a timestamp stated in UTC
/// (`Z`, `+00:00`, `GMT`, `UTC`) whose UTC date is `date`, where the host
/// of `url` or the page's declared `languages` name the publisher's
/// country. `None` when the timestamp is not in UTC or nothing names a
/// clock.
pub fn local_date(date: &str, raw: &str, url: Option<&str>, languages: &[&str]) -> Option<String> {
    static UTC_TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[T ](\d{2}):(\d{2})(?::\d{2}(?:[.:]\d+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)$")
            .expect("static regex")
    });
    let clock = publisher_clock(url, languages)?;
    let c = UTC_TIME.captures(raw.trim())?;
    let (h, min): (i64, i64) = (c[1].parse().ok()?, c[2].parse().ok()?);
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    let minute = days_from_civil(y, m, d) * 1440 + h * 60 + min;
    let local = h * 60 + min + offset(clock, y, minute);
    shift_day(date, local.div_euclid(1440))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_hosts_move_utc_timestamps_across_midnight() {
        let ar = Some("https://www.example.com.ar/politica/nota/");
        assert_eq!(
            local_date("2022-05-04", "2022-05-04T00:53:29.274Z", ar, &[]).as_deref(),
            Some("2022-05-03")
        );
        assert_eq!(
            local_date("2022-05-04", "Wed, 04 May 2022 02:41:00 GMT", ar, &[]).as_deref(),
            Some("2022-05-03")
        );
        // Winter in Germany: 23:00 UTC is midnight.
        let de = Some("https://example.de/artikel");
        assert_eq!(
            local_date("2022-11-06", "2022-11-06T23:00:00.000Z", de, &[]).as_deref(),
            Some("2022-11-07")
        );
        // Summer: 22:30 UTC is already the next day, 21:30 is not.
        assert_eq!(
            local_date("2019-10-18", "2019-10-18T22:30:00Z", de, &[]).as_deref(),
            Some("2019-10-19")
        );
        assert_eq!(
            local_date("2019-10-28", "2019-10-28T22:30:00Z", de, &[]).as_deref(),
            Some("2019-10-28")
        );
        // Noon stays on its day.
        assert_eq!(
            local_date("2022-05-04", "2022-05-04T12:00:00Z", ar, &[]).as_deref(),
            Some("2022-05-04")
        );
    }

    #[test]
    fn declared_languages_name_the_clock_without_a_country_host() {
        assert_eq!(
            local_date("2022-05-04", "2022-05-04T01:30:00Z", None, &["es-AR"]).as_deref(),
            Some("2022-05-03")
        );
        assert_eq!(
            local_date("2022-11-06", "2022-11-06T23:10:00Z", None, &["de"]).as_deref(),
            Some("2022-11-07")
        );
        // Spanish alone could be Madrid or Lima.
        assert_eq!(
            local_date("2022-05-04", "2022-05-04T01:30:00Z", None, &["es"]),
            None
        );
    }

    #[test]
    fn generic_hosts_and_zoned_times_give_nothing() {
        assert_eq!(
            local_date(
                "2022-05-04",
                "2022-05-04T00:53:29Z",
                Some("https://example.com/a"),
                &["en"]
            ),
            None
        );
        assert_eq!(
            local_date(
                "2022-05-04",
                "2022-05-04T00:53:29-03:00",
                Some("https://example.com.ar/a"),
                &[]
            ),
            None
        );
        assert_eq!(
            local_date(
                "2022-05-04",
                "2022-05-04",
                Some("https://example.de/a"),
                &[]
            ),
            None
        );
        assert_eq!(
            local_date("2022-05-04", "2022-05-04T00:53:29Z", None, &[]),
            None
        );
    }
}

//! Authors: clean names from JSON-LD, meta tags and bylines.
//!
//! A byline is cut down to the names: leading "By"/"Von"/"Par"/"Por" go, so
//! do dates, "Updated 3 hours ago", e-mail addresses (also "ann[at]..."),
//! job titles after a comma or dash, and "and"/"und"/"&" split several
//! names; a headline fragment (with a colon or quotes) is no name, a user
//! handle with digits ("delta201") is. Sources, in order of trust:
//! JSON-LD (also a `Recipe`'s or `HowTo`'s author), a byline printed as
//! text near the top ("Von Ann Lee", "Opinion | By Ann Lee | May 2": it
//! beats meta tags, which often name the uploading account), meta tags,
//! WordPress's `twitter:label`/`data` pairs, byline markup, a labelled
//! signature after the body ("Eine Kolumne von Ann Lee"), a name after a
//! date in a meta line or before one ("Ann Lee | April 13, 2020"), and a
//! label alone in its element followed by the name. In a line of labelled
//! fields ("Datum: … Autor: Ann Lee Quelle: …") the author's field is read. The first name that looks like a full name wins, or one that two
//! sources agree on (one of them declared or marked up as the author); a
//! name in a link to an author page comes after any printed one. The
//! publisher's own name declared as the author (the site name, the host,
//! a segment of the `<title>`, a JSON-LD author typed `Organization`)
//! yields to a person the page names; when nothing else names an author
//! the publisher signs its own page, else the page's copyright holder.
//! A given name alone takes the full name another source prints, and a
//! role run into a name gives way to the bare name. URLs are dropped.

use std::sync::LazyLock;

use regex::Regex;

use crate::jsonld::LdInfo;
use crate::signals::Signals;

/// Clean one byline into zero or more names.
pub fn clean_byline(raw: &str) -> Vec<String> {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:written|posted|published|reported|text|story|words|interview|photos?|fotos?|eingestellt|geschrieben|erstellt|verfasst|und\s+interview)\s+)?(?:(?:zeige|show|view)\s+(?:alle|all)\s+(?:beiträge|artikel|posts|articles)\s+(?:von|by)|by|von|vom|par|por|di|door|av|from|autor(?:in)?|autoren|author|auteur|text|interview|ein\s+(?:beitrag|artikel)\s+von|(?:blog\s+)?beitrag\s+von|alles\s+von|pressemitteilung\s+(?:von|der|des)|press\s+release\s+(?:by|from)|alle\s+(?:posts|beiträge|artikel)\s+(?:von|vom)(?:\s+autor(?:in)?)?|mehr\s+von|artikel\s+von|publié\s+par|posted\s+by|gespeichert\s+von|über|und\s+interview)(?:\s*[:\-]\s*|\s+)").expect("static regex")
    });
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:\||•|·|\bupdated\b|\bpublished\b|\baktualisiert\b|\bveröffentlicht\b|\b(?:am|le|el)\s+\d|\s@\w|\s+am$|\s+(?:mo|di|mi|do|fr|sa|so)\.?$|\balle\s+(?:artikel|beiträge)|\bpubliziert|\bpublié|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\b\d+\s+(?:hours?|minutes?|days?|stunden?|minuten?|tagen?)\b|\bvor\s+\d|\bfollow\b|\bfolgen\b|\bemail\b|\bcontact\b|\bmehr\s+(?:von|artikel)|\bmore\s+(?:from|by)\b|\bread\s+more|\bupdated|\bshare\b|\bteilen\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|\billustration|\bfotos?\b|\bphotos?\b|\bbilder?\b|\(|\bmore\s+posts|\balle\s+beiträge|\bposts\s+by).*$").expect("static regex")
    });
    static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+(?:and|und|et|y|e|&)\s+|\s*;\s*|\s*&\s*").expect("static regex")
    });
    static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|am|um|on|le|el)\.?$",
        )
        .expect("static regex")
    });
    let mut s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(named) = labelled_field(&s) {
        s = named.to_string();
    }
    for _ in 0..2 {
        s = PREFIX.replace(&s, "").to_string();
    }
    for _ in 0..2 {
        s = CUT
            .replace(&s, "")
            .trim_end_matches([',', ';', ' '])
            .to_string();
    }
    let mut out = Vec::new();
    let mut dropped = false;
    for part in SPLIT.split(&s) {
        // A job title after a comma or dash: "Ann Lee, Senior Editor".
        let name = part.split([',', '—', '–']).next().unwrap_or(part);
        let name = name.split(" - ").next().unwrap_or(name);
        let name = name
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
            .trim();
        // A weekday or a preposition left before the cut date: "Ann Lee Fr".
        let name = TRAIL.replace(name, "");
        // A web address run into an organisation's name goes.
        let name = name
            .split_whitespace()
            .filter(|w| !w.to_lowercase().starts_with("www."))
            .collect::<Vec<_>>()
            .join(" ");
        if plausible_name(&name) {
            out.push(name);
        } else {
            dropped |= !name.is_empty();
        }
    }
    // "Staff and news service reports": no name before the "and" and none
    // after it, a phrase about who wrote, not a list of names; it stays
    // whole.
    if dropped
        && out.len() == 1
        && SPLIT
            .find(&s)
            .is_some_and(|m| s[m.end()..].trim() == out[0])
        && !s.contains(',')
        && plausible_name(&s)
        && !is_strong(&out[0])
    {
        return vec![s];
    }
    out
}

/// In a line of labelled fields, the author's: "Datum: 19.11.2021 Autor:
/// Ann Lee Quelle: Livenet" gives "Ann Lee".
fn labelled_field(line: &str) -> Option<&str> {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|\s)(?:autor(?:in)?|autoren|author|auteur|verfasser(?:in)?)\s*:\s*")
            .expect("static regex")
    });
    static NEXT_LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s\p{Lu}\p{L}+:(?:\s|$)").expect("static regex"));
    let rest = &line[FIELD.find(line)?.end()..];
    let end = NEXT_LABEL.find(rest).map_or(rest.len(), |m| m.start());
    Some(rest[..end].trim()).filter(|r| !r.is_empty())
}

fn plausible_name(s: &str) -> bool {
    let n = s.chars().count();
    let lower = s.to_lowercase();
    if matches!(
        lower.as_str(),
        "authors"
            | "author"
            | "autor"
            | "autoren"
            | "more posts"
            | "posted"
            | "admin"
            | "by"
            | "von"
            | "por"
            | "par"
            | "unknown"
            | "no author"
            | "anonymous"
            | "people"
            | "staff"
            | "view all"
            | "zur person"
            | "real life"
    ) || lower.starts_with("foto")
        || lower.starts_with("posted")
        || lower.starts_with("publiziert")
        || lower.starts_with("published")
        || lower.starts_with("please")
        || lower.starts_with("gesponsert")
        || lower.starts_with("sponsored")
        || lower.contains("comment")
        || lower.contains("profil")
        || lower.contains("kommentar")
        || lower.starts_with("photo")
        || (s.chars().any(|c| c.is_ascii_digit()) && !is_handle(s))
        || s.contains("[at]")
        || s.contains("(at)")
        || s.contains([':', '"', '“', '”', '„', '«', '»', '?', '!', '=', '©'])
    {
        return false;
    }
    // "über den Autor": a phrase about the author, not a name.
    if s.split_whitespace().count() > 1
        && s.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "autor" | "autorin" | "author" | "den" | "the" | "zeige" | "show"
            )
        })
    {
        return false;
    }
    (2..=60).contains(&n)
        && s.chars().any(char::is_alphabetic)
        && !s.contains("://")
        && !s.contains('@')
        && !s.starts_with("www.")
        && s.split_whitespace().count() <= 6
}

/// A user handle with digits: one word that starts with a letter and holds
/// only letters, digits, "_" and "-" ("delta201", "Bo2man"); a date or a
/// count ("12.5.", "3 Tage") is none.
fn is_handle(s: &str) -> bool {
    !s.contains(' ')
        && s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 1
}

/// A name that looks like a person's or an organisation's (capitalised
/// words), not a user handle (`christian.stadtfeld`, `admin`).
fn is_strong(name: &str) -> bool {
    name.split_whitespace().count() >= 2
        && name
            .split_whitespace()
            .all(|w| !w.chars().next().is_some_and(char::is_lowercase) || w.len() <= 3)
}

/// A byline written as text at the top of the article: "By Ann Lee",
/// "Von Karl Maier", "Text: Eva Roth".
fn text_byline(line: &str) -> Option<Vec<String>> {
    static TEXT_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:text\s+(?:von|by)|text:|von|by|par|por|door|autor(?:in)?:|author:|written\s+by|ein\s+(?:beitrag|artikel)\s+von)\s+\p{Lu}").expect("static regex")
    });
    if line.chars().count() > 120 {
        return None;
    }
    if TEXT_BYLINE.is_match(line) && line.chars().count() <= 80 {
        let names = names_in(line);
        return (!names.is_empty() && names.iter().all(|n| is_strong(n))).then_some(names);
    }
    // A meta line joins fields with bars: "Opinion | By Ann Lee | May 2".
    if let Some(names) = line.split(['|', '·', '•']).skip(1).find_map(|seg| {
        let seg = seg.trim();
        (TEXT_BYLINE.is_match(seg) && seg.chars().count() <= 60)
            .then(|| names_in(seg))
            .filter(|n| !n.is_empty() && n.iter().all(|n| is_strong(n)))
    }) {
        return Some(names);
    }
    labelled_byline(line)
}

/// A byline announced by a label inside a meta line or a signature:
/// "Datum: 03.11.2021 Autor: Karl Maier/dpa", "Posted on May 2, 2024 by
/// Ann Lee", "Gespeichert von rasos am 24. Juli". The label makes a
/// one-word handle credible.
fn labelled_byline(line: &str) -> Option<Vec<String>> {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)(?:(?i:autor(?:in)?|autoren|author|auteur|verfasser(?:in)?|text|redaktion|von)\s*:\s*(\p{Lu}.*)|(?i:posted|written|geschrieben|verfasst|gespeichert|eingestellt|publié|publicado|erstellt)(?:\s+\S+){0,4}?\s+(?i:by|von|par|por):?\s+(\w.*)|(?i:autoren|(?:blog\s*|gast)?beitrag\s+von|(?:eine?\s+)?(?:kolumne|interview|kommentar|reportage|analyse|gastbeitrag|essay)\s+von|(?:a\s+)?(?:column|guest\s+post|commentary|analysis|essay)\s+by)\s+(\p{Lu}.*))")
            .expect("static regex")
    });
    if line.len() > 480 || line.chars().count() > 120 {
        return None;
    }
    let c = LABELLED.captures(line)?;
    let text = c.get(1).or(c.get(2)).or(c.get(3))?.as_str();
    let names = names_in(text);
    let credible =
        |n: &String| is_strong(n) || (n.split_whitespace().count() == 1 && n.chars().count() >= 3);
    (!names.is_empty() && names.iter().all(credible)).then_some(names)
}

fn names_in(text: &str) -> Vec<String> {
    clean_byline(text)
        .into_iter()
        .map(|n| match n.split_once('/') {
            // "Karl Maier/dpa": the agency after the slash goes.
            Some((person, _)) if is_strong(person.trim()) => person.trim().to_string(),
            _ => n,
        })
        .collect()
}

/// The page texts bylines are looked for in.
#[derive(Debug, Default, Clone, Copy)]
pub struct Texts<'a> {
    /// The blocks around the body's start and the page's first text blocks.
    pub lead: &'a [&'a str],
    /// The page's first blocks in document order.
    pub in_order: &'a [&'a str],
    /// The last blocks of the body and those after it (signatures).
    pub tail: &'a [&'a str],
}

/// Pick the authors.
///
/// Candidates come in order of trust; the first that looks like a person's
/// or organisation's full name wins, or one that two sources agree on.
/// Names that are the publisher's own (the site name, the host, a segment
/// of the `<title>`, a JSON-LD author typed `Organization`) count only when
/// no one else is named; then the copyright holder of the page comes first.
pub fn authors(
    sig: &Signals,
    ld: &LdInfo,
    site: Option<&str>,
    url: Option<&str>,
    texts: Texts,
) -> Vec<String> {
    let not_site = |n: &String| site.is_none_or(|s| !n.eq_ignore_ascii_case(s));
    let publisher = publisher_names(sig, ld, site, url);
    // (names, source): Declared in JSON-LD or meta tags, Printed on the
    // page, or Linked (a link to an author page, wherever it sits).
    let mut candidates: Vec<(Vec<String>, Source)> = Vec::new();
    let from_ld: Vec<String> = ld
        .authors
        .iter()
        .flat_map(|a| clean_byline(a))
        .filter(not_site)
        .collect();
    // An organisation as the JSON-LD author is the publisher: it yields to
    // a person printed on the page.
    let ld_source = if ld.authors_are_organisations {
        Source::Linked
    } else {
        Source::Declared
    };
    candidates.push((from_ld, ld_source));
    // A byline printed above the article beats a meta author, which is often
    // the account that uploaded the page.
    if let Some(names) = texts.lead.iter().find_map(|l| text_byline(l)) {
        candidates.push((names, Source::Printed));
    }
    for (key, v) in author_metas(sig) {
        if key == "twitter:creator" && v.starts_with('@') {
            continue;
        }
        let names = clean_byline(v).into_iter().filter(not_site).collect();
        candidates.push((names, Source::Declared));
    }
    // WordPress's "twitter:label1" = "Written by", "twitter:data1" = name.
    for i in 1..=4 {
        let label = sig.meta(&[&format!("twitter:label{i}")]).unwrap_or("");
        if AUTHOR_LABEL.is_match(label)
            && let Some(v) = sig.meta(&[&format!("twitter:data{i}")])
        {
            let names = clean_byline(v).into_iter().filter(not_site).collect();
            candidates.push((names, Source::Declared));
        }
    }
    for rank in 0..=2u8 {
        for (b, r) in &sig.bylines {
            if *r == rank {
                let names = clean_byline(b).into_iter().filter(not_site).collect();
                let source = match rank {
                    0 => Source::Marked,
                    1 => Source::Printed,
                    _ => Source::Linked,
                };
                candidates.push((names, source));
            }
        }
    }
    if let Some(names) = texts.tail.iter().find_map(|l| labelled_byline(l)) {
        candidates.push((names, Source::Printed));
    }
    if let Some(names) = texts.lead.iter().find_map(|l| date_line_byline(l)) {
        candidates.push((names, Source::Printed));
    }
    if let Some(names) = texts.lead.iter().find_map(|l| name_then_date_byline(l)) {
        candidates.push((names, Source::Printed));
    }
    if let Some(names) = label_then_name(texts.in_order).or_else(|| label_then_name(texts.tail)) {
        candidates.push((names, Source::Printed));
    }
    candidates.retain(|(c, _)| !c.is_empty());
    // A name two sources give, one of them declared or marked up as the
    // author, is credible whatever its form ("Ela" in JSON-LD and in the
    // byline).
    let agreed = |n: &str| {
        let with = |(c, _): &&(Vec<String>, Source)| c.iter().any(|m| m.eq_ignore_ascii_case(n));
        n.chars().count() >= 3
            && candidates.iter().filter(with).count() >= 2
            && candidates
                .iter()
                .filter(with)
                .any(|(_, s)| matches!(s, Source::Declared | Source::Marked))
    };
    let credible = |(c, _): &&(Vec<String>, Source)| is_strong(&c[0]) || agreed(&c[0]);
    // The publisher's own name declared as the author is no byline while
    // the page prints or declares someone else's.
    let best = candidates
        .iter()
        .filter(|(c, s)| match s {
            Source::Declared => !publisher_like(&c[0], &publisher),
            Source::Printed | Source::Marked => true,
            Source::Linked => false,
        })
        .find(credible)
        // A name the page declares or prints, whatever its form, beats one
        // in a link to an author page, which may be a teaser's.
        .or_else(|| candidates.iter().find(|(_, s)| *s != Source::Linked))
        .or_else(|| candidates.iter().find(credible))
        .or_else(|| candidates.first());
    if let Some((best, _)) = best {
        let all: Vec<&String> = candidates.iter().flat_map(|(c, _)| c).collect();
        return dedup(refine(best.clone(), &all));
    }
    // Only the publisher signs the page: its name is the author; else the
    // holder of the page's copyright.
    let declared = ld.authors.iter().map(String::as_str).chain(
        ["author", "article:author", "dc.creator"]
            .iter()
            .filter_map(|k| sig.meta(&[k])),
    );
    if let Some(n) = declared.flat_map(clean_byline).next() {
        return vec![n];
    }
    sig.copyright_lines
        .iter()
        .rev()
        .find_map(|l| copyright_holder(l))
        .into_iter()
        .collect()
}

/// Where a byline candidate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// JSON-LD or a meta tag.
    Declared,
    /// Text or byline markup (a class naming the author) on the page.
    Printed,
    /// Explicit author markup: `rel=author`, `itemprop=author`.
    Marked,
    /// A link to an author page, or an organisation as the JSON-LD author.
    Linked,
}

/// Meta tags naming an author: the usual keys first, then `og:author`,
/// `citation_author` and the like, and keys ending in "author_name"
/// (`shareaholic:article_author_name`).
fn author_metas(sig: &Signals) -> Vec<(&str, &str)> {
    const KEYS: &[&str] = &[
        "author",
        "article:author",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
        "byl",
        "twitter:creator",
    ];
    let mut out: Vec<(&str, &str)> = KEYS
        .iter()
        .filter_map(|k| sig.meta(&[k]).map(|v| (*k, v)))
        .collect();
    for (k, v) in &sig.metas {
        let other = !KEYS.contains(&k.as_str())
            && (k.ends_with("author_name")
                || matches!(
                    k.as_str(),
                    "og:author" | "citation_author" | "book:author" | "dcterms.creator"
                ));
        if other && !v.trim().is_empty() && !out.iter().any(|(ok, _)| ok == k) {
            out.push((k.as_str(), v.trim()));
        }
    }
    out
}

/// The names the publisher goes by, compacted: the site name, the JSON-LD
/// publisher and website, the app name, the host (with and without its
/// top-level domain) and the segments of a `<title>` joined from several.
fn publisher_names(
    sig: &Signals,
    ld: &LdInfo,
    site: Option<&str>,
    url: Option<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = [
        site,
        ld.publisher.as_deref(),
        ld.site_name.as_deref(),
        sig.meta(&["og:site_name"]),
        sig.meta(&["application-name"]),
        sig.meta(&["apple-mobile-web-app-title"]),
    ]
    .into_iter()
    .flatten()
    .map(compact)
    .collect();
    if let Some(host) = url
        .and_then(|u| u.split("//").nth(1))
        .and_then(|r| r.split('/').next())
    {
        let host = host.trim_start_matches("www.");
        out.push(compact(host));
        out.push(compact(host.rsplit_once('.').map_or(host, |(n, _)| n)));
    }
    if let Some(t) = sig.title_tag.as_deref() {
        for sep in [" | ", " - ", " – ", " — ", " · ", " :: "] {
            if t.contains(sep) {
                out.extend(t.split(sep).map(compact));
            }
        }
    }
    out.retain(|n| n.chars().count() >= 3);
    out
}

/// Is this name the publisher's own: equal to one of its names, one with
/// a top-level domain ("El Colombiano", elcolombiano.com), or one holding
/// it ("Houzz Deutschland")? A blog named after its author ("Ann Lee's
/// Blog") does not make her name the publisher's.
fn publisher_like(name: &str, publisher: &[String]) -> bool {
    let c = compact(name);
    let n = c.chars().count();
    n >= 3
        && publisher.iter().any(|p| {
            let pn = p.chars().count();
            *p == c
                || (n >= 5 && pn <= n + 4 && p.contains(&c))
                || (pn >= 5 && c.contains(p.as_str()))
        })
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The most precise form of the first name among all candidates: a given
/// name alone ("Nils") takes the full name another source prints ("Nils
/// Pickert"); a name with a role run into it ("Experte Robin Tschöpe",
/// "Adam Aaronson PhillyVoice Staff") takes the bare name another source
/// prints.
fn refine(mut names: Vec<String>, all: &[&String]) -> Vec<String> {
    let Some(first) = names.first() else {
        return names;
    };
    let fw: Vec<String> = first.split_whitespace().map(str::to_lowercase).collect();
    let better = all.iter().find(|m| {
        let mw: Vec<String> = m.split_whitespace().map(str::to_lowercase).collect();
        if mw.len() < 2 || mw == fw || !is_strong(m) {
            return false;
        }
        if fw.len() == 1 {
            return mw.len() <= 3 && mw.contains(&fw[0]);
        }
        mw.len() < fw.len() && fw.windows(mw.len()).any(|w| w == mw.as_slice())
    });
    if let Some(b) = better {
        names[0] = b.to_string();
    }
    names
}

/// The holder named in a copyright line: "© 2019 Ann Lee", "Copyright (c)
/// 2012- Ann Lee. All rights reserved", "(c) Ann Lee • Impressum". The
/// publisher or person who holds the page's copyright signs it when no
/// byline names anyone.
fn copyright_holder(line: &str) -> Option<String> {
    static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?:©|\(c\)|\bcopyright\b)\s*)+(?:(?:since|seit)\s+)?(?:\d{4}\s*(?:[-–]\s*(?:\d{4})?)?\s*)?(?:by\s+|von\s+)?((?-i:\p{Lu}).*)$")
            .expect("static regex")
    });
    static STOP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:\ball\s+rights\b|\balle\s+rechte\b|\btous\s+droits\b|\btodos\s+los\b|\bpowered\b|\bdesign(?:ed)?\s+by\b|\btheme\b|\bimpressum\b|\bdatenschutz\b|\bprivacy\b|\bweitere\b|\bhosted\b|\bfür\b|\bfor\b|[|•·,;—–]|\s-\s|\s\d{4}\b).*$")
            .expect("static regex")
    });
    if line.chars().count() > 200 {
        return None;
    }
    let rest = COPYRIGHT.captures(line)?.get(1)?.as_str();
    let name = STOP.replace(rest, "");
    // A sentence ends at a full stop after a word, not after an initial or
    // an abbreviation ("Dr.", "e. V.").
    let mut end = name.len();
    for (i, _) in name.match_indices(". ") {
        let word = name[..i].rsplit(' ').next().unwrap_or("");
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            end = i;
            break;
        }
    }
    let mut name = name[..end].trim();
    // A closing full stop goes, one ending an abbreviation stays.
    if let Some(head) = name.strip_suffix('.')
        && head.rsplit([' ', '.']).next().unwrap_or("").chars().count() >= 3
    {
        name = head.trim_end();
    }
    // One holder, "Müller & Söhne" too: no splitting at "and".
    (name.split_whitespace().count() <= 5 && plausible_name(name)).then(|| name.to_string())
}

/// A name after a date (and time) at the head of a short line: "11.12.2019 -
/// Ann Lee", "04.02.2022 | 13:10 Uhr | Ann Lee", "06.11.2023 13:30 von ann".
fn date_line_byline(line: &str) -> Option<Vec<String>> {
    static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s*[|,·•–—-]?\s*\d{1,2}:\d{2}(?:\s*(?i:uhr|h))?)?(?:\s*[|·•–—-]\s*|\s+(?i:von|by|par|por)\s+)(\p{L}.*)$")
            .expect("static regex")
    });
    if line.chars().count() > 80 {
        return None;
    }
    let line = line.trim();
    let rest = DATE_LINE.captures(line)?.get(1)?.as_str();
    // "1.12.2022 | Quelle: Acme": a labelled source, not a byline.
    if rest.contains(':') {
        return None;
    }
    // "… 13:30 von ann": the word before the name is a label.
    let labelled = line[..line.len() - rest.len()]
        .trim_end()
        .ends_with(char::is_alphabetic);
    let names = names_in(rest);
    let credible = |n: &String| {
        is_strong(n) || (labelled && n.split_whitespace().count() == 1 && n.chars().count() >= 3)
    };
    (!names.is_empty() && names.len() <= 4 && names.iter().all(credible)).then_some(names)
}

/// A meta line that opens with the name and ends with the date, without a
/// label: "Ann Lee | 13. April 2020", "Ann Lee · Apr 13, 2020", also
/// after a short kicker ("News: Ann Lee | 13. April 2020").
fn name_then_date_byline(line: &str) -> Option<Vec<String>> {
    static NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[^|·•]{1,20}?[!?:|·•]\s+)?(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})\s*[|·•–—,]\s*(.{6,40})$")
            .expect("static regex")
    });
    if line.chars().count() > 80 {
        return None;
    }
    let c = NAME_DATE.captures(line.trim())?;
    crate::dates::text_date(&c[2])?;
    // The date is all that follows: a weekday, the date, a time.
    if c[2].chars().filter(|ch| ch.is_alphabetic()).count() > 20 {
        return None;
    }
    let names = names_in(&c[1]);
    (names.len() == 1 && is_strong(&names[0])).then_some(names)
}

/// A label alone in its element and the name in the next one:
/// `<h5>Autor:</h5>Ann Lee`, `<span>Written by</span><a>Ann Lee</a>`.
fn label_then_name(lines: &[&str]) -> Option<Vec<String>> {
    lines.windows(2).find_map(|w| {
        if !AUTHOR_LABEL.is_match(w[0]) || w[1].chars().count() > 80 {
            return None;
        }
        let names = names_in(w[1]);
        let credible = |n: &String| {
            is_strong(n) || (n.split_whitespace().count() == 1 && n.chars().count() >= 3)
        };
        (!names.is_empty() && names.iter().all(credible)).then_some(names)
    })
}

/// A label that announces the author ("Written by", "Verfasst von").
static AUTHOR_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:written\s+by|geschrieben\s+von|verfasst\s+von|autor(?:in)?|author|von|by|écrit\s+par|escrito\s+por)\s*:?\s*$")
        .expect("static regex")
});

fn dedup(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in v {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_bylines() {
        assert_eq!(
            clean_byline("By Ann Lee and Bo Chan"),
            vec!["Ann Lee", "Bo Chan"]
        );
        assert_eq!(
            clean_byline("By Ann Lee, Senior Science Editor"),
            vec!["Ann Lee"]
        );
        assert_eq!(
            clean_byline("Von Karl Maier | 16.10.2019"),
            vec!["Karl Maier"]
        );
        assert_eq!(clean_byline("Ann Lee Updated 3 hours ago"), vec!["Ann Lee"]);
        assert_eq!(
            clean_byline("Ann Lee Fr, 18. Oktober 2019"),
            vec!["Ann Lee"]
        );
        assert_eq!(clean_byline("Über Ann Lee"), vec!["Ann Lee"]);
        assert!(clean_byline("Über den Autor").is_empty());
        assert_eq!(
            labelled_byline("Posted on May 2, 2024 by annlee"),
            Some(vec!["annlee".to_string()])
        );
        assert!(clean_byline("https://example.org/people/ann").is_empty());
        assert_eq!(
            text_byline("Datum: 03.11.2021 Autor: Karl Maier/dpa"),
            Some(vec!["Karl Maier".to_string()])
        );
        assert_eq!(
            text_byline("Von Eva Roth"),
            Some(vec!["Eva Roth".to_string()])
        );
        assert_eq!(text_byline("von der Brücke aus sah man den Fluss"), None);
        assert_eq!(
            clean_byline("Zeige alle Beiträge von Creeny"),
            vec!["Creeny"]
        );
        assert!(clean_byline("ann[at]example.org").is_empty());
        assert!(clean_byline("Tarzan-Star: Mord in Santa Barbara").is_empty());
        // A photo credit is no byline; a web address goes from a name.
        assert!(clean_byline("Bild © hr").is_empty());
        assert_eq!(
            clean_byline("Web Werk GmbH www.web-werk.example"),
            vec!["Web Werk GmbH"]
        );
        assert_eq!(
            clean_byline("Pressemitteilung von Eva Roth"),
            vec!["Eva Roth"]
        );
        assert_eq!(
            clean_byline("By Staff and news service reports"),
            vec!["Staff and news service reports"]
        );
        assert_eq!(clean_byline("By Ann Lee and staff"), vec!["Ann Lee"]);
    }

    #[test]
    fn handles_with_digits_are_names_dates_are_not() {
        assert_eq!(clean_byline("delta201"), vec!["delta201"]);
        assert_eq!(clean_byline("von Bo2man"), vec!["Bo2man"]);
        assert!(clean_byline("12.05.2020").is_empty());
        assert!(clean_byline("3 Tage").is_empty());
    }

    #[test]
    fn copyright_holders() {
        for (line, want) in [
            (
                "Copyright (c) 2012- Ann Lee. All rights reserved. Design by X",
                Some("Ann Lee"),
            ),
            (
                "© Müller & Söhne GmbH 2022. Alle Rechte vorbehalten.",
                Some("Müller & Söhne GmbH"),
            ),
            (
                "(c) Eva Roth • Weitere Rechte siehe Impressum",
                Some("Eva Roth"),
            ),
            (
                "© since 2010 by C.Lindner All rights reserved",
                Some("C.Lindner"),
            ),
            (
                "© Copyright Tram Guide Berlin. Impressum",
                Some("Tram Guide Berlin"),
            ),
            (
                "© 2023 Dr. Eva Roth e. V. Alle Rechte",
                Some("Dr. Eva Roth e. V."),
            ),
            ("© 2024", None),
            ("Bilder: © dpa", None),
        ] {
            assert_eq!(copyright_holder(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn publisher_names_are_told_from_bylines() {
        let publisher = vec!["riversidecourier".to_string(), "annleesblog".to_string()];
        assert!(publisher_like("Riverside Courier", &publisher));
        assert!(publisher_like("riversidecourier.com", &publisher));
        // A blog named after its author does not make her name a publisher's.
        assert!(!publisher_like("Ann Lee", &publisher));
    }
}

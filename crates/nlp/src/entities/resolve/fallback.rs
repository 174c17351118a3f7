//! The no-model name finder: a baseline for the statistical recogniser
//! (`entities::ner`, which the pipeline uses), and nothing more.
//!
//! A name is a run of capitalised words (inner "of", "de", "van"... allowed
//! between capitals: "University of Helsinki"), without a leading "The" or
//! title. A run that starts a sentence and is one word long is kept only
//! when the gazetteer knows it or the word is capitalised elsewhere in the
//! middle of a sentence ("Following" is not a name). Weekday and month
//! names are left to the time layer. Types, by the first rule that applies:
//! gazetteer (countries and capitals `LOC`, demonyms `MISC`); a title before
//! it or a person's word inside it: `PER`; an organisation word or an
//! all-capitals acronym: `ORG`; a place word ("Sea", "Street"): `LOC`; a run
//! of two or more words: `PER`; else `LOC` after a locative preposition and
//! `PER` otherwise. Expect far lower accuracy than a trained model.

use std::collections::HashSet;

use tidings_model::{Document, EntityType, Span, Token, TokenKind};

use super::super::NameMention;
use super::fold::fold;
use super::gazetteer::{Gazetteer, PlaceKind};
use super::titles::{self, honorific};

const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "van", "von", "der", "den", "al", "bin", "la", "le", "du", "&",
];

/// Capitalised words that are not names, besides month and weekday names
/// ([`not_a_name`]).
const NOT_NAMES: &[&str] = &[
    "i", "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "we", "they",
    "you", "his", "her", "its", "our", "their", "my", "your", "but", "and", "or", "if", "when",
    "while", "as", "in", "on", "at", "for", "with", "after", "before", "there", "here", "what",
    "who", "why", "how", "some", "many", "most", "all", "no", "not", "yes", "so", "yet", "also",
    "mr", "mrs", "ms", "dr", "sir", "dame",
];

const ORG_WORDS: &[&str] = &[
    "times",
    "news",
    "post",
    "journal",
    "guardian",
    "telegraph",
    "herald",
    "gazette",
    "tribune",
    "university",
    "college",
    "school",
    "party",
    "council",
    "ministry",
    "department",
    "bank",
    "company",
    "inc",
    "ltd",
    "plc",
    "corp",
    "corporation",
    "group",
    "association",
    "foundation",
    "institute",
    "agency",
    "commission",
    "committee",
    "union",
    "army",
    "navy",
    "police",
    "government",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "club",
    "fund",
    "organisation",
    "organization",
    "court",
    "office",
    "service",
    "airlines",
    "league",
    "federation",
    "society",
    "church",
    "trust",
    "network",
    "centre",
    "center",
    "museum",
    "hospital",
];

const LOC_WORDS: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "mountains",
    "mountain",
    "mount",
    "street",
    "road",
    "avenue",
    "island",
    "islands",
    "lake",
    "bay",
    "gulf",
    "valley",
    "city",
    "county",
    "state",
    "province",
    "region",
    "square",
    "bridge",
    "park",
    "airport",
    "coast",
    "desert",
    "peninsula",
    "strait",
];

const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "near", "across", "into", "visited", "visit",
];

fn is_cap_word(doc: &Document, t: &Token) -> bool {
    t.kind == TokenKind::Word && doc.slice(t.span).starts_with(char::is_uppercase)
}

/// Name mentions found by capitalisation and the gazetteer alone.
pub fn find_names(doc: &Document, gaz: &Gazetteer) -> Vec<NameMention> {
    // Words capitalised in mid-sentence somewhere in the document.
    let mut mid_caps: HashSet<String> = HashSet::new();
    for s in &doc.sentences {
        let toks = doc.tokens_in(*s);
        for (k, t) in toks.iter().enumerate().skip(1) {
            let prev = doc.slice(toks[k - 1].span);
            let after_quote = toks[k - 1].kind == TokenKind::Quote || prev == ":";
            if is_cap_word(doc, t) && !after_quote {
                mid_caps.insert(doc.slice(t.span).to_string());
            }
        }
    }
    let mut runs: Vec<(Span, bool)> = Vec::new();
    for s in &doc.sentences {
        let toks = doc.tokens_in(*s);
        let mut k = 0;
        while k < toks.len() {
            if !is_cap_word(doc, &toks[k]) {
                k += 1;
                continue;
            }
            let start = k;
            let mut end = k + 1;
            loop {
                if end < toks.len() && is_cap_word(doc, &toks[end]) {
                    end += 1;
                } else if end + 1 < toks.len()
                    && CONNECTORS.contains(&doc.slice(toks[end].span))
                    && is_cap_word(doc, &toks[end + 1])
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let sentence_initial = start == 0
                || matches!(toks[start - 1].kind, TokenKind::Quote)
                || doc.slice(toks[start - 1].span) == ":";
            runs.push((
                Span::new(toks[start].span.start, toks[end - 1].span.end),
                sentence_initial,
            ));
            k = end;
        }
    }
    let mut out = Vec::new();
    for (run, initial) in runs {
        let Some((span, etype)) = name_in_run(doc, gaz, run, initial, &mid_caps) else {
            continue;
        };
        out.push(NameMention { span, etype });
    }
    out
}

fn name_in_run(
    doc: &Document,
    gaz: &Gazetteer,
    run: Span,
    initial: bool,
    mid_caps: &HashSet<String>,
) -> Option<(Span, EntityType)> {
    let toks = doc.tokens_in(run);
    let mut lo = 0;
    // Leading function words and titles ("The", "Mr", "President").
    let mut titled = false;
    while lo < toks.len() {
        let w = doc.slice(toks[lo].span);
        let f = fold(w);
        let is_title = (honorific(w).is_some() && !matches!(f.as_str(), "st" | "saint"))
            || (lo + 1 < toks.len() && titles::office_starting(std::slice::from_ref(&f)).is_some());
        if is_title {
            titled = true;
            lo += 1;
        } else if not_a_name(&f)
            || (lo == 0
                && initial
                && toks.len() > 1
                && !mid_caps.contains(w)
                && gaz.lookup(w).is_none())
        {
            // A function word, or an ordinary word capitalised as the first
            // of the sentence ("Former President Trump").
            lo += 1;
        } else {
            break;
        }
    }
    let toks = &toks[lo..];
    let first = toks.first()?;
    let span = Span::new(first.span.start, toks.last()?.span.end);
    let text = doc.slice(span);
    let words: Vec<String> = toks.iter().map(|t| fold(doc.slice(t.span))).collect();
    if words.len() == 1 && not_a_name(&words[0]) {
        return None;
    }
    if initial
        && lo == 0
        && toks.len() == 1
        && gaz.lookup(text).is_none()
        && !mid_caps.contains(text)
    {
        return None;
    }
    let before = titles::before(doc, span, gaz);
    let etype = if let Some(p) = gaz.lookup(text) {
        if p.kind == PlaceKind::Nationality {
            EntityType::Misc
        } else {
            EntityType::Loc
        }
    } else if titled || before.honorific || before.office.is_some() {
        EntityType::Per
    } else if words.iter().any(|w| ORG_WORDS.contains(&w.as_str()))
        || (text.len() >= 2 && text.len() <= 5 && text.chars().all(|c| c.is_ascii_uppercase()))
    {
        EntityType::Org
    } else if words.iter().any(|w| LOC_WORDS.contains(&w.as_str())) {
        EntityType::Loc
    } else if words.len() >= 2 {
        EntityType::Per
    } else {
        let k = doc.tokens.partition_point(|t| t.span.start < span.start);
        let prev = k
            .checked_sub(1)
            .map(|p| doc.slice(doc.tokens[p].span).to_lowercase());
        if prev.is_some_and(|p| LOCATIVE.contains(&p.as_str())) {
            EntityType::Loc
        } else {
            EntityType::Per
        }
    };
    Some((span, etype))
}

/// A capitalised word that is never a name by itself.
fn not_a_name(w: &str) -> bool {
    NOT_NAMES.contains(&w) || crate::time::lexicon::is_month_or_weekday_name(w)
}

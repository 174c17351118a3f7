//! Scare quotes and titles: quoted words that nobody is reported to say.
//!
//! A fragment is set aside when a naming word stands before it ("the
//! so-called “coalition of the willing”", "dubbed", "the term"), when it
//! is a short phrase after an article that is the subject of a verb ("the
//! “coalition” had agreed"), when it is written in title case like a work
//! or slogan ("“Make America Great Again”"), and everywhere in the document
//! once one of its occurrences is set aside; so is every short quotation
//! in a list of them. Quotations that stand as sentences are scare quotes
//! only in such a list or as a short title in apposition ("her film,
//! “Trainwreck.”").

use rustc_hash::FxHashSet;

use tidings_model::TokenKind;

use super::marks::Quoted;
use super::view::View;

const NAMING: &[&str] = &[
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "termed",
    "branded",
    "labelled",
    "labeled",
    "slogan",
    "term",
    "phrase",
    "word",
    "words",
    "hashtag",
    "motto",
    "banner",
    "headline",
    "chant",
    "chants",
    "chanting",
    "chanted",
    "song",
    "book",
    "film",
    "show",
    "album",
    "movie",
    "series",
    "programme",
    "program",
    "campaign",
    "operation",
    "nickname",
    "called",
];

const ARTICLES: &[&str] = &[
    "the", "a", "an", "this", "his", "her", "their", "its", "our",
];

const VERB_AFTER: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "should",
    "may", "might", "must", "did", "does", "do",
];

/// Word count of quote `q`.
fn words(v: &View, q: &Quoted) -> usize {
    (q.first..q.last)
        .filter(|&i| v.kind(i) == TokenKind::Word)
        .count()
}

/// Decide scare quotes for every quotation (`standalone[i]` ones are kept).
pub(crate) fn scare_quotes(v: &View, quotes: &[Quoted], standalone: &[bool]) -> Vec<bool> {
    let mut scare: Vec<bool> = quotes
        .iter()
        .zip(standalone)
        .map(|(q, &s)| (!s || in_apposition(v, q)) && looks_scare(v, q))
        .collect();
    // A list of short quotations ("films like “The Exorcist,” “Taken” and
    // “Heat”") names things: titles or terms, not speech.
    for i in 1..quotes.len() {
        let (a, b) = (quotes[i - 1], quotes[i]);
        let joined = a.end <= b.open
            && v.para_of[a.open] == v.para_of[b.open]
            && (a.end..b.open).all(|k| v.is_any(k, &[",", "and", "or", ";"]))
            && words(v, &a) <= 5
            && words(v, &b) <= 5;
        if joined {
            scare[i - 1] = true;
            scare[i] = true;
        }
    }
    let marked: FxHashSet<String> = quotes
        .iter()
        .zip(&scare)
        .filter(|(_, s)| **s)
        .map(|(q, _)| key(v, q))
        .collect();
    if !marked.is_empty() {
        for (i, q) in quotes.iter().enumerate() {
            if !standalone[i] && marked.contains(&key(v, q)) {
                scare[i] = true;
            }
        }
    }
    scare
}

fn key(v: &View, q: &Quoted) -> String {
    v.span(q.first, q.last).of(v.text).to_lowercase()
}

/// A short quotation set off by a comma inside the writer's sentence: "her
/// film, “Trainwreck.”", "his book, “A Time for Truth,”". Capitalised, it
/// counts as standing alone, but a title there is still a title.
fn in_apposition(v: &View, q: &Quoted) -> bool {
    q.open > 0 && v.word(q.open - 1) == "," && words(v, q) <= 5
}

fn looks_scare(v: &View, q: &Quoted) -> bool {
    let n = words(v, q);
    // The word before the mark, past an apposition's comma.
    let before = q
        .open
        .checked_sub(1)
        .map(|b| if v.word(b) == "," && b > 0 { b - 1 } else { b });
    let naming = before.is_some_and(|b| {
        v.is_any(b, NAMING)
            || (v.is(b, "called") && b >= 2 && v.is(b - 1, "-") && v.is(b - 2, "so"))
    }) || (before.is_some_and(|b| b >= 1 && v.is(b, "as") && v.is(b - 1, "known")));
    if naming && n <= 8 {
        return true;
    }
    let after_article = before.is_some_and(|b| v.is_any(b, ARTICLES));
    if after_article && n <= 5 && v.is_any(q.end, VERB_AFTER) {
        return true;
    }
    // Title case: every longer word capitalised, as in a title or slogan.
    let long: Vec<usize> = (q.first..q.last)
        .filter(|&i| v.kind(i) == TokenKind::Word && v.word(i).chars().count() > 3)
        .collect();
    n <= 8
        && !long.is_empty()
        && long.iter().all(|&i| v.is_capitalised(i))
        && !v.is_stop(q.last - 1)
        && !(q.first..q.last).any(|i| v.is_any(i, &["i", "we", "you", "he", "she", "they"]))
}

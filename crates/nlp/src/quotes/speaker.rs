//! Speaker phrases on tokens: the subject before a cue ("Sir Keir Starmer
//! said", "the Ukrainian president has also warned", "Sanders, who said"),
//! the subject after an inverted cue ("said Mr McFadden"), pronouns, and
//! descriptions ("Trump's spokeswoman").
//!
//! The walk is lexical, not syntactic: from the cue it steps over adverbs,
//! auxiliaries and time words, then takes the noun phrase that ends there,
//! stopping at punctuation, prepositions, conjunctions and verbs. An
//! appositive or relative clause between subject and cue (", the chancellor,
//! said", ", who ... said") is stepped over to the name before it.
//!
//! The word lists here are looked up once per token by the view (see
//! [`super::lexicon`]); the walks read each token's classes.

use tidings_model::TokenKind;

use super::lexicon::Classes;
use super::names::name_in;
use super::view::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    Name,
    Pronoun,
    Nominal,
}

/// A speaker phrase: tokens `[a, b)`, and for names the name part (no titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub a: usize,
    pub b: usize,
    pub kind: PhraseKind,
    pub name: Option<(usize, usize)>,
}

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "some", "many", "most", "several", "other", "another", "one", "two", "three", "both", "all",
    "each", "every", "no", "few",
];

/// Words that end a noun phrase walking outwards from the cue.
pub(super) const BOUNDARY: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "with",
    "by",
    "after",
    "before",
    "as",
    "while",
    "when",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "whom",
    "because",
    "if",
    "than",
    "since",
    "though",
    "although",
    "where",
    "whether",
    "into",
    "during",
    "about",
    "over",
    "under",
    "against",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "be",
    "been",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "not",
    "also",
    "then",
    "so",
    "yet",
    "nor",
    "once",
    "until",
    "via",
    "per",
    "like",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "me",
    "us",
    "what",
    "there",
    "here",
    "said",
    "says",
    "from",
    "according",
    "amid",
    "despite",
    "through",
    "without",
    "within",
    "upon",
];

/// Words between a subject and its cue: adverbs, auxiliaries, time words.
pub(super) const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "recently",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "once",
    "originally",
    "initially",
    "similarly",
    "further",
    "still",
    "already",
    "even",
    "just",
    "never",
    "not",
    "n't",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "be",
    "been",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "earlier",
    "on",
    "first",
    "often",
    "always",
    "subsequently",
    "finally",
    "ultimately",
    "quickly",
    "now",
    "herself",
    "himself",
    "themselves",
    "itself",
    "too",
];

fn is_pronoun(v: &View, i: usize) -> bool {
    v.has(i, Classes::PRONOUN)
}

fn is_between(v: &View, i: usize) -> bool {
    v.has(i, Classes::BETWEEN | Classes::CALENDAR)
        || (v.kind(i) == TokenKind::Word && !v.is_capitalised(i) && {
            let w = v.word(i);
            w.len() > 4 && w.ends_with("ly")
        })
}

/// The subject of the cue at token `c`, looking no further left than `floor`.
pub(crate) fn left_subject(v: &View, c: usize, floor: usize) -> Option<Phrase> {
    let mut j = c;
    let mut skipped = 0;
    while j > floor && skipped < 6 && is_between(v, j - 1) && !v.quoted[j - 1] {
        j -= 1;
        skipped += 1;
    }
    if j == floor {
        return None;
    }
    let t = j - 1;
    if v.quoted[t] {
        return None;
    }
    if is_pronoun(v, t) {
        return Some(Phrase {
            a: t,
            b: t + 1,
            kind: PhraseKind::Pronoun,
            name: None,
        });
    }
    if v.is_any(t, &["who", "which"]) {
        let e = if t > floor && v.word(t - 1) == "," {
            t - 1
        } else {
            t
        };
        return np_ending_at(v, e, floor);
    }
    if v.word(t) == "," {
        // An appositive: "Pat McFadden, the Chancellor of the Duchy, said".
        let lo = t.saturating_sub(20).max(floor);
        let mut k = t;
        while k > lo {
            k -= 1;
            if v.quoted[k] || v.is_stop(k) {
                return None;
            }
            if v.word(k) == "," {
                return np_ending_at(v, k, floor).filter(|p| p.kind == PhraseKind::Name);
            }
        }
        return None;
    }
    np_ending_at(v, j, floor)
}

/// The noun phrase ending just before token `e`.
pub(crate) fn np_ending_at(v: &View, e: usize, floor: usize) -> Option<Phrase> {
    let mut s = e;
    while s > floor && e - s < 9 {
        let p = s - 1;
        if v.quoted[p] {
            break;
        }
        let w = v.word(p);
        match v.kind(p) {
            TokenKind::Word | TokenKind::Number => {}
            TokenKind::Punct if w == "-" || w == "&" || w == "." => {}
            _ => break,
        }
        if v.has(p, Classes::DETERMINER) {
            s = p;
            break;
        }
        if v.has(p, Classes::BOUNDARY) {
            break;
        }
        if !v.is_capitalised(p) && v.cue_at(p).is_some() {
            break;
        }
        s = p;
    }
    phrase(v, s, e)
}

/// The noun phrase starting at token `s` (an inverted subject: "said Mr X").
pub(crate) fn np_starting_at(v: &View, s: usize, limit: usize) -> Option<Phrase> {
    if s >= limit || v.quoted[s] {
        return None;
    }
    if is_pronoun(v, s) {
        return Some(Phrase {
            a: s,
            b: s + 1,
            kind: PhraseKind::Pronoun,
            name: None,
        });
    }
    let mut e = s;
    if v.has(e, Classes::DETERMINER) {
        e += 1;
    }
    while e < limit && e - s < 9 && !v.quoted[e] {
        let w = v.word(e);
        match v.kind(e) {
            TokenKind::Word | TokenKind::Number => {}
            TokenKind::Punct if w == "-" || w == "&" => {}
            _ => break,
        }
        if v.has(e, Classes::BOUNDARY) || (v.is(e, "of") && v.is_capitalised(e - 1)) {
            break;
        }
        if !v.is_capitalised(e) && v.cue_at(e).is_some() {
            break;
        }
        e += 1;
    }
    phrase(v, s, e)
}

/// Classify tokens `[s, e)` as a speaker phrase.
fn phrase(v: &View, s: usize, e: usize) -> Option<Phrase> {
    if s >= e {
        return None;
    }
    let head = e - 1;
    if v.kind(head) != TokenKind::Word || v.has(head, Classes::FUNCTION_WORD) {
        return None;
    }
    if v.is_capitalised(head) {
        if let Some(name) = name_in(v, s, e) {
            return Some(Phrase {
                a: s,
                b: e,
                kind: PhraseKind::Name,
                name: Some(name),
            });
        }
        return None;
    }
    Some(Phrase {
        a: s,
        b: e,
        kind: PhraseKind::Nominal,
        name: None,
    })
}

/// The subject of the clause that starts the sentence at `s0` and ends
/// before `end`: a pronoun, or the name that ends its noun phrase, after any
/// introductory phrase ("In Iowa, Clinton …", "In response, Republican
/// presidential nominee Donald Trump issued …", "And Mr. Christie gloated").
pub(crate) fn clause_subject(v: &View, s0: usize, end: usize) -> Option<Phrase> {
    let mut k = s0;
    while k < end && matches!(v.kind(k), TokenKind::Punct | TokenKind::Quote) {
        k += 1;
    }
    // The clause may start after an introductory phrase, at any comma.
    let starts = std::iter::once(k).chain((k..end).filter(|&i| v.word(i) == ",").map(|i| i + 1));
    for mut k in starts {
        while k < end && v.is_any(k, &["and", "but", "so", "yet", "then"]) {
            k += 1;
        }
        if k >= end || v.quoted[k] {
            return None;
        }
        if v.is_any(k, &["he", "she", "they", "we", "i"]) {
            return Some(Phrase {
                a: k,
                b: k + 1,
                kind: PhraseKind::Pronoun,
                name: None,
            });
        }
        if v.is_capitalised(k) && !v.has(k, Classes::FUNCTION_WORD)
            || v.is_any(k, &["the", "a", "an"])
        {
            return subject_name(v, k, end);
        }
    }
    None
}

/// The name that ends the noun phrase starting at token `k`, before its verb:
/// "Republican presidential candidate Donald Trump quickly took" -> Donald
/// Trump, "the Rainmakers sang" -> Rainmakers, "Silverman heckles" ->
/// Silverman. The verb is a cue, a boundary word, a word in "-ed", or a word
/// in "-s" right after a capitalised one.
pub(crate) fn subject_name(v: &View, k: usize, end: usize) -> Option<Phrase> {
    let mut last_cap = None;
    let mut e = k;
    while e < end && e - k < 10 && !v.quoted[e] {
        let w = v.word(e);
        match v.kind(e) {
            TokenKind::Word | TokenKind::Number => {}
            TokenKind::Punct if matches!(w, "-" | "." | "&") => {}
            // A possessive: "RealClearPolitics’ David Byler".
            TokenKind::Punct | TokenKind::Quote if matches!(w, "’" | "'") => {}
            _ => break,
        }
        if v.is_capitalised(e) {
            last_cap = Some(e);
        } else if e > k
            && (v.has(e, Classes::BOUNDARY)
                || v.cue_at(e).is_some()
                || (w.len() > 3 && w.ends_with("ed"))
                || (w.len() > 2
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && v.is_capitalised(e - 1)))
        {
            break;
        }
        e += 1;
    }
    let b = last_cap? + 1;
    let name = name_in(v, k, b)?;
    Some(Phrase {
        a: k,
        b,
        kind: PhraseKind::Name,
        name: Some(name),
    })
}

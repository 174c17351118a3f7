//! Names on tokens: honorifics, capitalised name runs, and the fullest name
//! the document gives for a short one ("Sir Keir" -> "Keir Starmer",
//! "Mr McFadden" -> "Pat McFadden").
//!
//! This is the speaker layer's own fallback for documents without an entity
//! layer: a name run is a sequence of capitalised words (with inner
//! particles like "of" or "de"), minus leading honorifics and function words.
//! The index of runs of two or more words is built once per document.
//!
//! The word lists here are looked up once per token by the view (see
//! [`super::lexicon`]); the rules read each token's classes.

use std::cell::OnceCell;

use rustc_hash::FxHashMap;

use tidings_model::TokenKind;

use super::lexicon::{self, Classes};
use super::view::View;

/// Titles stripped from the front of a name (and anything before them in a run).
pub(super) const HONORIFICS: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "prof.",
    "professor",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "sen",
    "sen.",
    "senator",
    "rep",
    "rep.",
    "representative",
    "gov",
    "gov.",
    "governor",
    "gen",
    "gen.",
    "general",
    "col",
    "col.",
    "lt",
    "lt.",
    "capt",
    "capt.",
    "adm",
    "adm.",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "rev.",
    "reverend",
    "mayor",
    "ambassador",
    "speaker",
    "leader",
    "chairman",
    "chairwoman",
    "commissioner",
    "congressman",
    "congresswoman",
    "attorney",
    "sheikh",
    "ayatollah",
    "archbishop",
    "bishop",
    "cardinal",
    "detective",
    "sheriff",
    "alderman",
    "admiral",
    "officer",
    "sergeant",
    "sgt",
    "sgt.",
    "chief",
    "candidate",
    "nominee",
    "hon",
    "hon.",
    "mme",
    "messrs",
    "messrs.",
    "st",
    "pres",
    "pres.",
    "premier",
    "emir",
    "crown",
];

/// Capitalised words that start sentences but never start names.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "because",
    "though",
    "although",
    "with",
    "for",
    "from",
    "to",
    "by",
    "of",
    "about",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "speaking",
    "asked",
    "meanwhile",
    "still",
    "then",
    "now",
    "also",
    "even",
    "yes",
    "no",
    "instead",
    "however",
    "indeed",
    "during",
    "until",
    "like",
    "last",
    "earlier",
    "later",
    "today",
    "yesterday",
    "according",
    "following",
    "under",
    "over",
    "among",
    "between",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "not",
    "both",
    "all",
    "many",
    "some",
    "most",
    "every",
    "each",
    "another",
    "other",
    "several",
    "dear",
    "oh",
    "well",
];

/// Month abbreviations with their stop; full month and weekday names come
/// from [`crate::time::lexicon::is_month_or_weekday_name`].
pub(super) const CALENDAR: &[&str] = &["jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."];

/// Lower-case words allowed inside a name run between capitalised words.
pub(super) const PARTICLES: &[&str] = &[
    "of", "de", "da", "del", "della", "der", "van", "von", "bin", "al", "la", "le", "du", "&",
];

/// "Mr", "Mrs", "Ms", "Dr", "Miss": titles only ever followed by a surname.
pub(super) const COURTESY: &[&str] =
    &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss"];

/// Is `w` (any case) a month or weekday name, or a month abbreviation?
pub(crate) fn is_calendar(w: &str) -> bool {
    lexicon::lookup(w).classes.has(Classes::CALENDAR)
}

/// Is token `i` a particle inside a name or a hyphen?
fn is_joiner(v: &View, i: usize) -> bool {
    v.has(i, Classes::PARTICLE) || v.word(i) == "-"
}

/// The name inside tokens `[a, b)`: the last capitalised run, after its
/// honorifics and function words. Returns a token range.
pub(crate) fn name_in(v: &View, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut end = b;
    while end > a && !v.is_name_word(end - 1) {
        end -= 1;
    }
    if end == a {
        return None;
    }
    let mut start = end - 1;
    while start > a {
        let p = start - 1;
        let joins = is_joiner(v, p) && p > a && v.is_name_word(p - 1);
        if v.is_name_word(p) || joins {
            start = p;
        } else {
            break;
        }
    }
    // Drop leading honorifics and sentence words: "Russian President Vladimir Putin".
    let mut s = start;
    for i in start..end {
        if v.has(i, Classes::HONORIFIC | Classes::FUNCTION_WORD) {
            s = i + 1;
        }
    }
    while s < end && is_joiner(v, s) {
        s += 1;
    }
    // A surname that is also a title: "Mr. King", "King said".
    if s >= end && (v.is(end - 1, "king") || (end - 1 > start && v.has(end - 2, Classes::COURTESY)))
    {
        s = end - 1;
    }
    (s < end).then_some((s, end))
}

/// Lower-case word keys of a name, for comparing names.
pub(crate) fn name_key(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every multi-word name run of the document, for finding a short name's
/// fullest form.
pub(crate) struct NameIndex<'t> {
    /// Each distinct name: its text (borrowed from the document) and how
    /// often it occurs, in order of first occurrence.
    full: Vec<(&'t str, usize)>,
    /// The word keys ([`name_key`]) of every name in `full`, made on the first
    /// [`NameIndex::fullest`]: most documents never ask, and the keys are an
    /// allocation per word.
    keys: OnceCell<Vec<Vec<String>>>,
    /// Every occurrence: (byte offset, index into `full`), in text order.
    order: Vec<(usize, usize)>,
}

impl<'t> NameIndex<'t> {
    pub fn new(v: &View<'t>) -> Self {
        let mut seen: FxHashMap<&'t str, usize> = FxHashMap::default();
        let mut full: Vec<(&'t str, usize)> = Vec::new();
        let mut order = Vec::new();
        let mut i = 0;
        while i < v.len() {
            if !v.is_name_word(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < v.len()
                && v.para_of[j] == v.para_of[i]
                && (v.is_name_word(j)
                    || (is_joiner(v, j)
                        && j + 1 < v.len()
                        && v.is_name_word(j + 1)
                        && v.word(j + 1) != "-"))
            {
                j += 1;
            }
            if let Some((a, b)) = name_in(v, i, j) {
                let words = (a..b).filter(|&k| v.kind(k) == TokenKind::Word).count();
                if (2..=4).contains(&words) {
                    let text = v.span(a, b).of(v.text);
                    let at = v.toks[a].span.start;
                    let k = match seen.get(text) {
                        Some(&k) => {
                            full[k].1 += 1;
                            k
                        }
                        None => {
                            seen.insert(text, full.len());
                            full.push((text, 1));
                            full.len() - 1
                        }
                    };
                    order.push((at, k));
                }
            }
            i = j;
        }
        NameIndex {
            full,
            keys: OnceCell::new(),
            order,
        }
    }

    /// The last name of two or more words that starts before byte `at`.
    pub fn last_before(&self, at: usize) -> Option<&'t str> {
        self.order
            .iter()
            .take_while(|(pos, _)| *pos < at)
            .last()
            .map(|(_, k)| self.full[*k].0)
    }

    /// Each name's word keys, beside its text and count.
    fn keyed(&self) -> impl Iterator<Item = (&[String], &'t str, usize)> {
        let keys = self
            .keys
            .get_or_init(|| self.full.iter().map(|(text, _)| name_key(text)).collect());
        keys.iter()
            .zip(&self.full)
            .map(|(key, &(text, count))| (key.as_slice(), text, count))
    }

    /// The fullest name containing `short` ("Keir" or "Starmer" -> "Keir
    /// Starmer"): the surname must agree, or a lone word must be the first name.
    /// Among several, the most frequent, then the earliest.
    pub fn fullest(&self, short: &str) -> Option<&'t str> {
        if let Some(full) = self.expand_acronym(short) {
            return Some(full);
        }
        let key = name_key(short);
        let last = key.last()?;
        let mut best: Option<(&[String], &'t str, usize)> = None;
        for cand in self.keyed() {
            let words = cand.0;
            if words.len() <= key.len() || !key.iter().all(|k| words.contains(k)) {
                continue;
            }
            let surname = words.last() == Some(last);
            let first_name = key.len() == 1 && words.first() == Some(last);
            if !(surname || first_name) {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => {
                    let b_surname = b.0.last() == Some(last);
                    (surname, cand.2) > (b_surname, b.2)
                }
            };
            if better {
                best = Some(cand);
            }
        }
        best.map(|b| b.1)
    }

    /// "FT" -> "Financial Times": an all-capital word spelt by a name's initials.
    fn expand_acronym(&self, short: &str) -> Option<&'t str> {
        let n = short.chars().count();
        if !(2..=6).contains(&n) || !short.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let want = short.to_ascii_lowercase();
        self.keyed()
            .filter(|c| {
                let initials: String =
                    c.0.iter()
                        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for"))
                        .filter_map(|w| w.chars().next())
                        .collect();
                initials == want
            })
            .max_by_key(|c| c.2)
            .map(|c| c.1)
    }
}

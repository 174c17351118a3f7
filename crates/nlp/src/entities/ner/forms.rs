//! What the recogniser knows about each token of a document before it
//! looks at neighbours: hashed word forms, shapes, affixes, flags, gazetteer
//! masks, and document-level casing evidence.
//!
//! Document-level evidence matters for news and for CoNLL alike: a word
//! that is capitalised at the start of a sentence or in an ALL-CAPS headline
//! says little by itself, but the same word written in lower case (or in
//! title case mid-sentence) elsewhere in the article says a lot.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use tidings_model::{Document, Span, TokenKind};

use super::hash;
use super::lexicon::{Class, Lexicon};

/// A hasher for keys that already are good 64-bit hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// Lower-case `s` into `out`, with typographic apostrophes and quotes made
/// straight, digits made `0` (so "1996" and "2025" share a form) and an
/// abbreviation's final stop dropped (so "Mr." and "Mr" share a form).
pub fn norm_lower(s: &str, out: &mut String) {
    out.clear();
    let s = match s.strip_suffix('.') {
        Some(stem) if !stem.is_empty() && !stem.ends_with('.') => stem,
        _ => s,
    };
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '“' | '”' | '«' | '»' | '„' => out.push('"'),
            '0'..='9' => out.push('0'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Token flags.
pub mod flag {
    /// First letter is upper case.
    pub const CAP: u16 = 1;
    /// Every letter is upper case (and there are at least two).
    pub const ALL_CAPS: u16 = 1 << 1;
    /// Has no upper-case letter and at least one letter.
    pub const LOWER: u16 = 1 << 2;
    pub const DIGIT: u16 = 1 << 3;
    /// No space between this token and the previous one.
    pub const GLUED_PREV: u16 = 1 << 4;
    /// No space between this token and the next one.
    pub const GLUED_NEXT: u16 = 1 << 5;
    /// First word of its sentence (after any opening punctuation).
    pub const INITIAL: u16 = 1 << 6;
    /// In a paragraph written in capitals (a CoNLL headline).
    pub const CAPS_LINE: u16 = 1 << 7;
    pub const PUNCT: u16 = 1 << 8;
    pub const HYPHEN: u16 = 1 << 9;
}

/// Document-level casing evidence for a word (by its lower-case form).
pub mod seen {
    /// Written all in lower case somewhere in the document.
    pub const LOWER: u8 = 1;
    /// Written capitalised mid-sentence outside a capitals line.
    pub const TITLE: u8 = 1 << 1;
    /// Written in capitals outside a capitals line.
    pub const CAPS: u8 = 1 << 2;
    /// Preceded somewhere by an honorific or office ("Mr X", "Sir Keir X").
    pub const AFTER_TITLE: u8 = 1 << 3;
    /// Capitalised and followed by another capitalised word somewhere.
    pub const SEQ_FIRST: u8 = 1 << 4;
    /// Capitalised and preceded by another capitalised word somewhere.
    pub const SEQ_LAST: u8 = 1 << 5;
}

/// Per-token facts of one document; vectors indexed by token.
#[derive(Debug, Default)]
pub struct Forms {
    pub word: Vec<u64>,
    pub lower: Vec<u64>,
    pub shape: Vec<u64>,
    pub short_shape: Vec<u64>,
    pub prefix: Vec<[u64; 4]>,
    pub suffix: Vec<[u64; 4]>,
    pub flags: Vec<u16>,
    pub lex: Vec<u64>,
    pub seen: Vec<u8>,
    /// Sentences as token ranges.
    pub sentences: Vec<(usize, usize)>,
}

impl Forms {
    /// Compute everything for `doc` (segmented) with the gazetteer `lex`.
    pub fn new(doc: &Document, lex: &Lexicon) -> Forms {
        let text = doc.text.as_str();
        let toks = &doc.tokens;
        let n = toks.len();
        let mut f = Forms {
            word: Vec::with_capacity(n),
            lower: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            short_shape: Vec::with_capacity(n),
            prefix: Vec::with_capacity(n),
            suffix: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            lex: Vec::new(),
            seen: vec![0; n],
            sentences: token_ranges(doc, &doc.sentences),
        };
        let mut low = String::new();
        let mut shp = String::new();
        let mut short = String::new();
        for (i, t) in toks.iter().enumerate() {
            let s = t.span.of(text);
            norm_lower(s, &mut low);
            shapes(s, &mut shp, &mut short);
            f.word.push(hash::str(s));
            f.lower.push(hash::str(&low));
            f.shape.push(hash::str(&shp));
            f.short_shape.push(hash::str(&short));
            f.prefix.push(affixes(&low, true));
            f.suffix.push(affixes(&low, false));
            let mut fl = case_flags(s);
            if t.kind == TokenKind::Punct || t.kind == TokenKind::Quote {
                fl |= flag::PUNCT;
            }
            if s == "-" {
                fl |= flag::HYPHEN;
            }
            if i > 0 && toks[i - 1].span.end == t.span.start {
                fl |= flag::GLUED_PREV;
            }
            if i + 1 < n && toks[i + 1].span.start == t.span.end {
                fl |= flag::GLUED_NEXT;
            }
            f.flags.push(fl);
        }
        for para in token_ranges(doc, &doc.paragraphs) {
            if is_caps_line(&f.flags[para.0..para.1]) {
                for x in &mut f.flags[para.0..para.1] {
                    *x |= flag::CAPS_LINE;
                }
            }
        }
        for &(a, b) in &f.sentences {
            if let Some(k) = (a..b).find(|&k| f.flags[k] & flag::PUNCT == 0) {
                f.flags[k] |= flag::INITIAL;
            }
        }
        lex.masks(&f.lower, &mut f.lex);
        f.fill_seen();
        f
    }

    fn fill_seen(&mut self) {
        let mut by_word: HashMap<u64, u8, BuildHasherDefault<IdHasher>> =
            HashMap::with_capacity_and_hasher(self.lower.len() / 2, Default::default());
        let titled = |m: u64| {
            let unit_or_last = |c: Class| (m >> (4 * c as u64 + 2)) & 0b11 != 0;
            unit_or_last(Class::Honorific) || unit_or_last(Class::Office)
        };
        let capital = |fl: u16| fl & (flag::CAP | flag::ALL_CAPS) != 0 && fl & flag::CAPS_LINE == 0;
        for (i, &fl) in self.flags.iter().enumerate() {
            let mut s = 0;
            if capital(fl) {
                let prev_cap = i > 0 && capital(self.flags[i - 1]) && fl & flag::GLUED_PREV == 0;
                let next_cap = i + 1 < self.flags.len()
                    && capital(self.flags[i + 1])
                    && fl & flag::GLUED_NEXT == 0;
                if i > 0
                    && (titled(self.lex[i - 1]) || (prev_cap && i > 1 && titled(self.lex[i - 2])))
                {
                    s |= seen::AFTER_TITLE;
                }
                if prev_cap {
                    s |= seen::SEQ_LAST;
                }
                if next_cap {
                    s |= seen::SEQ_FIRST;
                }
            }
            if fl & flag::LOWER != 0 {
                s |= seen::LOWER;
            }
            if fl & (flag::CAPS_LINE | flag::INITIAL) == 0 {
                if fl & flag::ALL_CAPS != 0 {
                    s |= seen::CAPS;
                } else if fl & flag::CAP != 0 {
                    s |= seen::TITLE;
                }
            }
            if s != 0 {
                *by_word.entry(self.lower[i]).or_default() |= s;
            }
        }
        for (i, x) in self.seen.iter_mut().enumerate() {
            *x = by_word.get(&self.lower[i]).copied().unwrap_or(0);
        }
    }
}

/// Map byte spans (sorted, on token boundaries) to token index ranges.
fn token_ranges(doc: &Document, spans: &[Span]) -> Vec<(usize, usize)> {
    spans
        .iter()
        .map(|s| {
            let a = doc.tokens.partition_point(|t| t.span.start < s.start);
            let b = doc.tokens.partition_point(|t| t.span.start < s.end);
            (a, b.max(a))
        })
        .filter(|(a, b)| b > a)
        .collect()
}

/// A paragraph whose words (of two letters or more) are nearly all capitals.
fn is_caps_line(flags: &[u16]) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for &f in flags {
        if f & (flag::ALL_CAPS | flag::LOWER) != 0 || f & flag::CAP != 0 {
            words += 1;
            if f & flag::ALL_CAPS != 0 {
                caps += 1;
            }
        }
    }
    words > 0 && caps * 4 >= words * 3
}

fn case_flags(s: &str) -> u16 {
    let mut upper = 0;
    let mut lower = 0;
    let mut digit = false;
    let mut first_upper = None;
    for c in s.chars() {
        if c.is_uppercase() {
            upper += 1;
            first_upper.get_or_insert(true);
        } else if c.is_lowercase() {
            lower += 1;
            first_upper.get_or_insert(false);
        } else if c.is_ascii_digit() {
            digit = true;
        }
    }
    let mut f = 0;
    if first_upper == Some(true) {
        f |= flag::CAP;
    }
    if upper >= 2 && lower == 0 {
        f |= flag::ALL_CAPS;
    }
    if upper == 0 && lower > 0 {
        f |= flag::LOWER;
    }
    if digit {
        f |= flag::DIGIT;
    }
    f
}

/// Word shape ("Xxxxx", "XX", "dd-dd") capped at eight characters, and its
/// short form with repeats collapsed ("Xx", "X", "d-d").
fn shapes(s: &str, long: &mut String, short: &mut String) {
    long.clear();
    short.clear();
    let mut last = '\0';
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                c => c,
            }
        };
        if long.len() < 8 {
            long.push(m);
        }
        if m != last {
            short.push(m);
            last = m;
        }
    }
}

/// Hashes of the first (or last) one to four characters of `low`; 0 where
/// the word is too short.
fn affixes(low: &str, prefix: bool) -> [u64; 4] {
    let mut out = [0u64; 4];
    let n = low.chars().count();
    for (k, slot) in out.iter_mut().enumerate() {
        let len = k + 1;
        if n <= len {
            break;
        }
        let piece = if prefix {
            let end = low.char_indices().nth(len).map_or(low.len(), |(b, _)| b);
            &low[..end]
        } else {
            let start = low.char_indices().nth(n - len).map_or(0, |(b, _)| b);
            &low[start..]
        };
        *slot = hash::str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_forms_are_normalised() {
        let mut s = String::new();
        norm_lower("Kyiv’s 1996", &mut s);
        assert_eq!(s, "kyiv's 0000");
        norm_lower("Mr.", &mut s);
        assert_eq!(s, "mr");
        norm_lower("U.S.", &mut s);
        assert_eq!(s, "u.s");
        norm_lower(".", &mut s);
        assert_eq!(s, ".");
    }

    #[test]
    fn shapes_collapse_repeats() {
        let (mut l, mut s) = (String::new(), String::new());
        shapes("McFadden", &mut l, &mut s);
        assert_eq!((l.as_str(), s.as_str()), ("XxXxxxxx", "XxXx"));
        shapes("U.S.", &mut l, &mut s);
        assert_eq!(s, "X.X.");
    }

    #[test]
    fn caps_lines_and_document_casing_are_found() {
        let mut doc = Document::new(
            "d",
            "CHELSEA BEAT LEEDS\nChelsea beat Leeds at home. The home side won.",
        );
        crate::segment::segment(&mut doc);
        let f = Forms::new(&doc, &Lexicon::new(Vec::new()));
        assert!(f.flags[..3].iter().all(|x| x & flag::CAPS_LINE != 0));
        assert!(f.flags[3] & flag::CAPS_LINE == 0);
        // "BEAT" is written lower case later; "LEEDS" title case mid-sentence.
        assert_ne!(f.seen[1] & seen::LOWER, 0);
        assert_ne!(f.seen[2] & seen::TITLE, 0);
        assert_eq!(f.seen[2] & seen::LOWER, 0);
    }
}

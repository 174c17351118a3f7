//! The features of one token for the content tagger, from the quote view
//! alone: word forms around it, their shapes, the cue lexicon, where the token
//! sits in its sentence and paragraph, quotation marks, and what ends the
//! sentence (`…, officials said.`). No parser, no part-of-speech tagger.
//!
//! Features are 64-bit hashes of a template id and its values; the static
//! ones are computed once per token, the ones that read the tags already
//! given (left to right) at decoding time.

use tidings_model::TokenKind;

use crate::entities::ner::hash;

use super::super::cues::{CueClass, Form};
use super::super::view::View;

/// Per-token forms of one document, computed once.
pub(crate) struct Forms {
    /// Hash of the lower-cased word (quotation marks all one form).
    pub lower: Vec<u64>,
    /// Word shape: see [`shape`].
    pub shape: Vec<u8>,
}

/// Where the static features of each token go, in token order: kept for
/// training ([`Collected`]) or added up at once when tagging.
pub(crate) trait Sink {
    /// The features of token `i` follow (those of the token before are
    /// complete). `false` ends the range here: the rest of it is left out.
    fn token(&mut self, i: usize, forms: &Forms) -> bool;
    /// The features of the range's last token are complete.
    fn range_end(&mut self, _forms: &Forms) {}
    /// One feature of the current token.
    fn push(&mut self, h: u64);
}

/// Static features kept per token (for training).
#[derive(Default)]
pub(crate) struct Collected {
    feats: Vec<u64>,
    starts: Vec<usize>,
}

impl Sink for Collected {
    fn token(&mut self, _: usize, _: &Forms) -> bool {
        self.starts.push(self.feats.len());
        true
    }
    fn push(&mut self, h: u64) {
        self.feats.push(h);
    }
}

impl Collected {
    /// The static features of token `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        let end = self.starts.get(i + 1).copied().unwrap_or(self.feats.len());
        &self.feats[self.starts[i]..end]
    }
}

const PAD: u64 = 0x5eed_0000_0000_0001;
/// Forms not computed yet (never read: every token read is filled first).
const UNSET: u64 = PAD;
const UNSET_SHAPE: u8 = u8::MAX;

fn shape(v: &View, i: usize) -> u8 {
    match v.kind(i) {
        TokenKind::Word => {
            let w = v.word(i);
            let mut cs = w.chars();
            match cs.next() {
                Some(c) if c.is_uppercase() => {
                    if w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()) {
                        2
                    } else {
                        1
                    }
                }
                _ => 0,
            }
        }
        TokenKind::Number => 3,
        TokenKind::Punct => match v.word(i) {
            "," => 4,
            "." | "!" | "?" | "…" | "..." => 5,
            ":" | ";" => 6,
            "(" | ")" | "[" | "]" => 7,
            _ => 8,
        },
        TokenKind::Quote => 9,
        TokenKind::Symbol => 10,
    }
}

fn cue_code(v: &View, i: usize) -> u64 {
    match v.cue_at(i) {
        None => 0,
        Some(c) => {
            let class = match c.class {
                CueClass::Speech => 1,
                CueClass::Belief => 2,
                CueClass::Evidence => 3,
            };
            let form = match c.form {
                Form::Present => 0,
                Form::Past => 4,
                Form::Ing => 8,
            };
            class + form + 16 * u64::from(c.takes_clause)
        }
    }
}

fn bucket(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

/// A feature: template `t` with value `a` (a word hash or a small code).
/// One multiply: the table is indexed by the top bits of the product, which
/// depend on every bit of its input.
fn f(t: u64, a: u64) -> u64 {
    (a ^ t.wrapping_mul(0xd6e8_feb8_6659_fd93)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A feature of two values.
fn f2(t: u64, a: u64, b: u64) -> u64 {
    f(t, a.rotate_left(29) ^ b.wrapping_mul(0xbf58_476d_1ce4_e5b9))
}

impl Forms {
    /// The forms of a whole document; its static features go to `sink`.
    pub fn new<S: Sink>(v: &View, sink: &mut S) -> Forms {
        Self::new_in(v, &v.sentence_ranges(), sink)
    }

    /// The forms of the tokens of `ranges` (in text order, each inside one
    /// sentence), with the static features of those tokens alone: the same
    /// features as over the whole document, at the cost of the tokens the
    /// sink takes (a token's forms are computed when first read).
    pub fn new_in<S: Sink>(v: &View, ranges: &[(usize, usize)], sink: &mut S) -> Forms {
        let n = v.len();
        let mut forms = Forms {
            lower: vec![UNSET; n],
            shape: vec![UNSET_SHAPE; n],
        };
        let mut suffix = vec![0u64; n];
        let mut buf = String::new();
        let is_cue = |k: usize| !v.quoted[k] && cue_code(v, k) != 0;
        for &(r0, r1) in ranges {
            let s0 = v.sentence_first(r0);
            let end = v.sentence_end(r0);
            // The sentence's tail: its last two words (the attribution of
            // `…, officials said.`) and its last cue.
            let mut words = (s0..end).rev().filter(|&k| v.kind(k) == TokenKind::Word);
            let last = words.next();
            let last2 = words.next();
            let (p0, _) = v.para_range(v.para_of[s0]);
            // The state at the range's start, as a pass from the sentence's
            // first token would leave it.
            let mut prev_cue: Option<usize> = (s0..r0).rev().find(|&k| is_cue(k));
            let mut commas = (s0..r0).filter(|&k| v.word(k) == ",").count();
            // The next cue after the current token, and how far it was
            // looked for.
            let mut next_cue: Option<usize> = None;
            let mut looked = r0;
            for c in [last, last2, prev_cue].into_iter().flatten() {
                forms.fill(v, c, &mut suffix, &mut buf);
            }
            let last = last.map_or(PAD, |k| forms.lower[k]);
            let last2 = last2.map_or(PAD, |k| forms.lower[k]);
            for k in r0..r1 {
                for j in k.saturating_sub(2)..(k + 3).min(n) {
                    forms.fill(v, j, &mut suffix, &mut buf);
                }
                if next_cue.is_some_and(|c| c <= k) || (next_cue.is_none() && looked <= k) {
                    next_cue = (k + 1..end).find(|&c| is_cue(c));
                    looked = next_cue.unwrap_or(end);
                    if let Some(c) = next_cue {
                        forms.fill(v, c, &mut suffix, &mut buf);
                    }
                }
                if !sink.token(k, &forms) {
                    break;
                }
                let (lower, shape) = (&forms.lower, &forms.shape);
                let at = |i: isize| -> u64 {
                    if i < 0 || i as usize >= n {
                        PAD
                    } else {
                        lower[i as usize]
                    }
                };
                let sh = |i: isize| -> u64 {
                    if i < 0 || i as usize >= n {
                        99
                    } else {
                        u64::from(shape[i as usize])
                    }
                };
                let cue = |j: usize| cue_code(v, j);
                let ki = k as isize;
                let fs = &mut *sink;
                fs.push(f(0, 0));
                fs.push(f(1, at(ki)));
                fs.push(f(2, at(ki - 1)));
                fs.push(f(3, at(ki - 2)));
                fs.push(f(4, at(ki + 1)));
                fs.push(f(5, at(ki + 2)));
                fs.push(f2(6, at(ki - 1), at(ki)));
                fs.push(f2(7, at(ki - 2), at(ki - 1)));
                fs.push(f2(8, at(ki), at(ki + 1)));
                fs.push(f(9, sh(ki) | sh(ki - 1) << 8 | sh(ki + 1) << 16));
                let c_prev = if k > 0 { cue(k - 1) } else { 0 };
                let c_prev2 = if k > 1 { cue(k - 2) } else { 0 };
                fs.push(f(10, cue(k) | c_prev << 8 | c_prev2 << 16));
                fs.push(f(11, u64::from(k == s0) | bucket(k - s0) << 1));
                fs.push(f(12, bucket(end - k)));
                let q = |j: usize| u64::from(j < n && v.quoted[j]);
                fs.push(f(
                    13,
                    q(k) | if k > 0 { q(k - 1) } else { 0 } << 1 | q(k + 1) << 2,
                ));
                match prev_cue {
                    Some(c) => {
                        fs.push(f2(14, lower[c], bucket(k - c)));
                        fs.push(f2(15, cue(c), bucket(k - c)));
                    }
                    None => fs.push(f(16, 0)),
                }
                // (As trained: none when the token is a cue itself.)
                match next_cue.filter(|_| !is_cue(k)) {
                    Some(c) => {
                        fs.push(f2(22, lower[c], bucket(c - k)));
                        fs.push(f2(23, cue(c), bucket(c - k)));
                    }
                    None => fs.push(f(24, 0)),
                }
                fs.push(f2(17, last, u64::from(k == s0)));
                fs.push(f2(18, hash::pair(last2, last), u64::from(k == s0)));
                fs.push(f(19, u64::from(s0 == p0) | bucket(commas) << 1));
                fs.push(f(20, u64::from(p0 == k)));
                if v.kind(k) == TokenKind::Word {
                    fs.push(f(21, suffix[k]));
                }
                if is_cue(k) {
                    prev_cue = Some(k);
                }
                if v.word(k) == "," {
                    commas += 1;
                }
            }
            sink.range_end(&forms);
        }
        forms
    }

    /// Compute the forms of token `i` unless done.
    fn fill(&mut self, v: &View, i: usize, suffix: &mut [u64], buf: &mut String) {
        if self.shape[i] != UNSET_SHAPE {
            return;
        }
        self.shape[i] = shape(v, i);
        if v.kind(i) == TokenKind::Quote {
            self.lower[i] = hash::str("\"");
            return;
        }
        buf.clear();
        let w = v.word(i);
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        self.lower[i] = hash::str(buf);
        let cut = buf.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
        suffix[i] = hash::str(&buf[cut..]);
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// The features that read the two tags before token `i`.
    pub fn dynamic(&self, i: usize, p1: u8, p2: u8, out: &mut Vec<u64>) {
        let p = u64::from(p1);
        out.push(f(30, p));
        out.push(f(31, p | u64::from(p2) << 4));
        out.push(f2(32, p, self.lower[i]));
        out.push(f2(33, p, if i > 0 { self.lower[i - 1] } else { PAD }));
        out.push(f2(34, p, u64::from(self.shape[i])));
        out.push(f2(35, p, self.lower.get(i + 1).copied().unwrap_or(PAD)));
    }
}

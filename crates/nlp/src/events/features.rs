//! Sentence features for the event classifier, as 64-bit hashes.
//!
//! Features are hashed (FNV-1a over a prefix and the feature's parts), so
//! neither training nor annotation builds feature strings. The set:
//! lower-cased words and a crude stem of each, word bigrams, and what the
//! trigger lexicon found: each trigger's CAMEO root and PentaClass (by kind,
//! with a flag when a negation precedes it), the class of the first
//! non-reporting trigger, and whether the sentence quotes someone.

use super::cameo;
use super::lexicon::{Hit, TriggerKind};

/// Lower-cased words of one sentence, aligned with its tokens.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub lower: Vec<String>,
    /// True for word and number tokens (not punctuation or quotes).
    pub is_word: Vec<bool>,
}

impl Words {
    /// Build from token texts and whether each token is a word.
    pub fn new<'a>(tokens: impl IntoIterator<Item = (&'a str, bool)>) -> Self {
        let mut w = Words::default();
        for (text, is_word) in tokens {
            w.lower.push(normalise(text));
            w.is_word.push(is_word);
        }
        w
    }

    pub fn len(&self) -> usize {
        self.lower.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }
}

/// Lower-case with typographic apostrophes made straight.
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c })
        .collect()
}

/// Words that negate a trigger a few tokens after them.
pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "n't" | "no" | "never" | "without" | "neither" | "nor" | "refused" | "refuses"
    )
}

/// A feature hash: FNV-1a over `kind` and `parts`, separated.
pub fn hash(kind: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(kind);
    for p in parts {
        for &b in p.as_bytes() {
            eat(b);
        }
        eat(0xff);
    }
    h
}

/// A hasher for keys that are already hashes (feature ids) or short
/// strings: FNV-1a, much cheaper than the default SipHash on the hot path.
#[derive(Debug, Clone, Copy)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Feature ids are FNV hashes already: one mixing step suffices.
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// `BuildHasher` for [`FnvHasher`].
pub type FnvBuild = std::hash::BuildHasherDefault<FnvHasher>;

/// The bias feature, present in every sentence.
pub fn bias() -> u64 {
    hash(0, &[])
}

/// A bigram feature from the hashes of its two words.
fn bigram(a: u64, b: u64) -> u64 {
    (a.rotate_left(23) ^ b).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 3
}

/// A crude English stem: strips common inflectional suffixes.
fn stem(w: &str) -> &str {
    for suf in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suf)
            && s.len() >= 3
        {
            return s;
        }
    }
    w
}

/// All features of a sentence, sorted and without duplicates.
pub fn extract(words: &Words, hits: &[Hit]) -> Vec<u64> {
    let mut out = Vec::with_capacity(words.len() * 4 + 8);
    out.push(bias());
    let mut prev = hash(1, &["<s>"]);
    let mut quoted = false;
    for (w, &is_word) in words.lower.iter().zip(&words.is_word) {
        if !is_word {
            quoted |= w.chars().any(crate::segment::is_quote_char);
            continue;
        }
        let w = w.as_str();
        let unigram = hash(1, &[w]);
        out.push(unigram);
        out.push(hash(2, &[stem(w)]));
        out.push(bigram(prev, unigram));
        prev = unigram;
    }
    out.push(bigram(prev, hash(1, &["</s>"])));
    if quoted {
        out.push(hash(4, &["quoted"]));
    }
    let mut first_action = None;
    for h in hits {
        let Some(class) = cameo::penta(&h.code) else {
            continue;
        };
        let class_s = class.to_string();
        let kind = match h.kind {
            TriggerKind::Verb => "v",
            TriggerKind::Noun => "n",
            TriggerKind::Report => "r",
        };
        let negated = (h.first.saturating_sub(3)..h.first).any(|i| is_negation(&words.lower[i]));
        out.push(hash(5, &[&h.code[..h.code.len().min(3)]]));
        out.push(hash(6, &[&h.code[..2]]));
        out.push(hash(7, &[&class_s]));
        out.push(hash(8, &[kind, &class_s]));
        if negated {
            out.push(hash(9, &[&class_s]));
        }
        if h.kind != TriggerKind::Report && first_action.is_none() {
            first_action = Some(class_s);
        }
    }
    match first_action {
        Some(c) => out.push(hash(10, &[&c])),
        None => out.push(hash(10, &["none"])),
    }
    out.sort_unstable();
    out.dedup();
    out
}

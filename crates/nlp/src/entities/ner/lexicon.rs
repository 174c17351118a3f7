//! Gazetteer features: which tokens lie inside a known phrase of which class.
//!
//! Two sources: the country data (`shared/data/gazetteer/countries.json`,
//! mledoze/countries, ODbL): country names, capitals, demonyms and world
//! regions, read at training time and stored in the model artifact; and the
//! word lists of [`super::words`], compiled in. Phrases are matched on the
//! project tokenizer's tokens in normalised lower case, every match from
//! every start (phrases are short, at most [`MAX_PHRASE`] tokens), and each
//! token gets a bit per (class, position in the phrase).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::Path;

use super::NerError;
use super::forms::{IdHasher, norm_lower};
use super::hash;
use super::words;
use crate::segment::tokenize;

/// Longest phrase matched, in tokens.
pub const MAX_PHRASE: usize = 6;

/// Phrase classes; each owns four bits (Begin, Inside, Last, Unit) of a token's mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    Country = 0,
    Capital = 1,
    Demonym = 2,
    Region = 3,
    Honorific = 4,
    Office = 5,
    OrgWord = 6,
    PlaceWord = 7,
    Calendar = 8,
    Particle = 9,
}

/// Number of classes.
pub const N_CLASSES: usize = 10;

impl Class {
    fn from_u8(x: u8) -> Option<Class> {
        use Class::*;
        Some(match x {
            0 => Country,
            1 => Capital,
            2 => Demonym,
            3 => Region,
            4 => Honorific,
            5 => Office,
            6 => OrgWord,
            7 => PlaceWord,
            8 => Calendar,
            9 => Particle,
            _ => return None,
        })
    }
}

/// A phrase and its class, as stored in the model.
pub type Entry = (String, Class);

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Class bits of phrases that end here.
    classes: u16,
    /// True when a longer phrase continues from here.
    prefix: bool,
}

/// Phrases by the hash chain of their tokens' lower-case forms.
#[derive(Clone)]
pub struct Lexicon {
    /// The gazetteer part (stored in the model); the word lists are added on build.
    gazetteer: Vec<Entry>,
    nodes: HashMap<u64, Node, BuildHasherDefault<IdHasher>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("gazetteer_entries", &self.gazetteer.len())
            .field("nodes", &self.nodes.len())
            .finish()
    }
}

impl Lexicon {
    /// Build from gazetteer entries plus the compiled-in word lists.
    pub fn new(mut gazetteer: Vec<Entry>) -> Lexicon {
        gazetteer.sort_by(|a, b| (a.0.as_str(), a.1 as u8).cmp(&(b.0.as_str(), b.1 as u8)));
        gazetteer.dedup();
        let mut lex = Lexicon {
            gazetteer,
            nodes: HashMap::default(),
        };
        let entries = lex.gazetteer.clone();
        for (phrase, class) in &entries {
            lex.add(phrase, *class);
        }
        for (list, class) in word_lists() {
            for phrase in list {
                lex.add(phrase, class);
            }
        }
        lex
    }

    /// Read country names, capitals, demonyms and regions from `countries.json`.
    pub fn from_gazetteer_file(path: &Path) -> Result<Lexicon, NerError> {
        let text = std::fs::read_to_string(path).map_err(|e| NerError::io(path, e))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| NerError::data(path, e.to_string()))?;
        let countries = value
            .as_array()
            .ok_or_else(|| NerError::data(path, "expected a JSON array of countries".into()))?;
        let mut out = Vec::new();
        let s = |v: &serde_json::Value| v.as_str().map(str::to_owned);
        for c in countries {
            for v in [&c["name"]["common"], &c["name"]["official"]] {
                out.extend(s(v).map(|n| (n, Class::Country)));
            }
            for alt in c["altSpellings"].as_array().into_iter().flatten() {
                // Codes like "FR" or "IN" collide with words; keep spelled-out names.
                if let Some(a) = s(alt).filter(|a| a.chars().any(char::is_lowercase)) {
                    out.push((a, Class::Country));
                }
            }
            for cap in c["capital"].as_array().into_iter().flatten() {
                out.extend(s(cap).map(|n| (n, Class::Capital)));
            }
            for g in ["m", "f"] {
                out.extend(s(&c["demonyms"]["eng"][g]).map(|n| (n, Class::Demonym)));
            }
            for r in [&c["region"], &c["subregion"]] {
                out.extend(s(r).filter(|r| !r.is_empty()).map(|n| (n, Class::Region)));
            }
        }
        Ok(Lexicon::new(out))
    }

    /// The gazetteer entries (for serialisation).
    pub fn gazetteer(&self) -> &[Entry] {
        &self.gazetteer
    }

    fn add(&mut self, phrase: &str, class: Class) {
        let mut buf = String::new();
        let toks = tokenize::tokenize(phrase);
        if toks.is_empty() || toks.len() > MAX_PHRASE {
            return;
        }
        let mut h = 0u64;
        for (k, t) in toks.iter().enumerate() {
            norm_lower(t.span.of(phrase), &mut buf);
            let w = hash::str(&buf);
            h = if k == 0 { w } else { hash::pair(h, w) };
            let node = self.nodes.entry(h).or_default();
            if k + 1 == toks.len() {
                node.classes |= 1 << class as u16;
            } else {
                node.prefix = true;
            }
        }
    }

    /// For each token (given by the hashes of its lower-case forms), a mask
    /// with bit `4 * class + part` set when it lies at that part of a phrase.
    pub fn masks(&self, lower: &[u64], out: &mut Vec<u64>) {
        out.clear();
        out.resize(lower.len(), 0);
        for i in 0..lower.len() {
            let mut h = lower[i];
            let end = (i + MAX_PHRASE).min(lower.len());
            for (j, &w) in lower.iter().enumerate().take(end).skip(i) {
                if j > i {
                    h = hash::pair(h, w);
                }
                let Some(node) = self.nodes.get(&h) else {
                    break;
                };
                if node.classes != 0 {
                    mark(out, i, j + 1, node.classes);
                }
                if !node.prefix {
                    break;
                }
            }
        }
    }
}

fn mark(out: &mut [u64], a: usize, b: usize, classes: u16) {
    for c in 0..N_CLASSES {
        if classes & (1 << c) == 0 {
            continue;
        }
        let base = 4 * c as u64;
        if b == a + 1 {
            out[a] |= 1 << (base + 3);
            continue;
        }
        out[a] |= 1 << base;
        for m in &mut out[a + 1..b - 1] {
            *m |= 1 << (base + 1);
        }
        out[b - 1] |= 1 << (base + 2);
    }
}

fn word_lists() -> [(&'static [&'static str], Class); 7] {
    [
        (words::HONORIFICS, Class::Honorific),
        (words::OFFICES, Class::Office),
        (words::ORG_WORDS, Class::OrgWord),
        (words::PLACE_WORDS, Class::PlaceWord),
        (words::CALENDAR, Class::Calendar),
        (words::PARTICLES, Class::Particle),
        (words::COUNTRY_SHORT_FORMS, Class::Country),
    ]
}

/// A fingerprint of the compiled-in word lists and the matching scheme.
pub fn word_lists_fingerprint() -> u64 {
    let mut h = hash::str("lexicon-v1");
    for (list, class) in word_lists() {
        h = hash::pair(h, class as u64);
        for w in list {
            h = hash::pair(h, hash::str(w));
        }
    }
    h
}

/// Decode a class stored in the model.
pub fn class_from_u8(x: u8) -> Option<Class> {
    Class::from_u8(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masks_of(lex: &Lexicon, text: &str) -> Vec<u64> {
        let mut buf = String::new();
        let lower: Vec<u64> = tokenize::tokenize(text)
            .iter()
            .map(|t| {
                norm_lower(t.span.of(text), &mut buf);
                hash::str(&buf)
            })
            .collect();
        let mut out = Vec::new();
        lex.masks(&lower, &mut out);
        out
    }

    #[test]
    fn multiword_phrases_mark_each_position() {
        let lex = Lexicon::new(vec![("Saudi Arabia".into(), Class::Country)]);
        let m = masks_of(&lex, "talks in Saudi Arabia today");
        let c = 4 * Class::Country as u64;
        assert_eq!(m[2] & (1 << c), 1 << c, "Begin on Saudi");
        assert_eq!(m[3] & (1 << (c + 2)), 1 << (c + 2), "Last on Arabia");
        assert_eq!(m[0] | m[1] | m[4], 0);
    }

    #[test]
    fn word_lists_are_matched_in_any_case() {
        let lex = Lexicon::new(Vec::new());
        let m = masks_of(&lex, "MR SMITH met the President");
        let hon = 4 * Class::Honorific as u64 + 3;
        let off = 4 * Class::Office as u64 + 3;
        assert_ne!(m[0] & (1 << hon), 0);
        assert_ne!(m[4] & (1 << off), 0);
    }
}

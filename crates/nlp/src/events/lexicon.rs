//! Trigger lexicon: finds words and phrases that signal a CAMEO event.
//!
//! The table ([`super::lexicon_table::TRIGGERS`]) is parsed once into
//! patterns over interned word ids, indexed by every form of their first
//! word, so matching a sentence costs one hash look-up per token plus a
//! short integer scan per candidate pattern. Patterns
//! match lower-cased tokens in order with small gaps ("agreed *to* pause",
//! "accused *him* of"). Where patterns overlap, the one with more positions
//! wins (the more specific phrase), then the one with the finer code, then
//! the tighter match.

use std::collections::HashMap;

use super::features::FnvBuild;
use super::lexicon_table::TRIGGERS;

/// Most tokens allowed between two matched words of a pattern.
pub const MAX_GAP: usize = 3;

/// What a trigger can do on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    /// A verb or verbal phrase: makes an event.
    Verb,
    /// A noun: types a sentence's event but makes none alone.
    Noun,
    /// A reporting verb: a statement when nothing else happens.
    Report,
}

/// One alternative at a position: adjacent words, each with its forms (as
/// interned ids).
#[derive(Debug, Clone)]
struct Alternative {
    words: Vec<Vec<u32>>,
}

#[derive(Debug, Clone)]
struct Pattern {
    code: String,
    kind: TriggerKind,
    positions: Vec<Vec<Alternative>>,
}

/// A trigger found in a sentence; token indices are into the words given to
/// [`Lexicon::find`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub code: String,
    pub kind: TriggerKind,
    /// First token of the match.
    pub first: usize,
    /// Last token of the match (inclusive).
    pub last: usize,
    /// How many positions the pattern has (its specificity).
    pub positions: usize,
}

/// The parsed trigger lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    patterns: Vec<Pattern>,
    /// Every word form of the table, interned.
    vocab: HashMap<String, u32, FnvBuild>,
    /// Patterns by the id of a form of their first word.
    by_first_word: Vec<Vec<usize>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::builtin()
    }
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Self {
        Lexicon::parse(TRIGGERS)
    }

    /// Parse a lexicon table (see [`super::lexicon_table`] for the format).
    /// Lines that do not have a code, a kind and a pattern are skipped.
    pub fn parse(table: &str) -> Self {
        let mut patterns = Vec::new();
        let mut vocab: HashMap<String, u32, FnvBuild> = HashMap::default();
        let mut intern = |forms: Vec<String>| -> Vec<u32> {
            forms
                .into_iter()
                .map(|f| {
                    let n = vocab.len() as u32;
                    *vocab.entry(f).or_insert(n)
                })
                .collect()
        };
        for line in table.lines() {
            let mut parts = line.split_whitespace();
            let (Some(code), Some(kind)) = (parts.next(), parts.next()) else {
                continue;
            };
            let kind = match kind {
                "v" => TriggerKind::Verb,
                "n" => TriggerKind::Noun,
                "r" => TriggerKind::Report,
                _ => continue,
            };
            let rest: Vec<&str> = parts.collect();
            for pattern in rest.join(" ").split(" ; ") {
                let positions: Vec<Vec<Alternative>> = pattern
                    .split_whitespace()
                    .map(|pos| {
                        pos.split('|')
                            .filter(|a| !a.is_empty())
                            .map(|alt| Alternative {
                                words: alt.split('_').map(|w| intern(word_forms(w))).collect(),
                            })
                            .collect()
                    })
                    .collect();
                if positions.is_empty() || positions.iter().any(Vec::is_empty) {
                    continue;
                }
                patterns.push(Pattern {
                    code: code.to_string(),
                    kind,
                    positions,
                });
            }
        }
        let mut by_first_word: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
        for (i, p) in patterns.iter().enumerate() {
            for alt in &p.positions[0] {
                for &form in &alt.words[0] {
                    let list = &mut by_first_word[form as usize];
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        Lexicon {
            patterns,
            vocab,
            by_first_word,
        }
    }

    /// Every trigger in `words` (lower-cased tokens of one sentence), one per
    /// starting token, sorted by position; overlapping matches keep the most
    /// specific.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Vec<Hit> {
        let ids: Vec<Option<u32>> = words
            .iter()
            .map(|w| self.vocab.get(w.as_ref()).copied())
            .collect();
        let mut hits: Vec<Hit> = Vec::new();
        for i in 0..ids.len() {
            let Some(id) = ids[i] else {
                continue;
            };
            let cands = &self.by_first_word[id as usize];
            let mut best: Option<Hit> = None;
            for &pi in cands {
                let p = &self.patterns[pi];
                if let Some(last) = match_pattern(p, &ids, i) {
                    let hit = Hit {
                        code: p.code.clone(),
                        kind: p.kind,
                        first: i,
                        last,
                        positions: p.positions.len(),
                    };
                    if best.as_ref().is_none_or(|b| more_specific(&hit, b)) {
                        best = Some(hit);
                    }
                }
            }
            if let Some(hit) = best {
                hits.push(hit);
            }
        }
        drop_covered(hits)
    }
}

/// True when `a` should be preferred to `b` for the same start.
fn more_specific(a: &Hit, b: &Hit) -> bool {
    let key = |h: &Hit| {
        (
            h.positions,
            h.code.len(),
            h.kind != TriggerKind::Report,
            std::cmp::Reverse(h.last - h.first),
        )
    };
    key(a) > key(b)
}

/// Remove hits that lie inside a longer, more specific hit.
fn drop_covered(hits: Vec<Hit>) -> Vec<Hit> {
    let keep: Vec<bool> = hits
        .iter()
        .map(|h| {
            !hits
                .iter()
                .any(|o| o.first <= h.first && h.last <= o.last && o.positions > h.positions)
        })
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// The last token of a match of `p` starting at `start`, if it matches.
fn match_pattern(p: &Pattern, words: &[Option<u32>], start: usize) -> Option<usize> {
    let mut end = match_position(&p.positions[0], words, start)?;
    for pos in &p.positions[1..] {
        let from = end + 1;
        let to = (from + MAX_GAP).min(words.len().saturating_sub(1));
        end = (from..=to)
            .filter(|&j| j < words.len())
            .find_map(|j| match_position(pos, words, j))?;
    }
    Some(end)
}

/// The last token of an alternative of `alts` matching at `at`.
fn match_position(alts: &[Alternative], words: &[Option<u32>], at: usize) -> Option<usize> {
    alts.iter().find_map(|alt| {
        let n = alt.words.len();
        if at + n > words.len() {
            return None;
        }
        alt.words
            .iter()
            .zip(&words[at..at + n])
            .all(|(forms, w)| w.is_some_and(|w| forms.contains(&w)))
            .then_some(at + n - 1)
    })
}

/// The forms a lexicon word stands for: itself, or with `~` its regular
/// inflections (3rd person, past, gerund; plural for nouns).
pub fn word_forms(word: &str) -> Vec<String> {
    let Some(base) = word.strip_suffix('~') else {
        return vec![word.to_string()];
    };
    let mut out = vec![base.to_string()];
    let b = base;
    let last = b.chars().last().unwrap_or(' ');
    let before = b.chars().rev().nth(1).unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(stem) = b.strip_suffix('e') {
        out.push(format!("{b}s"));
        out.push(format!("{b}d"));
        out.push(format!("{stem}ing"));
    } else if last == 'y' && !vowel(before) {
        let stem = &b[..b.len() - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{b}ing"));
    } else if b.ends_with('s') || b.ends_with("sh") || b.ends_with("ch") || b.ends_with('x') {
        out.push(format!("{b}es"));
        out.push(format!("{b}ed"));
        out.push(format!("{b}ing"));
    } else {
        out.push(format!("{b}s"));
        out.push(format!("{b}ed"));
        out.push(format!("{b}ing"));
        // Doubled final consonant: stop -> stopped, ban -> banned.
        if !vowel(last) && vowel(before) && !"wxy".contains(last) {
            out.push(format!("{b}{last}ed"));
            out.push(format!("{b}{last}ing"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn inflections() {
        let f = word_forms("accuse~");
        for w in ["accuse", "accuses", "accused", "accusing"] {
            assert!(f.contains(&w.to_string()), "{w}");
        }
        let f = word_forms("ban~");
        assert!(f.contains(&"banned".to_string()));
        let f = word_forms("deny~");
        assert!(f.contains(&"denied".to_string()));
        assert_eq!(word_forms("held"), vec!["held".to_string()]);
    }

    #[test]
    fn specific_phrase_beats_single_word() {
        let lex = Lexicon::builtin();
        let hits = lex.find(&words("they accused the minister of corruption"));
        assert_eq!(hits[0].code, "1121");
        let hits = lex.find(&words("Both sides agreed to pause hostilities at sea"));
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].code, "0356");
    }

    #[test]
    fn gaps_are_bounded() {
        let lex = Lexicon::builtin();
        let near = lex.find(&words("ministers held long talks"));
        assert_eq!(near[0].code, "040");
        let table = "100 v ask~ for";
        let lex = Lexicon::parse(table);
        assert!(lex.find(&words("ask a b c d e for")).is_empty());
        assert_eq!(lex.find(&words("asked them for")).len(), 1);
    }
}

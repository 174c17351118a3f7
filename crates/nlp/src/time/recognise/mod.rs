//! Finding time expressions in a sentence's words.
//!
//! A hand-written grammar over tokens, tried left to right: at each word the
//! constructions below are attempted and the longest match wins; the scan
//! then resumes after it. Every construction is a bounded look-ahead, so the
//! cost is linear in the sentence length.
//!
//! Span conventions follow TimeBank: "the", "last", "next", "this", "early",
//! "late", "mid-", "earlier" and quantity words ("more than", "nearly", "at
//! least") belong to the expression; prepositions ("on", "in", "since"),
//! "about" and the heads they modify ("the 1996 Olympic bombing") do not. A
//! leading "the" is kept only on unit-based expressions ("the third quarter",
//! "the past two months", "the weekend"), never on a bare date ("the Aug. 7
//! bombings" yields "Aug. 7").

use tidings_model::{TimexType, TokenKind};

use super::lexicon;
use super::meaning::{Meaning, Unit};
use super::words::Word;

mod named;
mod numbers;
mod quarters;
mod relative;
mod sets;

/// One recognised expression: words `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub meaning: Meaning,
    pub ttype: TimexType,
}

/// Every time expression of one sentence, in order, without overlaps.
pub fn recognise(ws: &[Word]) -> Vec<Found> {
    let s = Sentence { ws };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !s.may_start(i) {
            i += 1;
            continue;
        }
        match s.match_at(i) {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// A core match before prefixes: where it ends, what it means, and whether a
/// leading "the" belongs to it.
struct Core {
    end: usize,
    meaning: Meaning,
    ttype: TimexType,
    takes_the: bool,
}

impl Core {
    fn new(end: usize, meaning: Meaning, ttype: TimexType, takes_the: bool) -> Option<Core> {
        Some(Core {
            end,
            meaning,
            ttype,
            takes_the,
        })
    }
}

fn fixed(s: &str) -> Meaning {
    Meaning::Fixed(s.to_string())
}

const DATE: TimexType = TimexType::Date;
const TIME: TimexType = TimexType::Time;
const DURATION: TimexType = TimexType::Duration;
const SET: TimexType = TimexType::Set;

/// Words that round an amount and belong to the expression.
const QUANTIFIERS: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["no", "more", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["nearly"],
    &["almost"],
    &["over"],
    &["under"],
];

struct Sentence<'a, 't> {
    ws: &'a [Word<'t>],
}

impl Sentence<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.ws.get(i).map_or("", |w| w.lower)
    }

    fn word(&self, i: usize) -> Option<&Word<'_>> {
        self.ws.get(i)
    }

    fn cap(&self, i: usize) -> bool {
        self.ws.get(i).is_some_and(Word::is_capitalised)
    }

    fn seq(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| self.w(i + k) == *w)
    }

    /// A cheap test that word `i` can begin an expression.
    fn may_start(&self, i: usize) -> bool {
        let w = &self.ws[i];
        if w.signal {
            return true;
        }
        // Numbers, number words and weak starters ("the", "last", "a") begin
        // an expression only with a time word close behind.
        let weak = w.kind == TokenKind::Number
            || lexicon::is_weak_starter(w.lower)
            || lexicon::number_word(w.lower).is_some()
            || lexicon::ordinal(w.lower).is_some();
        weak && self.ws[i + 1..].iter().take(5).any(|n| n.signal)
    }

    /// The longest expression starting at word `i`, prefixes included.
    fn match_at(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut the = false;
        let mut frame = false;
        // Quantifiers: "more than four decades ago", "nearly five months".
        for q in QUANTIFIERS {
            if self.seq(j, q) {
                let k = j + q.len();
                if let Some(c) = self.amount_phrase(k)
                    && !matches!(c.meaning, Meaning::Calendar { .. })
                {
                    return Some(self.found(i, c));
                }
            }
        }
        // "throughout the week": the whole unit, a duration.
        if self.w(j) == "throughout" {
            let k = if self.w(j + 1) == "the" { j + 2 } else { j + 1 };
            if let Some((unit, false)) = lexicon::unit(self.w(k))
                && unit >= Unit::Day
            {
                return Some(Found {
                    start: i,
                    end: k + 1,
                    meaning: Meaning::Fixed(unit.duration(Some(1.0))),
                    ttype: DURATION,
                });
            }
            return None;
        }
        if self.w(j) == "the" {
            the = true;
            j += 1;
        }
        // "the end of 1990", "the middle of October".
        if the
            && matches!(self.w(j), "end" | "beginning" | "middle" | "start")
            && self.w(j + 1) == "of"
        {
            j += 2;
            frame = true;
            if self.w(j) == "the" {
                j += 1;
            }
        }
        if matches!(self.w(j), "early" | "late" | "mid" | "earlier" | "later") {
            let k = if self.w(j + 1) == "-" { j + 2 } else { j + 1 };
            // "late" and "early" modify dates, not durations ("later two weeks").
            if let Some(c) = self.core(k, the).filter(|c| c.ttype != DURATION) {
                return (!the || c.takes_the || frame).then(|| self.found(i, c));
            }
        }
        if j == i {
            return self.core(i, false).map(|c| self.found(i, c));
        }
        let c = self.core(j, the)?;
        (c.takes_the || frame).then(|| self.found(i, c))
    }

    fn found(&self, start: usize, c: Core) -> Found {
        Found {
            start,
            end: c.end,
            meaning: c.meaning,
            ttype: c.ttype,
        }
    }

    /// The longest construction starting exactly at `j`. `the`: a "the" precedes.
    fn core(&self, j: usize, the: bool) -> Option<Core> {
        let candidates = [
            self.quarter_phrase(j, the),
            self.clock(j),
            self.amount_phrase(j),
            self.year_or_number(j),
            self.month_phrase(j),
            self.weekday_phrase(j),
            self.deictic(j, the),
            self.determined(j, the),
            self.set_phrase(j),
        ];
        let mut best: Option<Core> = None;
        for c in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best
    }
}

fn has_day(m: &Meaning) -> bool {
    matches!(m, Meaning::Calendar { day: Some(_), .. })
}

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
use super::meaning::{DayPart, Meaning, Shift, Unit, YearRef};
use super::words::Word;

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

/// Words before a month name that make it a date ("in May", "since March").
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "early",
    "late",
    "mid",
    "-",
    "of",
    "from",
    "through",
    "before",
    "after",
    "during",
    "last",
    "next",
    "this",
    "throughout",
    "to",
    "and",
    "between",
    "each",
    "every",
    "that",
    "on",
];

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

    // ------------------------------------------------------------ numbers

    /// An amount: "three", "10", "5 1/2", "a", "a couple of", "several".
    /// `None` inside means unknown (`X`).
    fn amount(&self, j: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(j);
        if let Some(word) = self.word(j)
            && word.kind == TokenKind::Number
        {
            let n: f64 = word.raw.replace(',', "").parse().ok()?;
            if self.w(j + 1) == "1/2" {
                return Some((j + 2, Some(n + 0.5)));
            }
            return Some((j + 1, Some(n)));
        }
        if let Some(n) = lexicon::number_word(w) {
            // "twenty-four" as three tokens, or "twenty four".
            if n >= 20 && n % 10 == 0 {
                let k = if self.w(j + 1) == "-" { j + 2 } else { j + 1 };
                if let Some(o) = lexicon::number_word(self.w(k)).filter(|o| *o < 10) {
                    return Some((k + 1, Some(f64::from(n + o))));
                }
            }
            return Some((j + 1, Some(f64::from(n))));
        }
        match w {
            "a" | "an" => {
                if self.seq(j + 1, &["couple", "of"]) {
                    Some((j + 3, Some(2.0)))
                } else if self.w(j + 1) == "few" {
                    Some((j + 2, None))
                } else {
                    Some((j + 1, Some(1.0)))
                }
            }
            "several" | "few" | "many" | "some" | "numerous" => Some((j + 1, None)),
            "half" if matches!(self.w(j + 1), "a" | "an") => Some((j + 2, Some(0.5))),
            _ => None,
        }
    }

    /// Expressions that start with an amount: "three days", "16-hour", "two
    /// weeks ago", "a year earlier", "the nine months".
    fn amount_phrase(&self, j: usize) -> Option<Core> {
        let (mut k, amt) = self.amount(j)?;
        let vague = amt.is_none();
        if self.w(k) == "more" {
            k += 1;
        }
        // "two to three weeks": the first amount stands.
        if matches!(self.w(k), "to" | "or")
            && let Some((k2, _)) = self.amount(k + 1)
            && lexicon::unit(self.w(k2)).is_some()
        {
            k = k2;
        }
        // "16-hour", "two-day"; "44-year-old" is an age, not a time.
        if self.w(k) == "-" {
            let (unit, _) = lexicon::unit(self.w(k + 1))?;
            if unit == Unit::Quarter {
                return None; // "three-quarters" is a fraction
            }
            if self.w(k + 2) == "-" && matches!(self.w(k + 3), "old" | "olds") {
                return None;
            }
            let end = if self.seq(k + 2, &["-", "long"]) {
                k + 4
            } else {
                k + 2
            };
            return Core::new(end, Meaning::Fixed(unit.duration(amt)), DURATION, true);
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        // "a week" needs a singular unit, "three weeks" a plural one (or "1 week").
        if amt == Some(1.0) && plural && self.w(j) != "1" {
            return None;
        }
        if !plural && amt.is_some_and(|a| a > 1.5) {
            return None; // "the 1988 quarter" is not 1,988 quarters
        }
        // "52 years old" is an age; "a quarter of the shares" a fraction.
        if plural && self.w(k + 1) == "old" {
            return None;
        }
        if unit == Unit::Quarter && !plural && self.w(k + 1) == "of" {
            return None;
        }
        if matches!(self.w(j), "a" | "an") && plural && !vague && amt != Some(2.0) {
            return None;
        }
        if self.w(j) == "some" && !plural {
            return None;
        }
        if self.w(k + 1) == "-" && matches!(self.w(k + 2), "earlier" | "ago" | "end") {
            return None; // "a year-earlier loss": the adjective stands alone
        }
        if unit == Unit::Second && !plural && matches!(self.w(j), "a" | "an") {
            return None; // "a second time"
        }
        let mut amt = amt;
        k += 1;
        if self.seq(k, &["and", "a", "half"]) {
            amt = amt.map(|a| a + 0.5);
            k += 3;
        }
        if self.seq(k, &["or", "so"]) && self.w(k + 2) == "ago" {
            k += 2;
        }
        let n = amt.map(|a| a.round() as i64);
        match self.w(k) {
            "ago" => {
                let meaning = match (n, unit) {
                    (None, _) => Meaning::Reference("PAST_REF"),
                    (Some(1), Unit::Year) => Meaning::YearAgo,
                    (Some(n), Unit::Day) => Meaning::DayOffset(-n),
                    (Some(n), Unit::Decade) => Meaning::Relative {
                        unit: Unit::Year,
                        offset: -10 * n,
                    },
                    (Some(n), Unit::Century) => Meaning::Relative {
                        unit: Unit::Year,
                        offset: -100 * n,
                    },
                    (Some(_), Unit::Hour | Unit::Minute | Unit::Second) => {
                        Meaning::Reference("PAST_REF")
                    }
                    (Some(n), unit) => Meaning::Relative { unit, offset: -n },
                };
                Core::new(k + 1, meaning, DATE, true)
            }
            "earlier" | "before" if unit == Unit::Year && n == Some(1) => {
                Core::new(k + 1, Meaning::YearAgo, DATE, true)
            }
            "earlier" => Core::new(k + 1, Meaning::Fixed(unit.duration(amt)), DURATION, true),
            "from" if self.w(k + 1) == "now" => {
                let meaning = match n {
                    None => Meaning::Reference("FUTURE_REF"),
                    Some(n) if unit == Unit::Day => Meaning::DayOffset(n),
                    Some(n) => Meaning::Relative { unit, offset: n },
                };
                Core::new(k + 2, meaning, DATE, true)
            }
            _ => {
                // A rate: "$5 billion a year" is a set.
                if matches!(self.w(j), "a" | "an")
                    && j > 0
                    && self.is_quantity(j - 1)
                    && unit >= Unit::Day
                {
                    return Core::new(k, Meaning::Fixed(unit.duration(Some(1.0))), SET, false);
                }
                Core::new(k, Meaning::Fixed(unit.duration(amt)), DURATION, true)
            }
        }
    }

    /// A word that ends a quantity before a rate ("$5 million a year").
    fn is_quantity(&self, i: usize) -> bool {
        let w = self.w(i);
        self.word(i).is_some_and(|w| w.kind == TokenKind::Number)
            || matches!(
                w,
                "million" | "billion" | "thousand" | "hundred" | "times" | "twice" | "%"
            )
            || w.ends_with("s") && i > 0 && self.is_quantity_noun_after_number(i)
    }

    /// "fifty thousand CDs a year": a plural noun after a number.
    fn is_quantity_noun_after_number(&self, i: usize) -> bool {
        i > 0
            && (self
                .word(i - 1)
                .is_some_and(|w| w.kind == TokenKind::Number)
                || matches!(
                    self.w(i - 1),
                    "thousand" | "million" | "billion" | "hundred"
                ))
    }

    /// A four-digit year ("1995"), a decade ("1980s", "'90s"), an ISO date,
    /// or a day before a month ("7 August 2025").
    fn year_or_number(&self, j: usize) -> Option<Core> {
        let word = self.word(j)?;
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        if matches!(
            prev,
            "$" | "#" | "no." | "number" | "nos." | "route" | "flight"
        ) {
            return None;
        }
        if let Some((end, y)) = self.spoken_year(j) {
            let meaning = Meaning::Calendar {
                year: YearRef::Explicit(y),
                month: None,
                day: None,
                shift: Shift::Bare,
            };
            return Core::new(end, meaning, DATE, false);
        }
        let raw = word.raw;
        // Decades: "1980s", "'90s".
        if let Some(d) = raw
            .strip_suffix('s')
            .and_then(|d| d.strip_prefix('\'').or(Some(d)))
        {
            if d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
                let y: i32 = d.parse().ok()?;
                return Core::new(j + 1, Meaning::Decade(y / 10), DATE, true);
            }
            if d.len() == 2 && raw.starts_with('\'') && d.ends_with('0') {
                let y: i32 = d.parse().ok()?;
                return Core::new(j + 1, Meaning::Decade(190 + y / 10), DATE, true);
            }
        }
        if word.kind != TokenKind::Number {
            return None;
        }
        // ISO dates: "2025-03-28".
        if raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-' {
            let y = raw[..4].parse().ok()?;
            let m = raw[5..7].parse().ok()?;
            let d = raw[8..10].parse().ok()?;
            return Core::new(
                j + 1,
                Meaning::Calendar {
                    year: YearRef::Explicit(y),
                    month: Some(m),
                    day: Some(d),
                    shift: Shift::Bare,
                },
                DATE,
                false,
            );
        }
        let n = word.integer()?;
        // "7 August 2025", "28 March".
        if (1..=31).contains(&n)
            && let Some(m) = lexicon::month(self.w(j + 1))
            && self.cap(j + 1)
        {
            let (end, year) = match self.year_at(j + 2) {
                Some(y) => (j + 3, YearRef::Explicit(y)),
                None => (j + 2, YearRef::Implied),
            };
            return Core::new(
                end,
                Meaning::Calendar {
                    year,
                    month: Some(m),
                    day: Some(n),
                    shift: Shift::Bare,
                },
                DATE,
                false,
            );
        }
        let y = self.year_at(j)?;
        let next = self.w(j + 1);
        if matches!(next, "%" | "percent" | "per" | "-")
            || lexicon::unit(next).is_some()
            || self
                .word(j + 1)
                .is_some_and(|w| w.kind == TokenKind::Number)
        {
            return None;
        }
        if prev == "fiscal" {
            return None; // taken whole by `fiscal_year`
        }
        Core::new(
            j + 1,
            Meaning::Calendar {
                year: YearRef::Explicit(y),
                month: None,
                day: None,
                shift: Shift::Bare,
            },
            DATE,
            false,
        )
    }

    /// A plausible year at `i`: four digits from 1600 to 2199.
    fn year_at(&self, i: usize) -> Option<i32> {
        let w = self.word(i)?;
        if w.raw.len() != 4 {
            return None;
        }
        let n = w.integer()?;
        (1600..2200).contains(&n).then_some(n as i32)
    }

    // ------------------------------------------------------------ clock times

    /// "10:35 a.m.", "3 p.m.", "noon", "midnight Friday", "9 a.m. EST Tuesday".
    fn clock(&self, j: usize) -> Option<Core> {
        let (mut k, mut hour, minute) = match self.w(j) {
            "noon" | "midday" => (j + 1, 12, 0),
            "midnight" => (j + 1, 24, 0),
            _ => {
                let word = self.word(j)?;
                if word.kind != TokenKind::Number {
                    return None;
                }
                let (h, m) = match word.raw.split_once(':') {
                    Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse().ok()?),
                    Some(_) => return None,
                    None => (word.integer()?, 0),
                };
                if h > 24 || m > 59 {
                    return None;
                }
                let k = j + 1;
                let has_colon = word.raw.contains(':');
                match self.meridiem(k) {
                    Some((k2, pm)) => {
                        if h == 0 || h > 12 {
                            return None;
                        }
                        let h = match (pm, h) {
                            (true, 12) => 12,
                            (true, h) => h + 12,
                            (false, 12) => 0,
                            (false, h) => h,
                        };
                        (k2, h, m)
                    }
                    None if self.seq(k, &["o'clock"]) => (k + 1, h, m),
                    None if self.seq(k, &["in", "the", "morning"]) => (k + 3, h, m),
                    None if self.seq(k, &["in", "the", "afternoon"])
                        || self.seq(k, &["in", "the", "evening"]) =>
                    {
                        (k + 3, if h < 12 { h + 12 } else { h }, m)
                    }
                    None if has_colon && j > 0 && matches!(self.w(j - 1), "at" | "by") => (k, h, m),
                    None => return None,
                }
            }
        };
        if hour == 24 && minute > 0 {
            hour = 0;
        }
        // Time zones: "EST", "GMT", "local time".
        if matches!(
            self.w(k),
            "est"
                | "edt"
                | "cst"
                | "cdt"
                | "mst"
                | "mdt"
                | "pst"
                | "pdt"
                | "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "cest"
        ) {
            k += 1;
        } else if self.seq(k, &["local", "time"]) {
            k += 2;
        }
        // A day right after: "9 a.m. Tuesday", "5 p.m. EST Nov. 9".
        let day = self
            .weekday_phrase(k)
            .filter(|c| matches!(c.meaning, Meaning::Weekday { .. }))
            .or_else(|| self.month_phrase(k).filter(|c| has_day(&c.meaning)))
            .or_else(|| match self.w(k) {
                "today" => Core::new(k + 1, Meaning::DayOffset(0), DATE, false),
                "yesterday" => Core::new(k + 1, Meaning::DayOffset(-1), DATE, false),
                "tomorrow" => Core::new(k + 1, Meaning::DayOffset(1), DATE, false),
                _ => None,
            });
        let (end, day) = match day {
            Some(c) => (c.end, Some(Box::new(c.meaning))),
            None => (k, None),
        };
        Core::new(end, Meaning::Clock { day, hour, minute }, TIME, false)
    }

    /// "a.m." / "p.m." in their spellings; returns the end and whether p.m.
    fn meridiem(&self, k: usize) -> Option<(usize, bool)> {
        match self.w(k) {
            "a.m." | "a.m" | "am" => Some((k + 1, false)),
            "p.m." | "p.m" | "pm" => Some((k + 1, true)),
            "a" | "p" if self.w(k + 1) == "." && self.w(k + 2) == "m" => {
                Some((k + 3, self.w(k) == "p"))
            }
            _ => None,
        }
    }

    // ------------------------------------------------------------ named dates

    /// "Aug. 7", "March 5, 1946", "July 1997", "April", "June last year".
    fn month_phrase(&self, j: usize) -> Option<Core> {
        let m = lexicon::month(self.w(j))?;
        if !self.cap(j) {
            return None;
        }
        let raw = self.word(j)?.raw;
        let k = j + 1;
        let day = self
            .word(k)
            .and_then(|w| {
                w.integer()
                    .or_else(|| lexicon::ordinal(w.lower).filter(|_| w.raw.len() <= 4))
            })
            .filter(|d| (1..=31).contains(d) && self.word(k).is_some_and(|w| w.raw.len() <= 4));
        let calendar = |year, day, end| {
            Core::new(
                end,
                Meaning::Calendar {
                    year,
                    month: Some(m),
                    day,
                    shift: Shift::Bare,
                },
                DATE,
                false,
            )
        };
        if let Some(d) = day
            && !self.year_at(k).is_some_and(|_| d > 31)
        {
            let k = k + 1;
            if self.w(k) == ","
                && let Some(y) = self.year_at(k + 1)
            {
                return calendar(YearRef::Explicit(y), Some(d), k + 2);
            }
            if let Some(y) = self.year_at(k) {
                return calendar(YearRef::Explicit(y), Some(d), k + 1);
            }
            return calendar(YearRef::Implied, Some(d), k);
        }
        if let Some(y) = self.year_at(k) {
            return calendar(YearRef::Explicit(y), None, k + 1);
        }
        if self.w(k) == "of"
            && let Some(y) = self.year_at(k + 1)
        {
            return calendar(YearRef::Explicit(y), None, k + 2);
        }
        if self.w(k + 1) == "year" {
            let off = match self.w(k) {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(off) = off {
                return calendar(YearRef::Offset(off), None, k + 2);
            }
        }
        // A month alone: abbreviations and unambiguous names stand; "May" and
        // "March" need a cue ("in May", "since March").
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        let ambiguous = matches!(self.w(j), "may" | "march" | "mar" | "jan" | "jun");
        let cued = MONTH_CUES.contains(&prev);
        if ambiguous && !cued {
            return None;
        }
        if raw.chars().all(|c| c.is_uppercase() || c == '.') && raw.len() > 3 && !cued {
            return None; // a heading in capitals
        }
        calendar(YearRef::Implied, None, k)
    }

    /// "Friday", "Thursday evening", "Monday, Oct. 26", "Tuesdays".
    fn weekday_phrase(&self, j: usize) -> Option<Core> {
        let (d, plural) = lexicon::weekday(self.w(j))?;
        if !self.cap(j) {
            return None;
        }
        let k = j + 1;
        if plural {
            let (end, part) = match lexicon::day_part(self.w(k)) {
                Some(p) => (k + 1, format!("T{}", p.code())),
                None => (k, String::new()),
            };
            return Core::new(end, fixed(&format!("XXXX-WXX-{d}{part}")), SET, false);
        }
        if let Some(p) = lexicon::day_part(self.w(k)) {
            let day = Box::new(Meaning::Weekday {
                day: d,
                shift: Shift::Bare,
            });
            return Core::new(k + 1, Meaning::PartOfDay { day, part: p }, DATE, false);
        }
        // "Monday, Oct. 26": the explicit date decides.
        let after = if self.w(k) == "," { k + 1 } else { k };
        if let Some(c) = self.month_phrase(after).filter(|c| has_day(&c.meaning)) {
            return Some(c);
        }
        Core::new(
            k,
            Meaning::Weekday {
                day: d,
                shift: Shift::Bare,
            },
            DATE,
            false,
        )
    }

    // ------------------------------------------------------------ deictic words

    /// "today", "yesterday afternoon", "now", "recently", "the future", "the past",
    /// "currently", "soon", "the weekend", "the week", "the quarter".
    fn deictic(&self, j: usize, the: bool) -> Option<Core> {
        let w = self.w(j);
        let day = |off: i64, end: usize| -> Option<Core> {
            if let Some(p) = lexicon::day_part(self.w(end)) {
                let day = Box::new(Meaning::DayOffset(off));
                return Core::new(end + 1, Meaning::PartOfDay { day, part: p }, TIME, false);
            }
            Core::new(end, Meaning::DayOffset(off), DATE, false)
        };
        let reference = |r: &'static str, end: usize, takes_the: bool| {
            Core::new(end, Meaning::Reference(r), DATE, takes_the)
        };
        match w {
            "today" => day(0, j + 1),
            "yesterday" => day(-1, j + 1),
            "tomorrow" => day(1, j + 1),
            "tonight" => Core::new(j + 1, Meaning::DayOffset(0), DATE, false),
            "overnight" => {
                let day = Box::new(Meaning::DayOffset(-1));
                Core::new(
                    j + 1,
                    Meaning::PartOfDay {
                        day,
                        part: DayPart::Night,
                    },
                    TIME,
                    false,
                )
            }
            "now" | "currently" | "nowadays" => reference("PRESENT_REF", j + 1, false),
            "current" if !the => reference("PRESENT_REF", j + 1, false),
            "recently" | "lately" => reference("PAST_REF", j + 1, false),
            // "as soon as" and "soon after" relate two events, not a time.
            "soon"
                if !(self.w(j + 1) == "as"
                    || self.w(j + 1) == "after"
                    || self.w(j.wrapping_sub(1)) == "as") =>
            {
                reference("FUTURE_REF", j + 1, false)
            }
            "recent" => {
                if let Some((unit, true)) = lexicon::unit(self.w(j + 1)) {
                    if unit == Unit::Year || self.seq(j + 2, &["and"]) {
                        return reference("PAST_REF", j + 2, true);
                    }
                    return Core::new(j + 2, fixed(&unit.duration(None)), DURATION, true);
                }
                None // "the recent sale": an event's attribute, not a time
            }
            "future" => match lexicon::unit(self.w(j + 1)) {
                Some((_, true)) => reference("FUTURE_REF", j + 2, true),
                // "the future"; "future earnings" is an attribute, not a time.
                _ if the || matches!(self.w(j.wrapping_sub(1)), "foreseeable" | "near") => {
                    reference("FUTURE_REF", j + 1, true)
                }
                _ => None,
            },
            "foreseeable" if self.w(j + 1) == "future" => reference("FUTURE_REF", j + 2, true),
            "near" if self.w(j + 1) == "future" => reference("FUTURE_REF", j + 2, true),
            "these" if self.w(j + 1) == "days" => reference("PRESENT_REF", j + 2, false),
            "past"
                if the
                    && self.amount(j + 1).is_none()
                    && lexicon::unit(self.w(j + 1)).is_none() =>
            {
                reference("PAST_REF", j + 1, true)
            }
            "weekend" if the => {
                Core::new(j + 1, Meaning::Weekend { shift: Shift::Bare }, DATE, true)
            }
            "year" | "years" | "week" | "weeks" | "month" | "months" | "day" | "days" => {
                self.bare_unit(j, the)
            }
            "year-end" => self.year_end(j + 1),
            "full" if the && self.w(j + 1) == "year" => Core::new(
                j + 2,
                Meaning::Relative {
                    unit: Unit::Year,
                    offset: 0,
                },
                DATE,
                true,
            ),
            "decades" | "centuries" | "hours" | "minutes" => self.bare_unit(j, the),
            _ => self.season_or_decade_word(j, the),
        }
    }

    /// "the summer", "summer 1995", "the winter of 1994", "the nineties",
    /// "the 20th century".
    fn season_or_decade_word(&self, j: usize, the: bool) -> Option<Core> {
        let w = self.w(j);
        if let Some(season) = lexicon::season(w) {
            let (end, year) = match (self.w(j + 1), self.year_at(j + 1), self.year_at(j + 2)) {
                (_, Some(y), _) => (j + 2, YearRef::Explicit(y)),
                ("of", _, Some(y)) => (j + 3, YearRef::Explicit(y)),
                ("of", _, None) => match self.spoken_year(j + 2) {
                    Some((end, y)) => (end, YearRef::Explicit(y)),
                    None => (j + 1, YearRef::Implied),
                },
                _ => (j + 1, YearRef::Implied),
            };
            if !the && year == YearRef::Implied
                || w == "fall" && self.w(j + 1) == "of" && year == YearRef::Implied
            {
                return None; // "the fall of the government"
            }
            let meaning = Meaning::Season {
                season,
                year,
                shift: Shift::Bare,
            };
            return Core::new(end, meaning, DATE, true);
        }
        if let Some(d) = lexicon::decade_word(w).filter(|_| the) {
            return Core::new(j + 1, Meaning::Decade(190 + d / 10), DATE, true);
        }
        if let Some(n) = lexicon::ordinal(w)
            && self.w(j + 1) == "century"
            && the
        {
            return Core::new(j + 2, Meaning::Century(n as i32 - 1), DATE, true);
        }
        None
    }

    /// A year said in words: "nineteen ninety-six" (1996).
    fn spoken_year(&self, j: usize) -> Option<(usize, i32)> {
        let hundreds = lexicon::number_word(self.w(j)).filter(|n| (11..=20).contains(n))?;
        let (end, rest) = self.amount(j + 1)?;
        let rest = rest.filter(|r| (10.0..100.0).contains(r))?;
        Some((end, (hundreds * 100) as i32 + rest as i32))
    }

    /// "the week", "the year ended Sept. 30", "the years"; "year-end" and "year end".
    fn bare_unit(&self, j: usize, the: bool) -> Option<Core> {
        let (unit, plural) = lexicon::unit(self.w(j))?;
        if unit == Unit::Year && self.seq(j + 1, &["'s", "end"]) {
            return self.year_end(j + 3);
        }
        if unit == Unit::Year && matches!(self.w(j + 1), "end" | "-") {
            if self.w(j + 1) == "end" {
                return self.year_end(j + 2);
            }
            if self.w(j + 2) == "end" {
                return self.year_end(j + 3);
            }
        }
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        if plural {
            // "for years", "within weeks", "over the years", "the weeks ahead".
            let cue = if the {
                j >= 2 && matches!(self.w(j - 2), "over" | "in" | "during" | "for")
            } else {
                matches!(prev, "for" | "within")
            };
            if !cue || unit == Unit::Day && !the {
                return None;
            }
            let end = if self.w(j + 1) == "ahead" {
                j + 2
            } else {
                j + 1
            };
            return Core::new(end, fixed(&unit.duration(None)), DURATION, true);
        }
        if !the {
            return None;
        }
        match unit {
            Unit::Year | Unit::Month
                if matches!(self.w(j + 1), "ended" | "ending" | "ends" | "through") =>
            {
                Core::new(j + 1, fixed(&unit.duration(Some(1.0))), DURATION, true)
            }
            Unit::Year | Unit::Month | Unit::Week => {
                Core::new(j + 1, Meaning::Relative { unit, offset: 0 }, DATE, true)
            }
            _ => None,
        }
    }

    fn year_end(&self, end: usize) -> Option<Core> {
        Core::new(
            end,
            Meaning::Calendar {
                year: YearRef::Implied,
                month: Some(12),
                day: Some(31),
                shift: Shift::Bare,
            },
            DATE,
            false,
        )
    }

    // ------------------------------------------------------------ determiners

    /// "last week", "this year", "next Tuesday", "last fall", "the past two
    /// months", "coming weeks", "this morning", "last night".
    fn determined(&self, j: usize, the: bool) -> Option<Core> {
        let det = self.w(j);
        // "ABC's \"This Week\"": a title, not a time.
        if j > 0 && self.cap(j) && self.cap(j + 1) && !self.ws[j - 1].raw.ends_with(['.', '!', '?'])
        {
            return None;
        }
        let dir: i64 = match det {
            "this" | "current" => 0,
            "last" | "past" | "previous" | "preceding" => -1,
            "next" | "coming" | "following" | "upcoming" => 1,
            "first" | "final" if the => -1,
            _ => return None,
        };
        let shift = match dir {
            -1 => Shift::Last,
            1 => Shift::Next,
            _ => Shift::This,
        };
        let k = j + 1;
        if det == "current" && !matches!(self.w(k), "year" | "quarter" | "month" | "week") {
            return None;
        }
        // An amount: "the past two months", "next few days", "the first nine months".
        if let Some((k2, amt)) = self.amount(k)
            && !matches!(self.w(k), "a" | "an")
            && let Some((unit, _)) = lexicon::unit(self.w(k2))
        {
            return Core::new(k2 + 1, fixed(&unit.duration(amt)), DURATION, true);
        }
        if matches!(det, "first" | "final") {
            return None;
        }
        let next = self.w(k);
        if let Some((unit, plural)) = lexicon::unit(next) {
            if plural {
                // "past years" is a vague past; "coming weeks" a vague duration.
                if dir < 0 && unit == Unit::Year && !the {
                    return Core::new(k + 1, Meaning::Reference("PAST_REF"), DATE, true);
                }
                return Core::new(k + 1, fixed(&unit.duration(None)), DURATION, true);
            }
            let meaning = match unit {
                Unit::Decade | Unit::Century if dir < 0 => {
                    return Core::new(k + 1, fixed(&unit.duration(Some(1.0))), DURATION, true);
                }
                Unit::Century if dir == 0 => Meaning::Relative {
                    unit: Unit::Century,
                    offset: 0,
                },
                Unit::Day if dir == 0 => Meaning::DayOffset(0),
                Unit::Day => Meaning::DayOffset(dir),
                Unit::Second | Unit::Minute | Unit::Hour => return None,
                unit => Meaning::Relative { unit, offset: dir },
            };
            // "this year's third quarter" belongs to the quarter phrase.
            return Core::new(k + 1, meaning, DATE, true);
        }
        if let Some((d, false)) = lexicon::weekday(next)
            && self.cap(k)
        {
            let day = Meaning::Weekday { day: d, shift };
            if let Some(p) = lexicon::day_part(self.w(k + 1)) {
                let day = Box::new(day);
                return Core::new(k + 2, Meaning::PartOfDay { day, part: p }, DATE, true);
            }
            return Core::new(k + 1, day, DATE, true);
        }
        if let Some(m) = lexicon::month(next)
            && self.cap(k)
        {
            let meaning = Meaning::Calendar {
                year: YearRef::Implied,
                month: Some(m),
                day: None,
                shift,
            };
            return Core::new(k + 1, meaning, DATE, true);
        }
        if let Some(season) = lexicon::season(next) {
            let meaning = Meaning::Season {
                season,
                year: YearRef::Implied,
                shift,
            };
            return Core::new(k + 1, meaning, DATE, true);
        }
        if next == "weekend" {
            return Core::new(k + 1, Meaning::Weekend { shift }, DATE, true);
        }
        if let Some(p) = lexicon::day_part(next) {
            let off = match (dir, p) {
                (-1, DayPart::Night) => -1,
                (0, _) => 0,
                (1, DayPart::Night) => 1,
                _ => return None,
            };
            let day = Box::new(Meaning::DayOffset(off));
            return Core::new(k + 1, Meaning::PartOfDay { day, part: p }, TIME, true);
        }
        None
    }

    // ------------------------------------------------------------ quarters

    /// "the third quarter", "third-quarter", "the 1988 fourth quarter", "the
    /// year-ago quarter", "the latest quarter", "the year-earlier period",
    /// "this year's third quarter", "fiscal 1989".
    fn quarter_phrase(&self, j: usize, the: bool) -> Option<Core> {
        let mut k = j;
        let mut year = YearRef::Implied;
        let mut cue = the;
        if self.w(k) == "fiscal" {
            if let Some(y) = self.year_at(k + 1) {
                let meaning = Meaning::Calendar {
                    year: YearRef::Explicit(y),
                    month: None,
                    day: None,
                    shift: Shift::Bare,
                };
                let end = k + 2;
                if !(lexicon::ordinal(self.w(end)).is_some() && self.w(end + 1) == "quarter") {
                    return Core::new(end, meaning, DATE, true);
                }
                year = YearRef::Explicit(y);
                k = end;
                cue = true;
            } else if self.w(k + 1) == "year" && the {
                return Core::new(k + 2, fixed("P1Y"), DURATION, true);
            } else {
                k += 1;
            }
        }
        if let Some(y) = self.year_at(k) {
            year = YearRef::Explicit(y);
            k += 1;
        } else if self.seq(k, &["year", "-", "ago"]) || self.seq(k, &["year", "-", "earlier"]) {
            year = YearRef::Offset(-1);
            k += 3;
            cue = true;
        } else if self.seq(k, &["this", "year", "'s"]) {
            year = YearRef::Offset(0);
            k += 3;
            cue = true;
        } else if self.seq(k, &["last", "year", "'s"]) {
            year = YearRef::Offset(-1);
            k += 3;
            cue = true;
        }
        let mut latest = false;
        if self.w(k) == "this" && self.w(k + 1) == "quarter" {
            // "this quarter's loss": the quarter being reported.
            latest = true;
            k += 1;
        }
        while matches!(
            self.w(k),
            "latest" | "comparable" | "same" | "recent" | "fiscal" | "year-ago" | "corresponding"
        ) {
            latest |= self.w(k) != "fiscal";
            k += 1;
        }
        let ordinal = lexicon::ordinal(self.w(k)).filter(|n| (1..=4).contains(n));
        if ordinal.is_some() {
            k += 1;
            if self.w(k) == "-" {
                k += 1;
            }
        }
        let noun = self.w(k);
        if !(noun == "quarter" || noun == "period" && (latest || year != YearRef::Implied)) {
            // "the year-earlier nine months": a duration.
            if year == YearRef::Offset(-1)
                && ordinal.is_none()
                && let Some(c) = self.amount_phrase(k).filter(|c| c.ttype == DURATION)
            {
                return Some(c);
            }
            // Bare "year-ago"/"year-earlier": the comparison period a year back.
            if year == YearRef::Offset(-1) && ordinal.is_none() && k == j + 3 {
                return Core::new(k, Meaning::YearAgo, DATE, true);
            }
            return None;
        }
        if noun == "period" && ordinal.is_some() || self.w(k + 1) == "-" {
            return None; // "the quarter-to-quarter comparison"
        }
        k += 1;
        // "the quarter a year ago", "the corresponding period last year"
        if self.seq(k, &["a", "year", "ago"]) || self.seq(k, &["a", "year", "earlier"]) {
            year = YearRef::Offset(-1);
            k += 3;
        } else if self.seq(k, &["last", "year"]) {
            year = YearRef::Offset(-1);
            k += 2;
        } else if self.w(k) == "of"
            && let Some(y) = self.year_at(k + 1)
        {
            year = YearRef::Explicit(y);
            k += 2;
        }
        let meaning = match ordinal {
            Some(n) => Meaning::Quarter { n, year },
            None if cue || latest => Meaning::LatestQuarter { year },
            None => return None,
        };
        if ordinal.is_none() && !(cue || latest) {
            return None;
        }
        Core::new(k, meaning, DATE, true)
    }

    // ------------------------------------------------------------ sets

    /// "daily", "every week", "each month", "each Thursday", "every other year".
    fn set_phrase(&self, j: usize) -> Option<Core> {
        let w = self.w(j);
        let adverb = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = adverb {
            return Core::new(j + 1, fixed(v), SET, false);
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut k = j + 1;
        let mut amt = Some(1.0);
        if self.w(k) == "other" {
            amt = Some(2.0);
            k += 1;
        } else if let Some((k2, a)) = self.amount(k)
            && !matches!(self.w(k), "a" | "an")
        {
            amt = a;
            k = k2;
        }
        let next = self.w(k);
        if let Some((unit, _)) = lexicon::unit(next) {
            return Core::new(k + 1, fixed(&unit.duration(amt)), SET, false);
        }
        if let Some((d, _)) = lexicon::weekday(next) {
            return Core::new(k + 1, fixed(&format!("XXXX-WXX-{d}")), SET, false);
        }
        if let Some(m) = lexicon::month(next)
            && self.cap(k)
        {
            return Core::new(k + 1, fixed(&format!("XXXX-{m:02}")), SET, false);
        }
        if let Some(p) = lexicon::day_part(next) {
            return Core::new(
                k + 1,
                fixed(&format!("XXXX-XX-XXT{}", p.code())),
                SET,
                false,
            );
        }
        None
    }
}

fn has_day(m: &Meaning) -> bool {
    matches!(m, Meaning::Calendar { day: Some(_), .. })
}

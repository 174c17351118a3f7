//! Expressions that start with a number: amounts and durations ("three
//! days", "16-hour", "two weeks ago"), years and decades ("1995", "the
//! 1980s", "nineteen ninety-six") and clock times ("10:35 a.m.", "noon").

use tidings_model::TokenKind;

use super::super::lexicon;
use super::super::meaning::{Meaning, Shift, Unit, YearRef};
use super::{Core, DATE, DURATION, SET, Sentence, TIME, has_day};

impl Sentence<'_, '_> {
    /// An amount: "three", "10", "5 1/2", "a", "a couple of", "several".
    /// `None` inside means unknown (`X`).
    pub(super) fn amount(&self, j: usize) -> Option<(usize, Option<f64>)> {
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
    pub(super) fn amount_phrase(&self, j: usize) -> Option<Core> {
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
            // A hyphenated adjective leaves its article: "the [two-week] visit".
            return Core::new(end, Meaning::Fixed(unit.duration(amt)), DURATION, false);
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        // "a week" needs a singular unit, "three weeks" a plural one (or "1 week").
        if amt == Some(1.0) && plural && self.w(j) != "1" {
            return None;
        }
        if !plural && amt.is_some_and(|a| a >= 1000.0) {
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
    pub(super) fn is_quantity(&self, i: usize) -> bool {
        let w = self.w(i);
        self.word(i).is_some_and(|w| w.kind == TokenKind::Number)
            || matches!(
                w,
                "million" | "billion" | "thousand" | "hundred" | "times" | "twice" | "%"
            )
            || w.ends_with("s") && i > 0 && self.is_quantity_noun_after_number(i)
    }

    /// "fifty thousand CDs a year": a plural noun after a number.
    pub(super) fn is_quantity_noun_after_number(&self, i: usize) -> bool {
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
    pub(super) fn year_or_number(&self, j: usize) -> Option<Core> {
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
        // "7 August 2025", "28 March", "the 27th of March".
        let day = word.integer().or_else(|| {
            raw.starts_with(|c: char| c.is_ascii_digit())
                .then(|| lexicon::ordinal(word.lower))
                .flatten()
        });
        if let Some(d) = day.filter(|d| (1..=31).contains(d)) {
            let k = if self.w(j + 1) == "of" { j + 2 } else { j + 1 };
            if let Some(m) = lexicon::month(self.w(k))
                && self.cap(k)
            {
                let (end, year) = match self.year_at(k + 1) {
                    Some(y) => (k + 2, YearRef::Explicit(y)),
                    None => (k + 1, YearRef::Implied),
                };
                let meaning = Meaning::Calendar {
                    year,
                    month: Some(m),
                    day: Some(d),
                    shift: Shift::Bare,
                };
                return Core::new(end, meaning, DATE, false);
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
    pub(super) fn year_at(&self, i: usize) -> Option<i32> {
        let w = self.word(i)?;
        if w.raw.len() != 4 {
            return None;
        }
        let n = w.integer()?;
        (1600..2200).contains(&n).then_some(n as i32)
    }

    /// "10:35 a.m.", "3 p.m.", "noon", "midnight Friday", "9 a.m. EST Tuesday".
    pub(super) fn clock(&self, j: usize) -> Option<Core> {
        let (mut k, mut hour, minute) = match self.w(j) {
            "noon" if self.w(j.wrapping_sub(1)) == "high" => return None,
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
    pub(super) fn meridiem(&self, k: usize) -> Option<(usize, bool)> {
        match self.w(k) {
            "a.m." | "a.m" | "am" => Some((k + 1, false)),
            "p.m." | "p.m" | "pm" => Some((k + 1, true)),
            "a" | "p" if self.w(k + 1) == "." && self.w(k + 2) == "m" => {
                Some((k + 3, self.w(k) == "p"))
            }
            _ => None,
        }
    }

    /// A year said in words: "nineteen ninety-six" (1996).
    pub(super) fn spoken_year(&self, j: usize) -> Option<(usize, i32)> {
        let hundreds = lexicon::number_word(self.w(j)).filter(|n| (11..=20).contains(n))?;
        let (end, rest) = self.amount(j + 1)?;
        let rest = rest.filter(|r| (10.0..100.0).contains(r))?;
        Some((end, (hundreds * 100) as i32 + rest as i32))
    }
}

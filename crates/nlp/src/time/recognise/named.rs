//! Named dates: months ("Aug. 7", "March 5, 1946", "in May"), weekdays
//! ("Friday", "Thursday evening"), holidays ("Christmas", "Thanksgiving"),
//! seasons, spelled decades and ordinal centuries.

use super::super::lexicon;
use super::super::meaning::{Holiday, Meaning, Shift, YearRef};
use super::{Core, DATE, SET, Sentence, fixed, has_day};

/// Words before "May" or "March" that make it a month ("in May", "since
/// March"), not a name or a verb ("Theresa May", "to march").
const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "early", "late", "mid", "-", "of", "from", "through",
    "before", "after", "during", "last", "next", "this", "each", "every", "the",
];

/// Words that make a weekday part of a name ("Good Friday", "Black Monday").
const WEEKDAY_NAMERS: &[&str] = &[
    "good", "black", "super", "cyber", "holy", "ash", "fat", "bloody",
];

impl Sentence<'_, '_> {
    /// "Aug. 7", "March 5, 1946", "July 1997", "April", "June last year".
    pub(super) fn month_phrase(&self, j: usize) -> Option<Core> {
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
        if let Some(d) = day {
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
        // A bare abbreviation ("Jan", "Mar") is a name more often than a month.
        if self.w(j).len() <= 4
            && !self.w(j).ends_with('.')
            && !matches!(self.w(j), "may" | "june" | "july")
        {
            return None;
        }
        let ambiguous = matches!(self.w(j), "may" | "march");
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
    pub(super) fn weekday_phrase(&self, j: usize) -> Option<Core> {
        let (d, plural) = lexicon::weekday(self.w(j))?;
        if !self.cap(j) || j > 0 && WEEKDAY_NAMERS.contains(&self.w(j - 1)) {
            return None;
        }
        let k = j + 1;
        // "Sun." and "Sat." stand for days only before a date ("Sat., Oct. 3").
        if self.w(j).ends_with('.') {
            let after = if self.w(k) == "," { k + 1 } else { k };
            return self.month_phrase(after).filter(|c| has_day(&c.meaning));
        }
        if plural {
            let (end, part) = match lexicon::day_part(self.w(k)) {
                Some(p) => (k + 1, format!("T{}", p.code())),
                None => (k, String::new()),
            };
            return Core::new(end, fixed(&format!("XXXX-WXX-{d}{part}")), SET, false);
        }
        if let Some(p) = lexicon::day_part(self.w(k)) {
            // "Saturday Night Live", "Sunday Morning Futures": a title.
            if self.cap(k) && !self.ws[k].raw.chars().all(|c| c.is_uppercase()) {
                return None;
            }
            let day = Box::new(Meaning::Weekday {
                day: d,
                shift: Shift::Bare,
            });
            return Core::new(k + 1, Meaning::PartOfDay { day, part: p }, DATE, false);
        }
        // "Monday, Oct. 26": the explicit date decides.
        let after = if self.w(k) == "," { k + 1 } else { k };
        if let Some(c) = self
            .month_phrase(after)
            .or_else(|| self.year_or_number(after))
            .filter(|c| has_day(&c.meaning))
        {
            return Some(c); // "Thursday 27 March" too
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

    /// A holiday whose date moves: "Thanksgiving (Day)", "Election Day",
    /// "Labor Day", "Memorial Day", "Mother's Day", "Father's Day".
    pub(super) fn floating_holiday(&self, j: usize) -> Option<(usize, Holiday)> {
        if !self.cap(j) {
            return None;
        }
        let (_, rest, h) = lexicon::FLOATING_HOLIDAYS
            .iter()
            .find(|(first, _, _)| *first == self.w(j))?;
        if !self.seq(j + 1, rest) {
            return None;
        }
        let mut end = j + 1 + rest.len();
        if rest.is_empty() && self.w(end) == "day" {
            end += 1; // "Thanksgiving Day"
        }
        Some((end, *h))
    }

    /// Fixed-date holidays: "Christmas", "Christmas Eve", "New Year's Day",
    /// "Halloween", "Valentine's Day", "Independence Day".
    pub(super) fn holiday(&self, j: usize) -> Option<Core> {
        let (month, day, end) = match self.w(j) {
            "christmas" if self.w(j + 1) == "eve" => (12, 24, j + 2),
            "christmas" if self.w(j + 1) == "day" => (12, 25, j + 2),
            "christmas" => (12, 25, j + 1),
            "halloween" => (10, 31, j + 1),
            "new" if self.seq(j + 1, &["year", "'s", "day"]) => (1, 1, j + 4),
            "new" if self.seq(j + 1, &["year", "'s", "eve"]) => (12, 31, j + 4),
            "valentine" if self.seq(j + 1, &["'s", "day"]) => (2, 14, j + 3),
            "independence" if self.w(j + 1) == "day" && self.cap(j + 1) => (7, 4, j + 2),
            _ => return None,
        };
        let (end, year) = match self.year_at(end) {
            Some(y) => (end + 1, YearRef::Explicit(y)),
            None => (end, YearRef::Implied),
        };
        let meaning = Meaning::Calendar {
            year,
            month: Some(month),
            day: Some(day),
            shift: Shift::Bare,
        };
        Core::new(end, meaning, DATE, false)
    }

    /// "the summer", "summer 1995", "the winter of 1994", "the nineties",
    /// "the 20th century".
    pub(super) fn season_or_decade_word(&self, j: usize, the: bool) -> Option<Core> {
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
}

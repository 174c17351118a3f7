//! Expressions relative to the present: deictic words ("today", "now",
//! "recently", "the future"), bare units ("the week", "for years") and
//! determined ones ("last week", "next Tuesday", "the past two months",
//! "this morning").

use super::super::lexicon;
use super::super::meaning::{DayPart, Meaning, Shift, Unit, YearRef};
use super::{Core, DATE, DURATION, Sentence, TIME, fixed};

impl Sentence<'_, '_> {
    /// "today", "yesterday afternoon", "now", "recently", "the future", "the past",
    /// "currently", "soon", "the weekend", "the week", "the quarter".
    pub(super) fn deictic(&self, j: usize, the: bool) -> Option<Core> {
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
            // "USA Today", "VOA Today": a title.
            "today" if j > 0 && self.cap(j) && self.cap(j - 1) => None,
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
                    || self.w(j + 1) == "-"
                    || self.w(j.wrapping_sub(1)) == "as") =>
            {
                reference("FUTURE_REF", j + 1, false)
            }
            "recent" => {
                if let Some((unit, true)) = lexicon::unit(self.w(j + 1)) {
                    let and_more = self.w(j + 2) == "and"
                        && lexicon::unit(self.w(j + 3)).is_some_and(|(_, plural)| plural);
                    if unit == Unit::Year || and_more {
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
            "near" | "short" if the && self.w(j + 1) == "term" => {
                reference("FUTURE_REF", j + 2, true)
            }
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
            "christmas" | "halloween" | "new" | "valentine" | "independence" if self.cap(j) => {
                self.holiday(j)
            }
            "thanksgiving" | "election" | "labor" | "memorial" | "mother" | "father" => {
                let (end, holiday) = self.floating_holiday(j)?;
                let meaning = Meaning::Holiday {
                    holiday,
                    shift: Shift::Bare,
                };
                Core::new(end, meaning, DATE, false)
            }
            _ => self.season_or_decade_word(j, the),
        }
    }

    /// "the week", "the year ended Sept. 30", "the years"; "year-end" and "year end".
    pub(super) fn bare_unit(&self, j: usize, the: bool) -> Option<Core> {
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
        if self.cap(j) {
            return None; // "Liar of the Year"
        }
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
        if unit == Unit::Day {
            if self.seq(j + 1, &["before", "yesterday"]) {
                return Core::new(j + 3, Meaning::DayOffset(-2), DATE, true);
            }
            if self.seq(j + 1, &["after", "tomorrow"]) {
                return Core::new(j + 3, Meaning::DayOffset(2), DATE, true);
            }
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

    pub(super) fn year_end(&self, end: usize) -> Option<Core> {
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

    /// "last week", "this year", "next Tuesday", "last fall", "the past two
    /// months", "coming weeks", "this morning", "last night".
    pub(super) fn determined(&self, j: usize, the: bool) -> Option<Core> {
        // "this past spring", "this coming Sunday": the second word decides.
        let j = if self.w(j) == "this" && matches!(self.w(j + 1), "past" | "coming") {
            j + 1
        } else {
            j
        };
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
            "first" | "final" | "latest" if the => -1,
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
        if matches!(det, "first" | "final" | "latest") {
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
        // "last Oct. 23": the explicit day, in the direction of the determiner.
        if let Some(Core {
            end,
            meaning:
                Meaning::Calendar {
                    year: YearRef::Implied,
                    month,
                    day: day @ Some(_),
                    ..
                },
            ..
        }) = self.month_phrase(k)
        {
            let meaning = Meaning::Calendar {
                year: YearRef::Implied,
                month,
                day,
                shift,
            };
            return Core::new(end, meaning, DATE, true);
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
        if let Some((end, holiday)) = self.floating_holiday(k) {
            return Core::new(end, Meaning::Holiday { holiday, shift }, DATE, true);
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
}

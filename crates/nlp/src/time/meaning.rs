//! What a recognised time expression means, before it is anchored to a
//! publication date: the recogniser builds a [`Meaning`], the normaliser
//! ([`super::anchor`]) turns it into a TIMEX3 value.

/// Calendar units, smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// A TIMEX3 duration of `amount` units (`None`: unknown, `X`).
    pub fn duration(self, amount: Option<f64>) -> String {
        let (time, scale, letter) = match self {
            Unit::Second => (true, 1.0, 'S'),
            Unit::Minute => (true, 1.0, 'M'),
            Unit::Hour => (true, 1.0, 'H'),
            Unit::Day => (false, 1.0, 'D'),
            Unit::Week => (false, 1.0, 'W'),
            Unit::Month => (false, 1.0, 'M'),
            Unit::Quarter => (false, 1.0, 'Q'),
            Unit::Year => (false, 1.0, 'Y'),
            Unit::Decade => (false, 10.0, 'Y'),
            Unit::Century => (false, 100.0, 'Y'),
        };
        let t = if time { "T" } else { "" };
        match amount {
            None => match self {
                Unit::Quarter => "PXQ".to_string(),
                Unit::Decade => "PXE".to_string(),
                Unit::Century => "PXC".to_string(),
                _ => format!("P{t}X{letter}"),
            },
            Some(a) => {
                let n = a * scale;
                if n.fract() == 0.0 {
                    format!("P{t}{}{letter}", n as i64)
                } else {
                    // Halves: "5 1/2 hours" is PT5H30M, "1 1/2 years" P1Y6M.
                    let whole = n.trunc() as i64;
                    let (sub, sub_letter, sub_t) = match self {
                        Unit::Hour => (60.0, 'M', true),
                        Unit::Minute => (60.0, 'S', true),
                        Unit::Day => (24.0, 'H', true),
                        Unit::Year | Unit::Decade | Unit::Century => (12.0, 'M', false),
                        Unit::Month => (30.0, 'D', false),
                        Unit::Quarter => (3.0, 'M', false),
                        Unit::Week => (7.0, 'D', false),
                        Unit::Second => return format!("PT{n}S"),
                    };
                    let rest = (n.fract() * sub).round() as i64;
                    let head = if whole > 0 {
                        format!("{whole}{letter}")
                    } else {
                        String::new()
                    };
                    let mid = if sub_t && !time { "T" } else { "" };
                    format!("P{t}{head}{mid}{rest}{sub_letter}")
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a month falls in (meteorological seasons).
    pub fn of_month(m: u32) -> Season {
        match m {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }

    /// Order within the year (winter counted at the year's end).
    pub fn index(self) -> u32 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Fall => 2,
            Season::Winter => 3,
        }
    }
}

/// Which occurrence of a named day, month or season is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// No determiner: decided by the tense of the clause.
    Bare,
    /// "last Friday": the latest one before the anchor.
    Last,
    /// "this Friday", "this September": the one of the current period.
    This,
    /// "next Friday": the first one after the anchor.
    Next,
}

/// A year given outright or relative to the anchor's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Explicit(i32),
    Offset(i32),
    /// No year given: the one that tense and anchor suggest.
    Implied,
}

/// The meaning of one time expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A calendar date, possibly partial: "Aug. 7", "March 5, 1946", "July 1997", "1995".
    Calendar {
        year: YearRef,
        month: Option<u32>,
        day: Option<u32>,
        shift: Shift,
    },
    /// A named weekday ("Friday", "last Tuesday").
    Weekday { day: u32, shift: Shift },
    /// Days from the anchor: today 0, yesterday -1, tomorrow 1.
    DayOffset(i64),
    /// The unit containing the anchor, shifted: "last week" -1, "this year" 0,
    /// "three years ago" -3.
    Relative { unit: Unit, offset: i64 },
    /// "a year ago" in a story about quarterly results: the same quarter a year before.
    YearAgo,
    /// A numbered quarter ("the third quarter", "the 1988 fourth quarter").
    Quarter { n: u32, year: YearRef },
    /// The reporting quarter ("the quarter", "the latest quarter"), in another
    /// year for "the year-ago quarter" or "the 1988 quarter".
    LatestQuarter { year: YearRef },
    /// A season ("last fall", "the summer of 1995").
    Season {
        season: Season,
        year: YearRef,
        shift: Shift,
    },
    /// The weekend near the anchor.
    Weekend { shift: Shift },
    /// A decade given by its first three digits ("the 1980s": 198).
    Decade(i32),
    /// A century given by its first two digits ("the 20th century": 19).
    Century(i32),
    /// `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
    Reference(&'static str),
    /// A value that needs no anchor (durations, sets): `P3D`, `XXXX-WXX-4`.
    Fixed(String),
    /// A part of a day: "Thursday evening", "this morning".
    PartOfDay { day: Box<Meaning>, part: DayPart },
    /// A clock time, on a day when one is given: "10:35 a.m.", "9 a.m. Tuesday".
    Clock {
        day: Option<Box<Meaning>>,
        hour: u32,
        minute: u32,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(Unit::Day.duration(Some(3.0)), "P3D");
        assert_eq!(Unit::Hour.duration(Some(16.0)), "PT16H");
        assert_eq!(Unit::Hour.duration(Some(5.5)), "PT5H30M");
        assert_eq!(Unit::Minute.duration(Some(1.5)), "PT1M30S");
        assert_eq!(Unit::Decade.duration(Some(1.0)), "P10Y");
        assert_eq!(Unit::Quarter.duration(Some(2.0)), "P2Q");
        assert_eq!(Unit::Week.duration(None), "PXW");
        assert_eq!(Unit::Hour.duration(None), "PTXH");
    }
}

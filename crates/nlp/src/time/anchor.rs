//! Turning a [`Meaning`] into a TIMEX3 value against the publication date.
//!
//! Conventions of news prose:
//! - a bare weekday is the latest such day up to and including publication,
//!   unless its clause is in the future tense, then the next one from
//!   publication on; "last Friday" is strictly before, "next Friday" strictly
//!   after;
//! - a month or day-month without a year is the latest one up to publication
//!   in a past clause, the next one from publication in a future clause, and
//!   otherwise the nearest;
//! - weeks are ISO weeks (`2025-W13`), weekends `2025-W12-WE`, seasons
//!   `2024-SP` (meteorological: spring is March to May);
//! - "the quarter" of a results story is the latest completed quarter, or
//!   the quarter the story last named; "a year ago" in such a story is that
//!   quarter a year back, else the previous year.
//!
//! Without a publication date the unresolvable parts are `X`: "Friday" is
//! `XXXX-WXX-5`, "yesterday" `XXXX-XX-XX`, "Aug. 7" `XXXX-08-07`.

use chrono::{Datelike, Duration, Months, NaiveDate};

use super::meaning::{Meaning, Season, Shift, Unit, YearRef};
use super::tense::Tense;

/// What a value is resolved against.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The publication date.
    pub anchor: Option<NaiveDate>,
    /// The tense of the expression's clause.
    pub tense: Tense,
    /// The quarter (year, number) the story is reporting on, if it named one lately.
    pub quarter: Option<(i32, u32)>,
}

/// The TIMEX3 value of `m` in `ctx`.
pub fn value(m: &Meaning, ctx: &Context) -> String {
    let a = ctx.anchor;
    match m {
        Meaning::Calendar {
            year,
            month,
            day,
            shift,
        } => calendar(*year, *month, *day, *shift, ctx),
        Meaning::Weekday { day, shift } => match a {
            Some(a) => ymd(weekday(a, *day, *shift, ctx.tense)),
            None => format!("XXXX-WXX-{day}"),
        },
        Meaning::DayOffset(k) => match a {
            Some(a) => ymd(a + Duration::days(*k)),
            None => "XXXX-XX-XX".to_string(),
        },
        Meaning::Relative { unit, offset } => relative(a, *unit, *offset),
        Meaning::YearAgo => match (a, ctx.quarter) {
            (Some(_), Some((y, q))) => format!("{}-Q{q}", y - 1),
            (Some(a), None) => format!("{}", a.year() - 1),
            (None, _) => "XXXX".to_string(),
        },
        Meaning::Quarter { n, year } => match (year, a) {
            // A quarter that has not begun by publication is last year's,
            // unless the clause looks ahead.
            (YearRef::Implied, Some(a))
                if (n - 1) * 3 + 1 > a.month() && ctx.tense != Tense::Future =>
            {
                format!("{}-Q{n}", a.year() - 1)
            }
            _ => match resolve_year(*year, a) {
                Some(y) => format!("{y}-Q{n}"),
                None => format!("XXXX-Q{n}"),
            },
        },
        Meaning::LatestQuarter { year } => {
            let (y, q) = match (ctx.quarter, a) {
                (Some(hint), _) => hint,
                (None, Some(a)) => previous_quarter(a),
                (None, None) => return "XXXX-QX".to_string(),
            };
            let y = match year {
                YearRef::Explicit(e) => *e,
                YearRef::Offset(o) => y + o,
                YearRef::Implied => y,
            };
            format!("{y}-Q{q}")
        }
        Meaning::Season {
            season,
            year,
            shift,
        } => match (year, a) {
            (YearRef::Explicit(y), _) => format!("{y}-{}", season.code()),
            (_, Some(a)) => format!(
                "{}-{}",
                season_year(a, *season, *shift, ctx.tense),
                season.code()
            ),
            (_, None) => format!("XXXX-{}", season.code()),
        },
        Meaning::Weekend { shift } => match a {
            Some(a) => {
                let wd = a.weekday().number_from_monday();
                let in_weekend = wd >= 6;
                let weeks = match shift {
                    Shift::This => 0,
                    Shift::Next => 1,
                    Shift::Last => -1,
                    Shift::Bare if ctx.tense == Tense::Future || in_weekend => 0,
                    Shift::Bare => -1,
                };
                format!("{}-WE", iso_week(a + Duration::weeks(weeks)))
            }
            None => "XXXX-WXX-WE".to_string(),
        },
        Meaning::Decade(d) => format!("{d}"),
        Meaning::Century(c) => format!("{c}"),
        Meaning::Reference(r) => (*r).to_string(),
        Meaning::Fixed(v) => v.clone(),
        Meaning::PartOfDay { day, part } => format!("{}T{}", value(day, ctx), part.code()),
        Meaning::Clock { day, hour, minute } => {
            let d = match day {
                Some(d) => value(d, ctx),
                None => a.map_or_else(|| "XXXX-XX-XX".to_string(), ymd),
            };
            format!("{d}T{hour:02}:{minute:02}")
        }
    }
}

fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn resolve_year(y: YearRef, a: Option<NaiveDate>) -> Option<i32> {
    match y {
        YearRef::Explicit(y) => Some(y),
        YearRef::Offset(o) => a.map(|a| a.year() + o),
        YearRef::Implied => a.map(|a| a.year()),
    }
}

fn previous_quarter(a: NaiveDate) -> (i32, u32) {
    let q = (a.month() - 1) / 3 + 1;
    if q == 1 {
        (a.year() - 1, 4)
    } else {
        (a.year(), q - 1)
    }
}

/// The weekday `day` (Monday = 1) meant relative to `a`.
fn weekday(a: NaiveDate, day: u32, shift: Shift, tense: Tense) -> NaiveDate {
    let cur = a.weekday().number_from_monday() as i64;
    let back = (cur - day as i64).rem_euclid(7); // days back to the latest such day
    let ahead = (day as i64 - cur).rem_euclid(7);
    let offset = match shift {
        Shift::Last => -(if back == 0 { 7 } else { back }),
        Shift::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Shift::This => day as i64 - cur,
        Shift::Bare if tense == Tense::Future => ahead,
        Shift::Bare => -back,
    };
    a + Duration::days(offset)
}

fn relative(a: Option<NaiveDate>, unit: Unit, offset: i64) -> String {
    let Some(a) = a else {
        return match unit {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Century => "XX",
            _ => "XXXX",
        }
        .to_string();
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => ymd(a + Duration::days(offset)),
        Unit::Week => iso_week(a + Duration::weeks(offset)),
        Unit::Month => {
            let m = shift_months(a, offset);
            format!("{:04}-{:02}", m.year(), m.month())
        }
        Unit::Quarter => {
            let m = shift_months(a, 3 * offset);
            format!("{}-Q{}", m.year(), (m.month() - 1) / 3 + 1)
        }
        Unit::Year => format!("{}", a.year() as i64 + offset),
        Unit::Decade => format!("{}", (a.year() as i64 + 10 * offset) / 10),
        Unit::Century => format!("{}", (a.year() as i64 + 100 * offset) / 100),
    }
}

fn shift_months(a: NaiveDate, k: i64) -> NaiveDate {
    let first = a.with_day(1).unwrap_or(a);
    if k >= 0 {
        first.checked_add_months(Months::new(k as u32))
    } else {
        first.checked_sub_months(Months::new((-k) as u32))
    }
    .unwrap_or(first)
}

fn calendar(
    year: YearRef,
    month: Option<u32>,
    day: Option<u32>,
    shift: Shift,
    ctx: &Context,
) -> String {
    let fmt = |y: Option<i32>| -> String {
        let ys = y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
        match (month, day) {
            (Some(m), Some(d)) => format!("{ys}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{ys}-{m:02}"),
            _ => ys,
        }
    };
    let y = match year {
        YearRef::Explicit(y) => Some(y),
        YearRef::Offset(o) => ctx.anchor.map(|a| a.year() + o),
        YearRef::Implied => match (ctx.anchor, month) {
            (Some(a), Some(m)) => Some(implied_year(a, m, day, shift, ctx.tense)),
            (Some(a), None) => Some(a.year()),
            (None, _) => None,
        },
    };
    fmt(y)
}

/// The year of month `m` (and day `d`) nearest the anchor in the direction the
/// shift or tense says.
fn implied_year(a: NaiveDate, m: u32, d: Option<u32>, shift: Shift, tense: Tense) -> i32 {
    let y = a.year();
    // Compare (month, day) with the anchor; a month alone compares by month.
    let key = |m: u32, d: Option<u32>| m * 100 + d.unwrap_or(0);
    let here = key(a.month(), d.map(|_| a.day()));
    let there = key(m, d);
    let _ = tense;
    match shift {
        // "last February" in March is a year back: the month just gone would be
        // "last month".
        Shift::Last if d.is_none() => {
            if m + 1 < a.month() {
                y
            } else {
                y - 1
            }
        }
        Shift::Last => {
            if there < here {
                y
            } else {
                y - 1
            }
        }
        Shift::Next => {
            if there > here {
                y
            } else {
                y + 1
            }
        }
        Shift::This => y,
        Shift::Bare => {
            let Some(d) = d else {
                return match tense {
                    // News tells of the past: without a future clause, a
                    // month well ahead of publication is last year's. A month
                    // just ahead is most often a tense slip ("was planned for
                    // early March").
                    Tense::Future if m < a.month() => y + 1,
                    Tense::Future => y,
                    _ if m > a.month() + 2 => y - 1,
                    _ => y,
                };
            };
            // A day: the nearest such date, unless tense clearly points the
            // other way by more than two months.
            let days = |yy: i32| {
                NaiveDate::from_ymd_opt(yy, m, d.min(28).max(1))
                    .map_or(i64::MAX, |date| (date - a).num_days())
            };
            let candidates = [y - 1, y, y + 1];
            let allowed = |off: i64| match tense {
                Tense::Past => off <= 60,
                Tense::Future => off >= -60,
                _ => true,
            };
            candidates
                .into_iter()
                .filter(|yy| allowed(days(*yy)))
                .min_by_key(|yy| days(*yy).abs())
                .unwrap_or(y)
        }
    }
}

/// The year whose `season` is meant. Winter belongs to the year it starts in.
fn season_year(a: NaiveDate, season: Season, shift: Shift, tense: Tense) -> i32 {
    let (mut y, cur) = (a.year(), Season::of_month(a.month()));
    if cur == Season::Winter && a.month() <= 2 {
        y -= 1;
    }
    let (s, c) = (season.index(), cur.index());
    match shift {
        Shift::This => y,
        Shift::Last => {
            if s < c {
                y
            } else {
                y - 1
            }
        }
        Shift::Next => {
            if s > c {
                y
            } else {
                y + 1
            }
        }
        Shift::Bare => match tense {
            Tense::Future => {
                if s >= c {
                    y
                } else {
                    y + 1
                }
            }
            Tense::Past => {
                if s <= c {
                    y
                } else {
                    y - 1
                }
            }
            _ => y,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(tense: Tense) -> Context {
        Context {
            anchor: NaiveDate::from_ymd_opt(2025, 3, 28), // a Friday
            tense,
            quarter: None,
        }
    }

    fn wd(day: u32, shift: Shift, tense: Tense) -> String {
        value(&Meaning::Weekday { day, shift }, &ctx(tense))
    }

    #[test]
    fn weekdays_follow_tense_and_determiner() {
        assert_eq!(wd(4, Shift::Bare, Tense::Past), "2025-03-27");
        assert_eq!(wd(5, Shift::Bare, Tense::Past), "2025-03-28");
        assert_eq!(wd(2, Shift::Bare, Tense::Future), "2025-04-01");
        assert_eq!(wd(2, Shift::Next, Tense::Unknown), "2025-04-01");
        assert_eq!(wd(5, Shift::Last, Tense::Unknown), "2025-03-21");
    }

    #[test]
    fn relative_units() {
        let c = ctx(Tense::Unknown);
        let rel = |unit, offset| value(&Meaning::Relative { unit, offset }, &c);
        assert_eq!(rel(Unit::Month, -1), "2025-02");
        assert_eq!(rel(Unit::Week, 0), "2025-W13");
        assert_eq!(rel(Unit::Week, -2), "2025-W11");
        assert_eq!(rel(Unit::Year, -3), "2022");
        assert_eq!(rel(Unit::Quarter, -1), "2024-Q4");
    }

    #[test]
    fn seasons_and_weekends() {
        let last_spring = Meaning::Season {
            season: Season::Spring,
            year: YearRef::Implied,
            shift: Shift::Last,
        };
        assert_eq!(value(&last_spring, &ctx(Tense::Past)), "2024-SP");
        let weekend = Meaning::Weekend { shift: Shift::Bare };
        assert_eq!(value(&weekend, &ctx(Tense::Past)), "2025-W12-WE");
        assert_eq!(value(&weekend, &ctx(Tense::Future)), "2025-W13-WE");
    }

    #[test]
    fn months_without_year() {
        let april = |tense| {
            let m = Meaning::Calendar {
                year: YearRef::Implied,
                month: Some(4),
                day: None,
                shift: Shift::Bare,
            };
            value(&m, &ctx(tense))
        };
        assert_eq!(april(Tense::Past), "2024-04");
        assert_eq!(april(Tense::Future), "2025-04");
    }

    #[test]
    fn without_anchor_parts_are_x() {
        let c = Context {
            anchor: None,
            tense: Tense::Past,
            quarter: None,
        };
        assert_eq!(value(&Meaning::DayOffset(-1), &c), "XXXX-XX-XX");
        let thu = Meaning::Weekday {
            day: 4,
            shift: Shift::Bare,
        };
        assert_eq!(value(&thu, &c), "XXXX-WXX-4");
        let aug7 = Meaning::Calendar {
            year: YearRef::Implied,
            month: Some(8),
            day: Some(7),
            shift: Shift::Bare,
        };
        assert_eq!(value(&aug7, &c), "XXXX-08-07");
    }
}

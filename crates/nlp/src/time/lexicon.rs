//! The words of time: months, weekdays, units, number words, seasons and
//! parts of the day. Lookups take a lowercased word (abbreviations keep their
//! full stop, as the tokenizer leaves them) and never allocate.

use super::meaning::{DayPart, Season, Unit};

/// Month number of a month name or its abbreviation ("Sept.", "aug").
/// "may" and "march" are ambiguous; the recogniser checks capitalisation.
pub fn month(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// ISO weekday number (Monday = 1) of a weekday name, and whether it was plural.
pub fn weekday(w: &str) -> Option<(u32, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("day") => (s, true),
        _ => (w.strip_suffix('.').unwrap_or(w), false),
    };
    let n = match stem {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    };
    // Three-letter abbreviations only with their full stop ("Wed." not "wed").
    if stem.len() <= 5 && !w.ends_with('.') && !stem.ends_with("day") {
        return None;
    }
    Some((n, plural))
}

/// A calendar unit and whether the word was plural ("weeks").
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A cardinal number word ("three", "twenty") up to ninety-nine.
pub fn number_word(w: &str) -> Option<u32> {
    if let Some((tens, ones)) = w.split_once('-') {
        let t = number_word(tens)?;
        let o = number_word(ones)?;
        return (t >= 20 && t % 10 == 0 && o < 10).then_some(t + o);
    }
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// An ordinal word or numeral ("third", "3rd").
pub fn ordinal(w: &str) -> Option<u32> {
    let n = match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        _ => {
            let digits = w
                .strip_suffix("st")
                .or_else(|| w.strip_suffix("nd"))
                .or_else(|| w.strip_suffix("rd"))
                .or_else(|| w.strip_suffix("th"))?;
            return digits.parse().ok().filter(|n| (1..=31).contains(n));
        }
    };
    Some(n)
}

/// Words that say "a few" of a unit: the amount is unknown (`X`).
pub fn vague_amount(w: &str) -> bool {
    matches!(w, "several" | "few" | "many" | "some" | "couple" | "numerous")
}

pub fn season(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

pub fn day_part(w: &str) -> Option<DayPart> {
    Some(match w {
        "morning" | "mornings" => DayPart::Morning,
        "afternoon" | "afternoons" => DayPart::Afternoon,
        "evening" | "evenings" => DayPart::Evening,
        "night" | "nights" => DayPart::Night,
        _ => return None,
    })
}

/// Fixed-date holidays: month and day.
pub fn fixed_holiday(w: &str) -> Option<(u32, u32)> {
    Some(match w {
        "christmas" => (12, 25),
        "halloween" => (10, 31),
        _ => return None,
    })
}

//! The words of time: months, weekdays, units, number words, seasons and
//! parts of the day, each listed once in a table. Lookups take a lowercased
//! word (abbreviations may keep their full stop, as the tokenizer leaves
//! them) and never allocate.
//!
//! [`signals_time`] is the layer's gate: a cheap test on each raw token
//! tells whether a sentence may hold an expression at all (most do not),
//! and [`is_weak_starter`] marks the words ("the", "last", "a") that begin
//! an expression only with a time word close behind; the grammar runs on
//! the few words that pass.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::meaning::{DayPart, Holiday, Season, Unit};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

/// Weekday abbreviations; they count only with their full stop ("Wed.").
const WEEKDAY_ABBREVIATIONS: &[(&str, u32)] = &[
    ("mon.", 1),
    ("tue.", 2),
    ("tues.", 2),
    ("wed.", 3),
    ("thu.", 4),
    ("thur.", 4),
    ("thurs.", 4),
    ("fri.", 5),
    ("sat.", 6),
    ("sun.", 7),
];

const UNITS: &[(&str, Unit, bool)] = &[
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
];

const NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("fall", Season::Fall),
    ("autumn", Season::Fall),
    ("winter", Season::Winter),
];

const DAY_PARTS: &[(&str, DayPart)] = &[
    ("morning", DayPart::Morning),
    ("afternoon", DayPart::Afternoon),
    ("evening", DayPart::Evening),
    ("night", DayPart::Night),
];

const DECADE_WORDS: &[(&str, i32)] = &[
    ("twenties", 20),
    ("thirties", 30),
    ("forties", 40),
    ("fifties", 50),
    ("sixties", 60),
    ("seventies", 70),
    ("eighties", 80),
    ("nineties", 90),
];

/// Other words an expression can begin with: determiners, modifiers,
/// quantifiers, deictic words and set adverbs.
const STARTERS: &[&str] = &[
    "a",
    "an",
    "half",
    "several",
    "few",
    "many",
    "some",
    "numerous",
    "more",
    "less",
    "fewer",
    "no",
    "at",
    "up",
    "nearly",
    "almost",
    "over",
    "under",
    "the",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "overnight",
    "now",
    "currently",
    "nowadays",
    "current",
    "recently",
    "lately",
    "soon",
    "recent",
    "future",
    "near",
    "foreseeable",
    "short",
    "these",
    "past",
    "weekend",
    "full",
    "this",
    "last",
    "next",
    "coming",
    "following",
    "upcoming",
    "previous",
    "preceding",
    "final",
    "fiscal",
    "latest",
    "comparable",
    "same",
    "corresponding",
    "year-end",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
    "every",
    "each",
    "noon",
    "midday",
    "midnight",
    "throughout",
    "thanksgiving",
    "election",
    "labor",
    "memorial",
    "mother",
    "father",
    "christmas",
    "halloween",
    "new",
    "valentine",
    "independence",
];

fn find<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// The months' and weekdays' full names: capitalised words that are not names.
pub(crate) const CALENDAR_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Is `w` (any case) the full name of a month or weekday? Abbreviations do
/// not count: "Jan" is also a given name.
pub fn is_month_or_weekday_name(w: &str) -> bool {
    CALENDAR_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w))
}

/// Month number of a month name or its abbreviation ("Sept.", "aug").
/// "may" and "march" are ambiguous; the recogniser checks capitalisation.
pub fn month(w: &str) -> Option<u32> {
    find(MONTHS, w.strip_suffix('.').unwrap_or(w))
}

/// ISO weekday number (Monday = 1) of a weekday name, and whether it was plural.
pub fn weekday(w: &str) -> Option<(u32, bool)> {
    if let Some(n) = find(WEEKDAYS, w) {
        return Some((n, false));
    }
    if let Some(n) = w.strip_suffix('s').and_then(|s| find(WEEKDAYS, s)) {
        return Some((n, true));
    }
    find(WEEKDAY_ABBREVIATIONS, w).map(|n| (n, false))
}

/// A calendar unit and whether the word was plural ("weeks").
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    UNITS
        .iter()
        .find(|(k, _, _)| *k == w)
        .map(|(_, u, plural)| (*u, *plural))
}

/// A cardinal number word ("three", "twenty") up to a hundred.
pub fn number_word(w: &str) -> Option<u32> {
    find(NUMBERS, w)
}

/// An ordinal word or numeral ("third", "3rd", "21st").
pub fn ordinal(w: &str) -> Option<u32> {
    if let Some(n) = find(ORDINALS, w) {
        return Some(n);
    }
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))?;
    digits.parse().ok().filter(|n| (1..=31).contains(n))
}

pub fn season(w: &str) -> Option<Season> {
    find(SEASONS, w)
}

/// A part of the day, singular or plural ("nights").
pub fn day_part(w: &str) -> Option<DayPart> {
    find(DAY_PARTS, w.strip_suffix('s').unwrap_or(w))
}

/// A decade said as a word ("the nineties"): its years within the century.
pub fn decade_word(w: &str) -> Option<i32> {
    find(DECADE_WORDS, w)
}

/// Starters that never make an expression alone ("the", "last", "early"):
/// a sentence without any other time word holds no expression.
const WEAK_STARTERS: &[&str] = &[
    "a",
    "an",
    "half",
    "several",
    "few",
    "many",
    "some",
    "numerous",
    "more",
    "less",
    "fewer",
    "no",
    "at",
    "up",
    "nearly",
    "almost",
    "over",
    "under",
    "the",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "near",
    "foreseeable",
    "short",
    "these",
    "full",
    "this",
    "last",
    "next",
    "coming",
    "following",
    "upcoming",
    "previous",
    "preceding",
    "final",
    "fiscal",
    "latest",
    "comparable",
    "same",
    "corresponding",
    "every",
    "each",
    "throughout",
    "election",
    "labor",
    "memorial",
    "mother",
    "father",
    "new",
    "valentine",
    "independence",
];

/// FNV-1a: a fast hash for short words.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of short words with a cheap first test on each word's shape
/// (first letter, last letter, length), which turns most words away before
/// any hashing.
#[derive(Clone)]
struct WordSet {
    shapes: Vec<bool>,
    words: HashSet<String, BuildHasherDefault<Fnv>>,
}

const MAX_LEN: usize = 13;

fn shape(w: &[u8]) -> Option<usize> {
    shape_ignoring_case(w)
}

fn shape_ignoring_case(w: &[u8]) -> Option<usize> {
    let class = |b: u8| match b.to_ascii_lowercase() {
        b @ b'a'..=b'z' => usize::from(b - b'a'),
        _ => 26,
    };
    let (first, last) = (*w.first()?, *w.last()?);
    (w.len() <= MAX_LEN).then(|| (class(first) * 27 + class(last)) * (MAX_LEN + 1) + w.len())
}

impl WordSet {
    fn new(words: impl IntoIterator<Item = String>) -> Self {
        let mut set = WordSet {
            shapes: vec![false; 27 * 27 * (MAX_LEN + 1)],
            words: HashSet::default(),
        };
        for w in words {
            set.insert(w);
        }
        set
    }

    fn insert(&mut self, w: String) {
        if let Some(i) = shape(w.as_bytes()) {
            self.shapes[i] = true;
        }
        self.words.insert(w);
    }

    /// Rebuild the shapes after removals.
    fn without(self, gone: &[&str]) -> Self {
        WordSet::new(
            self.words
                .into_iter()
                .filter(|w| !gone.contains(&w.as_str())),
        )
    }

    fn contains(&self, w: &str) -> bool {
        shape(w.as_bytes()).is_some_and(|i| self.shapes[i]) && self.words.contains(w)
    }
}

/// Every word an expression can begin with, with month and weekday variants.
static STARTING_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set = WordSet::new(STARTERS.iter().map(|w| w.to_string()));
    for (w, _) in MONTHS {
        set.insert(w.to_string());
        set.insert(format!("{w}."));
    }
    for (w, _) in WEEKDAYS {
        set.insert(w.to_string());
        set.insert(format!("{w}s"));
    }
    let words = WEEKDAY_ABBREVIATIONS
        .iter()
        .chain(NUMBERS)
        .chain(ORDINALS)
        .map(|(w, _)| *w)
        .chain(UNITS.iter().map(|(w, _, _)| *w))
        .chain(SEASONS.iter().map(|(w, _)| *w))
        .chain(DECADE_WORDS.iter().map(|(w, _)| *w));
    for w in words {
        set.insert(w.to_string());
    }
    set
});

/// Words that signal a time expression on their own (all starting words but
/// the weak ones, and parts of the day).
static SIGNAL_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    let numbers: Vec<&str> = NUMBERS.iter().chain(ORDINALS).map(|(w, _)| *w).collect();
    let mut set = STARTING_WORDS
        .clone()
        .without(WEAK_STARTERS)
        .without(&numbers);
    for w in MERIDIEMS.iter().chain(GATE_ONLY) {
        set.insert(w.to_string());
    }
    for (w, _) in DAY_PARTS {
        set.insert(w.to_string());
    }
    set
});

/// True when the token `raw` (any case) signals that its sentence may hold a
/// time expression: a number, or a time word other than a weak starter.
pub fn signals_time(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    match bytes.first() {
        Some(b) if b.is_ascii_digit() || *b == b'\'' => return number_signals_time(raw),
        Some(b) if b.is_ascii_alphabetic() => {}
        _ => return false,
    }
    // The shape test on the raw bytes turns most words away before any copy.
    let Some(i) = shape_ignoring_case(bytes) else {
        return false;
    };
    if !SIGNAL_WORDS.shapes[i] {
        return false;
    }
    let mut lower = [0u8; MAX_LEN];
    for (l, b) in lower.iter_mut().zip(bytes) {
        *l = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&lower[..bytes.len()]).is_ok_and(|w| SIGNAL_WORDS.words.contains(w))
}

/// Holidays whose date moves, by their first word (capitalised in text) and
/// the words that must follow it.
pub const FLOATING_HOLIDAYS: &[(&str, &[&str], Holiday)] = &[
    (
        "thanksgiving",
        &[],
        Holiday {
            month: 11,
            weekday: 4,
            nth: 4,
            plus_days: 0,
        },
    ),
    (
        "election",
        &["day"],
        Holiday {
            month: 11,
            weekday: 1,
            nth: 1,
            plus_days: 1,
        },
    ),
    (
        "labor",
        &["day"],
        Holiday {
            month: 9,
            weekday: 1,
            nth: 1,
            plus_days: 0,
        },
    ),
    (
        "memorial",
        &["day"],
        Holiday {
            month: 5,
            weekday: 1,
            nth: -1,
            plus_days: 0,
        },
    ),
    (
        "mother",
        &["'s", "day"],
        Holiday {
            month: 5,
            weekday: 7,
            nth: 2,
            plus_days: 0,
        },
    ),
    (
        "father",
        &["'s", "day"],
        Holiday {
            month: 6,
            weekday: 7,
            nth: 3,
            plus_days: 0,
        },
    ),
];

/// Words that make a sentence worth parsing though no expression begins
/// with them: "the latest period", "the near term", "nineteen ninety-six".
const GATE_ONLY: &[&str] = &[
    "period",
    "term",
    "nineteen",
    "half",
    "christmas",
    "halloween",
    "thanksgiving",
];

/// Spellings of a.m. and p.m.
const MERIDIEMS: &[&str] = &["a.m.", "p.m.", "a.m", "p.m", "am", "pm", "o'clock"];

/// A number that is a time on its own: a year ("1995"), a decade ("1980s",
/// "'90s"), an ISO date or a clock time ("10:35"). Other numbers need a time
/// word near them ("three weeks", "Aug. 7").
fn number_signals_time(raw: &str) -> bool {
    let digits = raw.trim_start_matches('\'').trim_end_matches('s');
    if raw.contains(':') || raw.len() == 10 && raw.as_bytes()[4] == b'-' {
        return true;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    match digits.len() {
        4 => digits
            .parse::<u32>()
            .is_ok_and(|y| (1600..2200).contains(&y)),
        2 => raw.starts_with('\'') && raw.ends_with('s'),
        _ => false,
    }
}

/// True for the starters that need a stronger time word after them ("the",
/// "last", "a", "early").
pub fn is_weak_starter(w: &str) -> bool {
    WEAK.contains(w)
}

static WEAK: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(WEAK_STARTERS.iter().map(|w| w.to_string())));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(month("sept."), Some(9));
        assert_eq!(month("august"), Some(8));
        assert_eq!(weekday("fridays"), Some((5, true)));
        assert_eq!(weekday("wed."), Some((3, false)));
        assert_eq!(weekday("wed"), None);
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(unit("weeks"), Some((Unit::Week, true)));
    }

    #[test]
    fn signal_and_weak_words() {
        for w in ["the", "last", "a", "every", "early"] {
            assert!(is_weak_starter(w), "{w}");
        }
        assert!(!is_weak_starter("friday"));
        assert!(signals_time("Friday") && signals_time("weeks") && signals_time("1995"));
        assert!(!signals_time("the") && !signals_time("last") && !signals_time("said"));
        assert!(signals_time("10:35") && signals_time("'90s") && !signals_time("1,500"));
        assert!(!signals_time("three") && !signals_time("42"));
    }
}

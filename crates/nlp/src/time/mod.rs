//! Time expressions: find them and give them TIMEX3 values.
//!
//! Fills [`Document::timexes`] from the sentences and tokens that
//! segmentation made, resolving relative expressions against the
//! publication date (`doc.meta.published_date()`); without one, the parts
//! that cannot be known stay `X` (`XXXX-XX-XX`).
//!
//! | module | job |
//! |---|---|
//! | [`lexicon`] | month, weekday, unit and number words |
//! | [`words`] | a sentence's tokens, lowercased |
//! | [`recognise`] | the token grammar (numbers, named dates, relative expressions, quarters, sets): spans and their [`meaning::Meaning`] |
//! | [`tense`] | the tense of the clause around an expression |
//! | [`anchor`] | a meaning, the publication date and the tense to a value |
//!
//! Span and value conventions follow TimeBank/TempEval-3 (see
//! [`recognise`] and [`anchor`]). The whole layer is a single left-to-right
//! pass with bounded look-ahead.

pub mod anchor;
pub mod lexicon;
pub mod meaning;
pub mod recognise;
pub mod tense;
pub mod words;

use tidings_model::{Document, Span, Timex};

/// How many sentences a named quarter stays the story's reporting quarter.
const QUARTER_REACH: usize = 4;

/// Fill `doc.timexes`. Needs `doc.sentences` and `doc.tokens`.
pub fn annotate(doc: &mut Document) {
    let anchor = doc.meta.published_date();
    let mut timexes = Vec::new();
    let mut quarter: Option<((i32, u32), usize)> = None;
    let mut lo = 0;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        // Sentences and tokens are both in text order: walk them together.
        while lo < doc.tokens.len() && doc.tokens[lo].span.start < sentence.start {
            lo += 1;
        }
        let mut hi = lo;
        while hi < doc.tokens.len() && doc.tokens[hi].span.start < sentence.end {
            hi += 1;
        }
        let tokens = &doc.tokens[lo..hi];
        lo = hi;
        // Most sentences hold no time word at all: skip them on the raw tokens.
        if !tokens
            .iter()
            .any(|t| lexicon::signals_time(t.span.of(&doc.text)))
        {
            continue;
        }
        let lowered = words::Lowered::new(&doc.text, tokens);
        let ws = &lowered.words(&doc.text, tokens)[..];
        let mut found_all = recognise::recognise(ws);
        lend_days_to_clocks(&mut found_all);
        for found in found_all {
            let ctx = anchor::Context {
                anchor,
                tense: tense::tense_around(ws, found.start, found.end),
                quarter: quarter
                    .filter(|(_, at)| si - at <= QUARTER_REACH)
                    .map(|(q, _)| q),
            };
            let value = anchor::value(&found.meaning, &ctx);
            // A quarter named for the current year becomes the story's
            // reporting quarter; "the year-ago quarter" does not.
            if names_reporting_quarter(&found.meaning)
                && let Some(q) = parse_quarter(&value)
            {
                quarter = Some((q, si));
            }
            timexes.push(Timex {
                span: Span::new(ws[found.start].span.start, ws[found.end - 1].span.end),
                ttype: found.ttype,
                value,
            });
        }
    }
    doc.timexes = timexes;
}

/// "at 10:35 a.m. (0735 GMT) Friday": a clock time without a day takes the
/// day another expression of its sentence names.
fn lend_days_to_clocks(found: &mut [recognise::Found]) {
    use meaning::Meaning;
    let day = found.iter().find_map(|f| match &f.meaning {
        m @ (Meaning::Weekday { .. } | Meaning::DayOffset(_)) => Some(m.clone()),
        m @ Meaning::Calendar { day: Some(_), .. } => Some(m.clone()),
        _ => None,
    });
    let Some(day) = day else { return };
    for f in found.iter_mut() {
        if let Meaning::Clock { day: d @ None, .. } = &mut f.meaning {
            *d = Some(Box::new(day.clone()));
        }
    }
}

fn names_reporting_quarter(m: &meaning::Meaning) -> bool {
    use meaning::{Meaning, YearRef};
    matches!(
        m,
        Meaning::Quarter {
            year: YearRef::Implied | YearRef::Offset(0),
            ..
        } | Meaning::LatestQuarter {
            year: YearRef::Implied
        }
    )
}

/// `2025-Q3` as (2025, 3).
fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// (text, type, value) of every expression in `text`, published on `published`.
    fn timexes(text: &str, published: Option<&str>) -> Vec<(String, String, String)> {
        let mut doc = Document::new("t", text);
        doc.meta.published = published.map(str::to_string);
        segment(&mut doc);
        annotate(&mut doc);
        doc.timexes
            .iter()
            .map(|t| {
                (
                    doc.slice(t.span).to_string(),
                    t.ttype.as_str().to_string(),
                    t.value.clone(),
                )
            })
            .collect()
    }

    /// The (text, value) pairs, published on Friday 28 March 2025.
    fn values(text: &str) -> Vec<(String, String)> {
        timexes(text, Some("2025-03-28"))
            .into_iter()
            .map(|(t, _, v)| (t, v))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn weekdays_follow_the_tense_of_their_clause() {
        assert_eq!(
            values("The minister met union leaders on Thursday."),
            pairs(&[("Thursday", "2025-03-27")])
        );
        assert_eq!(
            values("The minister will meet union leaders on Tuesday."),
            pairs(&[("Tuesday", "2025-04-01")])
        );
        assert_eq!(
            values("Talks resumed last Friday and will go on next Tuesday."),
            pairs(&[
                ("last Friday", "2025-03-21"),
                ("next Tuesday", "2025-04-01")
            ])
        );
    }

    #[test]
    fn parts_of_days_and_clock_times() {
        assert_eq!(
            values("The council voted on Thursday evening."),
            pairs(&[("Thursday evening", "2025-03-27TEV")])
        );
        assert_eq!(
            values("Police arrived at 3 p.m. on Wednesday."),
            pairs(&[("3 p.m.", "2025-03-26T15:00"), ("Wednesday", "2025-03-26")])
        );
        let found = timexes("The mayor spoke this morning.", Some("2025-03-28"));
        assert_eq!(found[0].0, "this morning");
        assert_eq!(found[0].1, "TIME");
        assert_eq!(found[0].2, "2025-03-28TMO");
    }

    #[test]
    fn relative_weeks_months_and_years() {
        assert_eq!(
            values("Sales fell last month after a weak start earlier this week."),
            pairs(&[("last month", "2025-02"), ("earlier this week", "2025-W13")])
        );
        assert_eq!(
            values("The plan was announced a couple of weeks ago."),
            pairs(&[("a couple of weeks ago", "2025-W11")])
        );
        assert_eq!(
            values("The mill closed three years ago and will reopen next year."),
            pairs(&[("three years ago", "2022"), ("next year", "2026")])
        );
        assert_eq!(
            values("Exports grew in 2024 but shrank last spring."),
            pairs(&[("2024", "2024"), ("last spring", "2024-SP")])
        );
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            values("The treaty was signed on March 5, 1946, and ratified in July 1947."),
            pairs(&[("March 5, 1946", "1946-03-05"), ("July 1947", "1947-07")])
        );
        assert_eq!(
            values("The strike began on 7 March and ended in February."),
            pairs(&[("7 March", "2025-03-07"), ("February", "2025-02")])
        );
        assert_eq!(
            values("Ministers met on Thursday 27 March; the report came on the 3rd of March."),
            pairs(&[
                ("Thursday 27 March", "2025-03-27"),
                ("3rd of March", "2025-03-03")
            ])
        );
        assert_eq!(
            values("She left the day before yesterday."),
            pairs(&[("the day before yesterday", "2025-03-26")])
        );
        assert_eq!(
            values("The vote is expected in May."),
            pairs(&[("May", "2025-05")])
        );
        assert_eq!(
            values("Prices peaked in the 1990s and again in mid-2008."),
            pairs(&[("the 1990s", "199"), ("mid-2008", "2008")])
        );
    }

    #[test]
    fn quarters_follow_the_story() {
        assert_eq!(
            values(
                "Profit rose in the third quarter. Net was $5 million, up from $4 million a year ago."
            ),
            pairs(&[("the third quarter", "2024-Q3"), ("a year ago", "2023-Q3")])
        );
        assert_eq!(
            values("The company reported a third-quarter loss."),
            pairs(&[("third-quarter", "2024-Q3")])
        );
        assert_eq!(
            values("Revenue fell in the latest quarter."),
            pairs(&[("the latest quarter", "2024-Q4")])
        );
    }

    #[test]
    fn durations_and_vague_references() {
        assert_eq!(
            values("The talks lasted three days after a 16-hour flight."),
            pairs(&[("three days", "P3D"), ("16-hour", "PT16H")])
        );
        assert_eq!(
            values("Tensions grew in recent weeks and over the past decade."),
            pairs(&[("recent weeks", "PXW"), ("the past decade", "P10Y")])
        );
        assert_eq!(
            values("Staff worked throughout the week."),
            pairs(&[("throughout the week", "P1W")])
        );
        assert_eq!(
            values("The war started several years ago and the region is now calm."),
            pairs(&[("several years ago", "PAST_REF"), ("now", "PRESENT_REF")])
        );
        assert_eq!(
            values("He resigned more than four decades ago."),
            pairs(&[("more than four decades ago", "1985")])
        );
    }

    #[test]
    fn sets() {
        assert_eq!(
            values("The paper appears daily, the board meets every week and each Thursday."),
            pairs(&[
                ("daily", "P1D"),
                ("every week", "P1W"),
                ("each Thursday", "XXXX-WXX-4")
            ])
        );
    }

    #[test]
    fn ages_fractions_and_names_are_not_times() {
        assert!(values("The 44-year-old owns three-quarters of the firm.").is_empty());
        assert!(values("Mr. Smith, 52 years old, joined the board.").is_empty());
        assert!(values("Jan Kavan met the press.").is_empty());
        assert!(values("He spoke to Theresa May about the Good Friday Agreement.").is_empty());
        assert!(values("She told USA Today she read the Baltimore Sun.").is_empty());
        assert!(values("Two hundred people joined the march.").is_empty());
    }

    #[test]
    fn holidays_halves_and_spoken_years() {
        assert_eq!(
            values("Shops closed on Christmas Day and sales fell in the first half of 2024."),
            pairs(&[
                ("Christmas Day", "2024-12-25"),
                ("the first half of 2024", "2024-H1")
            ])
        );
        assert_eq!(
            values("The boy was found last Thanksgiving; results come after Election Day."),
            pairs(&[
                ("last Thanksgiving", "2024-11-28"),
                ("Election Day", "2024-11-05")
            ])
        );
        assert_eq!(
            values("The clinic was bombed in nineteen ninety-six."),
            pairs(&[("nineteen ninety-six", "1996")])
        );
    }

    #[test]
    fn without_a_publication_date_parts_stay_unknown() {
        let found: Vec<(String, String)> = timexes(
            "The minister resigned on Thursday, two days after Aug. 7.",
            None,
        )
        .into_iter()
        .map(|(t, _, v)| (t, v))
        .collect();
        assert_eq!(
            found,
            pairs(&[
                ("Thursday", "XXXX-WXX-4"),
                ("two days", "P2D"),
                ("Aug. 7", "XXXX-08-07")
            ])
        );
        let yesterday = timexes("The minister resigned yesterday.", None);
        assert_eq!(yesterday[0].2, "XXXX-XX-XX");
    }

    proptest::proptest! {
        /// Any text: spans lie inside it, on character boundaries, in order,
        /// without overlaps; values are never empty.
        #[test]
        fn spans_are_well_formed(text in "[ -~éü’“”\n]{0,300}", dated in proptest::bool::ANY) {
            let mut doc = Document::new("p", text.as_str());
            doc.meta.published = dated.then(|| "2025-03-28".to_string());
            segment(&mut doc);
            annotate(&mut doc);
            let mut last = 0;
            for t in &doc.timexes {
                proptest::prop_assert!(last <= t.span.start && t.span.start < t.span.end);
                proptest::prop_assert!(t.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                proptest::prop_assert!(!t.value.is_empty());
                last = t.span.end;
            }
        }
    }
}

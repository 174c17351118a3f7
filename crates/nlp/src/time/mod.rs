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
//! | [`recognise`] | the token grammar: spans and their [`meaning::Meaning`] |
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

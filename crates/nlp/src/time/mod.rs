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
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let ws = words::words(&doc.text, doc.tokens_in(*sentence));
        for found in recognise::recognise(&ws) {
            let ctx = anchor::Context {
                anchor,
                tense: tense::tense_around(&ws, found.start, found.end),
                quarter: quarter
                    .filter(|(_, at)| si - at <= QUARTER_REACH)
                    .map(|(q, _)| q),
            };
            let value = anchor::value(&found.meaning, &ctx);
            if let Some(q) = parse_quarter(&value) {
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

/// `2025-Q3` as (2025, 3).
fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

//! The discourse so far: which entity was mentioned where, for descriptions
//! and pronouns to look back on.

use std::collections::HashMap;

use tidings_model::{Document, Span};

/// One mention of a draft entity, with its sentence.
#[derive(Debug, Clone, Copy)]
pub struct Mentioned {
    pub span: Span,
    pub sentence: usize,
    pub draft: usize,
    /// A first- or second-person pronoun ("I", "you"): never an antecedent
    /// of a third-person pronoun or a description.
    pub deictic: bool,
}

/// Mentions in text order; descriptions and pronouns join as they resolve.
///
/// Names are recorded first, in text order, then descriptions and pronouns,
/// again in text order: two sorted runs, each appended to, and read merged,
/// so that recording a mention never shifts the others.
#[derive(Debug, Default)]
pub struct History {
    runs: [Vec<Mentioned>; 2],
    /// The latest-added mention ending at each byte.
    by_end: HashMap<usize, Mentioned>,
}

/// How many mentions a look back walks at most: a description or pronoun
/// finds its antecedent among the latest ones (a few sentences hold a few
/// dozen), and a pathological text cannot make every look-back walk the
/// whole document.
pub const LOOK_BACK: usize = 512;

impl History {
    /// Record a mention of `draft` at `span`.
    pub fn add(&mut self, doc: &Document, span: Span, draft: usize) {
        self.insert(doc, span, draft, false);
    }

    /// Record a first- or second-person mention of `draft` at `span`.
    pub fn add_deictic(&mut self, doc: &Document, span: Span, draft: usize) {
        self.insert(doc, span, draft, true);
    }

    fn insert(&mut self, doc: &Document, span: Span, draft: usize, deictic: bool) {
        let sentence = sentence_of(doc, span.start);
        let m = Mentioned {
            span,
            sentence,
            draft,
            deictic,
        };
        let [first, second] = &mut self.runs;
        let run = if second.is_empty() && first.last().is_none_or(|x| x.span.start <= span.start) {
            first
        } else {
            second
        };
        let at = if run.last().is_none_or(|x| x.span.start <= span.start) {
            run.len()
        } else {
            run.partition_point(|x| x.span.start <= span.start)
        };
        run.insert(at, m);
        self.by_end.insert(span.end, m);
    }

    /// Every mention starting before `at`, latest first (on a tie, the one
    /// recorded later first).
    fn backwards(&self, at: usize) -> impl Iterator<Item = &Mentioned> {
        let [a, b] = &self.runs;
        let mut a = a[..a.partition_point(|m| m.span.start < at)]
            .iter()
            .rev()
            .peekable();
        let mut b = b[..b.partition_point(|m| m.span.start < at)]
            .iter()
            .rev()
            .peekable();
        std::iter::from_fn(move || match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.span.start > y.span.start => a.next(),
            (_, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => None,
        })
    }

    /// Mentions (not deictic) that end before `at`, grouped by sentence: first the sentence
    /// `sentence` itself, then up to `back` sentences before it; each group in
    /// text order. At most [`LOOK_BACK`] of the latest mentions are read.
    pub fn before(&self, at: usize, sentence: usize, back: usize) -> Vec<Vec<Mentioned>> {
        let lo = sentence.saturating_sub(back);
        let mut groups: Vec<Vec<Mentioned>> = vec![Vec::new(); sentence - lo + 1];
        for m in self.backwards(at).take(LOOK_BACK) {
            if m.sentence < lo {
                break;
            }
            if m.span.end <= at && m.sentence <= sentence && !m.deictic {
                groups[sentence - m.sentence].push(*m);
            }
        }
        for g in &mut groups {
            g.reverse();
        }
        groups
    }

    /// The mentions that end before `at`, latest first, at most
    /// [`LOOK_BACK`] of them.
    pub fn all_before(&self, at: usize) -> impl Iterator<Item = &Mentioned> {
        self.backwards(at)
            .take(LOOK_BACK)
            .filter(move |m| m.span.end <= at)
    }

    /// The mention that starts exactly at `start`, if any (the one recorded
    /// first).
    pub fn starting_at(&self, start: usize) -> Option<&Mentioned> {
        self.runs
            .iter()
            .filter_map(|run| {
                let i = run.partition_point(|m| m.span.start < start);
                run.get(i).filter(|m| m.span.start == start)
            })
            .next()
    }

    /// The mention that ends exactly at `end`, if any.
    pub fn ending_at(&self, end: usize) -> Option<&Mentioned> {
        self.by_end.get(&end)
    }
}

/// The index of the sentence holding byte `at` (the nearest before it when
/// `at` falls between sentences).
pub fn sentence_of(doc: &Document, at: usize) -> usize {
    doc.sentence_at(at).unwrap_or_else(|| {
        doc.sentences
            .partition_point(|s| s.end <= at)
            .saturating_sub(1)
    })
}

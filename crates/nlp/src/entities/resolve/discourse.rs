//! The discourse so far: which entity was mentioned where, for descriptions
//! and pronouns to look back on.

use tidings_model::{Document, Span};

/// One mention of a draft entity, with its sentence.
#[derive(Debug, Clone, Copy)]
pub struct Mentioned {
    pub span: Span,
    pub sentence: usize,
    pub draft: usize,
}

/// Mentions in text order; descriptions and pronouns join as they resolve.
#[derive(Debug, Default)]
pub struct History {
    items: Vec<Mentioned>,
}

impl History {
    /// Record a mention of `draft` at `span`.
    pub fn add(&mut self, doc: &Document, span: Span, draft: usize) {
        let sentence = sentence_of(doc, span.start);
        let at = self.items.partition_point(|m| m.span.start <= span.start);
        self.items.insert(
            at,
            Mentioned {
                span,
                sentence,
                draft,
            },
        );
    }

    /// Mentions that end before `at`, grouped by sentence: first the sentence
    /// `sentence` itself, then up to `back` sentences before it; each group in
    /// text order.
    pub fn before(&self, at: usize, sentence: usize, back: usize) -> Vec<Vec<Mentioned>> {
        let lo = sentence.saturating_sub(back);
        let mut groups: Vec<Vec<Mentioned>> = vec![Vec::new(); sentence - lo + 1];
        let end = self.items.partition_point(|m| m.span.start < at);
        for m in self.items[..end].iter().rev() {
            if m.sentence < lo {
                break;
            }
            if m.span.end <= at && m.sentence <= sentence {
                groups[sentence - m.sentence].push(*m);
            }
        }
        for g in &mut groups {
            g.reverse();
        }
        groups
    }

    /// Every mention that ends before `at`, latest first.
    pub fn all_before(&self, at: usize) -> impl Iterator<Item = &Mentioned> {
        let end = self.items.partition_point(|m| m.span.start < at);
        self.items[..end]
            .iter()
            .rev()
            .filter(move |m| m.span.end <= at)
    }

    /// The mention that starts exactly at `start`, if any.
    pub fn starting_at(&self, start: usize) -> Option<&Mentioned> {
        let i = self.items.partition_point(|m| m.span.start < start);
        self.items.get(i).filter(|m| m.span.start == start)
    }

    /// The mention that ends exactly at `end`, if any.
    pub fn ending_at(&self, end: usize) -> Option<&Mentioned> {
        self.items.iter().find(|m| m.span.end == end)
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

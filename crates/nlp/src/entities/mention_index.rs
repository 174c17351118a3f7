//! The entity layer's mentions sorted by position, built once per document,
//! so that a later layer finds the mentions of a sentence or a phrase by
//! binary search instead of walking every entity.

use tidings_model::{Entity, Span};

/// Every non-empty mention as `(span, entity index, mention index)`, by
/// start then end.
#[derive(Debug, Clone, Default)]
pub struct MentionIndex {
    items: Vec<(Span, usize, usize)>,
    /// The longest mention, in bytes: how far before a span a mention that
    /// overlaps it can start.
    longest: usize,
}

impl MentionIndex {
    pub fn new(entities: &[Entity]) -> Self {
        let mut items: Vec<(Span, usize, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| {
                e.mentions
                    .iter()
                    .enumerate()
                    .map(move |(mi, m)| (m.span, ei, mi))
            })
            .filter(|(s, _, _)| !s.is_empty())
            .collect();
        items.sort_by_key(|(s, _, _)| (s.start, s.end));
        let longest = items.iter().map(|(s, _, _)| s.len()).max().unwrap_or(0);
        MentionIndex { items, longest }
    }

    /// Mentions that lie inside `span`.
    pub fn within(&self, span: Span) -> impl Iterator<Item = &(Span, usize, usize)> {
        let lo = self.items.partition_point(|(s, _, _)| s.start < span.start);
        let hi = self.items.partition_point(|(s, _, _)| s.start < span.end);
        self.items[lo..hi]
            .iter()
            .filter(move |(s, _, _)| s.end <= span.end)
    }

    /// Mentions that can overlap `span`: those starting before its end and
    /// late enough to reach it (a superset; callers test the overlap).
    pub fn near(&self, span: Span) -> impl Iterator<Item = &(Span, usize, usize)> {
        let end = self.items.partition_point(|(s, _, _)| s.start < span.end);
        let begin = self
            .items
            .partition_point(|(s, _, _)| s.start + self.longest <= span.start)
            .min(end);
        self.items[begin..end].iter()
    }
}

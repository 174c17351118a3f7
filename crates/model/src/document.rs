//! The document: one text and all its layers.

use serde::{Deserialize, Serialize};

use crate::{Entity, Event, Meta, Quote, Span, Timex, Token};

/// One article as it flows through the pipeline.
///
/// `text` never changes after construction; every layer indexes into it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub meta: Meta,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub tokens: Vec<crate::Token>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub timexes: Vec<Timex>,
    pub events: Vec<Event>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.of(&self.text)
    }

    /// Tokens inside `span`, as a slice of the token layer (tokens are sorted).
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let lo = self.tokens.partition_point(|t| t.span.start < span.start);
        let hi = self.tokens.partition_point(|t| t.span.start < span.end);
        &self.tokens[lo..hi.max(lo)]
    }

    /// The index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    /// The entity with document-local id `id`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

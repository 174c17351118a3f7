//! From a speaker phrase to a [`Speaker`]: the entity layer first, then the
//! document's own names.
//!
//! A phrase that overlaps a mention of an entity in `doc.entities` takes that
//! entity's id and fullest name; for a description only a mention that ends
//! where the phrase ends (its head) counts, so "a senior Cabinet minister" is
//! not the Cabinet and "Trump's spokeswoman" is not Trump. A pronoun right
//! after another attributed quote (within two sentences) keeps that quote's
//! speaker, the usual way news goes on with one speaker; otherwise it takes
//! its entity from the entity layer. Without entities, a name is completed
//! from the document's name runs ("Sir Keir" -> "Keir Starmer"), a pronoun
//! takes the speaker of the nearest attribution before it, and a description
//! stands as written, without its article.

use tidings_model::{Entity, EntityType, MentionKind, Span, Speaker};

use super::names::NameIndex;
use super::speaker::{Phrase, PhraseKind};
use super::view::View;

pub(crate) struct Resolver<'a> {
    entities: &'a [Entity],
    names: NameIndex<'a>,
}

impl<'a> Resolver<'a> {
    pub fn new(v: &View<'a>, entities: &'a [Entity]) -> Self {
        Resolver {
            entities,
            names: NameIndex::new(v),
        }
    }

    /// The speaker a phrase names. `previous` is the last resolved speaker
    /// before the phrase, for pronouns, and `near` whether its quote is close
    /// enough for a pronoun to go on with it.
    pub fn resolve(&self, v: &View, p: Phrase, previous: Option<&Speaker>, near: bool) -> Speaker {
        let (a, b) = p.name.unwrap_or((p.a, p.b));
        let span = v.span(a, b);
        if let (PhraseKind::Pronoun, Some(s), true) = (p.kind, previous, near) {
            return Speaker {
                entity: s.entity.clone(),
                name: s.name.clone(),
                span: Some(span),
            };
        }
        if let Some((e, m)) = self.entity_at(span, p.kind) {
            return Speaker {
                entity: Some(e.id.clone()),
                name: Some(e.name.clone()),
                span: Some(m),
            };
        }
        match p.kind {
            PhraseKind::Name => {
                let text = span.of(v.text);
                let name = self.names.fullest(text).unwrap_or(text);
                Speaker {
                    entity: None,
                    name: Some(name.to_string()),
                    span: Some(span),
                }
            }
            // The previous speaker, else the nearest full name before the pronoun.
            PhraseKind::Pronoun => match previous {
                Some(s) => Speaker {
                    entity: s.entity.clone(),
                    name: s.name.clone(),
                    span: Some(span),
                },
                None => Speaker {
                    entity: None,
                    name: self.names.last_before(span.start).map(str::to_string),
                    span: Some(span),
                },
            },
            PhraseKind::Nominal => {
                let mut s = p.a;
                if s + 1 < p.b && v.is_any(s, &["the", "a", "an"]) {
                    s += 1;
                }
                let span = v.span(s, p.b);
                Speaker {
                    entity: None,
                    name: Some(span.of(v.text).to_string()),
                    span: Some(span),
                }
            }
        }
    }

    /// The entity with a mention overlapping `span`, preferring names, then
    /// the mention at the phrase's head (its last word: "Clark County Sheriff
    /// Joe Lombardo" is Lombardo, not the county), then people.
    fn entity_at(&self, span: Span, kind: PhraseKind) -> Option<(&'a Entity, Span)> {
        let mut best: Option<(&Entity, Span, (u8, u8, u8))> = None;
        for e in self.entities {
            for m in &e.mentions {
                if !m.span.overlaps(span) {
                    continue;
                }
                // A description is its head: a name inside it only modifies it.
                if kind == PhraseKind::Nominal && m.span.end < span.end {
                    continue;
                }
                let rank = match (m.kind, kind) {
                    (MentionKind::Name, _) => 0,
                    (MentionKind::Pronoun, PhraseKind::Pronoun) => 1,
                    (MentionKind::Nominal, PhraseKind::Nominal) => 1,
                    _ => 2,
                };
                let head = u8::from(m.span.end < span.end);
                let person = u8::from(e.etype != EntityType::Per);
                let key = (rank, head, person);
                if best.is_none_or(|b| key < b.2) {
                    best = Some((e, m.span, key));
                }
            }
        }
        best.filter(|b| b.2.0 < 2).map(|b| (b.0, b.1))
    }
}

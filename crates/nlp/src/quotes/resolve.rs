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

use std::cell::OnceCell;

use tidings_model::{Entity, EntityType, MentionKind, Span, Speaker};

use super::names::NameIndex;
use super::speaker::{Phrase, PhraseKind};
use super::view::View;
use crate::entities::mention_index::MentionIndex;

/// Resolves the speaker phrases of one document. Its indexes are built on
/// first use: a document whose quotes all resolve early never needs them.
pub(crate) struct Resolver<'v, 'a> {
    view: &'v View<'a>,
    entities: &'a [Entity],
    mentions: OnceCell<MentionIndex>,
    names: OnceCell<NameIndex<'a>>,
}

impl<'v, 'a> Resolver<'v, 'a> {
    pub fn new(view: &'v View<'a>, entities: &'a [Entity]) -> Self {
        Resolver {
            view,
            entities,
            mentions: OnceCell::new(),
            names: OnceCell::new(),
        }
    }

    /// The document's name runs.
    fn names(&self) -> &NameIndex<'a> {
        self.names.get_or_init(|| NameIndex::new(self.view))
    }

    /// The speaker a phrase names. `previous` is the last resolved speaker
    /// before the phrase, for pronouns, and `near` whether its quote is close
    /// enough for a pronoun to go on with it.
    pub fn resolve(&self, v: &View, p: Phrase, previous: Option<&Speaker>, near: bool) -> Speaker {
        let (a, b) = p.name.unwrap_or((p.a, p.b));
        let span = v.span(a, b);
        if let (PhraseKind::Pronoun, Some(s), true) = (p.kind, previous, near) {
            return Speaker::named(s.entity.clone(), s.name.clone(), Some(span));
        }
        if let Some((e, m)) = self.entity_at(span, p.kind) {
            return Speaker::named(Some(e.id.clone()), Some(e.name.clone()), Some(m));
        }
        match p.kind {
            PhraseKind::Name => {
                let text = span.of(v.text);
                let name = self.names().fullest(text).unwrap_or(text);
                Speaker::named(None, Some(name.to_string()), Some(span))
            }
            // The previous speaker, else the nearest full name before the pronoun.
            PhraseKind::Pronoun => match previous {
                Some(s) => Speaker::named(s.entity.clone(), s.name.clone(), Some(span)),
                None => Speaker::named(
                    None,
                    self.names().last_before(span.start).map(str::to_string),
                    Some(span),
                ),
            },
            PhraseKind::Nominal => {
                let mut s = p.a;
                if s + 1 < p.b && v.is_any(s, &["the", "a", "an"]) {
                    s += 1;
                }
                let span = v.span(s, p.b);
                Speaker::named(None, Some(span.of(v.text).to_string()), Some(span))
            }
        }
    }

    /// The entity with a mention overlapping `span`, preferring names, then
    /// the mention at the phrase's head (its last word: "Clark County Sheriff
    /// Joe Lombardo" is Lombardo, not the county), then people; among equals,
    /// the first in entity and mention order.
    fn entity_at(&self, span: Span, kind: PhraseKind) -> Option<(&'a Entity, Span)> {
        let entities: &'a [Entity] = self.entities;
        // The best (rank, head, person) key, and its mention's indices.
        let mut best: Option<([u8; 3], (usize, usize))> = None;
        let mentions = self
            .mentions
            .get_or_init(|| MentionIndex::new(self.entities));
        for &(_, ei, mi) in mentions.near(span) {
            let (e, m) = (&entities[ei], &entities[ei].mentions[mi]);
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
            let key = [rank, head, person];
            if best.is_none_or(|b| (key, (ei, mi)) < b) {
                best = Some((key, (ei, mi)));
            }
        }
        let (_, (ei, mi)) = best.filter(|(key, _)| key[0] < 2)?;
        Some((&entities[ei], entities[ei].mentions[mi].span))
    }
}

//! Third-person pronouns to the nearest compatible entity.
//!
//! "he"/"him"/"his"/"himself" and "she"/"her"/"hers"/"herself" look for a
//! person; "it"/"its" for an organisation or place, "they"/"them"/"their"
//! for an organisation or a people. The search runs over this sentence
//! (before the pronoun) and then the sentences before it, preferring in each
//! the leftmost mention, the likely subject (reflexives take the nearest);
//! persons whose gender is known from a title or an earlier pronoun must
//! agree, and the first pronoun fixes an unknown gender. First- and
//! second-person pronouns are left alone: their referent is the speaker or
//! the reader, which this layer does not know.

use tidings_model::{Document, EntityType, Span, TokenKind};

use super::discourse::{History, sentence_of};
use super::draft::Draft;
use super::gazetteer::PlaceKind;
use super::titles::Gender;

/// What a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    He,
    She,
    It,
    They,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    pub span: Span,
    pub class: Class,
    pub reflexive: bool,
}

/// How many sentences back a pronoun looks.
const BACK: usize = 2;

fn classify(word: &str) -> Option<(Class, bool)> {
    let w = word.to_lowercase();
    Some(match w.as_str() {
        "he" | "him" | "his" => (Class::He, false),
        "himself" => (Class::He, true),
        "she" | "her" | "hers" => (Class::She, false),
        "herself" => (Class::She, true),
        "it" | "its" => (Class::It, false),
        "itself" => (Class::It, true),
        "they" | "them" | "their" | "theirs" => (Class::They, false),
        "themselves" => (Class::They, true),
        _ => return None,
    })
}

/// Every third-person pronoun in `doc`.
pub fn find(doc: &Document) -> Vec<Pronoun> {
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter_map(|t| {
            let (class, reflexive) = classify(doc.slice(t.span))?;
            Some(Pronoun {
                span: t.span,
                class,
                reflexive,
            })
        })
        .collect()
}

fn fits(p: &Pronoun, d: &Draft) -> bool {
    match p.class {
        Class::He | Class::She => {
            let g = if p.class == Class::He {
                Gender::Male
            } else {
                Gender::Female
            };
            d.etype() == EntityType::Per && d.gender.is_none_or(|x| x == g)
        }
        Class::It => {
            d.etype() == EntityType::Org
                || (d.etype() == EntityType::Loc
                    && !matches!(&d.place, Some((_, PlaceKind::Nationality))))
        }
        Class::They => d.etype() == EntityType::Org,
    }
}

/// The draft entity `p` refers to, if one fits; fixes an unknown gender.
pub fn resolve(
    doc: &Document,
    p: &Pronoun,
    history: &History,
    drafts: &mut [Draft],
) -> Option<usize> {
    let sentence = sentence_of(doc, p.span.start);
    let groups = history.before(p.span.start, sentence, BACK);
    let d = if p.reflexive {
        groups
            .first()?
            .iter()
            .rev()
            .map(|m| m.draft)
            .find(|&d| fits(p, &drafts[d]))?
    } else {
        groups
            .iter()
            .flatten()
            .map(|m| m.draft)
            .find(|&d| fits(p, &drafts[d]))?
    };
    let draft = &mut drafts[d];
    match p.class {
        Class::He => draft.gender = draft.gender.or(Some(Gender::Male)),
        Class::She => draft.gender = draft.gender.or(Some(Gender::Female)),
        _ => {}
    }
    Some(d)
}

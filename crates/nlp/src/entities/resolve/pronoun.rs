//! Third-person pronouns to the nearest compatible entity.
//!
//! "he"/"him"/"his"/"himself" and "she"/"her"/"hers"/"herself" look for a
//! person; "its"/"itself" for an organisation or place. A bare "it" is left
//! alone: in news it is more often empty ("It comes as...", "it is up to
//! Ukraine") than an entity; so is "they", mostly a group of people that no
//! name covers ("officials", "allies"). The search
//! runs over this sentence (before the pronoun) and then the three sentences
//! before it, preferring in each the subject of a reporting verb ("Mr
//! McFadden added"), then the leftmost mention, the likely subject
//! (reflexives take the nearest in their own sentence);
//! persons whose gender is known from a title or an earlier pronoun must
//! agree, and the first pronoun fixes an unknown gender. First- and
//! second-person pronouns are left alone: their referent is the speaker or
//! the reader, which this layer does not know.

use tidings_model::{Document, EntityType, Span, TokenKind};

use super::discourse::{History, Mentioned, sentence_of};
use super::draft::Draft;
use super::gazetteer::PlaceKind;
use super::quoted;
use super::titles::Gender;

/// What a pronoun may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    He,
    She,
    It,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    pub span: Span,
    pub class: Class,
    pub reflexive: bool,
}

/// How many sentences back a pronoun looks.
const BACK: usize = 3;

fn classify(word: &str) -> Option<(Class, bool)> {
    let w = word.to_lowercase();
    Some(match w.as_str() {
        "he" | "him" | "his" => (Class::He, false),
        "himself" => (Class::He, true),
        "she" | "her" | "hers" => (Class::She, false),
        "herself" => (Class::She, true),
        "its" => (Class::It, false),
        "itself" => (Class::It, true),
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
    }
}

/// The draft entity `p` refers to, if one fits; fixes an unknown gender.
pub fn resolve(
    doc: &Document,
    p: &Pronoun,
    quotes: &[Span],
    history: &History,
    drafts: &mut [Draft],
) -> Option<usize> {
    let sentence = sentence_of(doc, p.span.start);
    let mut groups = history.before(p.span.start, sentence, BACK);
    // Inside a quotation, "he" is not the one quoted: "He said: “He’s not
    // all the change”" speaks of someone else.
    if quoted::inside(quotes, p.span.start) {
        let speakers = speakers_near(doc, p.span.start, quotes, history);
        for g in &mut groups {
            g.retain(|m| !speakers.contains(&m.draft));
        }
    }
    let d = if p.reflexive {
        groups
            .first()?
            .iter()
            .rev()
            .map(|m| m.draft)
            .find(|&d| fits(p, &drafts[d]))?
    } else {
        // In each sentence, the subject of a reporting verb first ("Mr
        // McFadden added"), then left to right.
        groups
            .iter()
            .flat_map(|g| {
                let (reporting, rest): (Vec<&Mentioned>, Vec<&Mentioned>) = g
                    .iter()
                    .partition(|m| followed_by_reporting_verb(doc, m.span.end));
                reporting.into_iter().chain(rest)
            })
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

/// Words that report speech after their subject.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "added",
    "told",
    "asked",
    "explained",
    "insisted",
    "argued",
    "wrote",
    "warned",
    "replied",
    "noted",
    "claimed",
    "stated",
];

/// Entities named (outside quotation marks) as the subject of a reporting
/// verb in the paragraph holding `at`: the speakers of its quotations.
fn speakers_near(doc: &Document, at: usize, quotes: &[Span], history: &History) -> Vec<usize> {
    let i = doc.paragraphs.partition_point(|p| p.end <= at);
    let Some(para) = doc.paragraphs.get(i).filter(|p| p.start <= at) else {
        return Vec::new();
    };
    history
        .all_before(para.end)
        .take_while(|m| m.span.start >= para.start)
        .filter(|m| !quoted::inside(quotes, m.span.start))
        .filter(|m| followed_by_reporting_verb(doc, m.span.end))
        .map(|m| m.draft)
        .collect()
}

fn followed_by_reporting_verb(doc: &Document, end: usize) -> bool {
    let k = doc.tokens.partition_point(|t| t.span.start < end);
    doc.tokens
        .get(k)
        .is_some_and(|t| REPORTING.contains(&doc.slice(t.span).to_lowercase().as_str()))
}

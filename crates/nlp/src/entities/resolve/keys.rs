//! Naming and keying finished entities.
//!
//! `name` is the fullest name the document gives (most words, then first
//! seen), titles stripped; a country takes its gazetteer name ("United
//! States" for "US" and "America").
//!
//! `key` is stable across articles: `LOC:iso:UA` for a country, `MISC:iso:UA`
//! for its people, `LOC:iso:UA:capital` for its capital, else the type and
//! the folded name (`PER:keir starmer`), so that the store merges "Starmer"
//! in one article with "Sir Keir Starmer" in another by the full name.

use tidings_model::{EntityType, Mention};

use super::draft::Draft;
use super::gazetteer::{Gazetteer, PlaceKind};

/// The fullest name: most words, the first seen on a tie.
pub fn name(d: &Draft, gaz: &Gazetteer) -> String {
    if let Some((iso2, PlaceKind::Country)) = &d.place
        && let Some(c) = gaz.country(iso2)
    {
        return c.name.clone();
    }
    let mut best: Option<&super::names::NameForm> = None;
    for f in &d.forms {
        if best.is_none_or(|b| f.words.len() > b.words.len()) {
            best = Some(f);
        }
    }
    best.map(|f| f.text.clone()).unwrap_or_default()
}

/// The cross-article key of a draft named `name`.
pub fn key(d: &Draft, etype: EntityType, name: &str) -> String {
    match &d.place {
        Some((iso2, PlaceKind::Country)) => format!("LOC:iso:{iso2}"),
        Some((iso2, PlaceKind::Capital)) => format!("LOC:iso:{iso2}:capital"),
        Some((iso2, PlaceKind::Nationality)) => format!("MISC:iso:{iso2}"),
        None => format!("{}:{}", etype.as_str(), super::fold::fold(name)),
    }
}

/// Mentions in text order, one per span (a name wins over a description
/// or pronoun on the same span).
pub fn tidy(mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| (m.span.start, m.span.end, m.kind as u8));
    mentions.dedup_by_key(|m| m.span);
}

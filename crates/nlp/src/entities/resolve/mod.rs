//! Entity resolution: one entity per real-world referent of an article.
//!
//! Input: the document (segmented) and its name mentions from the recogniser.
//! Steps, each in its own module:
//! 1. [`titles`] strips honorifics and offices from names and reads them
//!    ("Sir" is male; "Russian President" is an office of `RU`);
//!    [`gazetteer`] knows countries, capitals and demonyms, [`metonym`]
//!    seats of government.
//! 2. [`cluster`] groups names: by gazetteer identity ("US" = "America"),
//!    then by [`names`] links (surname, first name, acronym, generic tail).
//! 3. [`nominal`] descriptions ("the Ukrainian president") and [`pronoun`]s
//!    ("he") join, left to right, over the [`discourse`] so far.
//! 4. [`metonym`] marks places that stand for governments; [`subtype`] and
//!    [`keys`] give finer types, names and cross-article keys.
//!
//! Entities are numbered `e1`, `e2`... in order of first mention.
//!
//! [`fallback`] finds names without a model, for use until the statistical
//! recogniser is wired into the pipeline.

pub mod cluster;
pub mod discourse;
pub mod draft;
pub mod fallback;
pub mod fold;
pub mod gazetteer;
pub mod keys;
pub mod metonym;
pub mod names;
pub mod narrator;
pub mod nominal;
pub mod pronoun;
pub mod quoted;
pub mod subtype;
pub mod titles;

use tidings_model::{Document, Entity, Mention, MentionKind, Span};

use super::NameMention;
use discourse::History;
use draft::NameRef;
pub use gazetteer::Gazetteer;
use names::NameForm;

/// Fill `doc.entities` from the name mentions `names`.
pub fn annotate(doc: &mut Document, names: &[NameMention], gaz: &Gazetteer) {
    doc.entities = resolve(doc, names, gaz);
}

/// The entities of `doc` given its name mentions: every alias, description
/// and pronoun of one referent grouped, with name, type, subtype and key.
pub fn resolve(doc: &Document, names: &[NameMention], gaz: &Gazetteer) -> Vec<Entity> {
    let refs = prepare(doc, names, gaz);
    let (mut drafts, mut owner) = cluster::cluster(&refs);
    cluster::merge_parenthesised(doc, &refs, &mut drafts, &mut owner);
    let mut history = History::default();
    for (r, &d) in refs.iter().zip(&owner) {
        drafts[d].mentions.push(Mention {
            span: r.span,
            kind: MentionKind::Name,
            metonym: false,
        });
        if subtype::is_media_name(&r.form) || subtype::reports(doc, r.span.end) {
            drafts[d].media = true;
        }
        history.add(doc, r.span, d);
    }
    refer(doc, gaz, &mut drafts, &mut history, &refs);
    metonym::mark(doc, &mut drafts);
    finish(drafts, gaz)
}

/// Title-stripped, gazetteer-read name mentions in text order.
fn prepare(doc: &Document, names: &[NameMention], gaz: &Gazetteer) -> Vec<NameRef> {
    let mut refs: Vec<NameRef> = names
        .iter()
        .filter(|n| n.span.end <= doc.text.len() && !n.span.is_empty())
        .filter_map(|n| {
            let (span, mut title) = titles::strip(doc, n.span, n.etype, gaz);
            let form = NameForm::new(doc.slice(span));
            if form.words.is_empty() {
                return None;
            }
            let before = titles::before(doc, n.span, gaz);
            title.gender = title.gender.or(before.gender);
            title.office = title.office.or(before.office);
            title.country = title.country.or(before.country);
            title.honorific |= before.honorific;
            let place = gaz
                .lookup(doc.slice(span))
                .map(|p| (p.country.iso2.clone(), p.kind));
            let seat = metonym::seat_of(&form);
            Some(NameRef {
                span,
                etype: n.etype,
                form,
                place,
                seat,
                title,
            })
        })
        .collect();
    refs.sort_by_key(|r| (r.span.start, r.span.end));
    refs.dedup_by_key(|r| r.span);
    refs
}

/// Descriptions and pronouns, left to right.
fn refer(
    doc: &Document,
    gaz: &Gazetteer,
    drafts: &mut Vec<draft::Draft>,
    history: &mut History,
    refs: &[NameRef],
) {
    let quotes = quoted::regions(doc);
    let mut narrator: Option<usize> = None;
    let name_spans: Vec<Span> = refs.iter().map(|r| r.span).collect();
    enum Item {
        Nominal(nominal::Nominal),
        Pronoun(pronoun::Pronoun),
        Narrator(Span),
    }
    let mut items: Vec<(usize, Item)> = nominal::find(doc, gaz, history, drafts)
        .into_iter()
        .map(|n| (n.span.start, Item::Nominal(n)))
        .chain(
            pronoun::find(doc)
                .into_iter()
                .filter(|p| !name_spans.iter().any(|s| s.overlaps(p.span)))
                .map(|p| (p.span.start, Item::Pronoun(p))),
        )
        .chain(
            doc.tokens
                .iter()
                .filter(|t| narrator::is_first_person(doc.slice(t.span)))
                .filter(|t| !quoted::inside(&quotes, t.span.start))
                .map(|t| (t.span.start, Item::Narrator(t.span))),
        )
        .collect();
    items.sort_by_key(|(at, _)| *at);
    for (_, item) in items {
        let (span, kind, d) = match item {
            Item::Nominal(n) => (
                n.span,
                MentionKind::Nominal,
                nominal::resolve(doc, &n, history, drafts),
            ),
            Item::Pronoun(p) => (
                p.span,
                MentionKind::Pronoun,
                pronoun::resolve(doc, &p, history, drafts),
            ),
            Item::Narrator(span) => (
                span,
                MentionKind::Pronoun,
                Some(*narrator.get_or_insert_with(|| narrator::draft(doc, history, drafts))),
            ),
        };
        if let Some(d) = d {
            drafts[d].mentions.push(Mention {
                span,
                kind,
                metonym: false,
            });
            history.add(doc, span, d);
        }
    }
}

/// Number, name and key the drafts.
fn finish(drafts: Vec<draft::Draft>, gaz: &Gazetteer) -> Vec<Entity> {
    let mut drafts: Vec<draft::Draft> = drafts
        .into_iter()
        .filter(|d| !d.mentions.is_empty())
        .collect();
    drafts.sort_by_key(|d| d.first());
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            keys::tidy(&mut d.mentions);
            let etype = d.etype();
            let name = keys::name(&d, gaz);
            Entity {
                id: format!("e{}", i + 1),
                key: keys::key(&d, etype, &name),
                subtype: subtype::of(&d).map(str::to_string),
                name,
                etype,
                mentions: d.mentions,
            }
        })
        .collect()
}

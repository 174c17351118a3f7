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
//!    ("he") join, left to right, over the [`discourse`] so far; first- and
//!    second-person pronouns outside [`quoted`] text go to the [`narrator`]
//!    and the addressee.
//! 4. [`metonym`] marks places that stand for governments; [`subtype`] and
//!    [`keys`] give finer types, names and cross-article keys.
//!
//! Entities are numbered `e1`, `e2`... in order of first mention. Every
//! mention span belongs to one entity. Name mentions keep the recogniser's
//! spans and types but for honorifics and titles of persons and the head of a
//! hyphenated compound that names a person.
//!
//! [`fallback`] finds names without a model: the baseline that the alias
//! floors also measure, and a way to resolve text without the recogniser.

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
    let mut refs = prepare(doc, names, gaz);
    let (mut drafts, mut owner) = cluster::cluster(&mut refs);
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
            let compound = title.compound;
            let place = gaz
                .lookup(doc.slice(span))
                .map(|p| (p.country.iso2.clone(), p.kind))
                .filter(|_| !compound);
            let seat = metonym::seat_of(&form).filter(|_| !compound);
            let original = compound.then(|| (n.span, NameForm::new(doc.slice(n.span))));
            Some(NameRef {
                span,
                etype: n.etype,
                form,
                place,
                seat,
                title,
                original,
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
    // The furthest end of the names up to each one (they are in text order).
    let reach: Vec<usize> = name_spans
        .iter()
        .scan(0, |end, s| {
            *end = s.end.max(*end);
            Some(*end)
        })
        .collect();
    enum Item {
        Nominal(nominal::Nominal),
        Pronoun(pronoun::Pronoun),
        Narrator(Span),
        Addressee(Span),
    }
    let mut addressee: Option<Option<usize>> = None;
    let mut items: Vec<(usize, Item)> = nominal::find(doc, gaz, history, drafts)
        .into_iter()
        .map(|n| (n.span.start, Item::Nominal(n)))
        .chain(
            pronoun::find(doc)
                .into_iter()
                .map(|p| (p.span.start, Item::Pronoun(p))),
        )
        .chain(
            doc.tokens
                .iter()
                .filter(|t| narrator::is_first_person(doc.slice(t.span)))
                .filter(|t| !quoted::inside(&quotes, t.span.start))
                .map(|t| (t.span.start, Item::Narrator(t.span))),
        )
        .chain(
            doc.tokens
                .iter()
                .filter(|t| narrator::is_second_person(doc.slice(t.span)))
                .filter(|t| !quoted::inside(&quotes, t.span.start))
                .map(|t| (t.span.start, Item::Addressee(t.span))),
        )
        .collect();
    items.sort_by_key(|(at, _)| *at);
    // One mention per span: a name wins over a description or pronoun there.
    let mut used: std::collections::HashSet<Span> = name_spans.iter().copied().collect();
    for (_, item) in items {
        let span = match &item {
            Item::Nominal(n) => n.span,
            Item::Pronoun(p) => p.span,
            Item::Narrator(s) | Item::Addressee(s) => *s,
        };
        let is_pronoun = !matches!(item, Item::Nominal(_));
        if used.contains(&span) || (is_pronoun && overlaps_a_name(&name_spans, &reach, span)) {
            continue;
        }
        let deictic = matches!(item, Item::Narrator(_) | Item::Addressee(_));
        let (span, kind, d) = match item {
            Item::Nominal(n) => (
                n.span,
                MentionKind::Nominal,
                nominal::resolve(doc, &n, history, drafts),
            ),
            Item::Pronoun(p) => (
                p.span,
                MentionKind::Pronoun,
                pronoun::resolve(doc, &p, &quotes, history, drafts),
            ),
            Item::Narrator(span) => (
                span,
                MentionKind::Pronoun,
                Some(*narrator.get_or_insert_with(|| narrator::draft(doc, history, drafts))),
            ),
            Item::Addressee(span) => (
                span,
                MentionKind::Pronoun,
                *addressee.get_or_insert_with(|| narrator::addressee(doc, history, drafts)),
            ),
        };
        if let Some(d) = d {
            used.insert(span);
            drafts[d].mentions.push(Mention {
                span,
                kind,
                metonym: false,
            });
            if deictic {
                history.add_deictic(doc, span, d);
            } else {
                history.add(doc, span, d);
            }
        }
    }
}

/// Does `span` overlap one of `names` (in text order, with `reach` their
/// running furthest end)?
fn overlaps_a_name(names: &[Span], reach: &[usize], span: Span) -> bool {
    let k = names.partition_point(|s| s.start < span.end);
    k > 0 && reach[k - 1] > span.start
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

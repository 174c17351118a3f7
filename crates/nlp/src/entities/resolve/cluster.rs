//! Grouping name mentions into entities.
//!
//! Gazetteer names group by what they name: every name of the United States
//! ("US", "America") is one entity, its capital another, its people a third.
//! Other names are taken fullest first, so that "Keir Starmer" is an entity
//! before "Starmer" or "Keir" looks for one; each shorter name joins the
//! entity it links to best ([`names::link`]), the nearest one on a tie, or
//! starts a new entity.

use std::collections::HashMap;

use tidings_model::{Document, EntityType};

use super::draft::{Draft, NameRef};
use super::gazetteer::PlaceKind;
use super::names::{self, Link};

/// Draft entities, and for each name (by index) the draft it belongs to.
pub fn cluster(names: &[NameRef]) -> (Vec<Draft>, Vec<usize>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut owner = vec![usize::MAX; names.len()];
    let mut keyed: HashMap<(String, PlaceKind), usize> = HashMap::new();
    let mut rest = Vec::new();
    for (i, n) in names.iter().enumerate() {
        match gazetteer_key(n) {
            Some(key) => {
                let d = *keyed.entry(key).or_insert_with(|| {
                    drafts.push(Draft {
                        place: n.place.clone(),
                        ..Draft::default()
                    });
                    drafts.len() - 1
                });
                owner[i] = d;
                join(&mut drafts[d], n);
            }
            None => rest.push(i),
        }
    }
    rest.sort_by_key(|&i| {
        (
            std::cmp::Reverse(names[i].form.words.len()),
            names[i].span.start,
        )
    });
    // Where each draft is mentioned so far, to break ties by distance.
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); drafts.len()];
    for (i, &d) in owner.iter().enumerate() {
        if d != usize::MAX {
            at[d].push(names[i].span.start);
        }
    }
    for i in rest {
        let n = &names[i];
        let mut best: Option<(Link, usize, usize)> = None;
        for (d, draft) in drafts.iter().enumerate() {
            let Some(l) = best_link(n, draft) else {
                continue;
            };
            let dist = distance(&at[d], n.span.start);
            if best.is_none_or(|(bl, _, bd)| (l, dist) < (bl, bd)) {
                best = Some((l, dist, d));
            }
        }
        let d = match best {
            Some((_, _, d)) => d,
            None => {
                drafts.push(Draft::default());
                at.push(Vec::new());
                drafts.len() - 1
            }
        };
        owner[i] = d;
        at[d].push(n.span.start);
        join(&mut drafts[d], n);
    }
    (drafts, owner)
}

/// Country, capital and nationality names group by country.
fn gazetteer_key(n: &NameRef) -> Option<(String, PlaceKind)> {
    if n.etype == EntityType::Per {
        return None;
    }
    n.place.clone()
}

fn join(d: &mut Draft, n: &NameRef) {
    d.types.push(n.etype);
    if !d.forms.contains(&n.form) {
        d.forms.push(n.form.clone());
    }
    if d.seat.is_none() {
        d.seat = n.seat;
    }
    d.learn(&n.title);
}

/// How well `n` names `draft`, if at all.
fn best_link(n: &NameRef, draft: &Draft) -> Option<Link> {
    let dtype = draft.etype();
    if draft.place.is_some() && n.etype == EntityType::Per {
        return None;
    }
    draft
        .forms
        .iter()
        .filter(|f| f.words.len() >= n.form.words.len())
        .filter_map(|f| {
            let l = names::link(&n.form, f, dtype)?;
            let types_fit = match l {
                Link::Same => true,
                Link::Part | Link::FirstName if dtype == EntityType::Per => {
                    n.etype == EntityType::Per || n.form.words.len() == 1
                }
                Link::Part => n.etype == dtype,
                Link::FirstName => false,
                Link::Acronym => n.etype != EntityType::Per && dtype != EntityType::Per,
            };
            types_fit.then_some(l)
        })
        .min()
}

/// Distance from `pos` to the nearest mention at or before it; mentions
/// after it count as further than any before.
fn distance(mentions: &[usize], pos: usize) -> usize {
    let before = mentions
        .iter()
        .filter(|&&m| m <= pos)
        .map(|&m| pos - m)
        .min();
    let after = mentions
        .iter()
        .filter(|&&m| m > pos)
        .map(|&m| m - pos)
        .min();
    match (before, after) {
        (Some(b), _) => b,
        (None, Some(a)) => usize::MAX / 2 + a,
        (None, None) => usize::MAX,
    }
}

/// Words that may come between a name and its alias in parentheses:
/// "Jerome (Latin: Eusebius Hieronymus)", "Ichiyō (born Natsu Higuchi)".
const ALIAS_FILLERS: &[&str] = &[
    "born", "né", "née", "nee", "also", "known", "as", "aka", "or", "formerly", "real", "name",
    "birth", "full", "original", "latin", "greek", ":", ";", ",", "“", "”", "\"",
];

/// A name followed by another of the same type in parentheses is one entity:
/// "Jerome (Eusebius Sophronius Hieronymus; ...)", "the Financial Conduct
/// Authority (FCA)". Merges the second name's draft into the first's.
pub fn merge_parenthesised(
    doc: &Document,
    names: &[NameRef],
    drafts: &mut [Draft],
    owner: &mut [usize],
) {
    for (i, n) in names.iter().enumerate() {
        let k = doc.tokens.partition_point(|t| t.span.start < n.span.end);
        if doc.tokens.get(k).map(|t| doc.slice(t.span)) != Some("(") {
            continue;
        }
        let mut j = k + 1;
        let mut alias = None;
        while j < doc.tokens.len() && j < k + 12 {
            let t = doc.tokens[j];
            let s = doc.slice(t.span);
            if s == ")" {
                break;
            }
            if let Some(m) = names.iter().position(|x| x.span.start == t.span.start) {
                if names[m].etype == n.etype {
                    alias = Some(m);
                    break;
                }
                // A language label ("Danish:") or another kind of name: go on.
                j = doc
                    .tokens
                    .partition_point(|t| t.span.start < names[m].span.end);
                continue;
            }
            if !ALIAS_FILLERS.contains(&s.to_lowercase().as_str()) {
                break;
            }
            j += 1;
        }
        let Some(m) = alias else { continue };
        let (a, b) = (owner[i], owner[m]);
        if a == b || drafts[b].place.is_some() || drafts[a].place.is_some() {
            continue;
        }
        let taken = std::mem::take(&mut drafts[b]);
        let d = &mut drafts[a];
        d.types.extend(taken.types);
        for f in taken.forms {
            if !d.forms.contains(&f) {
                d.forms.push(f);
            }
        }
        d.gender = d.gender.or(taken.gender);
        d.media |= taken.media;
        d.seat = d.seat.or(taken.seat);
        d.offices.extend(taken.offices);
        d.countries.extend(taken.countries);
        for o in owner.iter_mut().filter(|o| **o == b) {
            *o = a;
        }
    }
}

//! Grouping name mentions into entities.
//!
//! Gazetteer names group by what they name: every name of the United States
//! ("US", "America") is one entity, its capital another, its people a third.
//! Other names are taken fullest first, so that "Keir Starmer" is an entity
//! before "Starmer" or "Keir" looks for one; each shorter name joins the
//! entity it links to best ([`names::link`]), the nearest one on a tie, or
//! starts a new entity.

use std::collections::{BTreeSet, HashMap};

use tidings_model::{Document, EntityType};

use super::draft::{Draft, NameRef};
use super::gazetteer::PlaceKind;
use super::names::{self, Link, NameForm};

/// Draft entities, and for each name (by index) the draft it belongs to.
/// The gazetteer's drafts (countries, capitals, peoples) come first.
pub fn cluster(names: &mut [NameRef]) -> (Vec<Draft>, Vec<usize>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut owner = vec![usize::MAX; names.len()];
    let mut keyed: HashMap<(String, PlaceKind, EntityType), usize> = HashMap::new();
    let mut rest = Vec::new();
    let mut compounds = Vec::new();
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
            None if n.is_compound() => compounds.push(i),
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
    let mut at: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); drafts.len()];
    for (i, &d) in owner.iter().enumerate() {
        if d != usize::MAX {
            at[d].insert(names[i].span.start);
        }
    }
    // Drafts by the words and initials of their names: only those can link.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (d, draft) in drafts.iter().enumerate() {
        for f in &draft.forms {
            index_form(&mut by_word, f, d);
        }
    }
    for i in rest {
        let n = &names[i];
        // The strongest link, then the nearest draft, then the first made.
        let mut best: Option<(Link, usize, usize)> = None;
        let mut cands: Vec<usize> = candidates(&by_word, &n.form).collect();
        cands.sort_unstable();
        cands.dedup();
        for d in cands {
            let Some(l) = best_link(n, &drafts[d]) else {
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
                at.push(BTreeSet::new());
                drafts.len() - 1
            }
        };
        owner[i] = d;
        at[d].insert(n.span.start);
        if !drafts[d].forms.contains(&n.form) {
            index_form(&mut by_word, &n.form, d);
        }
        join(&mut drafts[d], n);
    }
    // Compound heads last: "Donald Trump" of "Donald Trump-initiated" joins a
    // person it names; "Boston" of "Boston-based" stays "Boston-based".
    for i in compounds {
        let n = &names[i];
        let person = sharing_a_word(&by_word, &n.form).find(|&d| {
            let x = &drafts[d];
            !x.types.is_empty()
                && x.etype() == EntityType::Per
                && x.forms.iter().any(|f| names_person(&n.form, f))
        });
        let d = match person {
            Some(d) => d,
            None => {
                if let Some((span, form)) = names[i].original.take() {
                    names[i].span = span;
                    names[i].form = form;
                }
                drafts.push(Draft::default());
                drafts.len() - 1
            }
        };
        owner[i] = d;
        join(&mut drafts[d], &names[i]);
    }
    (drafts, owner)
}

/// Most drafts a name is compared with: a word shared by more drafts than
/// this (only in generated or pathological text) is looked up among the
/// latest drafts made, which keeps grouping linear in the number of names.
const MAX_CANDIDATES: usize = 256;

/// The drafts `form` may link to, each once. Every link of a name of several
/// words needs the other name to hold all its identifying words, so those
/// come from the word that the fewest drafts share; a one-word name may be
/// any of its drafts' words or initials.
fn candidates<'a>(
    by_word: &'a HashMap<String, Vec<usize>>,
    form: &NameForm,
) -> impl Iterator<Item = usize> + 'a {
    let core = names::identifying(&form.words);
    let list: &[usize] = core
        .iter()
        .map(|w| by_word.get(w).map_or(&[][..], Vec::as_slice))
        .min_by_key(|l| l.len())
        .unwrap_or(&[]);
    list[list.len().saturating_sub(MAX_CANDIDATES)..]
        .iter()
        .copied()
}

/// The drafts that share a word with `form` (the latest made, per word).
fn sharing_a_word<'a>(
    by_word: &'a HashMap<String, Vec<usize>>,
    form: &'a NameForm,
) -> impl Iterator<Item = usize> + 'a {
    form.words
        .iter()
        .filter_map(|w| by_word.get(w))
        .flat_map(|l| &l[l.len().saturating_sub(MAX_CANDIDATES)..])
        .copied()
}

/// Do the two names name one person, either being the fuller?
fn names_person(a: &NameForm, b: &NameForm) -> bool {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    matches!(
        names::link(short, long, EntityType::Per),
        Some(Link::Same | Link::Part)
    )
}

/// Index draft `d` under the words and the initials of `form`.
fn index_form(by_word: &mut HashMap<String, Vec<usize>>, form: &NameForm, d: usize) {
    let keys = form
        .words
        .iter()
        .cloned()
        .chain(names::initials(&form.words));
    for k in keys {
        let list = by_word.entry(k).or_default();
        if list.last() != Some(&d) {
            list.push(d);
        }
    }
}

/// Country, capital and nationality names group by country, within one
/// recogniser type: "Seattle" the city (LOC) is not "Seattle" the team (ORG).
fn gazetteer_key(n: &NameRef) -> Option<(String, PlaceKind, EntityType)> {
    if n.etype == EntityType::Per {
        return None;
    }
    n.place.clone().map(|(iso2, kind)| (iso2, kind, n.etype))
}

fn join(d: &mut Draft, n: &NameRef) {
    if !n.is_compound() {
        d.types.push(n.etype);
    } else {
        d.loose_types.push(n.etype);
    }
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
            // Same names of different types are different things: the
            // city and its team, the county and its cricket club.
            let types_fit = match l {
                Link::Same => n.etype == dtype,
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
fn distance(mentions: &BTreeSet<usize>, pos: usize) -> usize {
    let before = mentions.range(..=pos).next_back().map(|&m| pos - m);
    let after = mentions
        .range(pos.saturating_add(1)..)
        .next()
        .map(|&m| m - pos);
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
            let m = names.partition_point(|x| x.span.start < t.span.start);
            if let Some(m) = (m < names.len() && names[m].span.start == t.span.start).then_some(m) {
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
        d.loose_types.extend(taken.loose_types);
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

//! Actors: who did it (source) and to whom (target), and where.
//!
//! Candidates come from the entity layer (name, nominal and pronoun mentions,
//! resolved to their entity) and, where that layer says nothing, from runs
//! of capitalised words ("European allies", "Mr Putin"); generic actor nouns
//! ("protesters", "police", "officials") are candidates in both cases.
//! A candidate right after "in", "at" or "near" that is a place (a location
//! that is not a metonym like "Kyiv said") is the event's place, never an
//! actor.
//!
//! Source: the nearest candidate before the trigger in its clause that is
//! not inside a prepositional phrase; of a coordination ("Ukraine and Russia
//! agreed"), the first member, the second becoming the target. Target: the
//! first candidate after the trigger in its clause; an unresolved object
//! pronoun ("accused him") the nearest earlier actor. Demands phrased in the
//! passive ("X must be given a deadline") take X as the target and the
//! reporting speaker as the source. A source still missing is the speaker of
//! a report in the sentence ("..., the minister said").

use tidings_model::{Actor, Document, EntityType, MentionKind, Span, Token, TokenKind};

use super::lexicon::{Hit, TriggerKind};

/// Who a candidate is: an entity of the document (by index) or a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Entity(usize),
    Phrase(Span),
}

impl Who {
    /// The participant as an [`Actor`] of `doc`.
    pub fn actor(self, doc: &Document) -> Actor {
        match self {
            Who::Entity(i) => Actor {
                entity: Some(doc.entities[i].id.clone()),
                name: doc.entities[i].name.clone(),
            },
            Who::Phrase(span) => Actor {
                entity: None,
                name: doc.slice(span).to_string(),
            },
        }
    }
}

/// A possible participant, over tokens `first..=last` of the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub first: usize,
    pub last: usize,
    pub who: Who,
    /// A person (a PER entity, or a name after a title such as "Mr").
    pub person: bool,
    /// A location used as a place, not an actor.
    pub place: bool,
}

/// Nouns that name a group acting as one.
const GENERIC_ACTORS: &[&str] = &[
    "protesters",
    "protestors",
    "demonstrators",
    "police",
    "troops",
    "soldiers",
    "rebels",
    "militants",
    "insurgents",
    "officials",
    "allies",
    "leaders",
    "government",
    "army",
    "forces",
    "authorities",
    "ministers",
    "lawmakers",
    "gunmen",
    "students",
    "workers",
    "court",
    "coalition",
    "nations",
    "countries",
    "states",
    "partners",
    "diplomats",
];

/// Capitalised words that do not start a name, besides month and weekday
/// names ([`not_a_name`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "following",
    "after",
    "before",
    "earlier",
    "later",
    "last",
    "next",
    "meanwhile",
    "speaking",
    "pushed",
    "ahead",
    "thursday's",
    "if",
    "when",
    "while",
    "as",
    "since",
    "for",
    "of",
    "with",
    "by",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "according",
    "officials",
    "some",
];

const TITLES: &[&str] = &["mr", "mrs", "ms", "sir", "dame", "dr", "lord", "lady"];

const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "across", "inside", "outside"];

const PREPOSITIONS: &[&str] = &[
    "of", "from", "with", "to", "in", "at", "for", "by", "on", "near", "against", "about", "over",
    "into", "between", "under",
];

/// The document's entity mentions sorted by position, built once per
/// document so that each sentence finds its own by binary search.
#[derive(Debug, Clone, Default)]
pub struct MentionIndex {
    /// `(mention span, entity index, mention index)`.
    items: Vec<(Span, usize, usize)>,
}

impl MentionIndex {
    pub fn new(doc: &Document) -> Self {
        let mut items: Vec<(Span, usize, usize)> = doc
            .entities
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| {
                e.mentions
                    .iter()
                    .enumerate()
                    .map(move |(mi, m)| (m.span, ei, mi))
            })
            .filter(|(s, _, _)| !s.is_empty())
            .collect();
        items.sort_by_key(|(s, _, _)| (s.start, s.end));
        MentionIndex { items }
    }

    /// Mentions that lie inside `span`.
    fn within(&self, span: Span) -> impl Iterator<Item = &(Span, usize, usize)> {
        let lo = self.items.partition_point(|(s, _, _)| s.start < span.start);
        let hi = self.items.partition_point(|(s, _, _)| s.start < span.end);
        self.items[lo..hi]
            .iter()
            .filter(move |(s, _, _)| s.end <= span.end)
    }
}

/// Every candidate in the sentence whose tokens are `tokens`, sorted by
/// position.
pub fn candidates(
    doc: &Document,
    mentions: &MentionIndex,
    tokens: &[Token],
    words: &[String],
) -> Vec<Candidate> {
    let Some(first) = tokens.first() else {
        return Vec::new();
    };
    let span = Span::new(first.span.start, tokens[tokens.len() - 1].span.end);
    let tok_at = |offset: usize| tokens.partition_point(|t| t.span.end <= offset);
    let mut out: Vec<Candidate> = Vec::new();
    for &(mspan, ei, mi) in mentions.within(span) {
        let e = &doc.entities[ei];
        let m = &e.mentions[mi];
        let first = tok_at(mspan.start);
        let last = tok_at(mspan.end - 1).min(tokens.len() - 1);
        let after_prep = first > 0 && PLACE_PREPOSITIONS.contains(&words[first - 1].as_str())
            || first > 1
                && words[first - 1] == "the"
                && PLACE_PREPOSITIONS.contains(&words[first - 2].as_str());
        let place = e.etype == EntityType::Loc && !m.metonym && after_prep;
        if m.kind == MentionKind::Pronoun && e.etype == EntityType::Loc {
            continue;
        }
        out.push(Candidate {
            first,
            last,
            who: Who::Entity(ei),
            person: e.etype == EntityType::Per,
            place,
        });
    }
    if doc.entities.is_empty() {
        out.extend(capitalised_runs(doc, tokens, words));
    }
    for (i, w) in words.iter().enumerate() {
        if GENERIC_ACTORS.contains(&w.as_str()) && !out.iter().any(|c| c.first <= i && i <= c.last)
        {
            let mut first = i;
            while first > 0
                && is_capitalised(doc.slice(tokens[first - 1].span))
                && tokens[first - 1].kind == TokenKind::Word
                && !not_a_name(&words[first - 1])
            {
                first -= 1;
            }
            out.retain(|c| !(c.first >= first && c.last < i));
            out.push(Candidate {
                first,
                last: i,
                who: Who::Phrase(Span::new(tokens[first].span.start, tokens[i].span.end)),
                person: false,
                place: false,
            });
        }
    }
    out.sort_by_key(|c| (c.first, c.last));
    out.dedup_by(|b, a| a.first <= b.first && b.last <= a.last);
    out
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Runs of capitalised words, titles stripped from the name.
fn capitalised_runs(doc: &Document, tokens: &[Token], words: &[String]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let cap = |j: usize| {
            tokens[j].kind == TokenKind::Word
                && is_capitalised(doc.slice(tokens[j].span))
                && !not_a_name(&words[j])
        };
        if !cap(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < tokens.len() && cap(i) {
            i += 1;
        }
        let mut name_start = start;
        while name_start < i && TITLES.contains(&words[name_start].trim_end_matches('.')) {
            name_start += 1;
        }
        if name_start == i {
            continue;
        }
        let after_prep = start > 0 && PLACE_PREPOSITIONS.contains(&words[start - 1].as_str())
            || start > 1
                && words[start - 1] == "the"
                && PLACE_PREPOSITIONS.contains(&words[start - 2].as_str());
        out.push(Candidate {
            first: start,
            last: i - 1,
            who: Who::Phrase(Span::new(
                tokens[name_start].span.start,
                tokens[i - 1].span.end,
            )),
            person: name_start > start,
            place: after_prep,
        });
    }
    out
}

/// Source and target of the trigger `hit` in a sentence with `cands`.
pub fn assign(
    words: &[String],
    cands: &[Candidate],
    hits: &[Hit],
    hit: &Hit,
    clause: (usize, usize),
    symmetric: bool,
) -> (Option<Who>, Option<Who>) {
    let actors: Vec<&Candidate> = cands.iter().filter(|c| !c.place).collect();
    let (clause_start, clause_end) = clause;
    let before: Vec<&Candidate> = actors
        .iter()
        .copied()
        .filter(|c| c.last < hit.first)
        .collect();
    let in_clause = |c: &&Candidate| c.first >= clause_start;
    let after_prep =
        |c: &Candidate| c.first > 0 && PREPOSITIONS.contains(&words[c.first - 1].as_str());
    let mut source = before
        .iter()
        .rev()
        .find(|c| in_clause(c) && !after_prep(c))
        .or_else(|| before.iter().find(|c| !after_prep(c)))
        .copied();
    let mut coordinated = None;
    if let Some(s) = source {
        // Walk back over "A and B" / "A, B and C" to the first member.
        let mut first = s;
        loop {
            let prev = before.iter().rev().find(|c| c.last < first.first).copied();
            match prev {
                Some(p)
                    if first.first >= p.last + 2
                        && (p.last + 1..first.first)
                            .all(|i| matches!(words[i].as_str(), "and" | "," | "&")) =>
                {
                    coordinated = Some(first);
                    first = p;
                }
                _ => break,
            }
        }
        source = Some(first);
    }
    let after = actors
        .iter()
        .find(|c| (c.first > hit.first && c.last < hit.last) || c.first > hit.last)
        .filter(|c| c.first <= clause_end)
        .copied();
    let mut target = if symmetric {
        coordinated.or(after)
    } else {
        after.or(coordinated)
    };
    if let (Some(s), Some(t)) = (source, target)
        && s.who == t.who
    {
        target = None;
    }
    // "accused him of": an object pronoun the entity layer left unresolved
    // stands for the nearest earlier actor other than the source.
    let object = words.get(hit.first + 1).map(String::as_str);
    if target.is_none() && matches!(object, Some("him" | "her" | "them")) {
        let person = object != Some("them");
        target = before
            .iter()
            .rev()
            .find(|c| c.person == person && source.is_none_or(|s| s.who != c.who))
            .copied();
    }
    let passive_demand = matches!(words[hit.first].as_str(), "must" | "should")
        && words.get(hit.first + 1).is_some_and(|w| w == "be");
    if passive_demand {
        target = source;
        source = speaker_before(words, &actors, hits, hit);
    }
    if source.is_none() {
        source = speaker_after(&actors, hits, hit);
    }
    if let (Some(s), Some(t)) = (source, target)
        && s.who == t.who
    {
        target = None;
    }
    (source.map(|c| c.who), target.map(|c| c.who))
}

/// The subject of a reporting verb before the trigger ("He said X must ...").
fn speaker_before<'a>(
    _words: &[String],
    actors: &[&'a Candidate],
    hits: &[Hit],
    hit: &Hit,
) -> Option<&'a Candidate> {
    let report = hits
        .iter()
        .rev()
        .find(|h| h.kind == TriggerKind::Report && h.last < hit.first)?;
    actors.iter().rev().find(|c| c.last < report.first).copied()
}

/// The subject of a reporting verb after the trigger ("..., he said").
fn speaker_after<'a>(actors: &[&'a Candidate], hits: &[Hit], hit: &Hit) -> Option<&'a Candidate> {
    let report = hits
        .iter()
        .find(|h| h.kind == TriggerKind::Report && h.first > hit.last)?;
    actors
        .iter()
        .find(|c| c.first > report.last && c.first <= report.last + 4)
        .or_else(|| {
            actors
                .iter()
                .rev()
                .find(|c| c.last < report.first && c.first > hit.last)
        })
        .copied()
}

/// The event's place: the place candidate of the clause nearest to the
/// trigger at token `at` (after it preferred), else the sentence's first.
pub fn place(cands: &[Candidate], clause: (usize, usize), at: usize) -> Option<Who> {
    let places = || cands.iter().filter(|c| c.place);
    places()
        .filter(|c| c.first >= clause.0 && c.first <= clause.1)
        .min_by_key(|c| {
            if c.first >= at {
                2 * (c.first - at)
            } else {
                2 * (at - c.last) + 1
            }
        })
        .or_else(|| places().next())
        .map(|c| c.who)
}

/// A capitalised word that never starts an actor's name.
fn not_a_name(w: &str) -> bool {
    NOT_NAMES.contains(&w) || crate::time::lexicon::is_month_or_weekday_name(w)
}

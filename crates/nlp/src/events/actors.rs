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
//! Modifiers are not actors: a nationality adjective ("Russian agricultural
//! goods") unless it qualifies the event itself ("Israeli airstrikes"), and a
//! name that only qualifies a person's name ("Nato secretary-general Mark
//! Rutte", "French president Emmanuel Macron").
//!
//! Source: the subject, i.e. the nearest candidate before the trigger in its
//! clause that is not inside a prepositional phrase, and not the speaker of
//! a report verb standing between them ("Zelensky said sanctions were ..."
//! is Zelensky's statement, not his sanctions); a trigger that shares its
//! subject with an earlier verb ("support Kyiv and deter Moscow") takes that
//! verb's subject, not its object. Of a coordination ("Ukraine and Russia
//! agreed", "Mr Trump and Mr Zelensky"), the first member; for symmetric
//! events the second becomes the target, for the others the members are
//! co-sources, never targets. A passive trigger ("was attacked by X") takes
//! the agent as source and the subject as target.
//!
//! Target: the first candidate after the trigger among its arguments, which
//! end at a clause opener ("agreed that Russia ..."), an infinitive ("deploy
//! troops to secure a deal with Russia") or the next predicate; a symmetric
//! event prefers a partner introduced by "with". An unresolved object
//! pronoun ("accused him") is the nearest earlier actor. Demands phrased in
//! the passive ("X must be given a deadline") take X as the target and the
//! reporting speaker as the source. The addressee of a report ("Speaking to
//! Sky News, X said") is its target, never its source. A source still
//! missing is the speaker of a report after the trigger ("..., the minister
//! said").

use tidings_model::{Actor, Document, EntityType, MentionKind, Span, Token, TokenKind};

use super::lexicon::{Hit, TriggerKind};
use super::shallow;
use crate::entities::mention_index::MentionIndex;

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
            Who::Entity(i) => Actor::new(
                Some(doc.entities[i].id.clone()),
                doc.entities[i].name.clone(),
            ),
            Who::Phrase(span) => Actor::new(None, doc.slice(span).to_string()),
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
    "military",
    "administration",
    "embassy",
    "ministry",
    "president",
    "minister",
    "leader",
    "spokesman",
    "spokeswoman",
    "chief",
    "chiefs",
    "commander",
    "navy",
    "parliament",
    "negotiators",
    "group",
    "groups",
    "judge",
    "prosecutors",
    "extremists",
    "guerrillas",
    "separatists",
    "fighters",
    "militia",
    "militias",
    "civilians",
    "refugees",
    "prisoners",
    "detainees",
    "elders",
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

/// A place preposition before token `first`, looking through a determiner
/// and a possessive place name ("at London's Northwood headquarters").
fn after_place_preposition(words: &[String], first: usize) -> bool {
    let mut i = first;
    if i >= 2 && words[i - 1] == "'s" {
        // "London 's Northwood": step over the possessor (one or two words).
        i -= 2;
        if i > 0 && !PLACE_PREPOSITIONS.contains(&words[i - 1].as_str()) && words[i - 1] != "the" {
            i = i.saturating_sub(1);
        }
    }
    if i > 0 && words[i - 1] == "the" {
        i -= 1;
    }
    i > 0 && PLACE_PREPOSITIONS.contains(&words[i - 1].as_str())
}

/// Words of a report that introduce its addressee ("speaking to X").
const ADDRESSING: &[&str] = &[
    "speaking", "talking", "spoke", "speak", "speaks", "told", "telling",
];

/// Most tokens between a qualifying name and the person's name it
/// qualifies ("Nato secretary-general Mark Rutte").
const MODIFIER_GAP: usize = 3;

/// Most tokens between two members of a coordination.
const COORDINATION_GAP: usize = 5;

/// Every candidate in the sentence whose tokens are `tokens`, sorted by
/// position.
pub fn candidates(
    doc: &Document,
    mentions: &MentionIndex,
    tokens: &[Token],
    words: &[String],
    hits: &[Hit],
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
        let after_prep = after_place_preposition(words, first);
        let place = e.etype == EntityType::Loc && !m.metonym && after_prep;
        if m.kind == MentionKind::Pronoun && e.etype == EntityType::Loc {
            continue;
        }
        // A one-word nationality or other adjective-like name before a word
        // qualifies it ("Russian agricultural goods", "Russian President
        // Vladimir Putin"); it acts only when it qualifies the event itself
        // ("Israeli airstrikes").
        let qualifies_next = first == last
            && words.get(last + 1).is_some_and(|w| {
                w.chars().all(char::is_alphabetic) && !matches!(w.as_str(), "and" | "or")
            });
        if e.etype == EntityType::Misc
            && qualifies_next
            && !hits.iter().any(|h| h.first == last + 1)
        {
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
    drop_modifiers(out, words)
}

/// Remove names that only qualify the person's name after them ("Nato
/// secretary-general Mark Rutte"): a few words apart, none of them a
/// conjunction, preposition, verb or punctuation.
fn drop_modifiers(cands: Vec<Candidate>, words: &[String]) -> Vec<Candidate> {
    let qualifies = |a: &Candidate, b: &Candidate| {
        b.person
            && b.first > a.last
            && b.first - a.last - 1 <= MODIFIER_GAP
            && (a.last + 1..b.first).all(|i| {
                let w = words[i].as_str();
                (w == "-" || w.chars().any(char::is_alphabetic))
                    && !matches!(w, "and" | "or" | "'s")
                    && !shallow::is_preposition(w)
                    && !shallow::is_determiner(w)
                    && !shallow::is_auxiliary(w)
                    && !shallow::is_past(w)
            })
    };
    let keep: Vec<bool> = cands
        .iter()
        .enumerate()
        .map(|(i, a)| a.place || a.person || cands.get(i + 1).is_none_or(|b| !qualifies(a, b)))
        .collect();
    cands
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
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
        let after_prep = after_place_preposition(words, start);
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
    let (clause_start, _) = clause;
    // A trigger right after "and" with no subject of its own shares the
    // subject of the predicate before it ("support Kyiv and deter ...").
    // After ", and" the shared subject is the sentence's ("He said X must
    // ..., and accused him"): the first predicate's.
    let comma_and = hit.first > 1 && words[hit.first - 2] == ",";
    let predicate = |h: &&Hit| h.kind != TriggerKind::Noun && h.last + 1 < hit.first;
    let prev = if comma_and {
        hits.iter().find(predicate)
    } else {
        hits.iter()
            .rfind(|h| predicate(h) && h.first >= clause_start)
    };
    if hit.first > 0
        && matches!(words[hit.first - 1].as_str(), "and" | "or")
        && let Some(prev) = prev
    {
        let (source, _) = assign(words, cands, hits, prev, clause, false);
        return assign_own(words, cands, hits, hit, clause, symmetric, Some(source));
    }
    assign_own(words, cands, hits, hit, clause, symmetric, None)
}

/// Source and target of `hit` from its own clause; `shared` is the source
/// it shares with an earlier predicate, when it does.
fn assign_own(
    words: &[String],
    cands: &[Candidate],
    hits: &[Hit],
    hit: &Hit,
    clause: (usize, usize),
    symmetric: bool,
    shared: Option<Option<Who>>,
) -> (Option<Who>, Option<Who>) {
    let actors: Vec<&Candidate> = cands.iter().filter(|c| !c.place).collect();
    let (clause_start, clause_end) = clause;
    // The subject is not the speaker of a report verb that stands between
    // it and the trigger, nor the object of a verb whose subject the
    // trigger shares ("support Kyiv and deter ...").
    let floor = hits
        .iter()
        .filter(|h| h.kind == TriggerKind::Report && h.last < hit.first && h.first != hit.first)
        .map(|h| h.last + 1)
        .max()
        .unwrap_or(0);
    let addressee = |c: &Candidate| addressed(words, c);
    let before: Vec<&Candidate> = actors
        .iter()
        .copied()
        .filter(|c| c.last < hit.first && c.first >= floor && !addressee(c))
        .collect();
    let in_clause = |c: &&Candidate| c.first >= clause_start;
    let mut source = before
        .iter()
        .rev()
        .find(|c| in_clause(c) && !after_preposition(words, &actors, c))
        .or_else(|| {
            before
                .iter()
                .find(|c| !after_preposition(words, &actors, c))
        })
        .copied();
    // "Syria says it is willing to withdraw": a pronoun subject after a
    // report verb, left unresolved, is the speaker.
    if source.is_none()
        && floor > 0
        && (floor..hit.first).any(|i| matches!(words[i].as_str(), "it" | "he" | "she" | "they"))
    {
        source = speaker_before(words, &actors, hits, hit);
    }
    let mut coordinated = None;
    if let Some(s) = source {
        let (first, second) = first_of_coordination(words, &before, s);
        source = Some(first);
        coordinated = second;
    }
    if let Some(shared) = shared {
        source = shared.and_then(|w| actors.iter().find(|c| c.who == w).copied());
        coordinated = None;
    }
    let others: Vec<usize> = hits
        .iter()
        .filter(|h| h.kind != TriggerKind::Noun && h.first > hit.last)
        .map(|h| h.first)
        .collect();
    let name_at = |i: usize| cands.iter().any(|c| c.first <= i && i <= c.last);
    let info = super::cameo::info(&hit.code);
    let verbal = super::cameo::penta(&hit.code).is_some_and(|c| matches!(c, 0 | 1 | 3));
    // "demanded that the US cancel": a directed act's addressee is the
    // subject of its complement clause.
    let directed = info.is_some_and(|i| matches!(i.plover, "REQUEST" | "ACCUSE" | "THREATEN"));
    let stops: Vec<usize> = if verbal {
        hits.iter()
            .filter(|h| h.kind == TriggerKind::Report && h.first > hit.last)
            .map(|h| h.first)
            .collect()
    } else {
        others
    };
    let arguments_end = shallow::argument_end(
        words,
        hit.last,
        clause_end,
        &stops,
        shallow::Stops {
            purpose: !verbal,
            complement: !directed,
        },
        name_at,
    );
    let after_all: Vec<&Candidate> = actors
        .iter()
        .copied()
        .filter(|c| (c.first > hit.first && c.last < hit.last) || c.first > hit.last)
        .filter(|c| c.first <= arguments_end)
        .collect();
    let after = after_all.first().copied();
    // A partner introduced by the trigger's own "with" ("talks with Kyiv",
    // "agreed with X"), not by a later phrase ("after talks with the US").
    let partner = after_all
        .iter()
        .find(|c| {
            let mut i = c.first;
            while i > 0 && shallow::is_determiner(&words[i - 1]) {
                i -= 1;
            }
            i > 0 && words[i - 1] == "with" && i - 1 <= hit.last + 2
        })
        .copied();
    let mut target = if symmetric {
        partner.or(coordinated).or(after)
    } else {
        after
    };
    if passive(words, hit) {
        let agent = after_all
            .iter()
            .find(|c| word_before(words, c) == Some("by"))
            .copied();
        target = source;
        source = agent;
    }
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
    if hit.kind == TriggerKind::Report && target.is_none() {
        target = actors.iter().find(|c| addressee(c)).copied();
    }
    if source.is_none() && shared.is_none() {
        source = speaker_after(words, &actors, hits, hit);
    }
    if let (Some(s), Some(t)) = (source, target)
        && s.who == t.who
    {
        target = None;
    }
    (source.map(|c| c.who), target.map(|c| c.who))
}

/// The word before a candidate, looking through determiners.
fn word_before<'a>(words: &'a [String], c: &Candidate) -> Option<&'a str> {
    let mut i = c.first;
    while i > 0 && shallow::is_determiner(&words[i - 1]) {
        i -= 1;
    }
    (i > 0).then(|| words[i - 1].as_str())
}

/// The candidate is inside the object of a preposition: looking back
/// through determiners, possessives and other candidates' words ("with
/// Kyiv's military chiefs").
fn after_preposition(words: &[String], cands: &[&Candidate], c: &Candidate) -> bool {
    let mut i = c.first;
    while i > 0 {
        let w = words[i - 1].as_str();
        if shallow::is_preposition(w) {
            return true;
        }
        let named = cands.iter().any(|o| o.first < i && i - 1 <= o.last);
        if shallow::is_determiner(w) || w == "'s" || named {
            i -= 1;
        } else {
            return false;
        }
    }
    false
}

/// The candidate is a report's addressee ("speaking to Sky News", "told
/// the BBC").
fn addressed(words: &[String], c: &Candidate) -> bool {
    let mut i = c.first;
    while i > 0 && shallow::is_determiner(&words[i - 1]) {
        i -= 1;
    }
    let w = |k: usize| words[k].as_str();
    (i >= 2 && w(i - 1) == "to" && ADDRESSING.contains(&w(i - 2)))
        || (i >= 1 && matches!(w(i - 1), "told" | "telling"))
}

/// A trigger in the passive: a form of "be" before a past participle.
fn passive(words: &[String], hit: &Hit) -> bool {
    let mut i = hit.first;
    while i > 0 && matches!(words[i - 1].as_str(), "not" | "n't" | "reportedly" | "also") {
        i -= 1;
    }
    let before_to = words[hit.last] == "to" || words.get(hit.last + 1).is_some_and(|w| w == "to");
    i > 0
        && matches!(
            words[i - 1].as_str(),
            "was" | "were" | "been" | "being" | "is" | "are" | "be"
        )
        && shallow::is_past(&words[hit.first])
        && !before_to
}

/// The first member of a coordination ending in `s` ("Ukraine and Russia",
/// "Mr Trump and Mr Zelensky", "the UK, France and Germany"), and the
/// member after it. Members are joined by "and", "&" or commas (a comma
/// alone is an apposition, not a coordination) with only titles,
/// determiners and words of names between.
fn first_of_coordination<'a>(
    words: &[String],
    before: &[&'a Candidate],
    s: &'a Candidate,
) -> (&'a Candidate, Option<&'a Candidate>) {
    let joins = |p: &Candidate, q: &Candidate| {
        q.first > p.last + 1
            && q.first - p.last - 1 <= COORDINATION_GAP
            && matches!(words[p.last + 1].as_str(), "and" | "&" | ",")
            && (p.last + 1..q.first).all(|i| {
                let w = words[i].as_str();
                matches!(w, "and" | "&" | "," | "-")
                    || TITLES.contains(&w.trim_end_matches('.'))
                    || shallow::is_determiner(w)
                    || (w.chars().any(char::is_alphabetic)
                        && !shallow::is_preposition(w)
                        && !shallow::is_auxiliary(w)
                        && !shallow::is_past(w)
                        && !w.ends_with("ing"))
            })
    };
    let mut chain = vec![s];
    let mut first = s;
    while let Some(p) = before.iter().rev().find(|c| c.last < first.first).copied() {
        if !joins(p, first) {
            break;
        }
        chain.push(p);
        first = p;
    }
    // A list needs a conjunction somewhere: "Sky News, Pat McFadden" is not one.
    let has_conjunction = chain
        .windows(2)
        .any(|w| (w[1].last + 1..w[0].first).any(|i| matches!(words[i].as_str(), "and" | "&")));
    if chain.len() < 2 || !has_conjunction {
        return (s, None);
    }
    let n = chain.len();
    (chain[n - 1], Some(chain[n - 2]))
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
/// Only a report of the same sentence part: not one after "while" or "but"
/// ("X said ..., while Y said ...").
fn speaker_after<'a>(
    words: &[String],
    actors: &[&'a Candidate],
    hits: &[Hit],
    hit: &Hit,
) -> Option<&'a Candidate> {
    let report = hits
        .iter()
        .find(|h| h.kind == TriggerKind::Report && h.first > hit.last)?;
    if (hit.last + 1..report.first).any(|i| {
        matches!(
            words[i].as_str(),
            "while" | "whereas" | "but" | "although" | "though" | ";"
        )
    }) {
        return None;
    }
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
/// trigger at token `at` (after it preferred: "talks with the US in Saudi
/// Arabia"), else the sentence's first.
pub fn place(cands: &[Candidate], clause: (usize, usize), at: usize) -> Option<Who> {
    let places = || cands.iter().filter(|c| c.place);
    places()
        .filter(|c| c.first >= clause.0 && c.first <= clause.1)
        .min_by_key(|c| {
            if c.first >= at {
                c.first - at
            } else {
                3 * (at - c.last) + 1
            }
        })
        .or_else(|| places().next())
        .map(|c| c.who)
}

/// The last token of a run of capitalised words opening the sentence
/// ("DHS returned ..."), a subject the entity layer did not name; `None`
/// when the sentence opens otherwise ("It is ...", "The talks ...").
pub fn leading_name(doc: &Document, tokens: &[Token], words: &[String]) -> Option<usize> {
    let start = usize::from(words.first().is_some_and(|w| w == "the"));
    let cap = |j: usize| {
        tokens[j].kind == TokenKind::Word
            && is_capitalised(doc.slice(tokens[j].span))
            && !not_a_name(&words[j])
            && !shallow::is_verb_form(&words[j])
    };
    let mut j = start;
    while j < tokens.len() && cap(j) {
        j += 1;
    }
    (j > start).then(|| j - 1)
}

/// A capitalised word that never starts an actor's name.
fn not_a_name(w: &str) -> bool {
    NOT_NAMES.contains(&w) || crate::time::lexicon::is_month_or_weekday_name(w)
}

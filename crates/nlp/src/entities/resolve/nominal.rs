//! Descriptions that name an entity without its name.
//!
//! Found by their form:
//! - an office, with its country where given: "the Ukrainian president",
//!   "the US president", "the prime minister", "Russia's president", "the
//!   president of France";
//! - a capital by its country: "the French capital";
//! - "the country", "the city", and organisation heads ("the university",
//!   "the newspaper", "the company");
//! - a description set beside a name: "Paris, the French capital," or
//!   "Shalev is a professor at...", "She was the first woman to...".
//!
//! Resolved on clear evidence only, in this order: a name right beside the
//! description; an entity the text already tied to that office and country
//! ("Russian President Vladimir Putin", or an earlier description); else the
//! most prominent person in this or the last three sentences who holds no
//! conflicting office or country (the subject: leftmost first). An office
//! description that resolves teaches its entity the office and country, so
//! that "the Ukrainian leader" later finds the same person and "the US
//! president" in the same sentence finds someone else.

use tidings_model::{Document, EntityType, Span, TokenKind};

use super::discourse::{History, sentence_of};
use super::draft::Draft;
use super::fold::fold;
use super::gazetteer::{Gazetteer, PlaceKind};
use super::titles::{office_starting, offices_compatible};

/// Words between "the" and an office that do not change who is meant.
const MODIFIERS: &[&str] = &[
    "former",
    "current",
    "late",
    "outgoing",
    "incoming",
    "then",
    "embattled",
    "veteran",
    "acting",
    "sitting",
];

/// How an organisation head word finds its organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgHead {
    /// The word is part of the name ("the university": "University of Helsinki").
    Named,
    /// A news outlet ("the newspaper").
    Media,
    /// Any organisation ("the company").
    Any,
}

const ORG_HEADS: &[(&str, OrgHead)] = &[
    ("university", OrgHead::Named),
    ("party", OrgHead::Named),
    ("bank", OrgHead::Named),
    ("foundation", OrgHead::Named),
    ("council", OrgHead::Named),
    ("union", OrgHead::Named),
    ("agency", OrgHead::Named),
    ("institute", OrgHead::Named),
    ("museum", OrgHead::Named),
    ("club", OrgHead::Named),
    ("court", OrgHead::Named),
    ("newspaper", OrgHead::Media),
    ("paper", OrgHead::Media),
    ("broadcaster", OrgHead::Media),
    ("network", OrgHead::Media),
    ("channel", OrgHead::Media),
    ("magazine", OrgHead::Media),
    ("company", OrgHead::Any),
    ("firm", OrgHead::Any),
    ("organisation", OrgHead::Any),
    ("organization", OrgHead::Any),
];

/// What a description says about its referent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Head {
    Office {
        office: &'static str,
        country: Option<String>,
    },
    Capital {
        iso2: String,
    },
    Country,
    City,
    Org {
        word: &'static str,
        how: OrgHead,
    },
    /// Set beside (by comma or copula) the mention that ends at this byte:
    /// a name, or a pronoun resolved before the description is.
    Beside {
        anchor_end: usize,
    },
}

/// A description found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nominal {
    pub span: Span,
    pub head: Head,
}

/// Every description in `doc`. `history` holds the name mentions only.
pub fn find(doc: &Document, gaz: &Gazetteer, history: &History, drafts: &[Draft]) -> Vec<Nominal> {
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let toks = doc.tokens_in(*sent);
        let mut i = 0;
        while i < toks.len() {
            if let Some((n, end)) = at(doc, gaz, toks, i) {
                out.push(n);
                i = end;
            } else {
                i += 1;
            }
        }
    }
    let mut taken: Vec<usize> = out.iter().map(|n| n.span.start).collect();
    taken.sort_unstable();
    for n in beside_names(doc, history, drafts) {
        if taken.binary_search(&n.span.start).is_err() {
            out.push(n);
        }
    }
    out.sort_by_key(|n| n.span.start);
    out
}

fn word(doc: &Document, toks: &[tidings_model::Token], i: usize) -> Option<String> {
    toks.get(i)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| fold(doc.slice(t.span)))
}

/// A country or people named by the tokens from `i` (up to three words):
/// its ISO code and how many tokens it takes.
fn country_at(
    doc: &Document,
    gaz: &Gazetteer,
    toks: &[tidings_model::Token],
    i: usize,
) -> Option<(String, usize)> {
    let capitalised = toks
        .get(i)
        .is_some_and(|t| doc.slice(t.span).starts_with(char::is_uppercase));
    if !capitalised {
        return None;
    }
    for len in (1..=3).rev() {
        if i + len > toks.len() {
            continue;
        }
        let s = Span::new(toks[i].span.start, toks[i + len - 1].span.end);
        if let Some(p) = gaz.lookup(doc.slice(s))
            && p.kind != PlaceKind::Capital
        {
            return Some((p.country.iso2.clone(), len));
        }
    }
    None
}

/// An office phrase from token `i`: canonical office and token count.
fn office_at(
    doc: &Document,
    toks: &[tidings_model::Token],
    i: usize,
) -> Option<(&'static str, usize)> {
    let mut words = Vec::new();
    let mut ends = Vec::new();
    let mut j = i;
    while j < toks.len() && words.len() < 4 {
        let s = doc.slice(toks[j].span);
        if s == "-" {
            j += 1;
            continue;
        }
        if toks[j].kind != TokenKind::Word {
            break;
        }
        words.push(fold(s));
        ends.push(j + 1);
        j += 1;
    }
    let (office, _, n) = office_starting(&words)?;
    Some((office, ends[n - 1] - i))
}

/// A description starting at token `i`, and the token index after it.
fn at(
    doc: &Document,
    gaz: &Gazetteer,
    toks: &[tidings_model::Token],
    i: usize,
) -> Option<(Nominal, usize)> {
    let first = word(doc, toks, i)?;
    // "Russia's president"
    if !matches!(first.as_str(), "the" | "this" | "that") {
        let (iso2, len) = country_at(doc, gaz, toks, i)?;
        let poss = toks.get(i + len).map(|t| doc.slice(t.span))?;
        if !matches!(poss, "'s" | "’s") {
            return None;
        }
        let (office, n) = office_at(doc, toks, i + len + 1)?;
        let end = i + len + 1 + n;
        let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
        return Some((
            Nominal {
                span,
                head: Head::Office {
                    office,
                    country: Some(iso2),
                },
            },
            end,
        ));
    }
    let mut j = i + 1;
    while word(doc, toks, j).is_some_and(|w| MODIFIERS.contains(&w.as_str())) {
        j += 1;
    }
    let mut country = None;
    if let Some((iso2, len)) = country_at(doc, gaz, toks, j) {
        country = Some(iso2);
        j += len;
    }
    let span_to = |end: usize| Span::new(toks[i].span.start, toks[end - 1].span.end);
    if let Some((office, n)) = office_at(doc, toks, j) {
        let mut end = j + n;
        // "the president of France"
        if country.is_none()
            && word(doc, toks, end).as_deref() == Some("of")
            && let Some((iso2, len)) = country_at(doc, gaz, toks, end + 1)
        {
            country = Some(iso2);
            end += 1 + len;
        }
        // Plural or compound: "the president's" is fine, "the presidents" is not an office.
        return Some((
            Nominal {
                span: span_to(end),
                head: Head::Office { office, country },
            },
            end,
        ));
    }
    let head = word(doc, toks, j)?;
    let nominal = |h: Head| {
        Some((
            Nominal {
                span: span_to(j + 1),
                head: h,
            },
            j + 1,
        ))
    };
    match (head.as_str(), country) {
        ("capital", Some(iso2)) => nominal(Head::Capital { iso2 }),
        ("country" | "nation", None) => nominal(Head::Country),
        ("city", None) => nominal(Head::City),
        (w, None) => {
            let &(word, how) = ORG_HEADS.iter().find(|(h, _)| *h == w)?;
            // "the company's" is the company; "the company director" is not.
            if word_is_noun_modifier(doc, toks, j + 1) {
                return None;
            }
            nominal(Head::Org { word, how })
        }
        _ => None,
    }
}

/// Is the token at `i` a lower-case word that a head before it modifies?
fn word_is_noun_modifier(doc: &Document, toks: &[tidings_model::Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        let s = doc.slice(t.span);
        t.kind == TokenKind::Word
            && s.starts_with(|c: char| c.is_lowercase())
            && !matches!(
                s,
                "said"
                    | "says"
                    | "has"
                    | "had"
                    | "is"
                    | "was"
                    | "will"
                    | "would"
                    | "and"
                    | "in"
                    | "on"
                    | "of"
                    | "for"
                    | "to"
                    | "that"
                    | "which"
                    | "who"
            )
            && !s.ends_with("ed")
    })
}

/// Words that show a clause, not a description, after "Name, the ...".
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "did", "does", "do", "said", "says",
];

/// Words that end a description set beside a name.
fn ends_description(s: &str) -> bool {
    matches!(
        s,
        "," | "."
            | ";"
            | ":"
            | "("
            | ")"
            | "—"
            | "–"
            | "!"
            | "?"
            | "who"
            | "which"
            | "that"
            | "whose"
            | "given"
            | "because"
            | "when"
            | "while"
            | "if"
            | "since"
            | "although"
            | "though"
            | "whereas"
            | "but"
    ) || crate::segment::is_quote_char(s.chars().next().unwrap_or(' '))
}

/// "Name, a description," and "Name is a description".
fn beside_names(doc: &Document, history: &History, drafts: &[Draft]) -> Vec<Nominal> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < doc.tokens.len() {
        let t = doc.tokens[k];
        let name = history.ending_at(t.span.end).copied();
        let pronoun = t.kind == TokenKind::Word
            && matches!(doc.slice(t.span).to_lowercase().as_str(), "he" | "she");
        if name.is_none() && !pronoun {
            k += 1;
            continue;
        }
        k += 1;
        let link = doc.tokens.get(k).map(|t| doc.slice(t.span));
        let det = doc
            .tokens
            .get(k + 1)
            .map(|t| doc.slice(t.span).to_ascii_lowercase());
        let by_comma = link == Some(",") && name.is_some();
        let by_copula = matches!(link, Some("is" | "was"));
        if !(by_comma || by_copula) || !matches!(det.as_deref(), Some("a" | "an" | "the")) {
            continue;
        }
        let start = k + 1;
        let sentence = sentence_of(doc, t.span.start);
        let mut end = start + 1;
        while end < doc.tokens.len()
            && end - start < 12
            && sentence_of(doc, doc.tokens[end].span.start) == sentence
            && !ends_description(doc.slice(doc.tokens[end].span))
        {
            end += 1;
        }
        // A description needs a noun after the determiner; by comma it must
        // close with a comma or the sentence, or it is a list; it is no
        // description when a name follows the determiner ("The Brooklyn
        // Paper, The New York Times") or a verb shows a clause.
        if end <= start + 1 {
            continue;
        }
        let after_det = doc.tokens[start + 1].span.start;
        if history
            .starting_at(after_det)
            .is_some_and(|m| drafts[m.draft].etype() != EntityType::Misc)
        {
            continue;
        }
        if by_comma
            && doc.tokens[start..end]
                .iter()
                .any(|t| CLAUSE_WORDS.contains(&doc.slice(t.span).to_lowercase().as_str()))
        {
            continue;
        }
        if by_comma
            && doc
                .tokens
                .get(end)
                .is_some_and(|t| !matches!(doc.slice(t.span), "," | "." | ";" | "(" | ")" | "—"))
        {
            continue;
        }
        out.push(Nominal {
            span: Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end),
            head: Head::Beside {
                anchor_end: t.span.end,
            },
        });
        k = end;
    }
    out
}

/// The draft entity a description refers to, if the evidence is clear.
pub fn resolve(
    doc: &Document,
    n: &Nominal,
    history: &History,
    drafts: &mut [Draft],
) -> Option<usize> {
    let sentence = sentence_of(doc, n.span.start);
    match &n.head {
        Head::Beside { anchor_end } => history.ending_at(*anchor_end).map(|m| m.draft),
        Head::Office { office, country } => {
            let d = beside_person(doc, n.span, history, drafts)
                .or_else(|| known_holder(n.span, office, country.as_deref(), history, drafts))
                .or_else(|| {
                    prominent_person(
                        n.span,
                        sentence,
                        office,
                        country.as_deref(),
                        history,
                        drafts,
                    )
                })?;
            let draft = &mut drafts[d];
            if !draft.offices.contains(office) {
                draft.offices.push(office);
            }
            if let Some(c) = country
                && !draft.countries.contains(c)
            {
                draft.countries.push(c.clone());
            }
            Some(d)
        }
        // Gazetteer drafts come first ([`super::cluster::cluster`]).
        Head::Capital { iso2 } => drafts
            .iter()
            .take_while(|d| d.place.is_some())
            .position(|d| {
                d.place
                    .as_ref()
                    .is_some_and(|(c, k)| c == iso2 && *k == PlaceKind::Capital)
            }),
        Head::Country => latest(n.span, sentence, 2, history, |d| d.is_country(), drafts),
        Head::City => latest(
            n.span,
            sentence,
            2,
            history,
            |d| {
                matches!(&d.place, Some((_, PlaceKind::Capital)))
                    || (d.place.is_none() && d.etype() == EntityType::Loc)
            },
            drafts,
        ),
        Head::Org { word, how } => latest(
            n.span,
            sentence,
            3,
            history,
            |d| {
                d.etype() == EntityType::Org
                    && match how {
                        OrgHead::Named => d.forms.iter().any(|f| f.words.iter().any(|w| w == word)),
                        OrgHead::Media => d.media,
                        OrgHead::Any => true,
                    }
            },
            drafts,
        ),
    }
}

/// A person named right after ("the prime minister, Keir Starmer") or right
/// before ("Keir Starmer, the prime minister") the description.
fn beside_person(doc: &Document, span: Span, history: &History, drafts: &[Draft]) -> Option<usize> {
    let next = doc.tokens.partition_point(|t| t.span.start < span.end);
    let mut k = next;
    if doc.tokens.get(k).is_some_and(|t| doc.slice(t.span) == ",") {
        k += 1;
    }
    let after = doc
        .tokens
        .get(k)
        .and_then(|t| history.starting_at(t.span.start));
    let prev = doc.tokens.partition_point(|t| t.span.start < span.start);
    let before = (prev >= 2 && doc.slice(doc.tokens[prev - 1].span) == ",")
        .then(|| history.ending_at(doc.tokens[prev - 2].span.end))
        .flatten();
    [after, before]
        .into_iter()
        .flatten()
        .map(|m| m.draft)
        .find(|&d| drafts[d].etype() == EntityType::Per)
}

/// The latest-mentioned person already known to hold the office.
fn known_holder(
    span: Span,
    office: &str,
    country: Option<&str>,
    history: &History,
    drafts: &[Draft],
) -> Option<usize> {
    history.all_before(span.start).map(|m| m.draft).find(|&d| {
        let x = &drafts[d];
        x.etype() == EntityType::Per
            && x.offices.iter().any(|o| offices_compatible(office, o))
            && country.is_none_or(|c| x.countries.iter().any(|y| y == c))
    })
}

/// The leftmost person of this or the three sentences before who does not
/// conflict with the office or its country.
fn prominent_person(
    span: Span,
    sentence: usize,
    office: &str,
    country: Option<&str>,
    history: &History,
    drafts: &[Draft],
) -> Option<usize> {
    let fits = |x: &Draft| {
        x.etype() == EntityType::Per
            && country.is_none_or(|c| x.countries.is_empty() || x.countries.iter().any(|y| y == c))
            && (x.offices.is_empty() || x.offices.iter().any(|o| offices_compatible(office, o)))
    };
    history
        .before(span.start, sentence, 3)
        .into_iter()
        .flatten()
        .map(|m| m.draft)
        .find(|&d| fits(&drafts[d]))
}

/// The latest mention in this or the `back` sentences before whose entity
/// passes `keep`.
fn latest(
    span: Span,
    sentence: usize,
    back: usize,
    history: &History,
    keep: impl Fn(&Draft) -> bool,
    drafts: &[Draft],
) -> Option<usize> {
    history
        .before(span.start, sentence, back)
        .into_iter()
        .flat_map(|g| g.into_iter().rev())
        .map(|m| m.draft)
        .find(|&d| keep(&drafts[d]))
}

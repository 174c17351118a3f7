//! Annotation layers. Every layer speaks in byte [`Span`]s of the one text.

use serde::{Deserialize, Serialize};

use crate::Span;

/// What a token is, coarsely; enough for rules and features downstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// An opening or closing quotation mark, straight or typographic.
    Quote,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Some(EntityType::Per),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Org),
            "LOC" | "LOCATION" | "GPE" => Some(EntityType::Loc),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name ("Sir Keir", "Nato"); the span excludes honorifics.
    Name,
    /// A description ("the Ukrainian president").
    Nominal,
    /// A pronoun ("he", "they").
    Pronoun,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    /// True when a place name stands for its government ("Kyiv said").
    pub metonym: bool,
}

/// One real-world entity and all its mentions in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Document-local id (`e1`, `e2`, ...).
    pub id: String,
    /// The fullest name the document gives, without titles.
    pub name: String,
    pub etype: EntityType,
    /// A finer type where known: `country`, `city`, `nationality`, `media`...
    pub subtype: Option<String>,
    /// A stable key across articles: knowledge-base id where known, else type and
    /// normalised name (`LOC:iso:UA`, `PER:keir starmer`).
    pub key: String,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

/// Who a quote is attributed to.
///
/// A named speaker has `name` (the fullest name the article gives) and, when
/// it resolved to one, `entity`. An unnamed source ("a person familiar with
/// the matter") has `name: None`, `anonymous: true` and the article's words
/// for it in `description`. A joint attribution ("Vindman and Williams told
/// ...") keeps the first person here and every other one in `others`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The entity id, when the speaker resolved to one.
    pub entity: Option<String>,
    /// The entity's fullest name, or the attributing phrase when unresolved.
    pub name: Option<String>,
    /// The mention that attributes the quote.
    pub span: Option<Span>,
    /// How the article describes an unnamed source ("two people briefed on the
    /// talks"), or a named one's role where the attribution gives it.
    #[serde(default)]
    pub description: Option<String>,
    /// True when the source is not named: `name` is None, `description` says who.
    #[serde(default)]
    pub anonymous: bool,
    /// The other speakers of a joint attribution, in the article's order.
    #[serde(default)]
    pub others: Vec<CoSpeaker>,
}

/// One more speaker of a joint attribution.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CoSpeaker {
    /// The entity id, when the speaker resolved to one.
    pub entity: Option<String>,
    /// The entity's fullest name.
    pub name: Option<String>,
    /// The mention in the attribution.
    pub span: Option<Span>,
}

impl Speaker {
    /// A named or unresolved speaker at `span`, with no description or others.
    pub fn named(entity: Option<String>, name: Option<String>, span: Option<Span>) -> Self {
        Speaker {
            entity,
            name,
            span,
            ..Speaker::default()
        }
    }
}

/// One utterance: the speaker's words, in one or more parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// From the first part's start to the last part's end.
    pub span: Span,
    /// The speaker's words only, in order, without the quotation marks and
    /// without the words between them (the attribution, a paragraph break and
    /// its new opening mark). Never empty; one part when the quote is whole.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<Span>,
}

impl Quote {
    /// A quote in one piece.
    pub fn whole(span: Span, kind: QuoteKind, speaker: Option<Speaker>, cue: Option<Span>) -> Self {
        Quote {
            span,
            parts: vec![span],
            kind,
            speaker,
            cue,
        }
    }

    /// A quote in `parts` (in text order, not empty); its span runs from the
    /// first part's start to the last part's end.
    pub fn in_parts(
        parts: Vec<Span>,
        kind: QuoteKind,
        speaker: Option<Speaker>,
        cue: Option<Span>,
    ) -> Self {
        assert!(!parts.is_empty(), "a quote needs at least one part");
        let span = Span::new(parts[0].start, parts[parts.len() - 1].end);
        Quote {
            span,
            parts,
            kind,
            speaker,
            cue,
        }
    }

    /// The parts this quote has; its whole span when `parts` was left empty.
    pub fn parts(&self) -> &[Span] {
        if self.parts.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.parts
        }
    }

    /// The speaker's words: the parts' texts joined by one space.
    pub fn text(&self, text: &str) -> String {
        join_parts(text, self.parts())
    }
}

/// The texts of `parts` joined by one space (the contract's quote `text`).
pub fn join_parts(text: &str, parts: &[Span]) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(p.of(text));
    }
    out
}

/// TimeML TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub ttype: TimexType,
    /// TIMEX3 value (`2025-03-27`, `P2W`, `PAST_REF`, `XXXX-XX-XX`...).
    pub value: String,
}

/// Whether an event is said to have happened, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Negated,
    Intended,
    Hypothetical,
    Demanded,
}

/// An event participant: an entity of the document, or a bare phrase.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub entity: Option<String>,
    pub name: String,
    /// ISO 3166 alpha-3 code as CAMEO uses it ("GBR", "RUS"), when known.
    #[serde(default)]
    pub country: Option<String>,
    /// CAMEO agent code ("GOV", "MIL", "JUD", "CVL", ...), when the text says.
    #[serde(default)]
    pub sector: Option<String>,
}

impl Actor {
    /// An actor without codes.
    pub fn new(entity: Option<String>, name: String) -> Self {
        Actor {
            entity,
            name,
            country: None,
            sector: None,
        }
    }
}

/// Where an event's date came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: String,
    /// Index into the document's timexes, when a time expression dates it.
    pub timex: Option<usize>,
    /// True when no expression governs the clause and the publication date stands in.
    pub from_publication: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER event type (`ACCUSE`, `AGREE`...) or `STATEMENT`.
    pub etype: String,
    /// PLOVER mode where clear (`hostile`, `verbal`...).
    pub mode: Option<String>,
    /// The nearest CAMEO code ("112", "03"...).
    pub cameo: String,
    /// The evidence: the clause or sentence.
    pub span: Span,
    /// The trigger words within the evidence.
    pub trigger: Option<Span>,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    pub date: Option<EventDate>,
    pub place: Option<Actor>,
    pub modality: Modality,
    /// Index into the document's quotes, when the event was said in one.
    pub quote: Option<usize>,
}

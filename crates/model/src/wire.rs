//! The JSON contract of `tidings annotate` and `tidings extract`
//! (`shared/eval/FORMAT.md`).
//!
//! Offsets here are **Unicode code point** offsets, end exclusive, as in
//! Python slicing. [`AnnotateOutput::from_document`] converts from the
//! engine's byte spans; [`AnnotateInput::into_document`] validates input.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::offsets::CharIndex;
use crate::{Document, Meta, Span};

/// A line of `annotate` input.
#[derive(Debug, Clone, Deserialize)]
pub struct AnnotateInput {
    pub id: Value,
    pub text: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub site: Option<String>,
    #[serde(default)]
    pub authors: Option<Vec<String>>,
    #[serde(default)]
    pub language: Option<String>,
}

/// Why an input line was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    #[error("not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("`id` must be a string or a number, found {0}")]
    BadId(String),
    #[error("`published` is {0:?}, not an ISO date (YYYY-MM-DD or a date-time)")]
    BadPublished(String),
}

impl AnnotateInput {
    /// Parse one JSONL line.
    pub fn parse(line: &str) -> Result<Self, InputError> {
        Ok(serde_json::from_str(line)?)
    }

    /// Check the record and turn it into a document with metadata and no layers.
    pub fn into_document(self) -> Result<Document, InputError> {
        let id = match &self.id {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            other => return Err(InputError::BadId(other.to_string())),
        };
        let published = match self.published {
            Some(p) if p.trim().is_empty() => None,
            Some(p) => {
                if crate::meta::parse_iso_date(&p).is_none() {
                    return Err(InputError::BadPublished(p));
                }
                Some(p)
            }
            None => None,
        };
        let mut doc = Document::new(id, self.text);
        doc.meta = Meta {
            title: self.title,
            url: self.url,
            site: self.site,
            authors: self.authors.unwrap_or_default(),
            published,
            language: self.language,
        };
        Ok(doc)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: crate::MentionKind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub metonym: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireEntity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: crate::EntityType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub key: String,
    pub mentions: Vec<WireMention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireSpanText {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireSpeaker {
    pub entity: Option<String>,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<WireCoSpeaker>,
}

/// One more speaker of a joint attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireCoSpeaker {
    pub entity: Option<String>,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireQuote {
    pub start: usize,
    pub end: usize,
    /// `[start, end]` pieces of the speaker's words, in order.
    pub parts: Vec<[usize; 2]>,
    /// The parts' texts joined by one space.
    pub text: String,
    pub kind: crate::QuoteKind,
    pub speaker: Option<WireSpeaker>,
    pub cue: Option<WireSpanText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireTimex {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub ttype: crate::TimexType,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireEvent {
    #[serde(rename = "type")]
    pub etype: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    pub cameo: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<WireSpanText>,
    pub source: Option<crate::Actor>,
    pub target: Option<crate::Actor>,
    pub date: Option<crate::EventDate>,
    pub place: Option<crate::Actor>,
    pub modality: crate::Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
}

/// A line of `annotate` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotateOutput {
    pub id: Value,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// `[start, end]` pairs.
    pub paragraphs: Vec<[usize; 2]>,
    /// `[start, end]` pairs.
    pub sentences: Vec<[usize; 2]>,
    /// `[start, end]` pairs; present only when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<[usize; 2]>>,
    pub entities: Vec<WireEntity>,
    pub quotes: Vec<WireQuote>,
    pub timexes: Vec<WireTimex>,
    pub events: Vec<WireEvent>,
}

/// What to put in the output beyond the contract's layers.
#[derive(Debug, Clone, Copy, Default)]
pub struct OutputOptions {
    pub tokens: bool,
}

struct Conv<'a> {
    ix: CharIndex,
    text: &'a str,
}

impl Conv<'_> {
    fn pair(&self, s: Span) -> [usize; 2] {
        [self.ix.to_char(s.start), self.ix.to_char(s.end)]
    }

    fn span_text(&self, s: Span) -> WireSpanText {
        let [start, end] = self.pair(s);
        WireSpanText {
            start,
            end,
            text: s.of(self.text).to_string(),
        }
    }
}

impl AnnotateOutput {
    /// Convert a document's byte spans to the contract's code point offsets.
    ///
    /// `id` is the input's id as given (string or number), echoed unchanged.
    pub fn from_document(doc: &Document, id: Value, opts: OutputOptions) -> Self {
        let c = Conv {
            ix: CharIndex::new(&doc.text),
            text: &doc.text,
        };
        let entities = doc
            .entities
            .iter()
            .map(|e| WireEntity {
                id: e.id.clone(),
                name: e.name.clone(),
                etype: e.etype,
                subtype: e.subtype.clone(),
                key: e.key.clone(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let t = c.span_text(m.span);
                        WireMention {
                            start: t.start,
                            end: t.end,
                            text: t.text,
                            kind: m.kind,
                            metonym: m.metonym,
                        }
                    })
                    .collect(),
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .map(|q| {
                let [start, end] = c.pair(q.span);
                WireQuote {
                    start,
                    end,
                    parts: q.parts().iter().map(|&p| c.pair(p)).collect(),
                    text: q.text(c.text),
                    kind: q.kind,
                    speaker: q.speaker.as_ref().map(|s| WireSpeaker {
                        entity: s.entity.clone(),
                        name: s.name.clone(),
                        start: s.span.map(|sp| c.ix.to_char(sp.start)),
                        end: s.span.map(|sp| c.ix.to_char(sp.end)),
                        description: s.description.clone(),
                        anonymous: s.anonymous,
                        others: s
                            .others
                            .iter()
                            .map(|o| WireCoSpeaker {
                                entity: o.entity.clone(),
                                name: o.name.clone(),
                                start: o.span.map(|sp| c.ix.to_char(sp.start)),
                                end: o.span.map(|sp| c.ix.to_char(sp.end)),
                            })
                            .collect(),
                    }),
                    cue: q.cue.map(|s| c.span_text(s)),
                }
            })
            .collect();
        let timexes = doc
            .timexes
            .iter()
            .map(|t| {
                let st = c.span_text(t.span);
                WireTimex {
                    start: st.start,
                    end: st.end,
                    text: st.text,
                    ttype: t.ttype,
                    value: t.value.clone(),
                }
            })
            .collect();
        let events = doc
            .events
            .iter()
            .map(|e| {
                let st = c.span_text(e.span);
                WireEvent {
                    etype: e.etype.clone(),
                    mode: e.mode.clone(),
                    cameo: e.cameo.clone(),
                    start: st.start,
                    end: st.end,
                    text: st.text,
                    trigger: e.trigger.map(|s| c.span_text(s)),
                    source: e.source.clone(),
                    target: e.target.clone(),
                    date: e.date.clone(),
                    place: e.place.clone(),
                    modality: e.modality,
                    quote: e.quote,
                }
            })
            .collect();
        AnnotateOutput {
            id,
            text: doc.text.clone(),
            title: doc.meta.title.clone(),
            published: doc.meta.published.clone(),
            paragraphs: doc.paragraphs.iter().map(|&s| c.pair(s)).collect(),
            sentences: doc.sentences.iter().map(|&s| c.pair(s)).collect(),
            tokens: opts
                .tokens
                .then(|| doc.tokens.iter().map(|t| c.pair(t.span)).collect()),
            entities,
            quotes,
            timexes,
            events,
        }
    }
}

/// A line of `extract` output: one page's article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtractOutput {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `article`, or what else the page is (`listing`, `product`, `forum`...).
    pub page_type: String,
    /// A hash of the normalised body: the same article twice has the same hash.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub content_hash: String,
    /// Body text, paragraphs split by blank lines.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, EntityType, Mention, MentionKind};

    #[test]
    fn offsets_become_code_points() {
        let mut doc = Document::new("d", "“Hi” – Zoë Ball said.");
        let start = doc.text.find("Zoë").unwrap();
        let end = start + "Zoë Ball".len();
        doc.entities.push(Entity {
            id: "e1".into(),
            name: "Zoë Ball".into(),
            etype: EntityType::Per,
            subtype: None,
            key: "PER:zoë ball".into(),
            mentions: vec![Mention {
                span: Span::new(start, end),
                kind: MentionKind::Name,
                metonym: false,
            }],
        });
        let out = AnnotateOutput::from_document(&doc, Value::from("d"), OutputOptions::default());
        let m = &out.entities[0].mentions[0];
        let chars: Vec<char> = doc.text.chars().collect();
        let got: String = chars[m.start..m.end].iter().collect();
        assert_eq!(got, "Zoë Ball");
        assert_eq!(m.text, "Zoë Ball");
    }

    #[test]
    fn bad_published_is_refused() {
        let inp = AnnotateInput::parse(r#"{"id":"x","text":"t","published":"soon"}"#).unwrap();
        assert!(matches!(
            inp.into_document(),
            Err(InputError::BadPublished(_))
        ));
    }

    #[test]
    fn numeric_id_is_accepted() {
        let inp = AnnotateInput::parse(r#"{"id":7,"text":"t"}"#).unwrap();
        assert_eq!(inp.into_document().unwrap().id, "7");
    }

    #[test]
    fn missing_text_is_an_error() {
        assert!(AnnotateInput::parse(r#"{"id":"x"}"#).is_err());
    }
}

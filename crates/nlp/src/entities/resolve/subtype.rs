//! Finer types: `country`, `city`, `nationality` from the gazetteer,
//! `government` for seats of government, `media` for news outlets.
//!
//! An organisation is a news outlet when its name carries a word that
//! mastheads and broadcasters use ("Times", "News", "Guardian"), is one of a
//! few agencies and broadcasters known by their initials, or when the text
//! has it report ("The Independent reported").

use tidings_model::{Document, EntityType, TokenKind};

use super::draft::Draft;
use super::gazetteer::PlaceKind;
use super::names::NameForm;

/// Words of outlet names (folded).
const MEDIA_WORDS: &[&str] = &[
    "times",
    "news",
    "post",
    "journal",
    "guardian",
    "telegraph",
    "herald",
    "gazette",
    "tribune",
    "observer",
    "mail",
    "mirror",
    "express",
    "economist",
    "chronicle",
    "daily",
    "weekly",
    "radio",
    "television",
    "tv",
    "broadcasting",
    "press",
    "magazine",
    "newspaper",
    "wikinews",
    "reuters",
    "bloomberg",
    "bbc",
    "cnn",
    "npr",
    "itv",
    "afp",
    "nbc",
    "cbs",
    "msnbc",
    "politico",
    "axios",
];

/// Verbs that make their subject a news outlet.
const REPORTING: &[&str] = &["reported", "reports", "reporting", "revealed", "broadcast"];

/// Does the name look like a news outlet's?
pub fn is_media_name(form: &NameForm) -> bool {
    form.words.iter().any(|w| MEDIA_WORDS.contains(&w.as_str()))
}

/// Is the organisation named at `end` the subject of a reporting verb?
pub fn reports(doc: &Document, end: usize) -> bool {
    let k = doc.tokens.partition_point(|t| t.span.start < end);
    doc.tokens.get(k).is_some_and(|t| {
        t.kind == TokenKind::Word && REPORTING.contains(&doc.slice(t.span).to_lowercase().as_str())
    })
}

/// The finer type of a finished draft.
pub fn of(d: &Draft) -> Option<&'static str> {
    if let Some((_, kind)) = &d.place {
        return Some(match kind {
            PlaceKind::Country => "country",
            PlaceKind::Capital => "city",
            PlaceKind::Nationality => "nationality",
        });
    }
    if d.seat.is_some() {
        return Some("government");
    }
    if d.media && d.etype() == EntityType::Org {
        return Some("media");
    }
    if d.etype() == EntityType::Loc
        && d.forms
            .iter()
            .any(|f| f.words.last().is_some_and(|w| w == "city"))
    {
        return Some("city");
    }
    None
}

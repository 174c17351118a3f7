//! Entities: names found in the text, grouped into real-world entities.

pub mod ner;

use tidings_model::{EntityType, Span};

/// A proper name found by the recogniser: its byte span (titles excluded) and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMention {
    pub span: Span,
    pub etype: EntityType,
}

//! Named entities: name mentions from the recogniser ([`ner`]), grouped by
//! [`resolve`] into one entity per real-world referent, with descriptions,
//! pronouns, canonical names, stable keys and metonyms. [`platforms`] adds
//! the social platforms the recogniser cannot see (`X`). [`mention_index`]
//! finds a document's mentions by position, for the later layers.

pub mod mention_index;
pub mod ner;
pub mod platforms;
pub mod resolve;

use tidings_model::{EntityType, Span};

/// A proper-name mention as the recogniser finds it: the span excludes
/// honorifics and titles ("Sir Keir" is `Keir`), with its CoNLL-2003 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMention {
    pub span: Span,
    pub etype: EntityType,
}

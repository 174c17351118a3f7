//! The Tidings document model.
//!
//! A [`Document`] owns one text and every annotation layer over it. Inside the
//! engine all offsets are **byte** offsets into [`Document::text`] (always on
//! `char` boundaries), held in [`Span`]. At the JSON boundary ([`wire`]) they
//! become **Unicode code point** offsets, as `shared/eval/FORMAT.md` requires;
//! [`offsets::CharIndex`] does that conversion in O(1) per offset.
//!
//! Layers never change the text: a layer that needs a normalised form keeps
//! its own copy and maps back to spans of the original.

pub mod document;
pub mod layers;
pub mod meta;
pub mod offsets;
pub mod span;
pub mod wire;

pub use document::Document;
pub use layers::*;
pub use meta::Meta;
pub use span::Span;

//! Tidings language layers.
//!
//! Each layer is a module with one job that reads the layers before it and
//! fills its own layer of the [`Document`](tidings_model::Document):
//!
//! | module | fills | reads |
//! |---|---|---|
//! | [`segment`] | paragraphs, sentences, tokens | text |
//! | [`entities`] | entities: names ([`entities::ner`]), aliases, descriptions, pronouns, keys ([`entities::resolve`]) | tokens, sentences |
//! | [`time`] | timexes (TIMEX3 values) | sentences, tokens, publication date |
//! | [`quotes`] | quotes with cue and speaker | tokens, entities |
//!
//! [`Pipeline`] runs them in order; it is `Send + Sync`, so one pipeline
//! serves every thread of a batch.

pub mod entities;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod time;

pub use pipeline::Pipeline;

//! Tidings language layers.
//!
//! Each layer is a module with one job that reads the layers before it and
//! fills its own layer of the [`Document`](tidings_model::Document):
//!
//! | module | fills | reads |
//! |---|---|---|
//! | [`segment`] | paragraphs, sentences, tokens | text |
//! | [`events`] | events (PLOVER/CAMEO) | sentences, tokens, entities, timexes, quotes |
//!
//! [`Pipeline`] runs them in order; it is `Send + Sync`, so one pipeline
//! serves every thread of a batch.

pub mod events;
pub mod pipeline;
pub mod segment;

pub use pipeline::Pipeline;

//! Tidings language layers.
//!
//! Each layer is a module with one job that reads the layers before it and
//! fills its own layer of the [`Document`](tidings_model::Document):
//!
//! | module | fills | reads |
//! |---|---|---|
//! | [`segment`] | paragraphs, sentences, tokens | text |
//! | [`time`] | timexes (TIMEX3 values) | sentences, tokens, publication date |
//!
//! [`Pipeline`] runs them in order; it is `Send + Sync`, so one pipeline
//! serves every thread of a batch.

pub mod pipeline;
pub mod segment;
pub mod time;

pub use pipeline::Pipeline;

//! The annotation pipeline: every layer, in dependency order.

use tidings_model::Document;

use crate::{segment, time};

/// Everything needed to annotate documents; load once, share across threads.
#[derive(Debug, Default)]
pub struct Pipeline {}

/// Why the pipeline could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    #[error("the built-in {what} model is corrupt: {why}")]
    Model { what: &'static str, why: String },
}

impl Pipeline {
    /// Load the built-in models.
    pub fn new() -> Result<Self, PipelineError> {
        Ok(Pipeline {})
    }

    /// Fill every layer of `doc` from its text and metadata.
    pub fn annotate(&self, doc: &mut Document) {
        segment::segment(doc);
        time::annotate(doc);
    }
}

//! The annotation pipeline: every layer, in dependency order.

use tidings_model::Document;

use crate::events::EventCoder;
use crate::segment;

/// Everything needed to annotate documents; load once, share across threads.
#[derive(Debug)]
pub struct Pipeline {
    events: EventCoder,
}

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
        let events = EventCoder::builtin().map_err(|e| PipelineError::Model {
            what: "events",
            why: e.to_string(),
        })?;
        Ok(Pipeline { events })
    }

    /// Fill every layer of `doc` from its text and metadata.
    pub fn annotate(&self, doc: &mut Document) {
        segment::segment(doc);
        self.events.annotate(doc);
    }
}

//! The annotation pipeline: every layer, in dependency order.

use tidings_model::Document;

use crate::entities::resolve::{self, Gazetteer};
use crate::segment;

/// Everything needed to annotate documents; load once, share across threads.
#[derive(Debug, Default)]
pub struct Pipeline {
    gazetteer: Gazetteer,
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
        let gazetteer = Gazetteer::builtin().map_err(|e| PipelineError::Model {
            what: "gazetteer",
            why: e.to_string(),
        })?;
        Ok(Pipeline { gazetteer })
    }

    /// Fill every layer of `doc` from its text and metadata.
    pub fn annotate(&self, doc: &mut Document) {
        segment::segment(doc);
        // No-model names until the statistical recogniser is wired in.
        let names = resolve::fallback::find_names(doc, &self.gazetteer);
        resolve::annotate(doc, &names, &self.gazetteer);
    }
}

//! The annotation pipeline: every layer, in dependency order.

use tidings_model::{Document, Entity, Mention, MentionKind};

use crate::entities::ner::NerModel;
use crate::segment;

/// The named-entity model built by `tidings train ner`.
const NER_MODEL: &[u8] = include_bytes!("../models/ner.bin");

/// Everything needed to annotate documents; load once, share across threads.
#[derive(Debug)]
pub struct Pipeline {
    ner: NerModel,
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
        let ner = NerModel::from_bytes(NER_MODEL).map_err(|e| PipelineError::Model {
            what: "named-entity",
            why: e.to_string(),
        })?;
        Ok(Pipeline { ner })
    }

    /// Fill every layer of `doc` from its text and metadata.
    pub fn annotate(&self, doc: &mut Document) {
        segment::segment(doc);
        // Until alias grouping lands, each name is an entity of its own.
        let names = self.ner.recognize(doc);
        doc.entities = names
            .into_iter()
            .enumerate()
            .map(|(k, m)| {
                let name = doc.slice(m.span).to_owned();
                Entity {
                    id: format!("e{}", k + 1),
                    key: format!("{}:{}", m.etype.as_str(), name.to_lowercase()),
                    name,
                    etype: m.etype,
                    subtype: None,
                    mentions: vec![Mention {
                        span: m.span,
                        kind: MentionKind::Name,
                        metonym: false,
                    }],
                }
            })
            .collect();
    }
}

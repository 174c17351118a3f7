//! The annotation pipeline: every layer, in dependency order.

use tidings_model::Document;

use crate::entities::ner::NerModel;
use crate::entities::resolve::{self, Gazetteer};
use crate::events::EventCoder;
use crate::quotes::learned::QuoteModel;
use crate::{quotes, segment, time};

/// The named-entity model built by `tidings train ner`.
const NER_MODEL: &[u8] = include_bytes!("../models/ner.bin");

/// Everything needed to annotate documents; load once, share across threads.
#[derive(Debug)]
pub struct Pipeline {
    ner: NerModel,
    gazetteer: Gazetteer,
    events: EventCoder,
    quotes: QuoteModel,
    quote_scope: quotes::Scope,
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
        let gazetteer = Gazetteer::builtin().map_err(|e| PipelineError::Model {
            what: "gazetteer",
            why: e.to_string(),
        })?;
        let events = EventCoder::builtin().map_err(|e| PipelineError::Model {
            what: "events",
            why: e.to_string(),
        })?;
        let quotes = QuoteModel::builtin().map_err(|e| PipelineError::Model {
            what: "quote tagger",
            why: e.to_string(),
        })?;
        Ok(Pipeline {
            ner,
            gazetteer,
            events,
            quotes,
            quote_scope: quotes::Scope::default(),
        })
    }

    /// What the quote layer reports (default: [`quotes::Scope::Speech`]).
    pub fn with_quote_scope(mut self, scope: quotes::Scope) -> Self {
        self.quote_scope = scope;
        self
    }

    /// Fill every layer of `doc` from its text and metadata.
    pub fn annotate(&self, doc: &mut Document) {
        segment::segment(doc);
        let names = self.ner.recognize(doc);
        resolve::annotate(doc, &names, &self.gazetteer);
        time::annotate(doc);
        quotes::annotate_scoped(doc, self.quote_scope, &self.quotes);
        self.events.annotate(doc);
    }
}

//! The annotation pipeline: every layer, in dependency order.

use std::time::{Duration, Instant};

use tidings_model::Document;

use crate::entities::ner::NerModel;
use crate::entities::platforms;
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
        self.annotate_timed(doc);
    }

    /// Segment `doc` and fill its entity layer only (names, resolution):
    /// what the entity benchmarks time.
    pub fn annotate_entities(&self, doc: &mut Document) {
        segment::segment(doc);
        self.entities(doc);
    }

    fn entities(&self, doc: &mut Document) {
        let mut names = self.ner.recognize(doc);
        platforms::add(doc, &mut names);
        resolve::annotate(doc, &names, &self.gazetteer);
    }

    /// [`Pipeline::annotate`], returning how long each layer took (the
    /// layer benchmark reads it; a clock read per layer costs nanoseconds).
    pub fn annotate_timed(&self, doc: &mut Document) -> LayerTimes {
        let mut clock = Instant::now();
        let mut lap = || {
            let now = Instant::now();
            let took = now - clock;
            clock = now;
            took
        };
        segment::segment(doc);
        let segment = lap();
        self.entities(doc);
        let entities = lap();
        time::annotate(doc);
        let time = lap();
        quotes::annotate_scoped(doc, self.quote_scope, &self.quotes);
        let quotes = lap();
        self.events.annotate(doc);
        let events = lap();
        LayerTimes {
            segment,
            entities,
            time,
            quotes,
            events,
        }
    }
}

/// Time spent in each layer of one [`Pipeline::annotate_timed`] call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayerTimes {
    pub segment: Duration,
    /// Named entities and their resolution into entities.
    pub entities: Duration,
    pub time: Duration,
    pub quotes: Duration,
    pub events: Duration,
}

impl LayerTimes {
    pub fn total(&self) -> Duration {
        self.segment + self.entities + self.time + self.quotes + self.events
    }

    /// Add another document's times.
    pub fn add(&mut self, o: &LayerTimes) {
        self.segment += o.segment;
        self.entities += o.entities;
        self.time += o.time;
        self.quotes += o.quotes;
        self.events += o.events;
    }

    /// Each layer's name and time, in pipeline order.
    pub fn layers(&self) -> [(&'static str, Duration); 5] {
        [
            ("segment", self.segment),
            ("entities", self.entities),
            ("time", self.time),
            ("quotes", self.quotes),
            ("events", self.events),
        ]
    }
}

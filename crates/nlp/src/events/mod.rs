//! Events: who did what to whom, when and where, coded in PLOVER and CAMEO.
//!
//! Runs last, after entities, time and quotes, and uses them when present:
//! entity mentions (names, descriptions, pronouns, metonyms) as actors,
//! time expressions as dates, quotes as the source of what was said. With
//! those layers empty it still codes: actors from capitalised noun phrases,
//! dates from the publication date (marked `from_publication`).
//!
//! | module | job |
//! |---|---|
//! | [`lexicon`], [`lexicon_table`] | trigger words and phrases with their CAMEO codes |
//! | [`cameo`], [`cameo_table`] | CAMEO codes, PLOVER types and modes, PentaClass |
//! | [`features`], [`classifier`] | learned sentence classifier (PentaClass) |
//! | [`training`] | data loading, the held-out split, `train` |
//! | [`coder`] | combines them into events per sentence |
//! | [`actors`], [`modality`], [`dating`] | who, how, when and where |
//! | [`shallow`] | word classes and shallow syntax (main verb, noun use, argument ends) |
//! | [`cluster`] | a key shared by reports of the same event |
//!
//! Classification: a multinomial logistic regression over words, bigrams and
//! lexicon hits picks each sentence's CAMEO PentaClass; the lexicon then
//! picks the finer CAMEO code and PLOVER type consistent with it. The
//! committed model (`models/events.bin`) is made by
//! `cargo run --release -p tidings-nlp --example train_events`; it trains on
//! the PentaClass sentences whose line index is not a multiple of 5 and on
//! the PLOVER gold-standard sentences, holding out lines `i % 5 == 0`.

pub mod actors;
pub mod cameo;
pub mod cameo_table;
pub mod classifier;
pub mod cluster;
pub mod coder;
pub mod dating;
pub mod features;
pub mod lexicon;
pub mod lexicon_table;
pub mod modality;
pub mod shallow;
pub mod training;

use std::sync::OnceLock;

use tidings_model::Document;

pub use classifier::{Classifier, FitConfig, ModelError};
pub use cluster::event_key;
pub use coder::EventCoder;
pub use lexicon::Lexicon;
pub use training::{Example, TrainError};

/// Fill `doc.events` with the built-in coder (loaded on first use).
///
/// [`Pipeline`](crate::Pipeline) holds its own [`EventCoder`]; this entry is
/// for callers that run the layer alone.
pub fn annotate(doc: &mut Document) {
    static CODER: OnceLock<Option<EventCoder>> = OnceLock::new();
    if let Some(coder) = CODER.get_or_init(|| EventCoder::builtin().ok()) {
        coder.annotate(doc);
    }
}

/// Train a sentence classifier on `examples` with the built-in lexicon.
pub fn train(examples: &[Example], config: &FitConfig) -> Classifier {
    training::train(&Lexicon::builtin(), examples, config)
}

//! Named-entity recognition: PER, ORG, LOC and MISC names (CoNLL-2003
//! scheme) found by a linear-chain model over the project's tokens.
//!
//! The model is an averaged structured perceptron (Collins 2002) over BILOU
//! tags ([`tags`]) with first-order transitions and Viterbi decoding
//! ([`decode`]) under the BILOU constraints. Tokens are described by hashed
//! feature templates ([`features`]) built from per-token facts
//! ([`forms`]): word forms, shapes, affixes, neighbours, capitals in
//! context, document-level casing, and gazetteer classes ([`lexicon`]:
//! countries, capitals, demonyms and regions from the country data, plus the
//! word lists of [`words`]). Titles and honorifics are not part of a name,
//! as in CoNLL ("Sir Keir" gives "Keir").
//!
//! [`train()`] builds a model from CoNLL-2003 train (plus the hand-written
//! news sentences in `news.txt`), choosing the epoch by F1 on the dev set;
//! training is deterministic for a given seed. The artifact
//! (`crates/nlp/models/ner.bin`, format in [`codec`]) holds quantised
//! weights and the gazetteer; [`NerModel::from_bytes`] loads it.
//!
//! Data terms: CoNLL-2003 (Reuters RCV1 news) is for research use; the
//! country data is mledoze/countries under ODbL 1.0.

pub mod codec;
pub mod corpus;
pub mod decode;
pub mod features;
pub mod forms;
pub mod hash;
pub mod lexicon;
pub mod score;
pub mod tags;
pub mod train;
pub mod weights;
pub mod words;

use std::path::{Path, PathBuf};

use tidings_model::{Document, EntityType, Span};

use super::NameMention;
use decode::Lattice;
use forms::Forms;
use lexicon::Lexicon;
use tags::N_TAGS;
use weights::{N_TRANS, Weights};

pub use score::{Prf, Scores};
pub use train::{TrainReport, train};

/// Why a model could not be trained or loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NerError {
    /// A data file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A data file is not in the expected format.
    #[error("bad data in {path}: {why}")]
    Data { path: PathBuf, why: String },
    /// The model bytes are not a usable model.
    #[error("not a usable NER model: {0}")]
    Model(String),
}

impl NerError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> NerError {
        NerError::Io {
            path: path.to_owned(),
            source,
        }
    }

    pub(crate) fn data(path: &Path, why: String) -> NerError {
        NerError::Data {
            path: path.to_owned(),
            why,
        }
    }
}

/// A loaded recogniser. Immutable, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct NerModel {
    weights: Weights,
    lexicon: Lexicon,
    /// Transitions with the BILOU constraints applied.
    trans: [[f32; N_TRANS]; N_TRANS],
}

impl NerModel {
    pub(crate) fn new(weights: Weights, lexicon: Lexicon) -> NerModel {
        let trans = decode::constrain(&weights.trans);
        NerModel {
            weights,
            lexicon,
            trans,
        }
    }

    /// Load a model written by [`NerModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerError> {
        let (weights, lexicon) = codec::decode(bytes)?;
        Ok(NerModel::new(weights, lexicon))
    }

    /// The model artifact.
    pub fn to_bytes(&self) -> Vec<u8> {
        codec::encode(&self.weights, &self.lexicon)
    }

    /// Number of weighted features.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// The names in `doc`, in text order. `doc` must be segmented
    /// (tokens and sentences filled); names never cross a sentence.
    pub fn recognize(&self, doc: &Document) -> Vec<NameMention> {
        let forms = Forms::new(doc, &self.lexicon);
        let mut out = Vec::new();
        let mut keys = Vec::with_capacity(64);
        let mut em: Vec<[f32; N_TAGS]> = Vec::new();
        let mut lat = Lattice::default();
        let mut tags_out = Vec::new();
        for &(s, e) in &forms.sentences {
            em.clear();
            for i in s..e {
                keys.clear();
                features::token_features(&forms, i, s, e, &mut keys);
                let mut row = [0f32; N_TAGS];
                self.weights.score(&keys, &mut row);
                em.push(row);
            }
            decode::viterbi(&em, &self.trans, &mut lat, &mut tags_out);
            for (a, b, t) in tags::decode(&tags_out) {
                let span = Span::new(doc.tokens[s + a].span.start, doc.tokens[s + b - 1].span.end);
                out.push(NameMention {
                    span,
                    etype: tags::TYPES[t],
                });
            }
        }
        out
    }

    /// Score the model on gold documents.
    pub fn evaluate(&self, docs: &[corpus::GoldDoc]) -> Scores {
        let mut scores = Scores::default();
        for g in docs {
            let pred: Vec<(Span, EntityType)> = self
                .recognize(&g.doc)
                .into_iter()
                .map(|m| (m.span, m.etype))
                .collect();
            scores.add(&g.names, &pred);
        }
        scores
    }
}

//! Named-entity recognition: PER, ORG, LOC and MISC names (CoNLL-2003
//! scheme) found by a linear-chain model over the project's tokens.
//!
//! The model is an averaged structured perceptron (Collins 2002) over BILOU
//! tags ([`tags`]) with first-order transitions and Viterbi decoding
//! ([`decode`]) under the BILOU constraints. Tokens are described by hashed
//! feature templates ([`features`]) built from per-token facts
//! ([`forms`]): word forms, shapes, affixes, neighbours, capitals in
//! context, document-level casing, the labels given to the same word
//! earlier in the document ([`history`]), and gazetteer classes ([`lexicon`]:
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
pub mod history;
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
        let mut history = history::History::default();
        for &(s, e) in &forms.sentences {
            em.clear();
            for i in s..e {
                keys.clear();
                features::token_features(&forms, i, s, e, &mut keys);
                keys.extend(history.feature(forms.lower[i], forms.flags[i]));
                let mut row = [0f32; N_TAGS];
                self.weights.score(&keys, &mut row);
                em.push(row);
            }
            decode::viterbi(&em, &self.trans, &mut lat, &mut tags_out);
            history.record(&forms.lower[s..e], &forms.flags[s..e], &tags_out);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, &'static str)> {
        let model = NerModel::from_bytes(include_bytes!("../../../models/ner.bin")).unwrap();
        let mut doc = Document::new("t", text);
        crate::segment::segment(&mut doc);
        model
            .recognize(&doc)
            .into_iter()
            .map(|m| (m.span.of(text).to_owned(), m.etype.as_str()))
            .collect()
    }

    fn has(found: &[(String, &str)], name: &str, ty: &str) -> bool {
        found.iter().any(|(n, t)| n == name && *t == ty)
    }

    #[test]
    fn titles_and_honorifics_stay_outside_names() {
        let found = names(
            "Sir Alan Hughes met Mr Kowalski and Dr Helen Marsh in Leeds on Monday. \
             Later Sir Alan said Mr Kowalski had agreed.",
        );
        assert!(has(&found, "Alan Hughes", "PER"), "{found:?}");
        assert!(has(&found, "Kowalski", "PER"), "{found:?}");
        assert!(has(&found, "Helen Marsh", "PER"), "{found:?}");
        assert!(has(&found, "Alan", "PER"), "{found:?}");
        assert!(has(&found, "Leeds", "LOC"), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|(n, _)| n.starts_with("Sir") || n.starts_with("Mr"))
        );
    }

    #[test]
    fn possessives_and_nationalities() {
        let found =
            names("Poland’s president said German and Italian troops would stay in Lithuania.");
        assert!(has(&found, "Poland", "LOC"), "{found:?}");
        assert!(has(&found, "German", "MISC"), "{found:?}");
        assert!(has(&found, "Italian", "MISC"), "{found:?}");
        assert!(has(&found, "Lithuania", "LOC"), "{found:?}");
    }

    #[test]
    fn organisations_in_news_prose() {
        let found = names(
            "The European Central Bank held rates, while shares in Siemens fell in Frankfurt. \
             Nato said the United Nations would send observers.",
        );
        assert!(has(&found, "European Central Bank", "ORG"), "{found:?}");
        assert!(has(&found, "Frankfurt", "LOC"), "{found:?}");
        assert!(has(&found, "Nato", "ORG"), "{found:?}");
        assert!(has(&found, "United Nations", "ORG"), "{found:?}");
    }

    #[test]
    fn capitals_headlines_use_the_article_body() {
        let found = names(
            "HARTLEY LEADS WARRINGTON TO VICTORY\nMark Hartley scored twice as Warrington \
             beat the visitors on Sunday.",
        );
        assert!(has(&found, "HARTLEY", "PER"), "{found:?}");
        assert!(has(&found, "Mark Hartley", "PER"), "{found:?}");
    }

    #[test]
    fn lower_case_text_has_no_names() {
        assert!(names("the minister said the talks would resume next week.").is_empty());
    }

    #[test]
    fn artifact_round_trips_byte_for_byte() {
        let bytes = include_bytes!("../../../models/ner.bin");
        let model = NerModel::from_bytes(bytes).unwrap();
        assert_eq!(model.to_bytes(), bytes.to_vec());
    }
}

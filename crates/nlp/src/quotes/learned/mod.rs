//! The learned part of the quote layer: a token tagger that marks the content
//! spans of attributions (reported speech, beliefs, intentions, stances
//! towards a noun phrase: what PolNeAR annotates), trained on PolNeAR train
//! by `tidings train quotes` (every fifth document held out).
//!
//! The rules find quotations and their speakers; the tagger adds the reported
//! content the rules miss. See [`super`] for how the two are merged.
//!
//! | module | job |
//! |---|---|
//! | [`features`] | hashed token features from the quote view |
//! | [`tagger`] | greedy averaged-perceptron tagger |
//! | [`codec`] | the model's bytes |
//! | [`train`] | reading PolNeAR and fitting the tagger |

pub mod codec;
pub(crate) mod features;
pub(crate) mod tagger;
pub mod train;

use tidings_model::TokenKind;

use super::view::View;
use features::Forms;
use tagger::{BEGIN, INSIDE, Packed, Scored, Table, Tagging};

pub use codec::CodecError;

/// The trained content tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteModel {
    weights: Packed,
}

/// The model built by `tidings train quotes`.
const BUILTIN: &[u8] = include_bytes!("../../../models/quotes.bin");

impl QuoteModel {
    /// The committed model.
    pub fn builtin() -> Result<QuoteModel, CodecError> {
        Self::from_bytes(BUILTIN)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<QuoteModel, CodecError> {
        Ok(QuoteModel {
            weights: codec::decode(bytes)?,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        codec::encode(&self.weights)
    }

    /// Content spans `[a, b)` in token indices, in text order.
    pub(crate) fn spans(&self, v: &View) -> Vec<(usize, usize)> {
        self.spans_in(v, &v.sentence_ranges())
    }

    /// Content spans that begin within `reach` tokens of the start of one
    /// of `ranges` (in text order, each inside one sentence), tagging each
    /// range only as far as its content goes.
    pub(crate) fn spans_after(
        &self,
        v: &View,
        ranges: &[(usize, usize)],
        reach: usize,
    ) -> Vec<(usize, usize)> {
        let mut sink = Tagging::new(&self.weights, reach, v.len());
        Forms::new_in(v, ranges, &mut sink);
        spans_of(v, &sink.tags)
    }

    /// Content spans inside the token ranges `ranges` (in text order, each
    /// inside one sentence), tagging those tokens alone.
    pub(crate) fn spans_in(&self, v: &View, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut sink = Scored {
            table: &self.weights,
            scores: vec![[0.0; 3]; v.len()],
            current: 0,
        };
        let forms = Forms::new_in(v, ranges, &mut sink);
        spans_of(v, &self.weights.tag(&forms, &sink.scores, ranges))
    }
}

/// Runs of begin/inside tags, trimmed of punctuation at both ends, with at
/// least two words.
pub(crate) fn spans_of(v: &View, tags: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] != BEGIN && tags[i] != INSIDE {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tags.len() && tags[j] == INSIDE {
            j += 1;
        }
        let (mut a, mut b) = (i, j);
        let wordy = |k: usize| matches!(v.kind(k), TokenKind::Word | TokenKind::Number);
        while a < b && !wordy(a) {
            a += 1;
        }
        while b > a && !wordy(b - 1) {
            b -= 1;
        }
        if (a..b).filter(|&k| wordy(k)).count() >= 2 {
            out.push((a, b));
        }
        i = j;
    }
    out
}

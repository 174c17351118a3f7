//! Training data, the held-out split and training of the event classifier.
//!
//! Data: the CAMEO PentaClass sentences (`cameo-train.jsonl`: `id`, `text`,
//! `label` 0-4) and the PLOVER gold-standard sentences
//! (`PLOVER_GSR_CAMEO.json`: `text` and a PLOVER `event`, mapped to its
//! PentaClass).
//!
//! Split: line `i` (0-based) of the PentaClass file is held out when
//! `i % 5 == 0` ([`is_held_out`]); those 270 sentences are never trained or
//! tuned on. Everything else, plus all gold-standard sentences, trains.

use std::path::Path;

use tidings_model::TokenKind;

use super::cameo;
use super::classifier::{CLASSES, Classifier, FitConfig};
use super::features::{self, Words};
use super::lexicon::Lexicon;
use crate::segment;

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    /// CAMEO PentaClass, 0-4.
    pub label: u8,
}

/// Why training data could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}, line {line}: {source}")]
    Json {
        path: String,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{path}: no usable examples")]
    Empty { path: String },
}

/// True for the lines of the PentaClass file held out from training and
/// tuning.
pub fn is_held_out(line: usize) -> bool {
    line.is_multiple_of(5)
}

fn read(path: &Path) -> Result<String, TrainError> {
    std::fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// All sentences of a PentaClass JSON-lines file, in file order.
pub fn load_pentaclass(path: &Path) -> Result<Vec<Example>, TrainError> {
    #[derive(serde::Deserialize)]
    struct Row {
        text: String,
        label: u8,
    }
    let mut out = Vec::new();
    for (i, line) in read(path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = serde_json::from_str(line).map_err(|source| TrainError::Json {
            path: path.display().to_string(),
            line: i + 1,
            source,
        })?;
        out.push(Example {
            text: row.text,
            label: row.label.min(CLASSES as u8 - 1),
        });
    }
    if out.is_empty() {
        return Err(TrainError::Empty {
            path: path.display().to_string(),
        });
    }
    Ok(out)
}

/// The PLOVER gold-standard sentences whose event has a PentaClass.
pub fn load_plover_gsr(path: &Path) -> Result<Vec<Example>, TrainError> {
    #[derive(serde::Deserialize)]
    struct Record {
        #[serde(default)]
        text: Option<String>,
        #[serde(default)]
        event: Option<String>,
    }
    let records: Vec<Record> =
        serde_json::from_str(&read(path)?).map_err(|source| TrainError::Json {
            path: path.display().to_string(),
            line: 1,
            source,
        })?;
    Ok(records
        .into_iter()
        .filter_map(|r| {
            let label = cameo::penta_of_plover(r.event.as_deref()?)?;
            Some(Example {
                text: r.text?,
                label,
            })
        })
        .collect())
}

/// Features of a sentence given as plain text (tokenised as the pipeline
/// tokenises documents).
pub fn text_features(lexicon: &Lexicon, text: &str) -> Vec<u64> {
    let words = text_words(text);
    let hits = lexicon.find(&words.lower);
    features::extract(&words, &hits)
}

/// The words of a sentence given as plain text.
pub fn text_words(text: &str) -> Words {
    let tokens = segment::tokenize(text);
    Words::new(tokens.iter().map(|t| {
        (
            t.span.of(text),
            matches!(t.kind, TokenKind::Word | TokenKind::Number),
        )
    }))
}

/// Train the sentence classifier on `examples`.
pub fn train(lexicon: &Lexicon, examples: &[Example], config: &FitConfig) -> Classifier {
    let data: Vec<(Vec<u64>, u8)> = examples
        .iter()
        .map(|e| (text_features(lexicon, &e.text), e.label))
        .collect();
    Classifier::fit(&data, config)
}

/// Accuracy and macro-F1 of `predicted` against `gold` classes.
pub fn macro_f1(gold: &[u8], predicted: &[u8]) -> (f64, f64) {
    let n = gold.len().min(predicted.len());
    if n == 0 {
        return (0.0, 0.0);
    }
    let correct = gold.iter().zip(predicted).filter(|(g, p)| g == p).count();
    let mut f1_sum = 0.0;
    for c in 0..CLASSES as u8 {
        let tp = gold
            .iter()
            .zip(predicted)
            .filter(|&(&g, &p)| g == c && p == c)
            .count() as f64;
        let fp = gold
            .iter()
            .zip(predicted)
            .filter(|&(&g, &p)| g != c && p == c)
            .count() as f64;
        let fn_ = gold
            .iter()
            .zip(predicted)
            .filter(|&(&g, &p)| g == c && p != c)
            .count() as f64;
        if tp > 0.0 {
            f1_sum += 2.0 * tp / (2.0 * tp + fp + fn_);
        }
    }
    (correct as f64 / n as f64, f1_sum / CLASSES as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_one_in_five() {
        let held = (0..1349).filter(|&i| is_held_out(i)).count();
        assert_eq!(held, 270);
    }

    #[test]
    fn macro_f1_of_perfect_and_empty() {
        let g = [0, 1, 2, 3, 4];
        assert_eq!(macro_f1(&g, &g), (1.0, 1.0));
        assert_eq!(macro_f1(&[], &[]), (0.0, 0.0));
    }

    #[test]
    fn trains_on_composed_sentences() {
        let lex = Lexicon::builtin();
        let ex = |t: &str, l| Example {
            text: t.to_string(),
            label: l,
        };
        let data = vec![
            ex("The minister said the economy was growing.", 0),
            ex("The two leaders held talks in Rome.", 1),
            ex("The government released forty prisoners.", 2),
            ex("The opposition accused the president of fraud.", 3),
            ex("Soldiers shelled the town overnight.", 4),
        ];
        let config = FitConfig {
            min_count: 1,
            ..FitConfig::default()
        };
        let model = train(&lex, &data, &config);
        for e in &data {
            assert_eq!(model.predict(&text_features(&lex, &e.text)), e.label);
        }
    }
}

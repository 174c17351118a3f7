//! Quality floors of the committed NER model, scored like
//! `shared/eval/score.py entities` (exact span and type, micro F1), over the
//! CoNLL-2003 dev set and the seed gold. Skips when `../shared` is absent.
//!
//! This scores the recogniser's own output; the pipeline's entity layer
//! passes it through alias resolution, which may retype or trim names.
//!
//! The floors sit a little below the measured scores (docs/QUALITY.md);
//! raise them when the model improves, never lower them silently.

use std::path::{Path, PathBuf};

use tidings_nlp::entities::ner::corpus::{self, GoldDoc};
use tidings_nlp::entities::ner::{NerModel, Scores};

const CONLL_DEV_FLOOR: f64 = 0.925;
const SEED_FLOOR: f64 = 0.955;

fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if p.exists() {
        Some(p.to_owned())
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

/// Score the committed model on `docs`.
fn score(docs: &[GoldDoc]) -> Scores {
    let model = NerModel::from_bytes(include_bytes!("../models/ner.bin")).expect("model loads");
    model.evaluate(docs)
}

#[test]
fn conll_dev_f1_holds() {
    let Some(shared) = shared() else { return };
    let docs = corpus::read_jsonl(&shared.join("data/ner/conll2003-dev.jsonl")).unwrap();
    let s = score(&docs);
    eprintln!("conll dev: {}", s.summary());
    assert!(s.micro().f1 >= CONLL_DEV_FLOOR, "{}", s.summary());
}

#[test]
fn seed_f1_holds() {
    let Some(shared) = shared() else { return };
    let docs = corpus::read_jsonl(&shared.join("data/seed/seed.gold.jsonl")).unwrap();
    let s = score(&docs);
    eprintln!("seed: {}", s.summary());
    assert!(s.micro().f1 >= SEED_FLOOR, "{}", s.summary());
}

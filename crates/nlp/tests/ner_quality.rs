//! Quality floors of the committed NER model, scored like
//! `shared/eval/score.py entities` (exact span and type, micro F1), over the
//! CoNLL-2003 dev set and the seed gold. Skips when `../shared` is absent.
//!
//! The floors sit a little below the measured scores (docs/QUALITY.md);
//! raise them when the model improves, never lower them silently.

use std::path::{Path, PathBuf};

use tidings_model::{EntityType, MentionKind, Span};
use tidings_nlp::Pipeline;
use tidings_nlp::entities::ner::Scores;
use tidings_nlp::entities::ner::corpus::{self, GoldDoc};

const CONLL_DEV_FLOOR: f64 = 0.925;
const SEED_FLOOR: f64 = 0.95;

fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if p.exists() {
        Some(p.to_owned())
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

/// Score the pipeline's name mentions on `docs`.
fn score(docs: &[GoldDoc]) -> Scores {
    let pipeline = Pipeline::new().expect("built-in models load");
    let mut scores = Scores::default();
    for g in docs {
        let mut doc = tidings_model::Document::new(g.doc.id.clone(), g.doc.text.clone());
        pipeline.annotate(&mut doc);
        let pred: Vec<(Span, EntityType)> = doc
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Name)
                    .map(move |m| (m.span, e.etype))
            })
            .collect();
        scores.add(&g.names, &pred);
    }
    scores
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

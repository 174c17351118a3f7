//! Train the event sentence classifier and write `crates/nlp/models/events.bin`.
//!
//! ```text
//! cargo run --release -p tidings-nlp --example train_events -- [DATA_DIR] [OUT]
//! ```
//!
//! `DATA_DIR` holds `cameo-train.jsonl` and `PLOVER_GSR_CAMEO.json`
//! (default `../shared/data/events` beside the workspace). Lines `i % 5 == 0`
//! of `cameo-train.jsonl` are held out: the program trains on the rest plus
//! the PLOVER sentences and reports accuracy and macro-F1 on the held-out
//! lines. Training is deterministic: the same data gives the same bytes.
//! With `TIDINGS_EVENTS_CV=1` it first prints a five-fold cross-validation
//! on the training part, which is how the settings were chosen.

use std::path::PathBuf;
use std::process::ExitCode;

use tidings_nlp::events::classifier::FitConfig;
use tidings_nlp::events::coder::{SUPPORTED_CLASS_RATIO, decide_class};
use tidings_nlp::events::features;
use tidings_nlp::events::lexicon::Lexicon;
use tidings_nlp::events::training::{self, Example};

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../../../shared/data/events"));
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("models/events.bin"));
    match run(&data, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_events: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(data: &std::path::Path, out: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let penta = training::load_pentaclass(&data.join("cameo-train.jsonl"))?;
    let gsr = training::load_plover_gsr(&data.join("PLOVER_GSR_CAMEO.json"))?;
    let mut held = Vec::new();
    let mut train = Vec::new();
    for (i, e) in penta.into_iter().enumerate() {
        if training::is_held_out(i) {
            held.push(e);
        } else {
            train.push(e);
        }
    }
    train.extend(gsr);
    let lexicon = Lexicon::builtin();
    let config = FitConfig::default();
    // Tuning happens here, never on the held-out lines.
    if std::env::var_os("TIDINGS_EVENTS_CV").is_some() {
        cross_validate(&lexicon, &train, &config);
    }
    let model = training::train(&lexicon, &train, &config);
    let gold: Vec<u8> = held.iter().map(|e| e.label).collect();
    let pred: Vec<u8> = held
        .iter()
        .map(|e| model.predict(&training::text_features(&lexicon, &e.text)))
        .collect();
    let (acc, f1) = training::macro_f1(&gold, &pred);
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &bytes)?;
    println!(
        "trained on {} sentences; held out {}: accuracy {acc:.3} macro-F1 {f1:.3}; {} features, {} bytes -> {}",
        train.len(),
        held.len(),
        model.len(),
        bytes.len(),
        out.display()
    );
    Ok(())
}

/// Five-fold cross-validation on the training part only (the held-out
/// lines are never touched): macro-F1 of the class decision for several
/// supported-class ratios (with the given feature count floor) and for
/// several feature count floors (with the built-in ratio).
fn cross_validate(lexicon: &Lexicon, train: &[Example], config: &FitConfig) {
    let ratios = [0.0f32, 0.2, 0.4, 0.6, 0.8, 1.01];
    let min_counts = [1usize, 2, 3, 4];
    let mut gold = Vec::new();
    let mut by_ratio: Vec<Vec<u8>> = vec![Vec::new(); ratios.len()];
    let mut by_count: Vec<Vec<u8>> = vec![Vec::new(); min_counts.len()];
    for fold in 0..5 {
        let rest: Vec<Example> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|(_, e)| e.clone())
            .collect();
        let with_count = |min_count| FitConfig {
            min_count,
            ..*config
        };
        let model = training::train(lexicon, &rest, config);
        let models: Vec<_> = min_counts
            .iter()
            .map(|&n| training::train(lexicon, &rest, &with_count(n)))
            .collect();
        for (_, e) in train.iter().enumerate().filter(|(i, _)| i % 5 == fold) {
            let words = training::text_words(&e.text);
            let hits = lexicon.find(&words.lower);
            let feats = features::extract(&words, &hits);
            gold.push(e.label);
            let probs = model.probabilities(&feats);
            for (k, r) in ratios.iter().enumerate() {
                by_ratio[k].push(decide_class(&probs, &hits, *r));
            }
            for (k, m) in models.iter().enumerate() {
                let probs = m.probabilities(&feats);
                by_count[k].push(decide_class(&probs, &hits, SUPPORTED_CLASS_RATIO));
            }
        }
    }
    for (k, r) in ratios.iter().enumerate() {
        let (acc, f1) = training::macro_f1(&gold, &by_ratio[k]);
        println!("cv ratio {r:.2}: accuracy {acc:.3} macro-F1 {f1:.3}");
    }
    for (k, n) in min_counts.iter().enumerate() {
        let (acc, f1) = training::macro_f1(&gold, &by_count[k]);
        println!("cv min count {n}: accuracy {acc:.3} macro-F1 {f1:.3}");
    }
}

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

use std::path::PathBuf;
use std::process::ExitCode;

use tidings_nlp::events::classifier::FitConfig;
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
    let (held, mut train): (Vec<(usize, Example)>, Vec<(usize, Example)>) = penta
        .into_iter()
        .enumerate()
        .partition(|(i, _)| training::is_held_out(*i));
    let held: Vec<Example> = held.into_iter().map(|(_, e)| e).collect();
    train.extend(gsr.into_iter().map(|e| (usize::MAX, e)));
    let train: Vec<Example> = train.into_iter().map(|(_, e)| e).collect();
    let lexicon = Lexicon::builtin();
    let config = FitConfig::default();
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

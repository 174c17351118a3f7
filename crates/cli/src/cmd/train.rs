//! `tidings train`: rebuild a committed model artifact from the shared data.

use std::path::PathBuf;

use anyhow::{Context, Result};
use tidings_nlp::entities::ner;

use crate::batch::Outcome;

/// Train a statistical model from `../shared/data` and write its artifact.
///
/// The same command with the same data and seed writes the same bytes, so the
/// committed artifacts can be checked by rebuilding them.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub model: Model,
}

#[derive(Debug, clap::Subcommand)]
pub enum Model {
    /// The named-entity recogniser (CoNLL-2003 train, dev for model selection,
    /// country gazetteer).
    Ner(Common),
    /// The event classifier (CAMEO PentaClass sentences, every fifth line held
    /// out, plus the PLOVER gold-standard sentences).
    Events(Common),
    /// The quote content tagger (PolNeAR train, every fifth document held
    /// out).
    Quotes(Common),
}

#[derive(Debug, clap::Args)]
pub struct Common {
    /// The shared data folder.
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the artifact (default: crates/nlp/models/<model>.bin).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Seed for the training order.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(args: Args) -> Result<Outcome> {
    match args.model {
        Model::Ner(c) => train_ner(c),
        Model::Events(c) => train_events(c),
        Model::Quotes(c) => train_quotes(c),
    }
}

fn train_ner(c: Common) -> Result<Outcome> {
    let started = std::time::Instant::now();
    let (model, report) = ner::train(
        &c.data.join("ner/conll2003-train.jsonl"),
        &c.data.join("ner/conll2003-dev.jsonl"),
        &c.data.join("gazetteer/countries.json"),
        c.seed,
    )
    .with_context(|| format!("cannot train the NER model from {}", c.data.display()))?;
    eprintln!(
        "trained on {} docs, {} sentences, {} tokens; best epoch {}; dev {}",
        report.train_docs,
        report.train_sentences,
        report.train_tokens,
        report.best_epoch,
        report.dev.summary()
    );
    let out = c.out.unwrap_or_else(|| "crates/nlp/models/ner.bin".into());
    finish(&out, &model.to_bytes(), started)
}

fn train_events(c: Common) -> Result<Outcome> {
    use tidings_nlp::events::classifier::FitConfig;
    use tidings_nlp::events::lexicon::Lexicon;
    use tidings_nlp::events::training;

    let started = std::time::Instant::now();
    let dir = c.data.join("events");
    let penta = training::load_pentaclass(&dir.join("cameo-train.jsonl"))
        .with_context(|| format!("cannot read the event sentences in {}", dir.display()))?;
    let gsr = training::load_plover_gsr(&dir.join("PLOVER_GSR_CAMEO.json"))
        .with_context(|| format!("cannot read the PLOVER sentences in {}", dir.display()))?;
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for (i, e) in penta.into_iter().enumerate() {
        if training::is_held_out(i) {
            held.push(e);
        } else {
            train.push(e);
        }
    }
    train.extend(gsr);
    let lexicon = Lexicon::builtin();
    let model = training::train(&lexicon, &train, &FitConfig::default());
    let gold: Vec<u8> = held.iter().map(|e| e.label).collect();
    let pred: Vec<u8> = held
        .iter()
        .map(|e| model.predict(&training::text_features(&lexicon, &e.text)))
        .collect();
    let (acc, f1) = training::macro_f1(&gold, &pred);
    eprintln!(
        "trained on {} sentences; {} held out: accuracy {acc:.3}, macro-F1 {f1:.3}",
        train.len(),
        held.len()
    );
    let out = c
        .out
        .unwrap_or_else(|| "crates/nlp/models/events.bin".into());
    finish(&out, &model.to_bytes(), started)
}

fn train_quotes(c: Common) -> Result<Outcome> {
    use tidings_nlp::quotes::learned::train;

    let started = std::time::Instant::now();
    let path = c.data.join("quotes/polnear-train.jsonl");
    let docs =
        train::read_gold(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let (model, report) = train::train(&docs, c.seed);
    eprintln!(
        "trained on {} docs; train: {}; {} held out: {}",
        report.train_docs,
        report.train.summary(),
        report.held_docs,
        report.held.summary()
    );
    let out = c
        .out
        .unwrap_or_else(|| "crates/nlp/models/quotes.bin".into());
    finish(&out, &model.to_bytes(), started)
}

fn write_artifact(out: &std::path::Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(out, bytes).with_context(|| format!("cannot write {}", out.display()))
}

/// Write the trained artifact and say where, and how long training took.
fn finish(out: &std::path::Path, bytes: &[u8], started: std::time::Instant) -> Result<Outcome> {
    write_artifact(out, bytes)?;
    eprintln!(
        "wrote {} in {:.1}s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome { ok: 1, failed: 0 })
}

//! Train the named-entity model and write the artifact.
//!
//! ```text
//! cargo run --release -p tidings-nlp --example train_ner -- \
//!     [--data ../shared/data] [--out crates/nlp/models/ner.bin] [--seed 1]
//! ```
//!
//! Reads `ner/conll2003-train.jsonl`, `ner/conll2003-dev.jsonl` and
//! `gazetteer/countries.json` under `--data`, prints the training report.

use std::path::PathBuf;
use std::process::ExitCode;

use tidings_nlp::entities::ner;

fn main() -> ExitCode {
    let mut data = PathBuf::from("../shared/data");
    let mut out = PathBuf::from("crates/nlp/models/ner.bin");
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next();
        match (a.as_str(), v) {
            ("--data", Some(v)) => data = v.into(),
            ("--out", Some(v)) => out = v.into(),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    let started = std::time::Instant::now();
    let result = ner::train(
        &data.join("ner/conll2003-train.jsonl"),
        &data.join("ner/conll2003-dev.jsonl"),
        &data.join("gazetteer/countries.json"),
        seed,
    );
    let (model, report) = match result {
        Ok(x) => x,
        Err(e) => {
            eprintln!("train_ner: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "trained on {} docs, {} sentences, {} tokens; {} unaligned and {} sentence-crossing names skipped",
        report.train_docs,
        report.train_sentences,
        report.train_tokens,
        report.unaligned,
        report.crossing
    );
    let by_epoch: Vec<String> = report
        .dev_f1_by_epoch
        .iter()
        .map(|f| format!("{f:.4}"))
        .collect();
    println!("dev F1 by epoch: {}", by_epoch.join(" "));
    println!(
        "best epoch {}; {} features learned, {} kept; artifact {} bytes",
        report.best_epoch,
        report.features,
        model.feature_count(),
        report.model_bytes
    );
    println!("dev (quantised): {}", report.dev.summary());
    if let Some(dir) = out.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = std::fs::write(&out, model.to_bytes()) {
        eprintln!("train_ner: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} in {:.1}s",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: train_ner [--data DIR] [--out FILE] [--seed N]");
    ExitCode::from(2)
}

//! The quote layer alone, timed: the 840 PolNeAR train articles are annotated
//! once (every layer), then the quote layer runs over them again and again.
//!
//! ```text
//! cargo run --release -p tidings-nlp --example quote_layer_speed -- [rules|speech|attributions] [PASSES]
//! ```
//!
//! `rules` is `quotes::annotate` (no tagger), `speech` the default scope
//! (rules and the tagger after cues), `attributions` the tagger everywhere.
//! Prints milliseconds per pass. Needs `../shared`; `cargo bench -p
//! tidings-nlp --bench layers` gives the layer's share of the whole pipeline.

use std::path::Path;
use std::time::Instant;

use tidings_model::Document;
use tidings_nlp::Pipeline;
use tidings_nlp::quotes::{self, Scope, learned::QuoteModel};

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "speech".into());
    let passes: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/quotes/polnear-train.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{} is absent", path.display());
        std::process::exit(2);
    };
    let pipeline = Pipeline::new().expect("built-in models load");
    let model = QuoteModel::builtin().expect("the quote model loads");
    let mut docs: Vec<Document> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(|t| Document::new("q", t)))
        .collect();
    for d in &mut docs {
        pipeline.annotate(d);
    }
    let run = |d: &mut Document| match mode.as_str() {
        "rules" => quotes::annotate(d),
        "attributions" => quotes::annotate_scoped(d, Scope::Attributions, &model),
        _ => quotes::annotate_scoped(d, Scope::Speech, &model),
    };
    docs.iter_mut().for_each(run);
    let started = Instant::now();
    for _ in 0..passes {
        docs.iter_mut().for_each(run);
    }
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!(
        "quote layer ({mode}): {:.1} ms per pass over {} articles, {tokens} tokens",
        started.elapsed().as_secs_f64() * 1e3 / passes as f64,
        docs.len()
    );
}

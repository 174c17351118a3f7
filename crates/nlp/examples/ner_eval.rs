//! Score the built-in NER model on gold JSON Lines and list its mistakes.
//!
//! ```text
//! cargo run --release -p tidings-nlp --example ner_eval -- GOLD.jsonl [--errors]
//! ```
//!
//! Scores like `shared/eval/score.py entities` (exact span and type).

use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

use tidings_model::{EntityType, Span};
use tidings_nlp::entities::ner::{NerModel, Scores, corpus};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: ner_eval GOLD.jsonl [--errors] [--model FILE]");
        return ExitCode::from(2);
    };
    let show = args.iter().any(|a| a == "--errors");
    let bytes = match args.iter().position(|a| a == "--model") {
        Some(i) => std::fs::read(&args[i + 1]).expect("model file"),
        None => include_bytes!("../models/ner.bin").to_vec(),
    };
    let model = NerModel::from_bytes(&bytes).expect("model loads");
    let docs = match corpus::read_jsonl(Path::new(path)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("ner_eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut scores = Scores::default();
    for g in &docs {
        let pred: Vec<(Span, EntityType)> = model
            .recognize(&g.doc)
            .into_iter()
            .map(|m| (m.span, m.etype))
            .collect();
        scores.add(&g.names, &pred);
        if show {
            let gs: HashSet<_> = g.names.iter().copied().collect();
            let ps: HashSet<_> = pred.iter().copied().collect();
            let text = &g.doc.text;
            let ctx = |s: Span| {
                let a = text[..s.start]
                    .char_indices()
                    .rev()
                    .nth(30)
                    .map_or(0, |x| x.0);
                let b = text[s.end..]
                    .char_indices()
                    .nth(30)
                    .map_or(text.len(), |x| s.end + x.0);
                text[a..b].replace('\n', " | ")
            };
            for x in g.names.iter().filter(|x| !ps.contains(x)) {
                println!("FN {} {:?}  …{}…", x.1.as_str(), x.0.of(text), ctx(x.0));
            }
            for x in pred.iter().filter(|x| !gs.contains(x)) {
                println!("FP {} {:?}  …{}…", x.1.as_str(), x.0.of(text), ctx(x.0));
            }
        }
    }
    println!("{}", scores.summary());
    ExitCode::SUCCESS
}

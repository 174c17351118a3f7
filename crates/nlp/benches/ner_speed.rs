//! Tokenisation plus NER throughput on one core, in tokens per second.
//!
//! ```text
//! cargo bench -p tidings-nlp --bench ner_speed
//! ```
//!
//! Runs over the CoNLL-2003 dev texts as prose when `../shared` is present,
//! else over the hand-written news sentences; warms up, then reports the
//! median and spread of several timed passes. Besides wall-clock rates it
//! reports the rate per second of CPU time the thread actually ran (Linux
//! `/proc/thread-self/schedstat`), which stays meaningful on a busy machine.

use std::path::Path;
use std::time::Instant;

use tidings_model::Document;
use tidings_nlp::entities::ner::{NerModel, corpus};
use tidings_nlp::segment;

const PASSES: usize = 7;

fn main() {
    let model = NerModel::from_bytes(include_bytes!("../models/ner.bin")).expect("model loads");
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let dev = shared.join("data/ner/conll2003-dev.jsonl");
    let (what, texts): (&str, Vec<String>) = if dev.exists() {
        let docs = corpus::read_jsonl(&dev).expect("dev set reads");
        (
            "CoNLL-2003 dev as prose",
            docs.iter().map(|g| g.as_prose().doc.text).collect(),
        )
    } else {
        let src = include_str!("../src/entities/ner/news.txt");
        let docs = corpus::parse_marked(src).expect("fixture parses");
        let one: Vec<String> = docs.into_iter().map(|g| g.doc.text).collect();
        (
            "hand-written news x40",
            one.iter().cycle().take(one.len() * 40).cloned().collect(),
        )
    };
    let mut tokens = 0usize;
    let mut names = 0usize;
    let run = |tokens: &mut usize, names: &mut usize| {
        for t in &texts {
            let mut doc = Document::new("b", t.as_str());
            segment::segment(&mut doc);
            *names += model.recognize(&doc).len();
            *tokens += doc.tokens.len();
        }
    };
    run(&mut tokens, &mut names);
    let per_pass = tokens;
    let mut rates = Vec::new();
    let mut cpu_rates = Vec::new();
    for _ in 0..PASSES {
        let t0 = Instant::now();
        let c0 = cpu_ns();
        run(&mut tokens, &mut names);
        rates.push(per_pass as f64 / t0.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_ns()) {
            cpu_rates.push(per_pass as f64 / ((b - a) as f64 / 1e9));
        }
    }
    rates.sort_by(f64::total_cmp);
    cpu_rates.sort_by(f64::total_cmp);
    let t0 = Instant::now();
    let reloaded = NerModel::from_bytes(include_bytes!("../models/ner.bin")).expect("loads");
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    println!(
        "ner_speed: {what}: {} docs, {per_pass} tokens per pass, {PASSES} passes, {} names",
        texts.len(),
        names / (PASSES + 1)
    );
    println!(
        "tokenise + NER: median {:.0} tokens/s (min {:.0}, max {:.0}) on one core",
        rates[PASSES / 2],
        rates[0],
        rates[PASSES - 1]
    );
    if cpu_rates.len() == PASSES {
        println!(
            "tokenise + NER: median {:.0} tokens per CPU-second (min {:.0}, max {:.0})",
            cpu_rates[PASSES / 2],
            cpu_rates[0],
            cpu_rates[PASSES - 1]
        );
    }
    println!(
        "model load: {load_ms:.1} ms ({} features)",
        reloaded.feature_count()
    );
}

/// Nanoseconds this thread has run on a CPU, where Linux reports it.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

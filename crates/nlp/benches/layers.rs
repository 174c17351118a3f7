//! Where annotate's time goes: each layer's share of the whole pipeline,
//! in both quote scopes.
//!
//! ```text
//! cargo bench -p tidings-nlp --bench layers
//! ```
//!
//! Runs over the texts of PolNeAR train (840 political news articles) when
//! `../shared` is present, else over a news article written for the tests,
//! repeated. One thread; a warm-up pass, then several timed passes; each
//! layer's share is the median over passes, so one noisy pass on a shared
//! machine does not move it. The issue's budget for the quote layer is 10%
//! of annotate's time.

use std::path::Path;
use std::time::Duration;

use tidings_model::Document;
use tidings_nlp::Pipeline;
use tidings_nlp::pipeline::LayerTimes;
use tidings_nlp::quotes::Scope;

const PASSES: usize = 5;

/// Written for this benchmark: the constructions the layers look for.
const FIXTURE: &str = "Harbour Minister Lena Park told reporters in Bergen on Friday that \
the ferry line would reopen by March 2026.\n\n“We will not let the islands down,” Ms Park \
said. “The boats are ready.”\n\nThe opposition leader, Tomas Ek, accused her of “buying \
votes” and said the Northern Alliance would vote against the budget next week. According \
to the Valley Times, the port authority has asked Oslo for 40 million kroner.\n\nOn \
Saturday, hundreds of fishermen protested outside the parliament. Police said two people \
were arrested after clashes near the harbour.";

fn main() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let polnear = shared.join("data/quotes/polnear-train.jsonl");
    let (what, texts): (&str, Vec<String>) = match std::fs::read_to_string(&polnear) {
        Ok(s) => (
            "PolNeAR train",
            s.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["text"].as_str().map(str::to_string))
                .collect(),
        ),
        Err(_) => (
            "a hand-written article x400 (../shared absent)",
            vec![FIXTURE.to_string(); 400],
        ),
    };
    println!(
        "layers: {what}: {} documents, {PASSES} passes, one thread",
        texts.len()
    );
    for scope in [Scope::Speech, Scope::Attributions] {
        let pipeline = Pipeline::new()
            .expect("built-in models load")
            .with_quote_scope(scope);
        let pass = || {
            let mut sum = LayerTimes::default();
            for t in &texts {
                let mut doc = Document::new("b", t.as_str());
                sum.add(&pipeline.annotate_timed(&mut doc));
            }
            sum
        };
        pass();
        let runs: Vec<LayerTimes> = (0..PASSES).map(|_| pass()).collect();
        let mut totals: Vec<Duration> = runs.iter().map(LayerTimes::total).collect();
        totals.sort();
        println!(
            "\nquote scope {scope:?}: annotate median {:.1} ms per pass ({:.3} ms per document)",
            ms(totals[PASSES / 2]),
            ms(totals[PASSES / 2]) / texts.len() as f64
        );
        println!(
            "  {:<9} {:>10} {:>8} {:>14}",
            "layer", "ms/pass", "share", "share min-max"
        );
        for (i, (name, _)) in LayerTimes::default().layers().iter().enumerate() {
            let mut shares: Vec<f64> = runs
                .iter()
                .map(|r| r.layers()[i].1.as_secs_f64() / r.total().as_secs_f64())
                .collect();
            shares.sort_by(f64::total_cmp);
            let mut took: Vec<Duration> = runs.iter().map(|r| r.layers()[i].1).collect();
            took.sort();
            println!(
                "  {name:<9} {:>10.1} {:>7.1}% {:>6.1}-{:.1}%",
                ms(took[PASSES / 2]),
                100.0 * shares[PASSES / 2],
                100.0 * shares[0],
                100.0 * shares[PASSES - 1]
            );
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

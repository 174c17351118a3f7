//! How the entity layer's time grows with the size of one document.
//!
//! ```text
//! cargo run --release -p tidings-nlp --example entity_scaling -- [names|prose|all] [MAX]
//! ```
//!
//! Two series, each one document per size, segmentation and the entity layer
//! (recogniser and resolution) timed alone on one thread:
//! - `names`: one name repeated ("Smith, Smith, ..."), 10k to `MAX` (default
//!   1M) names, and as many different people sharing that surname ("Ann0
//!   Smith, Ann1 Smith, ...", capped at 100k), and names among descriptions
//!   and pronouns in one paragraph;
//! - `prose`: news prose of 1, 4 and 16 MB (PolNeAR train's articles joined,
//!   repeated as needed, when `../shared` is present; else a hand-written
//!   article repeated).
//!
//! Each line gives the size, the seconds, and the time per unit relative to
//! the series' first line: near-linear growth keeps that ratio near 1 (the
//! target is under 2).

use std::path::Path;
use std::time::Instant;

use tidings_model::Document;
use tidings_nlp::Pipeline;

/// Written for this example: a short news article with people, places,
/// organisations, descriptions and pronouns.
const FIXTURE: &str = "Harbour Minister Lena Park told reporters in Bergen on Friday that \
the ferry line would reopen by March 2026. She said the Northern Alliance had agreed.\n\n\
“We will not let the islands down,” Ms Park said. The opposition leader, Tomas Ek, accused \
her of buying votes. According to the Valley Times, the port authority has asked Oslo for \
40 million kroner, and the European Union (EU) will pay half. Mr Ek said he would ask the \
EU to wait.\n\n";

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "all".into());
    let max: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let pipeline = Pipeline::new().expect("built-in models load");
    if what == "names" || what == "all" {
        let sizes: Vec<usize> = [10_000, 30_000, 100_000, 300_000, 1_000_000]
            .into_iter()
            .filter(|&n| n <= max)
            .collect();
        series(&pipeline, "one name repeated", "names", &sizes, |n| {
            "Smith, ".repeat(n)
        });
        let sizes: Vec<usize> = sizes.into_iter().filter(|&n| n <= 100_000).collect();
        series(
            &pipeline,
            "names, descriptions and pronouns in one paragraph",
            "names",
            &sizes,
            |n| {
                (0..n)
                    .map(|i| match i % 4 {
                        0 => "Mr Smith said he met the prime minister, ",
                        1 => "who told “me” that she and the French capital ",
                        2 => "and the company, Acme Corp, ",
                        _ => "agreed with Ms Jones and her party. ",
                    })
                    .collect()
            },
        );
        series(
            &pipeline,
            "people sharing a surname",
            "names",
            &sizes,
            |n| (0..n).map(|i| format!("Ann{i} Smith, ")).collect(),
        );
    }
    if what == "prose" || what == "all" {
        let prose = prose();
        let mb = 1 << 20;
        series(&pipeline, "news prose", "MB", &[mb, 4 * mb, 16 * mb], |n| {
            let mut text = String::with_capacity(n + prose.len());
            while text.len() < n {
                text.push_str(&prose);
            }
            let mut cut = n;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            text
        });
    }
}

/// Time one document per size; print seconds and the per-unit ratio.
fn series(
    pipeline: &Pipeline,
    title: &str,
    unit: &str,
    sizes: &[usize],
    make: impl Fn(usize) -> String,
) {
    println!("{title}:");
    println!(
        "  {:>10} {:>9} {:>9} {:>10} {:>8}",
        unit, "bytes", "seconds", "entities", "ratio"
    );
    let mut first: Option<f64> = None;
    for &n in sizes {
        let text = make(n);
        let mut doc = Document::new("scale", text.as_str());
        let started = Instant::now();
        pipeline.annotate_entities(&mut doc);
        let secs = started.elapsed().as_secs_f64();
        let per = secs / n as f64;
        let ratio = per / *first.get_or_insert(per);
        let shown = if unit == "MB" {
            format!("{}", n >> 20)
        } else {
            n.to_string()
        };
        println!(
            "  {:>10} {:>9} {:>9.3} {:>10} {:>8.2}",
            shown,
            text.len(),
            secs,
            doc.entities.len(),
            ratio
        );
    }
}

/// News prose: PolNeAR train's articles when `../shared` is present.
fn prose() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/quotes/polnear-train.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(s) => s
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(|t| format!("{t}\n\n")))
            .collect(),
        Err(_) => {
            eprintln!(
                "{} is absent: timing a hand-written article, repeated",
                path.display()
            );
            FIXTURE.to_string()
        }
    }
}

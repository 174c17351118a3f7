//! Extraction speed beside the peer crates, same pages, same process.
//!
//! `cargo run --release -p tidings-ingest --features peers --example bench_peers -- PAGES_DIR [OUT_PREFIX]`
//!
//! Times each page once per extractor after a warm-up pass, single-threaded,
//! and prints each extractor's median, mean and 90th percentile per page.
//! Peers get the page as UTF-8 text (lossy); tidings gets the bytes and
//! decodes them itself. With `OUT_PREFIX`, writes `OUT_PREFIX.<name>.jsonl`
//! (`{"id", "text"}`) for `score.py extract`.

use std::io::Write;
use std::time::Instant;

use tidings_ingest::record::page_id;

type Extractor = (&'static str, fn(&[u8]) -> String);

fn tidings(bytes: &[u8]) -> String {
    tidings_ingest::extract_html(bytes, None)
        .map(|a| a.text)
        .unwrap_or_default()
}

fn trafilatura(bytes: &[u8]) -> String {
    let html = String::from_utf8_lossy(bytes);
    trafilatura::extract(&html, &trafilatura::Options::default())
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn dom_smoothie(bytes: &[u8]) -> String {
    let html = String::from_utf8_lossy(bytes).into_owned();
    dom_smoothie::Readability::new(html, None, None)
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: bench_peers PAGES_DIR [OUT_PREFIX]");
        std::process::exit(2);
    };
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            std::fs::read(e.path())
                .ok()
                .map(|b| (page_id(&name).to_string(), b))
        })
        .collect();
    pages.sort();
    let extractors: [Extractor; 3] = [
        ("tidings", tidings),
        ("trafilatura", trafilatura),
        ("dom_smoothie", dom_smoothie),
    ];
    for (name, f) in extractors {
        let mut out = match args.get(2) {
            Some(prefix) => Some(std::io::BufWriter::new(std::fs::File::create(format!(
                "{prefix}.{name}.jsonl"
            ))?)),
            None => None,
        };
        for (_, p) in pages.iter().take(20) {
            std::hint::black_box(f(p));
        }
        let mut ms: Vec<f64> = Vec::with_capacity(pages.len());
        for (id, p) in &pages {
            let t = Instant::now();
            let text = std::hint::black_box(f(p));
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
            if let Some(w) = out.as_mut() {
                writeln!(w, "{}", serde_json::json!({"id": id, "text": text}))?;
            }
        }
        ms.sort_by(f64::total_cmp);
        let n = ms.len();
        println!(
            "{name:>12}: {n} pages, median {:.2} ms, mean {:.2} ms, p90 {:.2} ms",
            ms[n / 2],
            ms.iter().sum::<f64>() / n as f64,
            ms[n * 9 / 10]
        );
    }
    Ok(())
}

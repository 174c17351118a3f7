//! Single-threaded extraction speed on a folder of pages.
//!
//! `cargo run --release -p tidings-ingest --example bench -- PAGES_DIR [ROUNDS]`
//!
//! Loads every page into memory, runs one warm-up pass, then times each page
//! `ROUNDS` times (default 5) and keeps each page's median. Prints the
//! median, mean and 90th percentile per page and the throughput in MB/s.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: bench PAGES_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("read pages folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    pages.sort_by_key(Vec::len);
    for p in &pages {
        let _ = tidings_ingest::extract_html(p, None);
    }
    let mut per_page: Vec<f64> = Vec::with_capacity(pages.len());
    let total_start = Instant::now();
    for p in &pages {
        let mut times: Vec<f64> = (0..rounds)
            .map(|_| {
                let t = Instant::now();
                let _ = std::hint::black_box(tidings_ingest::extract_html(p, None));
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        per_page.push(times[times.len() / 2]);
    }
    let wall = total_start.elapsed().as_secs_f64();
    per_page.sort_by(f64::total_cmp);
    let n = per_page.len();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!(
        "tidings-ingest: {n} pages, median {:.2} ms, mean {:.2} ms, p90 {:.2} ms, {:.1} MB/s",
        per_page[n / 2],
        per_page.iter().sum::<f64>() / n as f64,
        per_page[n * 9 / 10],
        (bytes * rounds) as f64 / wall / 1e6
    );
}

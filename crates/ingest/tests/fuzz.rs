//! The fuzz targets' bodies (`tidings_ingest::fuzz`) under stable Rust:
//! seeds written here (plus the samples in `../shared/data/ingest` when
//! present) and random mutations of them, for a time budget per target.
//!
//! `TIDINGS_FUZZ_SECS` sets the budget (default 2 s a target, so a plain
//! `cargo test` is a quick smoke run; scripts/test.sh gives it more when
//! cargo-fuzz is not installed). `TIDINGS_FUZZ_SEED` changes the random
//! sequence. A failing input is written to `target/fuzz-failures/` and the
//! test panics with its path; replay it with the cargo-fuzz target of the
//! same name (`cargo +nightly fuzz run warc FILE`), and keep it as a
//! regression test beside the code it broke.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tidings_ingest::fuzz;

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that make parsers take unusual paths.
const TOKENS: &[&[u8]] = &[
    b"WARC/1.0\r\n",
    b"WARC-Type: response\r\n",
    b"Content-Length: 18446744073709551615\r\n",
    b"Content-Length: 5\r\n\r\n",
    b"\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\n\r\n",
    b"Transfer-Encoding: chunked\r\n",
    b"Content-Encoding: gzip\r\n",
    b"\x1f\x8b\x08\x00",
    b"filedesc://x 0.0.0.0 20240101000000 text/plain 9\n",
    b"<?xml version=\"1.0\"?>",
    b"<rss version=\"2.0\"><channel><item>",
    b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>",
    b"<![CDATA[",
    b"]]>",
    b"<content:encoded>",
    b"{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{",
    b"&#x10FFFF;&#0;&amp;",
    b"<div><div><div><div><div><div><div><div>",
    b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[",
    b"<meta charset=\"shift_jis\">",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xC3\x28\xA0\xA1",
    b"\0\0\0",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            2 => {
                let tok = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(len + 1);
                input.splice(at..at, tok.iter().copied());
            }
            3 if len > 1 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64)).min(len);
                input.drain(a..b);
            }
            4 if len > 1 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(256)).min(len);
                let copy: Vec<u8> = input[a..b].to_vec();
                let at = rng.below(len + 1);
                let times = 1 + rng.below(8);
                for _ in 0..times {
                    input.splice(at..at, copy.iter().copied());
                }
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + rng.below(512)).min(other.len());
                    let at = rng.below(len + 1);
                    input.splice(at..at, other[a..b].iter().copied());
                }
            }
            6 if len > 0 => input.truncate(rng.below(len)),
            _ => {
                let n = rng.below(32);
                let at = rng.below(len + 1);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                input.splice(at..at, bytes);
            }
        }
    }
    input.truncate(1 << 20);
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

const PAGE: &str = "<html lang=\"en\"><head><title>Harbour reopens | Courier</title><meta property=\"og:site_name\" content=\"Courier\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Harbour reopens</h1><p class=\"byline\">By Ana Ruiz</p><time datetime=\"2024-05-02\">2 May</time><p>The harbour reopened on Monday after a week of storms.</p><p>\"The wall held,\" said the harbour master.</p></article></body></html>";

fn warc_seeds() -> Vec<Vec<u8>> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
    let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>Hi\r\n0\r\n\r\n";
    let record = |kind: &str, block: &str| {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://example.org/a\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
        .into_bytes()
    };
    let mut plain = record("warcinfo", "software: seed\r\n");
    plain.extend(record("response", &http));
    plain.extend(record("response", chunked));
    plain.extend(record("resource", PAGE));
    let members: Vec<u8> = [
        record("response", &http),
        record("request", "GET / HTTP/1.1\r\n\r\n"),
    ]
    .iter()
    .flat_map(|r| gz(r))
    .collect();
    let arc = format!(
        "filedesc://seed.arc 0.0.0.0 20240101000000 text/plain 4\nabc\n\nhttp://example.org/a b 1.2.3.4 20240101000000 text/html {}\n{http}\n",
        http.len()
    )
    .into_bytes();
    vec![plain, members, arc]
}

fn feed_seeds() -> Vec<Vec<u8>> {
    vec![
        br#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>C</title><language>en</language><item><title>A</title><link>https://example.org/a</link><pubDate>Thu, 02 May 2024 08:15:00 GMT</pubDate><description>Teaser.</description><content:encoded><![CDATA[<p>Full.</p>]]></content:encoded></item><item><link>https://example.org/b</link></item></channel></rss>"#.to_vec(),
        br#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>R</title><link>x</link><description>d</description></channel><item rdf:about="y"><title>I</title><link>y</link><description>Text.</description></item></rdf:RDF>"#.to_vec(),
        br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id><updated>2024-05-03T10:00:00Z</updated><entry><title>E</title><id>y</id><link href="https://example.org/e"/><published>2024-05-03T09:00:00Z</published><author><name>Bo Chen</name></author><content type="html">&lt;p&gt;Body.&lt;/p&gt;</content><summary>S</summary></entry></feed>"#.to_vec(),
        br#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://example.org/j","content_html":"<p>Body.</p>","date_published":"2024-05-05T07:00:00Z","authors":[{"name":"Cy"}]},{"id":"2","summary":"Only a summary."}]}"#.to_vec(),
    ]
}

fn html_seeds() -> Vec<Vec<u8>> {
    let mut latin1 = b"<meta charset=\"iso-8859-1\"><p>Gr".to_vec();
    latin1.push(0xFC);
    latin1.extend_from_slice(b"n</p>");
    vec![
        PAGE.as_bytes().to_vec(),
        latin1,
        b"<table><tr><td><p>cell<li>item<pre>  code  </pre>".to_vec(),
        b"<script>var s = '</p>';</script><style>p{}</style><!-- c --><p>x</p>".to_vec(),
    ]
}

/// Up to `max` files under a shared folder, when it exists.
fn shared_seeds(sub: &str, max: usize) -> Vec<Vec<u8>> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")).join(sub);
    let mut out = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                stack.push(p);
            } else if out.len() < max
                && let Ok(bytes) = std::fs::read(&p)
                && bytes.len() < 256 * 1024
            {
                out.push(bytes);
            }
        }
    }
    out
}

fn budget() -> Duration {
    let secs = std::env::var("TIDINGS_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(secs)
}

/// Run `body` on the seeds and on mutations of them until the budget is
/// spent; an input that panics or takes over 20 s is saved and reported.
fn run(name: &str, body: fn(&[u8]), mut seeds: Vec<Vec<u8>>) {
    let seed = std::env::var("TIDINGS_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_1234_u64);
    let mut rng = Rng(seed | 1);
    seeds.push(Vec::new());
    let start = Instant::now();
    let mut runs = 0usize;
    let mut i = 0usize;
    loop {
        let input = if i < seeds.len() {
            seeds[i].clone()
        } else {
            let mut input = seeds[rng.below(seeds.len())].clone();
            mutate(&mut rng, &seeds, &mut input);
            input
        };
        i += 1;
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| body(&input)));
        let slow = t.elapsed() > Duration::from_secs(20);
        if result.is_err() || slow {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-failures");
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("{name}-{seed}-{runs}"));
            std::fs::write(&path, &input).unwrap();
            panic!(
                "fuzz target {name}: input {} {}",
                path.display(),
                if slow { "took over 20 s" } else { "panicked" }
            );
        }
        runs += 1;
        if i >= seeds.len() && start.elapsed() >= budget() {
            break;
        }
    }
    eprintln!(
        "fuzz target {name}: {runs} inputs in {:.1} s",
        start.elapsed().as_secs_f64()
    );
}

#[test]
fn warc_target() {
    let mut seeds = warc_seeds();
    seeds.extend(shared_seeds("ingest/warc", 40));
    run("warc", fuzz::warc, seeds);
}

#[test]
fn feed_target() {
    let mut seeds = feed_seeds();
    seeds.extend(shared_seeds("ingest/feeds", 60));
    run("feed", fuzz::feed, seeds);
}

#[test]
fn html_target() {
    let mut seeds = html_seeds();
    seeds.extend(shared_seeds("extract/zyte/pages", 10));
    run("html", fuzz::html, seeds);
}

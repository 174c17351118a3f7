//! `tidings ingest`: sources in, annotated articles stored.
//!
//! Sources are HTML pages (files or folders, searched recursively) and JSON
//! Lines files (`.jsonl`, `.ndjson`, `-` for stdin) whose records are either
//! documents (`{"id", "text", ...}`, as for `annotate`) or pages
//! (`{"html", "url"?, "id"?}`). Records go through in chunks: each chunk is
//! extracted, checked against the store by content hash (known content is
//! not annotated again), annotated on all cores, then stored in one
//! transaction per chunk with a savepoint per article (each article all or
//! nothing; one that fails is named and the chunk goes on). Stopping at any
//! point (even `kill -9`) loses nothing committed; running the same command
//! again stores the rest.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tidings_model::wire::AnnotateInput;
use tidings_model::{Document, Meta};
use tidings_nlp::Pipeline;
use tidings_store::{Provenance, Store, Stored, content_hash};

use crate::batch::{CHUNK, Outcome, guarded};
use crate::cmd::extract::{PAGE_SUFFIXES, extract_file, page_id};
use crate::cmd::store_args::DbArg;
use crate::io;

/// Extract, annotate and store articles; incremental and idempotent.
///
/// SOURCES are HTML files (`.html`, `.htm`, optionally `.gz`), folders of
/// them, and JSONL files of documents {"id","text",...} or pages
/// {"html","url"?,"id"?}; `-` reads JSONL from stdin. Content already in the
/// store is skipped, so a stopped run is resumed by running it again.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// HTML files, folders, JSONL files, or `-` for JSONL on stdin.
    #[arg(value_name = "SOURCES", required = true)]
    pub sources: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// One unit of input, named for error messages.
enum Item {
    Page(PathBuf),
    Line {
        file: String,
        no: usize,
        line: String,
    },
}

impl Item {
    fn name(&self) -> String {
        match self {
            Item::Page(p) => p.display().to_string(),
            Item::Line { file, no, .. } => format!("{file}: line {no}"),
        }
    }
}

/// Where the records come from, in order.
enum Source {
    Pages(Vec<PathBuf>),
    Lines(PathBuf),
}

/// How one record went.
enum Done {
    Stored(Stored),
    Known,
}

#[derive(Default)]
struct Tally {
    added: usize,
    replaced: usize,
    unchanged: usize,
    failed: usize,
}

pub fn run(args: Args) -> Result<Outcome> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let sources = plan(&args.sources)?;
    let store = args.db.open()?;
    let store = store.as_ref();
    let pipeline = Pipeline::new().context("cannot load the annotation models")?;
    let bar = progress(&sources, args.quiet);
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut chunk: Vec<Item> = Vec::with_capacity(CHUNK);
    for source in sources {
        match source {
            Source::Pages(pages) => {
                for p in pages {
                    chunk.push(Item::Page(p));
                    if chunk.len() == CHUNK {
                        process(&pipeline, store, &mut chunk, &mut tally, &bar)?;
                    }
                }
            }
            Source::Lines(file) => {
                let mut input = io::open_input(Some(&file))?;
                let name = if file == Path::new("-") {
                    "stdin".to_string()
                } else {
                    file.display().to_string()
                };
                let mut no = 0;
                loop {
                    let mut buf = Vec::new();
                    let n = input
                        .read_until(b'\n', &mut buf)
                        .with_context(|| format!("cannot read {name}"))?;
                    if n == 0 {
                        break;
                    }
                    no += 1;
                    let line = String::from_utf8_lossy(&buf).into_owned();
                    if line.trim().is_empty() {
                        bar.inc(1);
                        continue;
                    }
                    chunk.push(Item::Line {
                        file: name.clone(),
                        no,
                        line,
                    });
                    if chunk.len() == CHUNK {
                        process(&pipeline, store, &mut chunk, &mut tally, &bar)?;
                    }
                }
            }
        }
    }
    process(&pipeline, store, &mut chunk, &mut tally, &bar)?;
    bar.finish_and_clear();
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let n = tally.added + tally.replaced + tally.unchanged + tally.failed;
        eprintln!(
            "tidings: {} added, {} replaced, {} already stored, {} failed in {:.1} s ({:.0} records/s) -> {}",
            tally.added,
            tally.replaced,
            tally.unchanged,
            tally.failed,
            secs,
            n as f64 / secs.max(1e-9),
            args.db.shown()
        );
    }
    Ok(Outcome {
        ok: tally.added + tally.replaced + tally.unchanged,
        failed: tally.failed,
    })
}

/// Annotate a chunk in parallel and store it in input order.
fn process(
    pipeline: &Pipeline,
    store: &dyn Store,
    chunk: &mut Vec<Item>,
    tally: &mut Tally,
    bar: &ProgressBar,
) -> Result<()> {
    let prepared: Vec<Result<Option<Document>, String>> = chunk
        .par_iter()
        .map(|item| {
            guarded(|| {
                let doc = read_item(item)?;
                let known = store
                    .find_content(&content_hash(&doc.text))
                    .map_err(|e| e.to_string())?;
                if known.is_some() {
                    return Ok(None);
                }
                let mut doc = doc;
                pipeline.annotate(&mut doc);
                Ok(Some(doc))
            })
        })
        .collect();
    let sources: Vec<Provenance> = chunk
        .iter()
        .map(|item| Provenance {
            source: item.name(),
        })
        .collect();
    let batch: Vec<(&Document, &Provenance)> = prepared
        .iter()
        .zip(&sources)
        .filter_map(|(r, src)| match r {
            Ok(Some(doc)) => Some((doc, src)),
            _ => None,
        })
        .collect();
    let mut stored = store
        .put_batch(&batch)
        .context("cannot write to the store")?
        .into_iter();
    for (item, r) in chunk.iter().zip(prepared) {
        let done = match r {
            Ok(None) => Ok(Done::Known),
            Ok(Some(_)) => match stored.next() {
                Some(Ok(s)) => Ok(Done::Stored(s)),
                Some(Err(e)) => Err(e.to_string()),
                None => Err("the store skipped this record".to_string()),
            },
            Err(why) => Err(why),
        };
        match done {
            Ok(Done::Known) | Ok(Done::Stored(Stored::Unchanged(_))) => tally.unchanged += 1,
            Ok(Done::Stored(Stored::Added(_))) => tally.added += 1,
            Ok(Done::Stored(Stored::Replaced(_))) => tally.replaced += 1,
            Err(why) => {
                bar.suspend(|| eprintln!("tidings: {}: {why}", item.name()));
                tally.failed += 1;
            }
        }
        bar.inc(1);
    }
    chunk.clear();
    Ok(())
}

/// Turn one input item into a document with metadata and no layers.
fn read_item(item: &Item) -> Result<Document, String> {
    match item {
        Item::Page(path) => {
            let a = extract_file(path)?;
            let meta = meta_of(&a);
            Ok(document(page_id(path), a.text, meta))
        }
        Item::Line { line, .. } => {
            let value: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
            if let Some(html) = value.get("html").and_then(|h| h.as_str()) {
                let url = value.get("url").and_then(|u| u.as_str());
                let a = tidings_ingest::extract_html(html.as_bytes(), url)
                    .map_err(|e| e.to_string())?;
                let id = match value.get("id") {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Number(n)) => n.to_string(),
                    _ => url.unwrap_or("").to_string(),
                };
                let meta = Meta {
                    title: a.title,
                    url: a.url.or(url.map(String::from)),
                    site: a.site,
                    authors: a.authors,
                    published: a.published,
                    language: a.language,
                };
                return Ok(document(id, a.text, meta));
            }
            let input: AnnotateInput =
                serde_json::from_value(value).map_err(|e| format!("not a document: {e}"))?;
            input.into_document().map_err(|e| e.to_string())
        }
    }
}

fn meta_of(a: &tidings_model::wire::ExtractOutput) -> Meta {
    Meta {
        title: a.title.clone(),
        url: a.url.clone(),
        site: a.site.clone(),
        authors: a.authors.clone(),
        published: a.published.clone(),
        language: a.language.clone(),
    }
}

fn document(id: String, text: String, meta: Meta) -> Document {
    let mut doc = Document::new(id, text);
    doc.meta = meta;
    doc
}

const LINE_SUFFIXES: [&str; 2] = [".jsonl", ".ndjson"];

fn is_lines(name: &str) -> bool {
    let name = name.to_lowercase();
    LINE_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Resolve the sources into pages and JSONL files, in a stable order.
fn plan(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for p in paths {
        if p == Path::new("-") {
            out.push(Source::Lines(p.clone()));
            continue;
        }
        let meta = std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
        if meta.is_file() {
            if is_lines(&p.to_string_lossy()) {
                out.push(Source::Lines(p.clone()));
            } else {
                out.push(Source::Pages(vec![p.clone()]));
            }
        } else if meta.is_dir() {
            let (mut pages, mut lines) = (Vec::new(), Vec::new());
            walk(p, &mut pages, &mut lines)?;
            out.push(Source::Pages(pages));
            out.extend(lines.into_iter().map(Source::Lines));
        } else {
            bail!("{} is neither a file nor a folder", p.display());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, pages: &mut Vec<PathBuf>, lines: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        let name = e
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if e.is_dir() {
            walk(&e, pages, lines)?;
        } else if PAGE_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            pages.push(e);
        } else if is_lines(&name) {
            lines.push(e);
        }
    }
    Ok(())
}

/// A progress bar with rate and ETA on a terminal; hidden in pipes.
fn progress(sources: &[Source], quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let mut total = 0u64;
    for s in sources {
        match s {
            Source::Pages(p) => total += p.len() as u64,
            Source::Lines(f) if f == Path::new("-") => return spinner(),
            Source::Lines(f) => match count_lines(f) {
                Some(n) => total += n,
                None => return spinner(),
            },
        }
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40} {pos}/{len} records  {per_sec}  eta {eta}  {elapsed_precise}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn spinner() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} records  {per_sec}  {elapsed_precise}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

fn count_lines(path: &Path) -> Option<u64> {
    let f = std::fs::File::open(path).ok()?;
    let mut r = std::io::BufReader::with_capacity(1 << 16, f);
    let mut n = 0u64;
    loop {
        let buf = r.fill_buf().ok()?;
        if buf.is_empty() {
            return Some(n);
        }
        n += buf.iter().filter(|&&b| b == b'\n').count() as u64;
        let len = buf.len();
        r.consume(len);
    }
}

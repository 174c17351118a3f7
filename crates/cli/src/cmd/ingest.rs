//! `tidings ingest`: sources in, annotated articles stored.
//!
//! Sources are every input `tidings extract` takes (HTML pages, WARC/ARC,
//! feeds, JSONL, plain text, folders of them, `-` for stdin), read through
//! `tidings_ingest::source`. Records go through in chunks (bounded in count
//! and bytes): each chunk is extracted, checked against the store by content
//! hash (known content is not annotated again), annotated on all cores, then
//! stored in one transaction per chunk with a savepoint per article (each
//! article all or nothing; one that fails is named and the chunk goes on).
//! Stopping at any point (even `kill -9`) loses nothing committed; running
//! the same command again stores the rest.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tidings_ingest::source::{Format, Input, Record};
use tidings_model::{Document, Meta};
use tidings_nlp::Pipeline;
use tidings_store::{Provenance, Store, Stored, content_hash};

use crate::batch::{Outcome, guarded};
use crate::cmd::store_args::DbArg;
use crate::sources;

/// Extract, annotate and store articles; incremental and idempotent.
///
/// SOURCES are what `tidings extract` takes: HTML pages, WARC/ARC files,
/// RSS/Atom/JSON feeds, JSONL files (documents {"id","text",...} or pages
/// {"html","url"?,...}), plain text, optionally gzipped; folders of them;
/// `-` for stdin. The format is found by extension, else by content;
/// --input-format overrides. Content already in the store is skipped, so a
/// stopped run is resumed by running it again.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Source files, folders, or `-` for stdin.
    #[arg(value_name = "SOURCES", required = true)]
    pub sources: Vec<PathBuf>,
    /// Read every source as this format: html, warc (ARC too), feed
    /// (RSS, Atom, JSON Feed), jsonl, text. Default: detected.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    #[command(flatten)]
    pub db: DbArg,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar, no summary and no skip messages.
    #[arg(short, long)]
    pub quiet: bool,
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
    skipped: usize,
    failed: usize,
}

pub fn run(args: Args) -> Result<Outcome> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let inputs = sources::plan(&args.sources, args.input_format)?;
    let store = args.db.open()?;
    let store = store.as_ref();
    let pipeline = Pipeline::new().context("cannot load the annotation models")?;
    let bar = progress(&inputs, args.quiet);
    let started = Instant::now();
    let mut tally = Tally::default();
    sources::for_each_chunk(inputs, |chunk| {
        process(&pipeline, store, &chunk, &mut tally, &bar, args.quiet)
    })?;
    bar.finish_and_clear();
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let n = tally.added + tally.replaced + tally.unchanged + tally.failed;
        eprintln!(
            "tidings: {} added, {} replaced, {} already stored, {} skipped, {} failed in {:.1} s ({:.0} records/s) -> {}",
            tally.added,
            tally.replaced,
            tally.unchanged,
            tally.skipped,
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
    chunk: &[sources::Item],
    tally: &mut Tally,
    bar: &ProgressBar,
    quiet: bool,
) -> Result<()> {
    let prepared: Vec<Result<Option<Document>, String>> = chunk
        .par_iter()
        .map(|item| {
            let Ok(rec) = item else {
                return Ok(None);
            };
            guarded(|| {
                let doc = read_record(rec)?;
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
    let provenance: Vec<Provenance> = chunk
        .iter()
        .map(|item| Provenance {
            source: match item {
                Ok(rec) => rec.origin.clone(),
                Err(problem) => problem.origin.clone(),
            },
        })
        .collect();
    let batch: Vec<(&Document, &Provenance)> = prepared
        .iter()
        .zip(&provenance)
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
        let rec = match item {
            Ok(rec) => rec,
            Err(problem) => {
                if problem.skipped {
                    tally.skipped += 1;
                } else {
                    tally.failed += 1;
                }
                if !(quiet && problem.skipped) {
                    bar.suspend(|| eprintln!("{}", sources::message(problem)));
                }
                bar.inc(1);
                continue;
            }
        };
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
                bar.suspend(|| eprintln!("tidings: {}: {why}", rec.origin));
                tally.failed += 1;
            }
        }
        bar.inc(1);
    }
    Ok(())
}

/// Turn one record into a document with metadata and no layers.
fn read_record(rec: &Record) -> Result<Document, String> {
    let a = rec.extract().map_err(|e| e.to_string())?;
    let mut doc = Document::new(rec.id.clone(), a.text);
    doc.meta = Meta {
        title: a.title,
        url: a.url,
        site: a.site,
        authors: a.authors,
        published: a.published,
        language: a.language,
    };
    Ok(doc)
}

/// A progress bar with rate and ETA on a terminal; hidden in pipes. The
/// total is known when every input is one record a file or JSONL (lines
/// counted); WARC files, feeds and stdin get a spinner.
fn progress(inputs: &[Input], quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let mut total = 0u64;
    for input in inputs {
        match input.known_format() {
            Some(Format::Html | Format::Text) => total += 1,
            Some(Format::Jsonl) if !input.is_stdin() => match count_lines(&input.path) {
                Some(n) => total += n,
                None => return spinner(),
            },
            _ => return spinner(),
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

/// Non-blank lines of a plain (not gzipped) file.
fn count_lines(path: &Path) -> Option<u64> {
    let f = std::fs::File::open(path).ok()?;
    let mut r = std::io::BufReader::with_capacity(1 << 16, f);
    if r.fill_buf().ok()?.starts_with(&[0x1f, 0x8b]) {
        return None;
    }
    let mut n = 0u64;
    let mut blank = true;
    loop {
        let buf = r.fill_buf().ok()?;
        if buf.is_empty() {
            return Some(n + u64::from(!blank));
        }
        for &b in buf {
            if b == b'\n' {
                n += u64::from(!blank);
                blank = true;
            } else if !b.is_ascii_whitespace() {
                blank = false;
            }
        }
        let len = buf.len();
        r.consume(len);
    }
}

//! `tidings extract`: sources in, articles out (JSONL).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use rayon::prelude::*;
use tidings_ingest::source::{Format, Record};
use tidings_model::wire::ExtractOutput;

use crate::batch::{Outcome, guarded};
use crate::{io, sources};

/// Extract the article from web pages, web archives, feeds and texts: body
/// text, title, authors, date, site.
///
/// Takes HTML pages, WARC/ARC files, RSS/Atom/JSON feeds, JSONL files
/// (`text` or `html` a line), plain text, each optionally gzipped; folders
/// of them; `-` (or nothing) for stdin. The format is found by extension,
/// else by content; --input-format overrides. Writes one JSON object a
/// record; a bad record is named on stderr and the rest go on.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Source files or folders (searched recursively); `-` for stdin. Default: stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read every source as this format: html, warc (ARC too), feed
    /// (RSS, Atom, JSON Feed), jsonl, text. Default: detected.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// Output file (default: stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    let inputs = sources::plan(&paths, args.input_format)?;
    let mut out = io::open_output(args.output.as_deref())?;
    let mut outcome = Outcome::default();
    sources::for_each_chunk(inputs, |chunk| {
        let results: Vec<Option<Result<ExtractOutput, String>>> = chunk
            .par_iter()
            .map(|item| {
                item.as_ref()
                    .ok()
                    .map(|rec| guarded(|| extract_record(rec)))
            })
            .collect();
        for (item, r) in chunk.iter().zip(results) {
            match (item, r) {
                (Ok(_), Some(Ok(json))) => {
                    write_record(&mut out, &json)?;
                    outcome.ok += 1;
                }
                (Ok(rec), Some(Err(why))) => {
                    eprintln!("tidings: {}: {why}", rec.origin);
                    outcome.failed += 1;
                }
                (Err(problem), _) => {
                    eprintln!("{}", sources::message(problem));
                    outcome.failed += usize::from(!problem.skipped);
                }
                (Ok(_), None) => {}
            }
        }
        Ok(())
    })?;
    out.flush().context("cannot write output")?;
    Ok(outcome)
}

fn write_record(out: &mut dyn Write, rec: &ExtractOutput) -> Result<()> {
    serde_json::to_writer(&mut *out, rec).context("cannot write output")?;
    out.write_all(b"\n").context("cannot write output")
}

/// The `extract` output of one record.
pub fn extract_record(rec: &Record) -> Result<ExtractOutput, String> {
    let a = rec.extract().map_err(|e| e.to_string())?;
    Ok(ExtractOutput {
        id: rec.id.clone(),
        path: rec.path.clone(),
        title: a.title,
        authors: a.authors,
        published: a.published,
        site: a.site,
        language: a.language,
        url: a.url,
        page_type: a.page_type,
        content_hash: a.content_hash,
        text: a.text,
    })
}

//! `tidings annotate`: JSONL documents in, JSONL annotations out.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use rayon::prelude::*;
use tidings_model::Document;
use tidings_model::wire::{AnnotateInput, AnnotateOutput, OutputOptions};
use tidings_nlp::Pipeline;

use crate::batch::{CHUNK, Outcome, guarded};
use crate::{io, pretty};

/// Annotate documents: entities, quotes, time expressions and events.
///
/// Input is JSON Lines, one document a line: {"id", "text", "published"?,
/// "title"?}. Output is one JSON object per input line, in input order, with
/// offsets in Unicode code points (see README.md). A malformed line is
/// reported on stderr with its line number and skipped; the rest go on.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// JSONL input file (default: stdin).
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Output file (default: stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// `jsonl` for machines, `pretty` for people at a terminal.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Also write the token layer (as [start, end] pairs).
    #[arg(long)]
    pub tokens: bool,
    /// What the quote layer reports: `speech` (quotations, reported speech
    /// and the beliefs and stances right after a cue; no intentions) or
    /// `attributions` (every attribution as PolNeAR annotates them, by the
    /// learned tagger over the whole text).
    #[arg(long, value_enum, default_value_t = QuoteScope::Speech)]
    pub quotes: QuoteScope,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuoteScope {
    Speech,
    Attributions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Pretty,
}

pub fn run(args: Args) -> Result<Outcome> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start the worker threads")?;
    }
    let scope = match args.quotes {
        QuoteScope::Speech => tidings_nlp::quotes::Scope::Speech,
        QuoteScope::Attributions => tidings_nlp::quotes::Scope::Attributions,
    };
    let pipeline = Pipeline::new()
        .context("cannot load the annotation models")?
        .with_quote_scope(scope);
    let mut input = io::open_input(args.input.as_deref())?;
    let mut out = io::open_output(args.output.as_deref())?;
    let opts = OutputOptions {
        tokens: args.tokens,
    };
    let mut outcome = Outcome::default();
    let mut line_no = 0usize;
    let mut chunk: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
    loop {
        chunk.clear();
        while chunk.len() < CHUNK {
            let mut line = String::new();
            let n = read_line(&mut input, &mut line, line_no + 1)?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if !line.trim().is_empty() {
                chunk.push((line_no, line));
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<(usize, Result<Annotated, String>)> = chunk
            .par_iter()
            .map(|(n, line)| (*n, guarded(|| annotate_line(&pipeline, line))))
            .collect();
        for (n, r) in results {
            match r {
                Ok((doc, id)) => {
                    match args.format {
                        Format::Jsonl => {
                            let rec = AnnotateOutput::from_document(&doc, id, opts);
                            serde_json::to_writer(&mut out, &rec).context("cannot write output")?;
                            out.write_all(b"\n").context("cannot write output")?;
                        }
                        Format::Pretty => {
                            pretty::write_document(&mut out, &doc).context("cannot write output")?
                        }
                    }
                    outcome.ok += 1;
                }
                Err(why) => {
                    eprintln!("tidings: {}: line {n}: {why}", input_name(&args));
                    outcome.failed += 1;
                }
            }
        }
    }
    out.flush().context("cannot write output")?;
    Ok(outcome)
}

fn input_name(args: &Args) -> String {
    args.input
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "stdin".into())
}

/// Read one line; a line that is not UTF-8 is returned lossily so that the
/// JSON parser names the problem and the batch goes on.
fn read_line(input: &mut dyn BufRead, line: &mut String, no: usize) -> Result<usize> {
    let mut buf = Vec::new();
    let n = input
        .read_until(b'\n', &mut buf)
        .with_context(|| format!("cannot read input line {no}"))?;
    match String::from_utf8(buf) {
        Ok(s) => *line = s,
        Err(e) => {
            // Keep the line count right, and let the record fail on its own.
            *line = format!(
                "\u{0}invalid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            );
        }
    }
    Ok(n)
}

/// A document with its layers, and the input's id as given.
type Annotated = (Document, serde_json::Value);

fn annotate_line(pipeline: &Pipeline, line: &str) -> Result<Annotated, String> {
    if let Some(rest) = line.strip_prefix('\u{0}') {
        return Err(rest.to_string());
    }
    let input = AnnotateInput::parse(line).map_err(|e| e.to_string())?;
    let id = input.id.clone();
    let mut doc = input.into_document().map_err(|e| e.to_string())?;
    pipeline.annotate(&mut doc);
    Ok((doc, id))
}

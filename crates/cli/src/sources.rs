//! Reading sources for `extract` and `ingest`: the records of
//! `tidings_ingest::source` in chunks bounded by count and by bytes, with
//! each problem (a broken record, or one skipped) reported by name.

use std::path::PathBuf;

use anyhow::Result;
use tidings_ingest::source::{self, Format, Record, SourceError, Sources};

use crate::batch::CHUNK;

/// Payload bytes per chunk: with [`CHUNK`], what keeps memory flat when
/// records are large (WARC responses of megabytes).
pub const CHUNK_BYTES: usize = 64 << 20;

/// Resolve source paths (folders walked, `-` for stdin) into inputs.
pub fn plan(paths: &[PathBuf], forced: Option<Format>) -> Result<Vec<source::Input>> {
    Ok(source::plan(paths, forced)?)
}

/// How reading went, apart from the records processed.
#[derive(Debug, Default, Clone, Copy)]
pub struct ReadTally {
    pub failed: usize,
    pub skipped: usize,
}

/// Feed the records of `inputs` to `process` in bounded chunks, in order.
/// Problems go to `report` (with `true` for a skip) and are counted.
pub fn for_each_chunk(
    inputs: Vec<source::Input>,
    mut report: impl FnMut(&SourceError),
    mut process: impl FnMut(Vec<Record>) -> Result<()>,
) -> Result<ReadTally> {
    let mut tally = ReadTally::default();
    let mut chunk: Vec<Record> = Vec::with_capacity(CHUNK);
    let mut bytes = 0usize;
    for item in Sources::new(inputs) {
        match item {
            Ok(rec) => {
                bytes += rec.size();
                chunk.push(rec);
                if chunk.len() >= CHUNK || bytes >= CHUNK_BYTES {
                    process(std::mem::take(&mut chunk))?;
                    bytes = 0;
                }
            }
            Err(problem) => {
                if problem.skipped {
                    tally.skipped += 1;
                } else {
                    tally.failed += 1;
                }
                report(&problem);
            }
        }
    }
    if !chunk.is_empty() {
        process(chunk)?;
    }
    Ok(tally)
}

/// The message for a problem.
pub fn message(problem: &SourceError) -> String {
    if problem.skipped {
        format!("tidings: {}: skipped: {}", problem.origin, problem.why)
    } else {
        format!("tidings: {}: {}", problem.origin, problem.why)
    }
}

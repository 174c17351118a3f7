//! Reading sources for `extract` and `ingest`: the records of
//! `tidings_ingest::source` in chunks bounded by count and by bytes, each
//! problem (a broken record, or one skipped) kept in its place to be
//! reported by name.

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

/// One item of a chunk: a record, or a problem reading one.
pub type Item = Result<Record, SourceError>;

/// Feed the records of `inputs` to `process` in bounded chunks, in input
/// order, problems in their place (so messages come out in file order).
pub fn for_each_chunk(
    inputs: Vec<source::Input>,
    mut process: impl FnMut(Vec<Item>) -> Result<()>,
) -> Result<()> {
    let mut chunk: Vec<Item> = Vec::with_capacity(CHUNK);
    let mut bytes = 0usize;
    for item in Sources::new(inputs) {
        bytes += item.as_ref().map_or(0, Record::size);
        chunk.push(item);
        if chunk.len() >= CHUNK || bytes >= CHUNK_BYTES {
            process(std::mem::take(&mut chunk))?;
            bytes = 0;
        }
    }
    if !chunk.is_empty() {
        process(chunk)?;
    }
    Ok(())
}

/// The message for a problem.
pub fn message(problem: &SourceError) -> String {
    if problem.skipped {
        format!("tidings: {}: skipped: {}", problem.origin, problem.why)
    } else {
        format!("tidings: {}: {}", problem.origin, problem.why)
    }
}

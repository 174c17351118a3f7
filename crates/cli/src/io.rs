//! Opening inputs and outputs: files, or stdin/stdout when none is named.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

/// A buffered reader over `path`, or stdin when `path` is `None` or `-`.
pub fn open_input(path: Option<&Path>) -> Result<Box<dyn BufRead>> {
    match path {
        Some(p) if p != Path::new("-") => {
            let f = File::open(p).with_context(|| format!("cannot open input {}", p.display()))?;
            Ok(Box::new(BufReader::with_capacity(1 << 16, f)))
        }
        _ => Ok(Box::new(BufReader::new(io::stdin()))),
    }
}

/// A buffered writer to `path` (created or truncated), or stdout.
pub fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    match path {
        Some(p) if p != Path::new("-") => {
            let f =
                File::create(p).with_context(|| format!("cannot create output {}", p.display()))?;
            Ok(Box::new(BufWriter::with_capacity(1 << 16, f)))
        }
        _ => Ok(Box::new(BufWriter::new(io::stdout().lock()))),
    }
}

/// True when the error chain holds a broken pipe (the reader went away).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

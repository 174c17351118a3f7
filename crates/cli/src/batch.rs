//! Order-preserving parallel batches with per-record failures.
//!
//! Records are read in chunks, each chunk is processed on all cores with
//! rayon, and results are written in input order before the next chunk is
//! read, so memory stays flat however long the input is.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;

/// How a whole run went.
#[derive(Debug, Default, Clone, Copy)]
pub struct Outcome {
    pub ok: usize,
    pub failed: usize,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        if self.failed > 0 {
            eprintln!(
                "tidings: {} record(s) failed, {} written",
                self.failed, self.ok
            );
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Records per parallel chunk: large enough to keep every core busy, small
/// enough to keep memory flat.
pub const CHUNK: usize = 512;

/// Run `f` on one record, turning a panic into an error so the batch goes on.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(format!("internal error (please report): {why}"))
        }
    }
}

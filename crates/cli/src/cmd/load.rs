//! `tidings load`: a batch's Parquet tables into the store.

use std::path::PathBuf;

use anyhow::{Context, Result};
use tidings_tables::bulk::{LoadReport, load_parquet};

use crate::batch::Outcome;
use crate::cmd::store_args::DbArg;

/// Load Parquet tables into the store: the output of the Spark job
/// (`OUT/articles/part-*.parquet`, ...) or of `tidings export --format
/// parquet` (`DIR/articles.parquet`, ...).
///
/// Each article is rebuilt with its entities, mentions, quotes, time
/// expressions and events, and stored as `tidings ingest` stores one:
/// keyed by the hash of its text, so loading the same folder twice adds
/// nothing, and a load that was stopped completes when run again.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of Parquet tables (one file or folder per table).
    #[arg(value_name = "PARQUET_DIR")]
    pub dir: PathBuf,
    #[command(flatten)]
    pub db: DbArg,
    /// Articles stored per transaction.
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub chunk: usize,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open()?;
    let report = load_parquet(&args.dir, store.as_ref(), args.chunk, &mut |_| {})
        .with_context(|| format!("cannot load {}", args.dir.display()))?;
    for why in &report.failed {
        eprintln!("tidings: load: {why}");
    }
    eprintln!("tidings: {}", summary(&report));
    Ok(Outcome {
        ok: (report.added + report.replaced + report.unchanged) as usize,
        failed: report.failed.len(),
    })
}

fn summary(r: &LoadReport) -> String {
    let mut s = format!(
        "{} articles read: {} added, {} replaced, {} already stored, {} failed",
        r.articles,
        r.added,
        r.replaced,
        r.unchanged,
        r.failed.len()
    );
    if r.orphans > 0 {
        s.push_str(&format!(
            "; {} article ids had layer rows but no articles row",
            r.orphans
        ));
    }
    s
}

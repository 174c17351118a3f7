//! `tidings synth`: fill a store with generated articles, for load tests.

use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use tidings_store::{Provenance, synth};

use crate::batch::{CHUNK, Outcome};
use crate::cmd::store_args::DbArg;

/// Store N generated, already annotated articles (invented people meeting,
/// quoting and accusing each other over 2024-2025), to measure the store and
/// the API at scale. Repeatable: article i is always the same, so running it
/// twice adds nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many articles.
    #[arg(long, default_value_t = 100_000)]
    pub articles: u64,
    /// Number of the first article (to extend a store).
    #[arg(long, default_value_t = 0)]
    pub start: u64,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open()?;
    let started = Instant::now();
    let mut outcome = Outcome::default();
    let ids: Vec<u64> = (args.start..args.start + args.articles).collect();
    let source = Provenance {
        source: "synth".into(),
    };
    for chunk in ids.chunks(CHUNK * 4) {
        let docs: Vec<_> = chunk.par_iter().map(|&i| synth::article(i)).collect();
        let batch: Vec<_> = docs.iter().map(|d| (d, &source)).collect();
        for r in store.put_batch(&batch).context("cannot store articles")? {
            r.context("cannot store an article")?;
            outcome.ok += 1;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "tidings: {} articles in {:.1} s ({:.0} articles/s) -> {}",
        outcome.ok,
        secs,
        outcome.ok as f64 / secs.max(1e-9),
        args.db.shown()
    );
    Ok(outcome)
}

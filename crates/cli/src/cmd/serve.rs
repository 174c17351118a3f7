//! `tidings serve`: the JSON API and the web page over a store.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};

use crate::batch::Outcome;
use crate::cmd::store_args::DbArg;

/// Serve the store: a JSON API under /api (OpenAPI document at
/// /api/openapi.json) and a web page at / to search quotes and people.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on; use 0.0.0.0:PORT to serve other machines.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open_existing()?;
    tidings_serve::run(Arc::from(store), args.addr)
        .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(Outcome::default())
}

//! `tidings articles`: find stored articles.

use anyhow::{Context, Result};
use tidings_store::{ArticleQuery, Page, Store};

use crate::batch::Outcome;
use crate::cmd::store_args::{DbArg, parse_date};
use crate::io;
use crate::tabular::{self, Format};

/// Search stored articles by words in the title or text, newest first.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words in the title or text (all must match; stemmed).
    #[arg(long, value_name = "WORDS")]
    pub q: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,
    /// Results to show (at most 200).
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
    /// Results to skip, for the next page.
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open_existing()?;
    let query = ArticleQuery {
        q: args.q.clone(),
        from: args.from,
        to: args.to,
    };
    let page = store
        .articles(&query, Page::new(args.limit, args.offset))
        .context("cannot search the store")?;
    let mut out = io::open_output(None)?;
    tabular::write(
        &mut *out,
        args.format,
        &["id", "date", "title", "site", "url"],
        &[20, 10, 60, 20, 60],
        &page.items,
        |a| {
            vec![
                a.id.to_string(),
                a.published
                    .as_deref()
                    .map(|p| p.chars().take(10).collect())
                    .unwrap_or_default(),
                a.title.clone().unwrap_or_default(),
                a.site.clone().unwrap_or_default(),
                a.url.clone().unwrap_or_default(),
            ]
        },
    )?;
    out.flush().context("cannot write output")?;
    Ok(Outcome {
        ok: page.items.len(),
        failed: 0,
    })
}

//! `tidings articles`: find stored articles.

use anyhow::{Context, Result};
use tidings_store::{ArticleQuery, Page};

use crate::batch::Outcome;
use crate::cmd::store_args::{DbArg, ListArgs};
use crate::io;
use crate::tabular;

/// Search stored articles by words in the title or text, newest first.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words in the title or text (all must match; stemmed).
    #[arg(long, value_name = "WORDS")]
    pub q: Option<String>,
    #[command(flatten)]
    pub list: ListArgs,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open_existing()?;
    let query = ArticleQuery {
        q: args.q.clone(),
        from: args.list.from,
        to: args.list.to,
    };
    let page = store
        .articles(&query, Page::new(args.list.limit, args.list.offset))
        .context("cannot search the store")?;
    let mut out = io::open_output(None)?;
    tabular::write(
        &mut *out,
        args.list.format,
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

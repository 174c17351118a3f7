//! `tidings quotes`: who said what, from the store.

use anyhow::{Context, Result};
use tidings_store::{Page, QuoteQuery, QuoteRow};

use crate::batch::Outcome;
use crate::cmd::store_args::{DbArg, ListArgs};
use crate::io;
use crate::tabular::{self, Format};

/// Search stored quotes by speaker, words and date, newest first.
///
/// Words match stemmed and regardless of case and accents ("sanction" finds
/// "sanctions"); every word must match.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words of the speaker's name or alias ("Starmer", "Keir Starmer").
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Words in the quote.
    #[arg(long, value_name = "WORDS")]
    pub q: Option<String>,
    #[command(flatten)]
    pub list: ListArgs,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open_existing()?;
    let query = QuoteQuery {
        speaker: args.speaker.clone(),
        q: args.q.clone(),
        from: args.list.from,
        to: args.list.to,
        ..Default::default()
    };
    let page = store
        .quotes(&query, Page::new(args.list.limit, args.list.offset))
        .context("cannot search the store")?;
    let mut out = io::open_output(None)?;
    write_quotes(&mut *out, args.list.format, &page.items)?;
    out.flush().context("cannot write output")?;
    Ok(Outcome {
        ok: page.items.len(),
        failed: 0,
    })
}

/// Quotes as a table, JSON Lines or CSV.
pub fn write_quotes(
    out: &mut dyn std::io::Write,
    format: Format,
    quotes: &[QuoteRow],
) -> Result<()> {
    tabular::write(
        out,
        format,
        &["date", "speaker", "quote", "article", "id"],
        &[10, 24, 90, 40, 40],
        quotes,
        |q| {
            vec![
                q.published
                    .as_deref()
                    .map(|p| p.chars().take(10).collect())
                    .unwrap_or_default(),
                q.speaker
                    .as_ref()
                    .and_then(|s| s.name.clone())
                    .unwrap_or_default(),
                q.text.clone(),
                q.article_title.clone().unwrap_or_default(),
                format!("{}/{}", q.article, q.id),
            ]
        },
    )
}

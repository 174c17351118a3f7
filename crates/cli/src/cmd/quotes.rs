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
    /// Only quotes from unnamed sources ("a person familiar with the matter").
    #[arg(long, conflicts_with = "named")]
    pub anonymous: bool,
    /// Only quotes from named sources.
    #[arg(long)]
    pub named: bool,
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
        anonymous: match (args.anonymous, args.named) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
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
                q.speaker.as_ref().map(speaker_label).unwrap_or_default(),
                q.text.clone(),
                q.article_title.clone().unwrap_or_default(),
                format!("{}/{}", q.article, q.id),
            ]
        },
    )
}

/// Who said it, as a reader would write it: every name of a joint
/// attribution, an unnamed source by its description.
fn speaker_label(s: &tidings_store::records::SpeakerRow) -> String {
    let mut names: Vec<&str> = s.name.iter().map(String::as_str).collect();
    names.extend(s.others.iter().filter_map(|o| o.name.as_deref()));
    match (names.is_empty(), s.description.as_deref()) {
        (true, Some(d)) if s.anonymous => format!("unnamed: {d}"),
        (true, Some(d)) => d.to_string(),
        _ => names.join(", "),
    }
}

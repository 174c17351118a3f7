//! `tidings entity`: what the store knows about a person, organisation or place.

use std::io::Write;

use anyhow::{Context, Result, bail};
use tidings_store::{EntityDetail, EntityQuery, Page};

use crate::batch::Outcome;
use crate::cmd::quotes::write_quotes;
use crate::cmd::store_args::DbArg;
use crate::io;
use crate::tabular::{self, Format, clean};

/// Show an entity: its aliases, its quotes over time, the actors it meets in
/// events, and its latest quotes and events.
///
/// NAME is matched against every name and alias seen (the last word may be a
/// prefix); the entity mentioned most wins. `--format json` prints the whole
/// record; `--format csv` prints its latest quotes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words of a name or alias, e.g. "Starmer".
    #[arg(value_name = "NAME")]
    pub name: String,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open_existing()?;
    let found = store
        .entities(
            &EntityQuery {
                q: Some(args.name.clone()),
                etype: None,
            },
            Page::new(5, 0),
        )
        .context("cannot search the store")?;
    let Some(best) = found.items.first() else {
        bail!("no entity named {:?} in the store", args.name);
    };
    let detail = store
        .entity(best.id)
        .context("cannot read the store")?
        .context("the entity vanished while reading")?;
    let mut out = io::open_output(None)?;
    match args.format {
        Format::Json => {
            serde_json::to_writer(&mut out, &detail).context("cannot write output")?;
            out.write_all(b"\n").context("cannot write output")?;
        }
        Format::Csv => write_quotes(&mut *out, Format::Csv, &detail.quotes)?,
        Format::Table => {
            report(&mut *out, &detail)?;
            let others: Vec<String> = found.items[1..]
                .iter()
                .map(|e| format!("{} ({})", clean(&e.name), e.etype))
                .collect();
            if !others.is_empty() {
                writeln!(out, "\nAlso matching: {}", others.join(", "))?;
            }
        }
    }
    out.flush().context("cannot write output")?;
    Ok(Outcome { ok: 1, failed: 0 })
}

fn report(out: &mut dyn Write, d: &EntityDetail) -> Result<()> {
    let s = &d.summary;
    writeln!(
        out,
        "{} ({}{}) key {}: {} mentions in {} articles",
        clean(&s.name),
        s.etype,
        s.subtype
            .as_deref()
            .map(|t| format!(", {}", clean(t)))
            .unwrap_or_default(),
        clean(&s.key),
        s.mentions,
        s.articles
    )?;
    let aliases: Vec<String> = d
        .aliases
        .iter()
        .map(|a| format!("{} ×{}", clean(&a.name), a.count))
        .collect();
    writeln!(out, "Aliases: {}", aliases.join(", "))?;
    if !d.quotes_by_month.is_empty() {
        writeln!(out, "\nQuotes by month:")?;
        let most = d.quotes_by_month.iter().map(|m| m.count).max().unwrap_or(1);
        for m in &d.quotes_by_month {
            let bar = "█".repeat(((m.count * 40) / most.max(1)).max(1) as usize);
            writeln!(out, "  {:<7}  {:>5}  {bar}", m.month, m.count)?;
        }
    }
    if !d.co_actors.is_empty() {
        writeln!(out, "\nMeets in events:")?;
        let rows: Vec<Vec<String>> = d
            .co_actors
            .iter()
            .map(|c| vec![c.count.to_string(), c.name.clone()])
            .collect();
        tabular::table(out, &["events", "actor"], &[6, 60], &rows)?;
    }
    if !d.quotes.is_empty() {
        writeln!(out, "\nLatest quotes:")?;
        write_quotes(out, Format::Table, &d.quotes)?;
    }
    if !d.events.is_empty() {
        writeln!(out, "\nLatest events:")?;
        let rows: Vec<Vec<String>> = d
            .events
            .iter()
            .map(|e| {
                vec![
                    e.day.clone().unwrap_or_default(),
                    e.etype.clone(),
                    e.source
                        .as_ref()
                        .map(|a| a.name.clone())
                        .unwrap_or_default(),
                    e.target
                        .as_ref()
                        .map(|a| a.name.clone())
                        .unwrap_or_default(),
                    e.text.clone(),
                ]
            })
            .collect();
        tabular::table(
            out,
            &["date", "type", "source", "target", "evidence"],
            &[10, 12, 24, 24, 80],
            &rows,
        )?;
    }
    Ok(())
}

//! `tidings export`: the store as flat files, one table per layer.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde_json::Value;
use tidings_store::Layer;

use crate::batch::Outcome;
use crate::cmd::store_args::DbArg;
use crate::tabular::csv_row;

/// Export the store as one file per table: articles, entities, aliases,
/// mentions, quotes, timexes, events.
///
/// Offsets are Unicode code points into `articles.text`. JSONL files hold one
/// object per row; CSV files have a header line, empty fields for nulls and
/// `true`/`false` for booleans, and lists (authors) as JSON text. JSONL
/// articles are valid `tidings annotate`/`ingest` input. Both load as they are in pandas
/// (`read_json(lines=True)`, `read_csv`), Polars and DuckDB.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Folder to write the files into (created when missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub db: DbArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

pub fn run(args: Args) -> Result<Outcome> {
    let store = args.db.open_existing()?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let ext = match args.format {
        ExportFormat::Jsonl => "jsonl",
        ExportFormat::Csv => "csv",
    };
    for layer in Layer::ALL {
        let path = args.out.join(format!("{}.{ext}", layer.name()));
        let file =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut w = BufWriter::with_capacity(1 << 16, file);
        let cols = layer.columns();
        if args.format == ExportFormat::Csv {
            csv_row(&mut w, cols.iter().map(|c| c.to_string()))?;
        }
        let n = store
            .export(layer, &mut |row| match args.format {
                ExportFormat::Jsonl => {
                    let obj: serde_json::Map<String, Value> =
                        cols.iter().map(|c| c.to_string()).zip(row).collect();
                    serde_json::to_writer(&mut w, &obj)?;
                    w.write_all(b"\n")
                }
                ExportFormat::Csv => {
                    csv_row(&mut w, row.into_iter().map(csv_value)).map_err(std::io::Error::other)
                }
            })
            .with_context(|| format!("cannot export {}", layer.name()))?;
        w.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("tidings: {} rows -> {}", n, path.display());
    }
    Ok(Outcome { ok: 1, failed: 0 })
}

/// A CSV field: nulls empty, strings as they are, lists as JSON.
fn csv_value(v: Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s,
        other => other.to_string(),
    }
}

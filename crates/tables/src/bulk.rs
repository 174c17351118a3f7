//! A store to Parquet and Parquet into a store, through the `Store` trait
//! only, so they work for every backend.
//!
//! [`export_parquet`] writes one file per table from `Store::export` (rows
//! in id order), streaming. [`load_parquet`] reads a folder of tables (a
//! store's export, or a batch's output such as the Spark job's), rebuilds
//! each article as a `Document` ([`crate::assemble`]) and stores them with
//! `Store::put_batch`, a chunk at a time. The store keys articles by content
//! hash, so loading the same folder twice stores nothing new, and a load
//! stopped half way completes when run again.
//!
//! Memory: the layer tables (entities, mentions, quotes, timexes, events) are
//! held in memory, compactly, before the articles stream past in chunks; the
//! texts, which are most of the bytes, never all are.

use std::path::Path;

use tidings_store::{ExportError, Layer, Provenance, Store, StoreError, Stored};

use crate::TableError;
use crate::assemble::{Assembled, Assembler};
use crate::parquet::{TableWriter, for_each_row, table_files};
use crate::schema::Table;

/// Why a bulk export or load stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BulkError {
    #[error(transparent)]
    Table(#[from] TableError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Export(String),
    #[error("{dir}: no articles table (articles.parquet or articles/*.parquet)")]
    NoArticles { dir: String },
}

/// The table that holds a store layer's export.
pub fn table_of(layer: Layer) -> Table {
    match layer {
        Layer::Articles => Table::Articles,
        Layer::Entities => Table::Entities,
        Layer::Aliases => Table::Aliases,
        Layer::Mentions => Table::Mentions,
        Layer::Quotes => Table::Quotes,
        Layer::Timexes => Table::Timexes,
        Layer::Events => Table::Events,
    }
}

/// Write every layer of `store` to `DIR/<table>.parquet`; `each_table` hears
/// of each file written, with its row count.
pub fn export_parquet(
    store: &dyn Store,
    dir: &Path,
    each_table: &mut dyn FnMut(&Path, u64),
) -> Result<(), BulkError> {
    for layer in Layer::ALL {
        let table = table_of(layer);
        let mut writer = TableWriter::create(dir, table)?;
        let mut failure: Option<TableError> = None;
        let exported = store.export(layer, &mut |row| {
            writer.push(&row).map_err(|e| {
                let msg = e.to_string();
                failure = Some(e);
                std::io::Error::other(msg)
            })
        });
        if let Some(e) = failure {
            return Err(e.into());
        }
        match exported {
            Ok(_) => {}
            Err(ExportError::Store(e)) => return Err(e.into()),
            Err(e) => return Err(BulkError::Export(e.to_string())),
        }
        let path = writer.path().to_path_buf();
        let n = writer.finish()?;
        each_table(&path, n);
    }
    Ok(())
}

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// `articles` rows read.
    pub articles: u64,
    pub added: u64,
    pub replaced: u64,
    /// Already in the store (same content hash): nothing written.
    pub unchanged: u64,
    /// Articles that could not be rebuilt or stored, with why.
    pub failed: Vec<String>,
    /// Articles with layer rows but no `articles` row (their rows are ignored).
    pub orphans: usize,
}

/// Load the tables in `dir` into `store`, `chunk` articles per
/// `put_batch`; `progress` hears of the report after each chunk.
pub fn load_parquet(
    dir: &Path,
    store: &dyn Store,
    chunk: usize,
    progress: &mut dyn FnMut(&LoadReport),
) -> Result<LoadReport, BulkError> {
    if table_files(dir, Table::Articles)?.is_empty() {
        return Err(BulkError::NoArticles {
            dir: dir.display().to_string(),
        });
    }
    let mut asm = Assembler::new();
    for table in [
        Table::Entities,
        Table::Mentions,
        Table::Quotes,
        Table::Timexes,
        Table::Events,
    ] {
        for_each_row(dir, table, &mut |row| asm.add(table, &row))?;
    }
    let mut report = LoadReport::default();
    let mut pending: Vec<Assembled> = Vec::with_capacity(chunk);
    let mut store_error: Option<StoreError> = None;
    let chunk = chunk.max(1);
    for_each_row(dir, Table::Articles, &mut |row| {
        report.articles += 1;
        match asm.assemble(&row) {
            Ok(a) => pending.push(a),
            Err(e) => report.failed.push(e.to_string()),
        }
        if pending.len() >= chunk {
            if let Err(e) = put_chunk(store, &mut pending, &mut report) {
                store_error = Some(e);
                return Err(TableError::Io {
                    path: dir.display().to_string(),
                    source: std::io::Error::other("the store failed"),
                });
            }
            progress(&report);
        }
        Ok(())
    })
    .map_err(|e| match store_error.take() {
        Some(s) => BulkError::Store(s),
        None => BulkError::Table(e),
    })?;
    put_chunk(store, &mut pending, &mut report)?;
    report.orphans = asm.waiting();
    progress(&report);
    Ok(report)
}

fn put_chunk(
    store: &dyn Store,
    pending: &mut Vec<Assembled>,
    report: &mut LoadReport,
) -> Result<(), StoreError> {
    if pending.is_empty() {
        return Ok(());
    }
    let from: Vec<Provenance> = pending
        .iter()
        .map(|a| Provenance {
            source: a.source.clone(),
        })
        .collect();
    let docs: Vec<_> = pending.iter().map(|a| &a.doc).zip(&from).collect();
    let results = store.put_batch(&docs)?;
    for (a, r) in pending.iter().zip(results) {
        match r {
            Ok(Stored::Added(_)) => report.added += 1,
            Ok(Stored::Replaced(_)) => report.replaced += 1,
            Ok(Stored::Unchanged(_)) => report.unchanged += 1,
            Err(e) => report.failed.push(format!("document {}: {e}", a.doc.id)),
        }
    }
    pending.clear();
    Ok(())
}

//! Tidings tables: one typed table per layer, the shape in which annotated
//! articles leave and enter in bulk.
//!
//! `tidings export --format parquet`, the Spark job (through the Python
//! wheel) and `tidings load` all use this one schema:
//!
//! | module | job |
//! | --- | --- |
//! | [`schema`] | the tables (articles, entities, aliases, mentions, quotes, timexes, events), their columns and Arrow types |
//! | [`rows`] | rows as JSON values (what `Store::export` yields) to Arrow batches and back |
//! | [`ids`] | content hash, and the ids of a batch's output (hashes, no store needed) |
//! | [`documents`] | an annotated `Document` as rows of every table (the Spark job's output) |
//! | [`assemble`] | rows back into `Document`s (what `tidings load` stores) |
//! | `parquet` | Parquet files: streaming writer, reader of files or Spark folders (feature `parquet`) |
//! | `bulk` | export a store to Parquet, load Parquet into a store, over `&dyn Store` (feature `store`) |
//!
//! The Python wheel uses the crate without features (no Parquet, no store):
//! Spark writes the files there.

pub mod assemble;
#[cfg(feature = "store")]
pub mod bulk;
pub mod documents;
pub mod ids;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod rows;
pub mod schema;

pub use schema::{Column, Kind, Table};

/// Why a table could not be written or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    #[error("{table}.{column}: {why}: {value}")]
    BadValue {
        table: &'static str,
        column: &'static str,
        value: String,
        why: String,
    },
    #[error("{table}: a row has {found} values, the table {expected} columns")]
    RowWidth {
        table: &'static str,
        expected: usize,
        found: usize,
    },
    #[error("{table}: no column {column}")]
    MissingColumn {
        table: &'static str,
        column: &'static str,
    },
    #[error("{table}.{column}: cannot read a column of type {found}")]
    ColumnType {
        table: &'static str,
        column: &'static str,
        found: String,
    },
    #[error("article {article}: {why}")]
    Article { article: i64, why: String },
    #[error(transparent)]
    Arrow(#[from] arrow_schema::ArrowError),
    #[cfg(feature = "parquet")]
    #[error(transparent)]
    Parquet(#[from] ::parquet::errors::ParquetError),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

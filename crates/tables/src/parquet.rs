//! Parquet files of the tables: a streaming writer and a reader for one
//! file per table (`DIR/quotes.parquet`, what `tidings export` writes) or a
//! folder of part files per table (`DIR/quotes/part-*.parquet`, what Spark
//! writes).
//!
//! The writer gathers rows into batches of [`BATCH_ROWS`] rows (or
//! [`BATCH_BYTES`] of text, whichever comes first) and closes a row group
//! every [`ROW_GROUP_ROWS`] rows or [`ROW_GROUP_BYTES`], so memory stays flat
//! however large the table; pages are Snappy-compressed (the codec every
//! reader has). The reader yields Arrow batches file by file.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::Value;

use crate::TableError;
use crate::rows::RowBatcher;
use crate::schema::Table;

/// Rows per Arrow batch handed to the writer.
pub const BATCH_ROWS: usize = 8192;
/// Bytes of text per Arrow batch (articles are large).
pub const BATCH_BYTES: usize = 16 << 20;
/// Rows per row group at most.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;
/// Bytes buffered in a row group before it is closed.
pub const ROW_GROUP_BYTES: usize = 64 << 20;

/// Writes one table to one Parquet file, row by row.
pub struct TableWriter {
    path: PathBuf,
    rows: RowBatcher,
    writer: ArrowWriter<File>,
    count: u64,
}

fn io_error(path: &Path, source: std::io::Error) -> TableError {
    TableError::Io {
        path: path.display().to_string(),
        source,
    }
}

impl TableWriter {
    /// Create (or truncate) `DIR/<table>.parquet`.
    pub fn create(dir: &Path, table: Table) -> Result<Self, TableError> {
        let path = dir.join(format!("{}.parquet", table.name()));
        let file = File::create(&path).map_err(|e| io_error(&path, e))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_created_by(format!("tidings {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(file, table.schema(), Some(props))?;
        Ok(TableWriter {
            path,
            rows: RowBatcher::new(table),
            writer,
            count: 0,
        })
    }

    /// The file being written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Add one row, its values in [`Table::columns`] order.
    pub fn push(&mut self, row: &[Value]) -> Result<(), TableError> {
        self.rows.push(row)?;
        self.count += 1;
        if self.rows.len() >= BATCH_ROWS || self.rows.bytes() >= BATCH_BYTES {
            self.write_batch()?;
        }
        Ok(())
    }

    fn write_batch(&mut self) -> Result<(), TableError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = self.rows.finish()?;
        self.writer.write(&batch)?;
        Ok(())
    }

    /// Write what is left and close the file; returns the number of rows.
    pub fn finish(mut self) -> Result<u64, TableError> {
        self.write_batch()?;
        self.writer.close()?;
        Ok(self.count)
    }
}

/// The Parquet files of `table` under `dir`: `DIR/<table>.parquet`, or the
/// `.parquet` files in `DIR/<table>/` (and its subfolders), in name order.
/// Empty when the table is absent.
pub fn table_files(dir: &Path, table: Table) -> Result<Vec<PathBuf>, TableError> {
    let file = dir.join(format!("{}.parquet", table.name()));
    if file.is_file() {
        return Ok(vec![file]);
    }
    let folder = dir.join(table.name());
    let mut out = Vec::new();
    if folder.is_dir() {
        collect_parts(&folder, &mut out)?;
    }
    out.sort();
    Ok(out)
}

fn collect_parts(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), TableError> {
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let path = entry.map_err(|e| io_error(dir, e))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Spark's markers and checksums start with `_` or `.`.
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_parts(&path, out)?;
        } else if name.ends_with(".parquet") {
            out.push(path);
        }
    }
    Ok(())
}

/// The Arrow batches of one Parquet file, read lazily.
pub fn read_file(
    path: &Path,
) -> Result<impl Iterator<Item = Result<RecordBatch, TableError>>, TableError> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)?
        .with_batch_size(4096)
        .build()?;
    Ok(reader.map(|b| b.map_err(TableError::from)))
}

/// Every row of `table` under `dir` (see [`table_files`]), as JSON values in
/// [`Table::columns`] order, batch by batch.
pub fn for_each_row(
    dir: &Path,
    table: Table,
    each: &mut dyn FnMut(Vec<Value>) -> Result<(), TableError>,
) -> Result<u64, TableError> {
    let mut n = 0;
    for path in table_files(dir, table)? {
        for batch in read_file(&path)? {
            for row in crate::rows::batch_rows(table, &batch?)? {
                each(row)?;
                n += 1;
            }
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_written_table_reads_back_from_a_file_or_a_spark_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = TableWriter::create(dir.path(), Table::Timexes).unwrap();
        let rows: Vec<Vec<Value>> = (0..20_000)
            .map(|i| {
                vec![
                    json!(i),
                    json!(i / 3),
                    json!(0),
                    json!(6),
                    json!("Friday"),
                    json!("DATE"),
                    json!("2025-03-28"),
                ]
            })
            .collect();
        for r in &rows {
            w.push(r).unwrap();
        }
        assert_eq!(w.finish().unwrap(), 20_000);
        let mut back = Vec::new();
        for_each_row(dir.path(), Table::Timexes, &mut |r| {
            back.push(r);
            Ok(())
        })
        .unwrap();
        assert_eq!(back, rows);

        // The same file as a Spark part file, beside Spark's markers.
        let spark = tempfile::tempdir().unwrap();
        let folder = spark.path().join("timexes");
        std::fs::create_dir(&folder).unwrap();
        std::fs::copy(
            dir.path().join("timexes.parquet"),
            folder.join("part-00000-x.snappy.parquet"),
        )
        .unwrap();
        std::fs::write(folder.join("_SUCCESS"), "").unwrap();
        std::fs::write(folder.join(".part-00000-x.snappy.parquet.crc"), "").unwrap();
        let n = for_each_row(spark.path(), Table::Timexes, &mut |_| Ok(())).unwrap();
        assert_eq!(n, 20_000);
        assert!(table_files(spark.path(), Table::Quotes).unwrap().is_empty());
    }
}

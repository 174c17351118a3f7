//! Arrow IPC stream bytes in and out: the form batches take across the
//! Python boundary (`pyarrow.ipc.open_stream` / `new_stream` on the other side).

use std::io::Cursor;

use arrow_array::RecordBatch;
use arrow_ipc::reader::StreamReader;
use arrow_ipc::writer::StreamWriter;

use crate::batch;
use crate::error::BatchError;

/// Every record batch of an IPC stream.
pub fn read_stream(bytes: &[u8]) -> Result<Vec<RecordBatch>, BatchError> {
    let reader = StreamReader::try_new(Cursor::new(bytes), None)?;
    Ok(reader.collect::<Result<Vec<_>, _>>()?)
}

/// One record batch as an IPC stream.
pub fn write_stream(batch: &RecordBatch) -> Result<Vec<u8>, BatchError> {
    let mut out = Vec::new();
    let mut writer = StreamWriter::try_new(&mut out, &batch.schema())?;
    writer.write(batch)?;
    writer.finish()?;
    drop(writer);
    Ok(out)
}

/// [`batch::annotate_batches`] over IPC streams: one stream in, one per layer out.
pub fn annotate_ipc(bytes: &[u8]) -> Result<Vec<(&'static str, Vec<u8>)>, BatchError> {
    let tables = batch::annotate_batches(&read_stream(bytes)?)?;
    tables
        .into_iter()
        .map(|(name, t)| Ok((name, write_stream(&t)?)))
        .collect()
}

/// [`batch::extract_batches`] over IPC streams.
/// Annotate an IPC stream of documents into the tables of the one schema
/// (see [`crate::bulk`]): `(table, stream)` pairs.
pub fn bulk_ipc(
    bytes: &[u8],
    ingested_at: &str,
) -> Result<Vec<(&'static str, Vec<u8>)>, BatchError> {
    let tables = crate::bulk::bulk_batches(&read_stream(bytes)?, ingested_at)?;
    tables
        .into_iter()
        .map(|(name, t)| Ok((name, write_stream(&t)?)))
        .collect()
}

pub fn extract_ipc(bytes: &[u8]) -> Result<Vec<u8>, BatchError> {
    write_stream(&batch::extract_batches(&read_stream(bytes)?)?)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, StringArray};

    use super::*;

    fn stream(columns: Vec<(&str, Vec<Option<&str>>)>) -> Vec<u8> {
        let batch = RecordBatch::try_from_iter(
            columns
                .into_iter()
                .map(|(n, v)| (n, Arc::new(StringArray::from(v)) as ArrayRef)),
        )
        .unwrap();
        write_stream(&batch).unwrap()
    }

    #[test]
    fn annotate_stream_in_layer_streams_out() {
        let input = stream(vec![
            ("id", vec![Some("a"), Some("b"), Some("c")]),
            ("text", vec![Some("One. Two."), Some("Three."), None]),
            ("published", vec![Some("2025-01-02"), Some("never"), None]),
        ]);
        let out = annotate_ipc(&input).unwrap();
        assert_eq!(out.len(), 6);
        let articles = read_stream(&out[0].1).unwrap().remove(0);
        assert_eq!(articles.num_rows(), 3);
        let errors = articles.column_by_name("error").unwrap();
        assert!(errors.is_null(0));
        assert!(errors.is_valid(1) && errors.is_valid(2));
    }

    #[test]
    fn extract_stream_feeds_annotate_stream() {
        let input = stream(vec![
            ("id", vec![Some("p1"), Some("p2")]),
            (
                "html",
                vec![
                    Some(
                        "<html><body><article><p>The port reopened on Monday.</p></article></body></html>",
                    ),
                    Some(" "),
                ],
            ),
        ]);
        let pages = extract_ipc(&input).unwrap();
        let out = annotate_ipc(&pages).unwrap();
        let articles = read_stream(&out[0].1).unwrap().remove(0);
        let errors = articles.column_by_name("error").unwrap();
        assert!(errors.is_null(0));
        assert!(errors.is_valid(1));
    }

    #[test]
    fn garbage_is_an_arrow_error() {
        assert!(matches!(
            annotate_ipc(b"not arrow"),
            Err(BatchError::Arrow(_))
        ));
    }
}

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
pub fn extract_ipc(bytes: &[u8]) -> Result<Vec<u8>, BatchError> {
    write_stream(&batch::extract_batches(&read_stream(bytes)?)?)
}

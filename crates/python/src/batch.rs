//! Many records at once: annotate or extract on all cores (rayon), then fill
//! the tables in input order.

use arrow_array::RecordBatch;
use rayon::prelude::*;
use tidings_model::wire::{AnnotateOutput, ExtractOutput};

use crate::engine::{self, EngineError};
use crate::error::BatchError;
use crate::records::{self, PageRecord, TextRecord};
use crate::tables::{LayerTables, PageTable};

/// Annotate every row of `batches` (see [`records`] for the columns) and
/// return the layer tables, named, in [`crate::tables::LAYERS`] order.
pub fn annotate_batches(
    batches: &[RecordBatch],
) -> Result<Vec<(&'static str, RecordBatch)>, BatchError> {
    engine::pipeline()?;
    let mut tables = LayerTables::default();
    let mut first_row = 0;
    for batch in batches {
        let recs = records::text_records(batch, first_row)?;
        first_row += batch.num_rows();
        let outs: Vec<Result<AnnotateOutput, String>> = recs.par_iter().map(annotate).collect();
        for (rec, out) in recs.iter().zip(&outs) {
            tables.push(rec, out.as_ref().map_err(String::as_str));
        }
    }
    Ok(tables.finish()?)
}

/// Extract the article of every page in `batches` (columns `html`, and
/// optionally `id`, `url`, `path`, `charset`) into one table.
pub fn extract_batches(batches: &[RecordBatch]) -> Result<RecordBatch, BatchError> {
    let mut table = PageTable::default();
    let mut first_row = 0;
    for batch in batches {
        let pages = records::page_records(batch, first_row)?;
        first_row += batch.num_rows();
        let outs: Vec<Result<ExtractOutput, String>> = pages.par_iter().map(extract).collect();
        for (page, out) in pages.iter().zip(&outs) {
            table.push(
                &page.id,
                page.path.as_deref(),
                page.url.as_deref(),
                out.as_ref().map_err(String::as_str),
            );
        }
    }
    Ok(table.finish()?)
}

fn annotate(rec: &TextRecord) -> Result<AnnotateOutput, String> {
    if let Some(why) = &rec.error {
        return Err(why.clone());
    }
    if rec.text.is_none() {
        return Err("the text is null".into());
    }
    engine::annotate_record(rec.to_input()).map_err(|e| e.to_string())
}

fn extract(page: &PageRecord<'_>) -> Result<ExtractOutput, String> {
    let html = page.html.ok_or("the page is null")?;
    let path = page.path.as_deref().unwrap_or("");
    engine::extract_page_with_charset(
        &page.id,
        path,
        html,
        page.url.as_deref(),
        page.charset.as_deref(),
    )
    .map_err(|e: EngineError| e.to_string())
}

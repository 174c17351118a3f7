//! Annotated records as the tables of the one schema (`tidings-tables`):
//! what `tidings export --format parquet` writes and `tidings load` reads,
//! and what the Spark job writes.
//!
//! One call annotates a batch on all cores and returns `articles`,
//! `entities`, `aliases`, `mentions`, `quotes`, `timexes`, `events` and
//! `errors`. Ids are batch ids (`tidings_tables::ids`). `entities` and
//! `aliases` rows are per article here, each led by an `article` column, so
//! that a batch job can drop repeated articles and then sum them per entity
//! (see `tidings/spark.py`); every other table has its final columns. A
//! record that fails has an `errors` row (`doc_id`, `url`, `path`, `error`)
//! and no other row.

use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StringArray};
use rayon::prelude::*;
use tidings_model::Document;
use tidings_tables::Table;
use tidings_tables::documents::document_rows;
use tidings_tables::rows::RowBatcher;

use crate::engine;
use crate::error::BatchError;
use crate::records::{self, TextRecord};

/// The tables a bulk call returns, in this order.
pub const BULK_TABLES: [&str; 8] = [
    "articles", "entities", "aliases", "mentions", "quotes", "timexes", "events", "errors",
];

/// Annotate every row of `batches` (the columns of [`records`]) into the
/// tables of [`BULK_TABLES`]; `ingested_at` (RFC 3339) stamps the articles.
pub fn bulk_batches(
    batches: &[RecordBatch],
    ingested_at: &str,
) -> Result<Vec<(&'static str, RecordBatch)>, BatchError> {
    engine::pipeline()?;
    let mut tables: Vec<RowBatcher> = Table::ALL
        .into_iter()
        .map(|t| match t {
            Table::Entities | Table::Aliases => RowBatcher::keyed(t),
            _ => RowBatcher::new(t),
        })
        .collect();
    let mut errors = Errors::default();
    let mut first_row = 0;
    for batch in batches {
        let recs = records::text_records(batch, first_row)?;
        first_row += batch.num_rows();
        let docs: Vec<Result<Document, String>> = recs.par_iter().map(annotate).collect();
        for (rec, doc) in recs.iter().zip(docs) {
            let doc = match doc {
                Ok(doc) => doc,
                Err(why) => {
                    errors.push(rec, why);
                    continue;
                }
            };
            // Gather the document's rows first: a row that does not fit
            // makes the record an error, with nothing half written.
            let mut rows: Vec<(Table, Vec<serde_json::Value>)> = Vec::new();
            let emitted = document_rows(
                &doc,
                rec.path.as_deref().unwrap_or(""),
                ingested_at,
                &mut |t, row| {
                    rows.push((t, row));
                    Ok(())
                },
            );
            let article = match emitted {
                Ok(id) => id,
                Err(e) => {
                    errors.push(rec, e.to_string());
                    continue;
                }
            };
            for (t, row) in rows {
                let b = &mut tables[Table::ALL.iter().position(|x| *x == t).unwrap_or(0)];
                match t {
                    Table::Entities | Table::Aliases => b.push_keyed(article, &row)?,
                    _ => b.push(&row)?,
                }
            }
        }
    }
    let mut out = Vec::with_capacity(BULK_TABLES.len());
    for (name, b) in BULK_TABLES.iter().zip(tables.iter_mut()) {
        out.push((*name, b.finish()?));
    }
    out.push(("errors", errors.finish()?));
    Ok(out)
}

fn annotate(rec: &TextRecord) -> Result<Document, String> {
    if let Some(why) = &rec.error {
        return Err(why.clone());
    }
    if rec.text.is_none() {
        return Err("the text is null".into());
    }
    engine::annotate_document(rec.to_input()).map_err(|e| e.to_string())
}

/// The `errors` table: records that yielded no article.
#[derive(Default)]
struct Errors {
    doc_id: Vec<String>,
    url: Vec<Option<String>>,
    path: Vec<Option<String>>,
    error: Vec<String>,
}

impl Errors {
    fn push(&mut self, rec: &TextRecord, why: String) {
        self.doc_id.push(rec.id.clone());
        self.url.push(rec.url.clone());
        self.path.push(rec.path.clone());
        self.error.push(why);
    }

    fn finish(self) -> Result<RecordBatch, BatchError> {
        let strings = |v: Vec<Option<String>>| Arc::new(StringArray::from(v)) as ArrayRef;
        Ok(RecordBatch::try_from_iter_with_nullable(vec![
            (
                "doc_id",
                Arc::new(StringArray::from(self.doc_id)) as ArrayRef,
                false,
            ),
            ("url", strings(self.url), true),
            ("path", strings(self.path), true),
            (
                "error",
                Arc::new(StringArray::from(self.error)) as ArrayRef,
                false,
            ),
        ])?)
    }
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;

    use super::*;

    fn texts(rows: &[(&str, Option<&str>, Option<&str>)]) -> RecordBatch {
        RecordBatch::try_from_iter(vec![
            (
                "id",
                Arc::new(StringArray::from(
                    rows.iter().map(|r| Some(r.0)).collect::<Vec<_>>(),
                )) as ArrayRef,
            ),
            (
                "text",
                Arc::new(StringArray::from(
                    rows.iter().map(|r| r.1).collect::<Vec<_>>(),
                )),
            ),
            (
                "published",
                Arc::new(StringArray::from(
                    rows.iter().map(|r| r.2).collect::<Vec<_>>(),
                )),
            ),
        ])
        .unwrap()
    }

    #[test]
    fn records_become_the_tables_of_the_one_schema() {
        let batch = texts(&[
            (
                "a",
                Some("“We will reopen the port,” Amara Njoroge said in Mombasa on Friday."),
                Some("2025-03-28"),
            ),
            ("b", None, None),
            ("c", Some("Short."), Some("not a date")),
        ]);
        let out = bulk_batches(&[batch], "2026-01-01T00:00:00Z").unwrap();
        let names: Vec<&str> = out.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, BULK_TABLES);
        let table = |n: &str| &out.iter().find(|(x, _)| *x == n).unwrap().1;
        assert_eq!(table("articles").num_rows(), 1);
        assert_eq!(table("articles").schema(), Table::Articles.schema());
        assert_eq!(table("quotes").schema(), Table::Quotes.schema());
        assert!(table("quotes").num_rows() >= 1);
        let errors = table("errors");
        assert_eq!(errors.num_rows(), 2);
        let ids = errors.column_by_name("doc_id").unwrap().as_string::<i32>();
        assert_eq!((ids.value(0), ids.value(1)), ("b", "c"));
        let entities = table("entities");
        assert_eq!(entities.schema().field(0).name(), "article");
        assert!(entities.num_rows() >= 1);
    }
}

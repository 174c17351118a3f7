//! The input columns of a batch, read from Arrow record batches.
//!
//! `annotate` batches have a `text` column (string) and optionally `id`,
//! `title`, `published`, `url`, `site`, `language` (strings) and `authors`
//! (list of strings), the fields of an `annotate` JSONL line; `page_type`,
//! `path` and `error` pass through to the articles table, so the output of
//! an `extract` batch can be annotated as it is (a row whose `error` is set
//! stays failed and is not annotated). `extract` batches have `html` (binary or
//! string) and optionally `id`, `url`, `path`, `charset` (the transport's,
//! used when the page declares none). Other columns are ignored; a
//! missing `id` becomes the row number in the stream. Python's wrapper casts
//! columns to these types before they cross over.

use arrow_array::{Array, ArrayRef, BinaryArray, ListArray, RecordBatch, StringArray};
use arrow_schema::DataType;
use serde_json::Value;
use tidings_model::wire::AnnotateInput;

use crate::error::BatchError;

/// One document to annotate, with what the articles table keeps of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextRecord {
    pub id: String,
    /// `None` when the input row's text is null.
    pub text: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub authors: Vec<String>,
    pub page_type: Option<String>,
    pub path: Option<String>,
    /// An earlier stage's failure: the record is passed through unannotated.
    pub error: Option<String>,
}

impl TextRecord {
    /// The record as an `annotate` input line would give it.
    pub fn to_input(&self) -> AnnotateInput {
        AnnotateInput {
            id: Value::String(self.id.clone()),
            text: self.text.clone().unwrap_or_default(),
            published: self.published.clone(),
            title: self.title.clone(),
            url: self.url.clone(),
            site: self.site.clone(),
            authors: Some(self.authors.clone()),
            language: self.language.clone(),
        }
    }
}

/// One page to extract, borrowing its bytes from the batch.
#[derive(Debug, Clone, PartialEq)]
pub struct PageRecord<'a> {
    pub id: String,
    pub html: Option<&'a [u8]>,
    pub url: Option<String>,
    pub path: Option<String>,
    /// The charset the transport declared (a WARC response's HTTP header).
    pub charset: Option<String>,
}

/// The documents of `batch`; `first_row` numbers rows that have no `id`.
pub fn text_records(batch: &RecordBatch, first_row: usize) -> Result<Vec<TextRecord>, BatchError> {
    let text = strings(batch, "text")?.ok_or(BatchError::MissingColumn { column: "text" })?;
    let id = strings(batch, "id")?;
    let title = strings(batch, "title")?;
    let published = strings(batch, "published")?;
    let url = strings(batch, "url")?;
    let site = strings(batch, "site")?;
    let language = strings(batch, "language")?;
    let page_type = strings(batch, "page_type")?;
    let path = strings(batch, "path")?;
    let error = strings(batch, "error")?;
    let authors = string_lists(batch, "authors")?;
    Ok((0..batch.num_rows())
        .map(|i| TextRecord {
            id: at(id, i).unwrap_or_else(|| (first_row + i).to_string()),
            text: at(Some(text), i),
            title: at(title, i),
            published: at(published, i),
            url: at(url, i),
            site: at(site, i),
            language: at(language, i),
            authors: authors
                .filter(|a| a.is_valid(i))
                .map(|a| list_strings(a, i))
                .unwrap_or_default(),
            page_type: at(page_type, i),
            path: at(path, i),
            error: at(error, i),
        })
        .collect())
}

/// The pages of `batch`; `first_row` numbers rows that have no `id`.
pub fn page_records(
    batch: &RecordBatch,
    first_row: usize,
) -> Result<Vec<PageRecord<'_>>, BatchError> {
    let html = batch
        .column_by_name("html")
        .ok_or(BatchError::MissingColumn { column: "html" })?;
    let html = Bytes::of(html)?;
    let id = strings(batch, "id")?;
    let url = strings(batch, "url")?;
    let path = strings(batch, "path")?;
    let charset = strings(batch, "charset")?;
    Ok((0..batch.num_rows())
        .map(|i| PageRecord {
            id: at(id, i).unwrap_or_else(|| (first_row + i).to_string()),
            html: html.at(i),
            url: at(url, i),
            path: at(path, i),
            charset: at(charset, i),
        })
        .collect())
}

/// A column of page bytes: binary, or text taken as its UTF-8 bytes.
enum Bytes<'a> {
    Binary(&'a BinaryArray),
    Text(&'a StringArray),
}

impl<'a> Bytes<'a> {
    fn of(col: &'a ArrayRef) -> Result<Self, BatchError> {
        if let Some(b) = col.as_any().downcast_ref::<BinaryArray>() {
            Ok(Bytes::Binary(b))
        } else if let Some(s) = col.as_any().downcast_ref::<StringArray>() {
            Ok(Bytes::Text(s))
        } else {
            Err(BatchError::ColumnType {
                column: "html",
                expected: "binary or string",
                found: col.data_type().clone(),
            })
        }
    }

    fn at(&self, i: usize) -> Option<&'a [u8]> {
        match self {
            Bytes::Binary(b) => b.is_valid(i).then(|| b.value(i)),
            Bytes::Text(s) => s.is_valid(i).then(|| s.value(i).as_bytes()),
        }
    }
}

/// The string column `name`, if present.
fn strings<'a>(
    batch: &'a RecordBatch,
    name: &'static str,
) -> Result<Option<&'a StringArray>, BatchError> {
    let Some(col) = batch.column_by_name(name) else {
        return Ok(None);
    };
    if *col.data_type() == DataType::Null {
        return Ok(None);
    }
    col.as_any()
        .downcast_ref::<StringArray>()
        .map(Some)
        .ok_or_else(|| BatchError::ColumnType {
            column: name,
            expected: "string",
            found: col.data_type().clone(),
        })
}

/// The list-of-strings column `name`, if present.
fn string_lists<'a>(
    batch: &'a RecordBatch,
    name: &'static str,
) -> Result<Option<&'a ListArray>, BatchError> {
    let Some(col) = batch.column_by_name(name) else {
        return Ok(None);
    };
    if *col.data_type() == DataType::Null {
        return Ok(None);
    }
    let wrong = || BatchError::ColumnType {
        column: name,
        expected: "a list of strings",
        found: col.data_type().clone(),
    };
    let list = col.as_any().downcast_ref::<ListArray>().ok_or_else(wrong)?;
    if list.value_type() != DataType::Utf8 {
        return Err(wrong());
    }
    Ok(Some(list))
}

fn at(col: Option<&StringArray>, i: usize) -> Option<String> {
    col.filter(|c| c.is_valid(i))
        .map(|c| c.value(i).to_string())
}

fn list_strings(list: &ListArray, i: usize) -> Vec<String> {
    let values = list.value(i);
    let strings = values
        .as_any()
        .downcast_ref::<StringArray>()
        .expect("checked to be a list of strings");
    strings.iter().flatten().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::Int64Array;
    use arrow_array::builder::{ListBuilder, StringBuilder};

    use super::*;

    #[test]
    fn optional_columns_and_row_numbers() {
        let mut authors = ListBuilder::new(StringBuilder::new());
        authors.values().append_value("Ann Lee");
        authors.append(true);
        authors.append(false);
        let batch = RecordBatch::try_from_iter(vec![
            (
                "text",
                Arc::new(StringArray::from(vec![Some("One."), None])) as ArrayRef,
            ),
            (
                "published",
                Arc::new(StringArray::from(vec![Some("2025-01-02"), None])),
            ),
            ("authors", Arc::new(authors.finish())),
            ("ignored", Arc::new(Int64Array::from(vec![1, 2]))),
        ])
        .unwrap();
        let recs = text_records(&batch, 10).unwrap();
        assert_eq!(recs[0].id, "10");
        assert_eq!(recs[1].id, "11");
        assert_eq!(recs[0].authors, vec!["Ann Lee"]);
        assert_eq!(recs[0].published.as_deref(), Some("2025-01-02"));
        assert_eq!(recs[1].text, None);
        assert!(recs[1].authors.is_empty());
    }

    #[test]
    fn wrong_types_and_missing_columns_are_named() {
        let batch = RecordBatch::try_from_iter(vec![(
            "text",
            Arc::new(Int64Array::from(vec![1])) as ArrayRef,
        )])
        .unwrap();
        let err = text_records(&batch, 0).unwrap_err();
        assert!(err.to_string().contains("`text`"), "{err}");
        let err = page_records(&batch, 0).unwrap_err();
        assert!(matches!(err, BatchError::MissingColumn { column: "html" }));
    }

    #[test]
    fn pages_read_binary_or_text() {
        let batch = RecordBatch::try_from_iter(vec![
            (
                "html",
                Arc::new(BinaryArray::from(vec![Some(&b"<p>a</p>"[..]), None])) as ArrayRef,
            ),
            ("id", Arc::new(StringArray::from(vec!["a", "b"]))),
        ])
        .unwrap();
        let pages = page_records(&batch, 0).unwrap();
        assert_eq!(pages[0].html, Some(&b"<p>a</p>"[..]));
        assert_eq!(pages[1].html, None);
        assert_eq!(pages[1].id, "b");
    }
}

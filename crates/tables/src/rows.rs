//! Rows as JSON values (in [`Table::columns`] order) to Arrow record batches
//! and back.
//!
//! JSON values are the rows `Store::export` yields, so one converter serves
//! every writer. The builder checks each value against its column (type,
//! nullness) and says which column of which table was wrong. The reader goes
//! by column *name*, so files with extra columns or another column order
//! (a Spark job's output) read the same; a missing nullable column reads as
//! nulls. It accepts the integer, string, date and timestamp variants other
//! writers use (Spark writes `INT96` timestamps, read as nanoseconds).

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int64Builder, ListBuilder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int8Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt8Type, UInt16Type,
    UInt32Type, UInt64Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::{DateTime, NaiveDate};
use serde_json::Value;

use crate::TableError;
use crate::schema::{Column, Kind, Table};

/// Days from 0001-01-01 (CE) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// Rows of one table, gathered into Arrow column builders.
pub struct RowBatcher {
    table: Table,
    /// Whether each row starts with an extra `article` id column (see
    /// [`RowBatcher::keyed`]).
    keyed: bool,
    article: Int64Builder,
    columns: Vec<ColumnBuilder>,
    rows: usize,
    bytes: usize,
}

enum ColumnBuilder {
    Int(Int64Builder),
    Str(StringBuilder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder),
    StrList(ListBuilder<StringBuilder>),
    Spans(ListBuilder<ListBuilder<Int64Builder>>),
    Json(StringBuilder),
}

impl RowBatcher {
    pub fn new(table: Table) -> Self {
        RowBatcher {
            table,
            keyed: false,
            article: Int64Builder::new(),
            columns: table
                .columns()
                .iter()
                .map(|c| ColumnBuilder::new(c.kind))
                .collect(),
            rows: 0,
            bytes: 0,
        }
    }

    /// A batcher whose batches start with an `article` column: for tables
    /// whose rows are not per article (entities, aliases), to say which
    /// article each occurrence came from before a batch job merges them.
    pub fn keyed(table: Table) -> Self {
        RowBatcher {
            keyed: true,
            ..RowBatcher::new(table)
        }
    }

    /// The schema of the batches this batcher makes.
    pub fn schema(&self) -> SchemaRef {
        let base = self.table.schema();
        if !self.keyed {
            return base;
        }
        let mut fields = vec![Arc::new(Field::new("article", DataType::Int64, false))];
        fields.extend(base.fields().iter().cloned());
        Arc::new(Schema::new(fields))
    }

    /// Rows gathered since the last batch.
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// About how many bytes of strings are gathered (to bound a batch).
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Add one row, its values in [`Table::columns`] order.
    pub fn push(&mut self, row: &[Value]) -> Result<(), TableError> {
        self.push_row(None, row)
    }

    /// Add one row of a [`RowBatcher::keyed`] batcher.
    pub fn push_keyed(&mut self, article: i64, row: &[Value]) -> Result<(), TableError> {
        self.push_row(Some(article), row)
    }

    fn push_row(&mut self, article: Option<i64>, row: &[Value]) -> Result<(), TableError> {
        let cols = self.table.columns();
        if row.len() != cols.len() {
            return Err(TableError::RowWidth {
                table: self.table.name(),
                expected: cols.len(),
                found: row.len(),
            });
        }
        // Check every value first, so a bad row leaves no half row behind.
        for (col, v) in cols.iter().zip(row) {
            check(self.table, col, v)?;
        }
        if self.keyed {
            self.article.append_value(article.unwrap_or_default());
        }
        for (b, v) in self.columns.iter_mut().zip(row) {
            self.bytes += b.append(v);
        }
        self.rows += 1;
        Ok(())
    }

    /// The gathered rows as one batch; the batcher starts empty again.
    pub fn finish(&mut self) -> Result<RecordBatch, TableError> {
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(self.columns.len() + 1);
        if self.keyed {
            arrays.push(Arc::new(self.article.finish()));
        }
        arrays.extend(self.columns.iter_mut().map(ColumnBuilder::finish));
        self.rows = 0;
        self.bytes = 0;
        Ok(RecordBatch::try_new(self.schema(), arrays)?)
    }
}

/// Whether `v` fits `col`.
fn check(table: Table, col: &Column, v: &Value) -> Result<(), TableError> {
    let bad = |why: &str| TableError::BadValue {
        table: table.name(),
        column: col.name,
        value: truncated(v),
        why: why.to_string(),
    };
    if v.is_null() {
        return if col.nullable {
            Ok(())
        } else {
            Err(bad("null in a column that cannot be null"))
        };
    }
    match col.kind {
        Kind::Int if v.as_i64().is_none() => Err(bad("not a 64-bit integer")),
        Kind::Str if !v.is_string() => Err(bad("not a string")),
        Kind::Bool if !v.is_boolean() => Err(bad("not a boolean")),
        Kind::Date if v.as_str().and_then(parse_day).is_none() => Err(bad("not a YYYY-MM-DD date")),
        Kind::Timestamp if v.as_str().and_then(parse_instant).is_none() => {
            Err(bad("not an RFC 3339 time"))
        }
        Kind::StrList
            if !v
                .as_array()
                .is_some_and(|a| a.iter().all(|x| x.is_string() || x.is_null())) =>
        {
            Err(bad("not a list of strings"))
        }
        Kind::Spans
            if !v.as_array().is_some_and(|a| {
                a.iter().all(|p| {
                    p.as_array()
                        .is_some_and(|p| p.len() == 2 && p.iter().all(|x| x.as_i64().is_some()))
                })
            }) =>
        {
            Err(bad("not a list of [start, end] pairs"))
        }
        _ => Ok(()),
    }
}

fn truncated(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

fn parse_day(s: &str) -> Option<i32> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(chrono::Datelike::num_days_from_ce(&d) - EPOCH_DAYS_FROM_CE)
}

/// Microseconds since the epoch.
fn parse_instant(s: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.timestamp_micros())
}

impl ColumnBuilder {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Int => ColumnBuilder::Int(Int64Builder::new()),
            Kind::Str => ColumnBuilder::Str(StringBuilder::new()),
            Kind::Bool => ColumnBuilder::Bool(BooleanBuilder::new()),
            Kind::Date => ColumnBuilder::Date(Date32Builder::new()),
            Kind::Timestamp => {
                ColumnBuilder::Timestamp(TimestampMicrosecondBuilder::new().with_timezone("UTC"))
            }
            Kind::StrList => ColumnBuilder::StrList(ListBuilder::new(StringBuilder::new())),
            Kind::Spans => {
                ColumnBuilder::Spans(ListBuilder::new(ListBuilder::new(Int64Builder::new())))
            }
            Kind::Json => ColumnBuilder::Json(StringBuilder::new()),
        }
    }

    /// Append a value already [`check`]ed; returns its size in bytes, roughly.
    fn append(&mut self, v: &Value) -> usize {
        match self {
            ColumnBuilder::Int(b) => {
                b.append_option(v.as_i64());
                8
            }
            ColumnBuilder::Str(b) => {
                b.append_option(v.as_str());
                v.as_str().map_or(0, str::len)
            }
            ColumnBuilder::Bool(b) => {
                b.append_option(v.as_bool());
                1
            }
            ColumnBuilder::Date(b) => {
                b.append_option(v.as_str().and_then(parse_day));
                4
            }
            ColumnBuilder::Timestamp(b) => {
                b.append_option(v.as_str().and_then(parse_instant));
                8
            }
            ColumnBuilder::StrList(b) => {
                let mut n = 0;
                if let Some(items) = v.as_array() {
                    for item in items {
                        b.values().append_option(item.as_str());
                        n += item.as_str().map_or(0, str::len);
                    }
                    b.append(true);
                } else {
                    b.append(false);
                }
                n
            }
            ColumnBuilder::Spans(b) => {
                let mut n = 0;
                if let Some(pairs) = v.as_array() {
                    for pair in pairs {
                        for x in pair.as_array().into_iter().flatten() {
                            b.values().values().append_option(x.as_i64());
                            n += 8;
                        }
                        b.values().append(true);
                    }
                    b.append(true);
                } else {
                    b.append(false);
                }
                n
            }
            ColumnBuilder::Json(b) => {
                if v.is_null() {
                    b.append_null();
                    0
                } else {
                    let text = v.to_string();
                    b.append_value(&text);
                    text.len()
                }
            }
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            ColumnBuilder::Int(b) => Arc::new(b.finish()),
            ColumnBuilder::Str(b) => Arc::new(b.finish()),
            ColumnBuilder::Bool(b) => Arc::new(b.finish()),
            ColumnBuilder::Date(b) => Arc::new(b.finish()),
            ColumnBuilder::Timestamp(b) => Arc::new(b.finish()),
            ColumnBuilder::StrList(b) => Arc::new(b.finish()),
            ColumnBuilder::Spans(b) => Arc::new(b.finish()),
            ColumnBuilder::Json(b) => Arc::new(b.finish()),
        }
    }
}

/// The rows of `batch` as JSON values in `table`'s column order, columns
/// found by name.
pub fn batch_rows(table: Table, batch: &RecordBatch) -> Result<Vec<Vec<Value>>, TableError> {
    let n = batch.num_rows();
    let mut columns = Vec::with_capacity(table.columns().len());
    for col in table.columns() {
        let values = match batch.column_by_name(col.name) {
            Some(array) => array_values(table, col, array)?,
            None if col.nullable => vec![Value::Null; n],
            None => {
                return Err(TableError::MissingColumn {
                    table: table.name(),
                    column: col.name,
                });
            }
        };
        columns.push(values.into_iter());
    }
    Ok((0..n)
        .map(|_| {
            columns
                .iter_mut()
                .map(|c| c.next().unwrap_or(Value::Null))
                .collect()
        })
        .collect())
}

/// One column's values as JSON.
fn array_values(table: Table, col: &Column, a: &ArrayRef) -> Result<Vec<Value>, TableError> {
    let n = a.len();
    let each = |f: &dyn Fn(usize) -> Value| -> Vec<Value> {
        (0..n)
            .map(|i| if a.is_null(i) { Value::Null } else { f(i) })
            .collect()
    };
    let values = match a.data_type() {
        DataType::Null => vec![Value::Null; n],
        DataType::Utf8 if col.kind == Kind::Json => {
            each(&|i| json_text(a.as_string::<i32>().value(i)))
        }
        DataType::LargeUtf8 if col.kind == Kind::Json => {
            each(&|i| json_text(a.as_string::<i64>().value(i)))
        }
        DataType::Int64 => each(&|i| a.as_primitive::<Int64Type>().value(i).into()),
        DataType::Int32 => each(&|i| a.as_primitive::<Int32Type>().value(i).into()),
        DataType::Int16 => each(&|i| a.as_primitive::<Int16Type>().value(i).into()),
        DataType::Int8 => each(&|i| a.as_primitive::<Int8Type>().value(i).into()),
        DataType::UInt64 => each(&|i| a.as_primitive::<UInt64Type>().value(i).into()),
        DataType::UInt32 => each(&|i| a.as_primitive::<UInt32Type>().value(i).into()),
        DataType::UInt16 => each(&|i| a.as_primitive::<UInt16Type>().value(i).into()),
        DataType::UInt8 => each(&|i| a.as_primitive::<UInt8Type>().value(i).into()),
        DataType::Boolean => each(&|i| a.as_boolean().value(i).into()),
        DataType::Utf8 => each(&|i| a.as_string::<i32>().value(i).into()),
        DataType::LargeUtf8 => each(&|i| a.as_string::<i64>().value(i).into()),
        DataType::Utf8View => each(&|i| a.as_string_view().value(i).into()),
        DataType::Date32 => each(&|i| day_text(a.as_primitive::<Date32Type>().value(i))),
        DataType::Date64 => each(&|i| {
            let ms = a.as_primitive::<Date64Type>().value(i);
            day_text(ms.div_euclid(86_400_000) as i32)
        }),
        DataType::Timestamp(unit, _) => {
            let (seconds, sub): (fn(&ArrayRef, usize) -> i64, i64) = match unit {
                TimeUnit::Second => (|a, i| a.as_primitive::<TimestampSecondType>().value(i), 1),
                TimeUnit::Millisecond => (
                    |a, i| a.as_primitive::<TimestampMillisecondType>().value(i),
                    1_000,
                ),
                TimeUnit::Microsecond => (
                    |a, i| a.as_primitive::<TimestampMicrosecondType>().value(i),
                    1_000_000,
                ),
                TimeUnit::Nanosecond => (
                    |a, i| a.as_primitive::<TimestampNanosecondType>().value(i),
                    1_000_000_000,
                ),
            };
            each(&|i| instant_text(seconds(a, i).div_euclid(sub)))
        }
        DataType::List(_) if col.kind == Kind::Spans => {
            let list = a.as_list::<i32>();
            each(&|i| span_list(&list.value(i)))
        }
        DataType::List(_) => {
            let list = a.as_list::<i32>();
            each(&|i| string_list(&list.value(i)))
        }
        DataType::LargeList(_) => {
            let list = a.as_list::<i64>();
            each(&|i| string_list(&list.value(i)))
        }
        other => {
            return Err(TableError::ColumnType {
                table: table.name(),
                column: col.name,
                found: other.to_string(),
            });
        }
    };
    Ok(values)
}

fn day_text(days_since_epoch: i32) -> Value {
    NaiveDate::from_num_days_from_ce_opt(days_since_epoch + EPOCH_DAYS_FROM_CE)
        .map_or(Value::Null, |d| d.to_string().into())
}

fn instant_text(seconds: i64) -> Value {
    DateTime::from_timestamp(seconds, 0).map_or(Value::Null, |t| {
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string().into()
    })
}

/// A JSON column's text as its value (a string when it is not JSON).
fn json_text(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_string()))
}

/// A list of `[start, end]` pairs (lists of integers of any width).
fn span_list(items: &ArrayRef) -> Value {
    let pairs = match items.data_type() {
        DataType::List(_) => {
            let l = items.as_list::<i32>();
            (0..l.len())
                .map(|i| {
                    let v = l.value(i);
                    let ints: Vec<Value> = match v.data_type() {
                        DataType::Int64 => {
                            let p = v.as_primitive::<Int64Type>();
                            (0..p.len()).map(|j| p.value(j).into()).collect()
                        }
                        DataType::Int32 => {
                            let p = v.as_primitive::<Int32Type>();
                            (0..p.len()).map(|j| p.value(j).into()).collect()
                        }
                        _ => Vec::new(),
                    };
                    Value::Array(ints)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    Value::Array(pairs)
}

/// A list of strings (other item types as their JSON text).
fn string_list(items: &ArrayRef) -> Value {
    let values = match items.data_type() {
        DataType::Utf8 => {
            let s = items.as_string::<i32>();
            (0..s.len())
                .map(|i| {
                    if s.is_null(i) {
                        Value::Null
                    } else {
                        s.value(i).into()
                    }
                })
                .collect()
        }
        DataType::LargeUtf8 => {
            let s = items.as_string::<i64>();
            (0..s.len())
                .map(|i| {
                    if s.is_null(i) {
                        Value::Null
                    } else {
                        s.value(i).into()
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };
    Value::Array(values)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn rows_survive_arrow_with_their_types() {
        let row = vec![
            json!(7),
            json!(3),
            json!(11),
            json!(0),
            json!(12),
            json!("“Zoë” said"),
            json!("direct"),
            Value::Null,
            json!("Zoë Fontaine"),
            Value::Null,
            Value::Null,
            json!(13),
            json!(17),
            json!("2025-03-28"),
            json!([[1, 4], [7, 12]]),
            json!("a person close to her"),
            json!(false),
            json!([{"entity": 4, "name": "Rui Mota", "start": 20, "end": 28}]),
        ];
        // quotes has 17 columns: drop the extra one.
        let row = [&row[..2], &row[3..]].concat();
        let mut b = RowBatcher::new(Table::Quotes);
        b.push(&row).unwrap();
        let batch = b.finish().unwrap();
        assert_eq!(batch.schema(), Table::Quotes.schema());
        let published = batch.column_by_name("published").unwrap();
        assert_eq!(published.data_type(), &DataType::Date32);
        assert_eq!(batch_rows(Table::Quotes, &batch).unwrap(), vec![row]);
        assert!(b.is_empty());
    }

    #[test]
    fn timestamps_and_lists_round_trip() {
        let row = vec![
            json!(1),
            json!("d1"),
            json!("abc"),
            Value::Null,
            json!("Title"),
            Value::Null,
            json!("2025-03-28T09:30:00+01:00"),
            json!(["A. Writer", "B. Writer"]),
            json!("en"),
            json!("page.html"),
            json!("2026-01-02T03:04:05Z"),
            json!("Body."),
        ];
        let mut b = RowBatcher::new(Table::Articles);
        b.push(&row).unwrap();
        let batch = b.finish().unwrap();
        assert_eq!(batch_rows(Table::Articles, &batch).unwrap(), vec![row]);
    }

    #[test]
    fn a_bad_value_names_its_column_and_leaves_no_half_row() {
        let mut b = RowBatcher::new(Table::Aliases);
        let err = b.push(&[json!(1), Value::Null, json!(2)]).unwrap_err();
        assert!(err.to_string().contains("aliases.alias"), "{err}");
        let err = b.push(&[json!("x"), json!("a"), json!(2)]).unwrap_err();
        assert!(err.to_string().contains("aliases.entity"), "{err}");
        assert!(b.push(&[json!(1)]).is_err());
        b.push(&[json!(1), json!("Kyiv"), json!(2)]).unwrap();
        assert_eq!(b.finish().unwrap().num_rows(), 1);
    }

    #[test]
    fn reading_goes_by_name_and_tolerates_other_types() {
        let batch = RecordBatch::try_from_iter(vec![
            (
                "count",
                Arc::new(arrow_array::Int32Array::from(vec![4])) as ArrayRef,
            ),
            (
                "alias",
                Arc::new(arrow_array::LargeStringArray::from(vec!["Kyiv"])) as ArrayRef,
            ),
            (
                "entity",
                Arc::new(arrow_array::Int64Array::from(vec![9])) as ArrayRef,
            ),
            (
                "extra",
                Arc::new(arrow_array::Int64Array::from(vec![0])) as ArrayRef,
            ),
        ])
        .unwrap();
        let rows = batch_rows(Table::Aliases, &batch).unwrap();
        assert_eq!(rows, vec![vec![json!(9), json!("Kyiv"), json!(4)]]);
        let missing = batch.project(&[0, 1]).unwrap();
        let err = batch_rows(Table::Aliases, &missing).unwrap_err();
        assert!(err.to_string().contains("entity"), "{err}");
    }

    #[test]
    fn keyed_batches_lead_with_the_article() {
        let mut b = RowBatcher::keyed(Table::Aliases);
        b.push_keyed(42, &[json!(1), json!("Kyiv"), json!(1)])
            .unwrap();
        let batch = b.finish().unwrap();
        assert_eq!(batch.schema().field(0).name(), "article");
        assert_eq!(batch_rows(Table::Aliases, &batch).unwrap().len(), 1);
    }
}

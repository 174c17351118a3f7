//! Whole-table exports from PostgreSQL, row for row the same as the SQLite
//! store's ([`crate::Layer`] columns, id order, JSON values), streamed.

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::Type;
use serde_json::Value;

use crate::{ExportError, Layer, StoreError};

pub(crate) fn export(
    client: &mut Client,
    layer: Layer,
    each: &mut dyn FnMut(Vec<Value>) -> std::io::Result<()>,
) -> Result<u64, ExportError> {
    let columns = layer.columns();
    let mut tx = client.transaction().map_err(StoreError::from)?;
    let mut rows = tx
        .query_raw(layer.sql(), std::iter::empty::<i64>())
        .map_err(StoreError::from)?;
    let mut count = 0u64;
    while let Some(r) = rows.next().map_err(StoreError::from)? {
        let mut out = Vec::with_capacity(columns.len());
        for i in 0..columns.len() {
            let ty = r.columns()[i].type_();
            let v = if *ty == Type::INT8 {
                r.try_get::<_, Option<i64>>(i)
                    .map_err(StoreError::from)?
                    .map_or(Value::Null, Value::from)
            } else if *ty == Type::BOOL {
                r.try_get::<_, Option<bool>>(i)
                    .map_err(StoreError::from)?
                    .map_or(Value::Null, Value::Bool)
            } else {
                match r
                    .try_get::<_, Option<String>>(i)
                    .map_err(StoreError::from)?
                {
                    None => Value::Null,
                    Some(s) if layer.is_json(i) => serde_json::from_str(&s).unwrap_or(Value::Null),
                    Some(s) => Value::String(s),
                }
            };
            out.push(v);
        }
        each(out)?;
        count += 1;
    }
    Ok(count)
}

//! Whole-table exports from PostgreSQL, row for row the same as the SQLite
//! store's ([`crate::Layer`] columns, id order, JSON values), streamed.

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::Type;
use serde_json::Value;

use crate::{ExportError, Layer, StoreError};

fn sql(layer: Layer) -> &'static str {
    match layer {
        Layer::Articles => {
            "SELECT id, doc_id, content_hash, url, title, site, published, authors, language,
                    source, ingested_at, text FROM articles ORDER BY id"
        }
        Layer::Entities => {
            "SELECT id, key, name, etype, subtype, mention_count, article_count
             FROM entities ORDER BY id"
        }
        Layer::Aliases => "SELECT entity, alias, count FROM entity_aliases ORDER BY id",
        Layer::Mentions => {
            "SELECT m.id, m.article, m.entity, m.start, m.\"end\",
                    substr(a.text, (m.start + 1)::int, (m.\"end\" - m.start)::int), m.kind,
                    m.metonym
             FROM mentions m JOIN articles a ON a.id = m.article ORDER BY m.id"
        }
        Layer::Quotes => {
            "SELECT id, article, start, \"end\", text, kind, speaker_entity, speaker,
                    speaker_start, speaker_end, cue_start, cue_end, published_date
             FROM quotes ORDER BY id"
        }
        Layer::Timexes => {
            "SELECT id, article, start, \"end\", text, type, value FROM timexes ORDER BY id"
        }
        Layer::Events => {
            "SELECT id, article, type, mode, cameo, start, \"end\", text, trigger_start,
                    trigger_end, source_entity, source_name, target_entity, target_name,
                    place_entity, place_name, date, date_timex, date_from_publication, day,
                    modality, quote FROM events ORDER BY id"
        }
    }
}

pub(crate) fn export(
    client: &mut Client,
    layer: Layer,
    each: &mut dyn FnMut(Vec<Value>) -> std::io::Result<()>,
) -> Result<u64, ExportError> {
    let columns = layer.columns();
    let mut tx = client.transaction().map_err(StoreError::from)?;
    let mut rows = tx
        .query_raw(sql(layer), std::iter::empty::<i64>())
        .map_err(StoreError::from)?;
    let mut count = 0u64;
    while let Some(r) = rows.next().map_err(StoreError::from)? {
        let mut out = Vec::with_capacity(columns.len());
        for (i, name) in columns.iter().enumerate() {
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
                    Some(s) if layer == Layer::Articles && *name == "authors" => {
                        serde_json::from_str(&s).unwrap_or(Value::Null)
                    }
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

//! Whole-table exports, one table per layer, for pandas, Polars and DuckDB.
//!
//! Each [`Layer`] has fixed columns; rows come in id order with JSON values
//! (numbers, strings, booleans, null). Offsets are code points into the
//! article text, as in the store and the API; mentions carry their text so
//! that every table reads on its own.

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use serde_json::Value;

use crate::ExportError;

/// One exportable table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Articles,
    Entities,
    Aliases,
    Mentions,
    Quotes,
    Timexes,
    Events,
}

impl Layer {
    pub const ALL: [Layer; 7] = [
        Layer::Articles,
        Layer::Entities,
        Layer::Aliases,
        Layer::Mentions,
        Layer::Quotes,
        Layer::Timexes,
        Layer::Events,
    ];

    /// The table's file stem (`quotes` for `quotes.jsonl`).
    pub fn name(self) -> &'static str {
        match self {
            Layer::Articles => "articles",
            Layer::Entities => "entities",
            Layer::Aliases => "aliases",
            Layer::Mentions => "mentions",
            Layer::Quotes => "quotes",
            Layer::Timexes => "timexes",
            Layer::Events => "events",
        }
    }

    /// Column names, in the order of each exported row.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Layer::Articles => &[
                "id",
                "doc_id",
                "content_hash",
                "url",
                "title",
                "site",
                "published",
                "authors",
                "language",
                "source",
                "ingested_at",
                "text",
            ],
            Layer::Entities => &[
                "id", "key", "name", "type", "subtype", "mentions", "articles",
            ],
            Layer::Aliases => &["entity", "alias", "count"],
            Layer::Mentions => &[
                "id", "article", "entity", "start", "end", "text", "kind", "metonym",
            ],
            Layer::Quotes => &[
                "id",
                "article",
                "start",
                "end",
                "text",
                "kind",
                "speaker_entity",
                "speaker",
                "speaker_start",
                "speaker_end",
                "cue_start",
                "cue_end",
                "published",
                "parts",
                "speaker_description",
                "anonymous",
                "speaker_others",
            ],
            Layer::Timexes => &["id", "article", "start", "end", "text", "type", "value"],
            Layer::Events => &[
                "id",
                "article",
                "type",
                "mode",
                "cameo",
                "start",
                "end",
                "text",
                "trigger_start",
                "trigger_end",
                "source_entity",
                "source_name",
                "target_entity",
                "target_name",
                "place_entity",
                "place_name",
                "date",
                "date_timex",
                "date_from_publication",
                "day",
                "modality",
                "quote",
                "source_country",
                "source_sector",
                "target_country",
                "target_sector",
            ],
        }
    }

    /// The query for this layer's export, in SQL that SQLite and PostgreSQL
    /// both read (`"end"` quoted, `CAST` not `::`), so the two backends
    /// export the same columns from one text.
    pub(crate) fn sql(self) -> &'static str {
        match self {
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
                        substr(a.text, CAST(m.start + 1 AS INTEGER),
                               CAST(m.\"end\" - m.start AS INTEGER)),
                        m.kind, m.metonym
                 FROM mentions m JOIN articles a ON a.id = m.article ORDER BY m.id"
            }
            Layer::Quotes => {
                "SELECT id, article, start, \"end\", text, kind, speaker_entity, speaker,
                        speaker_start, speaker_end, cue_start, cue_end, published_date,
                        coalesce(parts, '[[' || start || ',' || \"end\" || ']]'),
                        speaker_description, anonymous, speaker_others
                 FROM quotes ORDER BY id"
            }
            Layer::Timexes => {
                "SELECT id, article, start, \"end\", text, type, value FROM timexes ORDER BY id"
            }
            Layer::Events => {
                "SELECT id, article, type, mode, cameo, start, \"end\", text, trigger_start,
                        trigger_end, source_entity, source_name, target_entity, target_name,
                        place_entity, place_name, date, date_timex, date_from_publication, day,
                        modality, quote, source_country, source_sector, target_country,
                        target_sector FROM events ORDER BY id"
            }
        }
    }

    /// Columns holding JSON (the authors list, a quote's parts and other
    /// speakers), exported as JSON values.
    pub(crate) fn is_json(self, column: usize) -> bool {
        let name = self.columns()[column];
        match self {
            Layer::Articles => name == "authors",
            Layer::Quotes => name == "parts" || name == "speaker_others",
            _ => false,
        }
    }

    /// Columns holding booleans (stored as 0/1 in SQLite).
    fn is_bool(self, column: usize) -> bool {
        let name = self.columns()[column];
        name == "metonym" || name == "date_from_publication" || name == "anonymous"
    }
}

pub(crate) fn export(
    conn: &Connection,
    layer: Layer,
    each: &mut dyn FnMut(Vec<Value>) -> std::io::Result<()>,
) -> Result<u64, ExportError> {
    let mut stmt = conn.prepare(layer.sql())?;
    let n = layer.columns().len();
    let mut rows = stmt.query([])?;
    let mut count = 0u64;
    while let Some(r) = rows.next()? {
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let v = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(x) if layer.is_bool(i) => Value::Bool(x != 0),
                ValueRef::Integer(x) => Value::from(x),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(t) if layer.is_json(i) => {
                    serde_json::from_slice(t).unwrap_or(Value::Null)
                }
                ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::String(String::from_utf8_lossy(b).into_owned()),
            };
            out.push(v);
        }
        each(out)?;
        count += 1;
    }
    Ok(count)
}

//! The tables and their typed columns: the one schema of `tidings export`
//! and of the Spark job's output, and what `tidings load` reads.
//!
//! The columns are the store's export columns (`tidings_store::Layer`), in
//! the same order, each with an Arrow type: 64-bit integers for ids, offsets
//! and counts; strings; booleans; `date32` for calendar days; a UTC
//! timestamp (microseconds, the unit Parquet, Spark and pandas all take) for
//! `ingested_at`; a list of strings for `authors`.
//! `articles.published` stays a string: sources give a day, a minute or a
//! second, with or without a zone, and the loader must give back what came.
//!
//! Ids: in a store's export every `id` is the store's own. In a batch's
//! output (the Spark job) an article's id is a hash of its content hash
//! ([`crate::ids`]), an entity's a hash of its key, and the rows of the other
//! tables are numbered 0, 1, ... within their article, so there the key of a
//! row is (`article`, `id`). `events.quote` and `events.date_timex` point to
//! rows of the same article. Offsets are Unicode code points into
//! `articles.text`, end exclusive.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};

/// One table of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Articles,
    Entities,
    Aliases,
    Mentions,
    Quotes,
    Timexes,
    Events,
}

/// A column's value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Str,
    Bool,
    /// A calendar day, `YYYY-MM-DD` in rows.
    Date,
    /// A UTC instant (stored in microseconds), RFC 3339 in rows.
    Timestamp,
    /// A list of strings, a JSON array in rows.
    StrList,
    /// A list of `[start, end]` integer pairs (a quote's parts), a JSON array
    /// of two-element arrays in rows.
    Spans,
    /// A JSON value kept as its text (a list of objects such as a quote's
    /// other speakers); the JSON value itself in rows.
    Json,
}

/// One column: name, type, and whether it may be null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
}

const fn req(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: false,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
    }
}

use Kind::{Bool, Date, Int, Json, Spans, Str, StrList, Timestamp};

const ARTICLES: &[Column] = &[
    req("id", Int),
    req("doc_id", Str),
    req("content_hash", Str),
    opt("url", Str),
    opt("title", Str),
    opt("site", Str),
    opt("published", Str),
    req("authors", StrList),
    opt("language", Str),
    req("source", Str),
    req("ingested_at", Timestamp),
    req("text", Str),
];

const ENTITIES: &[Column] = &[
    req("id", Int),
    req("key", Str),
    req("name", Str),
    req("type", Str),
    opt("subtype", Str),
    req("mentions", Int),
    req("articles", Int),
];

const ALIASES: &[Column] = &[req("entity", Int), req("alias", Str), req("count", Int)];

const MENTIONS: &[Column] = &[
    req("id", Int),
    req("article", Int),
    req("entity", Int),
    req("start", Int),
    req("end", Int),
    req("text", Str),
    req("kind", Str),
    req("metonym", Bool),
];

const QUOTES: &[Column] = &[
    req("id", Int),
    req("article", Int),
    req("start", Int),
    req("end", Int),
    req("text", Str),
    req("kind", Str),
    opt("speaker_entity", Int),
    opt("speaker", Str),
    opt("speaker_start", Int),
    opt("speaker_end", Int),
    opt("cue_start", Int),
    opt("cue_end", Int),
    opt("published", Date),
    // Nullable so that files written before quotes had parts still load:
    // a missing `parts` is the one part `[start, end]`.
    opt("parts", Spans),
    opt("speaker_description", Str),
    opt("anonymous", Bool),
    opt("speaker_others", Json),
];

const TIMEXES: &[Column] = &[
    req("id", Int),
    req("article", Int),
    req("start", Int),
    req("end", Int),
    req("text", Str),
    req("type", Str),
    req("value", Str),
];

const EVENTS: &[Column] = &[
    req("id", Int),
    req("article", Int),
    req("type", Str),
    opt("mode", Str),
    req("cameo", Str),
    req("start", Int),
    req("end", Int),
    req("text", Str),
    opt("trigger_start", Int),
    opt("trigger_end", Int),
    opt("source_entity", Int),
    opt("source_name", Str),
    opt("target_entity", Int),
    opt("target_name", Str),
    opt("place_entity", Int),
    opt("place_name", Str),
    opt("date", Str),
    opt("date_timex", Int),
    req("date_from_publication", Bool),
    opt("day", Date),
    req("modality", Str),
    opt("quote", Int),
    opt("source_country", Str),
    opt("source_sector", Str),
    opt("target_country", Str),
    opt("target_sector", Str),
];

impl Table {
    /// Every table, articles first.
    pub const ALL: [Table; 7] = [
        Table::Articles,
        Table::Entities,
        Table::Aliases,
        Table::Mentions,
        Table::Quotes,
        Table::Timexes,
        Table::Events,
    ];

    /// The table's file or folder name.
    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Entities => "entities",
            Table::Aliases => "aliases",
            Table::Mentions => "mentions",
            Table::Quotes => "quotes",
            Table::Timexes => "timexes",
            Table::Events => "events",
        }
    }

    /// The table named `name`.
    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The columns, in row order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Articles => ARTICLES,
            Table::Entities => ENTITIES,
            Table::Aliases => ALIASES,
            Table::Mentions => MENTIONS,
            Table::Quotes => QUOTES,
            Table::Timexes => TIMEXES,
            Table::Events => EVENTS,
        }
    }

    /// The position of column `name`.
    pub fn index(self, name: &str) -> Option<usize> {
        self.columns().iter().position(|c| c.name == name)
    }

    /// The table's Arrow schema.
    pub fn schema(self) -> SchemaRef {
        Arc::new(Schema::new(
            self.columns().iter().map(Column::field).collect::<Vec<_>>(),
        ))
    }
}

impl Column {
    /// The column's Arrow field.
    pub fn field(&self) -> Field {
        Field::new(self.name, self.kind.data_type(), self.nullable)
    }
}

impl Kind {
    /// The Arrow type of values of this kind.
    pub fn data_type(self) -> DataType {
        match self {
            Kind::Int => DataType::Int64,
            Kind::Str => DataType::Utf8,
            Kind::Bool => DataType::Boolean,
            Kind::Date => DataType::Date32,
            Kind::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            Kind::StrList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            Kind::Spans => DataType::List(Arc::new(Field::new(
                "item",
                DataType::List(Arc::new(Field::new("item", DataType::Int64, true))),
                true,
            ))),
            Kind::Json => DataType::Utf8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_columns_are_unique() {
        for t in Table::ALL {
            assert_eq!(Table::from_name(t.name()), Some(t));
            let mut names: Vec<_> = t.columns().iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), t.columns().len(), "{}", t.name());
            assert_eq!(t.schema().fields().len(), t.columns().len());
        }
    }
}

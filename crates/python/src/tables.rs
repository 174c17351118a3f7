//! Annotated documents as one flat Arrow table per layer.
//!
//! | table | one row per | key columns |
//! | --- | --- | --- |
//! | `articles` | document | `doc_id`, metadata, `text`, `paragraphs`, `sentences`, `error` |
//! | `entities` | entity | `doc_id`, `entity_id`, `name`, `type`, `key` |
//! | `mentions` | entity mention | `doc_id`, `entity_id`, `start`, `end` |
//! | `quotes` | quote | `doc_id`, `quote`, `start`, `end`, `parts`, speaker, cue |
//! | `timexes` | time expression | `doc_id`, `timex`, `start`, `end`, `type`, `value` |
//! | `events` | event | `doc_id`, `event`, `type`, `cameo`, actors and their codes, date |
//!
//! Offsets are Unicode code points into the article's `text`, end exclusive,
//! exactly as in the JSON output (`shared/eval/FORMAT.md`); `quote`, `timex`
//! and `event` number a document's items from 0 in output order, which is what
//! an event's `quote` and `date_timex` point to. Every column has a type that
//! Spark and Parquet read as is: strings, 64-bit integers, booleans, and lists
//! (no unsigned or dictionary types). A document that failed has its row in
//! `articles`, with `error` set, and none in the other tables.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    ArrayRef, BooleanArray, Int64Array, ListArray, RecordBatch, StringArray, StructArray,
};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields};
use serde::Serialize;
use tidings_model::Actor;
use tidings_model::wire::{AnnotateOutput, ExtractOutput};

use crate::records::TextRecord;

/// The tables an annotate batch returns, in this order.
pub const LAYERS: [&str; 6] = [
    "articles", "entities", "mentions", "quotes", "timexes", "events",
];

/// The six layer tables, filled one document at a time.
#[derive(Default)]
pub struct LayerTables {
    articles: Articles,
    entities: Entities,
    mentions: Mentions,
    quotes: Quotes,
    timexes: Timexes,
    events: Events,
}

impl LayerTables {
    /// Add one document: its article row, and its layers when it succeeded.
    pub fn push(&mut self, rec: &TextRecord, result: Result<&AnnotateOutput, &str>) {
        self.articles.push(rec, result);
        if let Ok(out) = result {
            self.entities.push(&rec.id, out);
            self.mentions.push(&rec.id, out);
            self.quotes.push(&rec.id, out);
            self.timexes.push(&rec.id, out);
            self.events.push(&rec.id, out);
        }
    }

    /// The tables, named and in [`LAYERS`] order.
    pub fn finish(self) -> Result<Vec<(&'static str, RecordBatch)>, ArrowError> {
        let tables = [
            self.articles.finish()?,
            self.entities.finish()?,
            self.mentions.finish()?,
            self.quotes.finish()?,
            self.timexes.finish()?,
            self.events.finish()?,
        ];
        Ok(LAYERS.into_iter().zip(tables).collect())
    }
}

#[derive(Default)]
struct Articles {
    doc_id: Vec<String>,
    title: Vec<Option<String>>,
    published: Vec<Option<String>>,
    url: Vec<Option<String>>,
    site: Vec<Option<String>>,
    language: Vec<Option<String>>,
    authors: Authors,
    page_type: Vec<Option<String>>,
    path: Vec<Option<String>>,
    text: Vec<Option<String>>,
    paragraphs: SpanLists,
    sentences: SpanLists,
    error: Vec<Option<String>>,
}

impl Articles {
    fn push(&mut self, rec: &TextRecord, result: Result<&AnnotateOutput, &str>) {
        self.doc_id.push(rec.id.clone());
        self.title.push(rec.title.clone());
        self.published.push(rec.published.clone());
        self.url.push(rec.url.clone());
        self.site.push(rec.site.clone());
        self.language.push(rec.language.clone());
        self.authors.push(&rec.authors);
        self.page_type.push(rec.page_type.clone());
        self.path.push(rec.path.clone());
        self.text.push(rec.text.clone());
        match result {
            Ok(out) => {
                self.paragraphs.push(&out.paragraphs);
                self.sentences.push(&out.sentences);
                self.error.push(None);
            }
            Err(why) => {
                self.paragraphs.push(&[]);
                self.sentences.push(&[]);
                self.error.push(Some(why.to_string()));
            }
        }
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_from_iter_with_nullable(vec![
            ("doc_id", strings(self.doc_id), false),
            ("title", opt_strings(self.title), true),
            ("published", opt_strings(self.published), true),
            ("url", opt_strings(self.url), true),
            ("site", opt_strings(self.site), true),
            ("language", opt_strings(self.language), true),
            ("authors", self.authors.finish(), false),
            ("page_type", opt_strings(self.page_type), true),
            ("path", opt_strings(self.path), true),
            ("text", opt_strings(self.text), true),
            ("paragraphs", self.paragraphs.finish(), false),
            ("sentences", self.sentences.finish(), false),
            ("error", opt_strings(self.error), true),
        ])
    }
}

#[derive(Default)]
struct Entities {
    doc_id: Vec<String>,
    entity_id: Vec<String>,
    name: Vec<String>,
    etype: Vec<String>,
    subtype: Vec<Option<String>>,
    key: Vec<String>,
    mentions: Vec<i64>,
}

impl Entities {
    fn push(&mut self, doc_id: &str, out: &AnnotateOutput) {
        for e in &out.entities {
            self.doc_id.push(doc_id.to_string());
            self.entity_id.push(e.id.clone());
            self.name.push(e.name.clone());
            self.etype.push(e.etype.as_str().to_string());
            self.subtype.push(e.subtype.clone());
            self.key.push(e.key.clone());
            self.mentions.push(e.mentions.len() as i64);
        }
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_from_iter_with_nullable(vec![
            ("doc_id", strings(self.doc_id), false),
            ("entity_id", strings(self.entity_id), false),
            ("name", strings(self.name), false),
            ("type", strings(self.etype), false),
            ("subtype", opt_strings(self.subtype), true),
            ("key", strings(self.key), false),
            ("mentions", ints(self.mentions), false),
        ])
    }
}

#[derive(Default)]
struct Mentions {
    doc_id: Vec<String>,
    entity_id: Vec<String>,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Vec<String>,
    kind: Vec<String>,
    metonym: Vec<bool>,
}

impl Mentions {
    fn push(&mut self, doc_id: &str, out: &AnnotateOutput) {
        for e in &out.entities {
            for m in &e.mentions {
                self.doc_id.push(doc_id.to_string());
                self.entity_id.push(e.id.clone());
                self.start.push(m.start as i64);
                self.end.push(m.end as i64);
                self.text.push(m.text.clone());
                self.kind.push(label(&m.kind));
                self.metonym.push(m.metonym);
            }
        }
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_from_iter_with_nullable(vec![
            ("doc_id", strings(self.doc_id), false),
            ("entity_id", strings(self.entity_id), false),
            ("start", ints(self.start), false),
            ("end", ints(self.end), false),
            ("text", strings(self.text), false),
            ("kind", strings(self.kind), false),
            ("metonym", Arc::new(BooleanArray::from(self.metonym)), false),
        ])
    }
}

#[derive(Default)]
struct Quotes {
    doc_id: Vec<String>,
    quote: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Vec<String>,
    kind: Vec<String>,
    parts: SpanLists,
    speaker_entity: Vec<Option<String>>,
    speaker_name: Vec<Option<String>>,
    speaker_start: Vec<Option<i64>>,
    speaker_end: Vec<Option<i64>>,
    speaker_description: Vec<Option<String>>,
    speaker_anonymous: Vec<bool>,
    speaker_others: Authors,
    speaker_other_entities: Authors,
    cue_start: Vec<Option<i64>>,
    cue_end: Vec<Option<i64>>,
    cue_text: Vec<Option<String>>,
}

impl Quotes {
    fn push(&mut self, doc_id: &str, out: &AnnotateOutput) {
        for (i, q) in out.quotes.iter().enumerate() {
            self.doc_id.push(doc_id.to_string());
            self.quote.push(i as i64);
            self.start.push(q.start as i64);
            self.end.push(q.end as i64);
            self.text.push(q.text.clone());
            self.kind.push(label(&q.kind));
            self.parts.push(&q.parts);
            let sp = q.speaker.as_ref();
            self.speaker_description
                .push(sp.and_then(|s| s.description.clone()));
            self.speaker_anonymous.push(sp.is_some_and(|s| s.anonymous));
            let others = sp.map(|s| &s.others[..]).unwrap_or_default();
            self.speaker_others.push(
                &others
                    .iter()
                    .map(|o| o.name.clone().unwrap_or_default())
                    .collect::<Vec<_>>(),
            );
            self.speaker_other_entities.push(
                &others
                    .iter()
                    .map(|o| o.entity.clone().unwrap_or_default())
                    .collect::<Vec<_>>(),
            );
            self.speaker_entity.push(sp.and_then(|s| s.entity.clone()));
            self.speaker_name.push(sp.and_then(|s| s.name.clone()));
            self.speaker_start
                .push(sp.and_then(|s| s.start).map(|v| v as i64));
            self.speaker_end
                .push(sp.and_then(|s| s.end).map(|v| v as i64));
            self.cue_start.push(q.cue.as_ref().map(|c| c.start as i64));
            self.cue_end.push(q.cue.as_ref().map(|c| c.end as i64));
            self.cue_text.push(q.cue.as_ref().map(|c| c.text.clone()));
        }
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_from_iter_with_nullable(vec![
            ("doc_id", strings(self.doc_id), false),
            ("quote", ints(self.quote), false),
            ("start", ints(self.start), false),
            ("end", ints(self.end), false),
            ("text", strings(self.text), false),
            ("kind", strings(self.kind), false),
            ("parts", self.parts.finish(), false),
            ("speaker_entity", opt_strings(self.speaker_entity), true),
            ("speaker_name", opt_strings(self.speaker_name), true),
            ("speaker_start", opt_ints(self.speaker_start), true),
            ("speaker_end", opt_ints(self.speaker_end), true),
            (
                "speaker_description",
                opt_strings(self.speaker_description),
                true,
            ),
            (
                "speaker_anonymous",
                Arc::new(BooleanArray::from(self.speaker_anonymous)),
                false,
            ),
            ("speaker_others", self.speaker_others.finish(), false),
            (
                "speaker_other_entities",
                self.speaker_other_entities.finish(),
                false,
            ),
            ("cue_start", opt_ints(self.cue_start), true),
            ("cue_end", opt_ints(self.cue_end), true),
            ("cue_text", opt_strings(self.cue_text), true),
        ])
    }
}

#[derive(Default)]
struct Timexes {
    doc_id: Vec<String>,
    timex: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Vec<String>,
    ttype: Vec<String>,
    value: Vec<String>,
}

impl Timexes {
    fn push(&mut self, doc_id: &str, out: &AnnotateOutput) {
        for (i, t) in out.timexes.iter().enumerate() {
            self.doc_id.push(doc_id.to_string());
            self.timex.push(i as i64);
            self.start.push(t.start as i64);
            self.end.push(t.end as i64);
            self.text.push(t.text.clone());
            self.ttype.push(t.ttype.as_str().to_string());
            self.value.push(t.value.clone());
        }
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_from_iter_with_nullable(vec![
            ("doc_id", strings(self.doc_id), false),
            ("timex", ints(self.timex), false),
            ("start", ints(self.start), false),
            ("end", ints(self.end), false),
            ("text", strings(self.text), false),
            ("type", strings(self.ttype), false),
            ("value", strings(self.value), false),
        ])
    }
}

/// Columns for an optional actor: its entity id, name, CAMEO country and
/// sector codes.
#[derive(Default)]
struct ActorColumns {
    entity: Vec<Option<String>>,
    name: Vec<Option<String>>,
    country: Vec<Option<String>>,
    sector: Vec<Option<String>>,
}

impl ActorColumns {
    fn push(&mut self, actor: Option<&Actor>) {
        self.entity.push(actor.and_then(|a| a.entity.clone()));
        self.name.push(actor.map(|a| a.name.clone()));
        self.country.push(actor.and_then(|a| a.country.clone()));
        self.sector.push(actor.and_then(|a| a.sector.clone()));
    }
}

#[derive(Default)]
struct Events {
    doc_id: Vec<String>,
    event: Vec<i64>,
    etype: Vec<String>,
    mode: Vec<Option<String>>,
    cameo: Vec<String>,
    start: Vec<i64>,
    end: Vec<i64>,
    text: Vec<String>,
    trigger_start: Vec<Option<i64>>,
    trigger_end: Vec<Option<i64>>,
    trigger_text: Vec<Option<String>>,
    source: ActorColumns,
    target: ActorColumns,
    place: ActorColumns,
    date_value: Vec<Option<String>>,
    date_timex: Vec<Option<i64>>,
    date_from_publication: Vec<Option<bool>>,
    modality: Vec<String>,
    quote: Vec<Option<i64>>,
}

impl Events {
    fn push(&mut self, doc_id: &str, out: &AnnotateOutput) {
        for (i, e) in out.events.iter().enumerate() {
            self.doc_id.push(doc_id.to_string());
            self.event.push(i as i64);
            self.etype.push(e.etype.clone());
            self.mode.push(e.mode.clone());
            self.cameo.push(e.cameo.clone());
            self.start.push(e.start as i64);
            self.end.push(e.end as i64);
            self.text.push(e.text.clone());
            self.trigger_start
                .push(e.trigger.as_ref().map(|t| t.start as i64));
            self.trigger_end
                .push(e.trigger.as_ref().map(|t| t.end as i64));
            self.trigger_text
                .push(e.trigger.as_ref().map(|t| t.text.clone()));
            self.source.push(e.source.as_ref());
            self.target.push(e.target.as_ref());
            self.place.push(e.place.as_ref());
            let date = e.date.as_ref();
            self.date_value.push(date.map(|d| d.value.clone()));
            self.date_timex
                .push(date.and_then(|d| d.timex).map(|t| t as i64));
            self.date_from_publication
                .push(date.map(|d| d.from_publication));
            self.modality.push(label(&e.modality));
            self.quote.push(e.quote.map(|q| q as i64));
        }
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_from_iter_with_nullable(vec![
            ("doc_id", strings(self.doc_id), false),
            ("event", ints(self.event), false),
            ("type", strings(self.etype), false),
            ("mode", opt_strings(self.mode), true),
            ("cameo", strings(self.cameo), false),
            ("start", ints(self.start), false),
            ("end", ints(self.end), false),
            ("text", strings(self.text), false),
            ("trigger_start", opt_ints(self.trigger_start), true),
            ("trigger_end", opt_ints(self.trigger_end), true),
            ("trigger_text", opt_strings(self.trigger_text), true),
            ("source_entity", opt_strings(self.source.entity), true),
            ("source_name", opt_strings(self.source.name), true),
            ("source_country", opt_strings(self.source.country), true),
            ("source_sector", opt_strings(self.source.sector), true),
            ("target_entity", opt_strings(self.target.entity), true),
            ("target_name", opt_strings(self.target.name), true),
            ("target_country", opt_strings(self.target.country), true),
            ("target_sector", opt_strings(self.target.sector), true),
            ("place_entity", opt_strings(self.place.entity), true),
            ("place_name", opt_strings(self.place.name), true),
            ("date_value", opt_strings(self.date_value), true),
            ("date_timex", opt_ints(self.date_timex), true),
            (
                "date_from_publication",
                Arc::new(BooleanArray::from(self.date_from_publication)),
                true,
            ),
            ("modality", strings(self.modality), false),
            ("quote", opt_ints(self.quote), true),
        ])
    }
}

/// The table an extract batch returns: `tidings extract`'s fields, one row
/// per page, plus `error`. Its columns are an annotate batch's input columns.
#[derive(Default)]
pub struct PageTable {
    id: Vec<String>,
    path: Vec<Option<String>>,
    url: Vec<Option<String>>,
    title: Vec<Option<String>>,
    authors: Authors,
    published: Vec<Option<String>>,
    site: Vec<Option<String>>,
    language: Vec<Option<String>>,
    page_type: Vec<Option<String>>,
    text: Vec<String>,
    error: Vec<Option<String>>,
}

impl PageTable {
    /// Add one page: its article, or why there is none.
    pub fn push(
        &mut self,
        id: &str,
        path: Option<&str>,
        url: Option<&str>,
        result: Result<&ExtractOutput, &str>,
    ) {
        self.id.push(id.to_string());
        self.path.push(path.map(str::to_string));
        match result {
            Ok(a) => {
                self.url.push(a.url.clone());
                self.title.push(a.title.clone());
                self.authors.push(&a.authors);
                self.published.push(a.published.clone());
                self.site.push(a.site.clone());
                self.language.push(a.language.clone());
                self.page_type.push(Some(a.page_type.clone()));
                self.text.push(a.text.clone());
                self.error.push(None);
            }
            Err(why) => {
                self.url.push(url.map(str::to_string));
                self.title.push(None);
                self.authors.push(&[]);
                self.published.push(None);
                self.site.push(None);
                self.language.push(None);
                self.page_type.push(None);
                self.text.push(String::new());
                self.error.push(Some(why.to_string()));
            }
        }
    }

    pub fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_from_iter_with_nullable(vec![
            ("id", strings(self.id), false),
            ("path", opt_strings(self.path), true),
            ("url", opt_strings(self.url), true),
            ("title", opt_strings(self.title), true),
            ("authors", self.authors.finish(), false),
            ("published", opt_strings(self.published), true),
            ("site", opt_strings(self.site), true),
            ("language", opt_strings(self.language), true),
            ("page_type", opt_strings(self.page_type), true),
            ("text", strings(self.text), false),
            ("error", opt_strings(self.error), true),
        ])
    }
}

/// A list-of-strings column (authors, joint speakers' names or ids).
struct Authors(ListBuilder<StringBuilder>);

impl Default for Authors {
    fn default() -> Self {
        Authors(ListBuilder::new(StringBuilder::new()))
    }
}

impl Authors {
    fn push(&mut self, names: &[String]) {
        for n in names {
            self.0.values().append_value(n);
        }
        self.0.append(true);
    }

    fn finish(mut self) -> ArrayRef {
        Arc::new(self.0.finish())
    }
}

/// A column of `[start, end]` lists, stored as `list<struct<start, end>>`.
#[derive(Default)]
struct SpanLists {
    lengths: Vec<usize>,
    start: Vec<i64>,
    end: Vec<i64>,
}

impl SpanLists {
    fn push(&mut self, spans: &[[usize; 2]]) {
        self.lengths.push(spans.len());
        for [s, e] in spans {
            self.start.push(*s as i64);
            self.end.push(*e as i64);
        }
    }

    fn finish(self) -> ArrayRef {
        let fields = Fields::from(vec![
            Field::new("start", DataType::Int64, false),
            Field::new("end", DataType::Int64, false),
        ]);
        let spans = StructArray::new(fields.clone(), vec![ints(self.start), ints(self.end)], None);
        Arc::new(ListArray::new(
            Arc::new(Field::new("item", DataType::Struct(fields), false)),
            OffsetBuffer::<i32>::from_lengths(self.lengths),
            Arc::new(spans),
            None,
        ))
    }
}

fn strings(v: Vec<String>) -> ArrayRef {
    Arc::new(StringArray::from(v))
}

fn opt_strings(v: Vec<Option<String>>) -> ArrayRef {
    Arc::new(StringArray::from(v))
}

fn ints(v: Vec<i64>) -> ArrayRef {
    Arc::new(Int64Array::from(v))
}

fn opt_ints(v: Vec<Option<i64>>) -> ArrayRef {
    Arc::new(Int64Array::from(v))
}

/// The JSON name of a unit enum (`direct`, `asserted`...).
fn label<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => format!("?{e}"),
    }
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    use serde_json::Value;
    use tidings_model::wire::OutputOptions;
    use tidings_model::{
        Document, Entity, EntityType, Mention, MentionKind, Quote, QuoteKind, Span, Speaker,
    };

    use super::*;

    /// A document with one entity and one quote, written by hand.
    fn annotated() -> (TextRecord, AnnotateOutput) {
        let text = "“Wir bauen”, sagte Zoë Fontaine.";
        let mut doc = Document::new("d1", text);
        let name = text.find("Zoë").unwrap();
        let name = Span::new(name, name + "Zoë Fontaine".len());
        doc.entities.push(Entity {
            id: "e1".into(),
            name: "Zoë Fontaine".into(),
            etype: EntityType::Per,
            subtype: None,
            key: "PER:zoë fontaine".into(),
            mentions: vec![Mention {
                span: name,
                kind: MentionKind::Name,
                metonym: false,
            }],
        });
        let q = text.find("Wir").unwrap();
        doc.quotes.push(Quote::whole(
            Span::new(q, q + "Wir bauen".len()),
            QuoteKind::Direct,
            Some(Speaker::named(
                Some("e1".into()),
                Some("Zoë Fontaine".into()),
                Some(name),
            )),
            None,
        ));
        let out = AnnotateOutput::from_document(&doc, Value::from("d1"), OutputOptions::default());
        let rec = TextRecord {
            id: "d1".into(),
            text: Some(text.into()),
            ..Default::default()
        };
        (rec, out)
    }

    fn table<'a>(tables: &'a [(&'static str, RecordBatch)], name: &str) -> &'a RecordBatch {
        &tables.iter().find(|(n, _)| *n == name).unwrap().1
    }

    fn int(batch: &RecordBatch, col: &str, row: usize) -> i64 {
        batch
            .column_by_name(col)
            .unwrap()
            .as_primitive::<Int64Type>()
            .value(row)
    }

    fn text_at(batch: &RecordBatch, col: &str, row: usize) -> String {
        batch
            .column_by_name(col)
            .unwrap()
            .as_string::<i32>()
            .value(row)
            .to_string()
    }

    #[test]
    fn layers_are_rows_with_code_point_offsets() {
        let (rec, out) = annotated();
        let mut tables = LayerTables::default();
        tables.push(&rec, Ok(&out));
        let tables = tables.finish().unwrap();
        assert_eq!(tables.iter().map(|(n, _)| *n).collect::<Vec<_>>(), LAYERS);
        let chars: Vec<char> = rec.text.as_deref().unwrap().chars().collect();
        let slice = |s: i64, e: i64| chars[s as usize..e as usize].iter().collect::<String>();

        let mentions = table(&tables, "mentions");
        assert_eq!(mentions.num_rows(), 1);
        assert_eq!(text_at(mentions, "entity_id", 0), "e1");
        let (s, e) = (int(mentions, "start", 0), int(mentions, "end", 0));
        assert_eq!(slice(s, e), "Zoë Fontaine");

        let quotes = table(&tables, "quotes");
        assert_eq!(text_at(quotes, "kind", 0), "direct");
        assert_eq!(text_at(quotes, "speaker_entity", 0), "e1");
        assert_eq!(
            slice(int(quotes, "start", 0), int(quotes, "end", 0)),
            "Wir bauen"
        );
        assert_eq!(int(quotes, "speaker_start", 0), s);

        let entities = table(&tables, "entities");
        assert_eq!(text_at(entities, "type", 0), "PER");
        assert_eq!(int(entities, "mentions", 0), 1);
        assert_eq!(table(&tables, "events").num_rows(), 0);
    }

    #[test]
    fn a_failed_document_keeps_only_its_article_row() {
        let (rec, out) = annotated();
        let mut tables = LayerTables::default();
        tables.push(&rec, Err("the page is empty"));
        tables.push(&rec, Ok(&out));
        let tables = tables.finish().unwrap();
        let articles = table(&tables, "articles");
        assert_eq!(articles.num_rows(), 2);
        assert_eq!(text_at(articles, "error", 0), "the page is empty");
        assert!(articles.column_by_name("error").unwrap().is_null(1));
        assert_eq!(table(&tables, "mentions").num_rows(), 1);
    }

    #[test]
    fn column_types_are_ones_spark_reads() {
        let tables = LayerTables::default().finish().unwrap();
        for (name, batch) in &tables {
            assert_eq!(batch.num_rows(), 0);
            for field in batch.schema().fields() {
                let ok = matches!(
                    field.data_type(),
                    DataType::Utf8 | DataType::Int64 | DataType::Boolean | DataType::List(_)
                );
                assert!(ok, "{name}.{}: {}", field.name(), field.data_type());
            }
        }
    }
}

//! Rows back into annotated documents: what `tidings load` hands the store.
//!
//! The [`Assembler`] takes the rows of entities, mentions, quotes, timexes
//! and events first (kept compact, per article), then one `articles` row at
//! a time, and builds that article's `Document`: metadata, text, and every
//! layer with byte spans (from the code point offsets) and document-local
//! references (entity `e<ID>`, quote and timex indices) in the order of the
//! rows' ids. It works for a store's export and for a batch's output alike
//! (see [`crate::schema`] for the ids). Aliases are not needed: the store
//! makes them again from names and mentions.
//!
//! Rows are input, possibly from elsewhere: an offset outside the text, an
//! unknown kind or a reference to a missing entity makes the article fail
//! with a message, never a panic.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::Value;
use tidings_model::offsets::CharIndex;
use tidings_model::{
    Actor, CoSpeaker, Document, Entity, EntityType, Event, EventDate, Mention, Meta, Quote, Span,
    Speaker, Timex,
};

use crate::TableError;
use crate::schema::Table;

/// One article rebuilt, and where it came from.
#[derive(Debug, Clone)]
pub struct Assembled {
    pub doc: Document,
    pub source: String,
}

/// Rows of the layer tables, waiting for their articles.
#[derive(Default)]
pub struct Assembler {
    entities: HashMap<i64, EntityInfo>,
    parts: HashMap<i64, Parts>,
}

struct EntityInfo {
    key: String,
    name: String,
    etype: EntityType,
    subtype: Option<String>,
}

/// Code point offsets, as in the rows.
type Offsets = (i64, i64);

#[derive(Default)]
struct Parts {
    mentions: Vec<(i64, i64, Mention1)>,
    quotes: Vec<(i64, QuoteRow)>,
    timexes: Vec<(i64, TimexRow)>,
    events: Vec<(i64, EventRow)>,
}

struct Mention1 {
    at: Offsets,
    kind: tidings_model::MentionKind,
    metonym: bool,
}

struct QuoteRow {
    at: Offsets,
    /// Empty when the row has none (files written before quotes had parts).
    parts: Vec<Offsets>,
    kind: tidings_model::QuoteKind,
    speaker_entity: Option<i64>,
    speaker: Option<String>,
    speaker_at: Option<Offsets>,
    description: Option<String>,
    anonymous: bool,
    /// Other speakers of a joint attribution: entity id, name, offsets.
    others: Vec<CoSpeakerCells>,
    cue: Option<Offsets>,
}

struct CoSpeakerCells {
    entity: Option<i64>,
    name: Option<String>,
    at: Option<Offsets>,
}

struct TimexRow {
    at: Offsets,
    ttype: tidings_model::TimexType,
    value: String,
}

struct ActorRow {
    entity: Option<i64>,
    name: Option<String>,
    country: Option<String>,
    sector: Option<String>,
}

struct EventRow {
    etype: String,
    mode: Option<String>,
    cameo: String,
    at: Offsets,
    trigger: Option<Offsets>,
    source: ActorRow,
    target: ActorRow,
    place: ActorRow,
    date: Option<String>,
    date_timex: Option<i64>,
    date_from_publication: bool,
    modality: tidings_model::Modality,
    quote: Option<i64>,
}

/// One row, its values read by column name.
struct Row<'a> {
    table: Table,
    values: &'a [Value],
}

impl<'a> Row<'a> {
    fn value(&self, col: &'static str) -> Result<&'a Value, TableError> {
        self.table
            .index(col)
            .and_then(|i| self.values.get(i))
            .ok_or(TableError::MissingColumn {
                table: self.table.name(),
                column: col,
            })
    }

    fn bad(&self, col: &'static str, why: &str) -> TableError {
        TableError::BadValue {
            table: self.table.name(),
            column: col,
            value: self.value(col).map(Value::to_string).unwrap_or_default(),
            why: why.to_string(),
        }
    }

    fn opt_int(&self, col: &'static str) -> Result<Option<i64>, TableError> {
        match self.value(col)? {
            Value::Null => Ok(None),
            v => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| self.bad(col, "not an integer")),
        }
    }

    fn int(&self, col: &'static str) -> Result<i64, TableError> {
        self.opt_int(col)?.ok_or_else(|| self.bad(col, "missing"))
    }

    fn opt_str(&self, col: &'static str) -> Result<Option<String>, TableError> {
        match self.value(col)? {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s.clone())),
            _ => Err(self.bad(col, "not a string")),
        }
    }

    fn str(&self, col: &'static str) -> Result<String, TableError> {
        self.opt_str(col)?.ok_or_else(|| self.bad(col, "missing"))
    }

    fn bool(&self, col: &'static str) -> Result<bool, TableError> {
        match self.value(col)? {
            Value::Null => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::Number(n) => Ok(n.as_i64() != Some(0)),
            _ => Err(self.bad(col, "not a boolean")),
        }
    }

    /// A unit enum from its serde name (`direct`, `DATE`...).
    fn label<T: DeserializeOwned>(&self, col: &'static str) -> Result<T, TableError> {
        let v = self.value(col)?;
        serde_json::from_value(v.clone()).map_err(|_| self.bad(col, "unknown value"))
    }

    fn offsets(&self, start: &'static str, end: &'static str) -> Result<Offsets, TableError> {
        Ok((self.int(start)?, self.int(end)?))
    }

    fn opt_offsets(
        &self,
        start: &'static str,
        end: &'static str,
    ) -> Result<Option<Offsets>, TableError> {
        match (self.opt_int(start)?, self.opt_int(end)?) {
            (Some(s), Some(e)) => Ok(Some((s, e))),
            _ => Ok(None),
        }
    }

    fn actor(
        &self,
        entity: &'static str,
        name: &'static str,
        codes: Option<(&'static str, &'static str)>,
    ) -> Result<ActorRow, TableError> {
        let (country, sector) = match codes {
            Some((c, s)) => (self.opt_str(c)?, self.opt_str(s)?),
            None => (None, None),
        };
        Ok(ActorRow {
            entity: self.opt_int(entity)?,
            name: self.opt_str(name)?,
            country,
            sector,
        })
    }

    /// A list of `[start, end]` pairs (empty when null).
    fn spans(&self, col: &'static str) -> Result<Vec<Offsets>, TableError> {
        match self.value(col)? {
            Value::Null => Ok(Vec::new()),
            Value::Array(pairs) => pairs
                .iter()
                .map(|p| match p.as_array().map(|p| &p[..]) {
                    Some([a, b]) => match (a.as_i64(), b.as_i64()) {
                        (Some(a), Some(b)) => Ok((a, b)),
                        _ => Err(self.bad(col, "not a [start, end] pair")),
                    },
                    _ => Err(self.bad(col, "not a [start, end] pair")),
                })
                .collect(),
            _ => Err(self.bad(col, "not a list of [start, end] pairs")),
        }
    }

    /// A joint attribution's other speakers (`[{"entity", "name", "start",
    /// "end"}]`).
    fn others(&self, col: &'static str) -> Result<Vec<CoSpeakerCells>, TableError> {
        let int = |o: &Value, k: &str| o.get(k).and_then(Value::as_i64);
        match self.value(col)? {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => Ok(items
                .iter()
                .map(|o| CoSpeakerCells {
                    entity: int(o, "entity"),
                    name: o.get("name").and_then(Value::as_str).map(str::to_string),
                    at: int(o, "start").zip(int(o, "end")),
                })
                .collect()),
            _ => Err(self.bad(col, "not a list of speakers")),
        }
    }
}

impl Assembler {
    pub fn new() -> Self {
        Assembler::default()
    }

    /// Take one row of a layer table (`articles` rows go to
    /// [`Assembler::assemble`]; `aliases` rows are not needed).
    pub fn add(&mut self, table: Table, values: &[Value]) -> Result<(), TableError> {
        let row = Row { table, values };
        match table {
            Table::Articles | Table::Aliases => {}
            Table::Entities => {
                let etype = row.str("type")?;
                let info = EntityInfo {
                    key: row.str("key")?,
                    name: row.str("name")?,
                    etype: EntityType::parse(&etype).ok_or_else(|| row.bad("type", "unknown"))?,
                    subtype: row.opt_str("subtype")?,
                };
                self.entities.insert(row.int("id")?, info);
            }
            Table::Mentions => {
                let m = Mention1 {
                    at: row.offsets("start", "end")?,
                    kind: row.label("kind")?,
                    metonym: row.bool("metonym")?,
                };
                self.part(&row)?
                    .mentions
                    .push((row.int("entity")?, row.int("id")?, m));
            }
            Table::Quotes => {
                let q = QuoteRow {
                    at: row.offsets("start", "end")?,
                    parts: row.spans("parts")?,
                    kind: row.label("kind")?,
                    speaker_entity: row.opt_int("speaker_entity")?,
                    speaker: row.opt_str("speaker")?,
                    speaker_at: row.opt_offsets("speaker_start", "speaker_end")?,
                    description: row.opt_str("speaker_description")?,
                    anonymous: row.bool("anonymous")?,
                    others: row.others("speaker_others")?,
                    cue: row.opt_offsets("cue_start", "cue_end")?,
                };
                let id = row.int("id")?;
                self.part(&row)?.quotes.push((id, q));
            }
            Table::Timexes => {
                let t = TimexRow {
                    at: row.offsets("start", "end")?,
                    ttype: row.label("type")?,
                    value: row.str("value")?,
                };
                let id = row.int("id")?;
                self.part(&row)?.timexes.push((id, t));
            }
            Table::Events => {
                let e = EventRow {
                    etype: row.str("type")?,
                    mode: row.opt_str("mode")?,
                    cameo: row.str("cameo")?,
                    at: row.offsets("start", "end")?,
                    trigger: row.opt_offsets("trigger_start", "trigger_end")?,
                    source: row.actor(
                        "source_entity",
                        "source_name",
                        Some(("source_country", "source_sector")),
                    )?,
                    target: row.actor(
                        "target_entity",
                        "target_name",
                        Some(("target_country", "target_sector")),
                    )?,
                    place: row.actor("place_entity", "place_name", None)?,
                    date: row.opt_str("date")?,
                    date_timex: row.opt_int("date_timex")?,
                    date_from_publication: row.bool("date_from_publication")?,
                    modality: row.label("modality")?,
                    quote: row.opt_int("quote")?,
                };
                let id = row.int("id")?;
                self.part(&row)?.events.push((id, e));
            }
        }
        Ok(())
    }

    fn part(&mut self, row: &Row<'_>) -> Result<&mut Parts, TableError> {
        Ok(self.parts.entry(row.int("article")?).or_default())
    }

    /// Articles that have layer rows but no `articles` row yet.
    pub fn waiting(&self) -> usize {
        self.parts.len()
    }

    /// Build the document of one `articles` row, taking its layer rows.
    pub fn assemble(&mut self, values: &[Value]) -> Result<Assembled, TableError> {
        let row = Row {
            table: Table::Articles,
            values,
        };
        let article = row.int("id")?;
        let authors = match row.value("authors")? {
            Value::Array(a) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        let mut doc = Document::new(row.str("doc_id")?, row.str("text")?);
        doc.meta = Meta {
            title: row.opt_str("title")?,
            url: row.opt_str("url")?,
            site: row.opt_str("site")?,
            authors,
            published: row.opt_str("published")?,
            language: row.opt_str("language")?,
        };
        let source = row.opt_str("source")?.unwrap_or_default();
        if let Some(parts) = self.parts.remove(&article) {
            fill(&mut doc, parts, &self.entities)
                .map_err(|why| TableError::Article { article, why })?;
        }
        Ok(Assembled { doc, source })
    }
}

/// Put the layers into `doc`, in id order.
fn fill(
    doc: &mut Document,
    mut parts: Parts,
    entities: &HashMap<i64, EntityInfo>,
) -> Result<(), String> {
    let ci = CharIndex::new(&doc.text);
    let span = |(s, e): Offsets| -> Result<Span, String> {
        let byte = |c: i64| usize::try_from(c).ok().and_then(|c| ci.to_byte(c));
        match (byte(s), byte(e)) {
            (Some(a), Some(b)) if a <= b => Ok(Span::new(a, b)),
            _ => Err(format!(
                "offsets {s}..{e} do not fit its text of {} characters",
                ci.char_len()
            )),
        }
    };
    let local = |id: i64| format!("e{id}");

    // Entities in the order of their first mention; mentions in id order.
    parts.mentions.sort_by_key(|&(entity, id, _)| (id, entity));
    let mut order: Vec<i64> = Vec::new();
    let mut mentions: HashMap<i64, Vec<Mention>> = HashMap::new();
    for (entity, _, m) in parts.mentions {
        let list = mentions.entry(entity).or_insert_with(|| {
            order.push(entity);
            Vec::new()
        });
        list.push(Mention {
            span: span(m.at)?,
            kind: m.kind,
            metonym: m.metonym,
        });
    }
    for id in order {
        let info = entities
            .get(&id)
            .ok_or_else(|| format!("entity {id} is not in the entities table"))?;
        doc.entities.push(Entity {
            id: local(id),
            name: info.name.clone(),
            etype: info.etype,
            subtype: info.subtype.clone(),
            key: info.key.clone(),
            mentions: mentions.remove(&id).unwrap_or_default(),
        });
    }
    let known = |id: Option<i64>| -> Option<String> {
        id.filter(|id| entities.contains_key(id)).map(local)
    };

    parts.quotes.sort_by_key(|(id, _)| *id);
    let quote_index: HashMap<i64, usize> = parts
        .quotes
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    for (_, q) in parts.quotes {
        let speaker = (q.speaker_entity.is_some()
            || q.speaker.is_some()
            || q.speaker_at.is_some()
            || q.description.is_some()
            || q.anonymous
            || !q.others.is_empty())
        .then(|| -> Result<Speaker, String> {
            Ok(Speaker {
                entity: known(q.speaker_entity),
                name: q.speaker,
                span: q.speaker_at.map(span).transpose()?,
                description: q.description,
                anonymous: q.anonymous,
                others: q
                    .others
                    .into_iter()
                    .map(|o| -> Result<CoSpeaker, String> {
                        Ok(CoSpeaker {
                            entity: known(o.entity),
                            name: o.name.or_else(|| {
                                o.entity
                                    .and_then(|id| entities.get(&id))
                                    .map(|i| i.name.clone())
                            }),
                            span: o.at.map(span).transpose()?,
                        })
                    })
                    .collect::<Result<_, _>>()?,
            })
        })
        .transpose()?;
        let cue = q.cue.map(span).transpose()?;
        doc.quotes.push(if q.parts.is_empty() {
            Quote::whole(span(q.at)?, q.kind, speaker, cue)
        } else {
            let parts = q
                .parts
                .into_iter()
                .map(span)
                .collect::<Result<Vec<_>, _>>()?;
            Quote::in_parts(parts, q.kind, speaker, cue)
        });
    }

    parts.timexes.sort_by_key(|(id, _)| *id);
    let timex_index: HashMap<i64, usize> = parts
        .timexes
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    for (_, t) in parts.timexes {
        doc.timexes.push(Timex {
            span: span(t.at)?,
            ttype: t.ttype,
            value: t.value,
        });
    }

    parts.events.sort_by_key(|(id, _)| *id);
    for (_, e) in parts.events {
        let actor = |a: ActorRow| -> Option<Actor> {
            let entity = known(a.entity);
            let name = a.name.or_else(|| {
                a.entity
                    .and_then(|id| entities.get(&id))
                    .map(|i| i.name.clone())
            })?;
            Some(Actor {
                entity,
                name,
                country: a.country,
                sector: a.sector,
            })
        };
        doc.events.push(Event {
            etype: e.etype,
            mode: e.mode,
            cameo: e.cameo,
            span: span(e.at)?,
            trigger: e.trigger.map(span).transpose()?,
            source: actor(e.source),
            target: actor(e.target),
            place: actor(e.place),
            date: e.date.map(|value| EventDate {
                value,
                timex: e.date_timex.and_then(|id| timex_index.get(&id).copied()),
                from_publication: e.date_from_publication,
            }),
            modality: e.modality,
            quote: e.quote.and_then(|id| quote_index.get(&id).copied()),
        });
    }
    Ok(())
}

//! An annotated document as rows of every table, with batch ids
//! ([`crate::ids`]): what the Spark job writes for each article.
//!
//! The rows are those the store's export would give for the same document
//! stored alone, but for the ids and for two tables: an `entities` row here
//! is one entity *in this article* (`mentions` counts its mentions here,
//! `articles` is 1), and an `aliases` row one alias in this article (`count`
//! 1); a batch job sums them per entity (and alias) across articles, taking
//! the longest name, as the store does. Aliases are the entity's name and
//! the text of its name mentions, as the store keeps them. Two entities of
//! the document with one key make one row (their mentions together), since
//! they are one entity in a store.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Value, json};
use tidings_model::offsets::CharIndex;
use tidings_model::{Actor, Document, MentionKind, Span};

use crate::TableError;
use crate::ids::{article_id, content_hash, entity_id};
use crate::schema::Table;

/// Emit the rows of `doc` (articles first, one row each time) and return
/// the article's id. `source` is where it came from (a file, a WARC record),
/// `ingested_at` an RFC 3339 time.
pub fn document_rows(
    doc: &Document,
    source: &str,
    ingested_at: &str,
    emit: &mut dyn FnMut(Table, Vec<Value>) -> Result<(), TableError>,
) -> Result<i64, TableError> {
    let hash = content_hash(&doc.text);
    let article = article_id(&hash);
    let ci = CharIndex::new(&doc.text);
    let slice = |s: Span| -> Result<&str, TableError> {
        doc.text
            .get(s.start..s.end)
            .ok_or_else(|| TableError::Article {
                article,
                why: format!(
                    "span {}..{} does not fit its text of {} bytes",
                    s.start,
                    s.end,
                    doc.text.len()
                ),
            })
    };
    let cp = |s: Span| (ci.to_char(s.start) as i64, ci.to_char(s.end) as i64);
    let m = &doc.meta;
    let day = m.published_date().map(|d| d.to_string());
    emit(
        Table::Articles,
        vec![
            json!(article),
            json!(doc.id),
            json!(hash),
            json!(m.url),
            json!(m.title),
            json!(m.site),
            json!(m.published),
            json!(m.authors),
            json!(m.language),
            json!(source),
            json!(ingested_at),
            json!(doc.text),
        ],
    )?;

    // One row per entity key in this article: two document entities with
    // one key (the resolver may leave such a pair) are one store entity.
    let mut entities: HashMap<&str, i64> = HashMap::new();
    let mut keys: Vec<(&str, Vec<&tidings_model::Entity>)> = Vec::new();
    for e in &doc.entities {
        entities.insert(e.id.as_str(), entity_id(&e.key));
        match keys.iter_mut().find(|(k, _)| *k == e.key) {
            Some((_, group)) => group.push(e),
            None => keys.push((e.key.as_str(), vec![e])),
        }
    }
    let mut mention_no = 0i64;
    for (key, group) in &keys {
        let id = entity_id(key);
        let first = group[0];
        let name = group
            .iter()
            .map(|e| e.name.as_str())
            .fold("", |best, n| if n.len() > best.len() { n } else { best });
        let subtype = group.iter().find_map(|e| e.subtype.clone());
        let mentions: usize = group.iter().map(|e| e.mentions.len()).sum();
        emit(
            Table::Entities,
            vec![
                json!(id),
                json!(key),
                json!(name),
                json!(first.etype.as_str()),
                json!(subtype),
                json!(mentions),
                json!(1),
            ],
        )?;
        let mut aliases: Vec<&str> = Vec::new();
        for e in group {
            aliases.push(e.name.as_str());
            for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
                aliases.push(slice(m.span)?);
            }
        }
        aliases.sort_unstable();
        aliases.dedup();
        for a in aliases.into_iter().filter(|a| !a.trim().is_empty()) {
            emit(Table::Aliases, vec![json!(id), json!(a), json!(1)])?;
        }
        for m in group.iter().flat_map(|e| &e.mentions) {
            let (s, t) = cp(m.span);
            emit(
                Table::Mentions,
                vec![
                    json!(mention_no),
                    json!(article),
                    json!(id),
                    json!(s),
                    json!(t),
                    json!(slice(m.span)?),
                    json!(label(&m.kind)),
                    json!(m.metonym),
                ],
            )?;
            mention_no += 1;
        }
    }
    let entity = |local: Option<&String>| local.and_then(|l| entities.get(l.as_str()).copied());

    for (i, q) in doc.quotes.iter().enumerate() {
        let (s, t) = cp(q.span);
        let sp = q.speaker.as_ref();
        let sp_span = sp.and_then(|s| s.span).map(cp);
        let cue = q.cue.map(cp);
        let mut words = Vec::with_capacity(q.parts().len());
        for &p in q.parts() {
            words.push(slice(p)?);
        }
        let parts: Vec<[i64; 2]> = q
            .parts()
            .iter()
            .map(|&p| {
                let (a, b) = cp(p);
                [a, b]
            })
            .collect();
        let others: Vec<Value> = sp
            .map(|s| &s.others[..])
            .unwrap_or_default()
            .iter()
            .map(|o| {
                let at = o.span.map(cp);
                json!({
                    "entity": entity(o.entity.as_ref()),
                    "name": o.name,
                    "start": at.map(|x| x.0),
                    "end": at.map(|x| x.1),
                })
            })
            .collect();
        emit(
            Table::Quotes,
            vec![
                json!(i),
                json!(article),
                json!(s),
                json!(t),
                json!(words.join(" ")),
                json!(label(&q.kind)),
                json!(entity(sp.and_then(|s| s.entity.as_ref()))),
                json!(sp.and_then(|s| s.name.clone())),
                json!(sp_span.map(|x| x.0)),
                json!(sp_span.map(|x| x.1)),
                json!(cue.map(|x| x.0)),
                json!(cue.map(|x| x.1)),
                json!(day),
                json!(parts),
                json!(sp.and_then(|s| s.description.clone())),
                json!(sp.is_some_and(|s| s.anonymous)),
                if others.is_empty() {
                    Value::Null
                } else {
                    Value::Array(others)
                },
            ],
        )?;
    }

    for (i, t) in doc.timexes.iter().enumerate() {
        let (s, e) = cp(t.span);
        emit(
            Table::Timexes,
            vec![
                json!(i),
                json!(article),
                json!(s),
                json!(e),
                json!(slice(t.span)?),
                json!(t.ttype.as_str()),
                json!(t.value),
            ],
        )?;
    }

    for (i, ev) in doc.events.iter().enumerate() {
        let (s, e) = cp(ev.span);
        let trig = ev.trigger.map(cp);
        let actor = |a: &Option<Actor>| {
            (
                json!(entity(a.as_ref().and_then(|a| a.entity.as_ref()))),
                json!(a.as_ref().map(|a| a.name.clone())),
            )
        };
        let (src_e, src_n) = actor(&ev.source);
        let (tgt_e, tgt_n) = actor(&ev.target);
        let (plc_e, plc_n) = actor(&ev.place);
        let date = ev.date.as_ref();
        let ev_day = date
            .and_then(|d| tidings_model::meta::parse_iso_date(&d.value))
            .map(|d| d.to_string())
            .or_else(|| day.clone());
        let in_range = |i: Option<usize>, n: usize| i.filter(|&i| i < n);
        emit(
            Table::Events,
            vec![
                json!(i),
                json!(article),
                json!(ev.etype),
                json!(ev.mode),
                json!(ev.cameo),
                json!(s),
                json!(e),
                json!(slice(ev.span)?),
                json!(trig.map(|x| x.0)),
                json!(trig.map(|x| x.1)),
                src_e,
                src_n,
                tgt_e,
                tgt_n,
                plc_e,
                plc_n,
                json!(date.map(|d| d.value.clone())),
                json!(in_range(date.and_then(|d| d.timex), doc.timexes.len())),
                json!(date.is_some_and(|d| d.from_publication)),
                json!(ev_day),
                json!(label(&ev.modality)),
                json!(in_range(ev.quote, doc.quotes.len())),
                json!(ev.source.as_ref().and_then(|a| a.country.clone())),
                json!(ev.source.as_ref().and_then(|a| a.sector.clone())),
                json!(ev.target.as_ref().and_then(|a| a.country.clone())),
                json!(ev.target.as_ref().and_then(|a| a.sector.clone())),
            ],
        )?;
    }
    Ok(article)
}

/// The serde name of a unit enum variant (`QuoteKind::Direct` -> `direct`).
pub(crate) fn label<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

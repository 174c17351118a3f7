//! Queries: paged, bounded, newest first.
//!
//! Text filters go through FTS5 ([`fts_query`] turns a user's words into a
//! safe FTS5 expression: every word quoted, all required). Lists are ordered
//! by date, newest first (for articles and quotes that is id order, see
//! [`crate::schema`]); pages fetch one row more than asked to
//! know whether another page follows, so no query counts all its matches.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use crate::records::*;
use crate::{ArticleQuery, EntityQuery, EventQuery, Page, QuoteQuery, StoreError};

/// Entities, quotes and events listed on an entity's page.
const DETAIL_ROWS: u32 = 20;
/// Events per side (as source, as target) from which co-actors are counted.
const CO_ACTOR_EVENTS: u32 = 2000;

/// An FTS5 query requiring every word of `input`; `prefix` lets the last
/// word match as a prefix (for type-ahead). `None` when there are no words.
pub(crate) fn fts_query(input: &str, prefix: bool) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let n = words.len();
    if n == 0 {
        return None;
    }
    let parts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if prefix && i + 1 == n {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            }
        })
        .collect();
    Some(parts.join(" AND "))
}

/// SQL `WHERE` clauses and their parameters, built up filter by filter.
#[derive(Default)]
struct Filter {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Filter {
    fn add(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.to_string());
        self.params.extend(values);
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    fn dates(
        &mut self,
        column: &str,
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) {
        if let Some(d) = from {
            self.add(&format!("{column} >= ?"), [Value::Text(d.to_string())]);
        }
        if let Some(d) = to {
            self.add(&format!("{column} <= ?"), [Value::Text(d.to_string())]);
        }
    }
}

/// Constrain a date-sorted id column (articles, quotes) to a date range.
fn id_dates(
    f: &mut Filter,
    column: &str,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) {
    use crate::write::{DAY_SPAN, day_base};
    if let Some(d) = from {
        f.add(
            &format!("{column} >= ?"),
            [Value::Integer(day_base(Some(d)))],
        );
    }
    if let Some(d) = to {
        f.add(
            &format!("{column} < ?"),
            [Value::Integer(day_base(Some(d)) + DAY_SPAN)],
        );
    }
}

/// Ids of entities with a name or alias matching all `words`.
const ENTITIES_NAMED: &str = "SELECT entity FROM entity_aliases WHERE id IN \
     (SELECT rowid FROM aliases_fts WHERE aliases_fts MATCH ?)";

/// A page in two steps: the ids (`ids_sql`, ending `LIMIT ? OFFSET ?`, cheap
/// on indexes alone), then each row by id (`row_sql`, one `?1`), so that only
/// the rows shown are read in full.
fn paged<T>(
    conn: &Connection,
    ids_sql: &str,
    mut filter: Filter,
    page: Page,
    row_sql: &str,
    mut map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Paged<T>, StoreError> {
    filter.params.push(Value::Integer(page.limit as i64 + 1));
    filter.params.push(Value::Integer(page.offset as i64));
    let mut ids = conn
        .prepare_cached(ids_sql)?
        .query_map(params_from_iter(filter.params.iter()), |r| {
            r.get::<_, i64>(0)
        })?
        .collect::<Result<Vec<i64>, _>>()?;
    let more = ids.len() > page.limit as usize;
    ids.truncate(page.limit as usize);
    let mut stmt = conn.prepare_cached(row_sql)?;
    let mut items = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(item) = stmt.query_row([id], &mut map).optional()? {
            items.push(item);
        }
    }
    Ok(Paged {
        items,
        limit: page.limit,
        offset: page.offset,
        next_offset: more.then_some(page.offset + page.limit),
    })
}

pub(crate) fn find_content(conn: &Connection, hash: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([hash], |r| r.get(0))
        .optional()?)
}

pub(crate) fn stats(conn: &Connection) -> Result<Stats, StoreError> {
    let count = |table: &str| -> Result<i64, StoreError> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    Ok(Stats {
        schema_version: crate::schema::version(conn)?,
        articles: count("articles")?,
        entities: count("entities")?,
        mentions: count("mentions")?,
        quotes: count("quotes")?,
        timexes: count("timexes")?,
        events: count("events")?,
    })
}

// ---------------------------------------------------------------- articles

const ARTICLE_COLS: &str =
    "a.id, a.doc_id, a.title, a.url, a.site, a.published, a.authors, a.language, a.text";

fn article_summary(r: &Row, words: &[String]) -> rusqlite::Result<ArticleSummary> {
    let authors: String = r.get(6)?;
    let text: String = r.get(8)?;
    Ok(ArticleSummary {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        title: r.get(2)?,
        url: r.get(3)?,
        site: r.get(4)?,
        published: r.get(5)?,
        authors: serde_json::from_str(&authors).unwrap_or_default(),
        language: r.get(7)?,
        snippet: snippet(&text, words),
    })
}

/// About 240 characters of `text`: around the first of `words` found, else
/// the opening.
pub(crate) fn snippet(text: &str, words: &[String]) -> String {
    const WIDTH: usize = 240;
    let lower = text.to_lowercase();
    let hit = if lower.len() == text.len() {
        words.iter().filter_map(|w| lower.find(w.as_str())).min()
    } else {
        None
    };
    let start = match hit {
        Some(b) => {
            let mut s = b.saturating_sub(WIDTH / 3);
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            match text[s..b].find(char::is_whitespace) {
                Some(ws) if s > 0 => s + ws + 1,
                _ => s,
            }
        }
        None => 0,
    };
    let start = text.len() - text[start..].trim_start().len();
    let body: String = text[start..].chars().take(WIDTH).collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(body.trim_end());
    if start + body.len() < text.len() {
        out.push('…');
    }
    out
}

pub(crate) fn words_of(q: Option<&str>) -> Vec<String> {
    q.unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

pub(crate) fn articles(
    conn: &Connection,
    q: &ArticleQuery,
    page: Page,
) -> Result<Paged<ArticleSummary>, StoreError> {
    let mut f = Filter::default();
    let ids_sql = match q.q.as_deref().and_then(|s| fts_query(s, false)) {
        Some(m) => {
            f.add("articles_fts MATCH ?", [Value::Text(m)]);
            id_dates(&mut f, "f.rowid", q.from, q.to);
            format!(
                "SELECT f.rowid FROM articles_fts f {} ORDER BY f.rowid DESC LIMIT ? OFFSET ?",
                f.sql()
            )
        }
        None => {
            id_dates(&mut f, "a.id", q.from, q.to);
            format!(
                "SELECT a.id FROM articles a {} ORDER BY a.id DESC LIMIT ? OFFSET ?",
                f.sql()
            )
        }
    };
    let words = words_of(q.q.as_deref());
    let row_sql = format!("SELECT {ARTICLE_COLS} FROM articles a WHERE a.id = ?1");
    paged(conn, &ids_sql, f, page, &row_sql, |r| {
        article_summary(r, &words)
    })
}

pub(crate) fn article(conn: &Connection, id: i64) -> Result<Option<ArticleDetail>, StoreError> {
    let sql = format!(
        "SELECT {ARTICLE_COLS}, a.source, a.content_hash, a.ingested_at FROM articles a WHERE a.id = ?1"
    );
    let Some((summary, source, content_hash, ingested_at, text)) = conn
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            Ok((
                article_summary(r, &[])?,
                r.get::<_, String>(9)?,
                r.get::<_, String>(10)?,
                r.get::<_, String>(11)?,
                r.get::<_, String>(8)?,
            ))
        })
        .optional()?
    else {
        return Ok(None);
    };

    let mut entities: Vec<ArticleEntity> = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.key, e.name, e.etype, e.subtype, m.start, m.end, m.kind, m.metonym
         FROM mentions m JOIN entities e ON e.id = m.entity
         WHERE m.article = ?1 ORDER BY m.entity, m.start",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let eid: i64 = r.get(0)?;
        if entities.last().is_none_or(|e| e.id != eid) {
            entities.push(ArticleEntity {
                id: eid,
                key: r.get(1)?,
                name: r.get(2)?,
                etype: r.get(3)?,
                subtype: r.get(4)?,
                mentions: Vec::new(),
            });
        }
        if let Some(e) = entities.last_mut() {
            e.mentions.push(MentionRow {
                start: r.get(5)?,
                end: r.get(6)?,
                kind: r.get(7)?,
                metonym: r.get(8)?,
            });
        }
    }

    let quotes = conn
        .prepare_cached(&format!(
            "SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article
             WHERE q.article = ?1 ORDER BY q.start"
        ))?
        .query_map([id], quote_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let timexes = conn
        .prepare_cached(
            "SELECT id, article, start, end, text, type, value FROM timexes
             WHERE article = ?1 ORDER BY start",
        )?
        .query_map([id], |r| {
            Ok(TimexRow {
                id: r.get(0)?,
                article: r.get(1)?,
                start: r.get(2)?,
                end: r.get(3)?,
                text: r.get(4)?,
                ttype: r.get(5)?,
                value: r.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let events = conn
        .prepare_cached(&format!(
            "SELECT {EVENT_COLS} FROM events ev JOIN articles a ON a.id = ev.article
             WHERE ev.article = ?1 ORDER BY ev.start, ev.id"
        ))?
        .query_map([id], event_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(ArticleDetail {
        summary,
        source,
        content_hash,
        ingested_at,
        text,
        entities,
        quotes,
        timexes,
        events,
    }))
}

// ------------------------------------------------------------------ quotes

const QUOTE_COLS: &str = "q.id, q.article, a.title, a.published, q.start, q.end, q.text, q.kind, \
     q.speaker_entity, q.speaker, q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, \
     q.parts, q.speaker_description, q.anonymous, q.speaker_others";

fn quote_row(r: &Row) -> rusqlite::Result<QuoteRow> {
    let speaker_entity: Option<i64> = r.get(8)?;
    let speaker_name: Option<String> = r.get(9)?;
    let speaker_start: Option<i64> = r.get(10)?;
    let description: Option<String> = r.get(15)?;
    let anonymous: bool = r.get(16)?;
    let speaker = (speaker_entity.is_some()
        || speaker_name.is_some()
        || speaker_start.is_some()
        || description.is_some()
        || anonymous)
        .then(|| -> rusqlite::Result<SpeakerRow> {
            Ok(SpeakerRow {
                entity: speaker_entity,
                name: speaker_name,
                start: speaker_start,
                end: r.get(11)?,
                description,
                anonymous,
                others: others_from_json(r.get::<_, Option<String>>(17)?.as_deref()),
            })
        })
        .transpose()?;
    let cue = match (r.get::<_, Option<i64>>(12)?, r.get::<_, Option<i64>>(13)?) {
        (Some(start), Some(end)) => Some(Range { start, end }),
        _ => None,
    };
    let (start, end) = (r.get(4)?, r.get(5)?);
    Ok(QuoteRow {
        id: r.get(0)?,
        article: r.get(1)?,
        article_title: r.get(2)?,
        published: r.get(3)?,
        start,
        end,
        parts: parts_from_json(r.get::<_, Option<String>>(14)?.as_deref(), start, end),
        text: r.get(6)?,
        kind: r.get(7)?,
        speaker,
        cue,
    })
}

pub(crate) fn quotes(
    conn: &Connection,
    q: &QuoteQuery,
    page: Page,
) -> Result<Paged<QuoteRow>, StoreError> {
    let mut f = Filter::default();
    // With words, walk the full-text index newest first; else the table.
    // `member` is how other filters test the id: on the FTS walk, `+f.rowid`
    // keeps SQLite from turning a set into one FTS lookup per member.
    let (from, key, member) = match q.q.as_deref().and_then(|s| fts_query(s, false)) {
        Some(m) => {
            f.add("quotes_fts MATCH ?", [Value::Text(format!("text : ({m})"))]);
            ("quotes_fts f", "f.rowid", "+f.rowid")
        }
        None => ("quotes q", "q.id", "q.id"),
    };
    if let Some(m) = q.speaker.as_deref().and_then(|s| fts_query(s, false)) {
        // Resolved speakers by any alias of their entity; unresolved ones by
        // the attributing phrase.
        f.add(
            &format!(
                "{member} IN (SELECT id FROM quotes WHERE speaker_entity IN ({ENTITIES_NAMED}) \
                 UNION ALL SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
            ),
            [
                Value::Text(m.clone()),
                Value::Text(format!("speaker : ({m})")),
            ],
        );
    }
    if let Some(e) = q.speaker_entity {
        f.add(
            &format!("{member} IN (SELECT id FROM quotes WHERE speaker_entity = ?)"),
            [Value::Integer(e)],
        );
    }
    if let Some(anonymous) = q.anonymous {
        let not = if anonymous { "" } else { "NOT " };
        f.add(
            &format!("{member} {not}IN (SELECT id FROM quotes WHERE anonymous = 1)"),
            [],
        );
    }
    id_dates(&mut f, key, q.from, q.to);
    let ids_sql = format!(
        "SELECT {key} FROM {from} {} ORDER BY {key} DESC LIMIT ? OFFSET ?",
        f.sql()
    );
    let row_sql = format!(
        "SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article WHERE q.id = ?1"
    );
    paged(conn, &ids_sql, f, page, &row_sql, quote_row)
}

// ---------------------------------------------------------------- entities

const ENTITY_COLS: &str =
    "e.id, e.key, e.name, e.etype, e.subtype, e.mention_count, e.article_count";

fn entity_row(r: &Row) -> rusqlite::Result<EntitySummary> {
    Ok(EntitySummary {
        id: r.get(0)?,
        key: r.get(1)?,
        name: r.get(2)?,
        etype: r.get(3)?,
        subtype: r.get(4)?,
        mentions: r.get(5)?,
        articles: r.get(6)?,
    })
}

pub(crate) fn entities(
    conn: &Connection,
    q: &EntityQuery,
    page: Page,
) -> Result<Paged<EntitySummary>, StoreError> {
    let mut f = Filter::default();
    if let Some(m) = q.q.as_deref().and_then(|s| fts_query(s, true)) {
        f.add(&format!("e.id IN ({ENTITIES_NAMED})"), [Value::Text(m)]);
    }
    if let Some(t) = q.etype.as_deref() {
        f.add("e.etype = ?", [Value::Text(t.to_ascii_uppercase())]);
    }
    let ids_sql = format!(
        "SELECT e.id FROM entities e {} ORDER BY e.mention_count DESC, e.id LIMIT ? OFFSET ?",
        f.sql()
    );
    let row_sql = format!("SELECT {ENTITY_COLS} FROM entities e WHERE e.id = ?1");
    paged(conn, &ids_sql, f, page, &row_sql, entity_row)
}

pub(crate) fn entity(conn: &Connection, id: i64) -> Result<Option<EntityDetail>, StoreError> {
    let Some(summary) = conn
        .prepare_cached(&format!(
            "SELECT {ENTITY_COLS} FROM entities e WHERE e.id = ?1"
        ))?
        .query_row([id], entity_row)
        .optional()?
    else {
        return Ok(None);
    };
    let aliases = conn
        .prepare_cached(
            "SELECT alias, count FROM entity_aliases WHERE entity = ?1
             ORDER BY count DESC, alias LIMIT 50",
        )?
        .query_map([id], |r| {
            Ok(Alias {
                name: r.get(0)?,
                count: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let quotes_by_month = conn
        .prepare_cached(
            "SELECT coalesce(substr(published_date, 1, 7), 'unknown') AS m, count(*)
             FROM quotes WHERE speaker_entity = ?1 GROUP BY m ORDER BY m",
        )?
        .query_map([id], |r| {
            Ok(MonthCount {
                month: r.get(0)?,
                count: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut met: BTreeMap<(Option<i64>, String), i64> = BTreeMap::new();
    // Among the entity's latest events on each side, so that the work per
    // request stays bounded however famous the entity is.
    for (me, other, other_name) in [
        ("source_entity", "target_entity", "target_name"),
        ("target_entity", "source_entity", "source_name"),
    ] {
        let sql = format!(
            "SELECT ev.{other}, coalesce(o.name, ev.{other_name}) FROM
                 (SELECT {other}, {other_name} FROM events WHERE {me} = ?1
                  ORDER BY day DESC LIMIT {CO_ACTOR_EVENTS}) AS ev
             LEFT JOIN entities o ON o.id = ev.{other}
             WHERE coalesce(ev.{other}, -1) != ?1 AND coalesce(o.name, ev.{other_name}) IS NOT NULL"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params![id])?;
        while let Some(r) = rows.next()? {
            *met.entry((r.get(0)?, r.get(1)?)).or_default() += 1;
        }
    }
    let co_actors = CoActor::ranked(met);
    let page = Page::new(DETAIL_ROWS, 0);
    let quotes = quotes(
        conn,
        &QuoteQuery {
            speaker_entity: Some(id),
            ..Default::default()
        },
        page,
    )?
    .items;
    let events = events(
        conn,
        &EventQuery {
            actor_entity: Some(id),
            ..Default::default()
        },
        page,
    )?
    .items;
    Ok(Some(EntityDetail {
        summary,
        aliases,
        quotes_by_month,
        quotes,
        co_actors,
        events,
    }))
}

// ------------------------------------------------------------------ events

const EVENT_COLS: &str = "ev.id, ev.article, a.title, ev.type, ev.mode, ev.cameo, ev.start, ev.end, \
     ev.text, ev.trigger_start, ev.trigger_end, ev.source_entity, ev.source_name, \
     ev.target_entity, ev.target_name, ev.place_entity, ev.place_name, ev.date, \
     ev.date_from_publication, ev.day, ev.modality, ev.quote, ev.source_country, \
     ev.source_sector, ev.target_country, ev.target_sector";

fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    let actor = |e: usize, n: usize, codes: Option<usize>| -> rusqlite::Result<Option<ActorRow>> {
        let entity: Option<i64> = r.get(e)?;
        let name: Option<String> = r.get(n)?;
        let (country, sector) = match codes {
            Some(c) => (r.get(c)?, r.get(c + 1)?),
            None => (None, None),
        };
        Ok(name.map(|name| ActorRow {
            entity,
            name,
            country,
            sector,
        }))
    };
    let trigger = match (r.get::<_, Option<i64>>(9)?, r.get::<_, Option<i64>>(10)?) {
        (Some(start), Some(end)) => Some(Range { start, end }),
        _ => None,
    };
    Ok(EventRow {
        id: r.get(0)?,
        article: r.get(1)?,
        article_title: r.get(2)?,
        etype: r.get(3)?,
        mode: r.get(4)?,
        cameo: r.get(5)?,
        start: r.get(6)?,
        end: r.get(7)?,
        text: r.get(8)?,
        trigger,
        source: actor(11, 12, Some(22))?,
        target: actor(13, 14, Some(24))?,
        place: actor(15, 16, None)?,
        date: r.get(17)?,
        date_from_publication: r.get(18)?,
        day: r.get(19)?,
        modality: r.get(20)?,
        quote: r.get(21)?,
    })
}

/// Events whose source or target carries the asked country and sector
/// (both of the same actor when both are asked).
fn actor_codes(f: &mut Filter, prefix: &str, q: &EventQuery) {
    let codes: Vec<(&str, String)> = [("country", &q.country), ("sector", &q.sector)]
        .into_iter()
        .filter_map(|(col, v)| v.as_deref().map(|v| (col, v.trim().to_ascii_uppercase())))
        .collect();
    if codes.is_empty() {
        return;
    }
    let side = |role: &str| {
        codes
            .iter()
            .map(|(col, _)| format!("{prefix}{role}_{col} = ?"))
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    let values: Vec<Value> = codes.iter().map(|(_, v)| Value::Text(v.clone())).collect();
    f.add(
        &format!("(({}) OR ({}))", side("source"), side("target")),
        values.iter().cloned().chain(values.iter().cloned()),
    );
}

pub(crate) fn events(
    conn: &Connection,
    q: &EventQuery,
    page: Page,
) -> Result<Paged<EventRow>, StoreError> {
    let mut f = Filter::default();
    // The actor's entities: one id, or every entity named by the words.
    let actor: Option<(String, Value)> = match (q.actor_entity, q.actor.as_deref()) {
        (Some(e), _) => Some(("= ?".into(), Value::Integer(e))),
        (None, Some(words)) => {
            fts_query(words, false).map(|m| (format!("IN ({ENTITIES_NAMED})"), Value::Text(m)))
        }
        (None, None) => None,
    };
    let ids_sql = match actor {
        // Each side read from its covering index (entity, day, type), so no
        // event row is touched until the page is known.
        Some((set, value)) => {
            let mut side = Filter::default();
            side.dates("day", q.from, q.to);
            actor_codes(&mut side, "", q);
            if let Some(t) = q.etype.as_deref() {
                // `+type`: filter on the entity index, not through the type index.
                side.add("+type = ?", [Value::Text(t.to_ascii_uppercase())]);
            }
            let extra: String = side.clauses.iter().map(|c| format!(" AND {c}")).collect();
            for _ in 0..2 {
                f.params.push(value.clone());
                f.params.extend(side.params.iter().cloned());
            }
            format!(
                "SELECT id FROM (SELECT id, day FROM events WHERE source_entity {set}{extra} \
                 UNION SELECT id, day FROM events WHERE target_entity {set}{extra}) \
                 ORDER BY day DESC, id DESC LIMIT ? OFFSET ?"
            )
        }
        None => {
            if let Some(t) = q.etype.as_deref() {
                f.add("ev.type = ?", [Value::Text(t.to_ascii_uppercase())]);
            }
            f.dates("ev.day", q.from, q.to);
            actor_codes(&mut f, "ev.", q);
            format!(
                "SELECT ev.id FROM events ev {} ORDER BY ev.day DESC, ev.id DESC LIMIT ? OFFSET ?",
                f.sql()
            )
        }
    };
    let row_sql = format!(
        "SELECT {EVENT_COLS} FROM events ev JOIN articles a ON a.id = ev.article WHERE ev.id = ?1"
    );
    paged(conn, &ids_sql, f, page, &row_sql, event_row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_quote_every_word() {
        assert_eq!(
            fts_query("Keir Starmer's", false).as_deref(),
            Some("\"keir\" AND \"starmer\" AND \"s\"")
        );
        assert_eq!(
            fts_query("NOT OR \"*", true),
            Some("\"not\" AND \"or\"*".into())
        );
        assert_eq!(fts_query(" -- ", false), None);
    }

    #[test]
    fn snippets_open_near_the_first_hit() {
        let text = format!("{} sanctions were lifted today.", "word ".repeat(100));
        let s = snippet(&text, &["sanctions".into()]);
        assert!(
            s.starts_with('…') && s.contains("sanctions were lifted"),
            "{s}"
        );
        assert_eq!(snippet("Short text.", &[]), "Short text.");
    }
}

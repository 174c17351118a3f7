//! Queries on PostgreSQL: the same pages as the SQLite store's.
//!
//! Text filters use the `tsvector` columns and their GIN indexes: searches of
//! articles and quotes go through `websearch_to_tsquery` (so "quoted phrases",
//! `or` and `-word` work, and no input is a syntax error); names are matched
//! word by word with the last word as a prefix ([`names_query`]). Lists are
//! newest first (id order for articles and quotes, see [`super::schema`]);
//! pages fetch one row more than asked to know whether another follows, then
//! read only the rows shown, by id.

use std::collections::{BTreeMap, HashMap};

use postgres::Row;
use postgres::types::ToSql;

use super::Conn;
use crate::read::{snippet, words_of};
use crate::records::*;
use crate::write::{DAY_SPAN, day_base};
use crate::{ArticleQuery, EntityQuery, EventQuery, Page, QuoteQuery, StoreError};

/// Entities, quotes and events listed on an entity's page.
const DETAIL_ROWS: u32 = 20;
/// Events per side (as source, as target) from which co-actors are counted.
const CO_ACTOR_EVENTS: i64 = 2000;

/// A `tsquery` (for the `tidings_names` configuration) requiring every word
/// of `input`, the last one as a prefix when `prefix`. Words are runs of
/// letters and digits, so nothing in the input is query syntax. `None` when
/// there are no words.
pub(crate) fn names_query(input: &str, prefix: bool) -> Option<String> {
    let words = words_of(Some(input));
    let n = words.len();
    if n == 0 {
        return None;
    }
    let parts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if prefix && i + 1 == n {
                format!("'{w}':*")
            } else {
                format!("'{w}'")
            }
        })
        .collect();
    Some(parts.join(" & "))
}

/// The user's search text, when it has any words.
fn search_text(q: Option<&str>) -> Option<String> {
    q.filter(|s| !words_of(Some(s)).is_empty())
        .map(String::from)
}

/// Ids of entities with a name or alias matching the names query `$p`.
fn entities_named(p: &str) -> String {
    format!("SELECT entity FROM entity_aliases WHERE tsv @@ to_tsquery('tidings_names', {p})")
}

/// The ids of the entities a names query finds (looked up before the main
/// query, so that its plan is made for the actual number of entities).
fn named_entities(conn: &mut Conn, names: &str) -> Result<Vec<i64>, StoreError> {
    Ok(conn
        .query(&entities_named("$1"), &[&names])?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

/// `WHERE` clauses and their numbered parameters, built filter by filter.
#[derive(Default)]
struct Sql {
    clauses: Vec<String>,
    params: Vec<Box<dyn ToSql + Sync>>,
}

impl Sql {
    /// Add a parameter; returns its placeholder (`$n`).
    fn bind(&mut self, v: impl ToSql + Sync + 'static) -> String {
        self.params.push(Box::new(v));
        format!("${}", self.params.len())
    }

    fn add(&mut self, clause: String) {
        self.clauses.push(clause);
    }

    fn where_sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    fn refs(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.params.iter().map(|p| p.as_ref() as _).collect()
    }

    /// Constrain a date-sorted id column (articles, quotes) to a date range.
    fn id_dates(
        &mut self,
        column: &str,
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) {
        if let Some(d) = from {
            let p = self.bind(day_base(Some(d)));
            self.add(format!("{column} >= {p}"));
        }
        if let Some(d) = to {
            let p = self.bind(day_base(Some(d)) + DAY_SPAN);
            self.add(format!("{column} < {p}"));
        }
    }

    /// Constrain an ISO date text column to a date range.
    fn dates(
        &mut self,
        column: &str,
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) {
        if let Some(d) = from {
            let p = self.bind(d.to_string());
            self.add(format!("{column} >= {p}"));
        }
        if let Some(d) = to {
            let p = self.bind(d.to_string());
            self.add(format!("{column} <= {p}"));
        }
    }

    /// A test of an entity column against `ids`: `= $n` for one id (so that
    /// an index on the column returns rows in its order), else `= ANY($n)`.
    fn entity_set(&mut self, mut ids: Vec<i64>) -> String {
        if ids.len() == 1 {
            let p = self.bind(ids.remove(0));
            format!("= {p}")
        } else {
            let p = self.bind(ids);
            format!("= ANY({p})")
        }
    }

    /// The `LIMIT … OFFSET …` of `page`, one row more than asked.
    fn page(&mut self, page: Page) -> String {
        let l = self.bind(i64::from(page.limit) + 1);
        let o = self.bind(i64::from(page.offset));
        format!("LIMIT {l} OFFSET {o}")
    }
}

/// A page in two steps: the ids (`ids_sql` with `sql`'s parameters, cheap on
/// indexes), then the rows shown (`rows_sql`, with `$1` the array of ids),
/// in the order of the ids.
fn paged<T>(
    conn: &mut Conn,
    ids_sql: &str,
    sql: &Sql,
    page: Page,
    rows_sql: &str,
    map: impl Fn(&Row) -> Result<T, StoreError>,
) -> Result<Paged<T>, StoreError> {
    let mut ids: Vec<i64> = conn
        .query(ids_sql, &sql.refs())?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let more = ids.len() > page.limit as usize;
    ids.truncate(page.limit as usize);
    let mut by_id: HashMap<i64, T> = HashMap::new();
    if !ids.is_empty() {
        for r in conn.query(rows_sql, &[&ids])? {
            by_id.insert(r.get(0), map(&r)?);
        }
    }
    Ok(Paged {
        items: ids.iter().filter_map(|id| by_id.remove(id)).collect(),
        limit: page.limit,
        offset: page.offset,
        next_offset: more.then_some(page.offset + page.limit),
    })
}

pub(crate) fn find_content(conn: &mut Conn, hash: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .query_opt("SELECT id FROM articles WHERE content_hash = $1", &[&hash])?
        .map(|r| r.get(0)))
}

pub(crate) fn stats(conn: &mut Conn) -> Result<Stats, StoreError> {
    let r = conn
        .query(
            "SELECT (SELECT coalesce(max(version), 0) FROM schema_version),
                    (SELECT count(*) FROM articles), (SELECT count(*) FROM entities),
                    (SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes),
                    (SELECT count(*) FROM timexes), (SELECT count(*) FROM events)",
            &[],
        )?
        .pop()
        .ok_or(StoreError::Conflict)?;
    Ok(Stats {
        schema_version: r.get(0),
        articles: r.get(1),
        entities: r.get(2),
        mentions: r.get(3),
        quotes: r.get(4),
        timexes: r.get(5),
        events: r.get(6),
    })
}

// ---------------------------------------------------------------- articles

const ARTICLE_COLS: &str =
    "a.id, a.doc_id, a.title, a.url, a.site, a.published, a.authors, a.language, a.text";

fn article_summary(r: &Row, words: &[String]) -> ArticleSummary {
    let authors: String = r.get(6);
    let text: String = r.get(8);
    ArticleSummary {
        id: r.get(0),
        doc_id: r.get(1),
        title: r.get(2),
        url: r.get(3),
        site: r.get(4),
        published: r.get(5),
        authors: serde_json::from_str(&authors).unwrap_or_default(),
        language: r.get(7),
        snippet: snippet(&text, words),
    }
}

pub(crate) fn articles(
    conn: &mut Conn,
    q: &ArticleQuery,
    page: Page,
) -> Result<Paged<ArticleSummary>, StoreError> {
    let mut s = Sql::default();
    if let Some(text) = search_text(q.q.as_deref()) {
        let p = s.bind(text);
        s.add(format!("a.tsv @@ websearch_to_tsquery('tidings', {p})"));
    }
    s.id_dates("a.id", q.from, q.to);
    let ids_sql = format!(
        "SELECT a.id FROM articles a {} ORDER BY a.id DESC {}",
        s.where_sql(),
        s.page(page)
    );
    let words = words_of(q.q.as_deref());
    let rows_sql = format!("SELECT {ARTICLE_COLS} FROM articles a WHERE a.id = ANY($1)");
    paged(conn, &ids_sql, &s, page, &rows_sql, |r| {
        Ok(article_summary(r, &words))
    })
}

pub(crate) fn article(conn: &mut Conn, id: i64) -> Result<Option<ArticleDetail>, StoreError> {
    let sql = format!(
        "SELECT {ARTICLE_COLS}, a.source, a.content_hash, a.ingested_at FROM articles a WHERE a.id = $1"
    );
    let Some(r) = conn.query_opt(&sql, &[&id])? else {
        return Ok(None);
    };
    let summary = article_summary(&r, &[]);

    let mut entities: Vec<ArticleEntity> = Vec::new();
    for r in conn.query(
        "SELECT e.id, e.key, e.name, e.etype, e.subtype, m.start, m.\"end\", m.kind, m.metonym
         FROM mentions m JOIN entities e ON e.id = m.entity
         WHERE m.article = $1 ORDER BY m.entity, m.start",
        &[&id],
    )? {
        let eid: i64 = r.get(0);
        if entities.last().is_none_or(|e| e.id != eid) {
            entities.push(ArticleEntity {
                id: eid,
                key: r.get(1),
                name: r.get(2),
                etype: r.get(3),
                subtype: r.get(4),
                mentions: Vec::new(),
            });
        }
        if let Some(e) = entities.last_mut() {
            e.mentions.push(MentionRow {
                start: r.get(5),
                end: r.get(6),
                kind: r.get(7),
                metonym: r.get(8),
            });
        }
    }
    let quotes = conn
        .query(
            &format!(
                "SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article
                 WHERE q.article = $1 ORDER BY q.start"
            ),
            &[&id],
        )?
        .iter()
        .map(quote_row)
        .collect();
    let timexes = conn
        .query(
            "SELECT id, article, start, \"end\", text, type, value FROM timexes
             WHERE article = $1 ORDER BY start",
            &[&id],
        )?
        .iter()
        .map(|r| TimexRow {
            id: r.get(0),
            article: r.get(1),
            start: r.get(2),
            end: r.get(3),
            text: r.get(4),
            ttype: r.get(5),
            value: r.get(6),
        })
        .collect();
    let events = conn
        .query(
            &format!(
                "SELECT {EVENT_COLS} FROM events ev JOIN articles a ON a.id = ev.article
                 WHERE ev.article = $1 ORDER BY ev.start, ev.id"
            ),
            &[&id],
        )?
        .iter()
        .map(event_row)
        .collect();
    Ok(Some(ArticleDetail {
        summary,
        source: r.get(9),
        content_hash: r.get(10),
        ingested_at: r.get(11),
        text: r.get(8),
        entities,
        quotes,
        timexes,
        events,
    }))
}

// ------------------------------------------------------------------ quotes

const QUOTE_COLS: &str = "q.id, q.article, a.title, a.published, q.start, q.\"end\", q.text, \
     q.kind, q.speaker_entity, q.speaker, q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, \
     q.parts, q.speaker_description, q.anonymous, q.speaker_others";

fn quote_row(r: &Row) -> QuoteRow {
    let speaker_entity: Option<i64> = r.get(8);
    let speaker_name: Option<String> = r.get(9);
    let speaker_start: Option<i64> = r.get(10);
    let description: Option<String> = r.get(15);
    let anonymous: bool = r.get(16);
    let speaker = (speaker_entity.is_some()
        || speaker_name.is_some()
        || speaker_start.is_some()
        || description.is_some()
        || anonymous)
        .then(|| SpeakerRow {
            entity: speaker_entity,
            name: speaker_name,
            start: speaker_start,
            end: r.get(11),
            description,
            anonymous,
            others: others_from_json(r.get::<_, Option<&str>>(17)),
        });
    let cue = match (r.get::<_, Option<i64>>(12), r.get::<_, Option<i64>>(13)) {
        (Some(start), Some(end)) => Some(Range { start, end }),
        _ => None,
    };
    let (start, end) = (r.get(4), r.get(5));
    QuoteRow {
        id: r.get(0),
        article: r.get(1),
        article_title: r.get(2),
        published: r.get(3),
        start,
        end,
        parts: parts_from_json(r.get::<_, Option<&str>>(14), start, end),
        text: r.get(6),
        kind: r.get(7),
        speaker,
        cue,
    }
}

pub(crate) fn quotes(
    conn: &mut Conn,
    q: &QuoteQuery,
    page: Page,
) -> Result<Paged<QuoteRow>, StoreError> {
    let mut s = Sql::default();
    if let Some(text) = search_text(q.q.as_deref()) {
        let p = s.bind(text);
        s.add(format!("q.tsv @@ websearch_to_tsquery('tidings', {p})"));
    }
    if let Some(e) = q.speaker_entity {
        let p = s.bind(e);
        s.add(format!("q.speaker_entity = {p}"));
    }
    if let Some(anonymous) = q.anonymous {
        s.add(
            if anonymous {
                "q.anonymous"
            } else {
                "NOT q.anonymous"
            }
            .to_string(),
        );
    }
    s.id_dates("q.id", q.from, q.to);
    let speaker = q
        .speaker
        .as_deref()
        .and_then(|sp| Some((sp, names_query(sp, false)?)));
    let ids_sql = match speaker {
        None => format!(
            "SELECT q.id FROM quotes q {} ORDER BY q.id DESC {}",
            s.where_sql(),
            s.page(page)
        ),
        // Resolved speakers by any alias of their entity, unresolved ones by
        // the attributing phrase: each side newest first on its own index
        // (the entities are looked up first, so that the planner sees how
        // many there are), then merged.
        Some((words, names)) => {
            let set = s.entity_set(named_entities(conn, &names)?);
            let p = s.bind(words.to_string());
            let n = s.bind(i64::from(page.offset) + i64::from(page.limit) + 1);
            let extra: String = s.clauses.iter().map(|c| format!(" AND {c}")).collect();
            format!(
                "SELECT id FROM ( \
                   (SELECT q.id FROM quotes q WHERE q.speaker_entity {set}{extra} \
                    ORDER BY q.id DESC LIMIT {n}) \
                   UNION \
                   (SELECT q.id FROM quotes q \
                    WHERE q.speaker_tsv @@ websearch_to_tsquery('tidings', {p}){extra} \
                    ORDER BY q.id DESC LIMIT {n}) \
                 ) AS u ORDER BY id DESC {}",
                s.page(page)
            )
        }
    };
    let rows_sql = format!(
        "SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article WHERE q.id = ANY($1)"
    );
    paged(conn, &ids_sql, &s, page, &rows_sql, |r| Ok(quote_row(r)))
}

// ---------------------------------------------------------------- entities

const ENTITY_COLS: &str =
    "e.id, e.key, e.name, e.etype, e.subtype, e.mention_count, e.article_count";

fn entity_row(r: &Row) -> EntitySummary {
    EntitySummary {
        id: r.get(0),
        key: r.get(1),
        name: r.get(2),
        etype: r.get(3),
        subtype: r.get(4),
        mentions: r.get(5),
        articles: r.get(6),
    }
}

pub(crate) fn entities(
    conn: &mut Conn,
    q: &EntityQuery,
    page: Page,
) -> Result<Paged<EntitySummary>, StoreError> {
    let mut s = Sql::default();
    if let Some(names) = q.q.as_deref().and_then(|t| names_query(t, true)) {
        let p = s.bind(names);
        s.add(format!("e.id IN ({})", entities_named(&p)));
    }
    if let Some(t) = q.etype.as_deref() {
        let p = s.bind(t.to_ascii_uppercase());
        s.add(format!("e.etype = {p}"));
    }
    let ids_sql = format!(
        "SELECT e.id FROM entities e {} ORDER BY e.mention_count DESC, e.id {}",
        s.where_sql(),
        s.page(page)
    );
    let rows_sql = format!("SELECT {ENTITY_COLS} FROM entities e WHERE e.id = ANY($1)");
    paged(conn, &ids_sql, &s, page, &rows_sql, |r| Ok(entity_row(r)))
}

pub(crate) fn entity(conn: &mut Conn, id: i64) -> Result<Option<EntityDetail>, StoreError> {
    let Some(summary) = conn
        .query_opt(
            &format!("SELECT {ENTITY_COLS} FROM entities e WHERE e.id = $1"),
            &[&id],
        )?
        .map(|r| entity_row(&r))
    else {
        return Ok(None);
    };
    let aliases = conn
        .query(
            "SELECT alias, count FROM entity_aliases WHERE entity = $1
             ORDER BY count DESC, alias LIMIT 50",
            &[&id],
        )?
        .iter()
        .map(|r| Alias {
            name: r.get(0),
            count: r.get(1),
        })
        .collect();
    let quotes_by_month = conn
        .query(
            "SELECT coalesce(substr(published_date, 1, 7), 'unknown') AS m, count(*)
             FROM quotes WHERE speaker_entity = $1 GROUP BY m ORDER BY m",
            &[&id],
        )?
        .iter()
        .map(|r| MonthCount {
            month: r.get(0),
            count: r.get(1),
        })
        .collect();
    let mut met: BTreeMap<(Option<i64>, String), i64> = BTreeMap::new();
    // Among the entity's latest events on each side, so that the work per
    // request stays bounded however famous the entity is.
    for (me, other, other_name) in [
        ("source_entity", "target_entity", "target_name"),
        ("target_entity", "source_entity", "source_name"),
    ] {
        let sql = format!(
            "SELECT ev.{other}, coalesce(o.name, ev.{other_name}) FROM
                 (SELECT {other}, {other_name} FROM events WHERE {me} = $1
                  ORDER BY day DESC NULLS LAST LIMIT $2) AS ev
             LEFT JOIN entities o ON o.id = ev.{other}
             WHERE coalesce(ev.{other}, -1) <> $1
               AND coalesce(o.name, ev.{other_name}) IS NOT NULL"
        );
        for r in conn.query(&sql, &[&id, &CO_ACTOR_EVENTS])? {
            *met.entry((r.get(0), r.get(1))).or_default() += 1;
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

const EVENT_COLS: &str = "ev.id, ev.article, a.title, ev.type, ev.mode, ev.cameo, ev.start, \
     ev.\"end\", ev.text, ev.trigger_start, ev.trigger_end, ev.source_entity, ev.source_name, \
     ev.target_entity, ev.target_name, ev.place_entity, ev.place_name, ev.date, \
     ev.date_from_publication, ev.day, ev.modality, ev.quote, ev.source_country, \
     ev.source_sector, ev.target_country, ev.target_sector";

fn event_row(r: &Row) -> EventRow {
    let actor = |e: usize, n: usize, codes: Option<usize>| {
        let entity: Option<i64> = r.get(e);
        let name: Option<String> = r.get(n);
        let (country, sector) = codes.map_or((None, None), |c| (r.get(c), r.get(c + 1)));
        name.map(|name| ActorRow {
            entity,
            name,
            country,
            sector,
        })
    };
    let trigger = match (r.get::<_, Option<i64>>(9), r.get::<_, Option<i64>>(10)) {
        (Some(start), Some(end)) => Some(Range { start, end }),
        _ => None,
    };
    EventRow {
        id: r.get(0),
        article: r.get(1),
        article_title: r.get(2),
        etype: r.get(3),
        mode: r.get(4),
        cameo: r.get(5),
        start: r.get(6),
        end: r.get(7),
        text: r.get(8),
        trigger,
        source: actor(11, 12, Some(22)),
        target: actor(13, 14, Some(24)),
        place: actor(15, 16, None),
        date: r.get(17),
        date_from_publication: r.get(18),
        day: r.get(19),
        modality: r.get(20),
        quote: r.get(21),
    }
}

/// Events whose source or target carries the asked country and sector
/// (both of the same actor when both are asked).
fn actor_codes(s: &mut Sql, prefix: &str, q: &EventQuery) {
    let codes: Vec<(&str, String)> = [("country", &q.country), ("sector", &q.sector)]
        .into_iter()
        .filter_map(|(col, v)| v.as_deref().map(|v| (col, v.trim().to_ascii_uppercase())))
        .collect();
    if codes.is_empty() {
        return;
    }
    let mut bound = Vec::new();
    for (col, v) in &codes {
        bound.push((*col, s.bind(v.clone())));
    }
    let side = |role: &str| {
        bound
            .iter()
            .map(|(col, p)| format!("{prefix}{role}_{col} = {p}"))
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    s.add(format!("(({}) OR ({}))", side("source"), side("target")));
}

pub(crate) fn events(
    conn: &mut Conn,
    q: &EventQuery,
    page: Page,
) -> Result<Paged<EventRow>, StoreError> {
    let mut s = Sql::default();
    // The actor's entities: one id, or every entity named by the words.
    let actors: Option<Vec<i64>> = match (q.actor_entity, q.actor.as_deref()) {
        (Some(e), _) => Some(vec![e]),
        (None, Some(words)) => match names_query(words, false) {
            Some(n) => Some(named_entities(conn, &n)?),
            None => None,
        },
        (None, None) => None,
    };
    let ids_sql = match actors {
        // Each side newest first from its index (entity, day, id), cut at
        // the end of the page, then merged.
        Some(ids) => {
            let set = s.entity_set(ids);
            s.dates("day", q.from, q.to);
            actor_codes(&mut s, "", q);
            if let Some(t) = q.etype.as_deref() {
                let p = s.bind(t.to_ascii_uppercase());
                s.add(format!("type = {p}"));
            }
            let extra: String = s.clauses.iter().map(|c| format!(" AND {c}")).collect();
            s.clauses.clear();
            let n = s.bind(i64::from(page.offset) + i64::from(page.limit) + 1);
            let order = "ORDER BY day DESC NULLS LAST, id DESC";
            format!(
                "SELECT id FROM ( \
                   (SELECT id, day FROM events WHERE source_entity {set}{extra} {order} LIMIT {n}) \
                   UNION \
                   (SELECT id, day FROM events WHERE target_entity {set}{extra} {order} LIMIT {n}) \
                 ) AS u {order} {}",
                s.page(page)
            )
        }
        None => {
            if let Some(t) = q.etype.as_deref() {
                let p = s.bind(t.to_ascii_uppercase());
                s.add(format!("ev.type = {p}"));
            }
            s.dates("ev.day", q.from, q.to);
            actor_codes(&mut s, "ev.", q);
            format!(
                "SELECT ev.id FROM events ev {} ORDER BY ev.day DESC NULLS LAST, ev.id DESC {}",
                s.where_sql(),
                s.page(page)
            )
        }
    };
    let rows_sql = format!(
        "SELECT {EVENT_COLS} FROM events ev JOIN articles a ON a.id = ev.article WHERE ev.id = ANY($1)"
    );
    paged(conn, &ids_sql, &s, page, &rows_sql, |r| Ok(event_row(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_queries_quote_every_word() {
        assert_eq!(
            names_query("Keir Starmer's", true).as_deref(),
            Some("'keir' & 'starmer' & 's':*")
        );
        assert_eq!(
            names_query("O'Brien & | !", false).as_deref(),
            Some("'o' & 'brien'")
        );
        assert_eq!(names_query(" -- ", false), None);
    }
}

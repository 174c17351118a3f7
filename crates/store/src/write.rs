//! Storing one annotated document, in one transaction.
//!
//! Entities are upserted by key (the longest name seen wins as the display
//! name), every surface name becomes an alias, and document-local references
//! (entity ids, timex and quote indices) become store ids. Byte spans become
//! code point offsets here.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use tidings_model::offsets::CharIndex;
use tidings_model::{Actor, Document, MentionKind, Quote, Span, Speaker};

use crate::records::CoSpeakerRow;

use crate::{Provenance, StoreError, Stored};

/// Rows per day in the date-sorted id space (see [`crate::schema`]).
pub(crate) const DAY_SPAN: i64 = 1 << 24;

/// The first id of `day` (undated: 0).
pub(crate) fn day_base(day: Option<chrono::NaiveDate>) -> i64 {
    use chrono::Datelike;
    day.map_or(0, |d| i64::from(d.num_days_from_ce().max(0)) * DAY_SPAN)
}

/// The next free id of `day` in `table` (`articles` or `quotes`).
fn next_id(
    tx: &Connection,
    table: &str,
    day: Option<chrono::NaiveDate>,
) -> Result<i64, StoreError> {
    let base = day_base(day);
    let sql = format!("SELECT max(id) FROM {table} WHERE id >= ?1 AND id < ?2");
    let max: Option<i64> = tx
        .prepare_cached(&sql)?
        .query_row(params![base, base + DAY_SPAN], |r| r.get(0))?;
    Ok(max.map_or(base + 1, |m| m + 1))
}

/// The content hash that keys an article: BLAKE3 of its text, in hex.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

pub(crate) fn put(
    conn: &mut Connection,
    doc: &Document,
    from: &Provenance,
) -> Result<Stored, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let stored = put_in(&tx, doc, from)?;
    tx.commit()?;
    Ok(stored)
}

/// Store many documents in one transaction, each inside its own savepoint:
/// a document that fails is rolled back alone and reported in its slot, and
/// the others commit together. Each article is still all or nothing; a crash
/// loses at most the uncommitted batch, which the next run stores again.
pub(crate) fn put_batch(
    conn: &mut Connection,
    docs: &[(&Document, &Provenance)],
) -> Result<Vec<Result<Stored, StoreError>>, StoreError> {
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut out = Vec::with_capacity(docs.len());
    for (doc, from) in docs {
        let sp = tx.savepoint()?;
        match put_in(&sp, doc, from) {
            Ok(stored) => {
                sp.commit()?;
                out.push(Ok(stored));
            }
            // Dropping the savepoint rolls this document back.
            Err(e) => out.push(Err(e)),
        }
    }
    tx.commit()?;
    Ok(out)
}

/// Store one document inside the caller's transaction.
fn put_in(tx: &Connection, doc: &Document, from: &Provenance) -> Result<Stored, StoreError> {
    check_spans(doc)?;
    let hash = content_hash(&doc.text);
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([&hash], |r| r.get::<_, i64>(0))
        .optional()?
    {
        return Ok(Stored::Unchanged(id));
    }
    let replaced = match doc.meta.url.as_deref() {
        Some(url) => remove_by_url(tx, url)?,
        None => false,
    };
    let id = insert_article(tx, doc, &hash, from)?;
    insert_layers(tx, doc, id)?;
    Ok(if replaced {
        Stored::Replaced(id)
    } else {
        Stored::Added(id)
    })
}

/// Refuse a document with a span outside its text or inside a character
/// (an annotator bug), before anything is written.
pub(crate) fn check_spans(doc: &Document) -> Result<(), StoreError> {
    let text = &doc.text;
    let ok = |s: Span| {
        s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let mut spans: Vec<Span> = Vec::new();
    for e in &doc.entities {
        spans.extend(e.mentions.iter().map(|m| m.span));
    }
    for q in &doc.quotes {
        spans.push(q.span);
        spans.extend(q.cue);
        spans.extend(q.speaker.as_ref().and_then(|s| s.span));
    }
    spans.extend(doc.timexes.iter().map(|t| t.span));
    for ev in &doc.events {
        spans.push(ev.span);
        spans.extend(ev.trigger);
    }
    match spans.into_iter().find(|s| !ok(*s)) {
        Some(s) => Err(StoreError::BadSpan {
            doc: doc.id.clone(),
            start: s.start,
            end: s.end,
            len: text.len(),
        }),
        None => Ok(()),
    }
}

/// Delete the article stored under `url`, if any; its layers go with it.
fn remove_by_url(tx: &Connection, url: &str) -> Result<bool, StoreError> {
    let Some(old) = tx
        .query_row("SELECT id FROM articles WHERE url = ?1", [url], |r| {
            r.get::<_, i64>(0)
        })
        .optional()?
    else {
        return Ok(false);
    };
    tx.execute(
        "UPDATE entities SET article_count = article_count - 1
         WHERE id IN (SELECT DISTINCT entity FROM mentions WHERE article = ?1)",
        [old],
    )?;
    tx.execute("DELETE FROM articles WHERE id = ?1", [old])?;
    Ok(true)
}

fn insert_article(
    tx: &Connection,
    doc: &Document,
    hash: &str,
    from: &Provenance,
) -> Result<i64, StoreError> {
    let m = &doc.meta;
    let date = m.published_date();
    let day = date.map(|d| d.to_string());
    let id = next_id(tx, "articles", date)?;
    tx.prepare_cached(
        "INSERT INTO articles(id, doc_id, content_hash, url, title, site, published, published_date,
                              authors, language, source, text, ingested_at)
         VALUES (?13, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        doc.id,
        hash,
        m.url,
        m.title,
        m.site,
        m.published,
        day,
        serde_json::to_string(&m.authors)?,
        m.language,
        from.source,
        doc.text,
        crate::now(),
        id,
    ])?;
    Ok(id)
}

fn insert_layers(tx: &Connection, doc: &Document, article: i64) -> Result<(), StoreError> {
    let ci = CharIndex::new(&doc.text);
    let cp = |s: Span| (ci.to_char(s.start) as i64, ci.to_char(s.end) as i64);
    let date = doc.meta.published_date();
    let day = date.map(|d| d.to_string());

    let mut entity_ids: HashMap<&str, i64> = HashMap::new();
    // Two entities of one article may share a key: the article counts once.
    let mut keys_here: HashSet<&str> = HashSet::new();
    for e in &doc.entities {
        let first_here = i64::from(keys_here.insert(e.key.as_str()));
        let id: i64 = tx
            .prepare_cached(
                "INSERT INTO entities(key, name, etype, subtype, article_count)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(key) DO UPDATE SET
                     name = CASE WHEN length(excluded.name) > length(name)
                                 THEN excluded.name ELSE name END,
                     subtype = coalesce(subtype, excluded.subtype),
                     article_count = article_count + excluded.article_count
                 RETURNING id",
            )?
            .query_row(
                params![e.key, e.name, e.etype.as_str(), e.subtype, first_here],
                |r| r.get(0),
            )?;
        entity_ids.insert(e.id.as_str(), id);
        let mut aliases: Vec<&str> = vec![e.name.as_str()];
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            aliases.push(doc.slice(m.span));
        }
        aliases.sort_unstable();
        aliases.dedup();
        let mut alias_stmt = tx.prepare_cached(
            "INSERT INTO entity_aliases(entity, alias) VALUES (?1, ?2)
             ON CONFLICT(entity, alias) DO UPDATE SET count = count + 1",
        )?;
        for a in aliases.into_iter().filter(|a| !a.trim().is_empty()) {
            alias_stmt.execute(params![id, a])?;
        }
        let mut mention_stmt = tx.prepare_cached(
            "INSERT INTO mentions(article, entity, start, end, kind, metonym)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for m in &e.mentions {
            let (s, t) = cp(m.span);
            mention_stmt.execute(params![article, id, s, t, kind_str(m.kind), m.metonym])?;
        }
    }
    let entity = |local: Option<&String>| local.and_then(|l| entity_ids.get(l.as_str()).copied());

    let mut quote_ids = Vec::with_capacity(doc.quotes.len());
    let mut quote_stmt = tx.prepare_cached(
        "INSERT INTO quotes(article, start, end, text, kind, speaker_entity, speaker,
                            speaker_start, speaker_end, cue_start, cue_end, published_date, id,
                            parts, speaker_description, anonymous, speaker_others)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    let first_quote = next_id(tx, "quotes", date)?;
    for (quote_id, q) in (first_quote..).zip(&doc.quotes) {
        let (s, t) = cp(q.span);
        let sp = q.speaker.as_ref();
        let sp_span = sp.and_then(|s| s.span).map(cp);
        let cue = q.cue.map(cp);
        quote_stmt.execute(params![
            article,
            s,
            t,
            q.text(&doc.text),
            serde_plain(&q.kind),
            entity(sp.and_then(|s| s.entity.as_ref())),
            sp.and_then(|s| s.name.clone()),
            sp_span.map(|x| x.0),
            sp_span.map(|x| x.1),
            cue.map(|x| x.0),
            cue.map(|x| x.1),
            day,
            quote_id,
            parts_json(q, cp),
            sp.and_then(|s| s.description.clone()),
            sp.is_some_and(|s| s.anonymous),
            others_json(sp, &entity, cp),
        ])?;
        quote_ids.push(quote_id);
    }

    let mut timex_ids = Vec::with_capacity(doc.timexes.len());
    let mut timex_stmt = tx.prepare_cached(
        "INSERT INTO timexes(article, start, end, text, type, value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for t in &doc.timexes {
        let (s, e) = cp(t.span);
        timex_stmt.execute(params![
            article,
            s,
            e,
            doc.slice(t.span),
            t.ttype.as_str(),
            t.value
        ])?;
        timex_ids.push(tx.last_insert_rowid());
    }

    let mut event_stmt = tx.prepare_cached(
        "INSERT INTO events(article, type, mode, cameo, start, end, text, trigger_start,
                            trigger_end, source_entity, source_name, target_entity, target_name,
                            place_entity, place_name, date, date_timex, date_from_publication,
                            modality, quote, day, source_country, source_sector, target_country,
                            target_sector)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?;
    for ev in &doc.events {
        let (s, e) = cp(ev.span);
        let trig = ev.trigger.map(cp);
        let actor = |a: &Option<Actor>| {
            (
                entity(a.as_ref().and_then(|a| a.entity.as_ref())),
                a.as_ref().map(|a| a.name.clone()),
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
        event_stmt.execute(params![
            article,
            ev.etype,
            ev.mode,
            ev.cameo,
            s,
            e,
            doc.slice(ev.span),
            trig.map(|x| x.0),
            trig.map(|x| x.1),
            src_e,
            src_n,
            tgt_e,
            tgt_n,
            plc_e,
            plc_n,
            date.map(|d| d.value.clone()),
            date.and_then(|d| d.timex)
                .and_then(|i| timex_ids.get(i).copied()),
            date.is_some_and(|d| d.from_publication),
            serde_plain(&ev.modality),
            ev.quote.and_then(|i| quote_ids.get(i).copied()),
            ev_day,
            ev.source.as_ref().and_then(|a| a.country.as_deref()),
            ev.source.as_ref().and_then(|a| a.sector.as_deref()),
            ev.target.as_ref().and_then(|a| a.country.as_deref()),
            ev.target.as_ref().and_then(|a| a.sector.as_deref()),
        ])?;
    }
    Ok(())
}

/// A quote's parts as the `parts` column's JSON: `[[start, end], ...]` in
/// code points.
pub(crate) fn parts_json(q: &Quote, cp: impl Fn(Span) -> (i64, i64)) -> String {
    let pairs: Vec<[i64; 2]> = q
        .parts()
        .iter()
        .map(|&p| {
            let (s, e) = cp(p);
            [s, e]
        })
        .collect();
    serde_json::to_string(&pairs).expect("integers serialise")
}

/// A joint attribution's other speakers as the `speaker_others` column's
/// JSON (`[{"entity": store id or null, "name", "start", "end"}]`), or
/// NULL when none.
pub(crate) fn others_json(
    sp: Option<&Speaker>,
    entity: &dyn Fn(Option<&String>) -> Option<i64>,
    cp: impl Fn(Span) -> (i64, i64),
) -> Option<String> {
    let others = &sp?.others;
    if others.is_empty() {
        return None;
    }
    let rows: Vec<CoSpeakerRow> = others
        .iter()
        .map(|o| {
            let at = o.span.map(&cp);
            CoSpeakerRow {
                entity: entity(o.entity.as_ref()),
                name: o.name.clone(),
                start: at.map(|x| x.0),
                end: at.map(|x| x.1),
            }
        })
        .collect();
    Some(serde_json::to_string(&rows).expect("rows serialise"))
}

pub(crate) fn kind_str(k: MentionKind) -> &'static str {
    match k {
        MentionKind::Name => "name",
        MentionKind::Nominal => "nominal",
        MentionKind::Pronoun => "pronoun",
    }
}

/// The serde name of a unit enum variant (`QuoteKind::Direct` -> `direct`).
pub(crate) fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

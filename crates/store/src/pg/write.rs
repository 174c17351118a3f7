//! Storing annotated documents in PostgreSQL: one transaction per batch, rows
//! by binary `COPY`, safe with many writers at once.
//!
//! A batch goes in a few statements whatever its size: the known content
//! hashes are looked up at once; articles whose URL now has other text are
//! deleted (their entities' counts taken back); the new articles are copied
//! into a staging table and moved with `INSERT … ON CONFLICT DO NOTHING`;
//! entities and aliases are upserted in key order from the batch's totals;
//! mentions, quotes, time expressions and events are copied straight into
//! their tables, every reference already resolved to a store id.
//!
//! Concurrency (several `tidings ingest` processes on one store):
//! - the unique content hash decides which writer stores an article; the
//!   other waits for it on the unique index, inserts nothing, and reports the
//!   article as already stored, so nothing is lost or stored twice;
//! - entities merge by their unique key through `ON CONFLICT DO UPDATE`;
//!   articles, entities and aliases are each taken in key order (and in that
//!   order of tables), so that writers with overlapping batches queue rather
//!   than deadlock;
//! - article and quote ids come from per-day counters advanced before the
//!   transaction (see [`super::schema`]);
//! - a deadlock, serialization failure or lost race (an article neither
//!   inserted nor found) rolls the batch back and runs it again, up to
//!   [`RETRIES`] times. A batch that still fails is stored article by article,
//!   so a bad article is named alone and the others are kept.

use std::collections::{BTreeMap, HashMap, HashSet};

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::error::SqlState;
use postgres::types::{ToSql, Type};
use postgres::{Client, Transaction};
use tidings_model::offsets::CharIndex;
use tidings_model::{Actor, Document, MentionKind, Span};

use crate::write::{
    check_spans, content_hash, day_base, kind_str, others_json, parts_json, serde_plain,
};
use crate::{Provenance, StoreError, Stored};

/// How many times a batch is run again after a conflict with another writer.
pub(crate) const RETRIES: u32 = 8;

/// The ids reserved for one document's rows.
#[derive(Debug, Clone, Copy)]
struct Ids {
    article: i64,
    first_quote: i64,
    first_timex: i64,
}

/// A document that passed the checks, with what its rows need.
struct Prepared<'a> {
    slot: usize,
    doc: &'a Document,
    from: &'a Provenance,
    hash: String,
    day: Option<String>,
    base: i64,
}

/// Store `docs`, each all or nothing; the result for each, in order.
pub(crate) fn put_batch(
    client: &mut Client,
    docs: &[(&Document, &Provenance)],
) -> Result<Vec<Result<Stored, StoreError>>, StoreError> {
    let mut out: Vec<Option<Result<Stored, StoreError>>> = (0..docs.len()).map(|_| None).collect();
    // A batch is cut where a content hash or URL repeats, so that the later
    // document sees the earlier one stored, as if stored one by one.
    let mut group: Vec<Prepared> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (slot, (doc, from)) in docs.iter().enumerate() {
        if let Err(e) = check(doc) {
            out[slot] = Some(Err(e));
            continue;
        }
        let hash = content_hash(&doc.text);
        let url = doc.meta.url.as_ref().map(|u| format!("url:{u}"));
        if seen.contains(&hash) || url.as_ref().is_some_and(|u| seen.contains(u)) {
            store_group(client, &group, &mut out)?;
            group.clear();
            seen.clear();
        }
        seen.insert(hash.clone());
        seen.extend(url);
        let date = doc.meta.published_date();
        group.push(Prepared {
            slot,
            doc,
            from,
            hash,
            day: date.map(|d| d.to_string()),
            base: day_base(date),
        });
    }
    store_group(client, &group, &mut out)?;
    Ok(out
        .into_iter()
        .map(|r| r.unwrap_or(Err(StoreError::Conflict)))
        .collect())
}

/// The checks made before anything is written: spans inside the text, and
/// no NUL character (PostgreSQL text cannot hold one).
fn check(doc: &Document) -> Result<(), StoreError> {
    check_spans(doc)?;
    let m = &doc.meta;
    let fields = [
        Some(&doc.text),
        m.title.as_ref(),
        m.url.as_ref(),
        m.site.as_ref(),
    ];
    if fields.iter().flatten().any(|s| s.contains('\0')) {
        return Err(StoreError::Nul {
            doc: doc.id.clone(),
        });
    }
    Ok(())
}

/// Store one group in one transaction (with retries); when that fails, each
/// document alone, so that one bad document does not sink the others.
fn store_group(
    client: &mut Client,
    group: &[Prepared],
    out: &mut [Option<Result<Stored, StoreError>>],
) -> Result<(), StoreError> {
    if group.is_empty() {
        return Ok(());
    }
    match with_retries(|| try_group(client, group)) {
        Ok(stored) => {
            for (p, s) in group.iter().zip(stored) {
                out[p.slot] = Some(Ok(s));
            }
            return Ok(());
        }
        Err(e) if client.is_closed() => return Err(e),
        Err(e) if group.len() == 1 => {
            out[group[0].slot] = Some(Err(e));
            return Ok(());
        }
        Err(_) => {}
    }
    for p in group {
        let one = std::slice::from_ref(p);
        match with_retries(|| try_group(client, one)) {
            Ok(mut s) => out[p.slot] = s.pop().map(Ok),
            Err(e) if client.is_closed() => return Err(e),
            Err(e) => out[p.slot] = Some(Err(e)),
        }
    }
    Ok(())
}

/// Run `f` again after a conflict with another writer, with a short pause.
fn with_retries<T>(mut f: impl FnMut() -> Result<T, StoreError>) -> Result<T, StoreError> {
    let mut attempt = 0;
    loop {
        match f() {
            Err(e) if attempt < RETRIES && retryable(&e) => {
                attempt += 1;
                let jitter = u64::from(std::process::id() % 7);
                std::thread::sleep(std::time::Duration::from_millis(
                    10 * u64::from(attempt) + jitter,
                ));
            }
            other => return other,
        }
    }
}

/// A conflict that another attempt can clear.
fn retryable(e: &StoreError) -> bool {
    match e {
        StoreError::Conflict => true,
        StoreError::Postgres(pe) => matches!(
            pe.code(),
            Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
                || *c == SqlState::UNIQUE_VIOLATION
        ),
        _ => false,
    }
}

fn try_group(client: &mut Client, group: &[Prepared]) -> Result<Vec<Stored>, StoreError> {
    let mut article_days: BTreeMap<i64, i64> = BTreeMap::new();
    let mut quote_days: BTreeMap<i64, i64> = BTreeMap::new();
    for p in group {
        *article_days.entry(p.base).or_default() += 1;
        if !p.doc.quotes.is_empty() {
            *quote_days.entry(p.base).or_default() += p.doc.quotes.len() as i64;
        }
    }
    let n_timexes: i64 = group.iter().map(|p| p.doc.timexes.len() as i64).sum();
    let timex_days = BTreeMap::from([(0, n_timexes)]);
    let mut next_article = allocate(client, "articles", &article_days)?;
    let mut next_quote = allocate(client, "quotes", &quote_days)?;
    let mut next_timex = allocate(client, "timexes", &timex_days)?;
    let take = |next: &mut HashMap<i64, i64>, base: i64, n: usize| {
        let slot = next.entry(base).or_insert(base + 1);
        let first = *slot;
        *slot += n as i64;
        first
    };
    let ids: Vec<Ids> = group
        .iter()
        .map(|p| Ids {
            article: take(&mut next_article, p.base, 1),
            first_quote: take(&mut next_quote, p.base, p.doc.quotes.len()),
            first_timex: take(&mut next_timex, 0, p.doc.timexes.len()),
        })
        .collect();

    let mut tx = client.transaction()?;
    let hashes: Vec<&str> = group.iter().map(|p| p.hash.as_str()).collect();
    let mut known: HashMap<String, i64> = tx
        .query(
            "SELECT content_hash, id FROM articles WHERE content_hash = ANY($1)",
            &[&hashes],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let fresh: Vec<usize> = (0..group.len())
        .filter(|&i| !known.contains_key(&group[i].hash))
        .collect();
    if fresh.is_empty() {
        tx.commit()?;
        return Ok(group
            .iter()
            .map(|p| Stored::Unchanged(known[&p.hash]))
            .collect());
    }
    let replaced = remove_by_url(&mut tx, group, &fresh)?;
    let inserted = insert_articles(&mut tx, group, &fresh, &ids)?;
    let lost: Vec<&str> = fresh
        .iter()
        .filter(|&&i| !inserted.contains(&ids[i].article))
        .map(|&i| group[i].hash.as_str())
        .collect();
    if !lost.is_empty() {
        // Another writer stored the same content meanwhile (fine: it is
        // stored), or took one of these URLs (run the batch again).
        for r in tx.query(
            "SELECT content_hash, id FROM articles WHERE content_hash = ANY($1)",
            &[&lost],
        )? {
            known.insert(r.get(0), r.get(1));
        }
        if lost.iter().any(|h| !known.contains_key(*h)) {
            return Err(StoreError::Conflict);
        }
    }
    let new: Vec<(&Prepared, Ids)> = fresh
        .iter()
        .filter(|&&i| inserted.contains(&ids[i].article))
        .map(|&i| (&group[i], ids[i]))
        .collect();
    let entity_ids = upsert_entities(&mut tx, &new)?;
    insert_layers(&mut tx, &new, &entity_ids)?;
    tx.commit()?;
    Ok(group
        .iter()
        .zip(&ids)
        .map(|(p, ids)| {
            if let Some(&k) = known.get(&p.hash) {
                Stored::Unchanged(k)
            } else if p
                .doc
                .meta
                .url
                .as_ref()
                .is_some_and(|u| replaced.contains(u))
            {
                Stored::Replaced(ids.article)
            } else {
                Stored::Added(ids.article)
            }
        })
        .collect())
}

/// Reserve `n` ids on each day (by [`day_base`]) of `kind` in a statement of
/// its own, so that the counters are never held for a whole batch. Returns
/// the first reserved id of each day.
fn allocate(
    client: &mut Client,
    kind: &str,
    days: &BTreeMap<i64, i64>,
) -> Result<HashMap<i64, i64>, StoreError> {
    if days.is_empty() {
        return Ok(HashMap::new());
    }
    let bases: Vec<i64> = days.keys().copied().collect();
    let counts: Vec<i64> = days.values().copied().collect();
    let rows = client.query(
        "INSERT INTO id_blocks AS b (kind, day, last)
         SELECT $1, d, n FROM unnest($2::bigint[], $3::bigint[]) AS t(d, n) ORDER BY d
         ON CONFLICT (kind, day) DO UPDATE SET last = b.last + excluded.last
         RETURNING day, last",
        &[&kind, &bases, &counts],
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            let (base, last): (i64, i64) = (r.get(0), r.get(1));
            (base, base + last - days[&base] + 1)
        })
        .collect())
}

/// Delete the stored articles at the URLs of new content (their layers go
/// with them, their entities' counts are taken back). Returns those URLs.
fn remove_by_url(
    tx: &mut Transaction,
    group: &[Prepared],
    fresh: &[usize],
) -> Result<HashSet<String>, StoreError> {
    let urls: Vec<&str> = fresh
        .iter()
        .filter_map(|&i| group[i].doc.meta.url.as_deref())
        .collect();
    if urls.is_empty() {
        return Ok(HashSet::new());
    }
    let hashes: Vec<&str> = fresh.iter().map(|&i| group[i].hash.as_str()).collect();
    let rows = tx.query(
        "SELECT id, url FROM articles WHERE url = ANY($1) AND content_hash <> ALL($2)
         ORDER BY id FOR UPDATE",
        &[&urls, &hashes],
    )?;
    if rows.is_empty() {
        return Ok(HashSet::new());
    }
    let old: Vec<i64> = rows.iter().map(|r| r.get(0)).collect();
    tx.execute(
        "UPDATE entities e SET mention_count = e.mention_count - d.n,
                               article_count = e.article_count - d.a
         FROM (SELECT entity, count(*) AS n, count(DISTINCT article) AS a
               FROM mentions WHERE article = ANY($1) GROUP BY entity) d
         WHERE e.id = d.entity",
        &[&old],
    )?;
    tx.execute("DELETE FROM articles WHERE id = ANY($1)", &[&old])?;
    Ok(rows.iter().map(|r| r.get(1)).collect())
}

/// Copy the new articles into a staging table and move those whose content
/// and URL are still free; returns the ids inserted.
fn insert_articles(
    tx: &mut Transaction,
    group: &[Prepared],
    fresh: &[usize],
    ids: &[Ids],
) -> Result<HashSet<i64>, StoreError> {
    const COLS: &str = "id, doc_id, content_hash, url, title, site, published, published_date, \
                        authors, language, source, text, ingested_at";
    tx.batch_execute(
        "CREATE TEMP TABLE IF NOT EXISTS stage_articles (
             id BIGINT, doc_id TEXT, content_hash TEXT, url TEXT, title TEXT, site TEXT,
             published TEXT, published_date TEXT, authors TEXT, language TEXT, source TEXT,
             text TEXT, ingested_at TEXT
         ) ON COMMIT DELETE ROWS",
    )?;
    let now = crate::now();
    let sink = tx.copy_in(&format!("COPY stage_articles ({COLS}) FROM STDIN BINARY"))?;
    let mut w = BinaryCopyInWriter::new(
        sink,
        &[
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
        ],
    );
    for &i in fresh {
        let p = &group[i];
        let m = &p.doc.meta;
        let authors = serde_json::to_string(&m.authors)?;
        w.write(&[
            &ids[i].article,
            &p.doc.id,
            &p.hash,
            &m.url,
            &m.title,
            &m.site,
            &m.published,
            &p.day,
            &authors,
            &m.language,
            &p.from.source,
            &p.doc.text,
            &now,
        ])?;
    }
    w.finish()?;
    let rows = tx.query(
        &format!(
            "INSERT INTO articles ({COLS}) SELECT {COLS} FROM stage_articles
             ORDER BY content_hash ON CONFLICT DO NOTHING RETURNING id"
        ),
        &[],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// One entity's totals over a batch.
struct EntityTotal<'a> {
    name: &'a str,
    etype: &'static str,
    subtype: Option<&'a str>,
    mentions: i64,
    articles: i64,
}

/// Upsert the batch's entities (in key order) and aliases; returns the store
/// id of each key.
fn upsert_entities(
    tx: &mut Transaction,
    new: &[(&Prepared, Ids)],
) -> Result<HashMap<String, i64>, StoreError> {
    let mut totals: BTreeMap<&str, EntityTotal> = BTreeMap::new();
    for (p, _) in new {
        // Two entities of one article may share a key: the article counts once.
        let mut in_article: HashSet<&str> = HashSet::new();
        for e in &p.doc.entities {
            let first_here = in_article.insert(e.key.as_str());
            let t = totals.entry(e.key.as_str()).or_insert(EntityTotal {
                name: e.name.as_str(),
                etype: e.etype.as_str(),
                subtype: None,
                mentions: 0,
                articles: 0,
            });
            if e.name.chars().count() > t.name.chars().count() {
                t.name = e.name.as_str();
            }
            t.subtype = t.subtype.or(e.subtype.as_deref());
            t.mentions += e.mentions.len() as i64;
            t.articles += i64::from(first_here);
        }
    }
    if totals.is_empty() {
        return Ok(HashMap::new());
    }
    let keys: Vec<&str> = totals.keys().copied().collect();
    let names: Vec<&str> = totals.values().map(|t| t.name).collect();
    let types: Vec<&str> = totals.values().map(|t| t.etype).collect();
    let subtypes: Vec<Option<&str>> = totals.values().map(|t| t.subtype).collect();
    let mentions: Vec<i64> = totals.values().map(|t| t.mentions).collect();
    let articles: Vec<i64> = totals.values().map(|t| t.articles).collect();
    let ids: HashMap<String, i64> = tx
        .query(
            "INSERT INTO entities AS e (key, name, etype, subtype, mention_count, article_count)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                                  $5::bigint[], $6::bigint[]) ORDER BY 1
             ON CONFLICT (key) DO UPDATE SET
                 name = CASE WHEN length(excluded.name) > length(e.name)
                             THEN excluded.name ELSE e.name END,
                 subtype = coalesce(e.subtype, excluded.subtype),
                 mention_count = e.mention_count + excluded.mention_count,
                 article_count = e.article_count + excluded.article_count
             RETURNING key, id",
            &[&keys, &names, &types, &subtypes, &mentions, &articles],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();

    // Every surface name an entity has in an article counts once.
    let mut aliases: BTreeMap<(i64, &str), i64> = BTreeMap::new();
    for (p, _) in new {
        for e in &p.doc.entities {
            let Some(&id) = ids.get(&e.key) else { continue };
            let mut names: Vec<&str> = vec![e.name.as_str()];
            for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
                names.push(p.doc.slice(m.span));
            }
            names.sort_unstable();
            names.dedup();
            for a in names.into_iter().filter(|a| !a.trim().is_empty()) {
                *aliases.entry((id, a)).or_default() += 1;
            }
        }
    }
    let entity: Vec<i64> = aliases.keys().map(|k| k.0).collect();
    let alias: Vec<&str> = aliases.keys().map(|k| k.1).collect();
    let count: Vec<i64> = aliases.values().copied().collect();
    tx.execute(
        "INSERT INTO entity_aliases AS a (entity, alias, count)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[]) ORDER BY 1, 2
         ON CONFLICT (entity, alias) DO UPDATE SET count = a.count + excluded.count",
        &[&entity, &alias, &count],
    )?;
    Ok(ids)
}

/// Mentions, quotes, time expressions and events of the new articles, by
/// binary `COPY` into their tables.
fn insert_layers(
    tx: &mut Transaction,
    new: &[(&Prepared, Ids)],
    entity_ids: &HashMap<String, i64>,
) -> Result<(), StoreError> {
    // Per article: its id, char index, local entity id -> store id, first
    // quote id, timex store ids.
    struct Local<'a> {
        p: &'a Prepared<'a>,
        article: i64,
        ci: CharIndex,
        entities: HashMap<&'a str, i64>,
        first_quote: i64,
        timexes: Vec<i64>,
    }
    let locals: Vec<Local> = new
        .iter()
        .map(|(p, ids)| Local {
            p,
            article: ids.article,
            ci: CharIndex::new(&p.doc.text),
            entities: p
                .doc
                .entities
                .iter()
                .filter_map(|e| Some((e.id.as_str(), *entity_ids.get(&e.key)?)))
                .collect(),
            first_quote: ids.first_quote,
            timexes: (ids.first_timex..).take(p.doc.timexes.len()).collect(),
        })
        .collect();
    let cp = |l: &Local, s: Span| (l.ci.to_char(s.start) as i64, l.ci.to_char(s.end) as i64);

    let sink = tx.copy_in(
        "COPY mentions (article, entity, start, \"end\", kind, metonym) FROM STDIN BINARY",
    )?;
    let mut w = BinaryCopyInWriter::new(
        sink,
        &[
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::TEXT,
            Type::BOOL,
        ],
    );
    for l in &locals {
        for e in &l.p.doc.entities {
            let Some(&entity) = l.entities.get(e.id.as_str()) else {
                continue;
            };
            for m in &e.mentions {
                let (s, t) = cp(l, m.span);
                w.write(&[&l.article, &entity, &s, &t, &kind_str(m.kind), &m.metonym])?;
            }
        }
    }
    w.finish()?;

    let sink = tx.copy_in(
        "COPY quotes (id, article, start, \"end\", text, kind, speaker_entity, speaker,
                      speaker_start, speaker_end, cue_start, cue_end, published_date,
                      parts, speaker_description, anonymous, speaker_others)
         FROM STDIN BINARY",
    )?;
    let mut w = BinaryCopyInWriter::new(
        sink,
        &[
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::INT8,
            Type::TEXT,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::BOOL,
            Type::TEXT,
        ],
    );
    for l in &locals {
        for (id, q) in (l.first_quote..).zip(&l.p.doc.quotes) {
            let (s, t) = cp(l, q.span);
            let sp = q.speaker.as_ref();
            let sp_span = sp.and_then(|s| s.span).map(|x| cp(l, x));
            let cue = q.cue.map(|x| cp(l, x));
            let speaker_entity = sp
                .and_then(|s| s.entity.as_deref())
                .and_then(|e| l.entities.get(e).copied());
            let parts = parts_json(q, |x| cp(l, x));
            let others = others_json(
                sp,
                &|e: Option<&String>| e.and_then(|e| l.entities.get(e.as_str()).copied()),
                |x| cp(l, x),
            );
            let row: [&(dyn ToSql + Sync); 17] = [
                &id,
                &l.article,
                &s,
                &t,
                &q.text(&l.p.doc.text),
                &serde_plain(&q.kind),
                &speaker_entity,
                &sp.and_then(|s| s.name.as_deref()),
                &sp_span.map(|x| x.0),
                &sp_span.map(|x| x.1),
                &cue.map(|x| x.0),
                &cue.map(|x| x.1),
                &l.p.day,
                &parts,
                &sp.and_then(|s| s.description.as_deref()),
                &sp.is_some_and(|s| s.anonymous),
                &others,
            ];
            w.write(&row)?;
        }
    }
    w.finish()?;

    let sink = tx.copy_in(
        "COPY timexes (id, article, start, \"end\", text, type, value) FROM STDIN BINARY",
    )?;
    let mut w = BinaryCopyInWriter::new(
        sink,
        &[
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
        ],
    );
    for l in &locals {
        for (id, t) in l.timexes.iter().zip(&l.p.doc.timexes) {
            let (s, e) = cp(l, t.span);
            w.write(&[
                id,
                &l.article,
                &s,
                &e,
                &l.p.doc.slice(t.span),
                &t.ttype.as_str(),
                &t.value,
            ])?;
        }
    }
    w.finish()?;

    let sink = tx.copy_in(
        "COPY events (article, type, mode, cameo, start, \"end\", text, trigger_start,
                      trigger_end, source_entity, source_name, target_entity, target_name,
                      place_entity, place_name, date, date_timex, date_from_publication,
                      modality, quote, day, source_country, source_sector, target_country,
                      target_sector)
         FROM STDIN BINARY",
    )?;
    let mut w = BinaryCopyInWriter::new(
        sink,
        &[
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::INT8,
            Type::INT8,
            Type::TEXT,
            Type::INT8,
            Type::INT8,
            Type::INT8,
            Type::TEXT,
            Type::INT8,
            Type::TEXT,
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::INT8,
            Type::BOOL,
            Type::TEXT,
            Type::INT8,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
        ],
    );
    for l in &locals {
        let doc = l.p.doc;
        for ev in &doc.events {
            let (s, e) = cp(l, ev.span);
            let trig = ev.trigger.map(|x| cp(l, x));
            let (src_e, src_n) = actor_ids(&ev.source, &l.entities);
            let (tgt_e, tgt_n) = actor_ids(&ev.target, &l.entities);
            let (plc_e, plc_n) = actor_ids(&ev.place, &l.entities);
            let date = ev.date.as_ref();
            let ev_day = date
                .and_then(|d| tidings_model::meta::parse_iso_date(&d.value))
                .map(|d| d.to_string())
                .or_else(|| l.p.day.clone());
            let date_timex = date
                .and_then(|d| d.timex)
                .and_then(|i| l.timexes.get(i).copied());
            let quote = ev
                .quote
                .filter(|&i| i < doc.quotes.len())
                .map(|i| l.first_quote + i as i64);
            let row: [&(dyn ToSql + Sync); 25] = [
                &l.article,
                &ev.etype,
                &ev.mode,
                &ev.cameo,
                &s,
                &e,
                &doc.slice(ev.span),
                &trig.map(|x| x.0),
                &trig.map(|x| x.1),
                &src_e,
                &src_n,
                &tgt_e,
                &tgt_n,
                &plc_e,
                &plc_n,
                &date.map(|d| d.value.as_str()),
                &date_timex,
                &date.is_some_and(|d| d.from_publication),
                &serde_plain(&ev.modality),
                &quote,
                &ev_day,
                &actor_code(&ev.source, |a| &a.country),
                &actor_code(&ev.source, |a| &a.sector),
                &actor_code(&ev.target, |a| &a.country),
                &actor_code(&ev.target, |a| &a.sector),
            ];
            w.write(&row)?;
        }
    }
    w.finish()?;
    Ok(())
}

/// One code of an event actor (`country` or `sector`), when it has one.
fn actor_code(a: &Option<Actor>, code: fn(&Actor) -> &Option<String>) -> Option<&str> {
    a.as_ref().and_then(|a| code(a).as_deref())
}

/// An event actor's store entity id and name.
fn actor_ids<'d>(
    a: &'d Option<Actor>,
    entities: &HashMap<&str, i64>,
) -> (Option<i64>, Option<&'d str>) {
    (
        a.as_ref()
            .and_then(|a| a.entity.as_deref())
            .and_then(|e| entities.get(e).copied()),
        a.as_ref().map(|a| a.name.as_str()),
    )
}

//! The versioned schema: migrations as ordered SQL steps.
//!
//! `schema_version` holds one row per applied step. [`migrate`] applies every
//! step newer than the database's version, each in its own transaction, so a
//! crash mid-migration leaves the database at the last complete version.
//! A database written by a newer Tidings (a version this build does not know)
//! is refused rather than guessed at.
//!
//! Offsets in `mentions`, `quotes`, `timexes` and `events` are **Unicode code
//! point** offsets into `articles.text`, end exclusive — the same as the JSON
//! of `tidings annotate` (`shared/eval/FORMAT.md`) and as SQLite's own
//! `substr()`, which counts characters: `substr(text, start + 1, end - start)`
//! is the covered text. Dates are ISO `YYYY-MM-DD` strings.
//!
//! **Article and quote ids sort by publication date**: an id is
//! `days_from_CE(published) × 2^24 + n` (undated rows: just `n`), assigned when
//! the row is written. "Newest first" is then `id DESC` and a date range is an id
//! range, so a full-text search walks the FTS5 index in id order and stops at
//! the end of the page instead of sorting every match. Ids stay below 2^53,
//! exact in JavaScript.

use rusqlite::{Connection, params};

use crate::StoreError;

/// Migration steps, oldest first; step `i` takes the schema to version `i + 1`.
/// Never edit a released step: append a new one.
pub const MIGRATIONS: &[&str] = &[V1, V2_QUOTE_PARTS_ACTOR_CODES];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = r#"
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,
    url           TEXT UNIQUE,
    title         TEXT,
    site          TEXT,
    published     TEXT,
    published_date TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',
    language      TEXT,
    source        TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TABLE entities (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    etype         TEXT NOT NULL,
    subtype       TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_by_mentions ON entities(mention_count DESC, id);

CREATE TABLE entity_aliases (
    id     INTEGER PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(id),
    alias  TEXT NOT NULL,
    count  INTEGER NOT NULL DEFAULT 1,
    UNIQUE (entity, alias)
);
CREATE VIRTUAL TABLE aliases_fts USING fts5(
    alias, content='entity_aliases', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER aliases_ai AFTER INSERT ON entity_aliases BEGIN
    INSERT INTO aliases_fts(rowid, alias) VALUES (new.id, new.alias);
END;

CREATE TABLE mentions (
    id       INTEGER PRIMARY KEY,
    article  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity   INTEGER NOT NULL REFERENCES entities(id),
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    metonym  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_by_article ON mentions(article);
CREATE INDEX mentions_by_entity ON mentions(entity, article);
CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
    UPDATE entities SET mention_count = mention_count + 1 WHERE id = new.entity;
END;
CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
    UPDATE entities SET mention_count = mention_count - 1 WHERE id = old.entity;
END;

CREATE TABLE quotes (
    id             INTEGER PRIMARY KEY,
    article        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    speaker_entity INTEGER REFERENCES entities(id),
    speaker        TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    cue_start      INTEGER,
    cue_end        INTEGER,
    published_date TEXT
);
CREATE INDEX quotes_by_article ON quotes(article);
CREATE INDEX quotes_by_speaker ON quotes(speaker_entity, published_date);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
-- The speaker column indexes only unresolved speakers (the attributing
-- phrase); resolved ones are found through their entity's aliases.
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker)
    VALUES (new.id, new.text, CASE WHEN new.speaker_entity IS NULL THEN new.speaker END);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
    VALUES ('delete', old.id, old.text, CASE WHEN old.speaker_entity IS NULL THEN old.speaker END);
END;

CREATE TABLE timexes (
    id      INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,
    value   TEXT NOT NULL
);
CREATE INDEX timexes_by_article ON timexes(article);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    article        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    mode           TEXT,
    cameo          TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    source_entity  INTEGER REFERENCES entities(id),
    source_name    TEXT,
    target_entity  INTEGER REFERENCES entities(id),
    target_name    TEXT,
    place_entity   INTEGER REFERENCES entities(id),
    place_name     TEXT,
    date           TEXT,
    date_timex     INTEGER REFERENCES timexes(id) ON DELETE SET NULL,
    date_from_publication INTEGER NOT NULL DEFAULT 0,
    modality       TEXT NOT NULL,
    quote          INTEGER REFERENCES quotes(id) ON DELETE SET NULL,
    day            TEXT
);
CREATE INDEX events_by_article ON events(article);
CREATE INDEX events_by_source ON events(source_entity, day, type);
CREATE INDEX events_by_target ON events(target_entity, day, type);
CREATE INDEX events_by_type ON events(type, day);
CREATE INDEX events_by_day ON events(day, id);
"#;

/// Quotes in parts with anonymous and joint speakers; event actors' codes.
///
/// `quotes.parts` is a JSON array of `[start, end]` code point pairs (the
/// speaker's words only); NULL in rows written before it, which read as the
/// one part `[start, end]`. `speaker_others` is a JSON array of `{"entity":
/// store id or null, "name"}`. Actor codes: CAMEO country (ISO alpha-3) and
/// agent sector.
const V2_QUOTE_PARTS_ACTOR_CODES: &str = r#"
ALTER TABLE quotes ADD COLUMN parts TEXT;
ALTER TABLE quotes ADD COLUMN speaker_description TEXT;
ALTER TABLE quotes ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN speaker_others TEXT;
CREATE INDEX quotes_anonymous ON quotes(anonymous, id) WHERE anonymous = 1;
ALTER TABLE events ADD COLUMN source_country TEXT;
ALTER TABLE events ADD COLUMN source_sector TEXT;
ALTER TABLE events ADD COLUMN target_country TEXT;
ALTER TABLE events ADD COLUMN target_sector TEXT;
CREATE INDEX events_by_source_code ON events(source_country, source_sector, day);
CREATE INDEX events_by_target_code ON events(target_country, target_sector, day);
"#;

/// Bring the database up to [`CURRENT_VERSION`]; returns the version found.
pub fn migrate(conn: &mut Connection) -> Result<i64, StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             applied_at TEXT NOT NULL
         );",
    )?;
    let found = version(conn)?;
    if found > CURRENT_VERSION {
        return Err(StoreError::TooNew {
            found,
            known: CURRENT_VERSION,
        });
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(step)?;
        tx.execute(
            "INSERT INTO schema_version(version, applied_at) VALUES (?1, ?2)",
            params![i as i64 + 1, crate::now()],
        )?;
        tx.commit()?;
    }
    Ok(found)
}

/// The schema version of an open database (0 when empty).
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?)
}

//! The Tidings store: annotated articles, searchable.
//!
//! [`Store`] is the interface the CLI and the API program against;
//! [`SqliteStore`] is the embedded implementation (SQLite, WAL, FTS5) and
//! [`PgStore`] the shared one (PostgreSQL, full text with `tsvector` and GIN,
//! binary `COPY` for writes, safe with many writers at once); [`open`] picks
//! one from a `--db` value.
//!
//! Choices:
//! - **Idempotent by content.** An article is keyed by the BLAKE3 hash of its
//!   text ([`content_hash`]); storing the same text again is a no-op. An
//!   article whose URL is already stored with other text replaces it (the
//!   page changed).
//! - **Each article all or nothing.** Everything an article brings (row,
//!   entities, mentions, quotes, time expressions, events) is written in one
//!   transaction ([`Store::put`]), or in one savepoint of a batch transaction
//!   ([`Store::put_batch`], which commits a chunk at once for speed), so a
//!   crash or `kill -9` leaves each article either wholly stored or absent;
//!   re-running the ingest completes the rest.
//! - **Entities merge across articles** by [`tidings_model::Entity::key`];
//!   every surface name seen is kept as an alias.
//! - **Offsets are code points** into the article text (see [`schema`]).
//! - Reads are paged and bounded: no query returns more than [`MAX_LIMIT`] rows.

pub mod export;
pub mod pg;
mod read;
pub mod records;
pub mod schema;
mod sqlite;
pub mod synth;
mod write;

use chrono::NaiveDate;

pub use export::Layer;
pub use pg::PgStore;
pub use records::*;
pub use sqlite::SqliteStore;
pub use write::content_hash;

/// The most rows one query returns.
pub const MAX_LIMIT: u32 = 200;
/// Rows per page when none is asked for.
pub const DEFAULT_LIMIT: u32 = 20;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {}", pg_message(.0))]
    Postgres(#[from] postgres::Error),
    #[error(
        "document {doc}: its text or metadata holds a NUL character, which PostgreSQL cannot store"
    )]
    Nul { doc: String },
    #[error("the write kept conflicting with other writers; try again")]
    Conflict,
    #[error("cannot create the folder for the database {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "the database has schema version {found}, newer than this Tidings knows ({known}); upgrade Tidings"
    )]
    TooNew { found: i64, known: i64 },
    #[error("document {doc}: span {start}..{end} does not fit its text of {len} bytes")]
    BadSpan {
        doc: String,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("invalid stored JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A window into a result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: u32,
    pub offset: u32,
}

impl Page {
    /// A page with `limit` clamped to `1..=MAX_LIMIT`.
    pub fn new(limit: u32, offset: u32) -> Self {
        Page {
            limit: limit.clamp(1, MAX_LIMIT),
            offset,
        }
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::new(DEFAULT_LIMIT, 0)
    }
}

/// Filters for quotes. Text filters are words, all of which must match
/// (stemmed, case- and accent-insensitive).
#[derive(Debug, Clone, Default)]
pub struct QuoteQuery {
    /// Words of the speaker's name.
    pub speaker: Option<String>,
    /// The store id of the speaking entity.
    pub speaker_entity: Option<i64>,
    /// Words in the quote.
    pub q: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only quotes from unnamed sources (`true`) or from named ones (`false`).
    pub anonymous: Option<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    /// Words in the title or text.
    pub q: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct EntityQuery {
    /// Words of a name or alias; the last word may be a prefix.
    pub q: Option<String>,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub etype: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Words of an actor's name (source or target).
    pub actor: Option<String>,
    /// The store id of an actor entity (source or target); when given,
    /// `actor` is not used.
    pub actor_entity: Option<i64>,
    /// PLOVER type, e.g. `ACCUSE`.
    pub etype: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// An actor's CAMEO country code (`RUS`): the source or the target.
    pub country: Option<String>,
    /// An actor's CAMEO sector code (`GOV`); with `country`, of the same actor.
    pub sector: Option<String>,
}

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// New content, stored under this id.
    Added(i64),
    /// New content for a stored URL: the old article was replaced.
    Replaced(i64),
    /// This content was already stored under this id; nothing changed.
    Unchanged(i64),
}

impl Stored {
    pub fn id(self) -> i64 {
        match self {
            Stored::Added(id) | Stored::Replaced(id) | Stored::Unchanged(id) => id,
        }
    }
}

/// Where an article came from, kept with it.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// File path, WARC record, or `stdin`.
    pub source: String,
}

/// The store interface: write annotated documents, read them back.
///
/// Implementations are shared between threads; every method takes `&self`.
pub trait Store: Send + Sync {
    /// Store one annotated document in one transaction (see [`Stored`]).
    fn put(&self, doc: &tidings_model::Document, from: &Provenance) -> Result<Stored, StoreError>;
    /// Store many annotated documents in one transaction, each all or nothing
    /// (a savepoint per document): the result for each, in order. Much faster
    /// than [`Store::put`] per document; a crash loses at most this batch.
    fn put_batch(
        &self,
        docs: &[(&tidings_model::Document, &Provenance)],
    ) -> Result<Vec<Result<Stored, StoreError>>, StoreError>;
    /// The id of the article with this content hash, if stored.
    fn find_content(&self, hash: &str) -> Result<Option<i64>, StoreError>;
    fn stats(&self) -> Result<Stats, StoreError>;
    fn articles(&self, q: &ArticleQuery, page: Page) -> Result<Paged<ArticleSummary>, StoreError>;
    fn article(&self, id: i64) -> Result<Option<ArticleDetail>, StoreError>;
    fn quotes(&self, q: &QuoteQuery, page: Page) -> Result<Paged<QuoteRow>, StoreError>;
    fn entities(&self, q: &EntityQuery, page: Page) -> Result<Paged<EntitySummary>, StoreError>;
    fn entity(&self, id: i64) -> Result<Option<EntityDetail>, StoreError>;
    fn events(&self, q: &EventQuery, page: Page) -> Result<Paged<EventRow>, StoreError>;
    /// Every row of one layer, in id order, as JSON values in
    /// [`Layer::columns`] order.
    fn export(
        &self,
        layer: Layer,
        each: &mut dyn FnMut(Vec<serde_json::Value>) -> std::io::Result<()>,
    ) -> Result<u64, ExportError>;
}

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
}

impl From<postgres::Error> for ExportError {
    fn from(e: postgres::Error) -> Self {
        ExportError::Store(e.into())
    }
}

/// A PostgreSQL error with the server's own message and detail when there is one.
fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    }
}

/// Open the store named by a `--db` value: a `postgres://` or
/// `postgresql://` URL opens [`PgStore`], anything else is the path of a
/// SQLite file ([`SqliteStore`], created when missing).
pub fn open(db: &str) -> Result<Box<dyn Store>, StoreError> {
    if PgStore::is_url(db) {
        Ok(Box::new(PgStore::open(db)?))
    } else {
        Ok(Box::new(SqliteStore::open(std::path::Path::new(db))?))
    }
}

impl From<rusqlite::Error> for ExportError {
    fn from(e: rusqlite::Error) -> Self {
        ExportError::Store(e.into())
    }
}

/// The current time as an RFC 3339 UTC string.
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

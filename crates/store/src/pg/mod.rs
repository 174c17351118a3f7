//! The PostgreSQL store: one database shared by many processes and people.
//!
//! [`PgStore`] implements [`Store`] over PostgreSQL with the sync `postgres`
//! client (tokio-postgres underneath). Connections come from a small pool;
//! every one serves reads and writes, since PostgreSQL (not this process)
//! orders concurrent writers. The schema is in [`schema`]; writes (binary
//! `COPY`, safe with concurrent writers) in `write`; queries in `read`, the
//! same pages as the SQLite store's; whole-table exports in `export`;
//! [`TempCluster`] starts a throwaway server for tests and measurements.
//!
//! Durability is PostgreSQL's: a committed batch survives a crash of the
//! process or of the machine.

mod cluster;
mod export;
mod read;
pub mod schema;
mod write;

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Statement};

pub use cluster::TempCluster;

use crate::{
    ArticleDetail, ArticleQuery, ArticleSummary, EntityDetail, EntityQuery, EntitySummary,
    EventQuery, EventRow, ExportError, Layer, Page, Paged, Provenance, QuoteQuery, QuoteRow, Stats,
    Store, StoreError, Stored,
};

/// Connections kept open between calls.
const IDLE_CONNECTIONS: usize = 16;
/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// A connection with its prepared statements.
pub(crate) struct Conn {
    client: Client,
    statements: HashMap<String, Statement>,
}

impl Conn {
    /// The prepared statement for `sql`, prepared once per connection.
    fn statement(&mut self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        let s = self.client.prepare(sql)?;
        self.statements.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    pub(crate) fn query(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, StoreError> {
        let s = self.statement(sql)?;
        Ok(self.client.query(&s, params)?)
    }

    pub(crate) fn query_opt(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>, StoreError> {
        let s = self.statement(sql)?;
        Ok(self.client.query_opt(&s, params)?)
    }
}

/// A store in a PostgreSQL database.
pub struct PgStore {
    config: postgres::Config,
    shown: String,
    pool: Mutex<Vec<Conn>>,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").field("url", &self.shown).finish()
    }
}

impl PgStore {
    /// Whether `s` names a PostgreSQL database (`postgres://…` or
    /// `postgresql://…`) rather than a SQLite file.
    pub fn is_url(s: &str) -> bool {
        s.starts_with("postgres://") || s.starts_with("postgresql://")
    }

    /// Connect to the database at `url` (a libpq URL such as
    /// `postgres://user:password@host:5432/tidings`) and migrate it to the
    /// current schema. The database must exist.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        let config: postgres::Config = url.parse()?;
        let store = PgStore {
            config,
            shown: redact(url),
            pool: Mutex::new(Vec::new()),
        };
        let mut conn = store.connect()?;
        schema::migrate(&mut conn.client)?;
        store.give_back(conn);
        Ok(store)
    }

    /// The URL without its password, for messages.
    pub fn url(&self) -> &str {
        &self.shown
    }

    fn connect(&self) -> Result<Conn, StoreError> {
        let mut client = self.config.connect(NoTls)?;
        // Searches differ widely in how many rows they match, so each query
        // is planned for its own parameters rather than once for all.
        client.batch_execute(
            "SET application_name = 'tidings'; SET plan_cache_mode = force_custom_plan",
        )?;
        Ok(Conn {
            client,
            statements: HashMap::new(),
        })
    }

    fn give_back(&self, conn: Conn) {
        if conn.client.is_closed() {
            return;
        }
        let mut pool = self.pool.lock().unwrap_or_else(PoisonError::into_inner);
        if pool.len() < IDLE_CONNECTIONS {
            pool.push(conn);
        }
    }

    /// Run `f` on a connection from the pool (a new one when none is idle).
    fn with<T>(&self, f: impl FnOnce(&mut Conn) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let idle = self
            .pool
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        let mut conn = match idle {
            Some(c) => c,
            None => self.connect()?,
        };
        let out = f(&mut conn);
        self.give_back(conn);
        out
    }
}

/// `url` with any password replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (auth, host) = match rest.rsplit_once('@') {
        Some(parts) => parts,
        None => return url.to_string(),
    };
    match auth.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

impl Store for PgStore {
    fn put(&self, doc: &tidings_model::Document, from: &Provenance) -> Result<Stored, StoreError> {
        self.put_batch(&[(doc, from)])?
            .pop()
            .unwrap_or(Err(StoreError::Conflict))
    }

    fn put_batch(
        &self,
        docs: &[(&tidings_model::Document, &Provenance)],
    ) -> Result<Vec<Result<Stored, StoreError>>, StoreError> {
        self.with(|c| write::put_batch(&mut c.client, docs))
    }

    fn find_content(&self, hash: &str) -> Result<Option<i64>, StoreError> {
        self.with(|c| read::find_content(c, hash))
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        self.with(read::stats)
    }

    fn articles(&self, q: &ArticleQuery, page: Page) -> Result<Paged<ArticleSummary>, StoreError> {
        self.with(|c| read::articles(c, q, page))
    }

    fn article(&self, id: i64) -> Result<Option<ArticleDetail>, StoreError> {
        self.with(|c| read::article(c, id))
    }

    fn quotes(&self, q: &QuoteQuery, page: Page) -> Result<Paged<QuoteRow>, StoreError> {
        self.with(|c| read::quotes(c, q, page))
    }

    fn entities(&self, q: &EntityQuery, page: Page) -> Result<Paged<EntitySummary>, StoreError> {
        self.with(|c| read::entities(c, q, page))
    }

    fn entity(&self, id: i64) -> Result<Option<EntityDetail>, StoreError> {
        self.with(|c| read::entity(c, id))
    }

    fn events(&self, q: &EventQuery, page: Page) -> Result<Paged<EventRow>, StoreError> {
        self.with(|c| read::events(c, q, page))
    }

    fn export(
        &self,
        layer: Layer,
        each: &mut dyn FnMut(Vec<serde_json::Value>) -> std::io::Result<()>,
    ) -> Result<u64, ExportError> {
        let mut conn = self.connect()?;
        export::export(&mut conn.client, layer, each)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://ann:secret@db.example:5432/news"),
            "postgres://ann:***@db.example:5432/news"
        );
        assert_eq!(redact("postgres://db/news"), "postgres://db/news");
        assert!(PgStore::is_url("postgresql://x/y") && !PgStore::is_url("news.db"));
    }
}

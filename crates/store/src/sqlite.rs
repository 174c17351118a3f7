//! The embedded SQLite store: one writer connection, a pool of readers.
//!
//! The database runs in WAL mode, so readers never block the writer nor each
//! other, with `synchronous = NORMAL`: a committed article survives a crash
//! of the process (`kill -9`); an operating-system crash may lose the last
//! few commits but never corrupts the database or splits an article.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, OpenFlags};

use crate::{
    ArticleDetail, ArticleQuery, ArticleSummary, EntityDetail, EntityQuery, EntitySummary,
    EventQuery, EventRow, ExportError, Layer, Page, Paged, Provenance, QuoteQuery, QuoteRow, Stats,
    Store, StoreError, Stored, read, schema, write,
};

/// Readers kept open between queries.
const IDLE_READERS: usize = 16;

/// A store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

impl SqliteStore {
    /// Open (creating when missing) the database at `path` and migrate it to
    /// the current schema.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let mut writer = Connection::open(path)?;
        configure(&writer)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        schema::migrate(&mut writer)?;
        Ok(SqliteStore {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The default database: `$TIDINGS_DB` when set, else
    /// `$XDG_DATA_HOME/tidings/tidings.db`, else
    /// `~/.local/share/tidings/tidings.db`, else `./tidings.db`.
    pub fn default_path() -> PathBuf {
        if let Some(p) = std::env::var_os("TIDINGS_DB").filter(|p| !p.is_empty()) {
            return PathBuf::from(p);
        }
        let data = std::env::var_os("XDG_DATA_HOME")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|p| !p.is_empty())
                    .map(|h| PathBuf::from(h).join(".local/share"))
            });
        match data {
            Some(d) => d.join("tidings").join("tidings.db"),
            None => PathBuf::from("tidings.db"),
        }
    }

    fn writer(&self) -> MutexGuard<'_, Connection> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Run `f` on a reader connection from the pool.
    fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let conn = self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match conn {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                configure(&c)?;
                c
            }
        };
        let out = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < IDLE_READERS {
            pool.push(conn);
        }
        out
    }
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -32_000)?;
    conn.pragma_update(None, "mmap_size", 268_435_456)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

impl Store for SqliteStore {
    fn put(&self, doc: &tidings_model::Document, from: &Provenance) -> Result<Stored, StoreError> {
        write::put(&mut self.writer(), doc, from)
    }

    fn put_batch(
        &self,
        docs: &[(&tidings_model::Document, &Provenance)],
    ) -> Result<Vec<Result<Stored, StoreError>>, StoreError> {
        write::put_batch(&mut self.writer(), docs)
    }

    fn find_content(&self, hash: &str) -> Result<Option<i64>, StoreError> {
        self.read(|c| read::find_content(c, hash))
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        self.read(read::stats)
    }

    fn articles(&self, q: &ArticleQuery, page: Page) -> Result<Paged<ArticleSummary>, StoreError> {
        self.read(|c| read::articles(c, q, page))
    }

    fn article(&self, id: i64) -> Result<Option<ArticleDetail>, StoreError> {
        self.read(|c| read::article(c, id))
    }

    fn quotes(&self, q: &QuoteQuery, page: Page) -> Result<Paged<QuoteRow>, StoreError> {
        self.read(|c| read::quotes(c, q, page))
    }

    fn entities(&self, q: &EntityQuery, page: Page) -> Result<Paged<EntitySummary>, StoreError> {
        self.read(|c| read::entities(c, q, page))
    }

    fn entity(&self, id: i64) -> Result<Option<EntityDetail>, StoreError> {
        self.read(|c| read::entity(c, id))
    }

    fn events(&self, q: &EventQuery, page: Page) -> Result<Paged<EventRow>, StoreError> {
        self.read(|c| read::events(c, q, page))
    }

    fn export(
        &self,
        layer: Layer,
        each: &mut dyn FnMut(Vec<serde_json::Value>) -> std::io::Result<()>,
    ) -> Result<u64, ExportError> {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(StoreError::from)?;
        configure(&conn)?;
        crate::export::export(&conn, layer, each)
    }
}

//! Flags shared by the commands that use the store.

use std::path::PathBuf;

use tidings_store::{PgStore, SqliteStore, Store};

use crate::tabular::Format;

/// `--db PATH|URL`: which store to use.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// The store: a SQLite file, or a PostgreSQL database as
    /// postgres://USER:PASSWORD@HOST:PORT/DBNAME. Default: $TIDINGS_DB, else
    /// $XDG_DATA_HOME/tidings/tidings.db, else ~/.local/share/tidings/tidings.db.
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<PathBuf>,
}

impl DbArg {
    /// The SQLite path or PostgreSQL URL named (or the default).
    pub fn path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(SqliteStore::default_path)
    }

    /// Whether the store is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        PgStore::is_url(&self.path().to_string_lossy())
    }

    /// The store's name for messages (a URL without its password).
    pub fn shown(&self) -> String {
        let path = self.path();
        let s = path.to_string_lossy();
        if PgStore::is_url(&s) {
            tidings_store::pg::redact(&s)
        } else {
            path.display().to_string()
        }
    }

    /// Open the store, creating a SQLite file when missing (a PostgreSQL
    /// database must exist; its tables are created when missing).
    pub fn open(&self) -> anyhow::Result<Box<dyn Store>> {
        tidings_store::open(&self.path().to_string_lossy())
            .map_err(|e| anyhow::anyhow!("cannot open the store {}: {e}", self.shown()))
    }

    /// Open a store that must already exist (queries never create a SQLite file).
    pub fn open_existing(&self) -> anyhow::Result<Box<dyn Store>> {
        let path = self.path();
        if !self.is_postgres() && !path.exists() {
            anyhow::bail!(
                "no store at {}: run `tidings ingest` first, or name one with --db",
                path.display()
            );
        }
        self.open()
    }
}

/// A `YYYY-MM-DD` date flag.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

/// Date range, paging and output format: the flags every listing command shares.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,
    /// Results to show (at most 200).
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
    /// Results to skip, for the next page.
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

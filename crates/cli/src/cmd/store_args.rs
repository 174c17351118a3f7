//! Flags shared by the commands that use the store.

use std::path::PathBuf;

use tidings_store::SqliteStore;

use crate::tabular::Format;

/// `--db PATH`: which store to use.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArg {
    /// The store (SQLite file). Default: $TIDINGS_DB, else
    /// $XDG_DATA_HOME/tidings/tidings.db, else ~/.local/share/tidings/tidings.db.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

impl DbArg {
    pub fn path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(SqliteStore::default_path)
    }

    /// Open a store that must already exist (queries never create one).
    pub fn open_existing(&self) -> anyhow::Result<SqliteStore> {
        let path = self.path();
        if !path.exists() {
            anyhow::bail!(
                "no store at {}: run `tidings ingest` first, or name one with --db",
                path.display()
            );
        }
        SqliteStore::open(&path)
            .map_err(|e| anyhow::anyhow!("cannot open the store {}: {e}", path.display()))
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

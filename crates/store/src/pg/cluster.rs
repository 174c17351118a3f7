//! A throwaway PostgreSQL server, for tests and measurements.
//!
//! [`TempCluster::start`] runs Debian's `pg_virtualenv` (postgresql-common),
//! which creates a cluster in a temporary folder (about 3 s), and keeps it
//! alive by holding a pipe open: when the cluster value is dropped, or the
//! process that started it exits for any reason, the pipe closes and
//! `pg_virtualenv` stops the server and deletes the cluster. The cluster's
//! URL comes back through a file, and `pg_virtualenv`'s own output goes
//! nowhere, so that its clean-up never writes to a closed pipe (which would
//! kill it half-way and leave the server running). With
//! `TIDINGS_TEST_POSTGRES` set to a server URL (its `postgres` database, as a
//! superuser), that server is used instead and nothing is started.

use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use postgres::{Client, NoTls};

/// A PostgreSQL server that lasts as long as this value (or this process).
#[derive(Debug)]
pub struct TempCluster {
    url: String,
    keeper: Option<(Child, ChildStdin)>,
}

/// The script run inside the cluster: write its URL to the file `$0` (then
/// rename, so the file appears whole), then wait for the pipe to close.
const HOLD: &str = "echo \"postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE\" > \"$0.part\" \
                    && mv \"$0.part\" \"$0\"; exec cat >/dev/null";

/// How long a cluster may take to start.
const START_TIMEOUT: Duration = Duration::from_secs(120);

impl TempCluster {
    /// Start a cluster, or use `TIDINGS_TEST_POSTGRES`. The error says why
    /// PostgreSQL is not available (e.g. `pg_virtualenv` is not installed).
    pub fn start() -> Result<TempCluster, String> {
        if let Some(url) = std::env::var("TIDINGS_TEST_POSTGRES")
            .ok()
            .filter(|u| !u.is_empty())
        {
            return Ok(TempCluster { url, keeper: None });
        }
        // Two clusters created at the same moment (other test processes on
        // the machine) can pick the same port; the loser fails at once and
        // tries again.
        let mut why = String::new();
        for _ in 0..3 {
            match Self::launch() {
                Ok(c) => return Ok(c),
                Err(e) if e.starts_with("cannot run") => return Err(e),
                Err(e) => why = e,
            }
        }
        Err(why)
    }

    /// One attempt at starting a cluster with `pg_virtualenv`.
    fn launch() -> Result<TempCluster, String> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let url_file: PathBuf = std::env::temp_dir().join(format!(
            "tidings-pg-{}-{}.url",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let mut child = Command::new("pg_virtualenv")
            .args(["-t", "-o", "fsync=off", "-o", "max_connections=200"])
            .args(["sh", "-c", HOLD])
            .arg(&url_file)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot run pg_virtualenv ({e}); install the Debian packages postgresql and postgresql-common"
                )
            })?;
        let stdin = child.stdin.take().ok_or("no pipe to pg_virtualenv")?;
        let started = Instant::now();
        loop {
            if let Ok(url) = std::fs::read_to_string(&url_file) {
                let _ = std::fs::remove_file(&url_file);
                return Ok(TempCluster {
                    url: url.trim().to_string(),
                    keeper: Some((child, stdin)),
                });
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!(
                    "pg_virtualenv could not start a cluster ({status})"
                ));
            }
            if started.elapsed() > START_TIMEOUT {
                drop(stdin);
                let _ = child.kill();
                return Err("pg_virtualenv did not start a cluster in time".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The URL of the server's `postgres` database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Create a new, empty database named after `prefix` (plus a number unique
    /// in this process) and return its URL.
    pub fn new_database(&self, prefix: &str) -> Result<String, postgres::Error> {
        static NEXT_DB: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            "{}_{}_{}",
            prefix
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
                .to_lowercase(),
            std::process::id(),
            NEXT_DB.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = Client::connect(&self.url, NoTls)?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        let base = self
            .url
            .rsplit_once('/')
            .map_or(self.url.as_str(), |(b, _)| b);
        Ok(format!("{base}/{name}"))
    }
}

impl Drop for TempCluster {
    fn drop(&mut self) {
        if let Some((mut child, stdin)) = self.keeper.take() {
            drop(stdin);
            let _ = child.wait();
        }
    }
}

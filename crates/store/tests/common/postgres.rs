//! A fresh PostgreSQL database per test, on one throwaway cluster per test
//! process (`pg_virtualenv`, started on first use, gone when the process
//! ends). Without PostgreSQL the tests skip with a message, unless
//! `TIDINGS_REQUIRE_POSTGRES=1` (set by `scripts/test.sh` once it has
//! installed PostgreSQL), which turns the skip into a failure.

use std::sync::OnceLock;

use tidings_store::PgStore;
use tidings_store::pg::TempCluster;

fn cluster() -> Option<&'static TempCluster> {
    static CLUSTER: OnceLock<Result<TempCluster, String>> = OnceLock::new();
    match CLUSTER.get_or_init(TempCluster::start) {
        Ok(c) => Some(c),
        Err(why) => {
            if std::env::var("TIDINGS_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
                panic!("PostgreSQL is required (TIDINGS_REQUIRE_POSTGRES=1): {why}");
            }
            eprintln!("SKIPPED: PostgreSQL test: {why}");
            None
        }
    }
}

/// The URL of a new, empty database for the test `name`, or `None` (after
/// saying why) when PostgreSQL is not available.
pub fn database(name: &str) -> Option<String> {
    let c = cluster()?;
    Some(
        c.new_database(&format!("t_{name}"))
            .unwrap_or_else(|e| panic!("cannot create a test database: {e}")),
    )
}

/// A store in a new, empty database for the test `name`.
pub fn store(name: &str) -> Option<PgStore> {
    let url = database(name)?;
    Some(PgStore::open(&url).unwrap_or_else(|e| panic!("cannot open {url}: {e}")))
}

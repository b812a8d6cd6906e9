//! # kinerja-store
//!
//! Kinerja's embedded analytics database: a DuckDB file holding every fact
//! with its source, the analyst views, and SQL macros that compute exactly
//! what `kinerja-core` computes.
//!
//! ## Decisions
//!
//! * **The only crate that knows SQL.** Schema, migrations and views live in
//!   `sql/*.sql` (compiled in with `include_str!`); formula macros are
//!   rendered from the core's formula trees ([`render`]), so the database
//!   file keeps answering in the plain DuckDB CLI or Python, with the same
//!   results as Rust.
//! * **Exact types.** Rupiah are `DECIMAL(18,2)`, scores `DECIMAL(18,4)`;
//!   Rust sees `Decimal`. Nothing passes through a float.
//! * **Loads are transactions.** A load validates first (`kinerja-data`),
//!   then bulk-appends into staging tables and upserts in one transaction;
//!   any error leaves the file exactly as it was. Reloading the same data
//!   changes nothing.
//! * **National scale.** Raw SKM answers are appended without index
//!   maintenance; `skm_agregat` (per unit-year, per unsur: sum and count) is
//!   recomputed for the unit-years a load touches, so IKM views never rescan
//!   raw answers; and every view that computes reads a stored result
//!   (`cache_*`, refreshed in the transaction of every write that can change
//!   it), so reading capaian, ranks or IKM for 7,285 kecamatan takes
//!   milliseconds, not a recomputation of exact fractions per row.
//! * **Versioned schema.** `schema_version` records the migrations applied;
//!   opening an older file applies the missing ones in a transaction; a file
//!   from a newer Kinerja is refused, not damaged.

pub mod audit;
pub mod export;
mod laporan;
mod load;
pub mod query;
pub mod render;
pub mod riwayat;
mod schema;
pub mod spark;
mod sql;
mod stream;
mod sumber;
pub mod synth;

use std::path::Path;

use duckdb::{AccessMode, Config, Connection};

pub use load::{LoadSummary, Temuan};
pub use schema::SCHEMA_VERSION;
pub use stream::BIT_MAKS;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database reported an error.
    #[error("database: {0}")]
    Db(#[from] duckdb::Error),
    /// A statement failed; `query` names it (a named query of
    /// `sql/queries.sql`, a migration, a table).
    #[error("database: query {query}: {source}")]
    Query {
        /// The statement.
        query: String,
        /// The database's error.
        source: duckdb::Error,
    },
    /// Data files did not validate.
    #[error(transparent)]
    Data(#[from] kinerja_data::Error),
    /// A calculation failed.
    #[error(transparent)]
    Core(#[from] kinerja_core::Error),
    /// The file was written by a newer Kinerja.
    #[error(
        "the database has schema version {found}; this Kinerja supports up to {supported}: upgrade Kinerja to open it"
    )]
    NewerSchema {
        /// Version in the file.
        found: i32,
        /// Newest version this build knows.
        supported: i32,
    },
    /// The file is not a Kinerja database.
    #[error("{0}")]
    NotKinerja(String),
    /// Something asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Invalid request.
    #[error("{0}")]
    Invalid(String),
    /// A file or directory could not be created, read or written.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done (`"creating"`, `"reading"`, `"writing"`).
        action: &'static str,
        /// The path.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An export could not be written.
    #[error("writing {path}: {source}")]
    Export {
        /// Where the export was going.
        path: std::path::PathBuf,
        /// The database's error.
        source: duckdb::Error,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Creates a directory and its parents, naming it on error.
pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { action: "creating", path: dir.to_path_buf(), source })
}

/// An open Kinerja database.
pub struct Store {
    conn: Connection,
    read_only: bool,
}

impl Store {
    /// Opens (creating if needed) a database file, migrating it to the
    /// current schema and refreshing views and macros.
    ///
    /// ```
    /// let dir = tempfile::tempdir()?;
    /// let store = kinerja_store::Store::open(&dir.path().join("k.duckdb"))?;
    /// assert_eq!(store.schema_version()?, kinerja_store::SCHEMA_VERSION);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_dir(dir)?;
        }
        let conn = Connection::open(path)?;
        Store::init(conn)
    }

    /// Caps the memory DuckDB uses for this connection (`"400MB"`, `"2GB"`);
    /// beyond it, large loads and queries spill to a temporary directory next
    /// to the database instead of growing. Insertion order is not kept
    /// (tables have no order; every query orders what it shows), which
    /// lets DuckDB stream large inserts.
    ///
    /// ```
    /// let store = kinerja_store::Store::open_in_memory()?;
    /// store.limit_memory("400MB")?;
    /// assert!(store.limit_memory("lots").is_err());
    /// # Ok::<(), kinerja_store::Error>(())
    /// ```
    pub fn limit_memory(&self, limit: &str) -> Result<()> {
        let l = limit.trim();
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        let unit = l[digits..].trim().to_ascii_uppercase();
        if digits == 0 || !["KB", "MB", "GB", "KIB", "MIB", "GIB"].contains(&unit.as_str()) {
            return Err(Error::Invalid(format!("expected a memory size such as 400MB or 2GB, found {limit:?}")));
        }
        let sql = crate::sql::filled("memory_limit", &[("limit", &format!("{}{unit}", &l[..digits]))])?;
        self.conn.execute_batch(&sql).map_err(crate::sql::at("memory_limit"))
    }

    /// An in-memory database (tests, one-off calculations).
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    /// Opens an existing database read-only: queries work, writes fail.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::NotFound(format!("no database at {}: run `kinerja load` first", path.display())));
        }
        let config = Config::default().access_mode(AccessMode::ReadOnly)?;
        let conn = Connection::open_with_flags(path, config)?;
        let store = Store { conn, read_only: true };
        let v = store.schema_version()?;
        if v > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found: v, supported: SCHEMA_VERSION });
        }
        if v < SCHEMA_VERSION {
            return Err(Error::Invalid(format!(
                "the database has schema version {v}; open it once for writing (e.g. `kinerja load`) to migrate it to {SCHEMA_VERSION}"
            )));
        }
        if !schema::derived_current(&store.conn)? {
            return Err(Error::Invalid(
                "the database's views were built by another version of Kinerja; open it once for writing (e.g. `kinerja load`) to rebuild them".into(),
            ));
        }
        Ok(store)
    }

    fn init(conn: Connection) -> Result<Store> {
        let store = Store { conn, read_only: false };
        schema::apply(&store.conn)?;
        Ok(store)
    }

    /// The underlying connection (for queries; the schema is managed here).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Whether the store was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The schema version recorded in the file (0 for an empty file).
    pub fn schema_version(&self) -> Result<i32> {
        schema::version(&self.conn)
    }
}

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
mod bahan;
mod cache_sources;
pub mod export;
mod jawaban;
pub mod kepastian;
mod laporan;
mod load;
pub mod query;
pub mod render;
pub mod riwayat;
mod schema;
pub mod spark;
mod sql;
pub mod synth;

use std::path::Path;

use std::path::PathBuf;

use duckdb::{AccessMode, Config, Connection};
use kinerja_pesan::{Arg, Message, Pesan, msg};

/// Progress callback: `(table, rows done, rows total)`.
pub type Progress<'a> = &'a mut dyn FnMut(&str, u64, u64);

pub use jawaban::RESPONDEN_SPAN_MAX;
pub use load::{LoadSummary, TemuanTersimpan};
pub use schema::SCHEMA_VERSION;

/// What the store looked for and did not find.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotFound {
    /// No database file at the path.
    Database {
        /// The path.
        path: PathBuf,
    },
    /// No kecamatan with this name or code.
    Kecamatan {
        /// What was asked for.
        key: String,
    },
    /// No kabupaten with this code.
    Kabupaten {
        /// The code.
        kode: String,
    },
    /// No kabupaten or provinsi with this code.
    Wilayah {
        /// The code.
        kode: String,
    },
    /// The kabupaten has no kecamatan.
    KecamatanOf {
        /// The kabupaten's code.
        kode: String,
    },
    /// No kecamatan of the kabupaten to fill with synthetic data.
    KecamatanToFill {
        /// The kabupaten's code.
        kode: String,
    },
    /// No realisasi of any kecamatan of the kabupaten in the year.
    Realisasi {
        /// The kabupaten's code.
        kode: String,
        /// The year.
        tahun: i32,
        /// The indicator asked for.
        indikator: Option<String>,
    },
    /// No figures for the kecamatan in the year.
    Report {
        /// The kecamatan's code.
        kode: String,
        /// Its name.
        nama: String,
        /// The year.
        tahun: i32,
    },
}

/// The store's errors: classified once, where DuckDB answers ([`sql::at`]),
/// so that callers match variants, never message text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Another process holds the database file: DuckDB lets one process
    /// write a file, and none read it meanwhile.
    #[error("{}", self.pesan())]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// The disk holding the database or its temporary files is full.
    #[error("{}", self.pesan())]
    DiskFull {
        /// DuckDB's words.
        detail: String,
    },
    /// DuckDB needed more memory than its limit allows.
    #[error("{}", self.pesan())]
    OutOfMemory {
        /// DuckDB's words.
        detail: String,
    },
    /// A write on a database opened read-only.
    #[error("{}", self.pesan())]
    ReadOnly,
    /// Any other failure DuckDB reports; `query` names the statement (a
    /// named query of `sql/queries.sql`, a migration, a table), when one.
    #[error("{}", self.pesan())]
    Db {
        /// The statement.
        query: Option<String>,
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
    #[error("{}", self.pesan())]
    NewerSchema {
        /// Version in the file.
        found: i32,
        /// Newest version this build knows.
        supported: i32,
    },
    /// A file of an older schema opened read-only: it must be migrated first.
    #[error("{}", self.pesan())]
    OlderSchema {
        /// Version in the file.
        found: i32,
        /// The version this build migrates to.
        supported: i32,
    },
    /// Views and macros built by another Kinerja, opened read-only.
    #[error("{}", self.pesan())]
    DerivedStale,
    /// The file is a DuckDB file but not a Kinerja database.
    #[error("{}", self.pesan())]
    NotKinerja,
    /// Something asked for does not exist.
    #[error("{}", self.pesan())]
    NotFound(NotFound),
    /// A name matches several kecamatan.
    #[error("{}", self.pesan())]
    Ambiguous {
        /// What was asked for.
        key: String,
        /// `kode nama` of each match.
        matches: Vec<String>,
    },
    /// Not a memory size (`--memory-limit`).
    #[error("{}", self.pesan())]
    MemorySize {
        /// What was given.
        found: String,
    },
    /// Facts of units or indicators the database does not hold.
    #[error("{}", self.pesan())]
    MissingReferences {
        /// A planning scenario's name, when the facts are its targets.
        skenario: Option<String>,
        /// `kecamatan X`, `indikator Y`.
        missing: Vec<Pesan>,
    },
    /// Scenario targets outside their indicator's scale.
    #[error("{}", self.pesan())]
    ScenarioTargets {
        /// The scenario.
        skenario: String,
        /// One message per target.
        targets: Vec<Pesan>,
    },
    /// Synthetic demo data needs the ikm and akip indicators loaded.
    #[error("{}", self.pesan())]
    DemoNeedsIndikator,
    /// Synthetic national data with years out of order or a share above 1.
    #[error("{}", self.pesan())]
    SynthParameters {
        /// First year.
        awal: i32,
        /// Last year.
        akhir: i32,
        /// Share in parts per million.
        ppm: u32,
    },
    /// A file or directory could not be created, read or written.
    #[error("{}", self.pesan())]
    Io {
        /// What was being done.
        action: IoAction,
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An export could not be written.
    #[error("{}", self.pesan())]
    Export {
        /// Where the export was going.
        path: PathBuf,
        /// The database's error.
        source: duckdb::Error,
    },
    /// A fault in Kinerja itself (a named statement missing, a formula
    /// without an SQL form): never the user's input.
    #[error("{}", self.pesan())]
    Internal(String),
}

/// What a file operation was doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    /// Creating a directory.
    Creating,
    /// Reading a file.
    Reading,
    /// Writing a file.
    Writing,
}

impl Message for NotFound {
    fn pesan(&self) -> Pesan {
        match self {
            NotFound::Database { path } => msg::store_no_database(path.display()),
            NotFound::Kecamatan { key } => msg::store_no_kecamatan(key),
            NotFound::Kabupaten { kode } => msg::store_no_kabupaten(kode),
            NotFound::Wilayah { kode } => msg::store_no_wilayah(kode),
            NotFound::KecamatanOf { kode } => msg::store_no_kecamatan_of(kode),
            NotFound::KecamatanToFill { kode } => msg::store_no_kecamatan_to_fill(kode),
            NotFound::Realisasi { kode, tahun, indikator: None } => msg::store_no_realisasi(*tahun, kode),
            NotFound::Realisasi { kode, tahun, indikator: Some(i) } => {
                msg::store_no_realisasi_indikator(*tahun, kode, i)
            }
            NotFound::Report { kode, nama, tahun } => msg::store_no_report(kode, nama, *tahun),
        }
    }
}

/// DuckDB's own words for a failure: its first line.
fn detail(e: &duckdb::Error) -> String {
    e.to_string().lines().next().unwrap_or_default().to_string()
}

impl Message for Error {
    fn pesan(&self) -> Pesan {
        match self {
            Error::Locked { path } => msg::store_locked(path.display()),
            Error::DiskFull { detail } => msg::store_disk_full(detail),
            Error::OutOfMemory { detail } => msg::store_out_of_memory(detail),
            Error::ReadOnly => msg::store_read_only(),
            Error::Db { query: Some(q), source } => msg::store_query(q, detail(source)),
            Error::Db { query: None, source } => msg::store_database(detail(source)),
            Error::Data(e) => e.pesan(),
            Error::Core(e) => e.pesan(),
            Error::NewerSchema { found, supported } => msg::store_newer_schema(*found, *supported),
            Error::OlderSchema { found, supported } => msg::store_older_schema(*found, *supported),
            Error::DerivedStale => msg::store_derived_stale(),
            Error::NotKinerja => msg::store_not_kinerja(),
            Error::NotFound(n) => n.pesan(),
            Error::Ambiguous { key, matches } => msg::store_ambiguous_kecamatan(key, matches.join(", ")),
            Error::MemorySize { found } => msg::store_memory_size(found),
            Error::MissingReferences { skenario: None, missing } => {
                msg::store_missing_references(Arg::Daftar(missing.clone(), ", "))
            }
            Error::MissingReferences { skenario: Some(s), missing } => {
                msg::store_scenario_references(s, Arg::Daftar(missing.clone(), ", "))
            }
            Error::ScenarioTargets { skenario, targets } => {
                msg::store_scenario_outside(skenario, Arg::Daftar(targets.clone(), "\n  "))
            }
            Error::DemoNeedsIndikator => msg::store_demo_indikator(),
            Error::SynthParameters { awal, akhir, ppm } => msg::store_synth_parameters(*awal, *akhir, *ppm),
            Error::Io { action, path, source } => {
                let (path, why) = (path.display(), kinerja_pesan::io(source));
                match action {
                    IoAction::Creating => msg::store_io_creating(path, why),
                    IoAction::Reading => msg::store_io_reading(path, why),
                    IoAction::Writing => msg::store_io_writing(path, why),
                }
            }
            Error::Export { path, source } => msg::store_io_writing(path.display(), detail(source)),
            Error::Internal(what) => msg::store_internal(what),
        }
    }
}

impl From<duckdb::Error> for Error {
    fn from(e: duckdb::Error) -> Error {
        sql::classify(None, e)
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Creates a directory and its parents, naming it on error.
pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: IoAction::Creating,
        path: dir.to_path_buf(),
        source,
    })
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
        let conn = Connection::open(path).map_err(|e| sql::opening(path, e))?;
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
            return Err(Error::MemorySize { found: limit.to_string() });
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
            return Err(Error::NotFound(NotFound::Database { path: path.to_path_buf() }));
        }
        let config = Config::default().access_mode(AccessMode::ReadOnly)?;
        let conn = Connection::open_with_flags(path, config).map_err(|e| sql::opening(path, e))?;
        let store = Store { conn, read_only: true };
        let v = store.schema_version()?;
        if v > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found: v, supported: SCHEMA_VERSION });
        }
        if v < SCHEMA_VERSION {
            return Err(Error::OlderSchema { found: v, supported: SCHEMA_VERSION });
        }
        if !schema::derived_current(&store.conn)? {
            return Err(Error::DerivedStale);
        }
        Ok(store)
    }

    fn init(conn: Connection) -> Result<Store> {
        let store = Store { conn, read_only: false };
        schema::apply(&store.conn)?;
        Ok(store)
    }

    /// The raw connection, for tests and benchmarks that query DuckDB
    /// directly; Kinerja itself runs only the named statements of `sql/`.
    #[cfg(feature = "raw")]
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

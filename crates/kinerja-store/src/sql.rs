//! The SQL of the store, compiled in from `sql/*.sql`, and running it with
//! errors that name the statement.
//!
//! `sql/queries.sql` holds named statements, each introduced by
//! `-- name: <name>`; a few carry `{placeholders}` (a table name, an export
//! directory) that the caller fills in. Every statement the Rust code runs
//! comes from there or from the other files here; a database error says
//! which statement failed ([`Error::Db`]).
//!
//! DuckDB reports a failure as text whose first words name its exception
//! type (`IO Error:`, `Out of Memory Error:`) and whose OS errors keep the
//! OS's words. [`classify`] is the one place that reads them, so that the
//! rest of Kinerja matches [`Error`] variants, never message text.

use duckdb::{Connection, Params, Row};

use std::path::Path;

use crate::{Error, Result};

const QUERIES: &str = include_str!("../sql/queries.sql");

/// The reference tables' definitions (`ref_*`), recreated on every open.
pub(crate) const REFERENCE: &str = include_str!("../sql/reference.sql");

/// The analyst views, recreated on every open.
pub(crate) const VIEWS: &str = include_str!("../sql/views.sql");

/// The named statement from `sql/queries.sql`.
pub(crate) fn named(name: &str) -> Result<&'static str> {
    named_in(QUERIES, name)
}

/// The statement introduced by `-- name: <name>` in a file of named
/// statements.
pub(crate) fn named_in(file: &'static str, name: &str) -> Result<&'static str> {
    let marker = format!("-- name: {name}\n");
    let start = file.find(&marker).ok_or_else(|| Error::Internal(format!("no query named {name}")))? + marker.len();
    let rest = &file[start..];
    let end = rest.find("-- name:").unwrap_or(rest.len());
    // One statement per name: up to its terminating semicolon (comments
    // introducing the next query are not part of it); a fragment of a
    // statement, which has none, up to the first empty line.
    let block = &rest[..end];
    let stmt = block.rfind(';').map_or_else(|| block.split("\n\n").next().unwrap_or(block), |i| &block[..i]);
    Ok(stmt.trim())
}

/// A named statement with its `{placeholders}` filled in.
pub(crate) fn filled(name: &str, fill: &[(&str, &str)]) -> Result<String> {
    let mut s = named(name)?.to_string();
    for (k, v) in fill {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    Ok(s)
}

/// Maps a database error to one that names the statement.
pub(crate) fn at(query: &str) -> impl FnOnce(duckdb::Error) -> Error + '_ {
    move |source| classify(Some(query), source)
}

/// What a DuckDB failure is: a full disk, memory beyond the limit, a
/// write on a read-only file, or another failure of the statement `query`.
pub(crate) fn classify(query: Option<&str>, source: duckdb::Error) -> Error {
    let text = source.to_string();
    let first = text.lines().next().unwrap_or_default().to_string();
    if text.contains("No space left on device") || text.contains("max_temp_directory_size") {
        Error::DiskFull { detail: first }
    } else if text.contains("Out of Memory Error") {
        Error::OutOfMemory { detail: first }
    } else if text.contains("read-only mode") || text.contains("attached in read-only") {
        Error::ReadOnly
    } else {
        Error::Db { query: query.map(str::to_string), source }
    }
}

/// A failure to open the file at `path`: another process's lock on it, or
/// what [`classify`] finds.
pub(crate) fn opening(path: &Path, source: duckdb::Error) -> Error {
    let text = source.to_string();
    if text.contains("Could not set lock on file") || text.contains("Conflicting lock") {
        return Error::Locked { path: path.to_path_buf() };
    }
    classify(None, source)
}

/// Running named statements on a connection (or a transaction).
pub(crate) trait Run {
    /// Executes a statement (or several) of SQL text, naming it on error.
    fn batch(&self, what: &str, sql: &str) -> Result<()>;
    /// Executes the named statement with parameters; rows changed.
    fn exec(&self, name: &str, p: impl Params) -> Result<usize>;
    /// The first row of the named statement, mapped.
    fn one<T>(&self, name: &str, p: impl Params, f: impl FnOnce(&Row<'_>) -> duckdb::Result<T>) -> Result<T>;
    /// Every row of the named statement, mapped.
    fn all<T>(&self, name: &str, p: impl Params, f: impl FnMut(&Row<'_>) -> duckdb::Result<T>) -> Result<Vec<T>>;
}

impl Run for Connection {
    fn batch(&self, what: &str, sql: &str) -> Result<()> {
        self.execute_batch(sql).map_err(at(what))
    }

    fn exec(&self, name: &str, p: impl Params) -> Result<usize> {
        self.execute(named(name)?, p).map_err(at(name))
    }

    fn one<T>(&self, name: &str, p: impl Params, f: impl FnOnce(&Row<'_>) -> duckdb::Result<T>) -> Result<T> {
        self.prepare_cached(named(name)?).and_then(|mut s| s.query_row(p, f)).map_err(at(name))
    }

    fn all<T>(&self, name: &str, p: impl Params, f: impl FnMut(&Row<'_>) -> duckdb::Result<T>) -> Result<Vec<T>> {
        let mut stmt = self.prepare_cached(named(name)?).map_err(at(name))?;
        let rows = stmt.query_map(p, f).map_err(at(name))?;
        rows.collect::<duckdb::Result<Vec<T>>>().map_err(at(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A DuckDB failure with these words, as DuckDB reports one.
    fn failure(words: &str) -> duckdb::Error {
        duckdb::Error::DuckDBFailure(duckdb::ffi::Error::new(1), Some(words.to_string()))
    }

    #[test]
    fn duckdb_failures_are_classified_once() {
        let disk = "IO Error: Could not write file \"k.duckdb\": No space left on device";
        assert!(matches!(classify(Some("q"), failure(disk)), Error::DiskFull { .. }));
        let spill =
            "Out of Memory Error: failed to offload data block (limit set by the 'max_temp_directory_size' setting)";
        assert!(matches!(classify(None, failure(spill)), Error::DiskFull { .. }), "spilling failed: a disk matter");
        let memory = "Out of Memory Error: could not allocate block of size 256.0 KiB";
        assert!(matches!(classify(None, failure(memory)), Error::OutOfMemory { .. }));
        let lock = "IO Error: Could not set lock on file \"k.duckdb\": Conflicting lock is held in /usr/bin/x (PID 7)";
        assert!(matches!(opening(Path::new("k.duckdb"), failure(lock)), Error::Locked { .. }));
        let other = "Binder Error: column \"x\" not found";
        assert!(matches!(classify(Some("q"), failure(other)), Error::Db { query: Some(_), .. }));
    }

    #[test]
    fn named_statements_are_found_and_end_at_their_semicolon() {
        for n in ["cari_unit", "pk", "capaian", "bandingkan", "unit_nyata", "schema_version"] {
            let q = named(n).unwrap();
            assert!(!q.ends_with(';') && !q.contains("-- name:"), "{n}: {q}");
        }
        assert!(named("nope").is_err());
        assert_eq!(filled("staging_create", &[("table", "target")]).unwrap().matches("target").count(), 2);
    }

    #[test]
    fn errors_name_the_statement() {
        let c = Connection::open_in_memory().unwrap();
        let e = c.one("kabupaten_ada", ["12.19"], |r| r.get::<_, i64>(0)).unwrap_err();
        assert!(matches!(&e, Error::Db { query: Some(q), .. } if q == "kabupaten_ada"), "{e}");
        assert!(e.to_string().starts_with("database: query kabupaten_ada: "), "{e}");
    }
}

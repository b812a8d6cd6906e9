//! The SQL of the store, compiled in from `sql/*.sql`, and running it with
//! errors that name the statement.
//!
//! `sql/queries.sql` holds named statements, each introduced by
//! `-- name: <name>`; a few carry `{placeholders}` (a table name, an export
//! directory) that the caller fills in. Every statement the Rust code runs
//! comes from there or from the other files here; a database error says
//! which statement failed ([`Error::Query`]).

use duckdb::{Connection, Params, Row};

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
    let start = file.find(&marker).ok_or_else(|| Error::Invalid(format!("no query named {name}")))? + marker.len();
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
    move |source| Error::Query { query: query.to_string(), source }
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
        assert!(e.to_string().starts_with("database: query kabupaten_ada: "), "{e}");
    }
}

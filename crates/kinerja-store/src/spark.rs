//! Q1–Q5 for Apache Spark: the queries of `sql/spark.sql` with the core's
//! formulas written out in Spark SQL, and an export that lets
//! `scripts/spark` run them over Parquet and compare every row with DuckDB.
//!
//! Spark SQL has no macros, so every `kj_*` call of a template is replaced
//! by its definition ([`crate::render::spark_call`]): the same formula
//! trees that become the DuckDB macros, rendered in a second dialect on
//! `DECIMAL(38,0)` integers. The joins, groupings and windows around them
//! are the analyst views' in Spark's words; the differential run is what
//! proves the two agree.

use std::path::Path;

use crate::export::quote;
use crate::sql::{filled, named_in};
use crate::{Error, Result, Store};

const SPARK: &str = include_str!("../sql/spark.sql");

/// The queries, in the order they run (later ones read earlier results).
pub const QUERIES: &[&str] =
    &["q1_ikm", "q2_capaian", "q3_peringkat", "q4_tren", "q5_anggaran_program", "q5_efisiensi"];

/// One query in both engines.
#[derive(Debug, Clone)]
pub struct Query {
    /// Name, also the temporary view Spark registers its result under.
    pub name: &'static str,
    /// Spark SQL, formulas written out.
    pub spark: String,
    /// The DuckDB query over the analyst views that must give the same rows.
    pub duckdb: &'static str,
}

/// Every query of `sql/spark.sql`, rendered for Spark.
pub fn queries() -> Result<Vec<Query>> {
    QUERIES
        .iter()
        .map(|&name| {
            Ok(Query {
                name,
                spark: render(named_in(SPARK, name)?)?,
                duckdb: named_in(SPARK, &format!("{name}.duckdb"))?,
            })
        })
        .collect()
}

/// Replaces every `kj_*` call of a Spark SQL template by its definition,
/// arguments first.
///
/// ```
/// let sql = kinerja_store::spark::render("SELECT kj_sisa(anggaran, realisasi) AS sisa FROM t").unwrap();
/// assert!(!sql.contains("kj_") && sql.contains("DECIMAL(38,0)"));
/// assert!(kinerja_store::spark::render("SELECT kj_tidak_ada(1)").is_err());
/// ```
pub fn render(template: &str) -> Result<String> {
    let mut out = String::with_capacity(template.len() * 4);
    let mut rest = template;
    while let Some(at) = next_call(rest) {
        out.push_str(&rest[..at]);
        let (name, args, len) = call_at(&rest[at..])?;
        let args = args.into_iter().map(render).collect::<Result<Vec<_>>>()?;
        let sql = crate::render::spark_call(name, &args)
            .ok_or_else(|| Error::Internal(format!("{name}({}) has no Spark SQL definition", args.len())))?;
        out.push_str(&sql);
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    Ok(out)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Where the next `kj_…(` call starts (an identifier starting with `kj_`,
/// then an opening parenthesis), outside quoted text and `--` comments.
fn next_call(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (mut i, mut quoted) = (0, false);
    while i < b.len() {
        match b[i] {
            b'\'' => quoted = !quoted,
            _ if quoted => {}
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i += s[i..].find('\n').unwrap_or(s.len() - i);
                continue;
            }
            c if is_ident(c) => {
                let end = i + b[i..].iter().take_while(|&&c| is_ident(c)).count();
                if s[i..end].starts_with("kj_") && s[end..].trim_start().starts_with('(') {
                    return Some(i);
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The name, the top-level arguments and the length of the call at the
/// start of `s`.
fn call_at(s: &str) -> Result<(&str, Vec<&str>, usize)> {
    let name_len = s.bytes().take_while(|&c| is_ident(c)).count();
    let open = name_len + s[name_len..].find('(').unwrap_or(0);
    let (mut depth, mut quoted, mut start) = (0usize, false, open + 1);
    let mut args = Vec::new();
    for (i, c) in s.bytes().enumerate().skip(open) {
        match c {
            b'\'' => quoted = !quoted,
            _ if quoted => {}
            b'(' => depth += 1,
            b')' if depth == 1 => {
                let last = s[start..i].trim();
                if !last.is_empty() || !args.is_empty() {
                    args.push(last);
                }
                return Ok((&s[..name_len], args, i + 1));
            }
            b')' => depth -= 1,
            b',' if depth == 1 => {
                args.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    Err(Error::Internal(format!("unclosed call of {}", &s[..name_len])))
}

impl Store {
    /// What `scripts/spark` needs: the Parquet of every table
    /// ([`Store::export_parquet`], empty tables as one empty file so that
    /// every query finds its tables), `spark/<query>.sql` rendered for
    /// Spark, and `duckdb/<query>.parquet`, DuckDB's result of the same
    /// query over the analyst views. Returns the query names.
    pub fn export_spark(&self, dir: &Path) -> Result<Vec<&'static str>> {
        self.export_parquet_all(&dir.join("parquet"))?;
        let (spark, duck) = (dir.join("spark"), dir.join("duckdb"));
        crate::create_dir(&spark)?;
        crate::create_dir(&duck)?;
        let mut names = Vec::new();
        for q in queries()? {
            let file = spark.join(format!("{}.sql", q.name));
            std::fs::write(&file, format!("{};\n", q.spark)).map_err(|e| Error::Io {
                action: crate::IoAction::Writing,
                path: file.clone(),
                source: e,
            })?;
            let target = duck.join(format!("{}.parquet", q.name));
            let sql = filled("export_hasil", &[("rows", q.duckdb), ("path", &quote(&target.to_string_lossy()))])?;
            self.conn.execute_batch(&sql).map_err(|source| Error::Export { path: target, source })?;
            names.push(q.name);
        }
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(template: &str, expect: &str) {
        let got = match render(template) {
            Ok(s) => s,
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn calls_are_replaced_and_the_rest_is_kept() {
        check(
            "SELECT kj__scale() AS s, 'kj_x(' AS t -- kj_capaian over",
            "SELECT CAST(1000000 AS DECIMAL(38,0)) AS s, 'kj_x(' AS t -- kj_capaian over",
        );
        check("SELECT kj_skema_skm(kj_bobot_ikm(b))", "SELECT coalesce(coalesce(b, 'tepat'), 'permenpanrb_14_2017')");
        check("SELECT kj_sisa(a)", "error: internal error: kj_sisa(1) has no Spark SQL definition");
        check("SELECT kj_sisa(a, (b", "error: internal error: unclosed call of kj_sisa");
    }

    #[test]
    fn every_query_renders_without_a_call_left() {
        let qs = queries().unwrap();
        assert_eq!(qs.len(), QUERIES.len());
        for q in qs {
            assert!(next_call(&q.spark).is_none(), "{}", q.name);
            assert!(!q.spark.contains("missing_argument") && !q.spark.contains("HUGEINT"), "{}", q.name);
            assert!(q.duckdb.starts_with("SELECT"), "{}", q.name);
        }
    }
}

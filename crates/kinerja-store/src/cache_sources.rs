//! Which tables each stored result (`cache_<name>`) is computed from, read
//! off the SQL itself, so that a write recomputes only the stored results
//! fed by the tables it changed.
//!
//! Every name a definition of `views.sql` mentions is followed: a view, a
//! table macro or a stored result leads to the names its own definition
//! mentions, and a table of the schema (the migrations' and
//! `reference.sql`'s) is a source. Mentioning a name is enough, so the sets
//! can only be too large (a name in a comment, or in a branch that never
//! runs), never too small: a stored result cannot be left stale by a table
//! its SQL does not name.

use std::collections::{BTreeMap, BTreeSet};

use crate::sql::{REFERENCE, VIEWS};

/// A line of SQL without its `--` comment (a `--` inside quotes is text).
fn code(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '-' if !quoted && line[i..].starts_with("--") => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Identifiers of SQL text outside `--` comments.
fn words(sql: &str) -> impl Iterator<Item = &str> {
    sql.lines()
        .map(code)
        .flat_map(|l| l.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')))
        .filter(|w| !w.is_empty())
}

/// The tables the schema creates (`CREATE [OR REPLACE] TABLE name`).
fn tables(sql: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for text in sql {
        let w: Vec<&str> = words(text).collect();
        for (i, x) in w.iter().enumerate() {
            let created =
                i > 0 && (w[i - 1].eq_ignore_ascii_case("CREATE") || w[i - 1].eq_ignore_ascii_case("REPLACE"));
            if x.eq_ignore_ascii_case("TABLE") && created {
                let rest = &w[i + 1..];
                let skip = if rest.first().is_some_and(|f| f.eq_ignore_ascii_case("IF")) { 3 } else { 0 };
                if let Some(name) = rest.get(skip) {
                    out.insert(name.to_string());
                }
            }
        }
    }
    out
}

/// Each definition of `views` (view, table macro, stored result) with the
/// names its SQL mentions.
fn definitions(views: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for stmt in views.split(";\n") {
        let w: Vec<&str> = words(stmt).collect();
        let Some(at) = w.windows(3).position(|x| x[0] == "OR" && x[1] == "REPLACE") else { continue };
        let Some(name) = w.get(at + 3) else { continue };
        out.entry(name.to_string()).or_default().extend(w[at + 4..].iter().map(|s| s.to_string()));
    }
    out
}

/// The schema's tables that `name` is computed from, following definitions.
fn sources_of(name: &str, defs: &BTreeMap<String, BTreeSet<String>>, tables: &BTreeSet<String>) -> BTreeSet<String> {
    let (mut seen, mut todo, mut out) = (BTreeSet::new(), vec![name.to_string()], BTreeSet::new());
    while let Some(n) = todo.pop() {
        if !seen.insert(n.clone()) {
            continue;
        }
        if let Some(mentions) = defs.get(&n) {
            todo.extend(mentions.iter().filter(|m| *m != &n).cloned());
        }
        if tables.contains(&n) && !n.starts_with("cache_") {
            out.insert(n);
        }
    }
    out
}

/// Every stored result, in the order `views.sql` creates them, with the
/// tables it is computed from.
pub(crate) fn cache_sources(migrations: &[&str]) -> Vec<(String, BTreeSet<String>)> {
    let defs = definitions(VIEWS);
    let mut schema: Vec<&str> = migrations.to_vec();
    schema.push(REFERENCE);
    let tables = tables(&schema);
    VIEWS
        .lines()
        .filter_map(|l| l.strip_prefix("CREATE OR REPLACE TABLE cache_"))
        .filter_map(|rest| rest.split_once(' ').map(|(name, _)| name))
        .map(|name| (name.to_string(), sources_of(&format!("cache_{name}"), &defs, &tables)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cache: &str, must: &[&str], must_not: &[&str]) {
        let all = cache_sources(crate::schema::MIGRATIONS);
        let (_, sources) = all.iter().find(|(n, _)| n == cache).unwrap_or_else(|| panic!("no cache_{cache}"));
        for t in must {
            assert!(sources.contains(*t), "cache_{cache} should read {t}: {sources:?}");
        }
        for t in must_not {
            assert!(!sources.contains(*t), "cache_{cache} does not read {t}: {sources:?}");
        }
    }

    #[test]
    fn each_stored_result_reads_what_its_sql_names() {
        check("ikm", &["skm_agregat", "skm_nrr", "skm_survei", "wilayah", "ref_bobot"], &["realisasi", "skm_jawaban"]);
        check("skm_unsur", &["skm_agregat", "skm_nrr", "ref_unsur"], &["anggaran_program"]);
        // Through v_capaian, which reads cache_capaian, which calc_capaian fills.
        check("tren", &["realisasi", "target", "renstra", "indikator"], &["skm_agregat"]);
        check("peringkat", &["realisasi", "wilayah"], &["akip_komponen"]);
        check("efisiensi", &["anggaran_program", "program_sasaran", "realisasi", "sasaran"], &["skm_nrr"]);
        // Its columns target and realisasi are also table names: too large a
        // set costs a refresh, never a stale result.
        check("akip", &["akip_komponen", "ref_skema_akip", "realisasi"], &["skm_agregat", "anggaran_program"]);
    }

    #[test]
    fn every_stored_result_has_sources_and_comments_are_not_read() {
        let all = cache_sources(crate::schema::MIGRATIONS);
        assert!(all.len() >= 10);
        assert!(all.iter().all(|(_, s)| !s.is_empty()));
        let defs = definitions(
            "-- reads skm_jawaban\nCREATE OR REPLACE VIEW v_x AS SELECT '--' AS a FROM realisasi; -- target\n",
        );
        let named: Vec<&str> = defs["v_x"].iter().map(String::as_str).collect();
        assert_eq!(named, ["AS", "FROM", "SELECT", "a", "realisasi"], "a -- in quotes is not a comment");
        let t = tables(&["CREATE TABLE IF NOT EXISTS a (x INT);\nCREATE OR REPLACE TABLE b AS SELECT 1;"]);
        assert_eq!(t.into_iter().collect::<Vec<_>>(), ["a", "b"]);
    }
}

//! Raw SKM answers streamed from Parquet files into the database.
//!
//! A nation's answers are about 80 million rows; they never pass through
//! Rust memory. DuckDB reads the files where they lie, twice (after a pass
//! over the respondent numbers alone, for their range): one scan
//! aggregates every unit-year-unsur (the `skm_agregat` rows to be), counts
//! what does not read or does not fit, and finds respondents answering an
//! unsur twice (one bit per respondent number and group, when the numbers
//! lie within [`RESPONDEN_SPAN_MAX`] of each other, as survey forms number them);
//! one stores the rows. Respondent numbers further apart take two more
//! scans to find those answering twice (candidates grouped on a 64-bit
//! hash of the keys, so the memory limit holds, then verified on the keys).
//! Checks run on the aggregate (hundreds of thousands of groups, not
//! millions of rows): an unknown unit, an unsur outside the unit-year's
//! scheme, a respondent answering an unsur twice, a field that does not
//! read. Only when a check fails are the failing groups' rows read again to
//! locate each problem by file, record and column. Everything runs inside
//! the caller's transaction, so a problem leaves the database as it was.
//!
//! The limits come from the core: scores [`Skor::MIN`]..[`Skor::MAX`],
//! years [`TAHUN`], the default scheme [`Skema::default`].

use std::path::PathBuf;

use duckdb::Connection;
use kinerja_core::model::TAHUN;
use kinerja_core::skm::{Skema, Skor};

use kinerja_data::Problem;
use kinerja_pesan::msg;

use crate::sql::{Run, at, filled};
use crate::{Error, Result};

/// The columns a Parquet file of answers must have: those of the
/// `skm_jawaban` table as the data files define it.
fn kolom() -> &'static [&'static str] {
    kinerja_data::TABLES.iter().find(|t| t.name == "skm_jawaban").map_or(&[], |t| t.required)
}

/// What the streamed answers did: `(rows read, rows stored)`.
pub(crate) fn load_jawaban_parquet(
    c: &Connection,
    files: &[PathBuf],
    progress: crate::Progress<'_>,
) -> Result<(u64, u64)> {
    let list = format!(
        "[{}]",
        files.iter().map(|f| crate::export::quote(&f.to_string_lossy())).collect::<Vec<_>>().join(", ")
    );
    let integer = check_columns(c, files)?;
    let mut fill = fills(&list);
    for (kolom, tipe) in [("tahun", "SMALLINT"), ("responden", "INTEGER"), ("skor", "TINYINT")] {
        let name = if integer.contains(&kolom) { "berkas_jawaban_bulat" } else { "berkas_jawaban_bulat_teks" };
        fill.push((kolom, filled(name, &[("kolom", kolom), ("tipe", tipe)])?));
    }
    let fill: Vec<(&str, &str)> = fill.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let total: i64 = query_one(c, "berkas_jawaban_jumlah", &fill)?;
    let total = u64::try_from(total).unwrap_or(0);
    progress("skm_jawaban", 0, total);
    c.batch("berkas_jawaban_sumber", &filled("berkas_jawaban_sumber", &fill)?)?;
    aggregate_and_find_twice(c, &fill)?;
    c.batch("berkas_jawaban_grup_salah", &filled("berkas_jawaban_grup_salah", &fill)?)?;
    let salah: i64 = query_one(c, "berkas_jawaban_ada_salah", &fill)?;
    if salah > 0 {
        let problems = locate(c, &fill)?;
        c.batch("berkas_jawaban_bersih", &filled("berkas_jawaban_bersih", &fill)?)?;
        return Err(Error::Data(kinerja_data::Error::Invalid(problems)));
    }
    c.batch("berkas_jawaban_simpan", &filled("berkas_jawaban_simpan", &fill)?)?;
    c.batch("berkas_jawaban_bersih", &filled("berkas_jawaban_bersih", &fill)?)?;
    progress("skm_jawaban", total, total);
    Ok((total, total))
}

/// How far apart the respondent numbers of a load may lie for the check
/// for respondents answering twice to take one bit per number in each
/// unit-year-unsur, within the aggregating scan: 1,024 bits, 128 bytes a
/// group, 42 MB for a nation's 330,000 groups. Survey forms number their
/// respondents from 1 in each unit-year, a few hundred at most; wider
/// ranges take the slower, hash-based check (two more scans).
pub const RESPONDEN_SPAN_MAX: i64 = 1024;

/// `{ganda}` of `berkas_jawaban_agregat` when the aggregating scan does not
/// look for respondents answering twice: hashing finds them afterwards, or
/// (answers read from CSV/XLSX) the reader already checked.
fn ganda_tidak_dihitung() -> Result<&'static str> {
    crate::sql::named("berkas_jawaban_ganda_tidak_dihitung")
}

/// Aggregates the answers (`stg_jawaban_agregat`) and finds the groups
/// where a respondent answers twice (`stg_jawaban_ganda`): in the same scan
/// when the respondent numbers lie within [`RESPONDEN_SPAN_MAX`], else by hashing.
fn aggregate_and_find_twice(c: &Connection, fill: &[(&str, &str)]) -> Result<()> {
    let (lo, hi): (i64, i64) = c
        .query_row(crate::sql::named("berkas_jawaban_rentang")?, [], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(at("berkas_jawaban_rentang"))?;
    let narrow = hi - lo < RESPONDEN_SPAN_MAX;
    let (lo, hi) = (lo.to_string(), hi.to_string());
    let bit = filled("berkas_jawaban_ganda_bit", &[("responden_min", &lo), ("responden_max", &hi)])?;
    let mut fill = fill.to_vec();
    fill.push(("ganda", if narrow { &bit } else { ganda_tidak_dihitung()? }));
    c.batch("berkas_jawaban_agregat", &filled("berkas_jawaban_agregat", &fill)?)?;
    let ganda = if narrow { "berkas_jawaban_ganda_dari_agregat" } else { "berkas_jawaban_ganda" };
    c.batch(ganda, &filled(ganda, &fill)?)
}

/// Aggregates the answers of `temp.src_jawaban`, which are already checked,
/// and stores both, replacing the unit-years they cover: the path of the
/// answers read from CSV/XLSX, sharing the statements of the streamed ones.
pub(crate) fn store_source(c: &Connection) -> Result<()> {
    let fill = fills("[]");
    let mut fill: Vec<(&str, &str)> = fill.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill.push(("ganda", ganda_tidak_dihitung()?));
    for name in ["berkas_jawaban_agregat", "berkas_jawaban_simpan", "berkas_jawaban_bersih"] {
        c.batch(name, &filled(name, &fill)?)?;
    }
    Ok(())
}

/// The placeholders of the `berkas_jawaban_*` statements, from the core.
fn fills(list: &str) -> Vec<(&'static str, String)> {
    vec![
        ("files", list.to_string()),
        ("skor_min", Skor::MIN.to_string()),
        ("skor_max", Skor::MAX.to_string()),
        ("tahun_min", TAHUN.start().to_string()),
        ("tahun_max", TAHUN.end().to_string()),
        ("skema_default", Skema::default().code().to_string()),
    ]
}

fn query_one(c: &Connection, name: &str, fill: &[(&str, &str)]) -> Result<i64> {
    c.query_row(&filled(name, fill)?, [], |r| r.get(0)).map_err(at(name))
}

/// DuckDB's integer types: a column of one holds integers only.
const INTEGER_TYPES: [&str; 10] =
    ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"];

/// Every file must have the columns of `skm_jawaban`, and no others.
/// Returns the columns that are of an integer type in every file.
fn check_columns(c: &Connection, files: &[PathBuf]) -> Result<Vec<&'static str>> {
    let mut problems = Vec::new();
    let mut integer: Vec<&'static str> = kolom().to_vec();
    for f in files {
        let one = [("files", crate::export::quote(&f.to_string_lossy()))];
        let sql = filled("berkas_jawaban_kolom", &[(one[0].0, one[0].1.as_str())])?;
        let mut stmt = c.prepare(&sql).map_err(|source| unreadable(f, &source))?;
        let typed: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|source| unreadable(f, &source))?;
        integer.retain(|k| typed.iter().any(|(n, t)| n == k && INTEGER_TYPES.contains(&t.as_str())));
        let names: Vec<String> = typed.into_iter().map(|(n, _)| n).collect();
        let file = kinerja_data::file_name(f);
        let kolom = kolom();
        for k in kolom.iter().filter(|k| !names.iter().any(|n| n == *k)) {
            let (expected, found) =
                (msg::store_jawaban_expected_column(*k), msg::store_jawaban_found_columns(names.join(", ")));
            problems.push(Problem::described(&file, None, Some(k), expected, found));
        }
        for n in names.iter().filter(|n| !kolom.contains(&n.as_str())) {
            let expected = msg::store_jawaban_expected_only_columns(kolom.join(", "));
            problems.push(Problem::new(&file, None, Some(n), expected, n));
        }
    }
    if problems.is_empty() { Ok(integer) } else { Err(Error::Data(kinerja_data::Error::Invalid(problems))) }
}

/// One problem the database found in the answers: which check (`masalah`)
/// and what it names.
struct Masalah {
    berkas: String,
    baris: Option<usize>,
    kolom: String,
    masalah: String,
    ditemukan: Option<String>,
    skema: Option<String>,
    responden: Option<i64>,
    kali: Option<i64>,
}

impl Masalah {
    /// The located problem, in the catalogue's words.
    fn problem(self) -> Problem {
        let (expected, found) = match self.masalah.as_str() {
            "unit" => (kinerja_data::unit_expected(), None),
            "tahun" => (msg::store_jawaban_expected_year(*TAHUN.start(), *TAHUN.end()), None),
            "responden" => (msg::store_jawaban_expected_responden(), None),
            "unsur" => (msg::store_jawaban_expected_unsur(self.skema.unwrap_or_default()), None),
            "skor" => (msg::store_jawaban_expected_skor(Skor::MIN, Skor::MAX), None),
            "sumber" => (msg::store_jawaban_expected_sumber(), None),
            _ => {
                let unsur = self.ditemukan.clone().unwrap_or_default();
                let times = msg::store_jawaban_found_times(
                    self.responden.unwrap_or_default(),
                    unsur,
                    self.kali.unwrap_or_default(),
                );
                (msg::store_jawaban_expected_once(), Some(times))
            }
        };
        let column = Some(self.kolom.as_str());
        match (found, &self.ditemukan) {
            (Some(f), _) => Problem::described(&self.berkas, self.baris, column, expected, f),
            (None, Some(d)) => Problem::new(&self.berkas, self.baris, column, expected, d),
            (None, None) => {
                Problem::described(&self.berkas, self.baris, column, expected, msg::store_jawaban_found_empty())
            }
        }
    }
}

/// The located problems of the groups that failed a check.
fn locate(c: &Connection, fill: &[(&str, &str)]) -> Result<Vec<Problem>> {
    let sql = filled("berkas_jawaban_masalah", fill)?;
    let mut stmt = c.prepare(&sql).map_err(at("berkas_jawaban_masalah"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Masalah {
                berkas: r.get(0)?,
                baris: r.get::<_, Option<i64>>(1)?.and_then(|b| usize::try_from(b).ok()),
                kolom: r.get(2)?,
                masalah: r.get(3)?,
                ditemukan: r.get(4)?,
                skema: r.get(5)?,
                responden: r.get(6)?,
                kali: r.get(7)?,
            })
        })
        .map_err(at("berkas_jawaban_masalah"))?;
    let rows = rows.collect::<duckdb::Result<Vec<_>>>().map_err(at("berkas_jawaban_masalah"))?;
    Ok(rows.into_iter().map(Masalah::problem).collect())
}

/// A Parquet file DuckDB cannot read: DuckDB's first line says why.
fn unreadable(f: &std::path::Path, e: &duckdb::Error) -> Error {
    let why = e.to_string();
    let found = why.lines().next().unwrap_or("");
    let expected = msg::store_jawaban_expected_parquet();
    Error::Data(kinerja_data::Error::Invalid(vec![Problem::new(
        &kinerja_data::file_name(f),
        None,
        None,
        expected,
        found,
    )]))
}

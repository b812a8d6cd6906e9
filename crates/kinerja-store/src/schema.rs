//! Schema versions, migrations, reference tables from the core, macros and
//! views.

use duckdb::{AppenderParams, Connection, params};
use kinerja_core::akip::SkemaAkip;
use kinerja_core::band::ALL as BANDS;
use kinerja_core::model::JenisTarget;
use kinerja_core::skm::{Bobot, Skema};

use crate::sql::{REFERENCE, Run, VIEWS, at};
use crate::{Error, Result, render};

/// Migrations, in order; version N is the N-th entry.
const MIGRATIONS: &[&str] = &[
    include_str!("../sql/migrations/001_initial.sql"),
    include_str!("../sql/migrations/002_skenario.sql"),
    include_str!("../sql/migrations/003_audit.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

pub(crate) fn version(conn: &Connection) -> Result<i32> {
    if !conn.one("schema_version_ada", [], |r| r.get::<_, bool>(0))? {
        return Ok(0);
    }
    conn.one("schema_version", [], |r| r.get(0))
}

/// Brings the database to [`SCHEMA_VERSION`] and refreshes what is derived
/// from the code (reference tables, macros, views), in one transaction.
pub(crate) fn apply(conn: &Connection) -> Result<()> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::NewerSchema { found: current, supported: SCHEMA_VERSION });
    }
    if current == 0 && conn.one("jumlah_tabel", [], |r| r.get::<_, i64>(0))? > 0 {
        return Err(Error::NotKinerja(
            "this DuckDB file has tables but no schema_version: it is not a Kinerja database".into(),
        ));
    }
    let tx = conn.unchecked_transaction().map_err(at("BEGIN (schema)"))?;
    tx.exec("buat_schema_version", [])?;
    let done = usize::try_from(current).unwrap_or(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let v = i32::try_from(i + 1).map_err(|_| Error::Invalid("too many migrations".into()))?;
        tx.batch(&format!("migration {v}"), sql)?;
        tx.exec("catat_schema_version", params![v])?;
    }
    tx.batch("sql/reference.sql", REFERENCE)?;
    reference_rows(&tx)?;
    tx.batch("kj_* macros", &render::all_macros_sql())?;
    tx.batch("sql/views.sql", VIEWS)?;
    tx.commit().map_err(at("COMMIT (schema)"))
}

/// Appends `rows` to a reference table, naming it on error.
fn append<P: AppenderParams>(conn: &Connection, table: &str, rows: impl IntoIterator<Item = P>) -> Result<()> {
    let mut a = conn.appender(table).map_err(at(table))?;
    a.append_rows(rows).map_err(at(table))?;
    a.flush().map_err(at(table))
}

fn count(n: usize) -> Result<i32> {
    i32::try_from(n).map_err(|_| Error::Invalid(format!("{n} does not fit a reference table")))
}

/// Rows of the reference tables, from the core's constants.
fn reference_rows(conn: &Connection) -> Result<()> {
    let jenis = [JenisTarget::PkPerubahan, JenisTarget::Pk, JenisTarget::Renstra];
    append(conn, "ref_jenis_target", jenis.iter().map(|j| (j.code(), i32::from(j.precedence()))))?;
    skm_rows(conn)?;
    akip_rows(conn)?;
    append(conn, "ref_rekening", kinerja_core::kode::REKENING.iter().map(|(k, n)| (*k, *n)))?;
    band_rows(conn)
}

fn skm_rows(conn: &Connection) -> Result<()> {
    let (mut skema, mut unsur, mut bobot) = (Vec::new(), Vec::new(), Vec::new());
    for s in Skema::ALL {
        skema.push((s.code(), count(s.unsur().len())?));
        for (i, u) in s.unsur().iter().enumerate() {
            unsur.push((s.code(), u.id, count(i + 1)?, u.nama));
        }
        for b in Bobot::ALL {
            let w = b.weight(s);
            bobot.push((s.code(), b.code(), w.numer(), w.denom(), b.label(s)));
        }
    }
    append(conn, "ref_skema_skm", skema)?;
    append(conn, "ref_unsur", unsur)?;
    append(conn, "ref_bobot", bobot)
}

fn akip_rows(conn: &Connection) -> Result<()> {
    let (mut skema, mut komponen) = (Vec::new(), Vec::new());
    for s in [SkemaAkip::PermenPanRb88_2021, SkemaAkip::PermenPanRb12_2015] {
        skema.push((s.code(), count(s.komponen().len())?));
        for (i, k) in s.komponen().iter().enumerate() {
            komponen.push((s.code(), k.id, count(i + 1)?, k.nama, k.bobot));
        }
    }
    append(conn, "ref_skema_akip", skema)?;
    append(conn, "ref_komponen_akip", komponen)
}

fn band_rows(conn: &Connection) -> Result<()> {
    let mut rows = Vec::new();
    for t in BANDS {
        for (i, band) in t.bands.iter().enumerate() {
            let lower = (band.min_hundredths != i64::MIN).then(|| kinerja_core::Decimal::new(band.min_hundredths, 2));
            rows.push((t.id, count(i + 1)?, band.code, band.label, lower, t.regulation));
        }
    }
    append(conn, "ref_band", rows)
}

//! Schema versions, migrations, reference tables from the core, macros and
//! views.

use duckdb::{Connection, params};
use kinerja_core::akip::SkemaAkip;
use kinerja_core::band::ALL as BANDS;
use kinerja_core::model::{JenisTarget, SUMBER_SINTETIS};
use kinerja_core::skm::{Bobot, Skema};

use crate::{Error, Result, render};

/// Migrations, in order; version N is the N-th entry.
const MIGRATIONS: &[&str] =
    &[include_str!("../sql/migrations/001_initial.sql"), include_str!("../sql/migrations/002_skenario.sql")];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

const VIEWS: &str = include_str!("../sql/views.sql");

pub(crate) fn version(conn: &Connection) -> Result<i32> {
    let exists: bool = conn.query_row(
        "SELECT count(*) > 0 FROM duckdb_tables() WHERE table_name = 'schema_version' AND schema_name = 'main'",
        [],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    Ok(conn.query_row("SELECT coalesce(max(version), 0) FROM schema_version", [], |r| r.get(0))?)
}

/// Brings the database to [`SCHEMA_VERSION`] and refreshes what is derived
/// from the code (reference tables, macros, views), in one transaction.
pub(crate) fn apply(conn: &Connection) -> Result<()> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::NewerSchema { found: current, supported: SCHEMA_VERSION });
    }
    if current == 0 {
        let tables: i64 =
            conn.query_row("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main'", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(Error::NotKinerja(
                "this DuckDB file has tables but no schema_version: it is not a Kinerja database".into(),
            ));
        }
    }
    conn.execute_batch("BEGIN TRANSACTION")?;
    let result = (|| -> Result<()> {
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TIMESTAMP NOT NULL DEFAULT current_timestamp)",
        )?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(current).unwrap_or(0)) {
            conn.execute_batch(sql)?;
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", params![i as i32 + 1])?;
        }
        reference_tables(conn)?;
        conn.execute_batch(&render::all_macros_sql())?;
        conn.execute_batch(&format!(
            "CREATE OR REPLACE MACRO kj_sintetis(sumber) AS coalesce(lower(trim(sumber)) LIKE '{SUMBER_SINTETIS}%', false);"
        ))?;
        conn.execute_batch(VIEWS)?;
        Ok(())
    })();
    match result {
        Ok(()) => {
            conn.execute_batch("COMMIT")?;
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// Tables whose rows come from the core's constants, rewritten on every
/// open so they always match the code.
fn reference_tables(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE OR REPLACE TABLE ref_jenis_target (kode VARCHAR PRIMARY KEY, urutan INTEGER NOT NULL);
         CREATE OR REPLACE TABLE ref_unsur (skema VARCHAR, unsur_id VARCHAR, urutan INTEGER, nama VARCHAR, PRIMARY KEY (skema, unsur_id));
         CREATE OR REPLACE TABLE ref_skema_skm (skema VARCHAR PRIMARY KEY, jumlah_unsur INTEGER NOT NULL);
         CREATE OR REPLACE TABLE ref_bobot (skema VARCHAR, bobot VARCHAR, w_num HUGEINT, w_den HUGEINT, PRIMARY KEY (skema, bobot));
         CREATE OR REPLACE TABLE ref_komponen_akip (skema VARCHAR, komponen_id VARCHAR, urutan INTEGER, nama VARCHAR, bobot INTEGER, PRIMARY KEY (skema, komponen_id));
         CREATE OR REPLACE TABLE ref_rekening (kode VARCHAR PRIMARY KEY, nama VARCHAR NOT NULL);
         CREATE OR REPLACE TABLE ref_band (skala VARCHAR, urutan INTEGER, kode VARCHAR, label VARCHAR, batas_bawah DECIMAL(18,2), regulasi VARCHAR);",
    )?;
    {
        let mut a = conn.appender("ref_jenis_target")?;
        for j in [JenisTarget::PkPerubahan, JenisTarget::Pk, JenisTarget::Renstra] {
            a.append_row(params![j.code(), i32::from(j.precedence())])?;
        }
    }
    {
        let mut u = conn.appender("ref_unsur")?;
        let mut s = conn.appender("ref_skema_skm")?;
        let mut b = conn.appender("ref_bobot")?;
        for skema in [Skema::PermenPanRb14_2017, Skema::KepMenPan25_2004] {
            s.append_row(params![skema.code(), skema.unsur().len() as i32])?;
            for (i, x) in skema.unsur().iter().enumerate() {
                u.append_row(params![skema.code(), x.id, i as i32 + 1, x.nama])?;
            }
            for bobot in Bobot::ALL {
                let w = bobot.weight(skema);
                b.append_row(params![skema.code(), bobot.code(), w.numer(), w.denom()])?;
            }
        }
    }
    {
        let mut k = conn.appender("ref_komponen_akip")?;
        for skema in [SkemaAkip::PermenPanRb88_2021, SkemaAkip::PermenPanRb12_2015] {
            for (i, x) in skema.komponen().iter().enumerate() {
                k.append_row(params![skema.code(), x.id, i as i32 + 1, x.nama, x.bobot as i32])?;
            }
        }
    }
    {
        let mut r = conn.appender("ref_rekening")?;
        for (kode, nama) in kinerja_core::kode::REKENING {
            r.append_row(params![kode, nama])?;
        }
    }
    {
        let mut b = conn.appender("ref_band")?;
        for t in BANDS {
            for (i, band) in t.bands.iter().enumerate() {
                let lower =
                    (band.min_hundredths != i64::MIN).then(|| kinerja_core::Decimal::new(band.min_hundredths, 2));
                b.append_row(params![t.id, i as i32 + 1, band.code, band.label, lower, t.regulation])?;
            }
        }
    }
    Ok(())
}

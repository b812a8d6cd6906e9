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
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../sql/migrations/001_initial.sql"),
    include_str!("../sql/migrations/002_skenario.sql"),
    include_str!("../sql/migrations/003_audit.sql"),
    include_str!("../sql/migrations/004_riwayat.sql"),
    include_str!("../sql/migrations/005_narasi.sql"),
    include_str!("../sql/migrations/006_populasi.sql"),
    include_str!("../sql/migrations/007_galat.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

pub(crate) fn version(conn: &Connection) -> Result<i32> {
    if !conn.one("schema_version_ada", [], |r| r.get::<_, bool>(0))? {
        return Ok(0);
    }
    conn.one("schema_version", [], |r| r.get(0))
}

/// Brings the database to [`SCHEMA_VERSION`] and, when the code that derives
/// them changed (or a migration ran), rebuilds the reference tables, macros,
/// views and stored results, in one transaction.
pub(crate) fn apply(conn: &Connection) -> Result<()> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::NewerSchema { found: current, supported: SCHEMA_VERSION });
    }
    if current == 0 && conn.one("jumlah_tabel", [], |r| r.get::<_, i64>(0))? > 0 {
        return Err(Error::NotKinerja);
    }
    let tx = conn.unchecked_transaction().map_err(at("BEGIN (schema)"))?;
    tx.exec("buat_schema_version", [])?;
    let done = usize::try_from(current).unwrap_or(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let v = i32::try_from(i + 1).map_err(|_| Error::Internal("too many migrations".into()))?;
        tx.batch(&format!("migration {v}"), sql)?;
        tx.exec("catat_schema_version", params![v])?;
    }
    if done > 0 && done < MIGRATIONS.len() {
        let what = format!("schema {done} -> {}", MIGRATIONS.len());
        crate::riwayat::catat(&tx, "migrasi", Some(&what), &[], &[])?;
    }
    let (code, macros) = derived_code()?;
    tx.exec("derived_fingerprint_create", [])?;
    let stored: Option<String> = tx.one("derived_fingerprint", [], |r| r.get(0))?;
    if stored.as_deref() != Some(code.as_str()) || done < MIGRATIONS.len() {
        tx.batch("sql/reference.sql", REFERENCE)?;
        reference_rows(&mut Tables(&tx))?;
        tx.batch("kj_* macros", &macros)?;
        tx.batch("sql/views.sql", VIEWS)?;
        crate::kepastian::simpan(&tx)?;
        tx.exec("derived_fingerprint_clear", [])?;
        tx.exec("derived_fingerprint_set", [&code])?;
    }
    tx.commit().map_err(at("COMMIT (schema)"))
}

/// The fingerprint of this build's derived objects (reference rows, macros,
/// views), and the macros' SQL.
fn derived_code() -> Result<(String, String)> {
    let macros = render::all_macros_sql();
    let mut rows = Text(String::new());
    reference_rows(&mut rows)?;
    let rule = kinerja_core::selang::ATURAN;
    Ok((fingerprint(&[REFERENCE, &rows.0, &macros, VIEWS, rule]), macros))
}

/// Whether a file's views, macros and reference tables are this build's (a
/// read-only open cannot rebuild them).
pub(crate) fn derived_current(conn: &Connection) -> Result<bool> {
    let stored: Option<String> = conn.one("derived_fingerprint", [], |r| r.get(0)).ok().flatten();
    Ok(stored == Some(derived_code()?.0))
}

/// A 64-bit FNV-1a hash of the texts, in hex: tells whether the SQL that
/// derived a file's views is this build's (not a security measure).
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The stored results (`cache_<name>`), in the order `views.sql` creates
/// them: a later one may read an earlier one.
fn cached() -> impl Iterator<Item = &'static str> {
    VIEWS
        .lines()
        .filter_map(|l| l.strip_prefix("CREATE OR REPLACE TABLE cache_"))
        .filter_map(|rest| rest.split_once(' ').map(|(name, _)| name))
}

/// Makes every stored result (`cache_*`) equal to its computing view
/// (`calc_*`) again; every write that can change one runs it (or
/// [`refresh_cache_for`]) in its transaction, before committing.
pub(crate) fn refresh_cache(conn: &Connection) -> Result<()> {
    for name in cached() {
        refresh_one(conn, name)?;
    }
    crate::kepastian::simpan(conn)
}

/// Recomputes the stored results computed from any of the tables
/// `changed` ([`crate::sumber`]), in `views.sql`'s order; returns their
/// names. The others cannot have changed.
pub(crate) fn refresh_cache_for(conn: &Connection, changed: &[&str]) -> Result<Vec<String>> {
    let mut done = Vec::new();
    for (name, sources) in crate::cache_sources::cache_sources(MIGRATIONS) {
        if changed.iter().any(|t| sources.contains(*t)) {
            refresh_one(conn, &name)?;
            done.push(name);
        }
    }
    // The IKMs' standard errors follow their IKMs (hasil_galat_ikm).
    if done.iter().any(|n| n == "ikm") || changed.contains(&"skm_jawaban") {
        crate::kepastian::simpan(conn)?;
    }
    Ok(done)
}

fn refresh_one(conn: &Connection, name: &str) -> Result<()> {
    let sql = crate::sql::filled("cache_refresh", &[("name", name)])?;
    conn.batch(&format!("cache_refresh ({name})"), &sql)
}

/// Where the reference rows go: into their tables, or into the text the
/// fingerprint is taken of.
trait Sink {
    /// Takes the rows of one reference table.
    fn append<P: AppenderParams + std::fmt::Debug>(
        &mut self,
        table: &str,
        rows: impl IntoIterator<Item = P>,
    ) -> Result<()>;
}

/// Appends to the tables, naming the table on error.
struct Tables<'a>(&'a Connection);

impl Sink for Tables<'_> {
    fn append<P: AppenderParams + std::fmt::Debug>(
        &mut self,
        table: &str,
        rows: impl IntoIterator<Item = P>,
    ) -> Result<()> {
        let mut a = self.0.appender(table).map_err(at(table))?;
        a.append_rows(rows).map_err(at(table))?;
        a.flush().map_err(at(table))
    }
}

/// Writes the rows as text.
struct Text(String);

impl Sink for Text {
    fn append<P: AppenderParams + std::fmt::Debug>(
        &mut self,
        table: &str,
        rows: impl IntoIterator<Item = P>,
    ) -> Result<()> {
        self.0.push_str(table);
        for r in rows {
            self.0.push_str(&format!("{r:?}\n"));
        }
        Ok(())
    }
}

fn count(n: usize) -> Result<i32> {
    i32::try_from(n).map_err(|_| Error::Internal(format!("{n} does not fit a reference table")))
}

/// Rows of the reference tables, from the core's constants.
fn reference_rows(conn: &mut impl Sink) -> Result<()> {
    let jenis = [JenisTarget::PkPerubahan, JenisTarget::Pk, JenisTarget::Renstra];
    conn.append("ref_jenis_target", jenis.iter().map(|j| (j.code(), i32::from(j.precedence()))))?;
    skm_rows(conn)?;
    akip_rows(conn)?;
    conn.append("ref_rekening", kinerja_core::kode::REKENING.iter().map(|(k, n)| (*k, *n)))?;
    band_rows(conn)
}

fn skm_rows(conn: &mut impl Sink) -> Result<()> {
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
    conn.append("ref_skema_skm", skema)?;
    conn.append("ref_unsur", unsur)?;
    conn.append("ref_bobot", bobot)
}

fn akip_rows(conn: &mut impl Sink) -> Result<()> {
    let (mut skema, mut komponen) = (Vec::new(), Vec::new());
    for s in [SkemaAkip::PermenPanRb88_2021, SkemaAkip::PermenPanRb12_2015] {
        skema.push((s.code(), count(s.komponen().len())?));
        for (i, k) in s.komponen().iter().enumerate() {
            komponen.push((s.code(), k.id, count(i + 1)?, k.nama, k.bobot));
        }
    }
    conn.append("ref_skema_akip", skema)?;
    conn.append("ref_komponen_akip", komponen)
}

fn band_rows(conn: &mut impl Sink) -> Result<()> {
    let mut rows = Vec::new();
    for t in BANDS {
        for (i, band) in t.bands.iter().enumerate() {
            let lower = (band.min_hundredths != i64::MIN).then(|| kinerja_core::Decimal::new(band.min_hundredths, 2));
            rows.push((t.id, count(i + 1)?, band.code, band.label, lower, t.regulation));
        }
    }
    conn.append("ref_band", rows)
}

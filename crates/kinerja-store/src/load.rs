//! Transactional bulk loads.
//!
//! A load takes a validated [`Dataset`], appends each table into a staging
//! table with DuckDB's appender (no row-by-row `INSERT`), and upserts from
//! staging by primary key — all inside one transaction. Raw SKM answers
//! replace whole unit-years and refresh `skm_agregat` for exactly those
//! unit-years. Real data for a unit removes that unit's synthetic rows;
//! the same data loaded twice leaves the database unchanged.

use std::collections::BTreeSet;
use std::path::Path;

use duckdb::{Appender, Connection, params};
use kinerja_core::model::{Dataset, is_sintetis};

use crate::{Result, Store};

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// `(table, rows read, rows new or changed)`.
    pub tables: Vec<(&'static str, u64, u64)>,
}

impl LoadSummary {
    /// Total rows new or changed.
    pub fn changed(&self) -> u64 {
        self.tables.iter().map(|t| t.2).sum()
    }

    /// Total rows read.
    pub fn read(&self) -> u64 {
        self.tables.iter().map(|t| t.1).sum()
    }
}

/// Fact tables that carry `kode_unit` and `sumber` (synthetic rows live here).
pub(crate) const UNIT_TABLES: &[&str] = &[
    "target",
    "realisasi",
    "skm_survei",
    "skm_nrr",
    "skm_jawaban",
    "skm_agregat",
    "akip_komponen",
    "anggaran_belanja",
    "anggaran_program",
    "program_sasaran",
];

/// Progress callback: `(table, rows done, rows total)`.
pub type Progress<'a> = &'a mut dyn FnMut(&str, u64, u64);

impl Store {
    /// Validates and loads a data directory (CSV/XLSX) in one transaction.
    pub fn load_dir(&self, dir: &Path, progress: Progress<'_>) -> Result<LoadSummary> {
        let data = kinerja_data::read_dir(dir)?;
        self.load(&data, progress)
    }

    /// Loads a dataset in one transaction: on any error nothing changes.
    ///
    /// ```
    /// let store = kinerja_store::Store::open_in_memory()?;
    /// let data = kinerja_core::model::Dataset::default();
    /// assert_eq!(store.load(&data, &mut |_, _, _| {})?.changed(), 0);
    /// # Ok::<(), kinerja_store::Error>(())
    /// ```
    pub fn load(&self, data: &Dataset, progress: Progress<'_>) -> Result<LoadSummary> {
        if self.read_only {
            return Err(crate::Error::Invalid("the database is open read-only".into()));
        }
        let c = &self.conn;
        c.execute_batch("BEGIN TRANSACTION")?;
        match load_in_tx(c, data, progress) {
            Ok(s) => {
                c.execute_batch("COMMIT")?;
                Ok(s)
            }
            Err(e) => {
                let _ = c.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

fn staging(c: &Connection, table: &str) -> Result<()> {
    c.execute_batch(&format!("CREATE OR REPLACE TEMP TABLE stg_{table} AS SELECT * FROM main.{table} LIMIT 0"))?;
    Ok(())
}

fn stage<T>(
    c: &Connection,
    table: &'static str,
    rows: &[T],
    progress: &mut dyn FnMut(&str, u64, u64),
    mut row: impl FnMut(&mut Appender<'_>, &T) -> duckdb::Result<()>,
) -> Result<()> {
    staging(c, table)?;
    let total = rows.len() as u64;
    {
        let mut app = c.appender_to_catalog_and_db(&format!("stg_{table}"), "temp", "main")?;
        for (i, r) in rows.iter().enumerate() {
            row(&mut app, r)?;
            if i % 100_000 == 0 {
                progress(table, i as u64, total);
            }
        }
        app.flush()?;
    }
    progress(table, total, total);
    Ok(())
}

/// Upserts staged rows; returns how many were new or different.
fn upsert(c: &Connection, table: &str) -> Result<u64> {
    let changed: i64 = c.query_row(
        &format!("SELECT count(*) FROM (SELECT * FROM temp.stg_{table} EXCEPT SELECT * FROM main.{table})"),
        [],
        |r| r.get(0),
    )?;
    if changed > 0 {
        c.execute_batch(&format!("INSERT OR REPLACE INTO main.{table} SELECT * FROM temp.stg_{table}"))?;
    }
    c.execute_batch(&format!("DROP TABLE temp.stg_{table}"))?;
    Ok(u64::try_from(changed).unwrap_or(0))
}

fn load_in_tx(c: &Connection, d: &Dataset, progress: Progress<'_>) -> Result<LoadSummary> {
    let mut summary = LoadSummary::default();
    let mut done = |table: &'static str, read: usize, changed: u64| summary.tables.push((table, read as u64, changed));

    // Real data for a unit supersedes that unit's synthetic demo rows.
    let real_units: BTreeSet<&str> = d
        .target
        .iter()
        .filter(|r| !is_sintetis(&r.sumber))
        .map(|r| r.kode_unit.as_str())
        .chain(d.realisasi.iter().filter(|r| !is_sintetis(&r.sumber)).map(|r| r.kode_unit.as_str()))
        .chain(d.skm_survei.iter().filter(|r| !is_sintetis(&r.sumber)).map(|r| r.kode_unit.as_str()))
        .chain(d.akip_komponen.iter().filter(|r| !is_sintetis(&r.sumber)).map(|r| r.kode_unit.as_str()))
        .chain(d.anggaran_program.iter().filter(|r| !is_sintetis(&r.sumber)).map(|r| r.kode_unit.as_str()))
        .collect();
    if !real_units.is_empty() {
        c.execute_batch("CREATE OR REPLACE TEMP TABLE real_units (kode_unit VARCHAR)")?;
        {
            let mut a = c.appender_to_catalog_and_db("real_units", "temp", "main")?;
            for u in &real_units {
                a.append_row(params![u])?;
            }
        }
        for t in UNIT_TABLES {
            c.execute_batch(&format!(
                "DELETE FROM main.{t} WHERE kj_sintetis(sumber) AND kode_unit IN (SELECT kode_unit FROM temp.real_units)"
            ))?;
        }
        c.execute_batch("DROP TABLE temp.real_units")?;
    }

    stage(c, "wilayah", &d.wilayah, progress, |a, w| {
        a.append_row(params![w.kode, w.tingkat.code(), w.nama, w.induk, w.nama_dalam_laporan, w.sumber])
    })?;
    done("wilayah", d.wilayah.len(), upsert(c, "wilayah")?);

    stage(c, "desa_statistik", &d.desa_statistik, progress, |a, s| {
        a.append_row(params![
            s.kode_desa,
            s.tahun,
            s.no_laporan,
            s.luas_ha,
            s.dusun,
            s.kk,
            s.penduduk_l,
            s.penduduk_p,
            s.penduduk_total,
            s.luas_perkebunan_ha,
            s.luas_pertanian_ha,
            s.luas_perumahan_ha,
            s.sumber
        ])
    })?;
    done("desa_statistik", d.desa_statistik.len(), upsert(c, "desa_statistik")?);

    stage(c, "renstra", &d.renstra, progress, |a, r| {
        a.append_row(params![r.id, r.kode_unit, r.tahun_awal, r.tahun_akhir, r.visi, r.misi, r.sumber])
    })?;
    done("renstra", d.renstra.len(), upsert(c, "renstra")?);
    stage(c, "tujuan", &d.tujuan, progress, |a, t| a.append_row(params![t.id, t.renstra_id, t.uraian, t.sumber]))?;
    done("tujuan", d.tujuan.len(), upsert(c, "tujuan")?);
    stage(c, "sasaran", &d.sasaran, progress, |a, s| {
        a.append_row(params![s.id, s.tujuan_id, s.no, s.uraian, s.sumber])
    })?;
    done("sasaran", d.sasaran.len(), upsert(c, "sasaran")?);
    stage(c, "strategi", &d.strategi, progress, |a, s| {
        a.append_row(params![s.id, s.sasaran_id, s.no, s.uraian, s.sumber])
    })?;
    done("strategi", d.strategi.len(), upsert(c, "strategi")?);
    stage(c, "indikator", &d.indikator, progress, |a, i| {
        a.append_row(params![i.id, i.nama, i.satuan, i.polaritas.code(), i.presisi, i.jenis.code(), i.sumber])
    })?;
    done("indikator", d.indikator.len(), upsert(c, "indikator")?);
    stage(c, "sasaran_indikator", &d.sasaran_indikator, progress, |a, s| {
        a.append_row(params![s.sasaran_id, s.indikator_id, s.sumber])
    })?;
    done("sasaran_indikator", d.sasaran_indikator.len(), upsert(c, "sasaran_indikator")?);

    stage(c, "target", &d.target, progress, |a, t| {
        a.append_row(params![t.kode_unit, t.indikator_id, t.tahun, t.jenis.code(), t.nilai, t.label, t.sumber])
    })?;
    done("target", d.target.len(), upsert(c, "target")?);
    stage(c, "realisasi", &d.realisasi, progress, |a, r| {
        a.append_row(params![r.kode_unit, r.indikator_id, r.tahun, r.nilai, r.label, r.sumber])
    })?;
    done("realisasi", d.realisasi.len(), upsert(c, "realisasi")?);

    stage(c, "skm_survei", &d.skm_survei, progress, |a, s| {
        a.append_row(params![s.kode_unit, s.tahun, s.skema.code(), s.bobot.code(), s.responden, s.periode, s.sumber])
    })?;
    done("skm_survei", d.skm_survei.len(), upsert(c, "skm_survei")?);
    stage(c, "skm_nrr", &d.skm_nrr, progress, |a, n| {
        a.append_row(params![n.kode_unit, n.tahun, n.unsur_id, n.no_laporan, n.nama_dalam_laporan, n.nrr, n.sumber])
    })?;
    done("skm_nrr", d.skm_nrr.len(), upsert(c, "skm_nrr")?);

    if !d.skm_jawaban.is_empty() {
        stage(c, "skm_jawaban", &d.skm_jawaban, progress, |a, j| {
            a.append_row(params![j.kode_unit, j.tahun, j.responden, j.unsur_id, j.skor.get(), j.sumber])
        })?;
        let changed = replace_jawaban(c)?;
        done("skm_jawaban", d.skm_jawaban.len(), changed);
    }

    stage(c, "akip_komponen", &d.akip_komponen, progress, |a, k| {
        a.append_row(params![k.kode_unit, k.tahun, k.skema.code(), k.komponen_id, k.target, k.realisasi, k.sumber])
    })?;
    done("akip_komponen", d.akip_komponen.len(), upsert(c, "akip_komponen")?);
    stage(c, "anggaran_belanja", &d.anggaran_belanja, progress, |a, b| {
        a.append_row(params![b.kode_unit, b.tahun, b.kode_rekening, b.uraian, b.anggaran, b.realisasi, b.sumber])
    })?;
    done("anggaran_belanja", d.anggaran_belanja.len(), upsert(c, "anggaran_belanja")?);
    stage(c, "anggaran_program", &d.anggaran_program, progress, |a, p| {
        a.append_row(params![
            p.kode_unit,
            p.tahun,
            p.kode_program,
            p.no_laporan,
            p.nama,
            p.anggaran,
            p.realisasi,
            p.keterangan,
            p.sumber
        ])
    })?;
    done("anggaran_program", d.anggaran_program.len(), upsert(c, "anggaran_program")?);
    stage(c, "program_sasaran", &d.program_sasaran, progress, |a, m| {
        a.append_row(params![m.kode_unit, m.tahun, m.kode_program, m.sasaran_id, m.sumber])
    })?;
    done("program_sasaran", d.program_sasaran.len(), upsert(c, "program_sasaran")?);
    stage(c, "tercetak", &d.tercetak, progress, |a, t| {
        a.append_row(params![t.id, t.tabel, t.uraian, t.nilai_tercetak, t.nilai_dihitung, t.catatan])
    })?;
    done("tercetak", d.tercetak.len(), upsert(c, "tercetak")?);
    Ok(summary)
}

/// Replaces the raw answers of every staged unit-year and refreshes their
/// aggregates. Returns the rows appended, or 0 when the unit-years already
/// held exactly these answers.
fn replace_jawaban(c: &Connection) -> Result<u64> {
    c.execute_batch(
        "CREATE OR REPLACE TEMP TABLE stg_kunci AS SELECT DISTINCT kode_unit, tahun FROM temp.stg_skm_jawaban",
    )?;
    let same: bool = c.query_row(
        "SELECT (SELECT count(*) FROM temp.stg_skm_jawaban) = (SELECT count(*) FROM main.skm_jawaban j SEMI JOIN temp.stg_kunci k USING (kode_unit, tahun))
           AND NOT EXISTS (SELECT * FROM temp.stg_skm_jawaban EXCEPT ALL SELECT j.* FROM main.skm_jawaban j SEMI JOIN temp.stg_kunci k USING (kode_unit, tahun))",
        [],
        |r| r.get(0),
    )?;
    let appended: i64 = if same {
        0
    } else {
        c.execute_batch(
            "DELETE FROM main.skm_jawaban WHERE (kode_unit, tahun) IN (SELECT (kode_unit, tahun) FROM temp.stg_kunci);
             INSERT INTO main.skm_jawaban SELECT * FROM temp.stg_skm_jawaban;
             DELETE FROM main.skm_agregat WHERE (kode_unit, tahun) IN (SELECT (kode_unit, tahun) FROM temp.stg_kunci);
             INSERT INTO main.skm_agregat
                 SELECT j.kode_unit, j.tahun, j.unsur_id, sum(j.skor), count(*), min(j.sumber)
                 FROM main.skm_jawaban j SEMI JOIN temp.stg_kunci k USING (kode_unit, tahun)
                 GROUP BY j.kode_unit, j.tahun, j.unsur_id;",
        )?;
        c.query_row("SELECT count(*) FROM temp.stg_skm_jawaban", [], |r| r.get(0))?
    };
    c.execute_batch("DROP TABLE temp.stg_skm_jawaban; DROP TABLE temp.stg_kunci;")?;
    Ok(u64::try_from(appended).unwrap_or(0))
}

impl Store {
    /// Stores a planning scenario's targets as a named revision
    /// (`jenis = skenario:<nama>`), replacing an earlier import of the same
    /// name, in one transaction. Units and indicators must exist.
    pub fn import_skenario(
        &self,
        nama: &str,
        dibuat: &str,
        berkas: &str,
        targets: &[kinerja_core::model::Target],
    ) -> Result<usize> {
        use crate::query::named;
        if self.read_only {
            return Err(crate::Error::Invalid("the database is open read-only".into()));
        }
        let jenis = kinerja_core::model::JenisTarget::Skenario(nama.to_string()).code();
        let c = &self.conn;
        let mut missing = Vec::new();
        for t in targets {
            let (u, i): (i64, i64) = c.query_row(
                "SELECT (SELECT count(*) FROM v_unit WHERE kode_unit = ?), (SELECT count(*) FROM indikator WHERE id = ?)",
                params![t.kode_unit, t.indikator_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if u == 0 {
                missing.push(format!("kecamatan {}", t.kode_unit));
            }
            if i == 0 {
                missing.push(format!("indikator {}", t.indikator_id));
            }
        }
        if !missing.is_empty() {
            missing.sort();
            missing.dedup();
            return Err(crate::Error::Invalid(format!(
                "scenario {nama:?} refers to what the database does not hold: {}",
                missing.join(", ")
            )));
        }
        c.execute_batch("BEGIN TRANSACTION")?;
        let r = (|| -> Result<usize> {
            c.execute(named("hapus_skenario")?, params![jenis])?;
            c.execute(named("simpan_skenario")?, params![nama, dibuat, berkas, Option::<String>::None])?;
            let mut a = c.appender("target")?;
            for t in targets {
                a.append_row(params![t.kode_unit, t.indikator_id, t.tahun, jenis, t.nilai, t.label, t.sumber])?;
            }
            a.flush()?;
            Ok(targets.len())
        })();
        match r {
            Ok(n) => {
                c.execute_batch("COMMIT")?;
                Ok(n)
            }
            Err(e) => {
                let _ = c.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

//! Transactional bulk loads.
//!
//! A load takes a validated [`Dataset`], appends each table into a staging
//! table with DuckDB's appender (no row-by-row `INSERT`), and upserts from
//! staging by primary key — all inside one transaction. Raw SKM answers
//! replace whole unit-years and refresh `skm_agregat` for exactly those
//! unit-years. Real data for a unit removes that unit's synthetic rows;
//! the same data loaded twice leaves the database unchanged.

use std::collections::BTreeSet;

use duckdb::{Appender, Connection, params};
use kinerja_core::model::*;

use crate::sql::{Run, at, filled};
use crate::{Progress, Result, Store};

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// `(table, rows read, rows new or changed)`.
    pub tables: Vec<(&'static str, u64, u64)>,
    /// `(file, encoding and delimiter detected)` for CSV files that are not
    /// plain UTF-8 with `,`.
    pub dialek: Vec<(String, kinerja_pesan::Pesan)>,
    /// Columns whose ambiguous numbers their range decided.
    pub tafsir: Vec<kinerja_data::Tafsir>,
    /// Synthetic rows removed because real data for their unit arrived:
    /// `(table, rows)`.
    pub sintetis_dihapus: Vec<(&'static str, u64)>,
    /// Whether stored results were recomputed: not when the load changed
    /// nothing they are computed from.
    pub segar: bool,
}

impl LoadSummary {
    /// Total rows new or changed.
    pub fn changed(&self) -> u64 {
        self.tables.iter().map(|t| t.2).sum()
    }

    /// Raw SKM answers read.
    pub fn jawaban(&self) -> u64 {
        self.tables.iter().filter(|t| t.0 == "skm_jawaban").map(|t| t.1).sum()
    }

    /// Total rows read.
    pub fn read(&self) -> u64 {
        self.tables.iter().map(|t| t.1).sum()
    }
}

/// An audit finding recorded with the load of a transcription
/// (`audit_temuan`), in the words it was shown in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemuanTersimpan {
    /// The relation's id.
    pub id: String,
    /// `galat` or `catatan`.
    pub tingkat: String,
    /// Where the figure is printed.
    pub letak: String,
    /// The figure as printed.
    pub tercetak: String,
    /// What was checked.
    pub uraian: String,
    /// Its likely causes, `; ` between them.
    pub sebab: String,
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
    "narasi",
];

impl Store {
    /// Validates and loads a data directory in one transaction: the tables
    /// in CSV/XLSX, and raw SKM answers also as Parquet
    /// (`skm_jawaban.parquet`, `skm_jawaban_*.parquet`), which stream from
    /// the files into the database and are checked there.
    pub fn load_dir(&self, dir: &std::path::Path, progress: Progress<'_>) -> Result<LoadSummary> {
        self.load_parts(kinerja_data::read_dir_parts(dir)?, progress)
    }

    /// Loads what was read from a directory or a workbook
    /// ([`kinerja_data::read_workbook`]) in one transaction, recording its
    /// files in the history.
    pub fn load_parts(&self, parts: kinerja_data::DirParts, progress: Progress<'_>) -> Result<LoadSummary> {
        self.writable()?;
        let tx = self.conn.unchecked_transaction().map_err(at("BEGIN (load)"))?;
        let kinerja_data::DirParts { data, jawaban_parquet, dialek, tafsir, berkas } = parts;
        // Each table's rows are freed once in the database, before DuckDB
        // streams the answers, the larger part of a national load.
        let mut summary = load_in_tx(&tx, data, progress)?;
        summary.dialek = dialek;
        summary.tafsir = tafsir;
        if !jawaban_parquet.is_empty() {
            let (read, stored) = crate::jawaban::load_jawaban_parquet(&tx, &jawaban_parquet, progress)?;
            summary.tables.push(("skm_jawaban", read, stored));
        }
        crate::riwayat::catat(&tx, "muat", None, &berkas, &summary.tables)?;
        summary.segar = refresh_after_load(&tx, &summary)?;
        tx.commit().map_err(at("COMMIT (load)"))?;
        Ok(summary)
    }

    /// Loads a dataset in one transaction: on any error nothing changes.
    /// (The rows are copied: a load frees each table once staged.)
    ///
    /// ```
    /// let store = kinerja_store::Store::open_in_memory()?;
    /// let data = kinerja_core::model::Dataset::default();
    /// assert_eq!(store.load(&data, &mut |_, _, _| {})?.changed(), 0);
    /// # Ok::<(), kinerja_store::Error>(())
    /// ```
    pub fn load(&self, data: &Dataset, progress: Progress<'_>) -> Result<LoadSummary> {
        self.load_as(data.clone(), progress, "muat", None)
    }

    /// [`Store::load`], recorded in the history as `perintah`.
    pub(crate) fn load_as(
        &self,
        data: Dataset,
        progress: Progress<'_>,
        perintah: &str,
        keterangan: Option<&str>,
    ) -> Result<LoadSummary> {
        self.writable()?;
        let tx = self.conn.unchecked_transaction().map_err(at("BEGIN (load)"))?;
        let mut summary = load_in_tx(&tx, data, progress)?;
        crate::riwayat::catat(&tx, perintah, keterangan, &[], &summary.tables)?;
        summary.segar = refresh_after_load(&tx, &summary)?;
        tx.commit().map_err(at("COMMIT (load)"))?;
        Ok(summary)
    }

    /// Loads the base facts of a transcribed report and records the audit's
    /// findings with them, in one transaction. Every unit and indicator the
    /// facts refer to must already be in the database.
    pub fn load_transkripsi(
        &self,
        data: &Dataset,
        berkas: &str,
        dimuat: &str,
        temuan: &[TemuanTersimpan],
    ) -> Result<LoadSummary> {
        self.writable()?;
        self.check_references(data)?;
        let tx = self.conn.unchecked_transaction().map_err(at("BEGIN (load)"))?;
        let summary = load_in_tx(&tx, data.clone(), &mut |_, _, _| {})?;
        for t in temuan {
            let TemuanTersimpan { id, tingkat, letak, tercetak, uraian, sebab } = t;
            tx.exec("catat_temuan", params![berkas, dimuat, id, tingkat, letak, tercetak, uraian, sebab])?;
        }
        let dibaca = existing(berkas);
        crate::riwayat::catat(&tx, "muat transkripsi", Some(berkas), &dibaca, &summary.tables)?;
        crate::schema::refresh_cache(&tx)?;
        tx.commit().map_err(at("COMMIT (load)"))?;
        Ok(summary)
    }

    /// Units and indicators of targets and realisasi must exist.
    fn check_references(&self, d: &Dataset) -> Result<()> {
        let mut missing = BTreeSet::new();
        let pairs = d
            .target
            .iter()
            .map(|t| (&t.kode_unit, &t.indikator_id))
            .chain(d.realisasi.iter().map(|r| (&r.kode_unit, &r.indikator_id)));
        for (u, i) in pairs.collect::<BTreeSet<_>>() {
            let (has_u, has_i): (i64, i64) =
                self.conn.one("unit_dan_indikator_ada", params![u, i], |r| Ok((r.get(0)?, r.get(1)?)))?;
            if has_u == 0 {
                missing.insert((0, u.clone()));
            }
            if has_i == 0 {
                missing.insert((1, i.clone()));
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        Err(crate::Error::MissingReferences {
            skenario: None,
            missing: missing.into_iter().map(missing_pesan).collect(),
        })
    }

    pub(crate) fn writable(&self) -> Result<()> {
        if self.read_only {
            return Err(crate::Error::ReadOnly);
        }
        Ok(())
    }
}

/// A record that is staged into its table with the appender.
trait Staged {
    /// The table.
    const TABLE: &'static str;
    /// Appends one row, columns in the table's order.
    fn append(&self, a: &mut Appender<'_>) -> duckdb::Result<()>;
}

macro_rules! staged {
    ($ty:ty, $table:literal, |$a:ident, $r:ident| $body:expr) => {
        impl Staged for $ty {
            const TABLE: &'static str = $table;
            fn append(&self, $a: &mut Appender<'_>) -> duckdb::Result<()> {
                let $r = self;
                $body
            }
        }
    };
}

staged!(Wilayah, "wilayah", |a, w| a.append_row(params![
    w.kode,
    w.tingkat.code(),
    w.nama,
    w.induk,
    w.nama_dalam_laporan,
    w.sumber
]));
staged!(DesaStatistik, "desa_statistik", |a, s| a.append_row(params![
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
]));
staged!(Renstra, "renstra", |a, r| a.append_row(params![
    r.id,
    r.kode_unit,
    r.tahun_awal,
    r.tahun_akhir,
    r.visi,
    r.misi,
    r.sumber
]));
staged!(Tujuan, "tujuan", |a, t| a.append_row(params![t.id, t.renstra_id, t.uraian, t.sumber]));
staged!(Sasaran, "sasaran", |a, s| a.append_row(params![s.id, s.tujuan_id, s.no, s.uraian, s.sumber]));
staged!(Strategi, "strategi", |a, s| a.append_row(params![s.id, s.sasaran_id, s.no, s.uraian, s.sumber]));
staged!(Indikator, "indikator", |a, i| a.append_row(params![
    i.id,
    i.nama,
    i.satuan,
    i.polaritas.code(),
    i.presisi,
    i.jenis.code(),
    i.sumber
]));
staged!(SasaranIndikator, "sasaran_indikator", |a, s| a.append_row(params![s.sasaran_id, s.indikator_id, s.sumber]));
staged!(Target, "target", |a, t| a.append_row(params![
    t.kode_unit,
    t.indikator_id,
    t.tahun,
    t.jenis.code(),
    t.nilai,
    t.label,
    t.sumber
]));
staged!(Realisasi, "realisasi", |a, r| a.append_row(params![
    r.kode_unit,
    r.indikator_id,
    r.tahun,
    r.nilai,
    r.label,
    r.sumber
]));
staged!(SkmSurvei, "skm_survei", |a, s| a.append_row(params![
    s.kode_unit,
    s.tahun,
    s.skema.code(),
    s.bobot.code(),
    s.responden,
    s.periode,
    s.sumber,
    s.populasi
]));
staged!(SkmNrr, "skm_nrr", |a, n| a.append_row(params![
    n.kode_unit,
    n.tahun,
    n.unsur_id,
    n.no_laporan,
    n.nama_dalam_laporan,
    n.nrr,
    n.sumber
]));
staged!(SkmJawaban, "skm_jawaban", |a, j| a.append_row(params![
    j.kode_unit,
    j.tahun,
    j.responden,
    j.unsur_id,
    j.skor.get(),
    j.sumber
]));
staged!(AkipKomponen, "akip_komponen", |a, k| a.append_row(params![
    k.kode_unit,
    k.tahun,
    k.skema.code(),
    k.komponen_id,
    k.target,
    k.realisasi,
    k.sumber
]));
staged!(AnggaranBelanja, "anggaran_belanja", |a, b| a.append_row(params![
    b.kode_unit,
    b.tahun,
    b.kode_rekening,
    b.uraian,
    b.anggaran,
    b.realisasi,
    b.sumber
]));
staged!(AnggaranProgram, "anggaran_program", |a, p| a.append_row(params![
    p.kode_unit,
    p.tahun,
    p.kode_program,
    p.no_laporan,
    p.nama,
    p.anggaran,
    p.realisasi,
    p.keterangan,
    p.sumber
]));
staged!(ProgramSasaran, "program_sasaran", |a, m| a.append_row(params![
    m.kode_unit,
    m.tahun,
    m.kode_program,
    m.sasaran_id,
    m.sumber
]));
staged!(Tercetak, "tercetak", |a, t| a.append_row(params![
    t.id,
    t.tabel,
    t.uraian,
    t.nilai_tercetak,
    t.nilai_dihitung,
    t.catatan
]));
staged!(Narasi, "narasi", |a, n| a.append_row(params![n.kode_unit, n.tahun, n.bagian, n.teks, n.sumber]));

/// Appends `rows` into a fresh staging table `temp.stg_<table>`.
fn stage<T: Staged>(c: &Connection, rows: &[T], progress: &mut dyn FnMut(&str, u64, u64)) -> Result<()> {
    let table = T::TABLE;
    c.batch("staging_create", &filled("staging_create", &[("table", table)])?)?;
    let total = rows.len() as u64;
    let stg = format!("stg_{table}");
    let mut app = c.appender_to_catalog_and_db(&stg, "temp", "main").map_err(at(&stg))?;
    for (i, r) in rows.iter().enumerate() {
        r.append(&mut app).map_err(at(&stg))?;
        if i % 100_000 == 0 {
            progress(table, i as u64, total);
        }
    }
    app.flush().map_err(at(&stg))?;
    progress(table, total, total);
    Ok(())
}

/// Upserts staged rows; returns how many were new or different.
fn upsert(c: &Connection, table: &str) -> Result<u64> {
    let fill = [("table", table)];
    let changed: i64 =
        c.query_row(&filled("staging_changed", &fill)?, [], |r| r.get(0)).map_err(at("staging_changed"))?;
    if changed > 0 {
        c.batch("staging_upsert", &filled("staging_upsert", &fill)?)?;
    }
    c.batch("staging_drop", &filled("staging_drop", &fill)?)?;
    Ok(u64::try_from(changed).unwrap_or(0))
}

/// Stages and upserts one table, recording it in the summary.
fn load_table<T: Staged>(c: &Connection, rows: Vec<T>, s: &mut LoadSummary, progress: Progress<'_>) -> Result<()> {
    stage(c, &rows, progress)?;
    let changed = upsert(c, T::TABLE)?;
    s.tables.push((T::TABLE, rows.len() as u64, changed));
    Ok(())
}

/// Recomputes the stored results computed from a table the load changed,
/// rows new, changed or (synthetic, superseded) removed
/// ([`crate::schema::refresh_cache_for`]); a load that changed nothing (the
/// same files again) leaves them all as they are. Raw answers change their
/// aggregates (`skm_agregat`) with them. Returns whether it recomputed any.
fn refresh_after_load(c: &Connection, s: &LoadSummary) -> Result<bool> {
    let mut changed: Vec<&str> = s.tables.iter().filter(|t| t.2 > 0).map(|t| t.0).collect();
    changed.extend(s.sintetis_dihapus.iter().map(|t| t.0));
    if changed.contains(&"skm_jawaban") {
        changed.push("skm_agregat");
    }
    Ok(!crate::schema::refresh_cache_for(c, &changed)?.is_empty())
}

/// Stages and upserts every table of `d`, freeing each table's rows once it
/// is in the database (a national directory's tables are a few hundred MB
/// of rows).
fn load_in_tx(c: &Connection, mut d: Dataset, progress: Progress<'_>) -> Result<LoadSummary> {
    use std::mem::take;
    let mut s = LoadSummary { sintetis_dihapus: remove_superseded_synthetic(c, &d)?, ..LoadSummary::default() };
    load_table(c, take(&mut d.wilayah), &mut s, progress)?;
    load_table(c, take(&mut d.desa_statistik), &mut s, progress)?;
    load_table(c, take(&mut d.renstra), &mut s, progress)?;
    load_table(c, take(&mut d.tujuan), &mut s, progress)?;
    load_table(c, take(&mut d.sasaran), &mut s, progress)?;
    load_table(c, take(&mut d.strategi), &mut s, progress)?;
    load_table(c, take(&mut d.indikator), &mut s, progress)?;
    load_table(c, take(&mut d.sasaran_indikator), &mut s, progress)?;
    load_table(c, take(&mut d.target), &mut s, progress)?;
    load_table(c, take(&mut d.realisasi), &mut s, progress)?;
    load_table(c, take(&mut d.skm_survei), &mut s, progress)?;
    load_table(c, take(&mut d.skm_nrr), &mut s, progress)?;
    let jawaban = take(&mut d.skm_jawaban);
    if !jawaban.is_empty() {
        stage(c, &jawaban, progress)?;
        let read = jawaban.len() as u64;
        drop(jawaban);
        let changed = replace_jawaban(c)?;
        s.tables.push(("skm_jawaban", read, changed));
    }
    load_table(c, take(&mut d.akip_komponen), &mut s, progress)?;
    load_table(c, take(&mut d.anggaran_belanja), &mut s, progress)?;
    load_table(c, take(&mut d.anggaran_program), &mut s, progress)?;
    load_table(c, take(&mut d.program_sasaran), &mut s, progress)?;
    load_table(c, take(&mut d.tercetak), &mut s, progress)?;
    load_table(c, take(&mut d.narasi), &mut s, progress)?;
    Ok(s)
}

/// Real data for a unit supersedes that unit's synthetic demo rows.
/// Returns the rows removed per table.
fn remove_superseded_synthetic(c: &Connection, d: &Dataset) -> Result<Vec<(&'static str, u64)>> {
    fn real<'a, T>(rows: &'a [T], f: impl Fn(&'a T) -> (&'a str, &'a str)) -> impl Iterator<Item = &'a str> {
        rows.iter().map(f).filter(|(_, sumber)| !is_sintetis(sumber)).map(|(u, _)| u)
    }
    let units: BTreeSet<&str> = real(&d.target, |r| (&r.kode_unit, &r.sumber))
        .chain(real(&d.realisasi, |r| (&r.kode_unit, &r.sumber)))
        .chain(real(&d.skm_survei, |r| (&r.kode_unit, &r.sumber)))
        .chain(real(&d.akip_komponen, |r| (&r.kode_unit, &r.sumber)))
        .chain(real(&d.anggaran_program, |r| (&r.kode_unit, &r.sumber)))
        .collect();
    if units.is_empty() {
        return Ok(Vec::new());
    }
    c.exec("real_units_create", [])?;
    {
        let mut a = c.appender_to_catalog_and_db("real_units", "temp", "main").map_err(at("real_units"))?;
        a.append_rows(units.iter().map(|u| [u])).map_err(at("real_units"))?;
    }
    let mut removed = Vec::new();
    for t in UNIT_TABLES {
        let sql = filled("synthetic_superseded_delete", &[("table", t)])?;
        let n = c.execute(&sql, []).map_err(at("synthetic_superseded_delete"))?;
        if n > 0 {
            removed.push((*t, n as u64));
        }
    }
    c.exec("real_units_drop", [])?;
    Ok(removed)
}

/// Replaces the raw answers of every staged unit-year and refreshes their
/// aggregates. Returns the rows appended, or 0 when the unit-years already
/// held exactly these answers.
fn replace_jawaban(c: &Connection) -> Result<u64> {
    c.exec("jawaban_keys", [])?;
    let appended: i64 = if c.one("jawaban_same", [], |r| r.get::<_, bool>(0))? {
        0
    } else {
        c.batch("jawaban_sebagai_sumber", crate::sql::named("jawaban_sebagai_sumber")?)?;
        crate::jawaban::store_source(c)?;
        c.one("jawaban_staged_count", [], |r| r.get(0))?
    };
    c.batch("jawaban_drop", crate::sql::named("jawaban_drop")?)?;
    Ok(u64::try_from(appended).unwrap_or(0))
}

impl Store {
    /// Stores a planning scenario's targets as a named revision
    /// (`jenis = skenario:<nama>`), replacing an earlier import of the same
    /// name, in one transaction. Units and indicators must exist.
    pub fn import_skenario(&self, nama: &str, dibuat: &str, file: &str, targets: &[Target]) -> Result<usize> {
        self.writable()?;
        let c = &self.conn;
        let (mut missing, mut outside) = (Vec::new(), Vec::new());
        for t in targets {
            let (u, i, jenis): (i64, i64, Option<String>) =
                c.one("unit_dan_indikator_ada", params![t.kode_unit, t.indikator_id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            if u == 0 {
                missing.push((0, t.kode_unit.clone()));
            }
            if i == 0 {
                missing.push((1, t.indikator_id.clone()));
            }
            // An IKM or AKIP target within its scale, as the loader requires.
            let j = jenis.as_deref().and_then(|j| kinerja_core::capaian::JenisIndikator::parse(j).ok());
            if let Some(Err(expected)) = j.map(|j| j.cek(t.nilai, true)) {
                let (u, i, y, v) = (&t.kode_unit, &t.indikator_id, t.tahun, t.nilai.to_string());
                outside.push(kinerja_pesan::msg::store_scenario_target(u, i, y, expected, v));
            }
        }
        if !missing.is_empty() {
            missing.sort();
            missing.dedup();
            let missing = missing.into_iter().map(missing_pesan).collect();
            return Err(crate::Error::MissingReferences { skenario: Some(nama.to_string()), missing });
        }
        if !outside.is_empty() {
            return Err(crate::Error::ScenarioTargets { skenario: nama.to_string(), targets: outside });
        }
        let jenis = JenisTarget::Skenario(nama.to_string()).code();
        let tx = c.unchecked_transaction().map_err(at("BEGIN (plan import)"))?;
        tx.exec("hapus_skenario", params![jenis])?;
        tx.exec("simpan_skenario", params![nama, dibuat, file, Option::<String>::None])?;
        {
            let mut a = tx.appender("target").map_err(at("target"))?;
            for t in targets {
                a.append_row(params![t.kode_unit, t.indikator_id, t.tahun, jenis, t.nilai, t.label, t.sumber])
                    .map_err(at("target"))?;
            }
            a.flush().map_err(at("target"))?;
        }
        let n = targets.len() as u64;
        crate::riwayat::catat(&tx, "impor skenario", Some(nama), &existing(file), &[("target", n, n)])?;
        // No stored result changes: scenario targets are plans, which no
        // computing view reads (the target in force excludes them; tested).
        tx.commit().map_err(at("COMMIT (plan import)"))?;
        Ok(targets.len())
    }
}

/// `(0, kode)` a kecamatan, `(1, id)` an indikator, in words.
fn missing_pesan((kind, name): (u8, String)) -> kinerja_pesan::Pesan {
    if kind == 0 {
        kinerja_pesan::msg::store_missing_kecamatan(name)
    } else {
        kinerja_pesan::msg::store_missing_indikator(name)
    }
}

/// The file named, when it exists (API callers may name a file that is not
/// on this machine): what the history records as read.
fn existing(path: &str) -> Vec<std::path::PathBuf> {
    let p = std::path::PathBuf::from(path);
    if p.is_file() { vec![p] } else { vec![] }
}

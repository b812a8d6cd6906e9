//! Exports: hive-partitioned Parquet for other engines, and the JSON
//! snapshot the browser planner loads.

use std::path::Path;

use duckdb::Row;
use kinerja_core::akip::SkemaAkip;
use kinerja_core::capaian::Polaritas;
use kinerja_core::model::*;
use kinerja_core::skm::{Bobot, Skema};

use crate::sql::{Run, at, filled, named};
use crate::{Error, Result, Store};

/// Tables (and the capaian view) written by [`Store::export_parquet`]:
/// `(directory, source)`.
pub const PARQUET_TABLES: &[(&str, &str)] = &[
    ("capaian", "v_capaian"),
    ("target", "target"),
    ("realisasi", "realisasi"),
    ("skm_nrr", "skm_nrr"),
    ("skm_agregat", "skm_agregat"),
    ("skm_jawaban", "skm_jawaban"),
    ("akip_komponen", "akip_komponen"),
    ("anggaran_belanja", "anggaran_belanja"),
    ("anggaran_program", "anggaran_program"),
    ("program_sasaran", "program_sasaran"),
    ("skm_survei", "skm_survei"),
];

/// Tables written by [`Store::export_parquet`] whole, unpartitioned, as
/// `<table>/<table>.parquet`: the regions, the indicators, the Renstra tree
/// and the reference tables the facts are read with.
pub const PARQUET_DIMENSIONS: &[&str] = &[
    "wilayah",
    "indikator",
    "renstra",
    "tujuan",
    "sasaran",
    "sasaran_indikator",
    "ref_jenis_target",
    "ref_skema_skm",
    "ref_bobot",
];

/// The rows exported for a source (see `export_rows` in `sql/queries.sql`).
pub fn export_rows(source: &str) -> Result<String> {
    if source.starts_with("v_") {
        filled("export_view", &[("view", source)])
    } else {
        Ok(named("export_rows")?.replace("{tabel}", source))
    }
}

pub(crate) fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn core_err(e: kinerja_core::Error) -> duckdb::Error {
    duckdb::Error::ToSqlConversionFailure(Box::new(e))
}

impl Store {
    /// Writes every fact table as Parquet under `dir/<table>/kode_kabupaten=…/tahun=…/`,
    /// with a `sintetis` column, and the dimension tables
    /// ([`PARQUET_DIMENSIONS`]) as `dir/<table>/<table>.parquet`. Tables
    /// without rows are left out. Returns the tables written.
    pub fn export_parquet(&self, dir: &Path) -> Result<Vec<&'static str>> {
        self.export_parquet_with(dir, false)
    }

    /// [`Store::export_parquet`], with a table without rows written as one
    /// empty file that still carries its columns.
    pub(crate) fn export_parquet_all(&self, dir: &Path) -> Result<Vec<&'static str>> {
        self.export_parquet_with(dir, true)
    }

    fn export_parquet_with(&self, dir: &Path, empty_too: bool) -> Result<Vec<&'static str>> {
        crate::create_dir(dir)?;
        let mut written = Vec::new();
        let facts = PARQUET_TABLES.iter().map(|(name, source)| (*name, *source, true));
        for (name, source, partitioned) in facts.chain(PARQUET_DIMENSIONS.iter().map(|t| (*t, *t, false))) {
            let empty = self.rows_in(source)? == 0;
            if empty && !empty_too {
                continue;
            }
            let target = dir.join(name);
            let rows = if partitioned { export_rows(source)? } else { filled("export_dimensi", &[("table", source)])? };
            let sql = if empty || !partitioned {
                crate::create_dir(&target)?;
                let file = target.join(format!("{name}.parquet"));
                filled("export_hasil", &[("rows", &rows), ("path", &quote(&file.to_string_lossy()))])?
            } else {
                filled("export_parquet", &[("rows", &rows), ("dir", &quote(&target.to_string_lossy()))])?
            };
            self.conn.execute_batch(&sql).map_err(|source| Error::Export { path: target.clone(), source })?;
            written.push(name);
        }
        Ok(written)
    }

    /// The number of rows of a table (or of a query in parentheses).
    fn rows_in(&self, table: &str) -> Result<i64> {
        let count = filled("jumlah_baris", &[("table", table)])?;
        self.conn.query_row(&count, [], |r| r.get(0)).map_err(at("jumlah_baris"))
    }

    /// Every data table as a file `kinerja load` reads (CSV; the raw SKM
    /// answers as Parquet when `parquet`). Returns the file names.
    pub fn export_load_files(&self, dir: &Path, parquet: bool) -> Result<Vec<String>> {
        crate::create_dir(dir)?;
        let mut written = Vec::new();
        for t in kinerja_data::TABLES {
            if self.rows_in(t.name)? == 0 {
                continue;
            }
            let as_parquet = parquet && t.name == "skm_jawaban";
            let file = format!("{}.{}", t.name, if as_parquet { "parquet" } else { "csv" });
            let target = dir.join(&file);
            let query = if as_parquet { "export_load_parquet" } else { "export_load_csv" };
            let sql = filled(query, &[("table", t.name), ("path", &quote(&target.to_string_lossy()))])?;
            self.conn.execute_batch(&sql).map_err(|source| Error::Export { path: target.clone(), source })?;
            written.push(file);
        }
        Ok(written)
    }

    /// `Ok` when the database holds kabupaten `k`, else which one it lacks.
    fn kabupaten_ada(&self, k: &str) -> Result<()> {
        if self.conn.one("kabupaten_ada", [k], |r| r.get::<_, i64>(0))? == 0 {
            return Err(Error::NotFound(crate::NotFound::Kabupaten { kode: k.to_string() }));
        }
        Ok(())
    }

    /// The load files a fill-in template for one kabupaten starts from:
    /// `wilayah.csv` with its provinsi, itself, its kecamatan and their
    /// desa, and `indikator.csv` (what the drop-downs offer).
    pub fn export_template_kabupaten(&self, dir: &Path, kode_kabupaten: &str) -> Result<()> {
        self.kabupaten_ada(kode_kabupaten)?;
        crate::create_dir(dir)?;
        let wilayah = dir.join("wilayah.csv");
        let fill = [("kabupaten", quote(kode_kabupaten)), ("path", quote(&wilayah.to_string_lossy()))];
        let fill: Vec<(&str, &str)> = fill.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let sql = filled("export_wilayah_kabupaten", &fill)?;
        self.conn.execute_batch(&sql).map_err(|source| Error::Export { path: wilayah, source })?;
        let indikator = dir.join("indikator.csv");
        let sql = filled("export_indikator_template", &[("path", &quote(&indikator.to_string_lossy()))])?;
        self.conn.execute_batch(&sql).map_err(|source| Error::Export { path: indikator, source })
    }

    /// One region's data for the browser planner: a kabupaten (`"12.19"`), a
    /// provinsi (`"12"`) or, for `""`, the whole nation. The nation's is
    /// [`Snapshot::ringkas`]: the detail tables (SKM, AKIP, budgets, the
    /// Renstra tree) are left out.
    pub fn snapshot(&self, wilayah: &str, dibuat: &str) -> Result<Snapshot> {
        let k = wilayah;
        if !k.is_empty() && self.conn.one("wilayah_snapshot_ada", [k], |r| r.get::<_, i64>(0))? == 0 {
            return Err(Error::NotFound(crate::NotFound::Wilayah { kode: k.to_string() }));
        }
        // The nation's snapshot holds what the comparison needs.
        let ringkas = k.is_empty();
        let data = DataPerencana {
            wilayah: self.snap(k)?,
            indikator: self.conn.all(Indikator::QUERY, [], Indikator::from_row)?,
            renstra: self.snap(k)?,
            tujuan: self.detail(k, ringkas)?,
            sasaran: self.detail(k, ringkas)?,
            sasaran_indikator: self.detail(k, ringkas)?,
            target: self.snap(k)?,
            realisasi: self.snap(k)?,
            skm_survei: self.detail(k, ringkas)?,
            skm_nrr: self.detail(k, ringkas)?,
            akip_komponen: self.detail(k, ringkas)?,
            anggaran_program: self.detail(k, ringkas)?,
            program_sasaran: self.detail(k, ringkas)?,
        };
        Ok(Snapshot {
            versi: SNAPSHOT_VERSI,
            kode_wilayah: k.to_string(),
            dibuat: dibuat.to_string(),
            data,
            skm_agregat: self.detail(k, ringkas)?,
            galat_ikm: self.snap(k)?,
            ringkas,
            dokumen: false,
        })
    }

    /// The rows of a detail table for region `k`, none in a `ringkas` snapshot.
    fn detail<T: FromRow>(&self, k: &str, ringkas: bool) -> Result<Vec<T>> {
        if ringkas { Ok(Vec::new()) } else { self.snap(k) }
    }

    /// The rows of one snapshot table for region `k`.
    fn snap<T: FromRow>(&self, k: &str) -> Result<Vec<T>> {
        self.conn.all(T::QUERY, [k], T::from_row)
    }
}

/// A record read back from the database by a named snapshot query.
trait FromRow: Sized {
    /// The named query (`snap_*` in `sql/queries.sql`).
    const QUERY: &'static str;
    /// The record from one row, columns in the query's order.
    fn from_row(r: &Row<'_>) -> duckdb::Result<Self>;
}

macro_rules! from_row {
    ($ty:ident, $query:literal, |$r:ident| $body:expr) => {
        impl FromRow for $ty {
            const QUERY: &'static str = $query;
            fn from_row($r: &Row<'_>) -> duckdb::Result<Self> {
                Ok($body)
            }
        }
    };
}

from_row!(Wilayah, "snap_wilayah", |r| Wilayah {
    kode: r.get(0)?,
    tingkat: TingkatWilayah::parse(&r.get::<_, String>(1)?).map_err(core_err)?,
    nama: r.get(2)?,
    induk: r.get(3)?,
    nama_dalam_laporan: r.get(4)?,
    sumber: r.get(5)?,
});
from_row!(Renstra, "snap_renstra", |r| Renstra {
    id: r.get(0)?,
    kode_unit: r.get(1)?,
    tahun_awal: r.get(2)?,
    tahun_akhir: r.get(3)?,
    visi: r.get(4)?,
    misi: r.get(5)?,
    sumber: r.get(6)?,
});
from_row!(Tujuan, "snap_tujuan", |r| Tujuan {
    id: r.get(0)?,
    renstra_id: r.get(1)?,
    uraian: r.get(2)?,
    sumber: r.get(3)?
});
from_row!(Sasaran, "snap_sasaran", |r| Sasaran {
    id: r.get(0)?,
    tujuan_id: r.get(1)?,
    no: r.get(2)?,
    uraian: r.get(3)?,
    sumber: r.get(4)?,
});
from_row!(Indikator, "snap_indikator", |r| Indikator {
    id: r.get(0)?,
    nama: r.get(1)?,
    satuan: r.get(2)?,
    polaritas: Polaritas::parse(&r.get::<_, String>(3)?).map_err(core_err)?,
    presisi: r.get(4)?,
    jenis: JenisIndikator::parse(&r.get::<_, String>(5)?).map_err(core_err)?,
    sumber: r.get(6)?,
});
from_row!(SasaranIndikator, "snap_sasaran_indikator", |r| SasaranIndikator {
    sasaran_id: r.get(0)?,
    indikator_id: r.get(1)?,
    sumber: r.get(2)?,
});
from_row!(Target, "snap_target", |r| Target {
    kode_unit: r.get(0)?,
    indikator_id: r.get(1)?,
    tahun: r.get(2)?,
    jenis: JenisTarget::parse(&r.get::<_, String>(3)?).map_err(core_err)?,
    nilai: r.get(4)?,
    label: r.get(5)?,
    sumber: r.get(6)?,
});
from_row!(GalatSurvei, "snap_galat_ikm", |r| GalatSurvei {
    kode_unit: r.get(0)?,
    tahun: r.get(1)?,
    galat_baku: r.get(2)?,
    konservatif: r.get(3)?,
});
from_row!(Realisasi, "snap_realisasi", |r| Realisasi {
    kode_unit: r.get(0)?,
    indikator_id: r.get(1)?,
    tahun: r.get(2)?,
    nilai: r.get(3)?,
    label: r.get(4)?,
    sumber: r.get(5)?,
});
from_row!(SkmSurvei, "snap_skm_survei", |r| SkmSurvei {
    kode_unit: r.get(0)?,
    tahun: r.get(1)?,
    skema: Skema::parse(&r.get::<_, String>(2)?).map_err(core_err)?,
    bobot: Bobot::parse(&r.get::<_, String>(3)?).map_err(core_err)?,
    responden: r.get(4)?,
    periode: r.get(5)?,
    sumber: r.get(6)?,
    populasi: r.get(7)?,
});
from_row!(SkmNrr, "snap_skm_nrr", |r| SkmNrr {
    kode_unit: r.get(0)?,
    tahun: r.get(1)?,
    unsur_id: r.get(2)?,
    no_laporan: r.get(3)?,
    nama_dalam_laporan: r.get(4)?,
    nrr: r.get(5)?,
    sumber: r.get(6)?,
});
from_row!(SkmAgregat, "snap_skm_agregat", |r| SkmAgregat {
    kode_unit: r.get(0)?,
    tahun: r.get(1)?,
    unsur_id: r.get(2)?,
    jumlah: r.get(3)?,
    n: r.get(4)?,
    sumber: r.get(5)?,
});
from_row!(AkipKomponen, "snap_akip_komponen", |r| AkipKomponen {
    kode_unit: r.get(0)?,
    tahun: r.get(1)?,
    skema: SkemaAkip::parse(&r.get::<_, String>(2)?).map_err(core_err)?,
    komponen_id: r.get(3)?,
    target: r.get(4)?,
    realisasi: r.get(5)?,
    sumber: r.get(6)?,
});
from_row!(AnggaranProgram, "snap_anggaran_program", |r| AnggaranProgram {
    kode_unit: r.get(0)?,
    tahun: r.get(1)?,
    kode_program: r.get(2)?,
    no_laporan: r.get(3)?,
    nama: r.get(4)?,
    anggaran: r.get(5)?,
    realisasi: r.get(6)?,
    keterangan: r.get(7)?,
    sumber: r.get(8)?,
});
from_row!(ProgramSasaran, "snap_program_sasaran", |r| ProgramSasaran {
    kode_unit: r.get(0)?,
    tahun: r.get(1)?,
    kode_program: r.get(2)?,
    sasaran_id: r.get(3)?,
    sumber: r.get(4)?,
});

//! Exports: hive-partitioned Parquet for other engines, and the JSON
//! snapshot the browser planner loads.

use std::path::Path;

use duckdb::Row;
use kinerja_core::akip::SkemaAkip;
use kinerja_core::capaian::Polaritas;
use kinerja_core::model::*;
use kinerja_core::skm::{Bobot, Skema};

use crate::query::named;
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
];

/// The rows exported for a source (see `export_rows` in `sql/queries.sql`).
pub fn export_rows(source: &str) -> Result<String> {
    if source.starts_with("v_") {
        Ok(format!("SELECT * FROM {source}"))
    } else {
        Ok(named("export_rows")?.replace("{tabel}", source))
    }
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn core_err(e: kinerja_core::Error) -> duckdb::Error {
    duckdb::Error::ToSqlConversionFailure(Box::new(e))
}

impl Store {
    /// Writes every fact table as Parquet under `dir/<table>/kode_kabupaten=…/tahun=…/`,
    /// with a `sintetis` column. Returns the tables written.
    pub fn export_parquet(&self, dir: &Path) -> Result<Vec<&'static str>> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let mut written = Vec::new();
        for (name, source) in PARQUET_TABLES {
            let rows: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {source}"), [], |r| r.get(0))?;
            if rows == 0 {
                continue;
            }
            let target = dir.join(name);
            let sql = named("export_parquet")?
                .replace("{rows}", &export_rows(source)?)
                .replace("{dir}", &quote(&target.to_string_lossy()));
            self.conn.execute_batch(&sql)?;
            written.push(*name);
        }
        Ok(written)
    }

    /// One kabupaten's data for the browser planner.
    pub fn snapshot(&self, kode_kabupaten: &str, dibuat: &str) -> Result<Snapshot> {
        let k = kode_kabupaten;
        let n: i64 =
            self.conn.query_row("SELECT count(*) FROM wilayah WHERE kode = ? AND tingkat = 'kabupaten'", [k], |r| {
                r.get(0)
            })?;
        if n == 0 {
            return Err(Error::NotFound(format!("no kabupaten {k:?} in the database")));
        }
        let rows = |q: &str| -> Result<duckdb::Statement<'_>> { Ok(self.conn.prepare(named(q)?)?) };
        fn all<T>(
            mut s: duckdb::Statement<'_>,
            k: &str,
            f: impl FnMut(&Row<'_>) -> duckdb::Result<T>,
        ) -> Result<Vec<T>> {
            Ok(s.query_map([k], f)?.collect::<duckdb::Result<Vec<T>>>()?)
        }
        let data = DataPerencana {
            wilayah: all(rows("snap_wilayah")?, k, |r| {
                let t: String = r.get(1)?;
                Ok(Wilayah {
                    kode: r.get(0)?,
                    tingkat: Tingkat::parse(&t).map_err(core_err)?,
                    nama: r.get(2)?,
                    induk: r.get(3)?,
                    nama_dalam_laporan: r.get(4)?,
                    sumber: r.get(5)?,
                })
            })?,
            renstra: all(rows("snap_renstra")?, k, |r| {
                Ok(Renstra {
                    id: r.get(0)?,
                    kode_unit: r.get(1)?,
                    tahun_awal: r.get(2)?,
                    tahun_akhir: r.get(3)?,
                    visi: r.get(4)?,
                    misi: r.get(5)?,
                    sumber: r.get(6)?,
                })
            })?,
            tujuan: all(rows("snap_tujuan")?, k, |r| {
                Ok(Tujuan { id: r.get(0)?, renstra_id: r.get(1)?, uraian: r.get(2)?, sumber: r.get(3)? })
            })?,
            sasaran: all(rows("snap_sasaran")?, k, |r| {
                Ok(Sasaran { id: r.get(0)?, tujuan_id: r.get(1)?, no: r.get(2)?, uraian: r.get(3)?, sumber: r.get(4)? })
            })?,
            indikator: {
                let mut s = rows("snap_indikator")?;
                s.query_map([], |r| {
                    let (p, j): (String, String) = (r.get(3)?, r.get(5)?);
                    Ok(Indikator {
                        id: r.get(0)?,
                        nama: r.get(1)?,
                        satuan: r.get(2)?,
                        polaritas: Polaritas::parse(&p).map_err(core_err)?,
                        presisi: r.get(4)?,
                        jenis: JenisIndikator::parse(&j).map_err(core_err)?,
                        sumber: r.get(6)?,
                    })
                })?
                .collect::<duckdb::Result<Vec<_>>>()?
            },
            sasaran_indikator: all(rows("snap_sasaran_indikator")?, k, |r| {
                Ok(SasaranIndikator { sasaran_id: r.get(0)?, indikator_id: r.get(1)?, sumber: r.get(2)? })
            })?,
            target: all(rows("snap_target")?, k, |r| {
                let j: String = r.get(3)?;
                Ok(Target {
                    kode_unit: r.get(0)?,
                    indikator_id: r.get(1)?,
                    tahun: r.get(2)?,
                    jenis: JenisTarget::parse(&j).map_err(core_err)?,
                    nilai: r.get(4)?,
                    label: r.get(5)?,
                    sumber: r.get(6)?,
                })
            })?,
            realisasi: all(rows("snap_realisasi")?, k, |r| {
                Ok(Realisasi {
                    kode_unit: r.get(0)?,
                    indikator_id: r.get(1)?,
                    tahun: r.get(2)?,
                    nilai: r.get(3)?,
                    label: r.get(4)?,
                    sumber: r.get(5)?,
                })
            })?,
            skm_survei: all(rows("snap_skm_survei")?, k, |r| {
                let (s, b): (String, String) = (r.get(2)?, r.get(3)?);
                Ok(SkmSurvei {
                    kode_unit: r.get(0)?,
                    tahun: r.get(1)?,
                    skema: Skema::parse(&s).map_err(core_err)?,
                    bobot: Bobot::parse(&b).map_err(core_err)?,
                    responden: r.get(4)?,
                    periode: r.get(5)?,
                    sumber: r.get(6)?,
                })
            })?,
            skm_nrr: all(rows("snap_skm_nrr")?, k, |r| {
                Ok(SkmNrr {
                    kode_unit: r.get(0)?,
                    tahun: r.get(1)?,
                    unsur_id: r.get(2)?,
                    no_laporan: r.get(3)?,
                    nama_dalam_laporan: r.get(4)?,
                    nrr: r.get(5)?,
                    sumber: r.get(6)?,
                })
            })?,
            akip_komponen: all(rows("snap_akip_komponen")?, k, |r| {
                let s: String = r.get(2)?;
                Ok(AkipKomponen {
                    kode_unit: r.get(0)?,
                    tahun: r.get(1)?,
                    skema: SkemaAkip::parse(&s).map_err(core_err)?,
                    komponen_id: r.get(3)?,
                    target: r.get(4)?,
                    realisasi: r.get(5)?,
                    sumber: r.get(6)?,
                })
            })?,
            anggaran_program: all(rows("snap_anggaran_program")?, k, |r| {
                Ok(AnggaranProgram {
                    kode_unit: r.get(0)?,
                    tahun: r.get(1)?,
                    kode_program: r.get(2)?,
                    no_laporan: r.get(3)?,
                    nama: r.get(4)?,
                    anggaran: r.get(5)?,
                    realisasi: r.get(6)?,
                    keterangan: r.get(7)?,
                    sumber: r.get(8)?,
                })
            })?,
            program_sasaran: all(rows("snap_program_sasaran")?, k, |r| {
                Ok(ProgramSasaran {
                    kode_unit: r.get(0)?,
                    tahun: r.get(1)?,
                    kode_program: r.get(2)?,
                    sasaran_id: r.get(3)?,
                    sumber: r.get(4)?,
                })
            })?,
        };
        let skm_agregat = all(rows("snap_skm_agregat")?, k, |r| {
            Ok(SkmAgregat {
                kode_unit: r.get(0)?,
                tahun: r.get(1)?,
                unsur_id: r.get(2)?,
                jumlah: r.get(3)?,
                n: r.get(4)?,
                sumber: r.get(5)?,
            })
        })?;
        Ok(Snapshot {
            versi: SNAPSHOT_VERSI,
            kode_kabupaten: k.to_string(),
            dibuat: dibuat.to_string(),
            data,
            skm_agregat,
        })
    }
}

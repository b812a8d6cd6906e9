//! The report's data model: the LKjIP Bab II–III figures of one
//! kecamatan-year, typed, as the store computes them. The store builds it
//! (`kinerja_store::Store::laporan`); the renderers of this crate read only
//! it, never the database.
//!
//! Serialised as the JSON report (`--format json`): field names are the
//! columns of the analyst views they come from, enums their codes.

use std::collections::BTreeMap;

use kinerja_core::Decimal;
use kinerja_core::capaian::{JenisIndikator, Polaritas};
use kinerja_core::model::JenisTarget;
use kinerja_core::selang::Galat;
use kinerja_core::skm::{Bobot, Skema};
use serde::{Serialize, Serializer};

/// A kecamatan and its kabupaten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// Kemendagri code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Kabupaten code.
    pub kode_kabupaten: Option<String>,
    /// Kabupaten name.
    pub nama_kabupaten: Option<String>,
}

/// One row of the Perjanjian Kinerja (Tabel 2.2).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisPk {
    pub no: i32,
    pub sasaran: String,
    pub indikator_id: String,
    pub indikator: String,
    pub satuan: String,
    pub target: Option<Decimal>,
    pub label_target: Option<String>,
    pub jenis_target: Option<JenisTarget>,
}

/// Capaian of one indicator (Tabel 3.2).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisCapaian {
    pub indikator_id: String,
    pub indikator: String,
    pub satuan: String,
    pub polaritas: Polaritas,
    pub jenis: JenisIndikator,
    pub target: Option<Decimal>,
    pub label_target: Option<String>,
    pub realisasi: Decimal,
    pub label_realisasi: Option<String>,
    pub capaian: Option<Decimal>,
    pub predikat: Option<String>,
    pub kategori_kode: Option<String>,
    pub kategori: Option<String>,
    pub selisih: Option<Decimal>,
    pub sintetis: bool,
    pub sumber: String,
}

/// One year of an indicator (Tabel 3.9).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tahunan {
    pub tahun: i32,
    pub target: Option<Decimal>,
    pub realisasi: Decimal,
    pub capaian: Option<Decimal>,
    pub predikat: Option<String>,
    pub sintetis: bool,
}

/// Change of this year's realisasi against an earlier year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Banding {
    pub tahun_dari: i32,
    pub nilai_dari: Decimal,
    pub selisih: Option<Decimal>,
    pub persen: Option<Decimal>,
}

/// Multi-year comparison of one indicator.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MultiTahun {
    pub indikator_id: String,
    pub tahun: Vec<Tahunan>,
    pub dibanding: Vec<Banding>,
}

/// One Renstra year of an indicator (Tabel 3.10, 3.11).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenstraTahun {
    pub tahun: i32,
    pub target: Decimal,
    pub label: Option<String>,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub predikat: Option<String>,
}

/// Renstra comparison of one indicator.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenstraIndikator {
    pub indikator_id: String,
    pub tahun_awal: i32,
    pub tahun_akhir: i32,
    pub tahun: Vec<RenstraTahun>,
}

/// One kecamatan in the peer comparison (Tabel 3.12).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pembanding {
    pub indikator_id: String,
    pub kode_unit: String,
    pub nama_unit: String,
    /// `tahun → (target, realisasi, capaian, peringkat)`.
    pub per_tahun: BTreeMap<i32, PembandingTahun>,
    pub sintetis: bool,
}

/// A peer's figures in one year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PembandingTahun {
    pub ada_data: bool,
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub peringkat: Option<i64>,
}

/// One unsur of the SKM (Tabel 3.3).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisUnsur {
    pub unsur_id: String,
    pub unsur: Option<String>,
    pub no: Option<i32>,
    pub nama_dalam_laporan: Option<String>,
    pub nrr: Option<Decimal>,
    pub mutu: Option<String>,
    pub jumlah: Option<i64>,
    pub n: Option<i64>,
}

/// The SKM of a unit-year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skm {
    pub skema: Skema,
    pub bobot: Bobot,
    /// The weight as a report prints it (`1/9`, `0,111`, `0,11`).
    pub bobot_tercetak: String,
    pub responden: Option<i64>,
    /// What the IKM is computed from; `None` without answers or NRR.
    pub dasar: Option<DasarIkm>,
    pub jumlah_unsur: i64,
    pub unsur_skema: i64,
    /// IKM computed from the answers or the stored NRR.
    pub ikm: Option<Decimal>,
    pub mutu: Option<String>,
    pub kinerja: Option<String>,
    /// The IKM recorded as the indicator's realisasi (the official figure),
    /// with its mutu and kinerja label.
    pub ikm_resmi: Option<Decimal>,
    pub mutu_resmi: Option<String>,
    pub kinerja_resmi: Option<String>,
    pub unsur: Vec<BarisUnsur>,
    pub sintetis: bool,
    /// The population the survey samples, when recorded.
    pub populasi: Option<i64>,
}

/// One AKIP komponen (Tabel 3.8).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisAkip {
    pub komponen_id: String,
    pub komponen: Option<String>,
    pub bobot: Option<i32>,
    pub target: Option<Decimal>,
    pub realisasi: Decimal,
    pub persen: Option<Decimal>,
}

/// The AKIP evaluation of a unit-year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Akip {
    pub komponen: Vec<BarisAkip>,
    pub target: Option<Decimal>,
    /// Σ komponen; `None` unless every komponen of the scheme is present.
    pub realisasi: Option<Decimal>,
    pub persen: Option<Decimal>,
    pub predikat_target: Option<String>,
    pub predikat: Option<String>,
    pub predikat_label: Option<String>,
    pub sintetis: bool,
}

/// Efisiensi of one sasaran (Tabel 3.14).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisEfisiensi {
    pub no_sasaran: Option<i32>,
    pub sasaran: Option<String>,
    pub indikator: Option<String>,
    pub capaian: Option<Decimal>,
    pub penyerapan: Option<Decimal>,
    pub efisiensi: Option<Decimal>,
    pub efisiensi_rasio: Option<Decimal>,
    pub sintetis: bool,
}

/// One budget row (belanja account or program).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisAnggaran {
    pub kode: String,
    pub no: Option<i32>,
    pub tingkat: Option<i64>,
    pub uraian: Option<String>,
    pub anggaran: Decimal,
    pub realisasi: Decimal,
    pub penyerapan: Option<Decimal>,
    pub sisa: Option<Decimal>,
    pub sintetis: bool,
}

/// Totals of the program table (Tabel 3.17).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalProgram {
    pub anggaran: Decimal,
    pub realisasi: Decimal,
    pub penyerapan: Option<Decimal>,
    pub sisa: Option<Decimal>,
    pub rata_rata_penyerapan: Option<Decimal>,
}

/// The LKjIP tables of one kecamatan-year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Laporan {
    pub unit: Unit,
    pub tahun: i32,
    /// The last recorded write the figures come from (`kinerja riwayat`);
    /// `None` in a file without history.
    pub riwayat: Option<Asal>,
    /// True when any figure in the report is synthetic.
    pub sintetis: bool,
    pub pk: Vec<BarisPk>,
    pub capaian: Vec<BarisCapaian>,
    pub multi_tahun: Vec<MultiTahun>,
    pub renstra: Vec<RenstraIndikator>,
    pub pembanding: Vec<Pembanding>,
    pub skm: Option<Skm>,
    pub akip: Option<Akip>,
    pub efisiensi: Vec<BarisEfisiensi>,
    pub belanja: Vec<BarisAnggaran>,
    pub program: Vec<BarisAnggaran>,
    pub total_program: Option<TotalProgram>,
    /// How sure the IKM of the unit and of its peers is, this year and the
    /// year before.
    pub galat_ikm: Vec<GalatIkm>,
}

/// The standard error of a kecamatan's IKM in a year, and how it was
/// obtained ([`kinerja_core::selang::galat_ikm`]).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GalatIkm {
    pub kode_unit: String,
    pub tahun: i32,
    pub galat: Galat,
}

impl Laporan {
    /// The standard error of `kode_unit`'s IKM in `tahun`, when known.
    pub fn galat(&self, kode_unit: &str, tahun: i32) -> Option<Galat> {
        self.galat_ikm.iter().find(|g| g.kode_unit == kode_unit && g.tahun == tahun).map(|g| g.galat)
    }
}

/// What an IKM is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DasarIkm {
    /// The respondents' raw answers (`skm_jawaban`).
    Jawaban,
    /// The NRR per unsur recorded from a report (`skm_nrr`).
    Nrr,
}

impl DasarIkm {
    /// Reads the code the views write (`jawaban`, `nrr`).
    pub fn parse(code: &str) -> Option<DasarIkm> {
        match code {
            "jawaban" => Some(DasarIkm::Jawaban),
            "nrr" => Some(DasarIkm::Nrr),
            _ => None,
        }
    }
}

/// The recorded write a report's figures come from (`kinerja riwayat`).
///
/// Serialised as the array `[id, waktu, perintah]`, the JSON report's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asal {
    /// The write's number in `riwayat`.
    pub id: i32,
    /// When it was made, UTC (`2026-11-28 01:02:03`).
    pub waktu: String,
    /// The command that made it.
    pub perintah: String,
}

impl Serialize for Asal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.id, &self.waktu, &self.perintah).serialize(s)
    }
}

/// One desa's statistics (Tabel 1.1–1.3 of the LKjIP).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Desa {
    pub no: Option<i32>,
    pub nama: String,
    pub luas_ha: Decimal,
    pub dusun: i64,
    pub kk: i64,
    pub penduduk_l: i64,
    pub penduduk_p: i64,
    pub luas_perkebunan_ha: Decimal,
    pub luas_pertanian_ha: Decimal,
    pub luas_perumahan_ha: Decimal,
}

/// A sasaran of the Renstra with its strategi.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SasaranRenstra {
    pub no: Option<i32>,
    pub uraian: String,
    pub strategi: Vec<String>,
}

/// A tujuan of the Renstra with its sasaran.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TujuanRenstra {
    pub uraian: String,
    pub sasaran: Vec<SasaranRenstra>,
}

/// The Renstra in force: its period, visi, misi and the tujuan–sasaran–
/// strategi tree (Tabel 2.1).
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenstraDokumen {
    pub tahun_awal: i32,
    pub tahun_akhir: i32,
    pub visi: String,
    pub misi: String,
    pub tujuan: Vec<TujuanRenstra>,
}

/// What the whole LKjIP needs besides the report's tables: Bab I's desa,
/// Bab II's Renstra and the text only people write (`narasi`, by section
/// key).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Bahan {
    /// The desa of the kecamatan with their statistics of the year.
    pub desa: Vec<Desa>,
    /// The Renstra in force.
    pub renstra: Option<RenstraDokumen>,
    /// Section key (`latar_belakang`, `saran`, `camat_nama`, …) → text.
    pub narasi: BTreeMap<String, String>,
}

//! Audit of a Laporan Kinerja's printed figures: every figure the report
//! relates to others is recomputed from its printed inputs, with interval
//! arithmetic over their printed precision and exact bounds, and reported
//! only when no values consistent with the printing produce it.
//!
//! The transcription ([`Transkripsi`], `docs/audit-format.md`) holds what
//! is printed and the relations the report asserts; [`periksa`] checks
//! them. Reading the transcription (JSON, XLSX, CSV) and rendering the
//! findings live at the edges (`kinerja-data`, `kinerja-cli`); this module
//! is pure, so the planner could run it in the browser.
//!
//! ## Decisions
//!
//! * **No false alarms.** A printed `66,7` stands for the closed interval
//!   `[66,65; 66,75]` (one point wider than what rounds to it), each
//!   relation is evaluated so every input appears once, and a result is
//!   flagged only when none of its possible printings is the printed one.
//! * **Granularity.** Where the number of answers behind a mean is printed
//!   (respondents), the mean is narrowed to the `k / n` that round to it;
//!   a mean no `k / n` rounds to is itself a finding (the GRIM test).
//! * **Stated, not guessed.** Relations come from the transcription; the
//!   likely causes of a finding are tried only among a few recognisable
//!   slips (a digit typed twice, another year's figures, a row left out of
//!   a total, a label of another scale, …).

pub mod angka;
mod cek;
pub mod fakta;
pub mod periksa;
pub mod rentang;
mod sebab;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::capaian::{MetodeNegatif, Polaritas};
use crate::skm::Skema;

pub use periksa::{Hasil, Info, Masalah, Sebab, Temuan, Tingkat, periksa};

/// The format name a transcription carries.
pub const FORMAT: &str = "kinerja-audit";
/// The newest version this build reads.
pub const VERSI: u32 = 1;

/// How numbers are written in the transcription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotasiCetak {
    /// `2.960.780.030`, `88,65` (default).
    #[default]
    Indonesia,
    /// `2960780030`, `88.65`.
    Polos,
}

/// A transcribed report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transkripsi {
    /// `"kinerja-audit"`.
    pub format: String,
    /// Format version.
    pub versi: u32,
    /// Number notation.
    #[serde(default)]
    pub notasi: NotasiCetak,
    /// The report.
    pub dokumen: Dokumen,
    /// Its tables.
    #[serde(default)]
    pub tabel: Vec<Tabel>,
    /// Its quantitative sentences.
    #[serde(default)]
    pub kalimat: Vec<Kalimat>,
    /// What the report says relates the figures.
    #[serde(default)]
    pub relasi: Vec<Relasi>,
    /// Which printed figures are base facts to load (`kinerja load`).
    #[serde(default)]
    pub muat: Vec<Muat>,
}

/// The base facts one table holds: rows mapped to what they are about
/// (an indicator, an unsur, a komponen, an account, a program), columns
/// mapped to the kind of fact and its year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Muat {
    /// The table.
    pub tabel: String,
    /// The unit, when not the document's.
    #[serde(default)]
    pub kode_unit: Option<String>,
    /// Row id → indikator id, unsur id, komponen id, kode rekening or kode
    /// program. Rows not listed are not loaded.
    pub baris: BTreeMap<String, String>,
    /// Column id → what its figures are.
    pub kolom: BTreeMap<String, KolomMuat>,
}

/// What a column's figures are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KolomMuat {
    /// The kind of fact.
    pub fakta: Fakta,
    /// For targets: `renstra`, `pk` or `pk_perubahan`.
    #[serde(default)]
    pub jenis: Option<String>,
    /// The year, when not the document's.
    #[serde(default)]
    pub tahun: Option<i32>,
}

/// A kind of base fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fakta {
    /// A target of an indicator.
    Target,
    /// A realisasi of an indicator.
    Realisasi,
    /// The NRR of an unsur.
    Nrr,
    /// The target score of an AKIP komponen.
    AkipTarget,
    /// The score of an AKIP komponen.
    AkipRealisasi,
    /// The anggaran of a belanja account.
    BelanjaAnggaran,
    /// The realisasi of a belanja account.
    BelanjaRealisasi,
    /// The anggaran of a program.
    ProgramAnggaran,
    /// The realisasi of a program.
    ProgramRealisasi,
}

/// The report itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Dokumen {
    /// Title.
    pub judul: String,
    /// Source name (`LKjIP Kec. Sei Balai 2024`).
    #[serde(default)]
    pub sumber: String,
    /// The unit it reports on, when its facts are to be loaded.
    #[serde(default)]
    pub kode_unit: Option<String>,
    /// The year it reports on.
    #[serde(default)]
    pub tahun: Option<i32>,
}

/// A printed table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tabel {
    /// Id (`t3_2`).
    pub id: String,
    /// Caption as printed.
    pub judul: String,
    /// Column ids in printed order.
    pub kolom: Vec<String>,
    /// Printed column headers by id.
    #[serde(default)]
    pub judul_kolom: BTreeMap<String, String>,
    /// Columns of exact figures.
    #[serde(default)]
    pub eksak: Vec<String>,
    /// Rows.
    pub baris: Vec<Baris>,
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baris {
    /// Id, unique in its table.
    pub id: String,
    /// Cells by column id, as printed.
    pub sel: BTreeMap<String, String>,
}

/// A quantitative sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kalimat {
    /// Id.
    pub id: String,
    /// Where it is printed.
    #[serde(default)]
    pub letak: String,
    /// The sentence as printed.
    pub teks: String,
    /// Its figures by name, as printed.
    pub nilai: BTreeMap<String, String>,
    /// Names of exact figures.
    #[serde(default)]
    pub eksak: Vec<String>,
}

/// One relation the report asserts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relasi {
    /// Id, naming its finding.
    #[serde(default)]
    pub id: Option<String>,
    /// A remark shown with a finding.
    #[serde(default)]
    pub catatan: Option<String>,
    /// What it asserts.
    #[serde(flatten)]
    pub bentuk: Bentuk,
}

/// A scale a label is read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skala {
    /// Predikat capaian, Permendagri 86/2017.
    PredikatCapaian,
    /// Mutu A–D, PermenPANRB 14/2017.
    #[serde(rename = "mutu_ikm_2017")]
    MutuIkm2017,
    /// Kinerja unit (Sangat Baik … Tidak Baik), PermenPANRB 14/2017.
    #[serde(rename = "kinerja_ikm_2017")]
    KinerjaIkm2017,
    /// Mutu A–D, KepMenPAN 25/2004.
    #[serde(rename = "mutu_ikm_2004")]
    MutuIkm2004,
    /// Predikat AKIP AA–D, PermenPANRB 88/2021.
    PredikatAkip,
}

/// The direction words of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kata {
    /// `ke > dari`.
    Naik,
    /// `ke < dari`.
    Turun,
    /// `ke > dari`.
    Meningkat,
    /// `ke < dari`.
    Menurun,
    /// `nilai > pembanding`.
    DiAtas,
    /// `nilai < pembanding`.
    DiBawah,
    /// `nilai > pembanding`.
    Unggul,
    /// The realisasi reaches the target (by polarity).
    Tercapai,
    /// The realisasi does not reach the target.
    TidakTercapai,
    /// The realisasi passes the target.
    Melampaui,
    /// `nilai ≥` every one of `di_antara`.
    Tertinggi,
    /// `nilai ≤` every one of `di_antara`.
    Terendah,
}

/// What a relation asserts; field names as in `docs/audit-format.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
#[allow(missing_docs)] // the fields are documented in docs/audit-format.md
pub enum Bentuk {
    /// `hasil = Σ dari`.
    Jumlah {
        hasil: String,
        dari: Vec<String>,
        #[serde(default)]
        kecuali: Vec<String>,
    },
    /// `Σ bagian ≤ keseluruhan`.
    TidakMelebihi { bagian: Vec<String>, keseluruhan: String },
    /// `hasil = pembilang / penyebut × 100`.
    Persen { hasil: String, pembilang: String, penyebut: String },
    /// Capaian kinerja by the core's formula.
    Capaian {
        hasil: String,
        target: String,
        realisasi: String,
        #[serde(default)]
        polaritas: Polaritas,
        #[serde(default)]
        metode: MetodeNegatif,
    },
    /// `hasil = ke − dari` (or its size).
    Selisih {
        hasil: String,
        dari: String,
        ke: String,
        #[serde(default)]
        mutlak: bool,
    },
    /// `hasil = (ke − dari) / dari × 100`.
    PerubahanPersen { hasil: String, dari: String, ke: String },
    /// `hasil = capaian − penyerapan`.
    Efisiensi { hasil: String, capaian: String, penyerapan: String },
    /// A simple or weighted mean.
    RataRata {
        hasil: String,
        dari: Vec<String>,
        #[serde(default)]
        bobot: Option<Vec<String>>,
    },
    /// `IKM = Σ NRR × bobot × 25`.
    Ikm {
        hasil: String,
        nrr: Vec<String>,
        unsur: Vec<String>,
        #[serde(default)]
        skema: Skema,
        #[serde(default)]
        bobot: Option<String>,
        #[serde(default)]
        responden: Option<String>,
    },
    /// A label is the figure's band on a scale.
    Label {
        hasil: String,
        #[serde(default)]
        nilai: Option<String>,
        skala: Skala,
    },
    /// The same figure printed twice.
    Sama { hasil: String, nilai: String },
    /// The direction a sentence states.
    Arah {
        kata: Kata,
        #[serde(default)]
        dari: Option<String>,
        #[serde(default)]
        ke: Option<String>,
        #[serde(default)]
        nilai: Option<String>,
        #[serde(default)]
        pembanding: Option<String>,
        #[serde(default)]
        target: Option<String>,
        #[serde(default)]
        realisasi: Option<String>,
        #[serde(default)]
        polaritas: Polaritas,
        #[serde(default)]
        di_antara: Vec<String>,
    },
    /// A mean of `n` whole-number answers.
    RerataBulat { hasil: String, n: String },
    /// A percentage of `n` cases.
    PersenDariN { hasil: String, n: String },
    /// The unsur in the regulation's order.
    UrutanUnsur {
        unsur: Vec<String>,
        #[serde(default)]
        skema: Skema,
    },
}

impl Bentuk {
    /// The kind, as written in the transcription.
    pub fn jenis(&self) -> &'static str {
        match self {
            Bentuk::Jumlah { .. } => "jumlah",
            Bentuk::TidakMelebihi { .. } => "tidak_melebihi",
            Bentuk::Persen { .. } => "persen",
            Bentuk::Capaian { .. } => "capaian",
            Bentuk::Selisih { .. } => "selisih",
            Bentuk::PerubahanPersen { .. } => "perubahan_persen",
            Bentuk::Efisiensi { .. } => "efisiensi",
            Bentuk::RataRata { .. } => "rata_rata",
            Bentuk::Ikm { .. } => "ikm",
            Bentuk::Label { .. } => "label",
            Bentuk::Sama { .. } => "sama",
            Bentuk::Arah { .. } => "arah",
            Bentuk::RerataBulat { .. } => "rerata_bulat",
            Bentuk::PersenDariN { .. } => "persen_dari_n",
            Bentuk::UrutanUnsur { .. } => "urutan_unsur",
        }
    }

    /// The figure the relation's check is about, if one.
    pub fn hasil(&self) -> Option<&str> {
        match self {
            Bentuk::Jumlah { hasil, .. }
            | Bentuk::Persen { hasil, .. }
            | Bentuk::Capaian { hasil, .. }
            | Bentuk::Selisih { hasil, .. }
            | Bentuk::PerubahanPersen { hasil, .. }
            | Bentuk::Efisiensi { hasil, .. }
            | Bentuk::RataRata { hasil, .. }
            | Bentuk::Ikm { hasil, .. }
            | Bentuk::Label { hasil, .. }
            | Bentuk::Sama { hasil, .. }
            | Bentuk::RerataBulat { hasil, .. }
            | Bentuk::PersenDariN { hasil, .. } => Some(hasil),
            Bentuk::TidakMelebihi { keseluruhan, .. } => Some(keseluruhan),
            Bentuk::Arah { nilai, ke, realisasi, .. } => nilai.as_deref().or(ke.as_deref()).or(realisasi.as_deref()),
            Bentuk::UrutanUnsur { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests;

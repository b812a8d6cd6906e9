//! The transcription of a report (`docs/audit-format.md`): what is
//! printed — tables, quantitative sentences — and the relations the report
//! asserts between its figures. Read from JSON, or from the spreadsheet
//! form by [`crate::baca`], always through these serde types.

use std::collections::BTreeMap;

use kinerja_core::capaian::{MetodeNegatif, Polaritas};
use kinerja_core::notation::Notasi;
use kinerja_core::skm::Skema;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// The format name a transcription carries.
pub const FORMAT: &str = "kinerja-audit";
/// The newest version this build reads.
pub const VERSI: u32 = 1;

/// A transcription's notation when it names none: the Indonesian one.
fn indonesia() -> Notasi {
    Notasi::Indonesia
}

/// A transcribed report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transkripsi {
    /// `"kinerja-audit"`.
    pub format: String,
    /// Format version.
    pub versi: u32,
    /// Number notation: `indonesia` (the default: `2.960.780.030`,
    /// `88,65`) or `polos` (`2960780030`, `88.65`).
    #[serde(default = "indonesia")]
    pub notasi: Notasi,
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
    /// The table's number notation, when it differs from the document's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notasi: Option<Notasi>,
    /// A column's number notation, when it differs from the table's (a
    /// Rupiah column `749.930.215` beside percentages `93.6`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notasi_kolom: BTreeMap<String, Notasi>,
    /// Rows.
    pub baris: Vec<Baris>,
}

impl Tabel {
    /// The notation of a column: its own, the table's, or the document's.
    pub fn notasi_of(&self, kolom: &str, dokumen: Notasi) -> Notasi {
        self.notasi_kolom.get(kolom).copied().or(self.notasi).unwrap_or(dokumen)
    }
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
    /// The sentence's number notation, when it differs from the document's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notasi: Option<Notasi>,
    /// A figure's number notation, when it differs from the sentence's (a
    /// legend's `0,111` on a page whose figures use `.`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notasi_nilai: BTreeMap<String, Notasi>,
}

impl Kalimat {
    /// The notation of a figure: its own, the sentence's, or the document's.
    pub fn notasi_of(&self, nama: &str, dokumen: Notasi) -> Notasi {
        self.notasi_nilai.get(nama).copied().or(self.notasi).unwrap_or(dokumen)
    }
}

/// One relation the report asserts. Read as its kind's fields (no other
/// field is accepted) beside `id` and `catatan`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relasi {
    /// Id, naming its finding.
    #[serde(default)]
    pub id: Option<String>,
    /// A remark shown with a finding.
    #[serde(default)]
    pub catatan: Option<String>,
    /// The sentence that asserts it (a `kalimat` id): a finding quotes it,
    /// also when the figures are table cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kalimat: Option<String>,
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
    /// Mutu A–D of an unsur's NRR (1–4), PermenPANRB 14/2017: the IKM
    /// bands on NRR × 25.
    #[serde(rename = "mutu_nrr_2017")]
    MutuNrr2017,
    /// Kinerja unit of an unsur's NRR, PermenPANRB 14/2017.
    #[serde(rename = "kinerja_nrr_2017")]
    KinerjaNrr2017,
    /// Mutu A–D of an unsur's NRR, KepMenPAN 25/2004.
    #[serde(rename = "mutu_nrr_2004")]
    MutuNrr2004,
}

impl Skala {
    /// Whether the scale labels an NRR (1–4) rather than a value on its
    /// table's own range: the value is read × 25.
    pub fn nrr(self) -> bool {
        matches!(self, Skala::MutuNrr2017 | Skala::KinerjaNrr2017 | Skala::MutuNrr2004)
    }
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
/// A list field is a JSON array or, in the spreadsheet form, references
/// separated by `;`; a flag is `true` or `ya`/`true`/`1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "snake_case", deny_unknown_fields)]
#[allow(missing_docs)] // the fields are documented in docs/audit-format.md
pub enum Bentuk {
    /// `hasil = Σ dari`.
    Jumlah {
        hasil: String,
        #[serde(deserialize_with = "list")]
        dari: Vec<String>,
        #[serde(default, deserialize_with = "list")]
        kecuali: Vec<String>,
    },
    /// `Σ bagian ≤ keseluruhan`.
    TidakMelebihi {
        #[serde(deserialize_with = "list")]
        bagian: Vec<String>,
        keseluruhan: String,
    },
    /// `hasil = Σ pembilang / Σ penyebut × 100` (one figure each, or the
    /// rows whose totals the report does not print).
    Persen {
        hasil: String,
        #[serde(deserialize_with = "list")]
        pembilang: Vec<String>,
        #[serde(deserialize_with = "list")]
        penyebut: Vec<String>,
    },
    /// `hasil = Σ pembilang / Σ penyebut` (an NRR from the sum of its
    /// scores and the respondents).
    Bagi {
        hasil: String,
        #[serde(deserialize_with = "list")]
        pembilang: Vec<String>,
        #[serde(deserialize_with = "list")]
        penyebut: Vec<String>,
    },
    /// `hasil = Π dari` (an IKM as a weighted NRR × 25, the "nilai
    /// konversi"; a weighted NRR as NRR × bobot); a factor may be a
    /// literal (`=25`).
    Kali {
        hasil: String,
        #[serde(deserialize_with = "list")]
        dari: Vec<String>,
    },
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
        #[serde(default, deserialize_with = "flag")]
        mutlak: bool,
    },
    /// `hasil = (ke − dari) / dari × 100` (or its size).
    PerubahanPersen {
        hasil: String,
        dari: String,
        ke: String,
        #[serde(default, deserialize_with = "flag")]
        mutlak: bool,
    },
    /// `hasil = capaian − penyerapan`.
    Efisiensi { hasil: String, capaian: String, penyerapan: String },
    /// A simple or weighted mean.
    RataRata {
        hasil: String,
        #[serde(deserialize_with = "list")]
        dari: Vec<String>,
        #[serde(default, deserialize_with = "opt_list")]
        bobot: Option<Vec<String>>,
    },
    /// `IKM = Σ NRR × bobot × 25`.
    Ikm {
        hasil: String,
        #[serde(deserialize_with = "list")]
        nrr: Vec<String>,
        #[serde(deserialize_with = "list")]
        unsur: Vec<String>,
        #[serde(default)]
        skema: Skema,
        #[serde(default)]
        bobot: Option<String>,
        #[serde(default)]
        responden: Option<String>,
    },
    /// A label is the figure's band on a scale — or, with `menurut` (the id
    /// of a `skala_tercetak` relation), on the band table the report prints.
    Label {
        hasil: String,
        #[serde(default)]
        nilai: Option<String>,
        skala: Skala,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        menurut: Option<String>,
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
        #[serde(default, deserialize_with = "list")]
        di_antara: Vec<String>,
    },
    /// A mean of `n` whole-number answers.
    RerataBulat { hasil: String, n: String },
    /// A percentage of `n` cases.
    PersenDariN { hasil: String, n: String },
    /// The unsur in the regulation's order.
    UrutanUnsur {
        #[serde(deserialize_with = "list")]
        unsur: Vec<String>,
        #[serde(default)]
        skema: Skema,
    },
    /// A band table the report prints is the regulation's: each printed
    /// code (or label) with its lower and, optionally, upper bound.
    SkalaTercetak {
        skala: Skala,
        #[serde(deserialize_with = "list")]
        kode: Vec<String>,
        #[serde(deserialize_with = "list")]
        bawah: Vec<String>,
        #[serde(default, deserialize_with = "opt_list")]
        atas: Option<Vec<String>>,
    },
}

impl Bentuk {
    /// Every kind, as written in the transcription.
    pub const JENIS: [&'static str; 18] = [
        "jumlah",
        "tidak_melebihi",
        "persen",
        "bagi",
        "kali",
        "capaian",
        "selisih",
        "perubahan_persen",
        "efisiensi",
        "rata_rata",
        "ikm",
        "label",
        "sama",
        "arah",
        "rerata_bulat",
        "persen_dari_n",
        "urutan_unsur",
        "skala_tercetak",
    ];

    /// A relation of the kind `jenis` with every field given: serialized,
    /// its keys are the kind's fields (the compiler keeps them complete),
    /// and every value reads back, so one field at a time can be tried.
    pub(crate) fn contoh(jenis: &str) -> Option<Bentuk> {
        let s = || String::from("x");
        let v = || vec![s()];
        Some(match jenis {
            "jumlah" => Bentuk::Jumlah { hasil: s(), dari: v(), kecuali: v() },
            "tidak_melebihi" => Bentuk::TidakMelebihi { bagian: v(), keseluruhan: s() },
            "persen" => Bentuk::Persen { hasil: s(), pembilang: v(), penyebut: v() },
            "bagi" => Bentuk::Bagi { hasil: s(), pembilang: v(), penyebut: v() },
            "kali" => Bentuk::Kali { hasil: s(), dari: v() },
            "capaian" => Bentuk::Capaian {
                hasil: s(),
                target: s(),
                realisasi: s(),
                polaritas: Polaritas::default(),
                metode: MetodeNegatif::default(),
            },
            "selisih" => Bentuk::Selisih { hasil: s(), dari: s(), ke: s(), mutlak: false },
            "perubahan_persen" => Bentuk::PerubahanPersen { hasil: s(), dari: s(), ke: s(), mutlak: false },
            "efisiensi" => Bentuk::Efisiensi { hasil: s(), capaian: s(), penyerapan: s() },
            "rata_rata" => Bentuk::RataRata { hasil: s(), dari: v(), bobot: Some(v()) },
            "ikm" => Bentuk::Ikm {
                hasil: s(),
                nrr: v(),
                unsur: v(),
                skema: Skema::default(),
                bobot: Some(s()),
                responden: Some(s()),
            },
            "label" => {
                Bentuk::Label { hasil: s(), nilai: Some(s()), skala: Skala::PredikatCapaian, menurut: Some(s()) }
            }
            "sama" => Bentuk::Sama { hasil: s(), nilai: s() },
            "arah" => Bentuk::Arah {
                kata: Kata::Naik,
                dari: Some(s()),
                ke: Some(s()),
                nilai: Some(s()),
                pembanding: Some(s()),
                target: Some(s()),
                realisasi: Some(s()),
                polaritas: Polaritas::default(),
                di_antara: v(),
            },
            "rerata_bulat" => Bentuk::RerataBulat { hasil: s(), n: s() },
            "persen_dari_n" => Bentuk::PersenDariN { hasil: s(), n: s() },
            "urutan_unsur" => Bentuk::UrutanUnsur { unsur: v(), skema: Skema::default() },
            "skala_tercetak" => {
                Bentuk::SkalaTercetak { skala: Skala::PredikatCapaian, kode: v(), bawah: v(), atas: Some(v()) }
            }
            _ => return None,
        })
    }

    /// The kind, as written in the transcription.
    pub fn jenis(&self) -> &'static str {
        match self {
            Bentuk::Jumlah { .. } => "jumlah",
            Bentuk::TidakMelebihi { .. } => "tidak_melebihi",
            Bentuk::Persen { .. } => "persen",
            Bentuk::Bagi { .. } => "bagi",
            Bentuk::Kali { .. } => "kali",
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
            Bentuk::SkalaTercetak { .. } => "skala_tercetak",
        }
    }

    /// The figure the relation's check is about, if one.
    pub fn hasil(&self) -> Option<&str> {
        match self {
            Bentuk::Jumlah { hasil, .. }
            | Bentuk::Persen { hasil, .. }
            | Bentuk::Bagi { hasil, .. }
            | Bentuk::Kali { hasil, .. }
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
            Bentuk::UrutanUnsur { .. } | Bentuk::SkalaTercetak { .. } => None,
        }
    }
}

impl<'de> Deserialize<'de> for Relasi {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Relasi, D::Error> {
        let mut map = Map::<String, Value>::deserialize(d)?;
        let mut text = |k: &str| -> Result<Option<String>, D::Error> {
            match map.remove(k) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                Some(other) => Err(D::Error::custom(format!("invalid type: {other}, expected a string for `{k}`"))),
            }
        };
        let (id, catatan, kalimat) = (text("id")?, text("catatan")?, text("kalimat")?);
        let bentuk = Bentuk::deserialize(Value::Object(map)).map_err(D::Error::custom)?;
        Ok(Relasi { id, catatan, kalimat, bentuk })
    }
}

/// References as a JSON array or as `;`-separated text.
#[derive(Deserialize)]
#[serde(untagged)]
enum List {
    Text(String),
    Many(Vec<String>),
}

impl List {
    fn into_vec(self) -> Vec<String> {
        match self {
            List::Many(v) => v,
            List::Text(s) => s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect(),
        }
    }
}

fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    List::deserialize(d).map(List::into_vec)
}

fn opt_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    Option::<List>::deserialize(d).map(|l| l.map(List::into_vec))
}

/// A flag: `true`/`false`, or `ya`, `true`, `1` as text.
fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Text(String),
    }
    Ok(match Flag::deserialize(d)? {
        Flag::Bool(b) => b,
        Flag::Text(s) => matches!(s.trim().to_ascii_lowercase().as_str(), "ya" | "true" | "1"),
    })
}

//! Survei Kepuasan Masyarakat (SKM) and the Indeks Kepuasan Masyarakat (IKM).
//!
//! ## PermenPANRB 14/2017 (default scheme)
//!
//! * Nine unsur, identified by id and official name — never by position:
//!   documents disagree whether Penanganan Pengaduan or Sarana dan Prasarana
//!   is the 8th (the regulation lists Pengaduan 8th; the Sei Balai report
//!   prints Sarana 8th).
//! * Each answer scores 1..=4 ([`Skor`]).
//! * `NRR_unsur = Σ skor / jumlah jawaban untuk unsur itu` — a respondent
//!   may skip an unsur.
//! * `IKM = Σ (NRR_unsur × w) × 25`, with `w = 1/9` exactly by default
//!   ([`Bobot::Tepat`]). Real reports print and compute with `0.111`
//!   ([`Bobot::TigaDesimal`]) or `0.11` ([`Bobot::DuaDesimal`]); the three
//!   differ by up to ~0.9 points, so the choice is explicit. With `1/9` the
//!   IKM lies in [25, 100]; with 0.111 in [24.975, 99.9]; with 0.11 in
//!   [24.75, 99].
//! * Mutu and kinerja unit ([`IKM_2017`]): A Sangat Baik 88.31–100,
//!   B Baik 76.61–88.30, C Kurang Baik 65.00–76.60, D Tidak Baik
//!   25.00–64.99, banded after rounding half-up to two decimals. The same
//!   bands apply to one unsur as `NRR × 25`.
//!
//! ## KepMenPAN 25/2004 (older, still seen)
//!
//! Fourteen unsur, `w = 1/14` (printed 0.071), bands [`IKM_2004`]. It is a
//! separate [`Skema`]: unsur of one scheme cannot be scored with the other's
//! weights or bands ([`Error::SchemeMismatch`]).
//!
//! ## Sample adequacy
//!
//! [`krejcie_morgan`]: `S = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P))`, χ² = 3.841,
//! P = 0.5, d = 0.05, rounded half-up (N=100 → 80, 1,000 → 278,
//! 10,000 → 370), as in the PermenPANRB 14/2017 appendix table.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::band::{Band, BandTable, IKM_2004, IKM_2017};
use crate::exact::Ratio;
use crate::formula::build::*;
use crate::formula::{ArgKind, ArgSpec, Formula, Output, Value};
use crate::{Error, Result};
use kinerja_pesan::msg;

/// An SKM scheme: its unsur, weights and bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Skema {
    /// PermenPANRB 14/2017: 9 unsur.
    #[default]
    #[serde(rename = "permenpanrb_14_2017")]
    PermenPanRb14_2017,
    /// KepMenPAN 25/2004: 14 unsur.
    #[serde(rename = "kepmenpan_25_2004")]
    KepMenPan25_2004,
}

/// One unsur pelayanan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unsur {
    /// The scheme it belongs to.
    pub skema: Skema,
    /// Stable id (`"pengaduan"`).
    pub id: &'static str,
    /// Official name.
    pub nama: &'static str,
}

const fn u17(id: &'static str, nama: &'static str) -> Unsur {
    Unsur { skema: Skema::PermenPanRb14_2017, id, nama }
}
const fn u04(id: &'static str, nama: &'static str) -> Unsur {
    Unsur { skema: Skema::KepMenPan25_2004, id, nama }
}

/// The nine unsur of PermenPANRB 14/2017, in the regulation's order.
pub static UNSUR_2017: [Unsur; 9] = [
    u17("persyaratan", "Persyaratan"),
    u17("prosedur", "Sistem, Mekanisme, dan Prosedur"),
    u17("waktu", "Waktu Penyelesaian"),
    u17("biaya", "Biaya/Tarif"),
    u17("produk", "Produk Spesifikasi Jenis Pelayanan"),
    u17("kompetensi", "Kompetensi Pelaksana"),
    u17("perilaku", "Perilaku Pelaksana"),
    u17("pengaduan", "Penanganan Pengaduan, Saran dan Masukan"),
    u17("sarana", "Sarana dan Prasarana"),
];

/// The fourteen unsur of KepMenPAN 25/2004.
pub static UNSUR_2004: [Unsur; 14] = [
    u04("prosedur_2004", "Prosedur pelayanan"),
    u04("persyaratan_2004", "Persyaratan pelayanan"),
    u04("kejelasan_petugas", "Kejelasan petugas pelayanan"),
    u04("kedisiplinan_petugas", "Kedisiplinan petugas pelayanan"),
    u04("tanggung_jawab_petugas", "Tanggung jawab petugas pelayanan"),
    u04("kemampuan_petugas", "Kemampuan petugas pelayanan"),
    u04("kecepatan", "Kecepatan pelayanan"),
    u04("keadilan", "Keadilan mendapatkan pelayanan"),
    u04("kesopanan", "Kesopanan dan keramahan petugas"),
    u04("kewajaran_biaya", "Kewajaran biaya pelayanan"),
    u04("kepastian_biaya", "Kepastian biaya pelayanan"),
    u04("kepastian_jadwal", "Kepastian jadwal pelayanan"),
    u04("kenyamanan", "Kenyamanan lingkungan"),
    u04("keamanan", "Keamanan pelayanan"),
];

/// The mutu scale of each SKM scheme, by code: the one table the Rust
/// API ([`Skema::bands`]) and the SQL macros (`kj_mutu_skema`,
/// `kj_mutu_unsur`) read.
pub static SKALA_SKEMA: [(&str, &BandTable); 2] =
    [("permenpanrb_14_2017", &IKM_2017), ("kepmenpan_25_2004", &IKM_2004)];

impl Skema {
    /// Both schemes, current first.
    pub const ALL: [Skema; 2] = [Skema::PermenPanRb14_2017, Skema::KepMenPan25_2004];

    /// The codes, as data files and SQL write them.
    pub const CODES: &'static [&'static str] = &["permenpanrb_14_2017", "kepmenpan_25_2004"];

    /// Its unsur.
    pub fn unsur(self) -> &'static [Unsur] {
        match self {
            Skema::PermenPanRb14_2017 => &UNSUR_2017,
            Skema::KepMenPan25_2004 => &UNSUR_2004,
        }
    }

    /// Its mutu bands ([`SKALA_SKEMA`]).
    pub fn bands(self) -> &'static BandTable {
        match SKALA_SKEMA.iter().find(|(k, _)| *k == self.code()) {
            Some((_, t)) => t,
            None => &IKM_2017,
        }
    }

    /// Code used in data files (`"permenpanrb_14_2017"`).
    pub fn code(self) -> &'static str {
        match self {
            Skema::PermenPanRb14_2017 => "permenpanrb_14_2017",
            Skema::KepMenPan25_2004 => "kepmenpan_25_2004",
        }
    }

    /// Parses a code.
    pub fn parse(s: &str) -> Result<Skema> {
        match s.trim() {
            "permenpanrb_14_2017" | "" => Ok(Skema::PermenPanRb14_2017),
            "kepmenpan_25_2004" => Ok(Skema::KepMenPan25_2004),
            _ => Err(Error::Invalid {
                what: msg::core_what_skema_skm(),
                expected: msg::core_expected_skema_skm(),
                found: crate::quoted(s),
            }),
        }
    }

    /// The unsur with this id, which must belong to this scheme.
    pub fn unsur_by_id(self, id: &str) -> Result<&'static Unsur> {
        if let Some(u) = self.unsur().iter().find(|u| u.id == id) {
            return Ok(u);
        }
        let other = match self {
            Skema::PermenPanRb14_2017 => Skema::KepMenPan25_2004,
            Skema::KepMenPan25_2004 => Skema::PermenPanRb14_2017,
        };
        if other.unsur().iter().any(|u| u.id == id) {
            return Err(Error::SchemeMismatch(msg::core_mismatch_unsur(format!("{id:?}"), other.code(), self.code())));
        }
        Err(Error::Invalid {
            what: msg::core_what_unsur_skm(),
            expected: msg::core_expected_unsur_id(),
            found: crate::quoted(id),
        })
    }

    pub(crate) fn position(self, id: &str) -> Result<usize> {
        self.unsur_by_id(id)?;
        self.unsur().iter().position(|x| x.id == id).ok_or_else(|| Error::Invalid {
            what: msg::core_what_unsur_skm(),
            expected: msg::core_expected_unsur(),
            found: crate::quoted(id),
        })
    }
}

/// One answer: an integer 1..=4 (4 best). Other values cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Skor(u8);

impl Skor {
    /// The lowest answer.
    pub const MIN: u8 = 1;
    /// The highest answer.
    pub const MAX: u8 = 4;

    /// The score.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Parses an answer as written in a data file: `1`, `2`, `3` or `4`.
    ///
    /// ```
    /// use kinerja_core::skm::Skor;
    /// assert_eq!(Skor::parse("4")?.get(), 4);
    /// assert!(Skor::parse("5").is_err() && Skor::parse("3,5").is_err());
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn parse(s: &str) -> Result<Skor> {
        let v: u8 = s.trim().parse().map_err(|_| Error::Invalid {
            what: msg::core_what_skor_skm(),
            expected: msg::core_expected_skor(),
            found: crate::quoted(s),
        })?;
        Skor::try_from(v)
    }
}

impl TryFrom<u8> for Skor {
    type Error = Error;
    fn try_from(v: u8) -> Result<Skor> {
        if (Skor::MIN..=Skor::MAX).contains(&v) {
            Ok(Skor(v))
        } else {
            Err(Error::Invalid {
                what: msg::core_what_skor_skm(),
                expected: msg::core_expected_skor(),
                found: crate::quoted(v),
            })
        }
    }
}

impl From<Skor> for u8 {
    fn from(s: Skor) -> u8 {
        s.0
    }
}

/// Weight variant for `IKM = Σ NRR × w × 25`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Bobot {
    /// `1 / jumlah unsur` exactly (1/9; 1/14) — default.
    #[default]
    Tepat,
    /// Printed to three decimals (0.111; 0.071).
    TigaDesimal,
    /// Printed to two decimals (0.11; 0.07).
    DuaDesimal,
}

impl Bobot {
    /// All variants.
    pub const ALL: [Bobot; 3] = [Bobot::Tepat, Bobot::TigaDesimal, Bobot::DuaDesimal];

    /// The weight under a scheme: `1/9` (`1/14`) exactly, or as printed.
    pub fn weight(self, skema: Skema) -> Ratio {
        match (self, skema) {
            (Bobot::Tepat, Skema::PermenPanRb14_2017) => Ratio::constant(1, 9),
            (Bobot::TigaDesimal, Skema::PermenPanRb14_2017) => Ratio::constant(111, 1000),
            (Bobot::DuaDesimal, Skema::PermenPanRb14_2017) => Ratio::constant(11, 100),
            (Bobot::Tepat, Skema::KepMenPan25_2004) => Ratio::constant(1, 14),
            (Bobot::TigaDesimal, Skema::KepMenPan25_2004) => Ratio::constant(71, 1000),
            (Bobot::DuaDesimal, Skema::KepMenPan25_2004) => Ratio::constant(7, 100),
        }
    }

    /// The weight as a report prints it: `1/9`, `0,111`, `0,11` (under
    /// KepMenPAN 25/2004: `1/14`, `0,071`, `0,07`).
    ///
    /// ```
    /// use kinerja_core::skm::{Bobot, Skema};
    /// assert_eq!(Bobot::TigaDesimal.label(Skema::PermenPanRb14_2017), "0,111");
    /// ```
    pub fn label(self, skema: Skema) -> &'static str {
        match (self, skema) {
            (Bobot::Tepat, Skema::PermenPanRb14_2017) => "1/9",
            (Bobot::TigaDesimal, Skema::PermenPanRb14_2017) => "0,111",
            (Bobot::DuaDesimal, Skema::PermenPanRb14_2017) => "0,11",
            (Bobot::Tepat, Skema::KepMenPan25_2004) => "1/14",
            (Bobot::TigaDesimal, Skema::KepMenPan25_2004) => "0,071",
            (Bobot::DuaDesimal, Skema::KepMenPan25_2004) => "0,07",
        }
    }

    /// Code (`"tepat"`, `"tiga_desimal"`, `"dua_desimal"`).
    pub fn code(self) -> &'static str {
        match self {
            Bobot::Tepat => "tepat",
            Bobot::TigaDesimal => "tiga_desimal",
            Bobot::DuaDesimal => "dua_desimal",
        }
    }

    /// Parses a code, or the printed weight (`"0.111"`, `"1/9"`).
    pub fn parse(s: &str) -> Result<Bobot> {
        match s.trim() {
            "tepat" | "1/9" | "1/14" | "" => Ok(Bobot::Tepat),
            "tiga_desimal" | "0.111" | "0,111" | "0.071" | "0,071" => Ok(Bobot::TigaDesimal),
            "dua_desimal" | "0.11" | "0,11" | "0.07" | "0,07" => Ok(Bobot::DuaDesimal),
            _ => Err(Error::Invalid {
                what: msg::core_what_bobot_ikm(),
                expected: msg::core_expected_bobot_ikm(),
                found: crate::quoted(s),
            }),
        }
    }
}

/// An IKM value with the scheme and weight it was computed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ikm {
    /// Scheme.
    pub skema: Skema,
    /// Weight variant.
    pub bobot: Bobot,
    /// Exact value.
    pub nilai: Ratio,
}

impl Ikm {
    /// The presented IKM (two decimals, half-up).
    pub fn rounded(&self) -> Result<Decimal> {
        self.nilai.round2()
    }

    /// Mutu and kinerja unit under the IKM's own scheme.
    pub fn mutu(&self) -> Result<&'static Band> {
        self.skema.bands().classify(self.nilai)
    }

    /// Mutu under an explicitly named scheme: mixing schemes is an error.
    pub fn mutu_under(&self, skema: Skema) -> Result<&'static Band> {
        if skema != self.skema {
            return Err(Error::SchemeMismatch(msg::core_mismatch_bands(self.skema.code(), skema.code())));
        }
        self.mutu()
    }
}

const NRR_SUM: usize = 0;

fn ikm_formula(skema: Skema, bobot: Bobot, kind: ArgKind) -> Formula {
    let name = match (skema, bobot, kind) {
        (Skema::PermenPanRb14_2017, Bobot::Tepat, ArgKind::Fraction) => "kj_ikm_q",
        (Skema::PermenPanRb14_2017, Bobot::TigaDesimal, ArgKind::Fraction) => "kj_ikm_q_w0111",
        (Skema::PermenPanRb14_2017, Bobot::DuaDesimal, ArgKind::Fraction) => "kj_ikm_q_w011",
        (Skema::PermenPanRb14_2017, Bobot::Tepat, _) => "kj_ikm",
        (Skema::PermenPanRb14_2017, Bobot::TigaDesimal, _) => "kj_ikm_w0111",
        (Skema::PermenPanRb14_2017, Bobot::DuaDesimal, _) => "kj_ikm_w011",
        (Skema::KepMenPan25_2004, Bobot::Tepat, ArgKind::Fraction) => "kj_ikm_2004_q",
        (Skema::KepMenPan25_2004, Bobot::TigaDesimal, ArgKind::Fraction) => "kj_ikm_2004_q_w0071",
        (Skema::KepMenPan25_2004, Bobot::DuaDesimal, ArgKind::Fraction) => "kj_ikm_2004_q_w007",
        (Skema::KepMenPan25_2004, Bobot::Tepat, _) => "kj_ikm_2004",
        (Skema::KepMenPan25_2004, Bobot::TigaDesimal, _) => "kj_ikm_2004_w0071",
        (Skema::KepMenPan25_2004, Bobot::DuaDesimal, _) => "kj_ikm_2004_w007",
    };
    Formula {
        name,
        doc: "IKM = Σ(NRR × w) × 25 from the sum of the NRR of every unsur (PermenPANRB 14/2017; KepMenPAN 25/2004).",
        args: vec![ArgSpec { name: "nrr_total", kind }],
        body: mul(mul(arg(NRR_SUM), lit(bobot.weight(skema))), int(25)),
        output: Output::Round2,
    }
}

fn band_formula(name: &'static str, table: &'static BandTable, label: bool, times: i128, kind: ArgKind) -> Formula {
    Formula {
        name,
        doc: "Mutu pelayanan / kinerja unit of an IKM (or NRR × 25), banded after rounding to 2 decimals.",
        args: vec![ArgSpec { name: "nilai", kind }],
        body: if times == 1 { arg(0) } else { mul(arg(0), int(times)) },
        output: if label { Output::BandLabel(table) } else { Output::BandCode(table) },
    }
}

/// A band formula over the scale a scheme code selects ([`SKALA_SKEMA`]):
/// `kj_mutu_skema(skema, ikm)`, and per unsur `kj_mutu_unsur(skema, nrr)`
/// (NRR × 25).
fn band_skema_formula(name: &'static str, label: bool, times: i128, kind: ArgKind) -> Formula {
    Formula {
        name,
        doc: "Mutu pelayanan / kinerja unit under the bands of the survey's scheme (PermenPANRB 14/2017 or KepMenPAN 25/2004); one unsur as NRR × 25; after rounding to 2 decimals.",
        args: vec![ArgSpec { name: "skema", kind: ArgKind::Text(Skema::CODES) }, ArgSpec { name: "nilai", kind }],
        body: if times == 1 { arg(1) } else { mul(arg(1), int(times)) },
        output: Output::BandOf { text_arg: 0, scales: &SKALA_SKEMA, label },
    }
}

fn nrr_formula() -> Formula {
    Formula {
        name: "kj_nrr",
        doc: "NRR of one unsur = sum of scores / number of answers (PermenPANRB 14/2017).",
        args: vec![ArgSpec { name: "jumlah", kind: ArgKind::Number }, ArgSpec { name: "n", kind: ArgKind::Number }],
        body: iff(
            cmp(crate::formula::CmpOp::Le, arg(1), int(0)),
            undefined(msg::core_why_no_answers()),
            div(arg(0), arg(1)),
        ),
        output: Output::Round2,
    }
}

/// IKM with the weight passed as an exact fraction (for views that look the
/// weight up per survey): `IKM = Σ NRR × w × 25`.
fn ikm_bobot_formula() -> Formula {
    Formula {
        name: "kj_ikm_bobot",
        doc: "IKM = Σ NRR × w × 25 with Σ NRR and w as exact fractions (PermenPANRB 14/2017; KepMenPAN 25/2004).",
        args: vec![
            ArgSpec { name: "nrr_total", kind: ArgKind::Fraction },
            ArgSpec { name: "bobot", kind: ArgKind::Fraction },
        ],
        body: mul(mul(arg(0), arg(1)), int(25)),
        output: Output::Round2,
    }
}

/// Formulas this module exposes to SQL.
pub fn formulas() -> Vec<Formula> {
    let mut v = vec![nrr_formula(), ikm_bobot_formula()];
    for skema in [Skema::PermenPanRb14_2017, Skema::KepMenPan25_2004] {
        for bobot in Bobot::ALL {
            v.push(ikm_formula(skema, bobot, ArgKind::Number));
            v.push(ikm_formula(skema, bobot, ArgKind::Fraction));
        }
    }
    v.push(band_formula("kj_mutu_ikm", &IKM_2017, false, 1, ArgKind::Number));
    v.push(band_formula("kj_kinerja_ikm", &IKM_2017, true, 1, ArgKind::Number));
    v.push(band_formula("kj_mutu_ikm_2004", &IKM_2004, false, 1, ArgKind::Number));
    v.push(band_formula("kj_kinerja_ikm_2004", &IKM_2004, true, 1, ArgKind::Number));
    v.push(band_formula("kj_mutu_nrr", &IKM_2017, false, 25, ArgKind::Number));
    v.push(band_formula("kj_mutu_nrr_q", &IKM_2017, false, 25, ArgKind::Fraction));
    v.push(band_skema_formula("kj_mutu_skema", false, 1, ArgKind::Number));
    v.push(band_skema_formula("kj_kinerja_skema", true, 1, ArgKind::Number));
    v.push(band_skema_formula("kj_mutu_unsur", false, 25, ArgKind::Number));
    v.push(band_skema_formula("kj_mutu_unsur_q", false, 25, ArgKind::Fraction));
    v
}

/// NRR of one unsur: `jumlah / n` (PermenPANRB 14/2017), through the
/// `kj_nrr` formula; [`Error::Undefined`] without answers.
///
/// ```
/// use kinerja_core::skm::nrr;
/// use kinerja_core::Ratio;
/// assert_eq!(nrr(105, 29)?, Ratio::new(105, 29)?);
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn nrr(jumlah: u64, n: u64) -> Result<Ratio> {
    nrr_formula().eval(&[Value::Num(Ratio::int(i128::from(jumlah))), Value::Num(Ratio::int(i128::from(n)))])
}

fn check_nrr(id: &str, nrr: Ratio) -> Result<()> {
    if nrr < Ratio::ONE || nrr > Ratio::int(4) {
        return Err(Error::Invalid {
            what: msg::core_what_nrr(),
            expected: msg::core_expected_nrr(),
            found: crate::quoted(format!("{id} = {nrr}")),
        });
    }
    Ok(())
}

/// IKM from the NRR of every unsur of a scheme (each exactly once).
///
/// ```
/// use kinerja_core::skm::{ikm_from_nrr, Bobot, Skema};
/// use kinerja_core::{Decimal, Ratio};
/// // Worked example: 29 respondents, unsur totals 105, 101, 100, 116, 102, 105, 106, 105, 115.
/// let ids = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"];
/// let totals = [105, 101, 100, 116, 102, 105, 106, 105, 115];
/// let nrr: Vec<_> = ids.iter().zip(totals).map(|(id, t)| (*id, Ratio::new(t, 29).unwrap())).collect();
/// let ikm = ikm_from_nrr(Skema::PermenPanRb14_2017, Bobot::Tepat, &nrr)?;
/// assert_eq!(ikm.rounded()?, Decimal::new(9148, 2));
/// assert_eq!(ikm.mutu()?.code, "A");
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn ikm_from_nrr(skema: Skema, bobot: Bobot, nrr: &[(&str, Ratio)]) -> Result<Ikm> {
    let mut seen = vec![false; skema.unsur().len()];
    let mut total = Ratio::ZERO;
    for (id, v) in nrr {
        let pos = skema.position(id)?;
        if seen[pos] {
            return Err(Error::Invalid {
                what: msg::core_what_nrr_list(),
                expected: msg::core_expected_each_unsur_once(),
                found: msg::core_found_twice(id).into(),
            });
        }
        seen[pos] = true;
        check_nrr(id, *v)?;
        total = total.checked_add(*v)?;
    }
    if let Some(missing) = seen.iter().position(|s| !s) {
        return Err(Error::Invalid {
            what: msg::core_what_nrr_list(),
            expected: msg::core_expected_every_unsur(),
            found: msg::core_found_no_nrr(skema.unsur()[missing].id).into(),
        });
    }
    ikm_from_total(skema, bobot, total)
}

/// IKM from the exact sum of the NRR of all unsur.
pub fn ikm_from_total(skema: Skema, bobot: Bobot, nrr_total: Ratio) -> Result<Ikm> {
    let f = ikm_formula(skema, bobot, ArgKind::Number);
    Ok(Ikm { skema, bobot, nilai: f.eval(&[Value::Num(nrr_total)])? })
}

/// Mutu of one unsur: its NRR × 25 on the scheme's bands.
pub fn mutu_unsur(skema: Skema, nrr: Ratio) -> Result<&'static Band> {
    check_nrr("unsur", nrr)?;
    skema.bands().classify(nrr.checked_mul(Ratio::int(25))?)
}

/// Per-unsur answer sums and counts: the aggregate every IKM is computed
/// from, whether from raw answers or a stored table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    skema: Skema,
    sums: Vec<u64>,
    counts: Vec<u64>,
}

impl Tally {
    /// An empty tally.
    pub fn new(skema: Skema) -> Tally {
        let n = skema.unsur().len();
        Tally { skema, sums: vec![0; n], counts: vec![0; n] }
    }

    /// The scheme.
    pub fn skema(&self) -> Skema {
        self.skema
    }

    /// Adds one answer.
    pub fn add(&mut self, unsur_id: &str, skor: Skor) -> Result<()> {
        let i = self.skema.position(unsur_id)?;
        self.sums[i] += u64::from(skor.get());
        self.counts[i] += 1;
        Ok(())
    }

    /// Adds a pre-aggregated sum and count for one unsur.
    pub fn add_aggregate(&mut self, unsur_id: &str, sum: u64, count: u64) -> Result<()> {
        let i = self.skema.position(unsur_id)?;
        if sum < count || sum > count.saturating_mul(4) {
            return Err(Error::Invalid {
                what: msg::core_what_skm_aggregate(),
                expected: msg::core_expected_aggregate(),
                found: msg::core_found_aggregate(unsur_id, sum, count).into(),
            });
        }
        self.sums[i] += sum;
        self.counts[i] += count;
        Ok(())
    }

    /// Sum and count for one unsur.
    pub fn get(&self, unsur_id: &str) -> Result<(u64, u64)> {
        let i = self.skema.position(unsur_id)?;
        Ok((self.sums[i], self.counts[i]))
    }

    /// NRR of one unsur: sum / count ([`nrr`]).
    pub fn nrr(&self, unsur_id: &str) -> Result<Ratio> {
        let (s, c) = self.get(unsur_id)?;
        if c == 0 {
            return Err(Error::Invalid {
                what: msg::core_what_skm(),
                expected: msg::core_expected_one_answer(),
                found: msg::core_found_no_answers(unsur_id).into(),
            });
        }
        nrr(s, c)
    }

    /// Exact sum of the NRR of all unsur.
    pub fn nrr_total(&self) -> Result<Ratio> {
        self.skema.unsur().iter().try_fold(Ratio::ZERO, |acc, u| acc.checked_add(self.nrr(u.id)?))
    }

    /// IKM from the tally.
    pub fn ikm(&self, bobot: Bobot) -> Result<Ikm> {
        ikm_from_total(self.skema, bobot, self.nrr_total()?)
    }
}

/// Krejcie–Morgan minimum sample for a population `n` (χ² = 3.841,
/// P = 0.5, d = 0.05), rounded half-up.
///
/// ```
/// assert_eq!(kinerja_core::skm::krejcie_morgan(1_000)?, 278);
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn krejcie_morgan(n: u64) -> Result<u64> {
    let chi = Ratio::new(3841, 1000)?;
    let pq = Ratio::new(1, 4)?;
    let d2 = Ratio::new(1, 400)?;
    let n_r = Ratio::int(i128::from(n));
    let num = chi.checked_mul(n_r)?.checked_mul(pq)?;
    let den = d2.checked_mul(Ratio::int(i128::from(n.saturating_sub(1))))?.checked_add(chi.checked_mul(pq)?)?;
    let s = num.checked_div(den)?.round_dp(0)?;
    u64::try_from(s.mantissa()).map_err(|_| Error::Overflow { op: "krejcie_morgan" })
}

/// The least NRR unsur `unsur_id` must reach, the others unchanged, for the
/// IKM to be banded in `mutu` (a band code of the scheme, e.g. `"B"`).
/// `Err(Unreachable)` when even 4.00 is not enough.
pub fn nrr_needed(skema: Skema, bobot: Bobot, nrr: &[(&str, Ratio)], unsur_id: &str, mutu: &str) -> Result<Ratio> {
    let band = skema.bands().band(mutu)?;
    skema.position(unsur_id)?;
    let mut others = Ratio::ZERO;
    let mut found = false;
    for (id, v) in nrr {
        if *id == unsur_id {
            found = true;
        } else {
            others = others.checked_add(*v)?;
        }
    }
    if !found {
        return Err(Error::Invalid {
            what: msg::core_what_nrr_list(),
            expected: msg::core_expected_unsur_to_seek(),
            found: crate::quoted(unsur_id),
        });
    }
    // rounded IKM reaches the band  ⇔  IKM ≥ its least exact value t  ⇔  Σ ≥ t/(w·25)
    let Some(threshold) = band.least_exact()? else { return Ok(Ratio::ONE) };
    let per_point = bobot.weight(skema).checked_mul(Ratio::int(25))?;
    let need = threshold.checked_div(per_point)?.checked_sub(others)?.max(Ratio::ONE);
    if need > Ratio::int(4) {
        return Err(Error::Unreachable(msg::core_unreachable_mutu(mutu, need.round2()?.to_string(), unsur_id)));
    }
    Ok(need)
}

/// How many additional respondents answering 4 on one unsur lift its NRR
/// from `nrr` (over `n` answers) to at least `target`:
/// `k = ⌈n (target − nrr) / (4 − target)⌉`.
pub fn respondents_needed(nrr: Ratio, n: u64, target: Ratio) -> Result<u64> {
    if nrr >= target {
        return Ok(0);
    }
    let four = Ratio::int(4);
    if target >= four {
        return Err(Error::Unreachable(msg::core_unreachable_nrr_four()));
    }
    let k = Ratio::int(i128::from(n)).checked_mul(target.checked_sub(nrr)?)?.checked_div(four.checked_sub(target)?)?;
    let k = k.ceil_dp(0)?;
    u64::try_from(k.mantissa()).map_err(|_| Error::Overflow { op: "respondents_needed" })
}

#[cfg(test)]
mod tests;

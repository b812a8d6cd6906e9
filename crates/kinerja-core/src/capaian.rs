//! Capaian kinerja (realisasi against target) and its predikat.
//!
//! ## Formulas (PermenPANRB 53/2014 measurement; Permendagri 86/2017 scale)
//!
//! * Positive indicator (higher is better): `capaian = R / T × 100`.
//! * Negative indicator (lower is better), selectable:
//!   * [`MetodeNegatif::SelisihGanda`] (default, the common convention):
//!     `capaian = (2T − R) / T × 100`, floored at 0. T=10, R=8 → 120;
//!     R=12 → 80.
//!   * [`MetodeNegatif::Rasio`]: `capaian = T / R × 100`. T=10, R=8 → 125;
//!     R=12 → 83.33.
//! * Optional cap ([`Batas`]): none by default; 100, 110 or 120 where a
//!   pemda caps (individual SKP caps at 120). The cap applies last.
//!
//! ## Target zero and other edges (documented rules, tested)
//!
//! * `T < 0`: undefined (a target is a level, not a change).
//! * `T = 0, R = 0`: 100 — the zero target was met exactly.
//! * `T = 0`, positive indicator: `R < 0` → 0; `R > 0` → the cap when one is
//!   set, otherwise undefined (the ratio is unbounded).
//! * `T = 0`, negative indicator: `R > 0` → 0 (the limit of `(2T−R)/T`, and
//!   `T/R` = 0 exactly); `R < 0` → the cap or undefined.
//! * [`MetodeNegatif::Rasio`] with `R ≤ 0` (and `T > 0`): the cap or
//!   undefined.
//! * A positive indicator's negative realisasi gives a negative capaian (not
//!   floored): the report shows it, and its predikat is Sangat Rendah.
//!
//! Undefined is `NULL` in SQL and [`Error::Undefined`] in Rust.
//!
//! ## Predikat
//!
//! [`predikat`] bands the capaian, rounded half-up to two decimals, on
//! [`PREDIKAT_CAPAIAN`]: ≥ 91 Sangat Tinggi (also above 100), ≥ 76 Tinggi,
//! ≥ 66 Sedang, ≥ 51 Rendah, else Sangat Rendah. The printed gaps close
//! downwards: 90.50 is Tinggi.

use std::cmp::Ordering;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::band::{AKIP_2021, Band, BandTable, IKM_2017, PREDIKAT_CAPAIAN};
use crate::exact::Ratio;
use crate::formula::build::*;
use crate::formula::{ArgKind, ArgSpec, CmpOp, Expr, Formula, Output, Value};
use crate::{Error, Result};
use kinerja_pesan::{Pesan, msg};

/// Whether a higher realisasi is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Polaritas {
    /// Higher is better (IKM, nilai AKIP).
    #[default]
    Positif,
    /// Lower is better (e.g. jumlah pengaduan).
    Negatif,
}

impl Polaritas {
    /// The code used in data files and SQL (`"positif"`, `"negatif"`).
    pub fn code(self) -> &'static str {
        match self {
            Polaritas::Positif => "positif",
            Polaritas::Negatif => "negatif",
        }
    }

    /// Parses a code (case-insensitive; `+`/`-` accepted).
    pub fn parse(s: &str) -> Result<Polaritas> {
        match s.trim().to_ascii_lowercase().as_str() {
            "positif" | "positive" | "+" => Ok(Polaritas::Positif),
            "negatif" | "negative" | "-" => Ok(Polaritas::Negatif),
            _ => Err(Error::Invalid {
                what: msg::core_what_polaritas(),
                expected: msg::core_expected_polaritas(),
                found: crate::quoted(s),
            }),
        }
    }

    /// The codes, as data files and SQL write them.
    pub const CODES: &'static [&'static str] = &["positif", "negatif"];

    /// The direction of improvement: `1` when a higher value is better,
    /// `−1` when a lower one is. The `kj_arah` formula is built from it.
    pub const fn arah(self) -> i128 {
        match self {
            Polaritas::Positif => 1,
            Polaritas::Negatif => -1,
        }
    }

    /// Orders two values best first (`Less` when `a` is better than `b`):
    /// the order of `value × arah`, descending, as `v_peringkat` and `v_tren`
    /// sort. Ranking, "best year" and "worse than" all follow it.
    ///
    /// ```
    /// use kinerja_core::capaian::Polaritas;
    /// use kinerja_core::Decimal;
    /// use std::cmp::Ordering;
    /// assert_eq!(Polaritas::Negatif.cmp_best_first(Decimal::from(8), Decimal::from(12)), Ordering::Less);
    /// ```
    pub fn cmp_best_first(self, a: Decimal, b: Decimal) -> Ordering {
        if self.arah() > 0 { b.cmp(&a) } else { a.cmp(&b) }
    }

    /// True when `a` is worse than `b` for this polarity.
    pub fn is_worse(self, a: Decimal, b: Decimal) -> bool {
        self.cmp_best_first(a, b) == Ordering::Greater
    }
}

/// What kind of indicator: IKM and AKIP values have their own scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JenisIndikator {
    /// Indeks Kepuasan Masyarakat (mutu bands).
    Ikm,
    /// Nilai AKIP (predikat AA..D).
    Akip,
    /// Any other indicator.
    Umum,
}

/// The scale an indicator's own value is banded on (its *kategori*), by
/// jenis: an IKM on the PermenPANRB 14/2017 mutu bands, a nilai AKIP on the
/// PermenPANRB 88/2021 predikat; other indicators have none.
pub static SKALA_KATEGORI: [(&str, &BandTable); 2] = [("ikm", &IKM_2017), ("akip", &AKIP_2021)];

impl JenisIndikator {
    /// Every jenis.
    pub const ALL: [JenisIndikator; 3] = [JenisIndikator::Ikm, JenisIndikator::Akip, JenisIndikator::Umum];

    /// The codes, as data files and SQL write them.
    pub const CODES: &'static [&'static str] = &["ikm", "akip", "umum"];

    /// Parses a code (empty means `umum`).
    pub fn parse(s: &str) -> Result<JenisIndikator> {
        match s.trim() {
            "ikm" => Ok(JenisIndikator::Ikm),
            "akip" => Ok(JenisIndikator::Akip),
            "umum" | "" => Ok(JenisIndikator::Umum),
            _ => Err(Error::Invalid {
                what: msg::core_what_jenis_indikator(),
                expected: msg::core_expected_jenis_indikator(),
                found: crate::quoted(s),
            }),
        }
    }

    /// Code.
    pub fn code(self) -> &'static str {
        match self {
            JenisIndikator::Ikm => "ikm",
            JenisIndikator::Akip => "akip",
            JenisIndikator::Umum => "umum",
        }
    }

    /// The values a target or realisasi of this jenis can take, inclusive:
    /// an IKM is Σ NRR × w × 25 with NRR ≤ 4 and weights summing to at most
    /// 1 (PermenPANRB 14/2017), a nilai AKIP a sum of komponen whose bobot
    /// add up to 100 (PermenPANRB 88/2021), so both lie in 0..100; other
    /// indicators have no range.
    ///
    /// ```
    /// use kinerja_core::capaian::JenisIndikator;
    /// use kinerja_core::Decimal;
    /// assert_eq!(JenisIndikator::Ikm.rentang(), Some((Decimal::ZERO, Decimal::ONE_HUNDRED)));
    /// assert_eq!(JenisIndikator::Umum.rentang(), None);
    /// ```
    pub fn rentang(self) -> Option<(Decimal, Decimal)> {
        match self {
            JenisIndikator::Ikm | JenisIndikator::Akip => Some((Decimal::ZERO, Decimal::ONE_HUNDRED)),
            JenisIndikator::Umum => None,
        }
    }

    /// Whether `v` can be a target (`target`) or a realisasi of this jenis:
    /// within [`JenisIndikator::rentang`], a target also above its lower end
    /// (capaian divides by it). `Err` says what was expected, in words.
    ///
    /// ```
    /// use kinerja_core::capaian::JenisIndikator;
    /// use kinerja_core::Decimal;
    /// assert!(JenisIndikator::Ikm.cek(Decimal::from(100), true).is_ok());
    /// assert_eq!(JenisIndikator::Ikm.cek(Decimal::ZERO, true).unwrap_err().to_string(), "an IKM target above 0 and at most 100");
    /// assert!(JenisIndikator::Ikm.cek(Decimal::ZERO, false).is_ok());
    /// assert!(JenisIndikator::Umum.cek(Decimal::from(-5), true).is_ok());
    /// ```
    pub fn cek(self, v: Decimal, target: bool) -> std::result::Result<(), kinerja_pesan::Pesan> {
        let Some((lo, hi)) = self.rentang() else { return Ok(()) };
        let kind = self.code().to_uppercase();
        match (target, v < lo || v > hi || (target && v <= lo)) {
            (_, false) => Ok(()),
            (true, true) => Err(msg::core_expected_indikator_target(kind, lo.to_string(), hi.to_string())),
            (false, true) => Err(msg::core_expected_indikator_value(kind, lo.to_string(), hi.to_string())),
        }
    }

    /// The scale of the indicator's value ([`SKALA_KATEGORI`]), if any.
    pub fn skala(self) -> Option<&'static BandTable> {
        SKALA_KATEGORI.iter().find(|(k, _)| *k == self.code()).map(|(_, t)| *t)
    }

    /// The kategori of a value of this indicator (IKM mutu, AKIP predikat),
    /// through the `kj_kategori_kode` formula; `None` for an indicator
    /// without a scale or a value outside its scale (SQL `NULL`).
    ///
    /// ```
    /// use kinerja_core::capaian::JenisIndikator;
    /// use kinerja_core::Decimal;
    /// assert_eq!(JenisIndikator::Akip.kategori(Decimal::new(7262, 2))?.map(|b| b.code), Some("BB"));
    /// assert_eq!(JenisIndikator::Umum.kategori(Decimal::from(5))?, None);
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn kategori(self, nilai: Decimal) -> Result<Option<&'static Band>> {
        match kategori_formula(false).band(&[Value::Text(self.code()), Value::Num(nilai.into())]) {
            Ok(b) => Ok(Some(b)),
            Err(Error::Undefined { .. } | Error::OutOfRange { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Formula for negative indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MetodeNegatif {
    /// `(2T − R) / T × 100`, floored at 0 (default).
    #[default]
    SelisihGanda,
    /// `T / R × 100`.
    Rasio,
}

/// Optional cap on capaian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Batas {
    /// No cap (default; SAKIP has no national cap).
    #[default]
    Tanpa,
    /// Cap at 100.
    Seratus,
    /// Cap at 110.
    SeratusSepuluh,
    /// Cap at 120 (as individual SKP).
    SeratusDuaPuluh,
}

impl Batas {
    /// The cap in percent, if any.
    pub fn percent(self) -> Option<i128> {
        match self {
            Batas::Tanpa => None,
            Batas::Seratus => Some(100),
            Batas::SeratusSepuluh => Some(110),
            Batas::SeratusDuaPuluh => Some(120),
        }
    }

    /// All caps.
    pub const ALL: [Batas; 4] = [Batas::Tanpa, Batas::Seratus, Batas::SeratusSepuluh, Batas::SeratusDuaPuluh];
}

/// The chosen capaian rules (negative method and cap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Aturan {
    /// Formula for negative indicators.
    pub metode_negatif: MetodeNegatif,
    /// Cap.
    pub batas: Batas,
}

impl Aturan {
    /// Every combination, default first.
    pub fn all() -> Vec<Aturan> {
        let mut v = Vec::new();
        for metode_negatif in [MetodeNegatif::SelisihGanda, MetodeNegatif::Rasio] {
            for batas in Batas::ALL {
                v.push(Aturan { metode_negatif, batas });
            }
        }
        v
    }

    fn index(self) -> usize {
        let m = match self.metode_negatif {
            MetodeNegatif::SelisihGanda => 0,
            MetodeNegatif::Rasio => 4,
        };
        m + match self.batas {
            Batas::Tanpa => 0,
            Batas::Seratus => 1,
            Batas::SeratusSepuluh => 2,
            Batas::SeratusDuaPuluh => 3,
        }
    }

    /// SQL macro name: `kj_capaian`, `kj_capaian_rasio`, `kj_capaian_batas110`, …
    pub fn macro_name(self) -> &'static str {
        const NAMES: [&str; 8] = [
            "kj_capaian",
            "kj_capaian_batas100",
            "kj_capaian_batas110",
            "kj_capaian_batas120",
            "kj_capaian_rasio",
            "kj_capaian_rasio_batas100",
            "kj_capaian_rasio_batas110",
            "kj_capaian_rasio_batas120",
        ];
        NAMES[self.index()]
    }
}

const T: usize = 0;
const R: usize = 1;
const POL: usize = 2;

/// The capaian expression for a rule (arguments: target, realisasi,
/// polaritas).
fn capaian_expr(aturan: Aturan) -> Expr {
    let cap_or = |why: Pesan| match aturan.batas.percent() {
        Some(c) => int(c),
        None => undefined(why),
    };
    let zero = int(0);
    let target_zero = iff(
        cmp(CmpOp::Eq, arg(R), int(0)),
        int(100),
        iff(
            text_is(POL, "negatif"),
            iff(cmp(CmpOp::Gt, arg(R), int(0)), int(0), cap_or(msg::core_why_target_zero_negatif())),
            iff(cmp(CmpOp::Lt, arg(R), int(0)), int(0), cap_or(msg::core_why_target_zero())),
        ),
    );
    let negatif = match aturan.metode_negatif {
        MetodeNegatif::SelisihGanda => max(zero, div(mul(sub(mul(int(2), arg(T)), arg(R)), int(100)), arg(T))),
        MetodeNegatif::Rasio => iff(
            cmp(CmpOp::Le, arg(R), int(0)),
            cap_or(msg::core_why_realisasi_zero()),
            div(mul(arg(T), int(100)), arg(R)),
        ),
    };
    let positif = div(mul(arg(R), int(100)), arg(T));
    let body = iff(
        cmp(CmpOp::Lt, arg(T), int(0)),
        undefined(msg::core_why_negative_target()),
        iff(cmp(CmpOp::Eq, arg(T), int(0)), target_zero, iff(text_is(POL, "negatif"), negatif, positif)),
    );
    match aturan.batas.percent() {
        Some(c) => min(int(c), body),
        None => body,
    }
}

fn args() -> Vec<ArgSpec> {
    vec![
        ArgSpec { name: "target", kind: ArgKind::Number },
        ArgSpec { name: "realisasi", kind: ArgKind::Number },
        ArgSpec { name: "polaritas", kind: ArgKind::Text(Polaritas::CODES) },
    ]
}

/// The capaian formula for a rule, as data.
pub fn formula(aturan: Aturan) -> &'static Formula {
    static CACHE: [OnceLock<Formula>; 8] = [const { OnceLock::new() }; 8];
    CACHE[aturan.index()].get_or_init(|| Formula {
        name: aturan.macro_name(),
        doc: "Capaian kinerja (%): positif R/T×100; negatif (2T−R)/T×100 floored at 0 or T/R×100; optional cap. PermenPANRB 53/2014.",
        args: args(),
        body: capaian_expr(aturan),
        output: Output::Round2,
    })
}

/// The predikat formula over a target and realisasi (default rules).
fn predikat_formula(label: bool) -> Formula {
    Formula {
        name: if label { "kj_predikat" } else { "kj_predikat_kode" },
        doc: "Predikat capaian kinerja, Permendagri 86/2017: ≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, ≥51 Rendah, else Sangat Rendah (after rounding to 2 decimals).",
        args: vec![ArgSpec { name: "capaian", kind: ArgKind::Number }],
        body: arg(0),
        output: if label { Output::BandLabel(&PREDIKAT_CAPAIAN) } else { Output::BandCode(&PREDIKAT_CAPAIAN) },
    }
}

fn selisih_formula() -> Formula {
    Formula {
        name: "kj_selisih",
        doc: "Selisih = realisasi − target.",
        args: vec![
            ArgSpec { name: "target", kind: ArgKind::Number },
            ArgSpec { name: "realisasi", kind: ArgKind::Number },
        ],
        body: sub(arg(1), arg(0)),
        output: Output::Round2,
    }
}

fn kekurangan_formula() -> Formula {
    Formula {
        name: "kj_kekurangan",
        doc: "Kekurangan (still to go) = target − realisasi for a positive indicator, realisasi − target for a negative one; ≤ 0 once reached.",
        args: args(),
        body: iff(text_is(POL, "negatif"), sub(arg(R), arg(T)), sub(arg(T), arg(R))),
        output: Output::Round2,
    }
}

fn arah_formula() -> Formula {
    Formula {
        name: "kj_arah",
        doc: "Direction of improvement: 1 for a positive indicator, −1 for a negative one (multiply a value by it to sort best first, descending).",
        args: vec![ArgSpec { name: "polaritas", kind: ArgKind::Text(Polaritas::CODES) }],
        body: iff(
            text_is(0, Polaritas::Negatif.code()),
            int(Polaritas::Negatif.arah()),
            int(Polaritas::Positif.arah()),
        ),
        output: Output::Round2,
    }
}

fn kategori_formula(label: bool) -> Formula {
    Formula {
        name: if label { "kj_kategori" } else { "kj_kategori_kode" },
        doc: "Kategori of an indicator's own value by its jenis: IKM → mutu (PermenPANRB 14/2017), AKIP → predikat (PermenPANRB 88/2021), else none; after rounding to 2 decimals.",
        args: vec![
            ArgSpec { name: "jenis", kind: ArgKind::Text(JenisIndikator::CODES) },
            ArgSpec { name: "nilai", kind: ArgKind::Number },
        ],
        body: arg(1),
        output: Output::BandOf { text_arg: 0, scales: &SKALA_KATEGORI, label },
    }
}

/// Formulas this module exposes to SQL.
pub fn formulas() -> Vec<Formula> {
    let mut v: Vec<Formula> = Aturan::all().into_iter().map(|a| formula(a).clone()).collect();
    v.push(predikat_formula(true));
    v.push(predikat_formula(false));
    v.push(selisih_formula());
    v.push(kekurangan_formula());
    v.push(arah_formula());
    v.push(kategori_formula(false));
    v.push(kategori_formula(true));
    v
}

/// The derived figures of one indicator-year (one row of Tabel 3.2 and of
/// the `v_capaian` view): capaian against the target in force, its
/// predikat, the kategori of the realisasi and the selisih.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Penilaian {
    /// Capaian (exact); `None` without a target or where undefined.
    pub capaian: Option<Ratio>,
    /// Predikat of the capaian.
    pub predikat: Option<&'static Band>,
    /// Kategori of the realisasi (IKM mutu, AKIP predikat).
    pub kategori: Option<&'static Band>,
    /// `realisasi − target`.
    pub selisih: Option<Decimal>,
}

/// Assesses one realisasi against its target (default [`Aturan`]).
///
/// ```
/// use kinerja_core::capaian::{penilaian, JenisIndikator, Polaritas};
/// use kinerja_core::Decimal;
/// // Tabel 3.2: AKIP target 71,00, realisasi 72,62
/// let p = penilaian(JenisIndikator::Akip, Polaritas::Positif, Some(Decimal::new(7100, 2)), Decimal::new(7262, 2))?;
/// assert_eq!(p.capaian.map(|c| c.round2()).transpose()?, Some(Decimal::new(10228, 2)));
/// assert_eq!((p.predikat.map(|b| b.label), p.kategori.map(|b| b.code)), (Some("Sangat Tinggi"), Some("BB")));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn penilaian(
    jenis: JenisIndikator,
    p: Polaritas,
    target: Option<Decimal>,
    realisasi: Decimal,
) -> Result<Penilaian> {
    let capaian = match target.map(|t| capaian(t, realisasi, p, Aturan::default())) {
        Some(Ok(c)) => Some(c),
        None | Some(Err(Error::Undefined { .. })) => None,
        Some(Err(e)) => return Err(e),
    };
    Ok(Penilaian {
        capaian,
        predikat: capaian.map(predikat).transpose()?,
        kategori: jenis.kategori(realisasi)?,
        selisih: target.map(|t| selisih(t, realisasi)).transpose()?,
    })
}

/// Kekurangan: how far a realisasi still is from a target (≤ 0 once
/// reached), by polarity.
pub fn kekurangan(target: Decimal, realisasi: Decimal, polaritas: Polaritas) -> Result<Decimal> {
    kekurangan_formula()
        .eval(&[Value::Num(target.into()), Value::Num(realisasi.into()), Value::Text(polaritas.code())])?
        .to_decimal()
}

/// Capaian kinerja in percent, exact.
///
/// ```
/// use kinerja_core::capaian::{capaian, Aturan, Polaritas};
/// use kinerja_core::Decimal;
/// // Tabel 3.2: IKM target 85,00, realisasi 75,35 → 88,65 %
/// let c = capaian(Decimal::new(8500, 2), Decimal::new(7535, 2), Polaritas::Positif, Aturan::default())?;
/// assert_eq!(c.round2()?, Decimal::new(8865, 2));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn capaian(target: Decimal, realisasi: Decimal, polaritas: Polaritas, aturan: Aturan) -> Result<Ratio> {
    formula(aturan).eval(&[
        Value::Num(Ratio::from_decimal(target)),
        Value::Num(Ratio::from_decimal(realisasi)),
        Value::Text(polaritas.code()),
    ])
}

/// Predikat of a capaian (Permendagri 86/2017), banded after rounding.
///
/// ```
/// use kinerja_core::capaian::predikat;
/// use kinerja_core::Ratio;
/// assert_eq!(predikat(Ratio::new(8865, 100)?)?.label, "Tinggi");
/// assert_eq!(predikat(Ratio::new(10228, 100)?)?.label, "Sangat Tinggi");
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn predikat(capaian: Ratio) -> Result<&'static Band> {
    PREDIKAT_CAPAIAN.classify(capaian)
}

/// Selisih: `realisasi − target` (signed; the seed prints its magnitude,
/// e.g. "selisih … 9,65").
pub fn selisih(target: Decimal, realisasi: Decimal) -> Result<Decimal> {
    selisih_formula().eval(&[Value::Num(target.into()), Value::Num(realisasi.into())])?.to_decimal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// `input`: "T R polaritas [rasio] [batasN]"; `expect`: rounded capaian or "undefined".
    fn check(input: &str, expect: &str) {
        let mut it = input.split_whitespace();
        let t = d(it.next().unwrap());
        let r = d(it.next().unwrap());
        let p = Polaritas::parse(it.next().unwrap()).unwrap();
        let mut aturan = Aturan::default();
        for opt in it {
            match opt {
                "rasio" => aturan.metode_negatif = MetodeNegatif::Rasio,
                "batas100" => aturan.batas = Batas::Seratus,
                "batas110" => aturan.batas = Batas::SeratusSepuluh,
                "batas120" => aturan.batas = Batas::SeratusDuaPuluh,
                o => panic!("unknown option {o}"),
            }
        }
        let got = match capaian(t, r, p, aturan) {
            Ok(c) => c.round2().unwrap().to_string(),
            Err(Error::Undefined { .. }) => "undefined".into(),
            Err(e) => format!("error {e}"),
        };
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn positive_indicators() {
        check("85.00 75.35 positif", "88.65"); // Tabel 3.2 IKM
        check("71.00 72.62 positif", "102.28"); // Tabel 3.2 AKIP
        check("85.00 80.50 positif", "94.71"); // Tabel 3.9 IKM 2023
        check("75.00 70.15 positif", "93.53"); // Tabel 3.9 AKIP 2023
        check("3 1 positif", "33.33");
        check("3 2 positif", "66.67");
        check("10 -1 positif", "-10.00");
    }

    #[test]
    fn negative_indicators_both_methods() {
        check("10 8 negatif", "120.00");
        check("10 12 negatif", "80.00");
        check("10 25 negatif", "0.00"); // floored
        check("10 8 negatif rasio", "125.00");
        check("10 12 negatif rasio", "83.33");
        check("10 0 negatif", "200.00");
        check("10 0 negatif rasio", "undefined");
        check("10 0 negatif rasio batas120", "120.00");
    }

    #[test]
    fn caps() {
        check("71 72.62 positif batas100", "100.00");
        check("71 72.62 positif batas110", "102.28");
        check("50 80 positif batas120", "120.00");
        check("10 5 negatif batas110", "110.00");
        check("10 20 negatif batas100", "0.00");
    }

    #[test]
    fn target_zero_rules() {
        check("0 0 positif", "100.00");
        check("0 0 negatif", "100.00");
        check("0 0 negatif rasio", "100.00");
        check("0 5 positif", "undefined");
        check("0 5 positif batas120", "120.00");
        check("0 -5 positif", "0.00");
        check("0 5 negatif", "0.00");
        check("0 5 negatif rasio", "0.00");
        check("0 -5 negatif", "undefined");
        check("0 -5 negatif batas100", "100.00");
        check("-5 1 positif", "undefined");
    }

    #[test]
    fn predikat_of_seed_rows() {
        let p = |t: &str, r: &str| {
            predikat(capaian(d(t), d(r), Polaritas::Positif, Aturan::default()).unwrap()).unwrap().label
        };
        assert_eq!(p("85", "75.35"), "Tinggi");
        assert_eq!(p("71", "72.62"), "Sangat Tinggi");
        assert_eq!(p("85", "80.50"), "Sangat Tinggi");
        assert_eq!(p("75", "70.15"), "Sangat Tinggi");
    }

    #[test]
    fn polarity_orders_best_first() {
        use std::cmp::Ordering::*;
        let (a, b) = (d("8"), d("12"));
        assert_eq!(Polaritas::Positif.cmp_best_first(a, b), Greater);
        assert_eq!(Polaritas::Negatif.cmp_best_first(a, b), Less);
        assert_eq!(Polaritas::Negatif.cmp_best_first(a, a), Equal);
        assert!(Polaritas::Positif.is_worse(a, b));
        assert!(!Polaritas::Negatif.is_worse(a, b));
        for p in [Polaritas::Positif, Polaritas::Negatif] {
            let f = arah_formula().eval(&[Value::Text(p.code())]).unwrap();
            assert_eq!(f, Ratio::int(p.arah()));
        }
    }

    #[test]
    fn assessment_of_one_row() {
        let p = penilaian(JenisIndikator::Ikm, Polaritas::Positif, Some(d("85")), d("75.35")).unwrap();
        assert_eq!(p.capaian.unwrap().round2().unwrap(), d("88.65"));
        assert_eq!(p.predikat.unwrap().label, "Tinggi");
        assert_eq!(p.kategori.unwrap().code, "C");
        assert_eq!(p.selisih, Some(d("-9.65")));
        let none = penilaian(JenisIndikator::Umum, Polaritas::Positif, None, d("5")).unwrap();
        assert_eq!((none.capaian, none.predikat, none.kategori, none.selisih), (None, None, None, None));
        let zero = penilaian(JenisIndikator::Umum, Polaritas::Positif, Some(d("0")), d("5")).unwrap();
        assert_eq!((zero.capaian, zero.selisih), (None, Some(d("5"))));
    }

    #[test]
    fn macro_names_match_rules() {
        for a in Aturan::all() {
            assert_eq!(formula(a).name, a.macro_name());
        }
        assert_eq!(Aturan::all()[0], Aturan::default());
    }
}

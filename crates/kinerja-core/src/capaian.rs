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

use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::band::{Band, PREDIKAT_CAPAIAN};
use crate::exact::Ratio;
use crate::formula::build::*;
use crate::formula::{ArgKind, ArgSpec, CmpOp, Expr, Formula, Output, Value};
use crate::{Error, Result};

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
            _ => Err(Error::Invalid { what: "polaritas", expected: "positif or negatif", found: s.to_string() }),
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
    let cap_or = |why: &'static str| match aturan.batas.percent() {
        Some(c) => int(c),
        None => undefined(why),
    };
    let zero = int(0);
    let target_zero = iff(
        cmp(CmpOp::Eq, arg(R), int(0)),
        int(100),
        iff(
            text_is(POL, "negatif"),
            iff(cmp(CmpOp::Gt, arg(R), int(0)), int(0), cap_or("target 0, realisasi below it on a negative indicator")),
            iff(cmp(CmpOp::Lt, arg(R), int(0)), int(0), cap_or("target 0: the ratio is unbounded")),
        ),
    );
    let negatif = match aturan.metode_negatif {
        MetodeNegatif::SelisihGanda => max(zero, div(mul(sub(mul(int(2), arg(T)), arg(R)), int(100)), arg(T))),
        MetodeNegatif::Rasio => iff(
            cmp(CmpOp::Le, arg(R), int(0)),
            cap_or("T/R with realisasi 0 or below"),
            div(mul(arg(T), int(100)), arg(R)),
        ),
    };
    let positif = div(mul(arg(R), int(100)), arg(T));
    let body = iff(
        cmp(CmpOp::Lt, arg(T), int(0)),
        undefined("negative target"),
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
        ArgSpec { name: "polaritas", kind: ArgKind::Text },
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
        args: vec![ArgSpec { name: "polaritas", kind: ArgKind::Text }],
        body: iff(text_is(0, "negatif"), int(-1), int(1)),
        output: Output::Round2,
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
    v
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
    fn macro_names_match_rules() {
        for a in Aturan::all() {
            assert_eq!(formula(a).name, a.macro_name());
        }
        assert_eq!(Aturan::all()[0], Aturan::default());
    }
}

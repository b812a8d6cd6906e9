//! Anggaran: penyerapan, sisa, per-sasaran budgets and efisiensi.
//!
//! * `penyerapan (%) = realisasi / anggaran × 100` (anggaran > 0; zero is
//!   undefined). Realisasi above anggaran is reported as is (> 100 %).
//! * `sisa = anggaran − realisasi`, exact Rupiah.
//! * Totals over belanja (5.1 Operasi: 5.1.01 Pegawai, 5.1.02 Barang dan
//!   Jasa; 5.2 Modal: 5.2.02 Peralatan dan Mesin; …) and over programs are
//!   exact decimal sums ([`crate::exact::sum_decimals`]).
//! * Penyerapan per sasaran sums the anggaran and realisasi of the programs
//!   mapped to that sasaran ([`per_sasaran`]) and divides once.
//! * **Efisiensi** (LKjIP practice, PermenPANRB 53/2014 "analisis efisiensi
//!   penggunaan sumber daya"): `% capaian kinerja − % penyerapan anggaran`
//!   (the seed's method; positive = efficient), or the ratio
//!   `% capaian / % penyerapan` (> 1 = efficient). Its inputs are the two
//!   percentages *as presented* (rounded to two decimals), so a printed
//!   row always adds up: 88,65 − 98,94 = −10,29.
//! * Rata-rata of several percentages: `Σ x / n`, one division.

use rust_decimal::Decimal;

use crate::exact::{Ratio, sum_decimals};
use crate::formula::build::*;
use crate::formula::{ArgKind, ArgSpec, CmpOp, Formula, Output, Value};
use crate::{Error, Result};
use kinerja_pesan::msg;

fn num(name: &'static str) -> ArgSpec {
    ArgSpec { name, kind: ArgKind::Number }
}

fn penyerapan_formula() -> Formula {
    Formula {
        name: "kj_penyerapan",
        doc: "Penyerapan anggaran (%) = realisasi / anggaran × 100; anggaran 0 is undefined.",
        args: vec![num("anggaran"), num("realisasi")],
        body: iff(
            cmp(CmpOp::Le, arg(0), int(0)),
            undefined(msg::core_why_anggaran_zero()),
            div(mul(arg(1), int(100)), arg(0)),
        ),
        output: Output::Round2,
    }
}

fn sisa_formula() -> Formula {
    Formula {
        name: "kj_sisa",
        doc: "Sisa anggaran = anggaran − realisasi.",
        args: vec![num("anggaran"), num("realisasi")],
        body: sub(arg(0), arg(1)),
        output: Output::Round2,
    }
}

fn efisiensi_formula(ratio: bool) -> Formula {
    Formula {
        name: if ratio { "kj_efisiensi_rasio" } else { "kj_efisiensi" },
        doc: if ratio {
            "Efisiensi (rasio) = % capaian / % penyerapan; > 1 is efficient."
        } else {
            "Efisiensi = % capaian kinerja − % penyerapan anggaran (LKjIP practice); positive is efficient."
        },
        args: vec![num("capaian"), num("penyerapan")],
        body: if ratio {
            iff(cmp(CmpOp::Eq, arg(1), int(0)), undefined(msg::core_why_penyerapan_zero()), div(arg(0), arg(1)))
        } else {
            sub(arg(0), arg(1))
        },
        output: Output::Round2,
    }
}

fn rata_rata_formula() -> Formula {
    Formula {
        name: "kj_rata_rata",
        doc: "Rata-rata = jumlah / n (capaian sasaran from its indicators; mean penyerapan).",
        args: vec![num("jumlah"), num("n")],
        body: iff(cmp(CmpOp::Le, arg(1), int(0)), undefined(msg::core_why_no_values()), div(arg(0), arg(1))),
        output: Output::Round2,
    }
}

/// Formulas this module exposes to SQL.
pub fn formulas() -> Vec<Formula> {
    vec![penyerapan_formula(), sisa_formula(), efisiensi_formula(false), efisiensi_formula(true), rata_rata_formula()]
}

fn eval2(f: Formula, a: Decimal, b: Decimal) -> Result<Ratio> {
    f.eval(&[Value::Num(a.into()), Value::Num(b.into())])
}

/// Penyerapan anggaran in percent, exact.
///
/// ```
/// use kinerja_core::anggaran::penyerapan;
/// use kinerja_core::Decimal;
/// // Tabel 3.16, total: 2.823.094.761 of 2.960.780.030 → 95,35 %
/// let p = penyerapan(Decimal::new(2_960_780_030, 0), Decimal::new(2_823_094_761, 0))?;
/// assert_eq!(p.round2()?, Decimal::new(9535, 2));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn penyerapan(anggaran: Decimal, realisasi: Decimal) -> Result<Ratio> {
    eval2(penyerapan_formula(), anggaran, realisasi)
}

/// Sisa anggaran, exact.
pub fn sisa(anggaran: Decimal, realisasi: Decimal) -> Result<Decimal> {
    eval2(sisa_formula(), anggaran, realisasi)?.to_decimal()
}

/// Efisiensi by the seed's method: `% capaian − % penyerapan`, both as
/// presented (two decimals).
pub fn efisiensi(capaian_pct: Decimal, penyerapan_pct: Decimal) -> Result<Ratio> {
    eval2(efisiensi_formula(false), capaian_pct, penyerapan_pct)
}

/// Efisiensi as a ratio: `% capaian / % penyerapan`.
pub fn efisiensi_rasio(capaian_pct: Decimal, penyerapan_pct: Decimal) -> Result<Ratio> {
    eval2(efisiensi_formula(true), capaian_pct, penyerapan_pct)
}

/// Mean of values (one exact division).
pub fn rata_rata(values: &[Decimal]) -> Result<Ratio> {
    let total = sum_decimals(values.iter().copied())?;
    eval2(rata_rata_formula(), total, Decimal::from(values.len()))
}

/// Anggaran and realisasi of one budget item (belanja line, program, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Anggaran (pagu), Rupiah.
    pub anggaran: Decimal,
    /// Realisasi, Rupiah.
    pub realisasi: Decimal,
}

impl Pos {
    /// Exact sum of items.
    pub fn sum<'a, I: IntoIterator<Item = &'a Pos>>(items: I) -> Result<Pos> {
        let v: Vec<&Pos> = items.into_iter().collect();
        Ok(Pos {
            anggaran: sum_decimals(v.iter().map(|p| p.anggaran))?,
            realisasi: sum_decimals(v.iter().map(|p| p.realisasi))?,
        })
    }

    /// Penyerapan of this item.
    pub fn penyerapan(&self) -> Result<Ratio> {
        penyerapan(self.anggaran, self.realisasi)
    }

    /// Sisa of this item.
    pub fn sisa(&self) -> Result<Decimal> {
        sisa(self.anggaran, self.realisasi)
    }
}

/// Efisiensi of one sasaran (one row of Tabel 3.14 and of `v_efisiensi`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EfisiensiSasaran {
    /// % capaian of the sasaran: the mean of its indicators' capaian as
    /// presented (two decimals), presented; `None` without any capaian.
    pub capaian: Option<Decimal>,
    /// % penyerapan of the programs mapped to the sasaran (Σ realisasi /
    /// Σ anggaran × 100, one division), presented.
    pub penyerapan: Option<Decimal>,
    /// `capaian − penyerapan` ([`efisiensi`]), presented.
    pub efisiensi: Option<Decimal>,
    /// `capaian / penyerapan` ([`efisiensi_rasio`]), presented.
    pub rasio: Option<Decimal>,
}

fn defined(r: Result<Ratio>) -> Result<Option<Decimal>> {
    match r {
        Ok(v) => Ok(Some(v.round2()?)),
        Err(Error::Undefined { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Efisiensi of a sasaran from the presented capaian of its indicators and
/// the budget of its programs (LKjIP practice; the seed's Tabel 3.14).
///
/// ```
/// use kinerja_core::anggaran::{efisiensi_sasaran, Pos};
/// use kinerja_core::Decimal;
/// // Sasaran 2 of the seed: capaian AKIP 102,28 %; program 7.01.01 absorbed 95,07 %.
/// let pos = Pos { anggaran: Decimal::from(2_746_175_328i64), realisasi: Decimal::from(2_610_761_561i64) };
/// let e = efisiensi_sasaran(&[Decimal::new(10228, 2)], &[pos])?;
/// assert_eq!(e.efisiensi, Some(Decimal::new(721, 2)));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn efisiensi_sasaran(capaian_indikator: &[Decimal], program: &[Pos]) -> Result<EfisiensiSasaran> {
    let capaian = if capaian_indikator.is_empty() { None } else { defined(rata_rata(capaian_indikator))? };
    let penyerapan = if program.is_empty() { None } else { defined(Pos::sum(program)?.penyerapan())? };
    let (efisiensi, rasio) = match (capaian, penyerapan) {
        (Some(c), Some(p)) => (defined(efisiensi(c, p))?, defined(efisiensi_rasio(c, p))?),
        _ => (None, None),
    };
    Ok(EfisiensiSasaran { capaian, penyerapan, efisiensi, rasio })
}

/// Budget per sasaran (in first-seen order), and the programs mapped to none.
pub type PerSasaran<'a> = (Vec<(&'a str, Pos)>, Vec<&'a str>);

/// Budget per sasaran through a program → sasaran mapping. Each program
/// maps to at most one sasaran; programs without a sasaran are returned
/// separately so nothing is silently dropped.
pub fn per_sasaran<'a>(programs: &[(&'a str, Pos)], mapping: &[(&'a str, &'a str)]) -> Result<PerSasaran<'a>> {
    let mut order: Vec<&str> = Vec::new();
    let mut sums: Vec<Vec<Pos>> = Vec::new();
    let mut unmapped = Vec::new();
    for (program, pos) in programs {
        let targets: Vec<&str> = mapping.iter().filter(|(p, _)| p == program).map(|(_, s)| *s).collect();
        match targets.as_slice() {
            [] => unmapped.push(*program),
            [s] => match order.iter().position(|x| x == s) {
                Some(i) => sums[i].push(*pos),
                None => {
                    order.push(s);
                    sums.push(vec![*pos]);
                }
            },
            _ => {
                return Err(Error::Invalid {
                    what: msg::core_what_program_sasaran(),
                    expected: msg::core_expected_one_sasaran(),
                    found: crate::quoted(format!("{program} → {}", targets.join(", "))),
                });
            }
        }
    }
    let out = order.into_iter().zip(sums).map(|(s, v)| Ok((s, Pos::sum(&v)?))).collect::<Result<Vec<_>>>()?;
    Ok((out, unmapped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// "anggaran realisasi" → "penyerapan sisa"
    fn check(input: &str, expect: &str) {
        let v: Vec<Decimal> = input.split_whitespace().map(d).collect();
        let p = Pos { anggaran: v[0], realisasi: v[1] };
        let got = match p.penyerapan() {
            Ok(x) => format!("{} {}", x.round2().unwrap(), p.sisa().unwrap()),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn seed_table_3_16() {
        check("2935780030 2798994761", "95.34 136785269");
        check("2158169574 2043003211", "94.66 115166363");
        check("777610456 755991550", "97.22 21618906");
        check("25000000 24100000", "96.40 900000");
        check("2960780030 2823094761", "95.35 137685269");
    }

    #[test]
    fn zero_anggaran_is_undefined() {
        check("0 5", "error: kj_penyerapan is undefined: anggaran must be above zero");
        check("100 120", "120.00 -20");
    }

    #[test]
    fn efisiensi_seed_rows() {
        assert_eq!(efisiensi(d("88.65"), d("98.94")).unwrap().round2().unwrap(), d("-10.29"));
        assert_eq!(efisiensi(d("102.28"), d("95.07")).unwrap().round2().unwrap(), d("7.21"));
        assert_eq!(efisiensi_rasio(d("102.28"), d("95.07")).unwrap().round2().unwrap(), d("1.08"));
        assert!(efisiensi_rasio(d("1"), d("0")).is_err());
    }

    #[test]
    fn per_sasaran_sums_then_divides() {
        let pos = |a: &str, r: &str| Pos { anggaran: d(a), realisasi: d(r) };
        let programs = [
            ("p1", pos("2746175328", "2610761561")),
            ("p2", pos("3001612", "2930000")),
            ("p3", pos("69850000", "68535700")),
            ("p4", pos("16100000", "16100000")),
            ("p5", pos("119653090", "118767500")),
            ("p6", pos("6000000", "6000000")),
            ("p7", pos("1", "1")),
        ];
        let mapping = [("p1", "akip"), ("p2", "ikm"), ("p3", "ikm"), ("p4", "ikm"), ("p5", "ikm"), ("p6", "ikm")];
        let (s, unmapped) = per_sasaran(&programs, &mapping).unwrap();
        assert_eq!(s[0].0, "akip");
        assert_eq!(s[0].1.penyerapan().unwrap().round2().unwrap(), d("95.07"));
        assert_eq!(s[1].0, "ikm");
        assert_eq!(s[1].1.anggaran, d("214604702"));
        assert_eq!(s[1].1.penyerapan().unwrap().round2().unwrap(), d("98.94"));
        assert_eq!(unmapped, vec!["p7"]);
        assert!(per_sasaran(&programs, &[("p1", "a"), ("p1", "b")]).is_err());
    }

    #[test]
    fn efisiensi_of_a_sasaran() {
        let p = |a: &str, r: &str| Pos { anggaran: d(a), realisasi: d(r) };
        let ikm = [p("3001612", "2930000"), p("69850000", "68535700"), p("16100000", "16100000")];
        let e = efisiensi_sasaran(&[d("88.65")], &ikm).unwrap();
        assert_eq!(e.capaian, Some(d("88.65")));
        assert_eq!(e.efisiensi.unwrap(), e.capaian.unwrap() - e.penyerapan.unwrap());
        let none = efisiensi_sasaran(&[], &ikm).unwrap();
        assert_eq!((none.capaian, none.efisiensi, none.rasio), (None, None, None));
        assert!(none.penyerapan.is_some());
        let zero = efisiensi_sasaran(&[d("90")], &[p("0", "0")]).unwrap();
        assert_eq!((zero.penyerapan, zero.efisiensi), (None, None));
    }

    #[test]
    fn mean_of_program_penyerapan() {
        // "apabila dirata-ratakan menjadi 98,34%"
        let v = [d("95.07"), d("97.61"), d("98.12"), d("100.00"), d("99.26"), d("100.00")];
        assert_eq!(rata_rata(&v).unwrap().round2().unwrap(), d("98.34"));
        assert!(rata_rata(&[]).is_err());
    }
}

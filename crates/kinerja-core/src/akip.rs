//! Evaluasi Akuntabilitas Kinerja Instansi Pemerintah (AKIP).
//!
//! ## PermenPANRB 88/2021 (default)
//!
//! | Komponen | Bobot | Keberadaan 20% | Kualitas 30% | Pemanfaatan 50% |
//! |---|---|---|---|---|
//! | Perencanaan Kinerja | 30 | 6 | 9 | 15 |
//! | Pengukuran Kinerja | 30 | 6 | 9 | 15 |
//! | Pelaporan Kinerja | 15 | 3 | 4.5 | 7.5 |
//! | Evaluasi Akuntabilitas Kinerja Internal | 25 | 5 | 7.5 | 12.5 |
//!
//! `nilai sub-komponen = % pemenuhan / 100 × bobot komponen × porsi`;
//! `nilai komponen = Σ sub-komponen`; `nilai AKIP = Σ komponen` (0..100).
//! Example: Perencanaan 100 % / 80 % / 70 % → 6 + 7.2 + 10.5 = 23.70.
//! A komponen score may also be given directly (0 ≤ nilai ≤ bobot).
//!
//! Predikat ([`AKIP_2021`]), after rounding to two decimals: AA >90–100,
//! A >80–90, BB >70–80, B >60–70, CC >50–60, C >30–50, D 0–30. Exactly 90.00
//! is A; 90.01 is AA.
//!
//! The older PermenPANRB 12/2015 weights (Perencanaan 30, Pengukuran 25,
//! Pelaporan 15, Evaluasi Internal 10, Capaian Kinerja 20) are kept as a
//! named scheme for historical scores; the predikat scale is the same.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::band::{AKIP_2021, Band};
use crate::exact::Ratio;
use crate::formula::build::*;
use crate::formula::{ArgKind, ArgSpec, Formula, Output};
use crate::{Error, Result};
use kinerja_pesan::msg;

/// An AKIP evaluation scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SkemaAkip {
    /// PermenPANRB 88/2021.
    #[default]
    #[serde(rename = "permenpanrb_88_2021")]
    PermenPanRb88_2021,
    /// PermenPANRB 12/2015 (history).
    #[serde(rename = "permenpanrb_12_2015")]
    PermenPanRb12_2015,
}

impl SkemaAkip {
    /// Code used in data files.
    pub fn code(self) -> &'static str {
        match self {
            SkemaAkip::PermenPanRb88_2021 => "permenpanrb_88_2021",
            SkemaAkip::PermenPanRb12_2015 => "permenpanrb_12_2015",
        }
    }

    /// Parses a code (empty means the current scheme).
    pub fn parse(s: &str) -> Result<SkemaAkip> {
        match s.trim() {
            "permenpanrb_88_2021" | "" => Ok(SkemaAkip::PermenPanRb88_2021),
            "permenpanrb_12_2015" => Ok(SkemaAkip::PermenPanRb12_2015),
            _ => Err(Error::invalid(msg::core_what_skema_akip(), msg::core_expected_skema_akip(), s)),
        }
    }
}

/// One komponen of an AKIP evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Komponen {
    /// Stable id (`"perencanaan"`).
    pub id: &'static str,
    /// Name as in the regulation.
    pub nama: &'static str,
    /// Weight (maximum score).
    pub bobot: i64,
}

/// Komponen of PermenPANRB 88/2021.
pub static KOMPONEN_2021: [Komponen; 4] = [
    Komponen { id: "perencanaan", nama: "Perencanaan Kinerja", bobot: 30 },
    Komponen { id: "pengukuran", nama: "Pengukuran Kinerja", bobot: 30 },
    Komponen { id: "pelaporan", nama: "Pelaporan Kinerja", bobot: 15 },
    Komponen { id: "evaluasi", nama: "Evaluasi Akuntabilitas Kinerja Internal", bobot: 25 },
];

/// Komponen of PermenPANRB 12/2015.
pub static KOMPONEN_2015: [Komponen; 5] = [
    Komponen { id: "perencanaan", nama: "Perencanaan Kinerja", bobot: 30 },
    Komponen { id: "pengukuran", nama: "Pengukuran Kinerja", bobot: 25 },
    Komponen { id: "pelaporan", nama: "Pelaporan Kinerja", bobot: 15 },
    Komponen { id: "evaluasi", nama: "Evaluasi Internal", bobot: 10 },
    Komponen { id: "capaian", nama: "Capaian Kinerja", bobot: 20 },
];

/// Sub-komponen of PermenPANRB 88/2021 with their share of a komponen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubKomponen {
    /// Keberadaan, 20 %.
    Keberadaan,
    /// Kualitas, 30 %.
    Kualitas,
    /// Pemanfaatan, 50 %.
    Pemanfaatan,
}

impl SubKomponen {
    /// All three, in order.
    pub const ALL: [SubKomponen; 3] = [SubKomponen::Keberadaan, SubKomponen::Kualitas, SubKomponen::Pemanfaatan];

    /// Share of the komponen weight, in percent.
    pub fn porsi(self) -> i128 {
        match self {
            SubKomponen::Keberadaan => 20,
            SubKomponen::Kualitas => 30,
            SubKomponen::Pemanfaatan => 50,
        }
    }
}

impl SkemaAkip {
    /// Its komponen.
    pub fn komponen(self) -> &'static [Komponen] {
        match self {
            SkemaAkip::PermenPanRb88_2021 => &KOMPONEN_2021,
            SkemaAkip::PermenPanRb12_2015 => &KOMPONEN_2015,
        }
    }

    /// The komponen with this id.
    pub fn komponen_by_id(self, id: &str) -> Result<&'static Komponen> {
        self.position(id).map(|i| &self.komponen()[i])
    }

    fn position(self, id: &str) -> Result<usize> {
        self.komponen().iter().position(|k| k.id == id).ok_or_else(|| {
            let expected = match self {
                SkemaAkip::PermenPanRb88_2021 => msg::core_expected_komponen_akip_2021(),
                SkemaAkip::PermenPanRb12_2015 => msg::core_expected_komponen_akip_2015(),
            };
            Error::invalid(msg::core_what_komponen_akip(), expected, id)
        })
    }
}

/// A scored AKIP evaluation: one exact score per komponen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NilaiAkip {
    skema: SkemaAkip,
    skor: Vec<Ratio>,
}

impl NilaiAkip {
    /// From komponen scores given directly; every komponen exactly once,
    /// each `0 ≤ nilai ≤ bobot`.
    ///
    /// ```
    /// use kinerja_core::akip::{NilaiAkip, SkemaAkip};
    /// use kinerja_core::Decimal;
    /// // Tabel 3.8, realisasi 2024
    /// let n = NilaiAkip::from_komponen(SkemaAkip::PermenPanRb88_2021, &[
    ///     ("perencanaan", Decimal::new(2439, 2)), ("pengukuran", Decimal::new(2096, 2)),
    ///     ("pelaporan", Decimal::new(1140, 2)), ("evaluasi", Decimal::new(1587, 2)),
    /// ])?;
    /// assert_eq!(n.total()?.round2()?, Decimal::new(7262, 2));
    /// assert_eq!(n.predikat()?.code, "BB");
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn from_komponen(skema: SkemaAkip, skor: &[(&str, Decimal)]) -> Result<NilaiAkip> {
        let ks = skema.komponen();
        let mut out: Vec<Option<Ratio>> = vec![None; ks.len()];
        for (id, v) in skor {
            let i = skema.position(id)?;
            let k = &ks[i];
            let v = Ratio::from_decimal(*v);
            if v < Ratio::ZERO || v > Ratio::int(i128::from(k.bobot)) {
                return Err(Error::Invalid {
                    what: msg::core_what_nilai_komponen_akip(),
                    expected: msg::core_expected_within_bobot(),
                    found: msg::core_found_komponen_value(id, v.to_string(), k.bobot).into(),
                });
            }
            if out[i].replace(v).is_some() {
                return Err(Error::Invalid {
                    what: msg::core_what_komponen_akip(),
                    expected: msg::core_expected_each_komponen_once(),
                    found: msg::core_found_twice(id).into(),
                });
            }
        }
        let skor = out
            .into_iter()
            .zip(ks)
            .map(|(v, k)| {
                v.ok_or_else(|| Error::Invalid {
                    what: msg::core_what_komponen_akip(),
                    expected: msg::core_expected_score_every_komponen(),
                    found: msg::core_found_no_score(k.id).into(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(NilaiAkip { skema, skor })
    }

    /// From % pemenuhan per sub-komponen (PermenPANRB 88/2021 only):
    /// `[keberadaan, kualitas, pemanfaatan]` for each komponen, 0..=100.
    pub fn from_pemenuhan(pemenuhan: &[(&str, [Decimal; 3])]) -> Result<NilaiAkip> {
        let mut skor = Vec::new();
        for (id, pct) in pemenuhan {
            let k = SkemaAkip::PermenPanRb88_2021.komponen_by_id(id)?;
            skor.push((*id, komponen_from_pemenuhan(k, *pct)?));
        }
        let dec: Vec<(&str, Decimal)> = skor.iter().map(|(id, r)| Ok((*id, r.to_decimal()?))).collect::<Result<_>>()?;
        // Scores of sub-komponen are exact decimals (pct × weight / 100 with
        // weights 3..15), so the decimal form is exact.
        NilaiAkip::from_komponen(SkemaAkip::PermenPanRb88_2021, &dec)
    }

    /// The scheme.
    pub fn skema(&self) -> SkemaAkip {
        self.skema
    }

    /// Score of one komponen.
    pub fn komponen(&self, id: &str) -> Result<Ratio> {
        Ok(self.skor[self.skema.position(id)?])
    }

    /// Total score (Σ komponen).
    pub fn total(&self) -> Result<Ratio> {
        self.skor.iter().try_fold(Ratio::ZERO, |a, b| a.checked_add(*b))
    }

    /// Predikat of the total.
    pub fn predikat(&self) -> Result<&'static Band> {
        predikat(self.total()?)
    }

    /// The predikat directly above this evaluation's, if any: what the
    /// simulator asks each komponen to reach.
    pub fn predikat_berikut(&self) -> Result<Option<&'static Band>> {
        Ok(AKIP_2021.next_above(self.predikat()?))
    }

    /// The least score komponen `id` must reach, the others unchanged, for
    /// the total to reach predikat `code`; `Unreachable` above its bobot.
    pub fn komponen_needed(&self, id: &str, code: &str) -> Result<Ratio> {
        let k = self.skema.komponen_by_id(id)?;
        let others = self.total()?.checked_sub(self.komponen(id)?)?;
        let need = nilai_needed(code)?.checked_sub(others)?.max(Ratio::ZERO);
        if need > Ratio::int(i128::from(k.bobot)) {
            return Err(Error::Unreachable(msg::core_unreachable_akip(
                code,
                need.round2()?.to_string(),
                k.nama,
                k.bobot,
            )));
        }
        Ok(need)
    }
}

/// Score of one komponen from its three % pemenuhan.
pub fn komponen_from_pemenuhan(k: &Komponen, pct: [Decimal; 3]) -> Result<Ratio> {
    let mut total = Ratio::ZERO;
    for (sub, p) in SubKomponen::ALL.iter().zip(pct) {
        let p = Ratio::from_decimal(p);
        if p < Ratio::ZERO || p > Ratio::HUNDRED {
            return Err(Error::Invalid {
                what: msg::core_what_pemenuhan(),
                expected: msg::core_expected_percent(),
                found: crate::quoted(format!("{} {:?} = {p}", k.id, sub)),
            });
        }
        let w = Ratio::new(i128::from(k.bobot) * sub.porsi(), 100)?;
        total = total.checked_add(p.checked_mul(w)?.checked_div(Ratio::HUNDRED)?)?;
    }
    Ok(total)
}

/// Predikat of an AKIP score (PermenPANRB 88/2021).
pub fn predikat(nilai: Ratio) -> Result<&'static Band> {
    AKIP_2021.classify(nilai)
}

/// The least exact score whose rounded value earns predikat `code`
/// (e.g. `"AA"` → 90.005, which rounds to 90.01).
pub fn nilai_needed(code: &str) -> Result<Ratio> {
    let band = AKIP_2021.band(code)?;
    Ok(band.least_exact()?.map_or(Ratio::ZERO, |t| t.max(Ratio::ZERO)))
}

/// Formulas this module exposes to SQL.
pub fn formulas() -> Vec<Formula> {
    let f = |name, label| Formula {
        name,
        doc: "Predikat nilai AKIP, PermenPANRB 88/2021: AA >90, A >80, BB >70, B >60, CC >50, C >30, D 0–30 (after rounding to 2 decimals).",
        args: vec![ArgSpec { name: "nilai", kind: ArgKind::Number }],
        body: arg(0),
        output: if label { Output::BandLabel(&AKIP_2021) } else { Output::BandCode(&AKIP_2021) },
    };
    vec![f("kj_predikat_akip", false), f("kj_predikat_akip_label", true)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// "perencanaan pengukuran pelaporan evaluasi" scores → "total predikat".
    fn check(input: &str, expect: &str) {
        let v: Vec<Decimal> = input.split_whitespace().map(d).collect();
        let ids = ["perencanaan", "pengukuran", "pelaporan", "evaluasi"];
        let skor: Vec<_> = ids.iter().copied().zip(v).collect();
        let got = match NilaiAkip::from_komponen(SkemaAkip::PermenPanRb88_2021, &skor) {
            Ok(n) => format!("{} {}", n.total().unwrap().round2().unwrap(), n.predikat().unwrap().code),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn seed_table_3_8() {
        check("23.50 20.23 11.40 15.87", "71.00 BB");
        check("24.39 20.96 11.40 15.87", "72.62 BB");
    }

    #[test]
    fn every_predikat_boundary() {
        check("30 30 15 15.00", "90.00 A");
        check("30 30 15 15.01", "90.01 AA");
        check("30 30 15 5.00", "80.00 BB");
        check("30 30 15 5.01", "80.01 A");
        check("30 25 15 0", "70.00 B");
        check("30 25 15 0.01", "70.01 BB");
        check("30 15 15 0", "60.00 CC");
        check("30 15 15 0.01", "60.01 B");
        check("30 5 15 0", "50.00 C");
        check("30 5 15 0.01", "50.01 CC");
        check("15 0 15 0", "30.00 D");
        check("15 0 15 0.01", "30.01 C");
        check("0 0 0 0", "0.00 D");
        check("30 30 15 25", "100.00 AA");
    }

    #[test]
    fn scores_above_bobot_are_rejected() {
        assert!(check_err("31 0 0 0"));
        assert!(check_err("-1 0 0 0"));
    }

    fn check_err(input: &str) -> bool {
        let v: Vec<Decimal> = input.split_whitespace().map(d).collect();
        let skor: Vec<_> = ["perencanaan", "pengukuran", "pelaporan", "evaluasi"].iter().copied().zip(v).collect();
        NilaiAkip::from_komponen(SkemaAkip::PermenPanRb88_2021, &skor).is_err()
    }

    #[test]
    fn from_pemenuhan_worked_example() {
        let k = &KOMPONEN_2021[0];
        let s = komponen_from_pemenuhan(k, [d("100"), d("80"), d("70")]).unwrap();
        assert_eq!(s.round2().unwrap(), d("23.70"));
        let n = NilaiAkip::from_pemenuhan(&[
            ("perencanaan", [d("100"), d("80"), d("70")]),
            ("pengukuran", [d("100"), d("100"), d("100")]),
            ("pelaporan", [d("100"), d("100"), d("100")]),
            ("evaluasi", [d("100"), d("100"), d("50")]),
        ])
        .unwrap();
        // 23.7 + 30 + 15 + (5 + 7.5 + 6.25) = 87.45
        assert_eq!(n.total().unwrap().round2().unwrap(), d("87.45"));
        assert_eq!(n.predikat().unwrap().code, "A");
        assert!(NilaiAkip::from_pemenuhan(&[("perencanaan", [d("101"), d("0"), d("0")])]).is_err());
    }

    #[test]
    fn goal_seek_next_predikat() {
        let ids = ["perencanaan", "pengukuran", "pelaporan", "evaluasi"];
        let v = [d("24.39"), d("20.96"), d("11.40"), d("15.87")];
        let n =
            NilaiAkip::from_komponen(SkemaAkip::PermenPanRb88_2021, &ids.iter().copied().zip(v).collect::<Vec<_>>())
                .unwrap();
        // A needs total ≥ 80.005: pengukuran needs 80.005 − 51.66 = 28.345
        let need = n.komponen_needed("pengukuran", "A").unwrap();
        assert_eq!(need, Ratio::new(28_345, 1000).unwrap());
        assert!(n.komponen_needed("pelaporan", "A").is_err()); // would need 19.905 > 15
        assert_eq!(nilai_needed("AA").unwrap(), Ratio::new(90_005, 1000).unwrap());
        assert_eq!(predikat(nilai_needed("AA").unwrap()).unwrap().code, "AA");
        assert_eq!(nilai_needed("D").unwrap(), Ratio::ZERO);
    }

    #[test]
    fn history_scheme_2015() {
        let n = NilaiAkip::from_komponen(
            SkemaAkip::PermenPanRb12_2015,
            &[
                ("perencanaan", d("20")),
                ("pengukuran", d("20")),
                ("pelaporan", d("10")),
                ("evaluasi", d("8")),
                ("capaian", d("15")),
            ],
        )
        .unwrap();
        assert_eq!(n.total().unwrap().round2().unwrap(), d("73.00"));
        assert!(NilaiAkip::from_komponen(SkemaAkip::PermenPanRb88_2021, &[("capaian", d("1"))]).is_err());
    }
}

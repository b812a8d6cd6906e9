//! Comparison and planning: selisih, change against earlier years, the
//! Renstra final-year target, closed-form goal seek, and yearly paths.
//!
//! ## Goal seek (closed form, exact)
//!
//! The realisasi needed for capaian `c` against target `T > 0`:
//!
//! * positive: `R ≥ c·T/100` — the least value at the indicator's precision;
//! * negative, `(2T−R)/T`: `R ≤ 2T − c·T/100` — the greatest value;
//! * negative, `T/R`: `R ≤ 100·T/c`.
//!
//! For a band (predikat, mutu, AKIP predikat) the required capaian is the
//! least exact value that *rounds* into the band: lower bound `m` → `m − 0.005`.
//! A cap below `c` makes the goal unreachable. `T = 0` has no goal seek.
//!
//! ## Yearly path
//!
//! [`jalur`]: equal steps from the last realisasi to the Renstra final-year
//! target, `R₀ + (T_akhir − R₀)·k/n`, rounded to the indicator's precision
//! only for presentation.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::band::BandTable;
use crate::capaian::{Aturan, MetodeNegatif, Polaritas, capaian};
use crate::exact::Ratio;
use crate::formula::build::*;
use crate::formula::{ArgKind, ArgSpec, CmpOp, Formula, Output, Value};
use crate::{Error, Result};
use kinerja_pesan::msg;

/// Change between two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Perubahan {
    /// `later − earlier`.
    pub selisih: Decimal,
    /// `(later − earlier) / earlier × 100`; `None` when `earlier` is 0.
    pub persen: Option<Ratio>,
}

/// The change from an earlier year's value to a later one.
///
/// ```
/// use kinerja_core::plan::perubahan;
/// use kinerja_core::Decimal;
/// // IKM 2023 80,50 → 2024 75,35: turun 5,15
/// let p = perubahan(Decimal::new(8050, 2), Decimal::new(7535, 2))?;
/// assert_eq!(p.selisih, Decimal::new(-515, 2));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn perubahan(earlier: Decimal, later: Decimal) -> Result<Perubahan> {
    let selisih = crate::capaian::selisih(earlier, later)?;
    let args = [Value::Num(earlier.into()), Value::Num(later.into())];
    let persen = match perubahan_persen_formula().eval(&args) {
        Ok(p) => Some(p),
        Err(Error::Undefined { .. }) => None,
        Err(e) => return Err(e),
    };
    Ok(Perubahan { selisih, persen })
}

fn perubahan_persen_formula() -> Formula {
    Formula {
        name: "kj_perubahan_persen",
        doc: "Perubahan (%) = (nilai − nilai_sebelumnya) / nilai_sebelumnya × 100; undefined from 0.",
        args: vec![
            ArgSpec { name: "sebelumnya", kind: ArgKind::Number },
            ArgSpec { name: "nilai", kind: ArgKind::Number },
        ],
        body: iff(
            cmp(CmpOp::Eq, arg(0), int(0)),
            undefined(msg::core_why_change_from_zero()),
            div(mul(sub(arg(1), arg(0)), int(100)), arg(0)),
        ),
        output: Output::Round2,
    }
}

/// Formulas this module exposes to SQL.
pub fn formulas() -> Vec<Formula> {
    vec![perubahan_persen_formula()]
}

/// Realisasi against the Renstra final-year target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TerhadapRenstra {
    /// Capaian against the final-year target.
    pub capaian: Ratio,
    /// Still to go: `target − realisasi` (positive indicator) or
    /// `realisasi − target` (negative); ≤ 0 once reached.
    pub kekurangan: Decimal,
}

/// Compares a realisasi with the Renstra final-year target.
pub fn terhadap_renstra(
    realisasi: Decimal,
    target_akhir: Decimal,
    polaritas: Polaritas,
    aturan: Aturan,
) -> Result<TerhadapRenstra> {
    let c = capaian(target_akhir, realisasi, polaritas, aturan)?;
    let k = crate::capaian::kekurangan(target_akhir, realisasi, polaritas)?;
    Ok(TerhadapRenstra { capaian: c, kekurangan: k })
}

/// Which side of the bound satisfies the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arah {
    /// Realisasi must be at least the bound (positive indicators).
    PalingSedikit,
    /// Realisasi must be at most the bound (negative indicators).
    PalingBanyak,
    /// Any realisasi satisfies the goal.
    Selalu,
}

/// A goal-seek answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalSeek {
    /// The exact bound.
    pub exact: Ratio,
    /// The bound at the indicator's precision, rounded towards the goal
    /// (up for "at least", down for "at most").
    pub realisasi: Decimal,
    /// Direction.
    pub arah: Arah,
}

/// The realisasi needed for an exact capaian `c` (percent).
///
/// ```
/// use kinerja_core::plan::{realisasi_for_capaian, Arah};
/// use kinerja_core::capaian::{Aturan, Polaritas};
/// use kinerja_core::{Decimal, Ratio};
/// // 100 % of the 2025 IKM target 87,50 needs 87,50
/// let g = realisasi_for_capaian(Decimal::new(8750, 2), Ratio::HUNDRED, Polaritas::Positif, Aturan::default(), 2)?;
/// assert_eq!((g.realisasi, g.arah), (Decimal::new(8750, 2), Arah::PalingSedikit));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn realisasi_for_capaian(
    target: Decimal,
    c: Ratio,
    polaritas: Polaritas,
    aturan: Aturan,
    dp: u32,
) -> Result<GoalSeek> {
    let t = Ratio::from_decimal(target);
    if t <= Ratio::ZERO {
        return Err(Error::Undefined { what: "goal seek", why: msg::core_why_goal_target_zero() });
    }
    if let Some(cap) = aturan.batas.percent().filter(|cap| c > Ratio::int(*cap)) {
        return Err(Error::Unreachable(msg::core_unreachable_capped(cap)));
    }
    let g = match polaritas {
        Polaritas::Positif => {
            let exact = c.checked_mul(t)?.checked_div(Ratio::HUNDRED)?;
            GoalSeek { exact, realisasi: exact.ceil_dp(dp)?, arah: Arah::PalingSedikit }
        }
        Polaritas::Negatif if c <= Ratio::ZERO => {
            GoalSeek { exact: Ratio::ZERO, realisasi: Decimal::ZERO, arah: Arah::Selalu }
        }
        Polaritas::Negatif => {
            let exact = match aturan.metode_negatif {
                MetodeNegatif::SelisihGanda => {
                    Ratio::int(2).checked_mul(t)?.checked_sub(c.checked_mul(t)?.checked_div(Ratio::HUNDRED)?)?
                }
                MetodeNegatif::Rasio => Ratio::HUNDRED.checked_mul(t)?.checked_div(c)?,
            };
            GoalSeek { exact, realisasi: exact.floor_dp(dp)?, arah: Arah::PalingBanyak }
        }
    };
    Ok(g)
}

/// The least exact value whose two-decimal rounding reaches band `code`
/// ([`crate::band::Band::least_exact`]).
pub fn band_threshold(table: &BandTable, code: &str) -> Result<Option<Ratio>> {
    table.band(code)?.least_exact()
}

/// The realisasi needed for the capaian to be banded `code` on `table`
/// (e.g. predikat "ST" on [`crate::band::PREDIKAT_CAPAIAN`]).
pub fn realisasi_for_band(
    target: Decimal,
    table: &BandTable,
    code: &str,
    polaritas: Polaritas,
    aturan: Aturan,
    dp: u32,
) -> Result<GoalSeek> {
    match band_threshold(table, code)? {
        None => Ok(GoalSeek { exact: Ratio::ZERO, realisasi: Decimal::ZERO, arah: Arah::Selalu }),
        Some(c) => realisasi_for_capaian(target, c, polaritas, aturan, dp),
    }
}

/// The least value of a directly banded indicator (IKM, nilai AKIP) that
/// earns band `code`, at `dp` decimals: e.g. IKM mutu B → 76.61.
pub fn nilai_for_band(table: &BandTable, code: &str, dp: u32) -> Result<Option<Decimal>> {
    band_threshold(table, code)?.map(|t| t.ceil_dp(dp)).transpose()
}

/// A yearly path from the last realisasi to a final-year target in equal
/// steps; the last step equals the target exactly.
///
/// ```
/// use kinerja_core::plan::jalur;
/// use kinerja_core::Decimal;
/// // IKM 2024 75,35 → Renstra 2026 90,00
/// let p = jalur(2024, Decimal::new(7535, 2), 2026, Decimal::new(9000, 2), 2)?;
/// assert_eq!(p, vec![(2025, Decimal::new(8268, 2)), (2026, Decimal::new(9000, 2))]);
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn jalur(from_year: i32, from: Decimal, to_year: i32, to: Decimal, dp: u32) -> Result<Vec<(i32, Decimal)>> {
    if to_year <= from_year {
        return Err(Error::Invalid {
            what: msg::core_what_jalur(),
            expected: msg::core_expected_final_year(),
            found: crate::quoted(format!("{from_year} → {to_year}")),
        });
    }
    let n = i128::from(to_year - from_year);
    let (a, b) = (Ratio::from_decimal(from), Ratio::from_decimal(to));
    let step = b.checked_sub(a)?.checked_div(Ratio::int(n))?;
    (1..=n)
        .map(|k| {
            let v = a.checked_add(step.checked_mul(Ratio::int(k))?)?;
            let year = from_year + i32::try_from(k).map_err(|_| Error::Overflow { op: "jalur" })?;
            Ok((year, v.round_dp(dp)?))
        })
        .collect()
}

/// A planning warning (advice, never a block).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum Peringatan {
    /// A planned target is worse than the last realisasi.
    TargetDiBawahRealisasi {
        /// Year of the target.
        tahun: i32,
        /// The target.
        target: Decimal,
        /// The last realisasi.
        realisasi_terakhir: Decimal,
    },
    /// A yearly step is larger than the largest change seen before (in the
    /// unit's history or among its peers).
    LangkahTerlaluBesar {
        /// Year of the step.
        tahun: i32,
        /// Size of the step.
        langkah: Decimal,
        /// Largest change seen before.
        terbesar: Decimal,
    },
    /// The planned path does not reach the Renstra final-year target.
    TidakMencapaiRenstra {
        /// Final year.
        tahun_akhir: i32,
        /// What the plan reaches.
        rencana: Decimal,
        /// The Renstra target.
        target_renstra: Decimal,
    },
}

/// Planning warnings for one indicator of one unit.
///
/// * `riwayat`: realisasi by year (any order);
/// * `rencana`: planned values by year (targets), after the last realisasi;
/// * `langkah_terbesar`: the largest year-on-year change seen in the unit's
///   history or among peers (absolute), if known;
/// * `renstra_akhir`: the Renstra final year and its target.
///
/// "Worse" follows the polarity.
pub fn peringatan(
    polaritas: Polaritas,
    riwayat: &[(i32, Decimal)],
    rencana: &[(i32, Decimal)],
    langkah_terbesar: Option<Decimal>,
    renstra_akhir: Option<(i32, Decimal)>,
) -> Vec<Peringatan> {
    let worse = |a: Decimal, b: Decimal| polaritas.is_worse(a, b);
    let mut out = Vec::new();
    let last = riwayat.iter().max_by_key(|(y, _)| *y).copied();
    let plan: Vec<(i32, Decimal)> =
        urut_tahun(rencana.iter().copied().filter(|(y, _)| last.is_none_or(|(ly, _)| *y > ly)).collect());
    if let Some((_, r)) = last {
        for (y, t) in &plan {
            if worse(*t, r) {
                out.push(Peringatan::TargetDiBawahRealisasi { tahun: *y, target: *t, realisasi_terakhir: r });
            }
        }
    }
    if let (Some(max), Some(start)) = (langkah_terbesar, last) {
        let mut prev = start.1;
        for (y, t) in &plan {
            let step = (*t - prev).abs();
            if step > max {
                out.push(Peringatan::LangkahTerlaluBesar { tahun: *y, langkah: step, terbesar: max });
            }
            prev = *t;
        }
    }
    if let Some((ya, tr)) = renstra_akhir
        && let Some((_, t)) = plan.iter().find(|(y, v)| *y == ya && worse(*v, tr))
    {
        out.push(Peringatan::TidakMencapaiRenstra { tahun_akhir: ya, rencana: *t, target_renstra: tr });
    }
    out
}

/// Competition ranking ("1, 1, 3") of values best first by polarity
/// ([`Polaritas::cmp_best_first`]); a unit without a value has no rank.
/// The order of `values` is kept. `v_peringkat` ranks the same way with
/// `rank() OVER (ORDER BY realisasi × kj_arah DESC)`.
///
/// ```
/// use kinerja_core::plan::peringkat;
/// use kinerja_core::capaian::Polaritas;
/// use kinerja_core::Decimal;
/// let v = [Some(Decimal::from(80)), None, Some(Decimal::from(90)), Some(Decimal::from(80))];
/// assert_eq!(peringkat(Polaritas::Positif, &v), vec![Some(2), None, Some(1), Some(2)]);
/// assert_eq!(peringkat(Polaritas::Negatif, &v), vec![Some(1), None, Some(3), Some(1)]);
/// ```
pub fn peringkat(polaritas: Polaritas, values: &[Option<Decimal>]) -> Vec<Option<usize>> {
    let mut present: Vec<Decimal> = values.iter().flatten().copied().collect();
    present.sort_by(|a, b| polaritas.cmp_best_first(*a, *b));
    values
        .iter()
        .map(|v| {
            // 1 + the number of values strictly better
            v.map(|v| 1 + present.partition_point(|x| polaritas.cmp_best_first(*x, v) == std::cmp::Ordering::Less))
        })
        .collect()
}

/// The best value by polarity, if any.
pub fn terbaik(polaritas: Polaritas, values: &[Option<Decimal>]) -> Option<Decimal> {
    values.iter().flatten().copied().min_by(|a, b| polaritas.cmp_best_first(*a, *b))
}

/// The year of the best value of a series by polarity, ties to the earliest
/// year (`v_tren.tahun_terbaik`).
pub fn tahun_terbaik(polaritas: Polaritas, series: &[(i32, Decimal)]) -> Option<i32> {
    series.iter().min_by(|a, b| polaritas.cmp_best_first(a.1, b.1).then(a.0.cmp(&b.0))).map(|x| x.0)
}

/// The year of the worst value of a series by polarity, ties to the
/// earliest year (`v_tren.tahun_terburuk`).
pub fn tahun_terburuk(polaritas: Polaritas, series: &[(i32, Decimal)]) -> Option<i32> {
    series.iter().min_by(|a, b| polaritas.cmp_best_first(b.1, a.1).then(a.0.cmp(&b.0))).map(|x| x.0)
}

/// A yearly series in year order.
pub fn urut_tahun(mut v: Vec<(i32, Decimal)>) -> Vec<(i32, Decimal)> {
    v.sort_unstable_by_key(|(y, _)| *y);
    v
}

/// The largest absolute year-on-year change in one or more series.
pub fn langkah_terbesar<'a, I: IntoIterator<Item = &'a [(i32, Decimal)]>>(series: I) -> Option<Decimal> {
    let mut best: Option<Decimal> = None;
    for s in series {
        let v = urut_tahun(s.to_vec());
        for w in v.windows(2) {
            if w[1].0 == w[0].0 + 1 {
                let d = (w[1].1 - w[0].1).abs();
                best = Some(best.map_or(d, |b| b.max(d)));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::band::{AKIP_2021, IKM_2017, PREDIKAT_CAPAIAN};
    use crate::capaian::{Batas, predikat};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// "T code polaritas [rasio]" → "bound arah"
    fn check(input: &str, expect: &str) {
        let v: Vec<&str> = input.split_whitespace().collect();
        let pol = Polaritas::parse(v[2]).unwrap();
        let mut aturan = Aturan::default();
        if v.get(3) == Some(&"rasio") {
            aturan.metode_negatif = MetodeNegatif::Rasio;
        }
        let g = realisasi_for_band(d(v[0]), &PREDIKAT_CAPAIAN, v[1], pol, aturan, 2).unwrap();
        assert_eq!(format!("{} {:?}", g.realisasi, g.arah), expect, "{input}");
        if g.arah != Arah::Selalu {
            // The bound reaches the band; one hundredth worse does not.
            let at = predikat(capaian(d(v[0]), g.realisasi, pol, aturan).unwrap()).unwrap();
            assert_eq!(at.code, v[1], "{input} at bound");
            let worse = match g.arah {
                Arah::PalingSedikit => g.realisasi - d("0.01"),
                _ => g.realisasi + d("0.01"),
            };
            let w = predikat(capaian(d(v[0]), worse, pol, aturan).unwrap()).unwrap();
            assert_ne!(w.code, v[1], "{input} past bound");
        }
    }

    #[test]
    fn goal_seek_predikat_bands() {
        check("87.50 ST positif", "79.63 PalingSedikit"); // 79.63 / 87.5 = 91.006 %; 79.62 gives 90.994 %
    }

    #[test]
    fn goal_seek_every_band_both_polarities() {
        for code in ["ST", "T", "S", "R"] {
            for t in ["87.50", "72.00", "3.00", "1000.00"] {
                for pol in ["positif", "negatif", "negatif rasio"] {
                    let input = format!("{t} {code} {pol}");
                    let v: Vec<&str> = input.split_whitespace().collect();
                    let p = Polaritas::parse(v[2]).unwrap();
                    let mut a = Aturan::default();
                    if v.len() > 3 {
                        a.metode_negatif = MetodeNegatif::Rasio;
                    }
                    let g = realisasi_for_band(d(t), &PREDIKAT_CAPAIAN, code, p, a, 2).unwrap();
                    check(&input, &format!("{} {:?}", g.realisasi, g.arah));
                }
            }
        }
    }

    #[test]
    fn goal_seek_caps_and_zero_target() {
        let a = Aturan { batas: Batas::Seratus, ..Aturan::default() };
        assert!(realisasi_for_capaian(d("10"), Ratio::int(101), Polaritas::Positif, a, 2).is_err());
        assert!(realisasi_for_capaian(d("0"), Ratio::HUNDRED, Polaritas::Positif, Aturan::default(), 2).is_err());
        let g = realisasi_for_band(d("10"), &PREDIKAT_CAPAIAN, "SR", Polaritas::Positif, Aturan::default(), 2).unwrap();
        assert_eq!(g.arah, Arah::Selalu);
    }

    #[test]
    fn values_for_ikm_mutu_and_akip_predikat() {
        assert_eq!(nilai_for_band(&IKM_2017, "B", 2).unwrap(), Some(d("76.61")));
        assert_eq!(nilai_for_band(&IKM_2017, "A", 2).unwrap(), Some(d("88.31")));
        assert_eq!(nilai_for_band(&AKIP_2021, "AA", 2).unwrap(), Some(d("90.01")));
        assert_eq!(nilai_for_band(&AKIP_2021, "A", 2).unwrap(), Some(d("80.01")));
        assert_eq!(nilai_for_band(&AKIP_2021, "A", 3).unwrap(), Some(d("80.005")));
    }

    #[test]
    fn seed_year_on_year_differences() {
        let s = |a: &str, b: &str| perubahan(d(a), d(b)).unwrap().selisih.to_string();
        assert_eq!(s("80.50", "75.35"), "-5.15");
        assert_eq!(s("90.10", "75.35"), "-14.75");
        assert_eq!(s("77.98", "75.35"), "-2.63");
        assert_eq!(s("70.15", "72.62"), "2.47");
        assert_eq!(s("72.16", "72.62"), "0.46");
        assert_eq!(s("70.07", "72.62"), "2.55");
        assert_eq!(perubahan(d("0"), d("1")).unwrap().persen, None);
    }

    #[test]
    fn renstra_comparison() {
        let r = terhadap_renstra(d("75.35"), d("90.00"), Polaritas::Positif, Aturan::default()).unwrap();
        assert_eq!(r.capaian.round2().unwrap(), d("83.72"));
        assert_eq!(r.kekurangan, d("14.65"));
    }

    #[test]
    fn planning_warnings() {
        let riwayat = [(2023, d("80.50")), (2024, d("75.35"))];
        let max = langkah_terbesar([&riwayat[..], &[(2023, d("83.20")), (2024, d("98.20"))][..]]).unwrap();
        assert_eq!(max, d("15.00"));
        // 2025 below the last realisasi; the 14.99 step to 2026 is within 15; 2026 misses Renstra 90.
        let w = peringatan(
            Polaritas::Positif,
            &riwayat,
            &[(2025, d("75.00")), (2026, d("89.99"))],
            Some(max),
            Some((2026, d("90.00"))),
        );
        assert_eq!(
            w,
            vec![
                Peringatan::TargetDiBawahRealisasi { tahun: 2025, target: d("75.00"), realisasi_terakhir: d("75.35") },
                Peringatan::TidakMencapaiRenstra { tahun_akhir: 2026, rencana: d("89.99"), target_renstra: d("90.00") },
            ]
        );
        let ok = peringatan(
            Polaritas::Positif,
            &riwayat,
            &[(2025, d("87.50")), (2026, d("90.00"))],
            Some(max),
            Some((2026, d("90.00"))),
        );
        assert!(ok.is_empty(), "{ok:?}");
        let big = peringatan(Polaritas::Positif, &riwayat, &[(2025, d("95.00"))], Some(d("5")), None);
        assert_eq!(big, vec![Peringatan::LangkahTerlaluBesar { tahun: 2025, langkah: d("19.65"), terbesar: d("5") }]);
        let neg = peringatan(Polaritas::Negatif, &[(2024, d("10"))], &[(2025, d("12"))], None, Some((2025, d("8"))));
        assert_eq!(neg.len(), 2);
    }

    #[test]
    fn ranking_with_ties_and_missing_values() {
        let v = [Some(d("75.35")), Some(d("80.50")), None, Some(d("80.50")), Some(d("70"))];
        assert_eq!(peringkat(Polaritas::Positif, &v), vec![Some(3), Some(1), None, Some(1), Some(4)]);
        assert_eq!(peringkat(Polaritas::Negatif, &v), vec![Some(2), Some(3), None, Some(3), Some(1)]);
        assert_eq!(terbaik(Polaritas::Positif, &v), Some(d("80.50")));
        assert_eq!(terbaik(Polaritas::Negatif, &v), Some(d("70")));
        assert_eq!(peringkat(Polaritas::Positif, &[None]), vec![None]);
        let series = [(2021, d("5")), (2022, d("7")), (2023, d("5")), (2024, d("7"))];
        assert_eq!(tahun_terbaik(Polaritas::Positif, &series), Some(2022));
        assert_eq!(tahun_terburuk(Polaritas::Positif, &series), Some(2021));
        assert_eq!(tahun_terbaik(Polaritas::Negatif, &series), Some(2021));
        assert_eq!(tahun_terburuk(Polaritas::Negatif, &series), Some(2022));
        assert_eq!(terbaik(Polaritas::Positif, &[None]), None);
    }

    #[test]
    fn paths() {
        let p = jalur(2024, d("72.62"), 2026, d("73.00"), 2).unwrap();
        assert_eq!(p, vec![(2025, d("72.81")), (2026, d("73.00"))]);
        assert!(jalur(2026, d("1"), 2026, d("2"), 2).is_err());
        let p3 = jalur(2024, d("0"), 2027, d("1"), 2).unwrap();
        assert_eq!(p3, vec![(2025, d("0.33")), (2026, d("0.67")), (2027, d("1.00"))]);
    }
}

//! How sure is an IKM? An IKM is a survey estimate: the mean, over its
//! respondents, of each respondent's weighted score. This module gives its
//! 95 % interval when only what reports print is known — the IKM (or its
//! NRR) and the number of respondents.
//!
//! **The conservative interval** ([`ikm_konservatif`]). The spread of the
//! respondents' scores is not printed, but it is bounded: a respondent's
//! weighted score lies in 1..4, and a variable in `[a, b]` with mean `μ` has
//! a variance of at most `(b − μ)(μ − a)` (Bhatia & Davis 2000). With `n`
//! respondents of a population of `N` (when known, the finite-population
//! correction `(N − n)/(N − 1)`), the IKM's standard error is at most
//! `25·√((4 − μ)(μ − 1)/n)`, and the interval is the IKM ± 1,96 of those
//! (the normal approximation of a mean of `n` bounded scores). It is wider
//! than the survey's real one, never narrower: it is labelled
//! "konservatif" wherever it is shown.
//!
//! No floating point: the half-width is computed from an exact fraction by
//! an integer square root and rounded up at four decimals, then each bound
//! is rounded half-up to two decimals as every printed value is. The IKM
//! itself (the point value) is never touched.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::exact::Ratio;
use crate::{Error, Result};

/// How an interval was obtained, said wherever it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Metode {
    /// From the IKM and the respondents only, by the Bhatia–Davis bound.
    Konservatif,
}

/// A 95 % interval of a value, its bounds as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Selang {
    /// Lower bound.
    pub bawah: Decimal,
    /// Upper bound.
    pub atas: Decimal,
    /// How it was obtained.
    pub metode: Metode,
}

/// The IKM's lowest and highest values: the interval of an IKM whose
/// respondents are not known.
pub const SKALA_IKM: (Decimal, Decimal) =
    (Decimal::from_parts(25, 0, 0, false, 0), Decimal::from_parts(100, 0, 0, false, 0));
const IKM_MIN: Decimal = SKALA_IKM.0;
const IKM_MAX: Decimal = SKALA_IKM.1;

/// The conservative 95 % interval of an IKM (25..100) from `responden`
/// respondents of a population of `populasi` (when known).
///
/// ```
/// use kinerja_core::selang::ikm_konservatif;
/// use kinerja_core::{Decimal, Ratio};
/// // The seed: IKM 75,35 from 97 respondents.
/// let s = ikm_konservatif(Ratio::from_decimal(Decimal::new(7535, 2)), 97, None).unwrap();
/// assert_eq!((s.bawah.to_string(), s.atas.to_string()), ("68.34".into(), "82.36".into()));
/// ```
///
/// # Errors
/// [`Error::OutOfRange`] for no respondent or an IKM outside 25..100.
pub fn ikm_konservatif(ikm: Ratio, responden: u32, populasi: Option<u64>) -> Result<Selang> {
    if responden == 0 {
        let (min, max) = (Decimal::ONE, Decimal::from(u32::MAX));
        return Err(Error::OutOfRange { what: "responden", found: Decimal::ZERO, min, max });
    }
    let ikm_dec = ikm.round_dp(6)?;
    if !(IKM_MIN..=IKM_MAX).contains(&ikm_dec) {
        return Err(Error::OutOfRange { what: "IKM", found: ikm_dec, min: IKM_MIN, max: IKM_MAX });
    }
    // μ on the 1..4 scale, moved toward 2,5 (where the bound is largest)
    // to six decimals: a smaller fraction, and still a bound.
    let mu = ikm.checked_div(Ratio::int(25))?;
    let mu = if mu > Ratio::constant(5, 2) { mu.floor_dp(6)? } else { mu.ceil_dp(6)? };
    let mu = Ratio::from_decimal(mu);
    let spread = Ratio::int(4).checked_sub(mu)?.checked_mul(mu.checked_sub(Ratio::ONE)?)?;
    let n = i128::from(responden);
    let fpc = match populasi.map(i128::from) {
        Some(big) if big <= n => Ratio::ZERO,
        Some(big) => Ratio::new(big - n, big - 1)?,
        None => Ratio::ONE,
    };
    // half-width² = (1,96 · 25)² · spread · fpc / n = 2401 · spread · fpc / n
    let squared = Ratio::int(2401).checked_mul(spread)?.checked_mul(fpc)?.checked_div(Ratio::int(n))?;
    let half = sqrt_up_4dp(squared)?;
    let lo = (ikm_dec - half).max(IKM_MIN);
    let hi = (ikm_dec + half).min(IKM_MAX);
    Ok(Selang { bawah: crate::exact::round2(lo)?, atas: crate::exact::round2(hi)?, metode: Metode::Konservatif })
}

/// The ranks each value could take given every value's interval: the best
/// is 1 + the number of others surely better (their whole interval above
/// its own, below it when lower is better), the worst the count of values
/// less those surely worse. Values without an interval get none and are
/// not counted. Ranks that overlap cannot be told apart by the data.
///
/// ```
/// use kinerja_core::selang::rentang_peringkat;
/// use kinerja_core::Decimal;
/// let d = |a: i64, b: i64| Some((Decimal::from(a), Decimal::from(b)));
/// let r = rentang_peringkat(&[d(80, 90), d(70, 82), d(60, 65), None], true);
/// assert_eq!(r, vec![Some((1, 2)), Some((1, 2)), Some((3, 3)), None]);
/// ```
pub fn rentang_peringkat(
    selang: &[Option<(Decimal, Decimal)>],
    tinggi_lebih_baik: bool,
) -> Vec<Option<(usize, usize)>> {
    let ada: Vec<(Decimal, Decimal)> = selang.iter().flatten().copied().collect();
    selang
        .iter()
        .map(|s| {
            let (lo, hi) = (*s)?;
            let above = ada.iter().filter(|(l, _)| *l > hi).count();
            let below = ada.iter().filter(|(_, h)| *h < lo).count();
            let (better, worse) = if tinggi_lebih_baik { (above, below) } else { (below, above) };
            Some((1 + better, ada.len() - worse))
        })
        .collect()
}

/// `√x` rounded up at four decimals, for `x ≥ 0`.
fn sqrt_up_4dp(x: Ratio) -> Result<Decimal> {
    // ⌈√(x·10⁸)⌉ / 10⁴, with x·10⁸ itself rounded up.
    let scaled = x.checked_mul(Ratio::int(100_000_000))?;
    let (num, den) = (scaled.numer(), scaled.denom());
    let v = u128::try_from((num + den - 1) / den).map_err(|_| Error::Overflow { op: "precision" })?;
    let mut r = v.isqrt();
    if r * r < v {
        r += 1;
    }
    let r = i64::try_from(r).map_err(|_| Error::Overflow { op: "precision" })?;
    Ok(Decimal::new(r, 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ikm(s: &str) -> Ratio {
        Ratio::from_decimal(s.parse().unwrap())
    }

    fn check(value: &str, n: u32, populasi: Option<u64>, expect: (&str, &str)) {
        let s = ikm_konservatif(ikm(value), n, populasi).unwrap();
        assert_eq!((s.bawah.to_string().as_str(), s.atas.to_string().as_str()), expect, "{value} n={n} N={populasi:?}");
    }

    #[test]
    fn the_bound_narrows_with_respondents_and_vanishes_for_a_census() {
        // μ = 3,014: spread (0,986)(2,014) = 1,985804; 49·√(1,985804/97) = 7,0110 (rounded up).
        check("75.35", 97, None, ("68.34", "82.36"));
        check("75.35", 384, None, ("71.83", "78.87"));
        check("80", 100, None, ("73.50", "86.50"));
        check("80", 100, Some(200), ("75.39", "84.61"));
        check("75.35", 97, Some(97), ("75.35", "75.35"));
        check("75.35", 97, Some(50), ("75.35", "75.35"));
        // At the ends of the scale every respondent answered alike.
        check("100", 10, None, ("100.00", "100.00"));
        check("25", 10, None, ("25.00", "25.00"));
        // Never beyond the scale.
        let s = ikm_konservatif(ikm("99"), 2, None).unwrap();
        assert_eq!(s.atas, Decimal::new(10000, 2));
    }

    #[test]
    fn a_known_population_narrows_it() {
        let wide = ikm_konservatif(ikm("80"), 100, None).unwrap();
        let narrow = ikm_konservatif(ikm("80"), 100, Some(200)).unwrap();
        assert!(narrow.bawah > wide.bawah && narrow.atas < wide.atas);
    }

    /// A deterministic generator for the simulation (xorshift64*).
    struct Acak(u64);

    impl Acak {
        fn next(&mut self, below: u64) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % below
        }
    }

    /// Coverage on simulated surveys: 2,000 samples of 97 respondents from a
    /// population of 5,000 whose nine answers share a respondent level (so
    /// that unsur correlate, as real ones do) — the conservative interval
    /// covers the population's IKM in at least 95 % of them.
    #[test]
    fn the_conservative_interval_covers_at_least_95_percent() {
        let mut acak = Acak(2024);
        let population: Vec<u64> = (0..5000)
            .map(|_| {
                let level = 2 + acak.next(2); // 2 or 3
                (0..9).map(|_| (level + acak.next(3)).saturating_sub(1).clamp(1, 4)).sum()
            })
            .collect();
        let total: u64 = population.iter().sum();
        let truth = Ratio::new(25 * i128::from(total), 9 * 5000).unwrap();
        let (runs, n) = (2000, 97_u32);
        let mut covered = 0;
        for _ in 0..runs {
            let sum: u64 = (0..n).map(|_| population[usize::try_from(acak.next(5000)).unwrap()]).sum();
            let sample = Ratio::new(25 * i128::from(sum), 9 * i128::from(n)).unwrap();
            let s = ikm_konservatif(sample, n, None).unwrap();
            let t = truth.round2().unwrap();
            covered += usize::from(s.bawah <= t && t <= s.atas);
        }
        assert!(covered * 100 >= runs * 95, "covered {covered} of {runs}");
    }

    #[test]
    fn ranks_that_overlap_share_a_range_and_lower_can_be_better() {
        let d = |a: i64, b: i64| Some((Decimal::from(a), Decimal::from(b)));
        let r = rentang_peringkat(&[d(80, 90), d(70, 82), d(60, 65)], false);
        assert_eq!(r, vec![Some((2, 3)), Some((2, 3)), Some((1, 1))]);
        // Equal bounds touching: neither is surely ahead.
        assert_eq!(rentang_peringkat(&[d(70, 80), d(80, 90)], true), vec![Some((1, 2)), Some((1, 2))]);
        assert_eq!(rentang_peringkat(&[], true), vec![]);
    }

    #[test]
    fn square_roots_round_up() {
        assert_eq!(sqrt_up_4dp(Ratio::int(4)).unwrap(), Decimal::new(20000, 4));
        assert_eq!(sqrt_up_4dp(Ratio::int(2)).unwrap(), Decimal::new(14143, 4));
        assert_eq!(sqrt_up_4dp(Ratio::ZERO).unwrap(), Decimal::ZERO);
    }

    #[test]
    fn no_respondent_or_an_impossible_ikm_is_refused() {
        assert!(ikm_konservatif(ikm("75"), 0, None).is_err());
        assert!(ikm_konservatif(ikm("24.99"), 10, None).is_err());
        assert!(ikm_konservatif(ikm("100.01"), 10, None).is_err());
    }
}

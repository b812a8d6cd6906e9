//! How sure is an IKM, a change, a rank? An IKM is a survey estimate: the
//! mean, over its respondents, of each respondent's weighted score. This
//! module gives its 95 % interval, the interval of a change between two
//! years, and the ranks a set of intervals allows.
//!
//! **From the IKM and its respondents only** ([`ikm_konservatif`]), as most
//! reports print it. The spread of the respondents' scores is not printed,
//! but it is bounded: a respondent's weighted score lies in 1..4, and a
//! variable in `[a, b]` with mean `μ` has a variance of at most
//! `(b − μ)(μ − a)` (Bhatia & Davis 2000). With `n` respondents of a
//! population of `N` (when known, the finite-population correction
//! `(N − n)/(N − 1)`), the IKM's standard error is at most
//! `25·√((4 − μ)(μ − 1)/n)`, and the interval is the IKM ± 1,96 of those
//! (the normal approximation of a mean of `n` bounded scores). It is wider
//! than the survey's real one, never narrower: it is labelled
//! "konservatif" wherever it is shown.
//!
//! **From raw answers** ([`jawaban`]): the analytic interval of the IKM as
//! computed (skipped answers left out of their unsur, as the IKM does), and
//! a deterministic percentile bootstrap that validates it.
//!
//! No floating point anywhere (the workspace denies it): square roots are
//! integer square roots of exact fractions, rounded up at four decimals
//! (so a standard error is never understated), and each bound is rounded
//! half-up to two decimals as every printed value is. The IKM itself (the
//! point value) is never touched: it is the exact fraction of
//! [`crate::skm`], and an interval only adds two bounds beside it.

pub mod jawaban;

/// The version of these rules: a database that stores standard errors
/// computed by them (`hasil_galat_ikm`) recomputes them when it changes.
pub const ATURAN: &str = "selang-1: konservatif Bhatia–Davis, analitik linearised, 4 dp up";

use rust_decimal::Decimal;
use serde::Serialize;

use crate::exact::Ratio;
use crate::{Error, Result};

/// How an interval was obtained, said wherever it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Metode {
    /// From the IKM and the respondents only, by the Bhatia–Davis bound:
    /// wider than the survey's real interval.
    Konservatif,
    /// From the raw answers, by the linearised variance of the IKM as
    /// computed ([`jawaban::Jawaban::selang`]).
    Analitik,
    /// From the raw answers, by resampling respondents (percentile
    /// bootstrap, [`jawaban::Jawaban::bootstrap`]).
    Bootstrap {
        /// The number of resamples.
        ulangan: u32,
    },
}

impl Metode {
    /// The word a table, a stored result and the JSON write (the same in
    /// every language): `konservatif`, `analitik`, `bootstrap`.
    pub fn kode(self) -> &'static str {
        match self {
            Metode::Konservatif => "konservatif",
            Metode::Analitik => "analitik",
            Metode::Bootstrap { .. } => "bootstrap",
        }
    }

    /// The method of a stored standard error: `konservatif`, else analytic.
    pub fn dari_kode(kode: &str) -> Metode {
        if kode == "konservatif" { Metode::Konservatif } else { Metode::Analitik }
    }
}

/// A 95 % interval of a value, its bounds as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Selang {
    /// Lower bound.
    pub bawah: Decimal,
    /// Upper bound.
    pub atas: Decimal,
    /// The value's standard error (an upper bound for
    /// [`Metode::Konservatif`]), rounded up at four decimals.
    pub galat_baku: Decimal,
    /// How it was obtained.
    pub metode: Metode,
}

/// An IKM's standard error and how it was obtained: what its interval is
/// drawn from, around whichever printing of the IKM is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Galat {
    /// The standard error (an upper bound for [`Metode::Konservatif`]),
    /// rounded up at four decimals.
    pub baku: Decimal,
    /// How it was obtained.
    pub metode: Metode,
}

impl Galat {
    /// The 95 % interval of the IKM `ikm`, within the IKM's scale.
    ///
    /// # Errors
    /// Only on arithmetic overflow.
    pub fn selang_ikm(self, ikm: Ratio) -> Result<Selang> {
        sekitar(ikm, self.baku, self.metode, Some(SKALA_IKM))
    }
}

/// The standard error of a survey's IKM: from its raw answers when they
/// are stored (the analytic one), else bounded from its respondents (the
/// conservative one); none when neither is known.
///
/// # Errors
/// Those of [`jawaban::Jawaban::galat`] and [`ikm_konservatif`].
pub fn galat_ikm(
    ikm: Ratio,
    jawaban: Option<(&jawaban::Jawaban, crate::skm::Bobot)>,
    responden: Option<u32>,
    populasi: Option<u64>,
) -> Result<Option<Galat>> {
    if let Some((j, bobot)) = jawaban.filter(|(j, _)| j.responden() >= 2) {
        return j.galat(bobot, populasi).map(Some);
    }
    match responden {
        Some(n) if n > 0 => Ok(Some(Galat { baku: galat_konservatif(ikm, n, populasi)?, metode: Metode::Konservatif })),
        _ => Ok(None),
    }
}

/// The standard error of a survey's IKM as the database stores it.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct GalatSurvei {
    pub kode_unit: String,
    pub tahun: i32,
    pub galat_baku: Decimal,
    /// Bounded from the IKM and its respondents rather than computed from
    /// the raw answers.
    pub konservatif: bool,
}

impl GalatSurvei {
    /// As the core's [`crate::selang::Galat`].
    pub fn galat(&self) -> Galat {
        let metode = if self.konservatif { Metode::Konservatif } else { Metode::Analitik };
        Galat { baku: self.galat_baku, metode }
    }
}

impl Selang {
    /// Whether `v` lies in the interval.
    pub fn memuat(&self, v: Decimal) -> bool {
        self.bawah <= v && v <= self.atas
    }
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
    let se = galat_konservatif(ikm, responden, populasi)?;
    sekitar(ikm, se, Metode::Konservatif, Some(SKALA_IKM))
}

/// The upper bound of an IKM's standard error from its respondents: the
/// Bhatia–Davis variance bound with the finite-population correction.
fn galat_konservatif(ikm: Ratio, responden: u32, populasi: Option<u64>) -> Result<Decimal> {
    if responden == 0 {
        let (min, max) = (Decimal::ONE, Decimal::from(u32::MAX));
        return Err(Error::OutOfRange { what: "responden", found: Decimal::ZERO, min, max });
    }
    // se² = 25² · spread · fpc / n
    let squared = Ratio::int(625).checked_mul(sebaran(ikm)?)?.checked_mul(fpc(responden, populasi)?)?;
    sqrt_up_4dp(squared.checked_div(Ratio::int(i128::from(responden)))?)
}

/// The Bhatia–Davis bound `(4 − μ)(μ − 1)` of a respondent's variance for
/// an IKM of `ikm` (μ = IKM/25).
fn sebaran(ikm: Ratio) -> Result<Ratio> {
    let ikm_dec = ikm.round_dp(6)?;
    if !(IKM_MIN..=IKM_MAX).contains(&ikm_dec) {
        return Err(Error::OutOfRange { what: "IKM", found: ikm_dec, min: IKM_MIN, max: IKM_MAX });
    }
    // μ on the 1..4 scale, moved toward 2,5 (where the bound is largest)
    // to six decimals: a smaller fraction, and still a bound.
    let mu = ikm.checked_div(Ratio::int(25))?;
    let mu = if mu > Ratio::constant(5, 2) { mu.floor_dp(6)? } else { mu.ceil_dp(6)? };
    let mu = Ratio::from_decimal(mu);
    Ratio::int(4).checked_sub(mu)?.checked_mul(mu.checked_sub(Ratio::ONE)?)
}

/// The finite-population correction `(N − n)/(N − 1)`; one without a
/// population, zero for a census.
fn fpc(responden: u32, populasi: Option<u64>) -> Result<Ratio> {
    let n = i128::from(responden);
    match populasi.map(i128::from) {
        Some(big) if big <= n => Ok(Ratio::ZERO),
        Some(big) => Ratio::new(big - n, big - 1),
        None => Ok(Ratio::ONE),
    }
}

/// The interval `nilai ± 1,96 · se`, kept within `skala` when given, each
/// bound rounded half-up to two decimals.
fn sekitar(nilai: Ratio, se: Decimal, metode: Metode, skala: Option<(Decimal, Decimal)>) -> Result<Selang> {
    // 1,96 · se exactly, as a fraction: the bounds are computed exactly and
    // rounded once.
    let scale = 10_i128.checked_pow(se.scale() + 2).ok_or(Error::Overflow { op: "precision" })?;
    let half = Ratio::new(196 * se.mantissa(), scale)?;
    let (mut lo, mut hi) = (nilai.checked_sub(half)?, nilai.checked_add(half)?);
    if let Some((min, max)) = skala {
        (lo, hi) = (lo.max(Ratio::from_decimal(min)), hi.min(Ratio::from_decimal(max)));
    }
    Ok(Selang { bawah: lo.round2()?, atas: hi.round2()?, galat_baku: se, metode })
}

/// A change between two estimates (`baru − lama`) with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Perubahan {
    /// The change of the printed values, rounded half-up to two decimals.
    pub selisih: Decimal,
    /// Its 95 % interval.
    pub selang: Selang,
    /// Whether the interval leaves out zero: the data can tell the change
    /// from sampling variation.
    pub terbedakan: bool,
}

/// The change from `lama` to `baru`, two independent estimates (two
/// years' surveys), each with its interval: the difference of the values,
/// its standard error `√(se₁² + se₂²)` (rounded up), and the interval
/// ± 1,96 of it. Conservative when either interval is.
///
/// ```
/// use kinerja_core::selang::{ikm_konservatif, perubahan};
/// use kinerja_core::{Decimal, Ratio};
/// let r = |s: &str| Ratio::from_decimal(s.parse().unwrap());
/// let lama = ikm_konservatif(r("75.35"), 97, None).unwrap();
/// let baru = ikm_konservatif(r("76.55"), 97, None).unwrap();
/// let p = perubahan((r("76.55"), &baru), (r("75.35"), &lama)).unwrap();
/// assert_eq!(p.selisih.to_string(), "1.20");
/// assert!(!p.terbedakan);
/// ```
///
/// # Errors
/// Only on arithmetic overflow.
pub fn perubahan(baru: (Ratio, &Selang), lama: (Ratio, &Selang)) -> Result<Perubahan> {
    let se2 = |s: &Selang| {
        let r = Ratio::from_decimal(s.galat_baku);
        r.checked_mul(r)
    };
    let se = sqrt_up_4dp(se2(baru.1)?.checked_add(se2(lama.1)?)?)?;
    let metode = match (baru.1.metode, lama.1.metode) {
        (a, b) if a == b => a,
        (Metode::Konservatif, _) | (_, Metode::Konservatif) => Metode::Konservatif,
        _ => Metode::Analitik,
    };
    let d = baru.0.checked_sub(lama.0)?;
    let selang = sekitar(d, se, metode, None)?;
    let terbedakan = !selang.memuat(Decimal::ZERO);
    let selisih = baru.0.round2()?.checked_sub(lama.0.round2()?).ok_or(Error::Overflow { op: "subtract" })?;
    Ok(Perubahan { selisih, selang, terbedakan })
}

/// The respondents an IKM of about `ikm` needs for its conservative 95 %
/// interval to be at most ± `presisi` (of a population of `populasi`, when
/// known): the smallest `n` with `1,96 · 25 · √(spread · fpc / n) ≤ presisi`
/// — `n₀ = ⌈2401 · spread / presisi²⌉`, and `⌈n₀ · N / (n₀ + N − 1)⌉` of a
/// population `N` (at most `N`: a census is exact).
///
/// ```
/// use kinerja_core::selang::responden_untuk_presisi;
/// use kinerja_core::{Decimal, Ratio};
/// let ikm = Ratio::from_decimal(Decimal::new(7535, 2));
/// // ±1 point needs thousands of respondents, fewer of a known population.
/// assert_eq!(responden_untuk_presisi(ikm, Decimal::ONE, None).unwrap(), 4_768);
/// assert_eq!(responden_untuk_presisi(ikm, Decimal::ONE, Some(30_336)).unwrap(), 4_121);
/// ```
///
/// # Errors
/// [`Error::OutOfRange`] for a precision that is not positive or an IKM
/// outside 25..100.
pub fn responden_untuk_presisi(ikm: Ratio, presisi: Decimal, populasi: Option<u64>) -> Result<u32> {
    if presisi <= Decimal::ZERO {
        return Err(Error::OutOfRange { what: "presisi", found: presisi, min: Decimal::new(1, 2), max: IKM_MAX });
    }
    let p = Ratio::from_decimal(presisi);
    let n0 = Ratio::int(2401).checked_mul(sebaran(ikm)?)?.checked_div(p.checked_mul(p)?)?;
    let n = match populasi.map(i128::from) {
        Some(big) => {
            let n0 = Ratio::from_decimal(n0.ceil_dp(0)?);
            let n = n0.checked_mul(Ratio::int(big))?.checked_div(n0.checked_add(Ratio::int(big - 1))?)?;
            Ratio::from_decimal(n.ceil_dp(0)?).min(Ratio::int(big))
        }
        None => n0,
    };
    let n = n.ceil_dp(0)?.mantissa().max(1);
    u32::try_from(n).map_err(|_| Error::Overflow { op: "precision" })
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
    // Sorted bounds: each count is a binary search, so that the nation's
    // 7,285 kecamatan take n·log n comparisons, not n².
    let mut los: Vec<Decimal> = selang.iter().flatten().map(|s| s.0).collect();
    let mut his: Vec<Decimal> = selang.iter().flatten().map(|s| s.1).collect();
    los.sort_unstable();
    his.sort_unstable();
    let n = los.len();
    selang
        .iter()
        .map(|s| {
            let (lo, hi) = (*s)?;
            let above = n - los.partition_point(|l| *l <= hi);
            let below = his.partition_point(|h| *h < lo);
            let (better, worse) = if tinggi_lebih_baik { (above, below) } else { (below, above) };
            Some((1 + better, n - worse))
        })
        .collect()
}

/// An estimate's 95 % interval and the ranks it allows; both empty for a
/// value that is not an estimate (its rank is exact).
pub type Kepastian = (Option<Selang>, Option<(usize, usize)>);

/// How sure each IKM of a comparison is: the 95 % interval of each IKM
/// with a standard error, and the ranks every IKM allows (higher is
/// better). An IKM without a standard error could lie anywhere on the
/// scale: it gets the widest range and widens the others'. With no
/// standard error at all there is nothing to say, and every entry is
/// empty; an entry without an IKM is left out of the ranking.
///
/// # Errors
/// Only on arithmetic overflow.
pub fn kepastian_ikm(ikm: &[(Option<Decimal>, Option<Galat>)]) -> Result<Vec<Kepastian>> {
    if ikm.iter().all(|(_, g)| g.is_none()) {
        return Ok(vec![(None, None); ikm.len()]);
    }
    let selang = ikm
        .iter()
        .map(|(v, g)| match (v, g) {
            (Some(v), Some(g)) => g.selang_ikm(Ratio::from_decimal(*v)).map(Some),
            _ => Ok(None),
        })
        .collect::<Result<Vec<_>>>()?;
    let bounds: Vec<_> = ikm
        .iter()
        .zip(&selang)
        .map(|((v, _), s)| match s {
            Some(s) => Some((s.bawah, s.atas)),
            None => v.map(|_| SKALA_IKM),
        })
        .collect();
    Ok(selang.into_iter().zip(rentang_peringkat(&bounds, true)).collect())
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
    fn a_change_is_told_apart_only_when_its_interval_leaves_out_zero() {
        let k = |v: &str, n| (ikm(v), ikm_konservatif(ikm(v), n, None).unwrap());
        let ((a, sa), (b, sb)) = (k("75.35", 97), k("76.55", 97));
        let p = perubahan((b, &sb), (a, &sa)).unwrap();
        // se = √(3,5771² + 3,5302²) = 5,0258 (rounded up); 1,20 ± 9,8506.
        assert_eq!(
            (p.selisih.to_string(), p.selang.bawah.to_string(), p.selang.atas.to_string()),
            ("1.20".into(), "-8.65".into(), "11.05".into())
        );
        assert!(!p.terbedakan);
        assert_eq!(p.selang.metode, Metode::Konservatif);
        // Large samples tell the same change apart; a fall is negative.
        let ((a, sa), (b, sb)) = (k("75.35", 20_000), k("76.55", 20_000));
        let p = perubahan((a, &sa), (b, &sb)).unwrap();
        assert_eq!(p.selisih.to_string(), "-1.20");
        assert!(p.terbedakan && p.selang.atas < Decimal::ZERO);
        // The printed change is the change of the printed values.
        let p = perubahan((ikm("75.355"), &sa), (ikm("75.344"), &sb)).unwrap();
        assert_eq!(p.selisih.to_string(), "0.02");
    }

    #[test]
    fn the_respondents_for_a_precision_are_the_fewest_that_reach_it() {
        let v = ikm("75.35");
        // The unrounded conservative half-width² = 2401 · spread · fpc / n.
        let half2 = |n: u32, populasi: Option<u64>| {
            let f = fpc(n, populasi).unwrap();
            Ratio::int(2401)
                .checked_mul(sebaran(v).unwrap())
                .unwrap()
                .checked_mul(f)
                .unwrap()
                .checked_div(Ratio::int(i128::from(n)))
                .unwrap()
        };
        for (presisi, populasi) in [("1", None), ("2", None), ("0.5", Some(30_336)), ("3", Some(100)), ("1", Some(40))]
        {
            let p = ikm(presisi);
            let n = responden_untuk_presisi(v, presisi.parse().unwrap(), populasi).unwrap();
            let p2 = p.checked_mul(p).unwrap();
            assert!(half2(n, populasi) <= p2, "{presisi} {populasi:?}: {n} is not enough");
            assert!(n == 1 || half2(n - 1, populasi) > p2, "{presisi} {populasi:?}: {} would do", n - 1);
        }
        assert!(responden_untuk_presisi(v, Decimal::ZERO, None).is_err());
    }

    #[test]
    fn raw_answers_are_preferred_to_the_bound_and_nothing_known_gives_nothing() {
        use crate::skm::{Bobot, Skema, Skor};
        let skema = Skema::PermenPanRb14_2017;
        let answers = (0..4_i64).flat_map(|i| {
            let s = Skor::try_from(u8::try_from(2 + i % 3).unwrap()).unwrap();
            skema.unsur().iter().map(move |u| (i, u.id, s))
        });
        let j = jawaban::Jawaban::from_answers(skema, answers).unwrap();
        let v = j.ikm(Bobot::Tepat).unwrap().nilai;
        let from_answers = galat_ikm(v, Some((&j, Bobot::Tepat)), Some(4), None).unwrap().unwrap();
        assert_eq!(from_answers.metode, Metode::Analitik);
        let bound = galat_ikm(v, None, Some(4), None).unwrap().unwrap();
        assert_eq!(bound.metode, Metode::Konservatif);
        assert!(bound.baku >= from_answers.baku);
        assert_eq!(galat_ikm(v, None, None, None).unwrap(), None);
        assert_eq!(galat_ikm(v, None, Some(0), None).unwrap(), None);
    }

    proptest::proptest! {
        /// The sorted counting gives the definition's ranks.
        #[test]
        fn rank_ranges_follow_their_definition(
            v in proptest::collection::vec(proptest::option::of((0_i64..50, 0_i64..20)), 0..30),
            tinggi in proptest::bool::ANY,
        ) {
            let selang: Vec<_> = v.iter().map(|o| o.map(|(a, w)| (Decimal::from(a), Decimal::from(a + w)))).collect();
            let ada: Vec<(Decimal, Decimal)> = selang.iter().flatten().copied().collect();
            let naive: Vec<_> = selang
                .iter()
                .map(|s| {
                    let (lo, hi) = (*s)?;
                    let above = ada.iter().filter(|(l, _)| *l > hi).count();
                    let below = ada.iter().filter(|(_, h)| *h < lo).count();
                    let (better, worse) = if tinggi { (above, below) } else { (below, above) };
                    Some((1 + better, ada.len() - worse))
                })
                .collect();
            proptest::prop_assert_eq!(rentang_peringkat(&selang, tinggi), naive);
        }
    }

    #[test]
    fn ikm_without_a_standard_error_could_rank_anywhere() {
        let g = |se: i64| Some(Galat { baku: Decimal::new(se, 2), metode: Metode::Analitik });
        let d = |v: i64| Some(Decimal::from(v));
        let k = kepastian_ikm(&[(d(90), g(100)), (d(80), g(100)), (d(70), None), (None, None)]).unwrap();
        let ranks: Vec<_> = k.iter().map(|(_, r)| *r).collect();
        assert_eq!(ranks, vec![Some((1, 2)), Some((2, 3)), Some((1, 3)), None]);
        assert_eq!(k[0].0.map(|s| (s.bawah, s.atas)), Some((Decimal::new(8804, 2), Decimal::new(9196, 2))));
        assert!(k[2].0.is_none(), "no interval is made up");
        let none = kepastian_ikm(&[(d(90), None), (d(80), None)]).unwrap();
        assert_eq!(none, vec![(None, None), (None, None)]);
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

//! The interval of an IKM from its raw answers (`skm_jawaban`).
//!
//! The IKM is `c · Σᵤ Sᵤ/Cᵤ`: for each unsur the sum of its answers over
//! their count (a skipped answer counts in neither), weighted and scaled
//! by the constant `c` of the scheme and weight ([`crate::skm`]). Two
//! intervals of that very statistic, both resampling *respondents* (a
//! respondent's nine answers stay together, so unsur that a respondent
//! answers alike widen the interval as they should):
//!
//! - [`Jawaban::selang`], **analytic**: the linearised (delta-method)
//!   variance of the ratio estimator, `n/(n − 1) · Σᵢ zᵢ²` with
//!   `zᵢ = c · Σᵤ (sᵢᵤ − NRRᵤ·cᵢᵤ)/Cᵤ` (`cᵢᵤ` = 1 when respondent `i`
//!   answered unsur `u`), times the finite-population correction when the
//!   population is known. Without skips it is exactly `s²/n` of the
//!   respondents' own IKM. Cheap (one pass), so it is the interval shown.
//! - [`Jawaban::bootstrap`], **percentile bootstrap**: `ulangan` resamples
//!   of the respondents with replacement, the IKM of each computed as
//!   above, the 2,5 % and 97,5 % percentiles (linear interpolation, as
//!   `numpy.percentile`). It validates the analytic one (a test shows they
//!   agree; `scripts/validate-selang` checks it against
//!   `scipy.stats.bootstrap`). A resample in which some unsur has no
//!   answer has no IKM and is drawn again.
//!
//! Deterministic and free of floating point: resampled IKMs are fixed-point
//! integers (10⁻¹⁰) drawn by [`crate::acak::SplitMix64`].

use rust_decimal::Decimal;

use super::{Galat, Metode, SKALA_IKM, Selang, fpc, sekitar, sqrt_up_4dp};
use crate::acak::SplitMix64;
use crate::exact::Ratio;
use crate::skm::{Bobot, Ikm, Skema, Skor, Tally, ikm_from_total};
use crate::{Error, Result};
use kinerja_pesan::msg;

/// Fixed-point scale of a resampled IKM.
const SKALA_TETAP: i128 = 10_000_000_000;
/// Fixed-point scale of a respondent's linearised contribution `ẑᵢ`.
pub const SKALA_Z: i128 = 1_000_000_000_000;

/// The analytic standard error of an IKM from `jumlah_kuadrat`
/// ([`Jawaban::jumlah_kuadrat`]) over `responden` respondents (those who
/// answered at least one unsur), with the finite-population correction
/// when `populasi` is known: `c · √(n/(n − 1) · Σẑᵢ²/10²⁴ · fpc)`, the sum
/// taken up to 10⁻¹⁶, rounded up at four decimals.
///
/// # Errors
/// Fewer than two respondents, a negative sum, or an unknown weight.
pub fn galat_dari_jumlah(
    skema: Skema,
    bobot: Bobot,
    jumlah_kuadrat: i128,
    responden: u32,
    populasi: Option<u64>,
) -> Result<Galat> {
    if responden < 2 {
        return Err(dua_responden(responden));
    }
    if jumlah_kuadrat < 0 {
        return Err(Error::Overflow { op: "precision" });
    }
    let c = ikm_from_total(skema, bobot, Ratio::ONE)?.nilai;
    let sum_sq = Ratio::new((jumlah_kuadrat + 99_999_999) / 100_000_000, 10_000_000_000_000_000)?;
    let nn = i128::from(responden);
    let var = c
        .checked_mul(c)?
        .checked_mul(sum_sq)?
        .checked_mul(Ratio::new(nn, nn - 1)?)?
        .checked_mul(fpc(responden, populasi)?)?;
    Ok(Galat { baku: sqrt_up_4dp(var)?, metode: Metode::Analitik })
}

/// The raw answers of one survey: a row of the scheme's unsur per
/// respondent, `0` where the answer was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jawaban {
    skema: Skema,
    skor: Vec<u8>,
}

impl Jawaban {
    /// Groups `(responden, unsur_id, skor)` answers by respondent. A
    /// respondent who answered nothing is not one.
    ///
    /// # Errors
    /// An unsur outside the scheme, or a second answer of a respondent to
    /// the same unsur.
    pub fn from_answers<'a, I>(skema: Skema, answers: I) -> Result<Jawaban>
    where
        I: IntoIterator<Item = (i64, &'a str, Skor)>,
    {
        let k = skema.unsur().len();
        let mut rows: std::collections::BTreeMap<i64, Vec<u8>> = std::collections::BTreeMap::new();
        for (responden, unsur, s) in answers {
            let u = skema.position(unsur)?;
            let row = rows.entry(responden).or_insert_with(|| vec![0; k]);
            if row[u] != 0 {
                return Err(Error::Invalid {
                    what: msg::core_what_skm(),
                    expected: msg::core_expected_one_answer_each(),
                    found: msg::core_found_answer_again(responden, unsur).into(),
                });
            }
            row[u] = s.get();
        }
        Ok(Jawaban { skema, skor: rows.into_values().flatten().collect() })
    }

    fn k(&self) -> usize {
        self.skema.unsur().len()
    }

    fn rows(&self) -> std::slice::ChunksExact<'_, u8> {
        self.skor.chunks_exact(self.k())
    }

    /// The number of respondents.
    pub fn responden(&self) -> u32 {
        u32::try_from(self.skor.len() / self.k()).unwrap_or(u32::MAX)
    }

    /// The per-unsur sums and counts.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::new(self.skema);
        for (u, unsur) in self.skema.unsur().iter().enumerate() {
            let (sum, count) = self.rows().filter(|r| r[u] > 0).fold((0, 0), |(s, c), r| (s + u64::from(r[u]), c + 1));
            if count > 0 {
                // Sums of valid scores are always a valid aggregate.
                let _ = t.add_aggregate(unsur.id, sum, count);
            }
        }
        t
    }

    /// The IKM of the answers, exactly as [`Tally::ikm`] computes it.
    ///
    /// # Errors
    /// An unsur nobody answered.
    pub fn ikm(&self, bobot: Bobot) -> Result<Ikm> {
        self.tally().ikm(bobot)
    }

    /// The IKM's constant `c` (IKM = c · Σ NRR), checking that every unsur
    /// has an answer.
    fn faktor(&self, bobot: Bobot) -> Result<Ratio> {
        self.ikm(bobot)?;
        Ok(ikm_from_total(self.skema, bobot, Ratio::ONE)?.nilai)
    }

    /// The analytic 95 % interval of the IKM (linearised variance, with
    /// the finite-population correction when `populasi` is known).
    ///
    /// # Errors
    /// Fewer than two respondents, or an unsur nobody answered.
    pub fn selang(&self, bobot: Bobot, populasi: Option<u64>) -> Result<Selang> {
        self.galat(bobot, populasi)?.selang_ikm(self.ikm(bobot)?.nilai)
    }

    /// The IKM's analytic standard error ([`Jawaban::selang`]).
    ///
    /// # Errors
    /// Fewer than two respondents, or an unsur nobody answered.
    pub fn galat(&self, bobot: Bobot, populasi: Option<u64>) -> Result<Galat> {
        self.faktor(bobot)?;
        galat_dari_jumlah(self.skema, bobot, self.jumlah_kuadrat(), self.responden(), populasi)
    }

    /// `Σᵢ ẑᵢ²`, with each respondent's `ẑᵢ = Σᵤ trunc((sᵢᵤ·Cᵤ − Sᵤ) · 10¹² / Cᵤ²)`
    /// over the unsur they answered (truncated toward zero): what
    /// [`galat_dari_jumlah`] takes. A database can compute the same integer
    /// from its answers without reading them out one by one.
    pub fn jumlah_kuadrat(&self) -> i128 {
        let tally = self.tally();
        let sc: Vec<(i128, i128)> = self
            .skema
            .unsur()
            .iter()
            .map(|u| tally.get(u.id).map_or((0, 0), |(s, n)| (i128::from(s), i128::from(n))))
            .collect();
        self.rows()
            .map(|r| {
                let z: i128 = r
                    .iter()
                    .zip(&sc)
                    .filter(|(s, _)| **s > 0)
                    .map(|(s, (sum, count))| (i128::from(*s) * count - sum) * SKALA_Z / (count * count))
                    .sum();
                z * z
            })
            .sum()
    }

    /// The percentile-bootstrap 95 % interval of the IKM from `ulangan`
    /// resamples drawn from `benih`; its standard error is the resampled
    /// IKMs' standard deviation. The same answers, resamples and seed give
    /// the same interval.
    ///
    /// # Errors
    /// Fewer than two respondents or resamples, an unsur nobody answered,
    /// or answers so sparse that most resamples miss an unsur.
    pub fn bootstrap(&self, bobot: Bobot, ulangan: u32, benih: u64) -> Result<Selang> {
        let n = self.responden();
        if n < 2 || ulangan < 2 {
            return Err(dua_responden(n.min(ulangan)));
        }
        let c = self.faktor(bobot)?;
        let mut acak = SplitMix64(benih);
        let mut nilai = Vec::with_capacity(usize::try_from(ulangan).unwrap_or(0));
        let mut gagal = 0_u32;
        while nilai.len() < nilai.capacity() {
            match self.resample(&mut acak, c)? {
                Some(v) => nilai.push(v),
                None if gagal < ulangan => gagal += 1,
                None => return Err(dua_responden(0)),
            }
        }
        nilai.sort_unstable();
        let se = simpangan_baku(&nilai)?;
        let (lo, hi) = (persentil(&nilai, 25)?, persentil(&nilai, 975)?);
        let bound = |v: Ratio| -> Result<Decimal> {
            let d = v.round_dp(10)?.clamp(SKALA_IKM.0, SKALA_IKM.1);
            crate::exact::round2(d)
        };
        let centre = sekitar(self.ikm(bobot)?.nilai, se, Metode::Bootstrap { ulangan }, Some(SKALA_IKM))?;
        Ok(Selang { bawah: bound(lo)?, atas: bound(hi)?, ..centre })
    }

    /// One resample's IKM in fixed point, none if it misses an unsur.
    fn resample(&self, acak: &mut SplitMix64, c: Ratio) -> Result<Option<i128>> {
        let (k, n) = (self.k(), self.skor.len() / self.k());
        let (mut sums, mut counts) = (vec![0_i128; k], vec![0_i128; k]);
        for _ in 0..n {
            let i = acak.below(n);
            for (u, s) in self.skor[i * k..(i + 1) * k].iter().enumerate() {
                if *s > 0 {
                    sums[u] += i128::from(*s);
                    counts[u] += 1;
                }
            }
        }
        if counts.contains(&0) {
            return Ok(None);
        }
        let total: i128 = sums.iter().zip(&counts).map(|(s, n)| s * SKALA_TETAP / n).sum();
        let v = total.checked_mul(c.numer()).ok_or(Error::Overflow { op: "precision" })? / c.denom();
        Ok(Some(v))
    }
}

fn dua_responden(found: u32) -> Error {
    Error::OutOfRange {
        what: "responden",
        found: Decimal::from(found),
        min: Decimal::TWO,
        max: Decimal::from(u32::MAX),
    }
}

/// The `per_mille`-th percentile of sorted fixed-point values, linearly
/// interpolated between ranks (`numpy.percentile`'s default).
fn persentil(sorted: &[i128], per_mille: i128) -> Result<Ratio> {
    let last = i128::try_from(sorted.len()).map_err(|_| Error::Overflow { op: "precision" })? - 1;
    let (pos_num, den) = (per_mille * last, 1000);
    let i = usize::try_from(pos_num / den).map_err(|_| Error::Overflow { op: "precision" })?;
    let frac = pos_num % den;
    let (a, b) = (sorted[i], sorted[(i + 1).min(sorted.len() - 1)]);
    Ratio::new(a * den + (b - a) * frac, den * SKALA_TETAP)
}

/// The sample standard deviation of fixed-point values, rounded up at four
/// decimals.
fn simpangan_baku(v: &[i128]) -> Result<Decimal> {
    let n = i128::try_from(v.len()).map_err(|_| Error::Overflow { op: "precision" })?;
    // Σ(x − x̄)² · n = n·Σx² − (Σx)², in units of 10⁻²⁰; centred first so
    // the squares stay small.
    let first = v[0];
    let (s1, s2) = v.iter().fold((0_i128, 0_i128), |(a, b), x| (a + (x - first), b + (x - first) * (x - first)));
    let ss = Ratio::new(n * s2 - s1 * s1, n)?;
    let var = ss.checked_div(Ratio::int(n - 1))?.checked_div(Ratio::int(SKALA_TETAP * SKALA_TETAP))?;
    sqrt_up_4dp(var)
}

#[cfg(test)]
mod tests;

//! Exact rational arithmetic and the one presentation-rounding helper.
//!
//! Every figure Kinerja computes is a quotient of exact decimals: capaian is
//! `R × 100 / T`, penyerapan is `realisasi × 100 / anggaran`, IKM is
//! `Σ (jumlah_i / n_i) × w × 25`. A 28-digit [`Decimal`] cannot hold `1/3` or
//! `1/9`, and a sum of such approximations can land on the wrong side of a
//! rounding tie — exactly where predikat and mutu bands are decided. So the
//! core keeps every intermediate value as an exact fraction ([`Ratio`]) and
//! rounds once, for presentation, through [`Ratio::round_dp`] (and its
//! shorthand [`Ratio::round2`]).
//!
//! **Rounding rule.** Half-up, i.e. a tie goes away from zero (as spreadsheet
//! `ROUND` does and as reviewers check by hand): `88.645 → 88.65`,
//! `-10.295 → -10.30`.
//!
//! **Limits.** Numerator and denominator are `i128`, reduced after every
//! operation. An operation whose exact result does not fit returns
//! [`Error::Overflow`] instead of an approximation. Realistic SAKIP inputs
//! (Rupiah up to 10^15, scores with four decimals, survey counts in the
//! millions) stay many orders of magnitude below the limit.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;

use crate::{Error, Result};

/// An exact rational number `num / den`, always reduced, `den > 0`.
///
/// ```
/// use kinerja_core::exact::Ratio;
/// use rust_decimal::Decimal;
///
/// let third = Ratio::new(1, 3)?;
/// let sixth = Ratio::new(1, 6)?;
/// assert_eq!(third.checked_add(sixth)?, Ratio::new(1, 2)?);
/// assert_eq!(Ratio::new(88_645, 1000)?.round2()?, Decimal::new(8865, 2));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i128,
    den: i128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn overflow(op: &'static str) -> Error {
    Error::Overflow { op }
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };
    /// One.
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };
    /// One hundred (percentages).
    pub const HUNDRED: Ratio = Ratio { num: 100, den: 1 };

    /// The integer `n`.
    pub const fn int(n: i128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// A constant fraction, checked when the program is compiled: used in a
    /// `const` item, a zero or negative denominator or an unreduced
    /// fraction is a compile error, so no run-time path can fail.
    ///
    /// ```
    /// use kinerja_core::Ratio;
    /// const NINTH: Ratio = Ratio::constant(1, 9);
    /// assert_eq!(NINTH, Ratio::new(1, 9)?);
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub const fn constant(num: i128, den: i128) -> Ratio {
        assert!(den > 0, "a constant fraction needs a positive denominator");
        let (mut a, mut b) = (num.unsigned_abs(), den.unsigned_abs());
        while b != 0 {
            let r = a % b;
            a = b;
            b = r;
        }
        assert!(a == 1, "a constant fraction must be reduced");
        Ratio { num, den }
    }

    /// `num / den`, reduced. Fails on a zero denominator.
    pub fn new(num: i128, den: i128) -> Result<Ratio> {
        if den == 0 {
            return Err(Error::DivisionByZero);
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        // g divides both, so both quotients fit; g >= 1 because den != 0.
        let g = i128::try_from(g).map_err(|_| overflow("reduce"))?;
        let (mut num, mut den) = (num / g, den / g);
        if den < 0 {
            num = num.checked_neg().ok_or_else(|| overflow("negate"))?;
            den = den.checked_neg().ok_or_else(|| overflow("negate"))?;
        }
        Ok(Ratio { num, den })
    }

    /// The exact value of a decimal. Infallible: a decimal's mantissa has
    /// 96 bits and its scale is at most 28, so `mantissa / 10^scale` fits,
    /// and reducing by the common factors of 2 and 5 cannot overflow.
    pub fn from_decimal(d: Decimal) -> Ratio {
        let (mut num, mut den) = (d.mantissa(), 10i128.pow(d.scale()));
        for p in [2, 5] {
            while den % p == 0 && num % p == 0 {
                num /= p;
                den /= p;
            }
        }
        Ratio { num, den }
    }

    /// Numerator (reduced, carries the sign).
    pub fn numer(self) -> i128 {
        self.num
    }

    /// Denominator (reduced, positive).
    pub fn denom(self) -> i128 {
        self.den
    }

    /// True when the value is zero.
    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// `-1`, `0` or `1`.
    pub fn signum(self) -> i128 {
        self.num.signum()
    }

    /// Exact sum.
    pub fn checked_add(self, o: Ratio) -> Result<Ratio> {
        let g = i128::try_from(gcd(self.den.unsigned_abs(), o.den.unsigned_abs())).map_err(|_| overflow("add"))?;
        let (da, db) = (self.den / g, o.den / g);
        let a = self.num.checked_mul(db).ok_or_else(|| overflow("add"))?;
        let b = o.num.checked_mul(da).ok_or_else(|| overflow("add"))?;
        let num = a.checked_add(b).ok_or_else(|| overflow("add"))?;
        let den = da.checked_mul(o.den).ok_or_else(|| overflow("add"))?;
        Ratio::new(num, den)
    }

    /// Exact difference.
    pub fn checked_sub(self, o: Ratio) -> Result<Ratio> {
        self.checked_add(o.checked_neg()?)
    }

    /// Exact negation.
    pub fn checked_neg(self) -> Result<Ratio> {
        Ok(Ratio { num: self.num.checked_neg().ok_or_else(|| overflow("negate"))?, den: self.den })
    }

    /// Exact product.
    pub fn checked_mul(self, o: Ratio) -> Result<Ratio> {
        let g1 = i128::try_from(gcd(self.num.unsigned_abs(), o.den.unsigned_abs()))
            .map_err(|_| overflow("multiply"))?
            .max(1);
        let g2 = i128::try_from(gcd(o.num.unsigned_abs(), self.den.unsigned_abs()))
            .map_err(|_| overflow("multiply"))?
            .max(1);
        let num = (self.num / g1).checked_mul(o.num / g2).ok_or_else(|| overflow("multiply"))?;
        let den = (self.den / g2).checked_mul(o.den / g1).ok_or_else(|| overflow("multiply"))?;
        Ratio::new(num, den)
    }

    /// Exact quotient; [`Error::DivisionByZero`] when `o` is zero.
    pub fn checked_div(self, o: Ratio) -> Result<Ratio> {
        if o.num == 0 {
            return Err(Error::DivisionByZero);
        }
        self.checked_mul(Ratio { num: o.den, den: o.num }.normalised()?)
    }

    fn normalised(self) -> Result<Ratio> {
        Ratio::new(self.num, self.den)
    }

    /// Rounds to `dp` decimal places, half away from zero (the "half-up" of
    /// Indonesian reports and spreadsheets). Exact: the digits are produced
    /// by long division, so no tie is ever misjudged.
    pub fn round_dp(self, dp: u32) -> Result<Decimal> {
        let neg = self.num < 0;
        let n = self.num.unsigned_abs();
        let d = self.den.unsigned_abs();
        let mut scaled = n / d;
        let mut r = n % d;
        for _ in 0..dp {
            r = r.checked_mul(10).ok_or_else(|| overflow("round"))?;
            scaled = scaled.checked_mul(10).and_then(|s| s.checked_add(r / d)).ok_or_else(|| overflow("round"))?;
            r %= d;
        }
        // Tie or above goes up (away from zero): r / d >= 1/2  <=>  r >= d - r.
        if r >= d - r {
            scaled = scaled.checked_add(1).ok_or_else(|| overflow("round"))?;
        }
        let signed = i128::try_from(scaled).map_err(|_| overflow("round"))?;
        let signed = if neg { -signed } else { signed };
        Decimal::try_from_i128_with_scale(signed, dp).map_err(|_| overflow("round"))
    }

    /// The presentation value: rounded half-up to two decimals. This is the
    /// one rounding helper every report, view and page goes through.
    pub fn round2(self) -> Result<Decimal> {
        self.round_dp(2)
    }

    /// The value rounded half-up to whole hundredths, as an integer
    /// (`88.645 → 8865`). Bands compare against this.
    pub fn hundredths(self) -> Result<i128> {
        Ok(self.round2()?.mantissa())
    }

    /// Smallest multiple of `10^-dp` that is `>= self`.
    pub fn ceil_dp(self, dp: u32) -> Result<Decimal> {
        self.directed_dp(dp, true)
    }

    /// Largest multiple of `10^-dp` that is `<= self`.
    pub fn floor_dp(self, dp: u32) -> Result<Decimal> {
        self.directed_dp(dp, false)
    }

    fn directed_dp(self, dp: u32, up: bool) -> Result<Decimal> {
        let scale = 10i128.checked_pow(dp).ok_or_else(|| overflow("round"))?;
        let n = self.num.checked_mul(scale).ok_or_else(|| overflow("round"))?;
        let q = if up {
            // ceil(n / den) for den > 0
            -((-n).div_euclid(self.den))
        } else {
            n.div_euclid(self.den)
        };
        Decimal::try_from_i128_with_scale(q, dp).map_err(|_| overflow("round"))
    }

    /// A decimal approximation with up to 28 significant digits, for showing
    /// the unrounded value; exact whenever the fraction terminates within
    /// that precision.
    pub fn to_decimal(self) -> Result<Decimal> {
        match (Decimal::try_from_i128_with_scale(self.num, 0), Decimal::try_from_i128_with_scale(self.den, 0)) {
            (Ok(n), Ok(d)) => n.checked_div(d).ok_or_else(|| overflow("divide")),
            _ => self.round_dp(12),
        }
    }
}

impl From<Decimal> for Ratio {
    fn from(d: Decimal) -> Ratio {
        Ratio::from_decimal(d)
    }
}

impl From<i64> for Ratio {
    fn from(n: i64) -> Ratio {
        Ratio::int(i128::from(n))
    }
}

/// Exact comparison of `a/b` and `c/d` (`b, d > 0`) without overflow, by
/// comparing continued-fraction expansions.
fn cmp_frac(a: i128, b: i128, c: i128, d: i128) -> Ordering {
    let (qa, ra) = (a.div_euclid(b), a.rem_euclid(b));
    let (qc, rc) = (c.div_euclid(d), c.rem_euclid(d));
    match qa.cmp(&qc) {
        Ordering::Equal => {}
        other => return other,
    }
    match (ra == 0, rc == 0) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        // ra/b < rc/d  <=>  d/rc < b/ra
        (false, false) => cmp_frac(d, rc, b, ra),
    }
}

impl Ord for Ratio {
    fn cmp(&self, o: &Ratio) -> Ordering {
        cmp_frac(self.num, self.den, o.num, o.den)
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Debug for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_decimal() {
            Ok(d) => write!(f, "{}", d.normalize()),
            Err(_) => write!(f, "{}/{}", self.num, self.den),
        }
    }
}

/// Exact sum of decimals (money totals): never rounds, fails on overflow.
///
/// ```
/// use kinerja_core::exact::sum_decimals;
/// use rust_decimal::Decimal;
/// let total = sum_decimals([Decimal::new(2_158_169_574, 0), Decimal::new(777_610_456, 0)])?;
/// assert_eq!(total, Decimal::new(2_935_780_030, 0));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn sum_decimals<I: IntoIterator<Item = Decimal>>(items: I) -> Result<Decimal> {
    items.into_iter().try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x).ok_or_else(|| overflow("sum")))
}

/// Rounds a decimal half-up to two places through the same routine as
/// [`Ratio::round2`].
pub fn round2(d: Decimal) -> Result<Decimal> {
    Ratio::from_decimal(d).round2()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// One helper for the module: exact value in, rounded text out.
    fn check(num: i128, den: i128, dp: u32, expect: &str) {
        let got = Ratio::new(num, den).unwrap().round_dp(dp).unwrap();
        assert_eq!(got.to_string(), expect, "{num}/{den} at {dp} dp");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        check(88_645, 1000, 2, "88.65");
        check(88_644_999, 1_000_000, 2, "88.64");
        check(-10_295, 1000, 2, "-10.30");
        check(-10_294, 1000, 2, "-10.29");
        check(1, 3, 2, "0.33");
        check(2, 3, 2, "0.67");
        check(7535, 85, 2, "88.65"); // 75.35 / 85 × 100
        check(1, 8, 2, "0.13");
        check(5, 1, 0, "5");
        check(5, 10, 0, "1");
        check(-5, 10, 0, "-1");
    }

    #[test]
    fn sums_of_repeating_fractions_are_exact() {
        let third = Ratio::new(1, 3).unwrap();
        let sixth = Ratio::new(1, 6).unwrap();
        let half = third.checked_add(sixth).unwrap();
        assert_eq!(half, Ratio::new(1, 2).unwrap());
        // A tie reached through non-terminating terms still rounds up.
        let tie = Ratio::new(76_605, 1000).unwrap();
        let parts = Ratio::new(76_605 * 3 - 1, 3000).unwrap().checked_add(Ratio::new(1, 3000).unwrap()).unwrap();
        assert_eq!(parts, tie);
        assert_eq!(parts.round2().unwrap(), d("76.61"));
    }

    #[test]
    fn comparison_is_exact() {
        let a = Ratio::new(i128::MAX / 3, i128::MAX / 2).unwrap();
        let b = Ratio::new(2, 3).unwrap();
        assert_eq!(a, b); // (2^127-2)/3 over 2^126-1 reduces to exactly 2/3
        let c = Ratio::new(i128::MAX - 1, i128::MAX).unwrap();
        assert!(c < Ratio::ONE && c > Ratio::new(i128::MAX - 2, i128::MAX - 1).unwrap());
        assert!(Ratio::new(1, 3).unwrap() < Ratio::new(334, 1000).unwrap());
        assert!(Ratio::new(-1, 3).unwrap() > Ratio::new(-334, 1000).unwrap());
        assert_eq!(Ratio::new(2, 4).unwrap().cmp(&Ratio::new(1, 2).unwrap()), Ordering::Equal);
    }

    #[test]
    fn decimals_convert_exactly() {
        let r = Ratio::from_decimal(d("2960780030.00"));
        assert_eq!(r, Ratio::int(2_960_780_030));
        assert_eq!(Ratio::from_decimal(d("-0.125")), Ratio::new(-1, 8).unwrap());
        assert_eq!(Ratio::new(1, 8).unwrap().to_decimal().unwrap(), d("0.125"));
    }

    #[test]
    fn directed_rounding() {
        let r = Ratio::new(7735, 100).unwrap(); // 77.35
        assert_eq!(r.ceil_dp(1).unwrap(), d("77.4"));
        assert_eq!(r.floor_dp(1).unwrap(), d("77.3"));
        let n = Ratio::new(-7735, 100).unwrap();
        assert_eq!(n.ceil_dp(1).unwrap(), d("-77.3"));
        assert_eq!(n.floor_dp(1).unwrap(), d("-77.4"));
        assert_eq!(Ratio::int(5).ceil_dp(2).unwrap(), d("5.00"));
    }

    #[test]
    fn overflow_is_an_error_not_a_wrong_answer() {
        let big = Ratio::int(i128::MAX / 2);
        assert!(matches!(big.checked_mul(Ratio::int(4)), Err(Error::Overflow { .. })));
        assert!(matches!(Ratio::ONE.checked_div(Ratio::ZERO), Err(Error::DivisionByZero)));
    }
}

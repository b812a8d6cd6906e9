//! Interval arithmetic over printed precision, with exact bounds, and the
//! granularity of means of whole numbers (the GRIM test).
//!
//! A printed figure stands for every value that rounds (half-up) to it:
//! `66,7` for `[66,65; 66,75)`. The audit works with the closed interval
//! `[66,65; 66,75]`, which only ever widens what is deemed consistent, so
//! it can miss an error at the very edge but never raise a false alarm.
//! Every operation here gives the exact range of its result when each
//! input appears once in the formula; the relations are written so that
//! they do.

use kinerja_core::{Error, Ratio, Result};

use crate::angka::Cetak;

/// A closed interval `[lo, hi]` of exact values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rentang {
    /// Lower bound.
    pub lo: Ratio,
    /// Upper bound.
    pub hi: Ratio,
}

/// Half a unit of the last printed decimal: `0,005` for two decimals.
fn setengah(dp: u32) -> Result<Ratio> {
    let den = 10i128.checked_pow(dp).ok_or(Error::Overflow { op: "precision" })?;
    Ratio::new(1, 2 * den)
}

impl Rentang {
    /// One exact value.
    pub fn titik(v: Ratio) -> Rentang {
        Rentang { lo: v, hi: v }
    }

    /// The values a printed figure stands for; `None` when it prints no
    /// number.
    pub fn dari(c: &Cetak) -> Result<Option<Rentang>> {
        let Some(v) = c.ratio() else { return Ok(None) };
        if c.eksak {
            return Ok(Some(Rentang::titik(v)));
        }
        let h = setengah(c.dp())?;
        Ok(Some(Rentang { lo: v.checked_sub(h)?, hi: v.checked_add(h)? }))
    }

    /// `self + o`.
    pub fn checked_add(self, o: Rentang) -> Result<Rentang> {
        Ok(Rentang { lo: self.lo.checked_add(o.lo)?, hi: self.hi.checked_add(o.hi)? })
    }

    /// `self − o`.
    pub fn checked_sub(self, o: Rentang) -> Result<Rentang> {
        Ok(Rentang { lo: self.lo.checked_sub(o.hi)?, hi: self.hi.checked_sub(o.lo)? })
    }

    /// `self × o`.
    pub fn checked_mul(self, o: Rentang) -> Result<Rentang> {
        let c = [
            self.lo.checked_mul(o.lo)?,
            self.lo.checked_mul(o.hi)?,
            self.hi.checked_mul(o.lo)?,
            self.hi.checked_mul(o.hi)?,
        ];
        Ok(Rentang {
            lo: c.iter().copied().min().unwrap_or(Ratio::ZERO),
            hi: c.iter().copied().max().unwrap_or(Ratio::ZERO),
        })
    }

    /// `self / o`; `None` when `o` can be zero (then any result is
    /// possible and nothing can be concluded).
    pub fn checked_div(self, o: Rentang) -> Result<Option<Rentang>> {
        if o.lo <= Ratio::ZERO && o.hi >= Ratio::ZERO {
            return Ok(None);
        }
        let inv = Rentang { lo: Ratio::ONE.checked_div(o.hi)?, hi: Ratio::ONE.checked_div(o.lo)? };
        self.checked_mul(inv).map(Some)
    }

    /// `|self|`.
    pub fn abs(self) -> Result<Rentang> {
        if self.lo >= Ratio::ZERO {
            return Ok(self);
        }
        if self.hi <= Ratio::ZERO {
            return Ok(Rentang { lo: self.hi.checked_neg()?, hi: self.lo.checked_neg()? });
        }
        Ok(Rentang { lo: Ratio::ZERO, hi: self.hi.max(self.lo.checked_neg()?) })
    }

    /// Σ of intervals.
    pub fn sum<I: IntoIterator<Item = Rentang>>(items: I) -> Result<Rentang> {
        items.into_iter().try_fold(Rentang::titik(Ratio::ZERO), |a, b| a.checked_add(b))
    }

    /// Whether the two intervals share a value.
    pub fn bertemu(self, o: Rentang) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }
}

/// Rounds half away from zero to `dp` decimals, exactly.
pub fn bulat(v: Ratio, dp: u32) -> Result<Ratio> {
    Ok(Ratio::from_decimal(v.round_dp(dp)?))
}

/// Whether some value of `r` would be printed as `c`: rounding is
/// monotone, so the printings of `r` are every step from the printing of
/// its lower bound to that of its upper bound. An exact figure must lie in
/// `r` itself.
pub fn cocok(r: Rentang, c: &Cetak) -> Result<bool> {
    let Some(v) = c.ratio() else { return Ok(true) };
    if c.eksak {
        return Ok(r.lo <= v && v <= r.hi);
    }
    Ok(bulat(r.lo, c.dp())? <= v && v <= bulat(r.hi, c.dp())?)
}

/// The printings at `dp` decimals that values of `r` can have: `(lowest,
/// highest)`.
pub fn cetakan(r: Rentang, dp: u32) -> Result<(Ratio, Ratio)> {
    Ok((bulat(r.lo, dp)?, bulat(r.hi, dp)?))
}

/// The means `k / n` of `n` whole numbers (each within `[min, max]` when
/// given) that are printed as `c`: the interval from the least to the
/// greatest such `k / n`, or `None` when no `k / n` rounds to `c` (the
/// GRIM test). `c` rounded half-up: `k / n ∈ [v − h, v + h)`.
///
/// ```
/// use kinerja_audit::{angka::baca, rentang::grim};
/// use kinerja_core::{notation::Notasi, Ratio};
/// let c = baca("3,00", Notasi::Indonesia, false).unwrap();
/// let r = grim(&c, 97, Some((1, 4)))?.unwrap();
/// assert_eq!((r.lo, r.hi), (Ratio::int(3), Ratio::int(3)));
/// let c = baca("3,51", Notasi::Indonesia, false).unwrap();
/// assert_eq!(grim(&c, 7, Some((1, 4)))?, None); // 24/7 = 3,43, 25/7 = 3,57
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn grim(c: &Cetak, n: u64, batas: Option<(i128, i128)>) -> Result<Option<Rentang>> {
    let Some(v) = c.ratio() else { return Ok(None) };
    let n = i128::from(n);
    if n == 0 {
        return Ok(None);
    }
    let h = setengah(c.dp())?;
    let nn = Ratio::int(n);
    let (lo, hi) = if v >= Ratio::ZERO {
        // k/n ∈ [v − h, v + h): k ≥ ⌈(v−h)n⌉, k < (v+h)n
        let lo = v.checked_sub(h)?.checked_mul(nn)?.ceil_dp(0)?.mantissa();
        let hi_excl = v.checked_add(h)?.checked_mul(nn)?;
        let hi = hi_excl.ceil_dp(0)?.mantissa() - 1;
        (lo, hi)
    } else {
        // negative: k/n ∈ (v − h, v + h]
        let lo_excl = v.checked_sub(h)?.checked_mul(nn)?;
        let lo = lo_excl.floor_dp(0)?.mantissa() + 1;
        let hi = v.checked_add(h)?.checked_mul(nn)?.floor_dp(0)?.mantissa();
        (lo, hi)
    };
    let (lo, hi) = match batas {
        Some((min, max)) => (lo.max(min * n), hi.min(max * n)),
        None => (lo, hi),
    };
    if lo > hi {
        return Ok(None);
    }
    Ok(Some(Rentang { lo: Ratio::new(lo, n)?, hi: Ratio::new(hi, n)? }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::angka::baca;
    use kinerja_core::notation::Notasi;

    fn c(s: &str) -> Cetak {
        baca(s, Notasi::Indonesia, false).unwrap()
    }

    fn r(s: &str) -> Rentang {
        Rentang::dari(&c(s)).unwrap().unwrap()
    }

    #[test]
    fn printed_precision_and_edges() {
        let x = r("66,7");
        assert_eq!((x.lo, x.hi), (Ratio::new(6665, 100).unwrap(), Ratio::new(6675, 100).unwrap()));
        // 88,645 rounds to 88,65: consistent; 88,644… is not.
        assert!(cocok(Rentang::titik(Ratio::new(88_645, 1000).unwrap()), &c("88,65")).unwrap());
        assert!(!cocok(Rentang::titik(Ratio::new(88_644_999, 1_000_000).unwrap()), &c("88,65")).unwrap());
        // negative values round away from zero: −10,295 prints −10,30.
        assert!(cocok(Rentang::titik(Ratio::new(-10_295, 1000).unwrap()), &c("-10,30")).unwrap());
        assert!(!cocok(Rentang::titik(Ratio::new(-10_295, 1000).unwrap()), &c("-10,29")).unwrap());
    }

    #[test]
    fn arithmetic_gives_the_exact_range() {
        let s = r("1,5").checked_add(r("2,25")).unwrap();
        assert_eq!((s.lo, s.hi), (Ratio::new(3695, 1000).unwrap(), Ratio::new(3805, 1000).unwrap()));
        let d = r("10").checked_sub(r("4")).unwrap();
        assert_eq!((d.lo, d.hi), (Ratio::int(5), Ratio::int(7)));
        let q =
            r("75,35").checked_div(r("85,00")).unwrap().unwrap().checked_mul(Rentang::titik(Ratio::HUNDRED)).unwrap();
        // 88,65 is inside; so are its neighbours 88,64 … 88,66
        assert!(cocok(q, &c("88,65")).unwrap() && cocok(q, &c("88,64")).unwrap() && !cocok(q, &c("88,70")).unwrap());
        assert_eq!(r("0").checked_div(r("0")).unwrap(), None);
        let m = r("-0,5").abs().unwrap();
        assert_eq!((m.lo, m.hi), (Ratio::new(45, 100).unwrap(), Ratio::new(55, 100).unwrap()));
    }

    #[test]
    fn grim_narrows_and_refutes() {
        // 97 answers: 2,03 ⇒ k = 197 (2,0309…); 3,99 ⇒ k = 387 (3,9896…).
        let x = grim(&c("2,03"), 97, Some((1, 4))).unwrap().unwrap();
        assert_eq!((x.lo, x.hi), (Ratio::new(197, 97).unwrap(), Ratio::new(197, 97).unwrap()));
        assert!(grim(&c("3,51"), 7, None).unwrap().is_none());
        assert!(grim(&c("4,01"), 97, Some((1, 4))).unwrap().is_none(), "above the scale");
        // an edge value: 1/8 = 0,125 rounds up to 0,13
        let e = grim(&c("0,13"), 8, None).unwrap().unwrap();
        assert_eq!(e.lo, Ratio::new(1, 8).unwrap());
        assert!(grim(&c("0,12"), 8, None).unwrap().is_none());
    }
}

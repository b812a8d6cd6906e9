//! Is an SKM sample big enough? PermenPANRB 14/2017 sets the minimum
//! number of respondents by the population a survey samples (the service
//! users of the period) with the table of Krejcie & Morgan (1970),
//! reproduced in its Lampiran ([`KREJCIE_MORGAN`]).
//!
//! The table is the formula `S = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P))` with
//! χ² = 3,841, P = 0,5 and d = 0,05, rounded half-up; with those constants
//! it is `S = 3841·N / (10·N + 3831)`, which [`sampel_minimum`] computes in
//! integers for every population (a test shows it gives every row of the
//! printed table), so a population between two rows needs no
//! interpolation.

use serde::Serialize;

/// Where the rule comes from, for every output that applies it.
pub const SUMBER: &str = "PermenPANRB 14/2017, tabel Krejcie–Morgan 1970";

/// The printed table: (population, minimum sample).
pub const KREJCIE_MORGAN: [(u64, u32); 90] = [
    (10, 10),
    (15, 14),
    (20, 19),
    (25, 24),
    (30, 28),
    (35, 32),
    (40, 36),
    (45, 40),
    (50, 44),
    (55, 48),
    (60, 52),
    (65, 56),
    (70, 59),
    (75, 63),
    (80, 66),
    (85, 70),
    (90, 73),
    (95, 76),
    (100, 80),
    (110, 86),
    (120, 92),
    (130, 97),
    (140, 103),
    (150, 108),
    (160, 113),
    (170, 118),
    (180, 123),
    (190, 127),
    (200, 132),
    (210, 136),
    (220, 140),
    (230, 144),
    (240, 148),
    (250, 152),
    (260, 155),
    (270, 159),
    (280, 162),
    (290, 165),
    (300, 169),
    (320, 175),
    (340, 181),
    (360, 186),
    (380, 191),
    (400, 196),
    (420, 201),
    (440, 205),
    (460, 210),
    (480, 214),
    (500, 217),
    (550, 226),
    (600, 234),
    (650, 242),
    (700, 248),
    (750, 254),
    (800, 260),
    (850, 265),
    (900, 269),
    (950, 274),
    (1000, 278),
    (1100, 285),
    (1200, 291),
    (1300, 297),
    (1400, 302),
    (1500, 306),
    (1600, 310),
    (1700, 313),
    (1800, 317),
    (1900, 320),
    (2000, 322),
    (2200, 327),
    (2400, 331),
    (2600, 335),
    (2800, 338),
    (3000, 341),
    (3500, 346),
    (4000, 351),
    (4500, 354),
    (5000, 357),
    (6000, 361),
    (7000, 364),
    (8000, 367),
    (9000, 368),
    (10000, 370),
    (15000, 375),
    (20000, 377),
    (30000, 379),
    (40000, 380),
    (50000, 381),
    (75000, 382),
    (1_000_000, 384),
];

/// The sample that suffices for every population: the formula's limit,
/// 384,16, rounded.
pub const SAMPEL_CUKUP_SEMUA: u32 = 384;

/// The minimum number of respondents for a population of `populasi`
/// service users (0 for none).
///
/// ```
/// use kinerja_core::sampel::sampel_minimum;
/// assert_eq!(sampel_minimum(130), 97);
/// assert_eq!(sampel_minimum(131), 98);
/// assert_eq!(sampel_minimum(30_336), 379);
/// ```
pub fn sampel_minimum(populasi: u64) -> u32 {
    if populasi == 0 {
        return 0;
    }
    let n = u128::from(populasi);
    let (num, den) = (3841 * n, 10 * n + 3831);
    // Half-up: floor((2·num + den) / (2·den)); never above 385 nor N.
    let s = (2 * num + den) / (2 * den);
    u32::try_from(s).unwrap_or(SAMPEL_CUKUP_SEMUA)
}

/// The largest population `sampel` respondents suffice for, or `None` when
/// they suffice for every population (384 or more).
///
/// ```
/// use kinerja_core::sampel::populasi_maksimum;
/// assert_eq!(populasi_maksimum(97), Some(130));
/// assert_eq!(populasi_maksimum(384), None);
/// ```
pub fn populasi_maksimum(sampel: u32) -> Option<u64> {
    if sampel >= SAMPEL_CUKUP_SEMUA {
        return None;
    }
    // sampel_minimum grows with the population and stays below 385:
    // the last population whose minimum is within the sample, by bisection.
    let (mut lo, mut hi) = (0_u64, 1_u64 << 40);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if sampel_minimum(mid) <= sampel { lo = mid } else { hi = mid - 1 }
    }
    Some(lo)
}

/// A sample judged against the regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Kecukupan {
    /// Respondents.
    pub sampel: u32,
    /// The population sampled, when known.
    pub populasi: Option<u64>,
    /// The minimum sample for that population.
    pub minimum: Option<u32>,
    /// Whether the sample reaches it (`None`: the population is unknown).
    pub cukup: Option<bool>,
    /// The largest population the sample suffices for (`None`: every one).
    pub populasi_maksimum: Option<u64>,
}

/// `sampel` respondents against `populasi` (when known).
///
/// ```
/// use kinerja_core::sampel::kecukupan;
/// let k = kecukupan(97, Some(30_336));
/// assert_eq!((k.minimum, k.cukup, k.populasi_maksimum), (Some(379), Some(false), Some(130)));
/// assert_eq!(kecukupan(97, None).cukup, None);
/// ```
pub fn kecukupan(sampel: u32, populasi: Option<u64>) -> Kecukupan {
    let minimum = populasi.map(sampel_minimum);
    Kecukupan {
        sampel,
        populasi,
        minimum,
        cukup: minimum.map(|m| sampel >= m),
        populasi_maksimum: populasi_maksimum(sampel),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formula_gives_every_row_of_the_printed_table() {
        for (n, s) in KREJCIE_MORGAN {
            assert_eq!(sampel_minimum(n), s, "N = {n}");
        }
        assert!(KREJCIE_MORGAN.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1));
    }

    #[test]
    fn boundaries_of_the_seeds_sample() {
        // 97 respondents (the seed): enough for 130 service users, not 131.
        assert_eq!((sampel_minimum(130), sampel_minimum(131)), (97, 98));
        assert_eq!(populasi_maksimum(97), Some(130));
        assert!(sampel_minimum(populasi_maksimum(96).unwrap()) <= 96);
        assert!(sampel_minimum(populasi_maksimum(96).unwrap() + 1) > 96);
    }

    #[test]
    fn small_and_huge_populations() {
        assert_eq!(sampel_minimum(0), 0);
        for n in 1..=10 {
            assert_eq!(u64::from(sampel_minimum(n)), n, "a population of {n} is surveyed whole");
        }
        assert_eq!(sampel_minimum(u64::MAX), SAMPEL_CUKUP_SEMUA);
        assert_eq!(populasi_maksimum(383).map(|n| sampel_minimum(n + 1)), Some(384));
        assert_eq!(populasi_maksimum(0), Some(0));
    }

    #[test]
    fn the_largest_population_is_the_last_the_sample_reaches() {
        for s in [1, 10, 50, 97, 200, 300, 370, 383] {
            let n = populasi_maksimum(s).unwrap();
            assert!(sampel_minimum(n) <= s && sampel_minimum(n + 1) > s, "{s}: {n}");
        }
    }
}

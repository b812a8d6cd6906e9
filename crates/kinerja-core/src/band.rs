//! Band tables: the regulation scales that turn a number into a category.
//!
//! Every scale is data — a table of inclusive lower bounds in hundredths —
//! so the Rust classifier here and the SQL `CASE` the store generates read
//! the same numbers.
//!
//! **Rounding before banding.** The printed scales leave gaps (predikat
//! "76–90" then "91–100": where is 90.5? IKM "65.00–76.60" then
//! "76.61–88.30": where is 76.605?). Kinerja rounds the value half-up to two
//! decimals first (as PermenPANRB 14/2017 prints IKM with two decimals) and
//! then applies cascading lower bounds, which closes every gap:
//! a value belongs to the first band whose lower bound it reaches.
//! Strict lower bounds (AKIP's "> 90") become the next hundredth: `>90` ≡
//! `≥ 90.01` after rounding, so 90.00 is A and 90.01 is AA.

use crate::exact::Ratio;
use crate::{Error, Result};
use kinerja_pesan::{Pesan, msg};

/// One band of a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// Inclusive lower bound in hundredths of the rounded value
    /// (`9100` = 91.00); `i64::MIN` for an open-ended lowest band.
    pub min_hundredths: i64,
    /// Short code (`"A"`, `"BB"`, `"ST"`).
    pub code: &'static str,
    /// The regulation's label (`"Sangat Baik"`).
    pub label: &'static str,
}

/// A complete scale, highest band first.
#[derive(Debug, PartialEq, Eq)]
pub struct BandTable {
    /// Identifier used for generated SQL (`"predikat_capaian"`).
    pub id: &'static str,
    /// What the scale classifies, in words.
    pub title: &'static str,
    /// The regulation the bands come from.
    pub regulation: &'static str,
    /// Bands, highest first.
    pub bands: &'static [Band],
    /// Inclusive valid range in hundredths; values outside are an error.
    pub range: Option<(i64, i64)>,
}

impl BandTable {
    /// The band of an exact value, after rounding half-up to two decimals.
    ///
    /// ```
    /// use kinerja_core::band::AKIP_2021;
    /// use kinerja_core::exact::Ratio;
    /// assert_eq!(AKIP_2021.classify(Ratio::new(9000, 100)?)?.code, "A");
    /// assert_eq!(AKIP_2021.classify(Ratio::new(9001, 100)?)?.code, "AA");
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn classify(&self, value: Ratio) -> Result<&'static Band> {
        let h = value.hundredths()?;
        self.classify_hundredths(h)
    }

    /// The band of a value already expressed in whole hundredths.
    pub fn classify_hundredths(&self, h: i128) -> Result<&'static Band> {
        let (lo, hi) = self.range.unwrap_or((i64::MIN, i64::MAX));
        let band = self.bands.iter().find(|b| h >= i128::from(b.min_hundredths));
        match band {
            Some(b) if h <= i128::from(hi) && h >= i128::from(lo) => Ok(b),
            _ => Err(Error::OutOfRange {
                what: self.title,
                found: Ratio::new(h, 100)?.round2()?,
                min: Ratio::new(i128::from(lo), 100)?.round2()?,
                max: Ratio::new(i128::from(hi), 100)?.round2()?,
            }),
        }
    }

    /// The band with this code.
    pub fn by_code(&self, code: &str) -> Option<&'static Band> {
        self.bands.iter().find(|b| b.code == code)
    }

    /// The band with this code, or an error naming the codes of the scale.
    pub fn band(&self, code: &str) -> Result<&'static Band> {
        self.by_code(code).ok_or_else(|| Error::invalid(msg::core_what_scale(self.title), self.codes_text(), code))
    }

    /// The codes of the scale as a list in words (`AA, A, BB, B, CC, C or D`).
    pub fn codes_text(&self) -> Pesan {
        crate::one_of(&self.bands.iter().map(|b| b.code).collect::<Vec<_>>())
    }

    /// The band directly above `band` (the next better one), if any.
    ///
    /// ```
    /// use kinerja_core::band::AKIP_2021;
    /// let bb = AKIP_2021.band("BB")?;
    /// assert_eq!(AKIP_2021.next_above(bb).map(|b| b.code), Some("A"));
    /// assert_eq!(AKIP_2021.next_above(AKIP_2021.band("AA")?), None);
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn next_above(&self, band: &Band) -> Option<&'static Band> {
        let i = self.bands.iter().position(|b| b == band)?;
        i.checked_sub(1).map(|j| &self.bands[j])
    }

    /// The scale in words, as a report prints it under a table: each band's
    /// lower bound after rounding (`≥91,00 Sangat Tinggi, …, lainnya Sangat
    /// Rendah`).
    pub fn ringkasan(&self) -> String {
        self.bands
            .iter()
            .map(|b| match b.min_hundredths {
                i64::MIN => format!("lainnya {}", b.label),
                m => format!("≥{},{:02} {}", m / 100, (m % 100).abs(), b.label),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Band {
    /// The least exact value whose two-decimal rounding (half-up) reaches
    /// this band: a lower bound of `m` hundredths is reached from
    /// `(2m − 1) / 200` (e.g. `91,00` from `90,995`). `None` for an
    /// open-ended lowest band. For a bound at or below zero the bound itself
    /// (rounding half away from zero leaves an open edge there: `−0,005`
    /// rounds to `−0,01`). This is the one place the rounding edge of a
    /// band is computed; every goal seek starts from it.
    ///
    /// ```
    /// use kinerja_core::band::AKIP_2021;
    /// use kinerja_core::Ratio;
    /// assert_eq!(AKIP_2021.band("AA")?.least_exact()?, Some(Ratio::new(90_005, 1000)?));
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn least_exact(&self) -> Result<Option<Ratio>> {
        match self.min_hundredths {
            i64::MIN => Ok(None),
            m if m <= 0 => Ok(Some(Ratio::new(i128::from(m), 100)?)),
            m => Ok(Some(Ratio::new(2 * i128::from(m) - 1, 200)?)),
        }
    }
}

/// Predikat capaian kinerja, Permendagri 86/2017 (Tabel 3.1 of the seed):
/// ≥ 91 Sangat Tinggi (including values above 100), ≥ 76 Tinggi, ≥ 66 Sedang,
/// ≥ 51 Rendah, otherwise Sangat Rendah (including negative capaian).
/// 90.50 is Tinggi; 90.995 rounds to 91.00 and is Sangat Tinggi.
pub static PREDIKAT_CAPAIAN: BandTable = BandTable {
    id: "predikat_capaian",
    title: "capaian kinerja (%)",
    regulation: "Permendagri 86/2017",
    bands: &[
        Band { min_hundredths: 9100, code: "ST", label: "Sangat Tinggi" },
        Band { min_hundredths: 7600, code: "T", label: "Tinggi" },
        Band { min_hundredths: 6600, code: "S", label: "Sedang" },
        Band { min_hundredths: 5100, code: "R", label: "Rendah" },
        Band { min_hundredths: i64::MIN, code: "SR", label: "Sangat Rendah" },
    ],
    range: None,
};

/// Mutu pelayanan and kinerja unit, PermenPANRB 14/2017 (Tabel 3.4): IKM
/// (or NRR × 25 for one unsur) A 88.31–100 Sangat Baik, B 76.61–88.30 Baik,
/// C 65.00–76.60 Kurang Baik, D 25.00–64.99 Tidak Baik.
pub static IKM_2017: BandTable = BandTable {
    id: "mutu_ikm_2017",
    title: "IKM (PermenPANRB 14/2017)",
    regulation: "PermenPANRB 14/2017",
    bands: &[
        Band { min_hundredths: 8831, code: "A", label: "Sangat Baik" },
        Band { min_hundredths: 7661, code: "B", label: "Baik" },
        Band { min_hundredths: 6500, code: "C", label: "Kurang Baik" },
        Band { min_hundredths: 2500, code: "D", label: "Tidak Baik" },
    ],
    range: Some((2500, 10000)),
};

/// Mutu under the older KepMenPAN 25/2004 scheme (14 unsur): A 81.26–100,
/// B 62.51–81.25, C 43.76–62.50, D 25.00–43.75.
pub static IKM_2004: BandTable = BandTable {
    id: "mutu_ikm_2004",
    title: "IKM (KepMenPAN 25/2004)",
    regulation: "KepMenPAN 25/2004",
    bands: &[
        Band { min_hundredths: 8126, code: "A", label: "Sangat Baik" },
        Band { min_hundredths: 6251, code: "B", label: "Baik" },
        Band { min_hundredths: 4376, code: "C", label: "Kurang Baik" },
        Band { min_hundredths: 2500, code: "D", label: "Tidak Baik" },
    ],
    range: Some((2500, 10000)),
};

/// Predikat evaluasi AKIP, PermenPANRB 88/2021 (Tabel 3.6): AA >90–100
/// Sangat Memuaskan, A >80–90 Memuaskan, BB >70–80 Sangat Baik, B >60–70
/// Baik, CC >50–60 Cukup (Memadai), C >30–50 Kurang, D 0–30 Sangat Kurang.
/// The strict bounds are the next hundredth after rounding: 90.00 → A,
/// 90.01 → AA.
pub static AKIP_2021: BandTable = BandTable {
    id: "predikat_akip",
    title: "nilai AKIP",
    regulation: "PermenPANRB 88/2021",
    bands: &[
        Band { min_hundredths: 9001, code: "AA", label: "Sangat Memuaskan" },
        Band { min_hundredths: 8001, code: "A", label: "Memuaskan" },
        Band { min_hundredths: 7001, code: "BB", label: "Sangat Baik" },
        Band { min_hundredths: 6001, code: "B", label: "Baik" },
        Band { min_hundredths: 5001, code: "CC", label: "Cukup (Memadai)" },
        Band { min_hundredths: 3001, code: "C", label: "Kurang" },
        Band { min_hundredths: 0, code: "D", label: "Sangat Kurang" },
    ],
    range: Some((0, 10000)),
};

/// Every band table, for generating SQL and documentation.
pub static ALL: [&BandTable; 4] = [&PREDIKAT_CAPAIAN, &IKM_2017, &IKM_2004, &AKIP_2021];

#[cfg(test)]
mod tests {
    use super::*;

    /// `thousandths`: the exact value (before rounding) in thousandths, so
    /// ties at half a hundredth can be expressed.
    fn check(table: &BandTable, thousandths: i128, expect: &str) {
        let v = Ratio::new(thousandths, 1000).unwrap();
        let got = table.classify(v).map(|b| b.code).unwrap_or("ERR");
        assert_eq!(got, expect, "{} at {}", table.id, v);
    }

    #[test]
    fn predikat_capaian_boundaries() {
        let t = &PREDIKAT_CAPAIAN;
        check(t, 91_000, "ST");
        check(t, 90_995, "ST"); // rounds to 91.00
        check(t, 90_994, "T");
        check(t, 90_500, "T"); // the printed gap
        check(t, 76_000, "T");
        check(t, 75_990, "S");
        check(t, 66_000, "S");
        check(t, 65_500, "R");
        check(t, 51_000, "R");
        check(t, 50_990, "SR");
        check(t, 150_000, "ST");
        check(t, -5_000, "SR");
    }

    #[test]
    fn ikm_2017_boundaries() {
        let t = &IKM_2017;
        check(t, 100_000, "A");
        check(t, 88_310, "A");
        check(t, 88_305, "A");
        check(t, 88_304, "B");
        check(t, 88_300, "B");
        check(t, 76_610, "B");
        check(t, 76_605, "B");
        check(t, 76_600, "C");
        check(t, 65_000, "C");
        check(t, 64_990, "D");
        check(t, 25_000, "D");
        check(t, 24_990, "ERR");
        check(t, 100_010, "ERR");
    }

    #[test]
    fn ikm_2004_boundaries() {
        let t = &IKM_2004;
        check(t, 81_260, "A");
        check(t, 81_250, "B");
        check(t, 62_510, "B");
        check(t, 62_500, "C");
        check(t, 43_760, "C");
        check(t, 43_750, "D");
    }

    #[test]
    fn akip_boundaries() {
        let t = &AKIP_2021;
        for (v, e) in [
            (100_000, "AA"),
            (90_010, "AA"),
            (90_005, "AA"),
            (90_004, "A"),
            (90_000, "A"),
            (80_010, "A"),
            (80_000, "BB"),
            (70_010, "BB"),
            (70_000, "B"),
            (60_010, "B"),
            (60_000, "CC"),
            (50_010, "CC"),
            (50_000, "C"),
            (30_010, "C"),
            (30_000, "D"),
            (0, "D"),
            (-10, "ERR"),
            (100_010, "ERR"),
        ] {
            check(t, v, e);
        }
    }

    #[test]
    fn least_exact_value_is_the_rounding_edge() {
        for t in ALL {
            for b in t.bands.iter().filter(|b| b.min_hundredths != i64::MIN) {
                let edge = b.least_exact().unwrap().unwrap();
                assert_eq!(t.classify(edge).unwrap(), b, "{} {}", t.id, b.code);
                if b.min_hundredths > 0 {
                    let below = edge.checked_sub(Ratio::new(1, 1_000_000).unwrap()).unwrap();
                    assert_ne!(t.classify(below).ok(), Some(b), "{} {} just below", t.id, b.code);
                }
            }
        }
    }

    #[test]
    fn scale_in_words_and_neighbours() {
        assert_eq!(
            PREDIKAT_CAPAIAN.ringkasan(),
            "≥91,00 Sangat Tinggi, ≥76,00 Tinggi, ≥66,00 Sedang, ≥51,00 Rendah, lainnya Sangat Rendah"
        );
        assert_eq!(IKM_2017.next_above(IKM_2017.band("C").unwrap()).map(|b| b.code), Some("B"));
        assert!(AKIP_2021.band("E").is_err());
    }

    #[test]
    fn tables_are_ordered_highest_first() {
        for t in ALL {
            assert!(t.bands.windows(2).all(|w| w[0].min_hundredths > w[1].min_hundredths), "{}", t.id);
        }
    }
}

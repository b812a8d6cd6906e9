//! Properties of the core that hold for every input.

use kinerja_core::band::{AKIP_2021, IKM_2017, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::{Aturan, Batas, MetodeNegatif, Polaritas, capaian};
use kinerja_core::exact::sum_decimals;
use kinerja_core::notation::{Notasi, format_number, parse_number};
use kinerja_core::skm::{Bobot, Skema, Skor, Tally, UNSUR_2017};
use kinerja_core::{Decimal, Ratio};
use proptest::prelude::*;

fn band_index(t: &kinerja_core::band::BandTable, v: Ratio) -> usize {
    let b = t.classify(v).expect("classified");
    t.bands.iter().position(|x| x == b).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every capaian has a predikat, and a higher capaian never has a worse one.
    #[test]
    fn predikat_is_total_and_monotone(a in -50_000i128..300_000, b in -50_000i128..300_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        let (lo, hi) = (Ratio::new(lo, 1000).unwrap(), Ratio::new(hi, 1000).unwrap());
        prop_assert!(band_index(&PREDIKAT_CAPAIAN, lo) >= band_index(&PREDIKAT_CAPAIAN, hi));
    }

    /// The same for AKIP predikat and IKM mutu inside their ranges.
    #[test]
    fn akip_and_mutu_are_monotone(a in 25_000i128..=100_000, b in 25_000i128..=100_000) {
        let (lo, hi) = (Ratio::new(a.min(b), 1000).unwrap(), Ratio::new(a.max(b), 1000).unwrap());
        prop_assert!(band_index(&AKIP_2021, lo) >= band_index(&AKIP_2021, hi));
        prop_assert!(band_index(&IKM_2017, lo) >= band_index(&IKM_2017, hi));
    }

    /// IKM from any answers (with skipped unsur) stays within [25, 100].
    #[test]
    fn ikm_stays_in_range(answers in prop::collection::vec((0usize..9, 1u8..=4), 9..400)) {
        let mut t = Tally::new(Skema::PermenPanRb14_2017);
        for u in &UNSUR_2017 {
            t.add(u.id, Skor::try_from(1 + (u.id.len() % 4) as u8).unwrap()).unwrap();
        }
        for (u, s) in answers {
            t.add(UNSUR_2017[u].id, Skor::try_from(s).unwrap()).unwrap();
        }
        let ikm = t.ikm(Bobot::Tepat).unwrap();
        prop_assert!(ikm.nilai >= Ratio::int(25) && ikm.nilai <= Ratio::int(100));
        prop_assert!(ikm.mutu().is_ok());
    }

    /// A negative indicator's capaian never rises when realisasi rises.
    #[test]
    fn negative_capaian_falls_as_realisasi_rises(t in 1i64..100_000, r1 in 1i64..200_000, r2 in 1i64..200_000, rasio: bool, cap in 0usize..4) {
        let aturan = Aturan {
            metode_negatif: if rasio { MetodeNegatif::Rasio } else { MetodeNegatif::SelisihGanda },
            batas: Batas::ALL[cap],
        };
        let (lo, hi) = (r1.min(r2), r1.max(r2));
        let c = |r: i64| capaian(Decimal::new(t, 2), Decimal::new(r, 2), Polaritas::Negatif, aturan).unwrap();
        prop_assert!(c(lo) >= c(hi));
    }

    /// Decimal sums are exact: order does not matter and they equal the exact fraction sum.
    #[test]
    fn decimal_sums_are_exact(v in prop::collection::vec((-10_000_000_000_000i64..10_000_000_000_000, 0u32..5), 1..60)) {
        let ds: Vec<Decimal> = v.iter().map(|(m, s)| Decimal::new(*m, *s)).collect();
        let forward = sum_decimals(ds.iter().copied()).unwrap();
        let backward = sum_decimals(ds.iter().rev().copied()).unwrap();
        prop_assert_eq!(forward, backward);
        let exact = ds.iter().fold(Ratio::ZERO, |a, d| a.checked_add((*d).into()).unwrap());
        prop_assert_eq!(Ratio::from_decimal(forward), exact);
    }

    /// Formatting in Indonesian notation reads back to the same value.
    #[test]
    fn parse_format_round_trip(m in -1_000_000_000_000_000i64..1_000_000_000_000_000, dp in 0u32..4) {
        let x = Decimal::new(m, dp);
        let text = format_number(x, dp).unwrap();
        prop_assert_eq!(parse_number(&text, Notasi::Indonesia).unwrap(), x);
        // Unambiguous text also reads back in automatic mode.
        if let Ok(auto) = parse_number(&text, Notasi::Otomatis) {
            prop_assert_eq!(auto, x);
        }
    }

    /// Rounding is half-up on the exact value: rounding then banding equals
    /// comparing the exact value with the band edge minus half a hundredth.
    #[test]
    fn rounding_matches_exact_threshold(n in -10_000_000i128..10_000_000, d in 1i128..10_000) {
        let v = Ratio::new(n, d).unwrap();
        let h = v.hundredths().unwrap();
        let lower = Ratio::new(2 * h - 1, 200).unwrap();
        let upper = Ratio::new(2 * h + 1, 200).unwrap();
        if v >= Ratio::ZERO {
            prop_assert!(lower <= v && v < upper);
        } else {
            prop_assert!(lower < v && v <= upper);
        }
    }
}

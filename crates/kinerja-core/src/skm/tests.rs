use super::*;

const IDS: [&str; 9] =
    ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"];

fn r(n: i128, d: i128) -> Ratio {
    Ratio::new(n, d).unwrap()
}

/// `totals` of 9 unsur over `n` respondents → "IKM mutu" per weight.
fn check(totals: [i128; 9], n: i128, bobot: Bobot, expect: &str) {
    let nrr: Vec<_> = IDS.iter().zip(totals).map(|(id, t)| (*id, r(t, n))).collect();
    let ikm = ikm_from_nrr(Skema::PermenPanRb14_2017, bobot, &nrr).unwrap();
    let got = format!("{} {}", ikm.rounded().unwrap(), ikm.mutu().unwrap().code);
    assert_eq!(got, expect);
}

#[test]
fn worked_example_all_weights() {
    let t = [105, 101, 100, 116, 102, 105, 106, 105, 115];
    check(t, 29, Bobot::Tepat, "91.48 A");
    check(t, 29, Bobot::TigaDesimal, "91.38 A");
    check(t, 29, Bobot::DuaDesimal, "90.56 A");
}

#[test]
fn extremes() {
    check([4; 9], 1, Bobot::Tepat, "100.00 A");
    check([1; 9], 1, Bobot::Tepat, "25.00 D");
    check([4; 9], 1, Bobot::TigaDesimal, "99.90 A");
    check([4; 9], 1, Bobot::DuaDesimal, "99.00 A");
}

#[test]
fn tally_with_missing_answers() {
    let mut t = Tally::new(Skema::PermenPanRb14_2017);
    for id in IDS {
        t.add(id, Skor::try_from(3).unwrap()).unwrap();
        t.add(id, Skor::try_from(4).unwrap()).unwrap();
    }
    // a third respondent answers only "waktu"
    t.add("waktu", Skor::try_from(1).unwrap()).unwrap();
    assert_eq!(t.nrr("waktu").unwrap(), r(8, 3));
    assert_eq!(t.nrr("biaya").unwrap(), r(7, 2));
    // Σ = 8 × 3.5 + 8/3 = 92/3; IKM = 92/3 × 1/9 × 25 = 2300/27 = 85.185…
    let ikm = t.ikm(Bobot::Tepat).unwrap();
    assert_eq!(ikm.nilai, r(2300, 27));
    assert_eq!(ikm.rounded().unwrap().to_string(), "85.19");
    assert_eq!(ikm.mutu().unwrap().label, "Baik");
}

#[test]
fn skor_only_holds_one_to_four() {
    assert!(Skor::try_from(0).is_err());
    assert!(Skor::try_from(5).is_err());
    assert_eq!(Skor::try_from(4).unwrap().get(), 4);
    assert!(serde_json::from_str::<Skor>("7").is_err());
}

#[test]
fn unsur_by_id_not_position() {
    let s = Skema::PermenPanRb14_2017;
    assert_eq!(s.unsur_by_id("pengaduan").unwrap().nama, "Penanganan Pengaduan, Saran dan Masukan");
    assert_eq!(s.unsur_by_id("sarana").unwrap().nama, "Sarana dan Prasarana");
    assert!(matches!(s.unsur_by_id("keamanan"), Err(Error::SchemeMismatch(_))));
    assert!(matches!(s.unsur_by_id("nope"), Err(Error::Invalid { .. })));
    let nrr: Vec<_> = IDS.iter().take(8).map(|id| (*id, r(3, 1))).collect();
    assert!(ikm_from_nrr(s, Bobot::Tepat, &nrr).is_err());
}

#[test]
fn schemes_do_not_mix() {
    let ikm = ikm_from_total(Skema::PermenPanRb14_2017, Bobot::Tepat, r(27, 1)).unwrap();
    assert!(ikm.mutu_under(Skema::PermenPanRb14_2017).is_ok());
    assert!(matches!(ikm.mutu_under(Skema::KepMenPan25_2004), Err(Error::SchemeMismatch(_))));
    // 14 unsur of 2004 at NRR 3 each → 75.00, mutu B under 2004 bands (C under 2017's).
    let mut t = Tally::new(Skema::KepMenPan25_2004);
    for u in &UNSUR_2004 {
        t.add_aggregate(u.id, 30, 10).unwrap();
    }
    let old = t.ikm(Bobot::Tepat).unwrap();
    assert_eq!(old.rounded().unwrap().to_string(), "75.00");
    assert_eq!(old.mutu().unwrap().code, "B");
    assert!(t.add("persyaratan", Skor::try_from(3).unwrap()).is_err());
}

#[test]
fn krejcie_morgan_table() {
    for (n, s) in [(100, 80), (1_000, 278), (2_000, 322), (10_000, 370), (1_000_000, 384), (0, 0)] {
        assert_eq!(krejcie_morgan(n).unwrap(), s, "N = {n}");
    }
}

#[test]
fn mutu_per_unsur() {
    let m = |n, d| mutu_unsur(Skema::PermenPanRb14_2017, r(n, d)).unwrap().code;
    assert_eq!(m(399, 100), "A");
    assert_eq!(m(300, 100), "C");
    assert_eq!(m(203, 100), "D");
    assert_eq!(m(30644, 10000), "B"); // 76.61
    assert_eq!(m(3064, 1000), "C"); // 76.60
}

#[test]
fn goal_seek_nrr_and_respondents() {
    let nrr: Vec<_> = IDS.iter().map(|id| (*id, r(3, 1))).collect(); // IKM 75.00 C
    let need = nrr_needed(Skema::PermenPanRb14_2017, Bobot::Tepat, &nrr, "pengaduan", "B").unwrap();
    // Σ ≥ 76.605 × 9 / 25 = 27.5778 → pengaduan ≥ 3.5778
    assert_eq!(need, r(275_778, 10_000).checked_sub(r(24, 1)).unwrap());
    let mut with = nrr.clone();
    with[7].1 = need;
    let ikm = ikm_from_nrr(Skema::PermenPanRb14_2017, Bobot::Tepat, &with).unwrap();
    assert_eq!(ikm.mutu().unwrap().code, "B");
    assert!(nrr_needed(Skema::PermenPanRb14_2017, Bobot::Tepat, &nrr, "pengaduan", "A").is_err());
    // 97 respondents at NRR 2.03 → 3.5778 needs k = ⌈97 × 1.5478 / 0.4222⌉
    let k = respondents_needed(r(203, 100), 97, need).unwrap();
    let after = r(203 * 97, 100)
        .checked_add(Ratio::int(4 * i128::from(k)))
        .unwrap()
        .checked_div(Ratio::int(97 + i128::from(k)))
        .unwrap();
    assert!(after >= need);
    let before = r(203 * 97, 100)
        .checked_add(Ratio::int(4 * (i128::from(k) - 1)))
        .unwrap()
        .checked_div(Ratio::int(97 + i128::from(k) - 1))
        .unwrap();
    assert!(before < need);
}

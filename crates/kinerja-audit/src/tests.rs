//! The audit, relation by relation and cause by cause: cases consistent
//! only within rounding pass, real contradictions are found with their
//! cause; and a property: exact inputs printed at any precision never give
//! a finding.

use proptest::prelude::*;
use rust_decimal::Decimal;

use kinerja_core::{Ratio, notation};
use kinerja_pesan::Lang;

use super::*;

/// A transcription of one sentence with the given figures (name, printed)
/// and relations (JSON), plus an optional table (JSON).
fn doc(figures: &[(&str, &str)], tabel: &str, relasi: &str) -> Transkripsi {
    let nilai: Vec<String> = figures.iter().map(|(k, v)| format!("\"{k}\":\"{v}\"")).collect();
    let json = format!(
        r#"{{"format":"kinerja-audit","versi":1,"dokumen":{{"judul":"uji","tahun":2024}},
           "tabel":[{tabel}],
           "kalimat":[{{"id":"k","letak":"teks","teks":"kalimat uji","nilai":{{{}}},"eksak":["n","a","b","c","w"]}}],
           "relasi":[{relasi}]}}"#,
        nilai.join(",")
    );
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// `expect`: "ok", or "galat" / "catatan" followed by the causes' kinds
/// (`galat DigitGanda`), compared with the first finding.
#[track_caller]
fn check(t: &Transkripsi, expect: &str) {
    let h = periksa(t).unwrap_or_else(|m| panic!("{m:?}"));
    let got = match h.temuan.first() {
        None => "ok".to_string(),
        Some(f) => {
            let mut s = format!("{:?}", f.severity).to_lowercase();
            for c in &f.sebab {
                let kind = format!("{c:?}");
                s.push(' ');
                s.push_str(kind.split([' ', '{', '(']).next().unwrap_or(""));
            }
            s
        }
    };
    assert_eq!(got, expect, "{:#?}", h.temuan);
}

fn capaian(hasil: &str, t: &str, r: &str) -> Transkripsi {
    doc(
        &[("c", hasil), ("t", t), ("r", r)],
        "",
        r#"{"jenis":"capaian","hasil":"k.c","target":"k.t","realisasi":"k.r"}"#,
    )
}

#[test]
fn capaian_within_rounding_and_beyond() {
    check(&capaian("88,65%", "85,00", "75,35"), "ok");
    check(&capaian("88,64%", "85,00", "75,35"), "ok"); // the inputs' rounding allows 88,64
    check(&capaian("88,70%", "85,00", "75,35"), "galat TidakDikenali");
    check(&capaian("1012,28%", "71,00", "72,62"), "galat DigitGanda");
    check(&capaian("120,82%", "71,00", "72,62"), "galat TidakDikenali"); // no single slip explains it
    check(&capaian("102,82%", "71,00", "72,62"), "galat DigitTertukar");
    // the within-rounding case is a note only with its computed value
    let h = periksa(&capaian("88,64%", "85,00", "75,35")).unwrap();
    assert!(h.info[0].pesan.render(Lang::Id).contains("88,65"), "{:?}", h.info);
}

#[test]
fn negative_indicators_and_zero_targets() {
    let neg = |h: &str, t: &str, r: &str| {
        doc(
            &[("c", h), ("t", t), ("r", r)],
            "",
            r#"{"jenis":"capaian","hasil":"k.c","target":"k.t","realisasi":"k.r","polaritas":"negatif"}"#,
        )
    };
    check(&neg("120,00%", "10,00", "8,00"), "ok");
    check(&neg("125,00%", "10,00", "8,00"), "galat DigitSalah"); // 120,00 with one digit wrong
    check(&neg("135,50%", "10,00", "8,00"), "galat TidakDikenali");
    check(&neg("125,00%", "10", "8"), "ok"); // printed as whole numbers, 125 % is possible
    check(&neg("0,00%", "10,0", "25,0"), "ok"); // floored at 0
    check(&neg("50%", "0", "5"), "ok"); // a zero target: nothing can be concluded
}

#[test]
fn totals_name_the_row() {
    let tabel = r#"{"id":"t","judul":"Tabel uji","kolom":["nama","n"],"eksak":["n"],"baris":[
        {"id":"a","sel":{"nama":"A","n":"1.570"}},{"id":"b","sel":{"nama":"B","n":"1.447"}},
        {"id":"c","sel":{"nama":"C","n":"628"}},{"id":"jumlah","sel":{"nama":"Jumlah","n":"X"}}]}"#;
    let sum = |x: &str| doc(&[], &tabel.replace('X', x), r#"{"jenis":"jumlah","hasil":"t.jumlah.n","dari":["t.*.n"]}"#);
    check(&sum("3.645"), "ok");
    check(&sum("3.646"), "galat DigitSalah");
    check(&sum("3.700"), "galat TidakDikenali"); // no single slip explains it
    check(&sum("3.017"), "galat BarisTerlewat"); // without C
    check(&sum("4.273"), "galat BarisGanda"); // C twice
    check(&sum("3.654"), "galat DigitTertukar");
}

#[test]
fn another_years_figures() {
    let tabel = r#"{"id":"t","judul":"Tabel uji","kolom":["target_2023","realisasi_2023","target_2024","realisasi_2024"],
        "baris":[{"id":"akip","sel":{"target_2023":"75,00","realisasi_2023":"70,15","target_2024":"71,00","realisasi_2024":"72,62"}}]}"#;
    let rel =
        r#"{"jenis":"selisih","hasil":"k.s","dari":"t.akip.target_2024","ke":"t.akip.realisasi_2024","mutlak":true}"#;
    check(&doc(&[("s", "1,62")], tabel, rel), "ok");
    let h = periksa(&doc(&[("s", "4,85")], tabel, rel)).unwrap();
    assert_eq!(
        h.temuan[0].sebab[0],
        Sebab::TahunLain { tahun: 2023, masukan: vec!["t.akip.target_2023".into(), "t.akip.realisasi_2023".into()] }
    );
}

#[test]
fn labels_and_their_scales() {
    let label =
        |v: &str, skala: &str| doc(&[("v", v)], "", &format!(r#"{{"jenis":"label","hasil":"k.v","skala":"{skala}"}}"#));
    check(&label("A (90,00)", "predikat_akip"), "ok");
    check(&label("AA (90,00)", "predikat_akip"), "galat TidakDikenali");
    check(&label("AA (90,01)", "predikat_akip"), "ok");
    check(&label("BB (70,07)", "predikat_capaian"), "galat SkalaLain");
    check(&label("B (75,00)", "mutu_ikm_2017"), "galat SkalaLain"); // B under KepMenPAN 25/2004
    check(&label("C (76,60)", "mutu_ikm_2017"), "ok");
    check(&label("B (76,61)", "mutu_ikm_2017"), "ok");
    check(&label("Kurang Baik (75,35)", "kinerja_ikm_2017"), "ok");
    // An unsur's NRR on the NRR intervals (the 2017 NI bands 3,0644 and
    // 3,5324, as NRR × 25): 3,71 is Sangat Baik (A); a printed 3,06 may be
    // 3,0644 or more (B) or less (C), a printed 3,05 only C.
    check(&label("Sangat Baik (3,71)", "kinerja_nrr_2017"), "ok");
    check(&label("A (3,71)", "mutu_nrr_2017"), "ok");
    check(&label("C (3,06)", "mutu_nrr_2017"), "ok");
    check(&label("B (3,06)", "mutu_nrr_2017"), "ok");
    check(&label("B (3,07)", "mutu_nrr_2017"), "ok");
    check(&label("B (3,05)", "mutu_nrr_2017"), "galat SkalaLain"); // B under KepMenPAN 25/2004
    check(&label("D (3,05)", "mutu_nrr_2017"), "galat TidakDikenali");
    check(&label("Sangat Baik (3,71)", "kinerja_ikm_2017"), "galat TidakDikenali");
    check(&label("Tinggi (88,65)", "predikat_capaian"), "ok");
}

/// The worked example of PermenPANRB 14/2017 (29 respondents; unsur
/// totals 105, 101, 100, 116, 102, 105, 106, 105, 115), NRR printed to two
/// decimals.
fn ikm(printed: &str, bobot: Option<&str>, n: bool) -> Transkripsi {
    let totals = [105, 101, 100, 116, 102, 105, 106, 105, 115];
    let mut figures: Vec<(String, String)> = totals
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("u{i}"), notation::format_ratio(Ratio::new(*t, 29).unwrap(), 2).unwrap()))
        .collect();
    figures.push(("ikm".into(), printed.into()));
    figures.push(("n".into(), "29".into()));
    let f: Vec<(&str, &str)> = figures.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let nrr: Vec<String> = (0..9).map(|i| format!("\"k.u{i}\"")).collect();
    let unsur = r#""persyaratan","prosedur","waktu","biaya","produk","kompetensi","perilaku","pengaduan","sarana""#;
    let extra =
        bobot.map_or(String::new(), |b| format!(r#","bobot":"{b}""#)) + if n { r#","responden":"k.n""# } else { "" };
    doc(&f, "", &format!(r#"{{"jenis":"ikm","hasil":"k.ikm","nrr":[{}],"unsur":[{unsur}]{extra}}}"#, nrr.join(",")))
}

#[test]
fn ikm_weights() {
    check(&ikm("91,48", None, true), "ok");
    check(&ikm("90,56", None, true), "ok");
    check(&ikm("91,38", Some("0,111"), true), "ok");
    check(&ikm("91,48", Some("0,11"), true), "galat Bobot");
    check(&ikm("89,00", None, false), "galat Bobot");
    let h = periksa(&ikm("91,48", None, true)).unwrap();
    assert!(
        h.info
            .iter()
            .map(|i| i.pesan.render(Lang::Id))
            .any(|p| p.contains("1/9") && !p.contains("0,11,") && p.contains("k/29")),
        "{:?}",
        h.info
    );
}

#[test]
fn granularity() {
    let g = |v: &str, n: &str| doc(&[("v", v), ("n", n)], "", r#"{"jenis":"rerata_bulat","hasil":"k.v","n":"k.n"}"#);
    check(&g("3,43", "7"), "ok");
    check(&g("3,51", "7"), "galat TidakDikenali");
    let p = |v: &str, n: &str| doc(&[("v", v), ("n", n)], "", r#"{"jenis":"persen_dari_n","hasil":"k.v","n":"k.n"}"#);
    check(&p("33,33%", "3"), "ok");
    check(&p("33,00%", "3"), "galat TidakDikenali");
}

#[test]
fn changes_differences_and_directions() {
    let pct = |v: &str| {
        doc(
            &[("v", v), ("a", "80,00"), ("b", "88,00")],
            "",
            r#"{"jenis":"perubahan_persen","hasil":"k.v","dari":"k.a","ke":"k.b"}"#,
        )
    };
    check(&pct("10,00%"), "ok");
    check(&pct("8,00%"), "galat PoinPersen");
    // "penurunan sebesar 2,85 %": the size of a fall, its direction in the
    // word; points called a percent are found in that form too.
    let fall = |v: &str| {
        doc(
            &[("v", v), ("a", "80,50"), ("b", "77,65")],
            "",
            r#"{"jenis":"perubahan_persen","hasil":"k.v","dari":"k.a","ke":"k.b","mutlak":true}"#,
        )
    };
    check(&fall("3,54%"), "ok");
    check(&fall("2,85%"), "galat PoinPersen");
    let arah = |kata: &str, a: &str, b: &str| {
        doc(&[("x", a), ("y", b)], "", &format!(r#"{{"jenis":"arah","kata":"{kata}","dari":"k.x","ke":"k.y"}}"#))
    };
    check(&arah("turun", "80,50", "75,35"), "ok");
    check(&arah("naik", "80,50", "75,35"), "galat TidakDikenali");
    check(&arah("naik", "80,5", "80,50"), "ok"); // the printings allow either
    let top = doc(
        &[("v", "90,10"), ("a", "77,98"), ("b", "80,50")],
        "",
        r#"{"jenis":"arah","kata":"tertinggi","nilai":"k.v","di_antara":["k.a","k.b"]}"#,
    );
    check(&top, "ok");
    let low = doc(
        &[("v", "90,10"), ("a", "77,98")],
        "",
        r#"{"jenis":"arah","kata":"terendah","nilai":"k.v","di_antara":["k.a"]}"#,
    );
    check(&low, "galat TidakDikenali");
    // A direction finding names the figures that contradict the word.
    let said = |t: &Transkripsi| periksa(t).unwrap().temuan[0].uraian.render(Lang::Id);
    assert_eq!(said(&arah("naik", "80,50", "75,35")), "arah \"naik\" tidak sesuai angka tercetak: 75,35 ≤ 80,50");
    assert_eq!(said(&low), "arah \"terendah\" tidak sesuai angka tercetak: 90,10 > 77,98");
    let below = doc(
        &[("v", "88,95"), ("p", "83,24")],
        "",
        r#"{"jenis":"arah","kata":"di_bawah","nilai":"k.v","pembanding":"k.p"}"#,
    );
    assert_eq!(said(&below), "arah \"dibawah\" tidak sesuai angka tercetak: 88,95 ≥ 83,24");
}

#[test]
fn same_figure_twice_and_other_quantities() {
    let tabel = r#"{"id":"t","judul":"Tabel uji","kolom":["capaian","penyerapan"],"baris":[{"id":"s2","sel":{"capaian":"102,28%","penyerapan":"95,07%"}}]}"#;
    let rel = r#"{"jenis":"sama","hasil":"k.v","nilai":"t.s2.capaian"}"#;
    check(&doc(&[("v", "102,28%")], tabel, rel), "ok");
    check(&doc(&[("v", "102,3%")], tabel, rel), "ok");
    check(&doc(&[("v", "102,65%")], tabel, rel), "galat TidakDikenali");
    check(&doc(&[("v", "95,07%")], tabel, rel), "galat NilaiLain");
}

#[test]
fn means_parts_and_unreadable_figures() {
    let w = |v: &str| {
        doc(
            &[("v", v), ("x", "90"), ("y", "100"), ("a", "1"), ("b", "3")],
            "",
            r#"{"jenis":"rata_rata","hasil":"k.v","dari":["k.x","k.y"],"bobot":["k.a","k.b"]}"#,
        )
    };
    check(&w("97,5"), "ok");
    check(&w("95,0"), "galat RataSederhana");
    let part = |whole: &str| {
        doc(
            &[("a", "36,6"), ("b", "143"), ("c", "45,5"), ("w", whole)],
            "",
            r#"{"jenis":"tidak_melebihi","bagian":["k.a","k.b","k.c"],"keseluruhan":"k.w"}"#,
        )
    };
    check(&part("225,1"), "ok");
    check(&part("225"), "galat TidakDikenali"); // a, b, c exact: 225,1 > 225
    let bad = doc(
        &[("v", "Rp. 2.960.780,030,-"), ("w", "2.960.780.030")],
        "",
        r#"{"jenis":"sama","hasil":"k.v","nilai":"k.w"}"#,
    );
    check(&bad, "transkripsi TidakTerbaca");
}

#[test]
fn unsur_order_is_a_note() {
    let o = |order: &str| doc(&[], "", &format!(r#"{{"jenis":"urutan_unsur","unsur":[{order}]}}"#));
    check(
        &o(r#""persyaratan","prosedur","waktu","biaya","produk","kompetensi","perilaku","pengaduan","sarana""#),
        "ok",
    );
    check(
        &o(r#""persyaratan","prosedur","waktu","biaya","produk","kompetensi","perilaku","sarana","pengaduan""#),
        "catatan",
    );
}

#[test]
fn unusable_transcriptions_are_located() {
    let broken = doc(&[("v", "1")], "", r#"{"jenis":"sama","hasil":"k.v","nilai":"t.x.y"}"#);
    let m = periksa(&broken).unwrap_err();
    assert_eq!(m[0].letak.render(Lang::En), "relasi[0] (r1).nilai[0]");
    assert_eq!(m[0].found, "t.x.y".into());
    let mut newer = doc(&[], "", "");
    newer.versi = 2;
    assert_eq!(periksa(&newer).unwrap_err()[0].letak.render(Lang::En), "versi");
}

fn printed(v: Decimal, dp: u32) -> String {
    notation::format_number(v, dp).unwrap()
}

proptest! {
    /// Exact inputs, each printed at its own precision, and their exact
    /// sum, difference, ratio and mean printed at any precision: never a
    /// finding.
    #[test]
    fn rounded_printings_of_exact_values_are_never_flagged(
        xs in proptest::collection::vec((1i64..10_000_000, 0u32..4), 2..6),
        dp in 0u32..4,
    ) {
        let vals: Vec<Decimal> = xs.iter().map(|(m, _)| Decimal::new(*m, 3)).collect();
        let mut figures: Vec<(String, String)> = xs.iter().zip(&vals).enumerate().map(|(i, ((_, p), v))| (format!("x{i}"), printed(*v, *p))).collect();
        let sum: Decimal = vals.iter().sum();
        let ratio = Ratio::from_decimal(vals[0]).checked_div(Ratio::from_decimal(vals[1])).unwrap().checked_mul(Ratio::HUNDRED).unwrap();
        let mean = Ratio::from_decimal(sum).checked_div(Ratio::int(i128::try_from(vals.len()).unwrap())).unwrap();
        figures.push(("sum".into(), printed(sum, dp)));
        figures.push(("diff".into(), printed(vals[1] - vals[0], dp)));
        figures.push(("pct".into(), notation::format_ratio(ratio, dp).unwrap()));
        figures.push(("mean".into(), notation::format_ratio(mean, dp).unwrap()));
        let f: Vec<(&str, &str)> = figures.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let all: Vec<String> = (0..vals.len()).map(|i| format!("\"k.x{i}\"")).collect();
        let rel = format!(
            r#"{{"jenis":"jumlah","hasil":"k.sum","dari":[{a}]}},{{"jenis":"selisih","hasil":"k.diff","dari":"k.x0","ke":"k.x1"}},
               {{"jenis":"persen","hasil":"k.pct","pembilang":"k.x0","penyebut":"k.x1"}},{{"jenis":"rata_rata","hasil":"k.mean","dari":[{a}]}}"#,
            a = all.join(",")
        );
        let h = periksa(&doc(&f, "", &rel)).unwrap();
        prop_assert!(h.temuan.is_empty(), "{:#?}", h.temuan);
    }

    /// The audit's interval capaian is the core's formula: a capaian the
    /// core computes from exact target and realisasi, printed at any
    /// precision, is consistent; one hundredth beyond what any rounding of
    /// it gives is a finding. Both polarities and both negative methods.
    #[test]
    fn interval_capaian_agrees_with_the_core_formula(
        t in 1i64..100_000_000,
        r in 0i64..200_000_000,
        negatif in any::<bool>(),
        rasio in any::<bool>(),
        dp in 0u32..4,
    ) {
        use kinerja_core::capaian::{self, Aturan, MetodeNegatif, Polaritas};
        let (target, realisasi) = (Decimal::new(t, 2), Decimal::new(r, 2));
        let polaritas = if negatif { Polaritas::Negatif } else { Polaritas::Positif };
        let metode = if rasio { MetodeNegatif::Rasio } else { MetodeNegatif::SelisihGanda };
        let aturan = Aturan { metode_negatif: metode, ..Aturan::default() };
        let Ok(exact) = capaian::capaian(target, realisasi, polaritas, aturan) else { return Ok(()) };
        let relasi = format!(
            r#"{{"jenis":"capaian","hasil":"k.c","target":"k.t","realisasi":"k.r","polaritas":"{}","metode":"{}"}}"#,
            polaritas.code(),
            if rasio { "rasio" } else { "selisih_ganda" }
        );
        let run = |printed: String| {
            let figures = [("c", printed.as_str()), ("t", &printed_exact(target)), ("r", &printed_exact(realisasi))]
                .map(|(a, b)| (a.to_string(), b.to_string()));
            let f: Vec<(&str, &str)> = figures.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            periksa(&doc_exact(&f, &relasi)).unwrap().temuan
        };
        let shown = notation::format_ratio(exact, dp).unwrap();
        prop_assert!(run(shown.clone()).is_empty(), "{shown} from {target} and {realisasi}");
        let step = Ratio::new(1, 10i128.pow(dp)).unwrap();
        let off = exact.round_dp(dp).map(Ratio::from_decimal).unwrap().checked_add(step.checked_mul(Ratio::int(2)).unwrap()).unwrap();
        let wrong = notation::format_ratio(off, dp).unwrap();
        prop_assert!(!run(wrong.clone()).is_empty(), "{wrong} passed for {shown}");
    }
}

/// An exact figure as printed with every decimal it has.
fn printed_exact(v: Decimal) -> String {
    notation::format_number(v, v.scale()).unwrap()
}

/// One sentence whose target and realisasi are exact (`t`, `r` listed as
/// exact) and whose `c` is rounded.
fn doc_exact(figures: &[(&str, &str)], relasi: &str) -> Transkripsi {
    let nilai: Vec<String> = figures.iter().map(|(k, v)| format!("\"{k}\":\"{v}\"")).collect();
    let json = format!(
        r#"{{"format":"kinerja-audit","versi":1,"dokumen":{{"judul":"uji"}},
           "kalimat":[{{"id":"k","teks":"uji","nilai":{{{}}},"eksak":["t","r"]}}],"relasi":[{relasi}]}}"#,
        nilai.join(",")
    );
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// A page printed in English notation (`1,004,422,800`) is read as such
/// when the transcription names it: its total adds up, a slip is found.
#[test]
fn english_notation_when_named() {
    let sum = |total: &str| {
        let mut t = doc(
            &[("t", total), ("a", "1,004,422,800"), ("b", "749,930,215")],
            "",
            r#"{"jenis":"jumlah","hasil":"k.t","dari":["k.a","k.b"]}"#,
        );
        t.notasi = notation::Notasi::Inggris;
        t
    };
    check(&sum("1,754,353,015"), "ok");
    check(&sum("1,754,353,025"), "galat DigitSalah"); // …015 with one digit wrong
}

/// The workbook form names its notation in the `dokumen` sheet: English is
/// read, a misspelt one is a problem located there, never a silent guess.
#[test]
fn the_workbook_names_its_notation() {
    let dokumen = |notasi: &str| baca::Lembar {
        nama: "dokumen".into(),
        file: "t.xlsx".into(),
        headers: vec!["kunci".into(), "nilai".into()],
        rows: vec![
            (2, vec!["format".into(), "kinerja-audit".into()]),
            (3, vec!["versi".into(), "1".into()]),
            (4, vec!["notasi".into(), notasi.into()]),
        ],
    };
    assert_eq!(baca::lembar(&[dokumen("inggris")], "t.xlsx").unwrap().notasi, notation::Notasi::Inggris);
    let err = baca::lembar(&[dokumen("inggirs")], "t.xlsx").unwrap_err();
    let text: Vec<String> = err.iter().map(|m| m.pesan().render(Lang::Id)).collect();
    assert!(text.iter().any(|t| t.contains("dokumen.notasi") && t.contains("\"inggirs\"")), "{text:?}");
}

/// A relation whose input does not read as a number is not checked, and
/// the summary says so instead of counting it as checked; the misprinted
/// figure is still a finding.
#[test]
fn unreadable_inputs_leave_their_relation_unchecked() {
    let two = |c: &str| {
        doc(
            &[("c", c), ("t", "85,00"), ("r", "75,35"), ("a", "10"), ("b", "10")],
            "",
            r#"{"jenis":"capaian","hasil":"k.c","target":"k.t","realisasi":"k.r"},
               {"jenis":"sama","hasil":"k.a","nilai":"k.b"}"#,
        )
    };
    let h = periksa(&two("88,6.5%")).unwrap();
    assert_eq!((h.relasi, h.tidak_diperiksa.clone()), (1, vec!["r1".to_string()]));
    assert_eq!(h.temuan.len(), 1);
    assert_eq!(h.temuan[0].id, "cetak:k.c");
    assert_eq!((h.galat().count(), h.transkripsi().count()), (0, 1), "the transcription's, not the report's");
    let summary = crate::tulis::ringkasan(&h).render(Lang::Id);
    assert!(summary.starts_with("1 relasi atas 5 angka tercetak diperiksa, 1 tidak dapat diperiksa"), "{summary}");
    assert!(!h.tak_terperiksa(), "another relation was checked");
    // Nothing checkable at all.
    let only = doc(&[("a", "1.2,3"), ("b", "10")], "", r#"{"jenis":"sama","hasil":"k.a","nilai":"k.b"}"#);
    assert!(periksa(&only).unwrap().tak_terperiksa());
    // A clean transcription keeps the plain summary.
    let ok = periksa(&two("88,65%")).unwrap();
    assert_eq!((ok.relasi, ok.tidak_diperiksa.len()), (2, 0));
    assert!(crate::tulis::ringkasan(&ok).render(Lang::Id).starts_with("2 relasi atas 5 angka tercetak diperiksa:"));
}

/// Products and quotients reports assert: the IKM as a weighted NRR × 25
/// ("nilai konversi"), a weighted NRR as NRR × bobot, an NRR as the sum of
/// its scores over the respondents, a percentage of rows whose totals are
/// not printed.
#[test]
fn products_and_quotients() {
    let kali = |h: &str, a: &str, b: &str| {
        doc(&[("h", h), ("a", a), ("b", b)], "", r#"{"jenis":"kali","hasil":"k.h","dari":["k.a","k.b"]}"#)
    };
    check(&kali("75,34", "3,0136", "25"), "ok");
    check(&kali("75,45", "3,0136", "25"), "galat TidakDikenali");
    let konversi =
        doc(&[("h", "75,34"), ("a", "3,0136")], "", r#"{"jenis":"kali","hasil":"k.h","dari":["k.a","=25"]}"#);
    check(&konversi, "ok");
    check(&kali("0,41", "3,71", "0,111"), "ok");
    check(&kali("4,12", "3,71", "0,111"), "galat DesimalBergeser"); // 0,412 with its point moved
    let bagi = |h: &str| {
        doc(
            &[("h", h), ("a", "360"), ("b", "97")],
            "",
            r#"{"jenis":"bagi","hasil":"k.h","pembilang":"k.a","penyebut":"k.b"}"#,
        )
    };
    check(&bagi("3,71"), "ok");
    check(&bagi("3,81"), "galat TidakDikenali");
    let tabel = r#"{"id":"p","judul":"Program","kolom":["anggaran","realisasi","persen"],"baris":[
        {"id":"a","sel":{"anggaran":"1.000.000","realisasi":"950.000","persen":"95,00%"}},
        {"id":"b","sel":{"anggaran":"3.000.000","realisasi":"2.700.000","persen":"90,00%"}},
        {"id":"x","sel":{"persen":"X"}}]}"#;
    let program = |x: &str| {
        let rel = r#"{"jenis":"persen","hasil":"p.x.persen","pembilang":["p.a.realisasi","p.b.realisasi"],"penyebut":"p.a.anggaran;p.b.anggaran"}"#;
        doc(&[], &tabel.replace('X', x), rel)
    };
    check(&program("91,25%"), "ok"); // 3.650.000 / 4.000.000, not the mean of 95 and 90
    check(&program("92,50%"), "galat TidakDikenali");
}

/// A row is located by its first text cell, and by its id too where
/// another row has the same text (two "Jumlah" rows of one table).
#[test]
fn rows_with_the_same_name_are_told_apart_by_id() {
    let tabel = r#"{"id":"t","judul":"Tabel uji","kolom":["nama","n"],"eksak":["n"],"baris":[
        {"id":"a","sel":{"nama":"A","n":"10"}},{"id":"j1","sel":{"nama":"Jumlah","n":"10"}},
        {"id":"b","sel":{"nama":"B","n":"20"}},{"id":"j2","sel":{"nama":"Jumlah","n":"21"}}]}"#;
    let t = doc(
        &[],
        tabel,
        r#"{"jenis":"sama","hasil":"t.j2.n","nilai":"t.b.n"},{"jenis":"sama","hasil":"t.a.n","nilai":"t.b.n"}"#,
    );
    let h = periksa(&t).unwrap();
    let letak: Vec<String> = h.temuan.iter().map(|f| f.letak.render(Lang::Id)).collect();
    assert_eq!(letak, vec!["Tabel uji, baris Jumlah (j2), kolom n", "Tabel uji, baris A, kolom n"]);
}

/// Notation per table, column and sentence figure: a Rupiah column printed
/// `749.930.215` beside a percentage column printed `93.6`, and a legend's
/// `0,111` on a page whose figures use `.`, read as printed.
#[test]
fn notation_per_table_column_and_figure() {
    let tabel = r#"{"id":"t","judul":"Tabel uji","kolom":["nama","anggaran","realisasi","persen"],
        "notasi_kolom":{"persen":"polos"},"eksak":["anggaran","realisasi"],"baris":[
        {"id":"a","sel":{"nama":"A","anggaran":"801.207.500","realisasi":"749.930.215","persen":"93.6"}}]}"#;
    let rel = r#"{"jenis":"persen","hasil":"t.a.persen","pembilang":"t.a.realisasi","penyebut":"t.a.anggaran"}"#;
    check(&doc(&[], tabel, rel), "ok");
    // Unmarked, `93.6` does not read in the document's notation but reads
    // one way only (as the loader reads it): 93,6.
    check(&doc(&[], &tabel.replace(r#""notasi_kolom":{"persen":"polos"},"#, ""), rel), "ok");
    // A misprint that reads no way at all stays the transcription's problem.
    let misprint = tabel.replace(r#""notasi_kolom":{"persen":"polos"},"#, "").replace("93.6", "93.6.1");
    check(&doc(&[], &misprint, rel), "transkripsi TidakTerbaca");
    let mut t = doc(
        &[("x", "0,41"), ("y", "3.71"), ("z", "0,111")],
        "",
        r#"{"jenis":"kali","hasil":"k.x","dari":["k.y","k.z"]}"#,
    );
    t.notasi = notation::Notasi::Polos;
    t.kalimat[0].notasi_nilai.insert("x".into(), notation::Notasi::Indonesia);
    t.kalimat[0].notasi_nilai.insert("z".into(), notation::Notasi::Indonesia);
    check(&t, "ok");
}

/// A relation can name the sentence that asserts it: its finding quotes
/// that sentence though its figures are table cells; an unknown sentence
/// makes the transcription unusable, located. A cell can be exact on its
/// own (`a.t`: a target column holding `65` and `44,44`).
#[test]
fn sentences_named_by_relations_and_exact_cells() {
    let tabel = r#"{"id":"t","judul":"Tabel uji","kolom":["nama","t"],"eksak":["a.t"],"baris":[
        {"id":"a","sel":{"nama":"A","t":"65"}},{"id":"b","sel":{"nama":"B","t":"44,44"}}]}"#;
    let rel = r#"{"jenis":"sama","hasil":"k.x","nilai":"t.a.t","kalimat":"k"}"#;
    let t = doc(&[("x", "65,4")], tabel, rel);
    let h = periksa(&t).unwrap();
    assert_eq!(h.temuan.len(), 1, "65 is exact: 65,4 is another figure");
    assert_eq!(h.temuan[0].kutipan.as_deref(), Some("kalimat uji"));
    check(&doc(&[("x", "65,4")], &tabel.replace(r#"["a.t"]"#, "[]"), rel), "ok"); // 65 stands for 64,5–65,5
    let unknown = doc(&[("x", "65,4")], tabel, &rel.replace(r#""kalimat":"k""#, r#""kalimat":"k9""#));
    assert!(periksa(&unknown).is_err());
}

/// `text` (Indonesian notation) in another notation: English swaps the
/// separators, plain drops the grouping.
fn in_notation(text: &str, n: notation::Notasi) -> String {
    match n {
        notation::Notasi::Inggris => text
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
        notation::Notasi::Polos => text.replace('.', "").replace(',', "."),
        _ => text.to_string(),
    }
}

proptest! {
    /// Exact figures printed as reports print them — in any of the
    /// notations, with unit words and Rupiah marks, an AKIP value with its
    /// predikat in any label style, an IKM as a weighted NRR × 25 — never
    /// give a finding.
    #[test]
    fn figures_printed_in_every_style_are_never_flagged(
        counts in proptest::collection::vec(1i64..100_000, 2..5),
        rupiah in (1i64..10_000_000_000, 1i64..10_000_000_000),
        akip in 0i64..10_000,
        nrr in 100_000i64..400_000,
        style in 0usize..4,
        unit in 0usize..4,
        notasi in 0usize..3,
    ) {
        let n = [notation::Notasi::Indonesia, notation::Notasi::Inggris, notation::Notasi::Polos][notasi];
        let p = |d: Decimal, dp: u32| in_notation(&printed(d, dp), n);
        let word = ["", " jiwa", " orang", " KK"][unit];
        let mut nilai: Vec<(String, String)> = counts.iter().enumerate().map(|(i, c)| (format!("c{i}"), format!("{}{word}", p(Decimal::from(*c), 0)))).collect();
        nilai.push(("total".into(), format!("{}{word}", p(Decimal::from(counts.iter().sum::<i64>()), 0))));
        let (pagu, real) = (Decimal::from(rupiah.0.max(rupiah.1)), Decimal::from(rupiah.0.min(rupiah.1)));
        let rp = |d: Decimal| if n == notation::Notasi::Polos { format!("Rp {}", p(d, 0)) } else { format!("Rp. {},-", p(d, 0)) };
        nilai.push(("pagu".into(), rp(pagu)));
        nilai.push(("real".into(), rp(real)));
        let serap = Ratio::from_decimal(real).checked_div(Ratio::from_decimal(pagu)).unwrap().checked_mul(Ratio::HUNDRED).unwrap();
        nilai.push(("serap".into(), format!("{} persen", in_notation(&notation::format_ratio(serap, 2).unwrap(), n))));
        let v = Decimal::new(akip, 2);
        let b = kinerja_core::band::AKIP_2021.classify(Ratio::from_decimal(v)).unwrap();
        let (num, code, label) = (p(v, 2), b.code, b.label);
        let styled = [format!("{code} ({num})"), format!("{num} ({code})"), format!("{code} ({label})"), format!("({label})")][style].clone();
        nilai.push(("akip".into(), num));
        nilai.push(("predikat".into(), styled));
        let w = Decimal::new(nrr, 5); // a weighted NRR, 1,00000–3,99999
        nilai.push(("nrr".into(), p(w, 5)));
        nilai.push(("ikm".into(), in_notation(&notation::format_ratio(Ratio::from_decimal(w).checked_mul(Ratio::int(25)).unwrap(), 2).unwrap(), n)));
        let eksak: Vec<String> = nilai.iter().map(|(k, _)| format!("\"{k}\"")).filter(|k| k.starts_with("\"c") || k.contains("total") || k.contains("pagu") || k.contains("real")).collect();
        let figures: Vec<String> = nilai.iter().map(|(k, v)| format!("\"{k}\":\"{v}\"")).collect();
        let parts: Vec<String> = (0..counts.len()).map(|i| format!("\"k.c{i}\"")).collect();
        let json = format!(
            r#"{{"format":"kinerja-audit","versi":1,"notasi":"{notasi}","dokumen":{{"judul":"uji","tahun":2024}},
               "kalimat":[{{"id":"k","teks":"uji","nilai":{{{figures}}},"eksak":[{eksak}]}}],
               "relasi":[{{"jenis":"jumlah","hasil":"k.total","dari":[{parts}]}},
                         {{"jenis":"persen","hasil":"k.serap","pembilang":"k.real","penyebut":"k.pagu"}},
                         {{"jenis":"label","hasil":"k.predikat","nilai":"k.akip","skala":"predikat_akip"}},
                         {{"jenis":"kali","hasil":"k.ikm","dari":["k.nrr","=25"]}}]}}"#,
            notasi = ["indonesia", "inggris", "polos"][notasi],
            figures = figures.join(","),
            eksak = eksak.join(","),
            parts = parts.join(","),
        );
        let t: Transkripsi = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
        let h = periksa(&t).unwrap();
        prop_assert!(h.temuan.is_empty() && h.tidak_diperiksa.is_empty(), "{json}\n{:#?}", h.temuan);
    }
}

/// A printed band table against the regulation's: PermenPANRB 14/2017's
/// NRR intervals (the IKM bands ÷ 25) as its appendix prints them are
/// clean; a bound off by one hundredth is found.
#[test]
fn printed_band_tables_follow_the_regulation() {
    let rows = |c_bawah: &str| {
        format!(
            r#"{{"id":"s","judul":"Nilai interval","kolom":["mutu","bawah","atas"],"eksak":["bawah","atas"],"baris":[
            {{"id":"a","sel":{{"mutu":"A","bawah":"3,5324","atas":"4,00"}}}},{{"id":"b","sel":{{"mutu":"B","bawah":"3,0644","atas":"3,532"}}}},
            {{"id":"c","sel":{{"mutu":"C","bawah":"{c_bawah}","atas":"3,064"}}}},{{"id":"d","sel":{{"mutu":"D","bawah":"1,00","atas":"2,5996"}}}}]}}"#
        )
    };
    let rel = r#"{"id":"nrr","jenis":"skala_tercetak","skala":"mutu_nrr_2017","kode":"s.*.mutu","bawah":"s.*.bawah","atas":"s.*.atas"}"#;
    check(&doc(&[], &rows("2,60"), rel), "ok");
    let h = periksa(&doc(&[], &rows("2,59"), rel)).unwrap();
    assert_eq!(h.temuan.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), vec!["nrr:s.c.bawah"]);
    assert!(
        h.temuan[0].uraian.render(Lang::Id).ends_with("menurut regulasi 2,60"),
        "{:?}",
        h.temuan[0].uraian.render(Lang::Id)
    );
}

/// A label read against the band table the report prints (`menurut`):
/// the report's B from 76,60 labels its 76,60 B consistently — the table's
/// bound is the finding, not every label — while a label outside every row
/// printing it is found.
#[test]
fn labels_against_the_reports_own_table() {
    let tabel = r#"{"id":"s","judul":"Mutu","kolom":["mutu","bawah","atas"],"eksak":["bawah","atas"],"baris":[
        {"id":"a","sel":{"mutu":"A","bawah":"88,31","atas":"100,00"}},{"id":"b","sel":{"mutu":"B","bawah":"76,60","atas":"88,30"}},
        {"id":"c","sel":{"mutu":"C","bawah":"65,00","atas":"76,59"}},{"id":"d","sel":{"mutu":"D","bawah":"25,00","atas":"64,99"}}]}"#;
    let rel = |label: &str| {
        format!(
            r#"{{"id":"tabel","jenis":"skala_tercetak","skala":"mutu_ikm_2017","kode":"s.*.mutu","bawah":"s.*.bawah","atas":"s.*.atas"}},
               {{"id":"ikm","jenis":"label","hasil":"k.x","nilai":"k.y","skala":"mutu_ikm_2017"{label}}}"#
        )
    };
    let ids = |t: &Transkripsi| periksa(t).unwrap().temuan.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    let by_report = doc(&[("x", "B"), ("y", "76,60")], tabel, &rel(r#","menurut":"tabel""#));
    assert_eq!(ids(&by_report), vec!["tabel:s.b.bawah", "tabel:s.c.atas"]);
    let by_regulation = doc(&[("x", "B"), ("y", "76,60")], tabel, &rel(""));
    assert_eq!(ids(&by_regulation), vec!["tabel:s.b.bawah", "tabel:s.c.atas", "ikm"]);
    let outside = doc(&[("x", "A"), ("y", "76,60")], tabel, &rel(r#","menurut":"tabel""#));
    assert_eq!(ids(&outside), vec!["tabel:s.b.bawah", "tabel:s.c.atas", "ikm"]);
    let unknown = doc(&[("x", "B"), ("y", "76,60")], tabel, &rel(r#","menurut":"lain""#));
    assert!(periksa(&unknown).is_err(), "a table that is not there is a transcription problem");
}

/// A percentage computed on another row's base is a recognised cause.
#[test]
fn percentages_on_another_rows_base() {
    let tabel = r#"{"id":"p","judul":"Program","kolom":["nama","anggaran","realisasi","persen"],"eksak":["anggaran","realisasi"],"baris":[
        {"id":"a","sel":{"nama":"A","anggaran":"1.000.000","realisasi":"950.000","persen":"X"}},
        {"id":"b","sel":{"nama":"B","anggaran":"3.000.000","realisasi":"2.700.000","persen":"90,00%"}}]}"#;
    let rel = r#"{"jenis":"persen","hasil":"p.a.persen","pembilang":"p.a.realisasi","penyebut":"p.a.anggaran"}"#;
    check(&doc(&[], &tabel.replace('X', "95,00%"), rel), "ok");
    check(&doc(&[], &tabel.replace('X', "31,67%"), rel), "galat DasarBarisLain"); // 950.000 / 3.000.000
}

/// A label on a figure outside its scale's range says so.
#[test]
fn a_label_outside_its_scale_says_so() {
    let t = doc(
        &[("x", "A"), ("y", "102,50")],
        "",
        r#"{"jenis":"label","hasil":"k.x","nilai":"k.y","skala":"mutu_ikm_2017"}"#,
    );
    let h = periksa(&t).unwrap();
    let said = h.temuan[0].uraian.render(Lang::Id);
    assert!(said.ends_with("nilainya di luar rentang skala (25,00 – 100,00)"), "{said}");
}

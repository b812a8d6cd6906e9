//! `kinerja calc`: the calculator gives the core's capaian, IKM, AKIP and
//! goal-seek answers.

use std::fs;

use crate::support::{kinerja, ok, p};

#[test]
fn calc_uses_the_core() {
    assert_eq!(
        ok(&["calc", "capaian", "--target", "85", "--realisasi", "75,35"]).trim(),
        "capaian 88,65% · predikat Tinggi"
    );
    let j: serde_json::Value = serde_json::from_str(&ok(&[
        "calc",
        "capaian",
        "--target",
        "10",
        "--realisasi",
        "8",
        "--polaritas",
        "negatif",
        "--metode",
        "rasio",
        "--batas",
        "120",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!((j["capaian"].as_str(), j["predikat"].as_str()), (Some("120.00"), Some("Sangat Tinggi")));
    let ids = kinerja_tests::SEI_BALAI_NRR;
    let mut args = vec!["calc", "ikm", "--bobot", "0.111"];
    for i in &ids {
        args.extend(["--nrr", i]);
    }
    assert_eq!(ok(&args).trim(), "IKM 75,34 · mutu C (Kurang Baik) · bobot 0,111 · permenpanrb_14_2017");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("jawaban.csv");
    let mut text = String::from("responden,unsur_id,skor\n");
    for r in 1..=2 {
        for u in
            ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
        {
            text.push_str(&format!("{r},{u},{}\n", 2 + r));
        }
    }
    fs::write(&csv, &text).unwrap();
    assert!(ok(&["calc", "ikm", "--jawaban", p(&csv)]).starts_with("IKM 87,50 · mutu B"));
    fs::write(&csv, text + "3,sarana,5\n").unwrap();
    let r = kinerja(&["calc", "ikm", "--jawaban", p(&csv)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("row 20, column skor: expected an integer 1..4, found \"5\""), "{}", r.err);
    assert_eq!(ok(&kinerja_tests::SEI_BALAI_AKIP).trim(), "nilai AKIP 72,62 · predikat BB (Sangat Baik)");
    assert_eq!(ok(&["calc", "goalseek", "--akip", "AA"]).trim(), "nilai AKIP ≥ 90,01 for predikat AA");
    assert_eq!(ok(&["calc", "goalseek", "--mutu", "B"]).trim(), "IKM ≥ 76,61 for mutu B");
    assert_eq!(
        ok(&["calc", "goalseek", "--target", "87,50", "--capaian", "100"]).trim(),
        "capaian 100%: realisasi ≥ 87,50"
    );
    let all = ok(&["calc", "goalseek", "--target", "87,50"]);
    assert!(
        all.contains("predikat Sangat Tinggi: realisasi ≥ 79,63")
            && all.contains("predikat Sangat Rendah: any realisasi"),
        "{all}"
    );
}

/// The regulation's sample test at its boundary: the seed's 97 respondents
/// suffice for 130 service users, not for 131, nor for Sei Balai's 30,336
/// inhabitants.
#[test]
fn calc_sampel_applies_the_krejcie_morgan_table() {
    let text = ok(&["--lang", "id", "calc", "sampel", "--populasi", "30336", "--responden", "97"]);
    assert!(text.contains("sampel minimum untuk populasi 30.336: 379 responden"), "{text}");
    assert!(text.contains("97 responden: kurang dari minimum 379"), "{text}");
    assert!(text.contains("mencukupi populasi paling banyak 130"), "{text}");
    let at = |populasi: &str| -> serde_json::Value {
        serde_json::from_str(&ok(&["calc", "sampel", "--populasi", populasi, "--responden", "97", "--format", "json"]))
            .unwrap()
    };
    assert_eq!(at("130")["responden"]["cukup"], true);
    assert_eq!(at("131")["responden"]["cukup"], false);
    assert_eq!(at("131")["sampel_minimum"], 98);
    assert!(ok(&["--lang", "id", "calc", "sampel", "--responden", "384"]).contains("mencukupi populasi berapa pun"));
    let en = ok(&["--lang", "en", "calc", "sampel", "--responden", "383"]);
    assert!(en.contains("383 respondents suffice for a population of at most"), "{en}");
    let none = kinerja(&["calc", "sampel"]);
    assert_eq!(none.code, 2, "a population or a sample is needed: {}", none.err);
    let bad = kinerja(&["calc", "sampel", "--populasi", "banyak"]);
    assert_eq!(bad.code, 2, "{}", bad.err);
}

/// The seed's IKM with its 97 respondents: the conservative interval is
/// labelled as such, and the sample is judged against the population.
#[test]
fn calc_ikm_gives_the_conservative_interval_and_the_sample_test() {
    let mut args = vec!["--lang", "id", "calc", "ikm", "--bobot", "0.111", "--responden", "97", "--populasi", "30336"];
    for i in &kinerja_tests::SEI_BALAI_NRR {
        args.extend(["--nrr", i]);
    }
    let text = ok(&args);
    assert!(text.starts_with("IKM 75,34 · mutu C"), "{text}");
    assert!(
        text.contains("selang 95 % konservatif (batas Bhatia–Davis, dari IKM dan 97 responden): 68,34 – 82,34"),
        "{text}"
    );
    assert!(text.contains("97 responden: kurang dari minimum 379 untuk populasi 30.336"), "{text}");
    args.extend(["--format", "json"]);
    let j: serde_json::Value = serde_json::from_str(&ok(&args)).unwrap();
    assert_eq!(
        (j["selang_95"]["metode"].as_str(), j["selang_95"]["bawah"].as_str()),
        (Some("konservatif"), Some("68.34"))
    );
    assert_eq!(j["sampel"]["cukup"], false);
    assert_eq!(j["ikm"], "75.34", "the point value is unchanged");
}

/// From raw answers: the analytic interval of the IKM as computed (for
/// respondents who answer every unsur alike, the mean of their own IKM:
/// 100, 75, 75, 50 give 75 ± 1,96·10,2063), and on request the percentile
/// bootstrap, the same for the same seed.
#[test]
fn calc_ikm_from_answers_gives_the_analytic_and_bootstrap_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("jawaban.csv");
    let mut text = String::from("responden,unsur_id,skor\n");
    for (r, skor) in [(1, 4), (2, 3), (3, 3), (4, 2)] {
        for u in kinerja_core::skm::Skema::PermenPanRb14_2017.unsur() {
            text.push_str(&format!("{r},{},{skor}\n", u.id));
        }
    }
    fs::write(&csv, &text).unwrap();
    let out = ok(&["--lang", "id", "calc", "ikm", "--jawaban", p(&csv)]);
    assert!(out.contains("selang 95 % analitik (dari jawaban mentah 4 responden): 55,00 – 95,00"), "{out}");
    let run = |benih: &str| -> serde_json::Value {
        let args = ["calc", "ikm", "--jawaban", p(&csv), "--bootstrap", "500", "--benih", benih, "--format", "json"];
        serde_json::from_str(&ok(&args)).unwrap()
    };
    let j = run("9");
    assert_eq!(
        (j["selang_95"]["metode"].as_str(), j["selang_95"]["galat_baku"].as_str()),
        (Some("analitik"), Some("10.2063"))
    );
    assert_eq!(j["selang_95_bootstrap"]["metode"]["bootstrap"]["ulangan"], 500);
    assert_eq!(j, run("9"), "same seed, same interval");
    // A census: no sampling error.
    let census = ok(&["--lang", "id", "calc", "ikm", "--jawaban", p(&csv), "--populasi", "4"]);
    assert!(census.contains("75,00 – 75,00"), "{census}");
    // The bootstrap needs the answers; the population needs a sample.
    assert_eq!(kinerja(&["calc", "ikm", "--nrr", "persyaratan=3", "--bootstrap", "100"]).code, 2);
    assert_eq!(kinerja(&["calc", "ikm", "--nrr", "persyaratan=3", "--populasi", "100"]).code, 2);
}

/// The respondents a precision needs: ±1 point around the seed's IKM for
/// Sei Balai's 30,336 inhabitants needs 4,121 — the regulation's 379 give
/// about ±3,6.
#[test]
fn calc_sampel_gives_the_respondents_a_precision_needs() {
    let text = ok(&["--lang", "id", "calc", "sampel", "--ikm", "75,35", "--presisi", "1", "--populasi", "30336"]);
    assert!(text.contains("± 1,00 poin di sekitar IKM 75,35: 4.121 responden (konservatif"), "{text}");
    let j: serde_json::Value =
        serde_json::from_str(&ok(&["calc", "sampel", "--ikm", "75.35", "--presisi", "2", "--format", "json"])).unwrap();
    assert_eq!(j["untuk_presisi"]["responden"], 1192);
    assert_eq!(kinerja(&["calc", "sampel", "--ikm", "75"]).code, 2, "a precision is needed");
}

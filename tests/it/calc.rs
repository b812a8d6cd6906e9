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

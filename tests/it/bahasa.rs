//! The command line speaks Bahasa Indonesia by default and English with
//! `--lang en` or an English locale; every message comes from the one
//! catalogue (`kinerja-pesan`). With `KINERJA_PESAN_KETAT` set, the CLI
//! marks `[EN]` any line the catalogue does not know, so these tests fail
//! on an untranslated message. The corpus (`corpus.rs`) runs every bad-input
//! case in both languages the same way.

use crate::support::{Run, kinerja_strict, p};

/// Every command and subcommand, as its words.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["load"],
    &["report"],
    &["sql"],
    &["compare"],
    &["calc"],
    &["calc", "capaian"],
    &["calc", "ikm"],
    &["calc", "akip"],
    &["calc", "goalseek"],
    &["export"],
    &["export", "parquet"],
    &["export", "spark"],
    &["export", "snapshot"],
    &["demo"],
    &["demo", "synth"],
    &["serve"],
    &["plan"],
    &["plan", "import"],
    &["template"],
    &["riwayat"],
    &["audit"],
];

#[test]
fn help_is_in_bahasa_indonesia_throughout_and_in_english_on_request() {
    for cmd in COMMANDS {
        let args: Vec<&str> = cmd.iter().copied().chain(["--help"]).collect();
        let Run { code, out: id, .. } = kinerja_strict("id", &args);
        assert_eq!(code, 0, "{cmd:?}");
        assert!(!id.contains("[EN]"), "{cmd:?}: an untranslated help text:\n{id}");
        assert!(id.contains("Penggunaan: kinerja"), "{cmd:?}:\n{id}");
        for english in ["Usage:", "Options:", "Print help", "[default:", "Examples:"] {
            assert!(!id.contains(english), "{cmd:?}: {english:?} in\n{id}");
        }
        let en = kinerja_strict("en", &args).out;
        assert!(en.contains("Usage: kinerja") && en.contains("Print help"), "{cmd:?}:\n{en}");
        let flag = kinerja_strict("id", &[&["--lang", "en"][..], &args].concat()).out;
        assert_eq!(flag, en, "--lang en wins over the locale");
    }
    let id = kinerja_strict("en", &["--lang=id", "load", "--help"]).out;
    assert!(id.contains("Penggunaan: kinerja load"), "--lang id wins over an English locale:\n{id}");
}

#[test]
fn usage_errors_are_in_bahasa_indonesia() {
    for (args, words) in [
        (&["load", "--nope"][..], "galat: argumen '--nope' tidak dikenal"),
        (&["frobnicate"], "galat: subperintah 'frobnicate' tidak dikenal"),
        (&["report", "--tahun", "2024"], "galat: argumen wajib berikut tidak diberikan:"),
        (&["report", "--kecamatan", "x", "--tahun", "dua"], "galat: nilai 'dua' tidak sah untuk '--tahun <TAHUN>'"),
    ] {
        let Run { code, err, .. } = kinerja_strict("id", args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(!err.contains("[EN]"), "{args:?}: an untranslated line:\n{err}");
        assert!(err.contains("Penggunaan: kinerja") || err.contains("--help"), "{args:?}: {err}");
        let Run { code, err, .. } = kinerja_strict("en", args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("error: "), "{args:?}: {err}");
    }
}

#[test]
fn runtime_errors_and_summaries_are_in_bahasa_indonesia() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.duckdb");
    let Run { code, out, err } = kinerja_strict("id", &["load", p(&kinerja_tests::data_dir()), "--db", p(&db)]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("[EN]"), "{out}");
    assert!(out.contains("baris dibaca"), "{out}");
    let Run { code, err, .. } =
        kinerja_strict("id", &["report", "--kecamatan", "Atlantis", "--tahun", "2024", "--db", p(&db)]);
    assert_eq!(code, 1);
    assert!(!err.contains("[EN]") && err.starts_with("kinerja: "), "{err}");
    assert!(err.contains("\"Atlantis\""), "{err}");
    let Run { code, err, .. } =
        kinerja_strict("id", &["sql", "SELECT 1", "--db", p(&dir.path().join("tidak-ada.duckdb"))]);
    assert_eq!(code, 1);
    assert!(!err.contains("[EN]") && err.contains("kinerja load"), "{err}");
    // A load with bad rows: the frame of every problem in Bahasa Indonesia.
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    kinerja_tests::copy_seed(&bad);
    let target = std::fs::read_to_string(bad.join("target.csv")).unwrap();
    std::fs::write(bad.join("target.csv"), target + "12.19.07,ikm,2027,renstra,92.5.0,,x\n").unwrap();
    let Run { code, err, .. } = kinerja_strict("id", &["load", p(&bad), "--db", p(&db)]);
    assert_eq!(code, 1);
    assert!(err.contains("target.csv, baris 16, kolom nilai: diharapkan "), "{err}");
    assert!(!err.contains("[EN]"), "{err}");
    let err = kinerja_strict("en", &["load", p(&bad), "--db", p(&db)]).err;
    assert!(err.contains("target.csv, row 16, column nilai: expected "), "{err}");
}

#[test]
fn every_command_reports_in_bahasa_indonesia() {
    let dir = tempfile::tempdir().unwrap();
    let (db, d) = (dir.path().join("k.duckdb"), dir.path());
    let skenario = d.join("optimis.csv");
    std::fs::write(&skenario, "kode_unit,indikator_id,tahun,jenis,nilai\n12.19.07,ikm,2025,target,88.5\n").unwrap();
    let nrr = kinerja_tests::SEI_BALAI_NRR;
    let ikm: Vec<&str> =
        ["calc", "ikm", "--bobot", "0.111"].into_iter().chain(nrr.iter().flat_map(|n| ["--nrr", n])).collect();
    let db = p(&db);
    let (data, t, pq, snap, lap) =
        (kinerja_tests::data_dir(), d.join("t.xlsx"), d.join("pq"), d.join("s.json"), d.join("lap"));
    let spark = d.join("spark");
    let runs: Vec<Vec<&str>> = vec![
        vec!["load", p(&data), "--db", db],
        vec!["demo", "synth", "--db", db],
        vec!["compare", "--kabupaten", "12.19", "--tahun", "2024", "--db", db],
        vec!["template", "--out", p(&t)],
        vec!["export", "parquet", "--out", p(&pq), "--db", db],
        vec!["export", "spark", "--out", p(&spark), "--db", db],
        vec!["export", "snapshot", "--out", p(&snap), "--db", db],
        vec!["report", "--kabupaten", "12.19", "--tahun", "2024", "--out", p(&lap), "--db", db],
        vec!["plan", "import", p(&skenario), "--scenario", "optimis", "--db", db],
        vec!["riwayat", "--db", db],
        vec!["calc", "capaian", "--target", "85", "--realisasi", "75,35"],
        ikm,
        kinerja_tests::SEI_BALAI_AKIP.to_vec(),
        vec!["calc", "goalseek", "--target", "87,50", "--capaian", "100"],
        vec!["calc", "goalseek", "--mutu", "B"],
    ];
    for args in &runs {
        let Run { code, out, err } = kinerja_strict("id", args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(!out.contains("[EN]") && !err.contains("[EN]"), "{args:?}: an untranslated line:\n{out}{err}");
    }
    let out = kinerja_strict("id", &["riwayat", "--db", db]).out;
    assert!(out.contains("18 berkas (") && out.contains(" bita)"), "{out}");
    let out = kinerja_strict("en", &["riwayat", "--db", db]).out;
    assert!(out.contains("files (") && out.contains("bytes)"), "{out}");
}

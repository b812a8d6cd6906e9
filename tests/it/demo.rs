//! `kinerja demo synth`: the national demo written as files, loaded back,
//! and its refusals.

use crate::support::{kinerja, ok, p};

#[test]
fn national_demo_files_load_with_the_answers_as_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let (src, out, db) = (dir.path().join("src.duckdb"), dir.path().join("nasional"), dir.path().join("k.duckdb"));
    let args = ["demo", "synth", "--scale", "national", "--fraction", "0,001", "--tahun", "2024-2024"];
    let said = ok(&[&args[..], &["--db", p(&src), "--out", p(&out), "--format", "parquet"]].concat());
    assert!(said.contains("of 7285 kecamatan") && said.contains("skm_jawaban.parquet"), "{said}");
    let loaded = ok(&["load", p(&out), "--db", p(&db)]);
    assert!(loaded.contains("skm_jawaban"), "{loaded}");
    let q = "SELECT count(*), sum(skor) FROM skm_jawaban WHERE kj_sintetis(sumber)";
    assert_eq!(ok(&["sql", q, "--format", "csv", "--db", p(&db)]), ok(&["sql", q, "--format", "csv", "--db", p(&src)]));
    let r = kinerja(&["load", p(&out), "--db", p(&db), "--memory-limit", "lots"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("--memory-limit") && r.err.contains("400MB"), "{}", r.err);
    let r = kinerja(&["demo", "synth", "--scale", "national", "--fraction", "2", "--db", p(&src)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("--fraction: expected a share between 0 and 1"), "{}", r.err);
}

//! `kinerja export`: Parquet, and the planner's snapshot of a kabupaten, a
//! provinsi or the nation.

use std::fs;

use crate::support::{kinerja, loaded, ok, p};

#[test]
fn exports() {
    let (dir, db) = loaded();
    let out = dir.path().join("pq");
    ok(&["export", "parquet", "--out", p(&out), "--db", p(&db)]);
    assert!(out.join("capaian/kode_kabupaten=12.19/tahun=2024").is_dir());
    let snap = dir.path().join("web/snapshot.json");
    ok(&["export", "snapshot", "--out", p(&snap), "--db", p(&db)]);
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&snap).unwrap()).unwrap();
    assert_eq!((v["versi"].as_u64(), v["kode_wilayah"].as_str()), (Some(2), Some("12.19")));
    // A provinsi, and the nation (the comparison tables only).
    let prov = dir.path().join("web/provinsi.json");
    let said = ok(&["export", "snapshot", "--provinsi", "12", "--out", p(&prov), "--db", p(&db)]);
    assert!(said.contains("provinsi 12") && said.contains("kecamatan"), "{said}");
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&prov).unwrap()).unwrap();
    assert_eq!((v["kode_wilayah"].as_str(), v["ringkas"].as_bool()), (Some("12"), Some(false)));
    let nation = dir.path().join("web/nasional.json");
    ok(&["export", "snapshot", "--nasional", "--out", p(&nation), "--db", p(&db)]);
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&nation).unwrap()).unwrap();
    assert_eq!((v["kode_wilayah"].as_str(), v["ringkas"].as_bool()), (Some(""), Some(true)));
    assert!(v["data"]["realisasi"].as_array().is_some_and(|r| !r.is_empty()));
    assert!(v["data"]["anggaran_program"].as_array().is_some_and(Vec::is_empty));
    let r = kinerja(&["export", "snapshot", "--provinsi", "99", "--out", p(&nation), "--db", p(&db)]);
    assert!(r.code == 1 && r.err.contains("no kabupaten or provinsi \"99\""), "{}", r.err);
    let r = kinerja(&["export", "snapshot", "--provinsi", "12", "--nasional", "--out", p(&nation), "--db", p(&db)]);
    assert_eq!(r.code, 2, "one region at a time");
}

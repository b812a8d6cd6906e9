//! `kinerja plan import`: a planner scenario stored as a target revision,
//! beside the targets in force.

use std::fs;

use crate::support::{kinerja, loaded, ok, p};

#[test]
fn a_planner_scenario_becomes_a_target_revision() {
    let (dir, db) = loaded();
    let file = dir.path().join("kinerja-skenario.json");
    fs::write(
        &file,
        r#"{"format":"kinerja-skenario","versi":1,"skenario":[{"nama":"optimis","dibuat":"2026-11-28T08:00:00Z","nilai":[
            {"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"88.50"},
            {"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"realisasi","nilai":"86"},
            {"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2024,"jenis":"target","nilai":"80"}]}]}"#,
    )
    .unwrap();
    let out = ok(&["plan", "import", p(&file), "--scenario", "optimis", "--db", p(&db)]);
    assert!(out.contains("Stored 2 targets") && out.contains("1 hypothetical value (realisasi"), "{out}");
    let rows = ok(&[
        "sql",
        "SELECT tahun, target_skenario, target_berlaku, realisasi, capaian_terhadap_skenario FROM v_skenario ORDER BY tahun",
        "--format",
        "csv",
        "--db",
        p(&db),
    ]);
    assert_eq!(
        rows,
        "tahun,target_skenario,target_berlaku,realisasi,capaian_terhadap_skenario\n2024,80.0000,85.0000,75.3500,94.19\n2025,88.5000,87.5000,,\n"
    );
    // Scenario targets do not change the target in force.
    let cap = ok(&[
        "sql",
        "SELECT capaian FROM v_capaian WHERE kode_unit = '12.19.07' AND indikator_id = 'ikm' AND tahun = 2024",
        "--format",
        "csv",
        "--db",
        p(&db),
    ]);
    assert_eq!(cap, "capaian\n88.65\n");
    // Re-importing replaces; unknown names and units are refused with a message.
    ok(&["plan", "import", p(&file), "--scenario", "optimis", "--db", p(&db)]);
    assert!(
        ok(&["sql", "SELECT count(*) FROM target WHERE jenis = 'skenario:optimis'", "--format", "csv", "--db", p(&db)])
            .ends_with("\n2\n")
    );
    let r = kinerja(&["plan", "import", p(&file), "--scenario", "pesimis", "--db", p(&db)]);
    assert!(r.code == 1 && r.err.contains("has no scenario \"pesimis\" (it has: optimis)"), "{}", r.err);
    fs::write(
        &file,
        fs::read_to_string(&file).unwrap().replace(
            "12.19.07\",\"indikator_id\":\"ikm\",\"tahun\":2024",
            "12.19.99\",\"indikator_id\":\"ikm\",\"tahun\":2024",
        ),
    )
    .unwrap();
    let r = kinerja(&["plan", "import", p(&file), "--scenario", "optimis", "--db", p(&db)]);
    assert!(r.code == 1 && r.err.contains("kecamatan 12.19.99"), "{}", r.err);
}

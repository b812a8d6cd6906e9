use super::*;

const GOOD: &str = r#"{"format":"kinerja-skenario","versi":1,"skenario":[
    {"nama":"optimis","dibuat":"2026-11-28T00:00:00Z","kode_kabupaten":"12.19",
     "nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"87.50"}],
     "nrr":[{"kode_unit":"12.19.07","tahun":2024,"unsur_id":"pengaduan","nrr":"3,10"}]}]}"#;

fn check(input: &str, expect: &str) {
    let got = match from_json(input) {
        Ok(b) => format!("ok {}", b.skenario.len()),
        Err(e) => e.to_string(),
    };
    assert_eq!(got, expect);
}

#[test]
fn round_trip() {
    let b = from_json(GOOD).unwrap();
    assert_eq!(b.skenario[0].nrr[0].nrr.to_string(), "3.10");
    assert_eq!(from_json(&to_json(&b)).unwrap(), b);
    let csv = to_csv(&b.skenario[0]);
    assert_eq!(csv, "kode_unit,indikator_id,tahun,jenis,nilai\n12.19.07,ikm,2025,target,87.50\n");
    assert_eq!(from_csv(&csv, "optimis").unwrap().nilai, b.skenario[0].nilai);
}

#[test]
fn located_errors() {
    check(
        "{\"skenario\": [",
        "line 1, column 14: expected a JSON scenario file, found the end of the text (EOF) before the JSON is complete",
    );
    check(r#"{"format":"x","skenario":[]}"#, "format: expected \"kinerja-skenario\", found \"x\"");
    check(r#"{"versi":9,"skenario":[]}"#, "scenario format version 9 is newer than this Kinerja supports (1)");
    check(
        r#"{"versi":1,"skenario":[{"nama":"a","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":87.5}]}]}"#,
        "skenario[0].nilai[0].nilai: expected a decimal written as a string, e.g. \"87.50\" (numbers are not accepted: they may be read as floats), found 87.5",
    );
    check(
        r#"{"versi":1,"skenario":[{"nama":"a","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":"2025","jenis":"rencana","nilai":"1.234"}]}]}"#,
        "skenario[0].nilai[0].jenis: expected \"target\" or \"realisasi\", found \"rencana\"\nskenario[0].nilai[0].tahun: expected a year such as 2025, found \"2025\"\nskenario[0].nilai[0].nilai: expected a decimal such as \"87.50\" (ambiguous number \"1.234\": 1234 in Indonesian notation, 1.234 in plain notation; write 1.234,0 or 1234 to say which), found 1.234",
    );
    check(
        r#"{"versi":1,"skenario":[{"nama":"a"},{"nama":"a"}]}"#,
        "skenario[1].nama: expected a name not used by another scenario, found a",
    );
}

#[test]
fn storage_keeps_what_it_can() {
    let mixed = r#"{"format":"kinerja-skenario","versi":1,"skenario":[{"nama":"baik"},{"nama":""},{"nama":"juga","nilai":[{"jenis":"target"}]}]}"#;
    let d = read_storage(mixed).unwrap();
    assert_eq!(d.file.skenario.iter().map(|s| s.nama.as_str()).collect::<Vec<_>>(), ["baik"]);
    assert!(d.skipped.iter().any(|m| m.location == Location::Path("skenario[1].nama".into())));
    assert!(d.skipped.iter().any(|m| m.location == Location::Path("skenario[2].nilai[0].kode_unit".into())));
    // Written before versioning: read as version 0.
    let old = read_storage(r#"{"skenario":[{"nama":"lama"}]}"#).unwrap();
    assert_eq!((old.from_version, old.file.skenario.len()), (0, 1));
    assert!(matches!(read_storage("not json"), Err(Error::Invalid(_))));
    assert!(matches!(read_storage(r#"{"versi":2,"skenario":[]}"#), Err(Error::Newer { found: 2 })));
}

#[test]
fn csv_errors_are_located() {
    let e = from_csv(
        "kode_unit,indikator_id,tahun,jenis,nilai\n12.19.07,ikm,20x5,target,87.5\n12.19.07,ikm,2025,target\n",
        "x",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 2, column tahun: expected a year such as 2025, found 20x5\nrow 3, column *: expected 5 fields, found 4 fields"
    );
    assert!(from_csv("a,b\n", "x").is_err());
}

#[test]
fn deep_nesting_is_refused_where_it_starts() {
    let text = format!("{{\"skenario\": {}", "[".repeat(100));
    let e = from_json(&text).unwrap_err().to_string();
    assert_eq!(e, "line 1, column 77: expected a JSON scenario file, found lists or objects nested more than 64 deep");
    let quoted = format!("{{\"skenario\": [], \"catatan\": \"{}\"}}", "[".repeat(100));
    assert!(from_json(&quoted).is_ok(), "brackets inside a string do not nest");
}

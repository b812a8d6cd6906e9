//! `kinerja riwayat`: the history of writes to a database, with the files
//! each one read.

use crate::support::{loaded, ok, p};

#[test]
fn riwayat_lists_each_write_with_its_files() {
    let (_dir, db) = loaded();
    ok(&["demo", "synth", "--kabupaten", "12.19", "--seed", "9", "--db", p(&db)]);
    let csv = ok(&["riwayat", "--format", "csv", "--db", p(&db)]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,waktu_utc,perintah,keterangan,berkas,baris_dibaca,baris_diubah");
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("1,") && lines[1].contains(",muat,,") && lines[1].ends_with(",213,213"), "{csv}");
    assert!(lines[2].contains(",sintetis,\"kabupaten 12.19, seed 9\",,"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&ok(&["riwayat", "--format", "json", "--db", p(&db)])).unwrap();
    let files = json[0]["berkas"].as_array().unwrap();
    assert!(files.iter().any(|f| f["berkas"].as_str().unwrap().ends_with("wilayah.csv")));
    assert!(files.iter().all(|f| f["sha256"].as_str().unwrap().len() == 64));
}

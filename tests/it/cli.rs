//! The `kinerja` command line as a whole: exit codes, help on every
//! command, waiting for a database another process holds, a reader that
//! goes away.

use std::fs;

use kinerja_tests::data_dir;

use crate::support::{kinerja, kinerja_in, loaded, ok, p};

#[test]
fn errors_and_exit_codes() {
    let (dir, db) = loaded();
    // Usage errors exit 2.
    assert_eq!(kinerja(&["report", "--db", p(&db)]).code, 2);
    assert_eq!(kinerja(&["frobnicate"]).code, 2);
    // Unknown kecamatan, missing database: exit 1 with a message.
    let r = kinerja(&["report", "--kecamatan", "Atlantis", "--tahun", "2024", "--db", p(&db)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("no kecamatan \"Atlantis\""), "{}", r.err);
    let r = kinerja(&["sql", "SELECT 1", "--db", p(&dir.path().join("nope.duckdb"))]);
    assert!(r.code == 1 && r.err.contains("kinerja load"), "{}", r.err);
    // A bad row at the end of a file: every problem listed, database unchanged.
    let bad = dir.path().join("bad");
    fs::create_dir(&bad).unwrap();
    kinerja_tests::copy_seed(&bad);
    let mut t = fs::read_to_string(bad.join("target.csv")).unwrap();
    t.push_str("12.19.07,ikm,2027,renstra,92.5.0,,x\n12.19.07,ikm,2028,rencana,93,,x\n");
    fs::write(bad.join("target.csv"), t).unwrap();
    let before = ok(&["sql", "SELECT count(*), sum(nilai) FROM target", "--format", "csv", "--db", p(&db)]);
    let r = kinerja(&["load", p(&bad), "--db", p(&db)]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("target.csv, row 16, column nilai") && r.err.contains("target.csv, row 17, column jenis"),
        "{}",
        r.err
    );
    assert_eq!(ok(&["sql", "SELECT count(*), sum(nilai) FROM target", "--format", "csv", "--db", p(&db)]), before);
    // Help has examples on every command.
    for cmd in [
        &["load"][..],
        &["report"],
        &["sql"],
        &["compare"],
        &["calc", "capaian"],
        &["calc", "ikm"],
        &["calc", "akip"],
        &["calc", "goalseek"],
        &["export", "parquet"],
        &["export", "snapshot"],
        &["demo", "synth"],
    ] {
        let mut a = cmd.to_vec();
        a.push("--help");
        let h = ok(&a);
        assert!(h.contains("Example"), "{cmd:?}: {h}");
    }
}

/// DuckDB lets one process hold a file for writing: a command finding it
/// held waits, says so, and goes on once it is released.
#[test]
fn a_command_waits_for_a_database_held_by_another_process() {
    let (_dir, db) = loaded();
    let holder = duckdb::Connection::open(&db).unwrap();
    let child = kinerja_in("en")
        .args(["sql", "SELECT count(*) AS n FROM realisasi", "--format", "csv", "--db", p(&db)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    drop(holder);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is in use by another process; waiting"));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "n\n12\n");
}

#[test]
fn a_reader_that_goes_away_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    let (_dir, db) = loaded();
    // `kinerja sql … | head -1`, and a load summary read by `head -1`.
    for args in [
        vec!["sql", "SELECT range AS n FROM range(1000000)", "--format", "csv", "--db", p(&db)],
        vec!["load", data_dir().to_str().unwrap(), "--db", p(&db)],
    ] {
        let mut child = kinerja_in("en")
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{args:?}");
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

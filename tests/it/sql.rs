//! `kinerja sql`: read-only queries, and its prompt on a terminal (line
//! editing, completion, history).

use std::process::Command;

use crate::support::{kinerja, kinerja_bin, kinerja_in, loaded, ok, p};

#[test]
fn sql_is_read_only() {
    let (_dir, db) = loaded();
    let csv = ok(&[
        "sql",
        "SELECT nama_unit, capaian, predikat FROM v_capaian WHERE tahun = 2024 ORDER BY indikator_id, kode_unit",
        "--format",
        "csv",
        "--db",
        p(&db),
    ]);
    assert_eq!(
        csv,
        "nama_unit,capaian,predikat\nSei Balai,102.28,Sangat Tinggi\nDatuk Tanah Datar,106.34,Sangat Tinggi\nSei Balai,88.65,Tinggi\nDatuk Tanah Datar,118.31,Sangat Tinggi\n"
    );
    let r = kinerja(&["sql", "DELETE FROM realisasi", "--db", p(&db)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("read-only"), "{}", r.err);
    assert!(ok(&["sql", "SELECT count(*) AS n FROM realisasi", "--db", p(&db)]).contains("12"));
    let prompt = kinerja_in("en")
        .args(["sql", "--db", p(&db), "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    prompt.stdin.as_ref().unwrap().write_all(b"SELECT 1 + 1\n  AS dua;\n.quit\n").unwrap();
    let o = prompt.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "dua\n2\n");
}

/// The SQL prompt on a terminal (a pseudo-terminal from util-linux
/// `script`): the Up arrow recalls the last statement, Tab completes a view
/// name, and the history is kept for the next session.
#[test]
fn sql_prompt_edits_lines_completes_and_keeps_history() {
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    let (dir, db) = loaded();
    let xdg = dir.path().join("xdg");
    let cmd = format!("{} sql --db {} --format csv", kinerja_bin().display(), p(&db));
    let mut child = Command::new("script")
        .args(["-qfc", &cmd, "/dev/null"])
        .env("XDG_DATA_HOME", &xdg)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux script");
    let seen = Arc::new(Mutex::new(String::new()));
    let mut out = child.stdout.take().unwrap();
    let reader = {
        let seen = Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]).replace('\r', ""));
            }
        })
    };
    // Types `keys` once the output holds `count` lines equal to `line`.
    let mut stdin = child.stdin.take().unwrap();
    let mut after = |line: &str, count: usize, keys: &str| {
        let start = std::time::Instant::now();
        while seen.lock().unwrap().lines().filter(|l| l.trim() == line).count() < count {
            assert!(start.elapsed().as_secs() < 30, "waited for {line:?} × {count}: {}", seen.lock().unwrap());
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        stdin.write_all(keys.as_bytes()).unwrap();
        stdin.flush().unwrap();
    };
    after(
        "Kinerja SQL (read-only). End statements with ;  Tab completes views, columns, kj_* macros; .quit leaves.",
        1,
        "SELECT 41 + 1 AS x;\r",
    );
    after("42", 1, "\x1b[A\r");
    after("42", 2, "SELECT * FROM v_ik\t LIMIT 0;\r");
    after(
        "kode_kabupaten,kode_unit,nama_unit,tahun,skema,bobot,bobot_tercetak,responden,dasar,jumlah_unsur,unsur_skema,ikm,mutu,kinerja,sintetis,sumber",
        1,
        ".quit\r",
    );
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
    let history = std::fs::read_to_string(xdg.join("kinerja/sql_history")).unwrap();
    assert!(history.lines().any(|l| l == "SELECT 41 + 1 AS x;"), "{history}");
    assert!(history.lines().any(|l| l == "SELECT * FROM v_ikm LIMIT 0;"), "{history}");
}

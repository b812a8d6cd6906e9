//! The `kinerja` command, run as a user runs it, on a temporary database.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kinerja_tests::data_dir;

use crate::kinerja_bin;

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn kinerja(args: &[&str]) -> Run {
    let bin = kinerja_bin();
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build -p kinerja-cli` (scripts/test does)",
        bin.display()
    );
    let o: Output = crate::kinerja_in("en").args(args).output().expect("kinerja runs");
    Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn ok(args: &[&str]) -> String {
    let r = kinerja(args);
    assert_eq!(r.code, 0, "kinerja {args:?}\nstdout: {}\nstderr: {}", r.out, r.err);
    r.out
}

/// A temporary directory with a database loaded from data/.
fn loaded() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.duckdb");
    let out = ok(&["load", data_dir().to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(out.contains("new or changed"), "{out}");
    (dir, db)
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn report_of_sei_balai_2024_matches_the_seed() {
    let (_dir, db) = loaded();
    let md = ok(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--db", p(&db)]);
    for expected in [
        "# Laporan Kinerja Kecamatan Sei Balai Tahun 2024",
        "| 1. | Meningkatkan Kepuasan Masyarakat terhadap Pelayanan Publik | Indeks Kepuasan Masyarakat (IKM) | Nilai | 85,00 |",
        "| 2. | Nilai AKIP | Nilai | BB (71,00) | BB (72,62) | 102,28% | Sangat Tinggi | Sangat Baik |",
        "| 1. | Indeks Kepuasan Masyarakat (IKM) | Nilai | 85,00 | 75,35 | 88,65% | Tinggi | Kurang Baik |",
        "| 9. | Penanganan Pengaduan dan Saran | 2,03 | D |",
        "|  | IKM Unit Pelayanan | 75,35 | C |",
        "| 1. | Perencanaan Kinerja | 30 | 23,50 | 24,39 | 103,79% |",
        "|  | Total | 100 | 71,00 | 72,62 | 102,28% |",
        "|  | Kategori | - | BB | BB | - |",
        "2024 dibanding 2023 (80,50): turun 5,15.",
        "2024 dibanding 2022 (90,10): turun 14,75.",
        "2024 dibanding 2021 (70,07): naik 2,55.",
        "| 1. | Meningkatkan Kepuasan Masyarakat terhadap Pelayanan Publik | Indeks Kepuasan Masyarakat (IKM) | 88,65 | 98,94 | -10,29 |",
        "| 2. | Meningkatkan Akuntabilitas Keuangan dan Kinerja Perangkat Daerah | Nilai AKIP | 102,28 | 95,07 | 7,21 |",
        "| 5.1 |   Belanja Operasi | 2.935.780.030 | 2.798.994.761 | 95,34% | 136.785.269 |",
        "| 5.1.01 |     Belanja Pegawai | 2.158.169.574 | 2.043.003.211 | 94,66% | 115.166.363 |",
        "| 5.2.02 |     Belanja Modal Peralatan dan Mesin | 25.000.000 | 24.100.000 | 96,40% | 900.000 |",
        "sisa Rp. 137.685.269,00.",
        "| 2. | 7.01.02 | Program Penyelenggaraan Pemerintahan dan Pelayanan Publik | 3.001.612 | 2.930.000 | 97,61% |",
        "|  |  | JUMLAH | 2.960.780.030 | 2.823.094.761 | 95,35% |",
        "Rata-rata penyerapan program (tidak berbobot): 98,34%.",
        "| Indeks Kepuasan Masyarakat (IKM) | Datuk Tanah Datar | 82,00 | 83,00 | 83,20 | 98,20 | 1 |",
        "| Indeks Kepuasan Masyarakat (IKM) | 85,00 | 75,35 | 88,65% | 87,50 | - | - | 90,00 | - | - |",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(!md.contains("SINTETIS"), "real data only");
    // The IKM recomputed from the printed NRR is disclosed, not substituted.
    assert!(md.contains("IKM dihitung ulang dari NRR di atas: 75,34"), "{md}");
    // The figures name the load they come from.
    assert!(md.contains("Angka dari basis data sampai riwayat #1 (muat, "), "{md}");

    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "report",
        "--kecamatan",
        "12.19.07",
        "--tahun",
        "2024",
        "--format",
        "json",
        "--db",
        p(&db),
    ]))
    .unwrap();
    assert_eq!(json["capaian"][0]["capaian"], "88.65");
    assert_eq!(json["capaian"][1]["predikat"], "Sangat Tinggi");
    assert_eq!(json["akip"]["realisasi"], "72.6200");
    assert_eq!(json["total_program"]["penyerapan"], "95.35");
    assert_eq!(json["sintetis"], false);
}

#[test]
fn report_as_html_and_xlsx() {
    let (dir, db) = loaded();
    let html = ok(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--format", "html", "--db", p(&db)]);
    assert!(html.starts_with("<!doctype html>") && html.contains("<td class=\"n\">88,65%</td>"), "{html}");
    let xlsx = dir.path().join("lkjip.xlsx");
    ok(&[
        "report",
        "--kecamatan",
        "Sei Balai",
        "--tahun",
        "2024",
        "--format",
        "xlsx",
        "--out",
        p(&xlsx),
        "--db",
        p(&db),
    ]);
    use calamine::{Data, Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let names = wb.sheet_names();
    assert!(names.iter().all(|n| n.chars().count() <= 31), "{names:?}");
    assert!(names.contains(&"3.17 Program".to_string()), "{names:?}");
    let sheet = names.iter().find(|n| *n == "3.2 Capaian").cloned().unwrap();
    let range = wb.worksheet_range(&sheet).unwrap();
    let numbers: Vec<String> = range
        .cells()
        .filter_map(|(_, _, c)| match c {
            Data::Float(f) => Some(format!("{f}")),
            _ => None,
        })
        .collect();
    assert!(numbers.contains(&"88.65".to_string()) && numbers.contains(&"102.28".to_string()), "{numbers:?}");
    // Number formats as Excel stores them (it shows #,##0.00 as #.##0,00
    // under the Indonesian locale), and a frozen header row on every sheet.
    let mut zip = zip::ZipArchive::new(fs::File::open(&xlsx).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let styles = part("xl/styles.xml");
    assert!(styles.contains("formatCode=\"#,##0.00\""), "{styles}");
    assert!(styles.contains("formatCode=\"#,##0.00&quot;%&quot;\""), "percentages: {styles}");
    for i in 1..=names.len() {
        let sheet = part(&format!("xl/worksheets/sheet{i}.xml"));
        assert!(sheet.contains("state=\"frozen\""), "sheet {i} has no frozen header");
    }
    let r = kinerja(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--format", "xlsx", "--db", p(&db)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("--out"), "{}", r.err);
}

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
    let prompt = crate::kinerja_in("en")
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

#[test]
fn compare_lists_all_twelve_kecamatan() {
    let (_dir, db) = loaded();
    let out = ok(&[
        "compare",
        "--kabupaten",
        "12.19",
        "--tahun",
        "2024",
        "--indikator",
        "ikm",
        "--format",
        "csv",
        "--db",
        p(&db),
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 13, "{out}");
    assert!(
        lines[1].starts_with(
            "ikm,1,12.19.11,Datuk Tanah Datar,83.0000,98.2000,118.31,Sangat Tinggi,Sangat Baik,0.00,-15.20,"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("ikm,2,12.19.07,Sei Balai,85.0000,75.3500,88.65,Tinggi,Kurang Baik,22.85,9.65,"),
        "{}",
        lines[2]
    );
    assert_eq!(lines.iter().filter(|l| l.ends_with("tidak ada data")).count(), 10);
    ok(&["demo", "synth", "--seed", "3", "--db", p(&db)]);
    let table = ok(&["compare", "--kabupaten", "12.19", "--tahun", "2024", "--db", p(&db)]);
    assert_eq!(table.matches("SINTETIS").count(), 21, "{table}"); // 10 units × 2 indicators + the footnote
    let md = ok(&["report", "--kecamatan", "Medang Deras", "--tahun", "2024", "--db", p(&db)]);
    assert!(md.contains("DATA SINTETIS"), "{md}");
    let sb = ok(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--db", p(&db)]);
    assert!(sb.contains("Medang Deras [sintetis]"), "peers in Sei Balai's report are marked");
}

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

/// One raw HTTP request (the path is sent exactly as given).
fn http(port: u16, method: &str, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let code = out.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (code, out)
}

/// Runs `kinerja serve` on a free port with `args` (after `--db`, `--dist`,
/// `--port`), calls `check` with the port once it answers, and stops it.
fn serving(db: &Path, dist: &Path, args: &[&str], check: impl FnOnce(u16) + std::panic::UnwindSafe) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = crate::kinerja_in("en")
        .args(["serve", "--db", p(db), "--dist", p(dist), "--port", &port.to_string()])
        .args(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let up = (0..100).any(|_| {
        let ok = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
        if !ok {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        ok
    });
    let result = std::panic::catch_unwind(|| {
        assert!(up, "kinerja serve {args:?} did not start");
        check(port);
    });
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// A directory with an app's index.html, as `kinerja serve --dist` takes.
fn dist_in(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    fs::create_dir(&dist).unwrap();
    fs::write(dist.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    dist
}

#[test]
fn serve_is_read_only_and_stays_inside_the_app() {
    let (dir, db) = loaded();
    let dist = dist_in(dir.path());
    fs::write(dir.path().join("rahasia.txt"), "rahasia").unwrap();
    serving(&db, &dist, &[], |port| {
        assert_eq!(http(port, "GET", "/").0, 200);
        let (code, body) = http(port, "GET", "/snapshot.json");
        assert_eq!(code, 200);
        assert!(body.contains("\"versi\":2") && body.contains("\"kode_wilayah\":\"12.19\""));
        for path in ["/../rahasia.txt", "/%2e%2e/rahasia.txt", "/..%2frahasia.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd"] {
            let (code, body) = http(port, "GET", path);
            assert_eq!(code, 403, "{path}");
            assert!(!body.contains("rahasia\n") && !body.contains("root:"), "{path}");
        }
        assert_eq!(http(port, "GET", "/missing.js").0, 404);
        assert_eq!(http(port, "POST", "/snapshot.json").0, 405);
        // A write while the server runs is not blocked, and the planner sees it on reload.
        let before = http(port, "GET", "/snapshot.json").1;
        ok(&["demo", "synth", "--kabupaten", "12.19", "--seed", "5", "--db", p(&db)]);
        let after = http(port, "GET", "/snapshot.json").1;
        let synthetic = |s: &str| s.matches("\"sintetis\"").count();
        assert!(synthetic(&after) > synthetic(&before), "{after:.300}");
    });
}

/// `kinerja serve --provinsi` and `--nasional` give the planner the
/// provinsi's or the nation's snapshot, as `export snapshot` writes it.
#[test]
fn serve_gives_a_provinsi_or_the_nation() {
    let (dir, db) = loaded();
    let dist = dist_in(dir.path());
    ok(&["demo", "synth", "--scale", "national", "--fraction", "0.002", "--seed", "5", "--db", p(&db)]);
    // The kecamatan codes of a snapshot's wilayah rows.
    let kecamatan = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["data"]["wilayah"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["tingkat"] == "kecamatan")
            .map(|w| w["kode"].as_str().unwrap().to_string())
            .collect()
    };
    // The body as sent, not chunked: asked for in HTTP/1.0.
    let body = |port: u16| {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET /snapshot.json HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        let (head, body) = out.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"), "{head}");
        body.to_string()
    };
    for (args, kode, ringkas) in [(&["--provinsi", "12"][..], "12", false), (&["--nasional"][..], "", true)] {
        let file = dir.path().join(format!("snapshot-{kode}.json"));
        ok(&[&["export", "snapshot", "--out", p(&file), "--db", p(&db)][..], args].concat());
        let exported = fs::read_to_string(&file).unwrap();
        serving(&db, &dist, args, |port| {
            let served = body(port);
            let v: serde_json::Value = serde_json::from_str(&served).unwrap();
            assert_eq!((v["kode_wilayah"].as_str(), v["ringkas"].as_bool()), (Some(kode), Some(ringkas)), "{args:?}");
            let (got, want) = (kecamatan(&served), kecamatan(&exported));
            assert_eq!(got, want, "{args:?}: served and exported hold the same kecamatan");
            assert!(got.iter().all(|k| k.starts_with(&format!("{kode}."))) || kode.is_empty(), "{args:?}");
            let kabupaten: std::collections::BTreeSet<&str> = got.iter().map(|k| &k[..5]).collect();
            let provinsi: std::collections::BTreeSet<&str> = got.iter().map(|k| &k[..2]).collect();
            if kode.is_empty() {
                assert_eq!((got.len(), provinsi.len()), (7285, 38), "{args:?}");
            } else {
                assert!(kabupaten.len() > 1 && got.len() > 12, "{args:?}: {} kecamatan", got.len());
            }
        });
    }
}

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
    assert!(out.contains("Stored 2 targets") && out.contains("1 hypothetical value(s)"), "{out}");
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

#[test]
fn batch_report_writes_one_file_per_kecamatan_with_figures() {
    let (dir, db) = loaded();
    ok(&["demo", "synth", "--seed", "3", "--db", p(&db)]);
    let out = dir.path().join("laporan");
    let said =
        ok(&["report", "--kabupaten", "12.19", "--tahun", "2024", "--format", "md", "--out", p(&out), "--db", p(&db)]);
    assert!(said.starts_with("Wrote 12 reports for 2024"), "{said}");
    let mut files: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    files.sort();
    assert_eq!(files.len(), 12);
    assert!(files.contains(&"12.19.07.md".to_string()), "{files:?}");
    // Each file is that kecamatan's report, synthetic ones marked.
    // Reports are written on every core: the first and the last file are
    // each their kecamatan's report too.
    for f in [&files[0], &files[11], &"12.19.07.md".to_string()] {
        let kode = f.trim_end_matches(".md");
        let single = ok(&["report", "--kecamatan", kode, "--tahun", "2024", "--db", p(&db)]);
        assert_eq!(fs::read_to_string(out.join(f)).unwrap(), single, "{f}");
    }
    let synthetic = files.iter().find(|f| *f != "12.19.07.md").unwrap();
    assert!(fs::read_to_string(out.join(synthetic)).unwrap().contains("DATA SINTETIS"));
    // Every format: the same bytes as the single report, run after run.
    for format in ["xlsx", "html", "json"] {
        let batch = dir.path().join(format!("semua-{format}"));
        ok(&[
            "report",
            "--kabupaten",
            "12.19",
            "--tahun",
            "2024",
            "--format",
            format,
            "--out",
            p(&batch),
            "--db",
            p(&db),
        ]);
        let single = dir.path().join(format!("12.19.07.{format}"));
        let args = ["report", "--kecamatan", "12.19.07", "--tahun", "2024", "--format", format, "--out", p(&single)];
        ok(&[&args[..], &["--db", p(&db)]].concat());
        assert_eq!(fs::read(batch.join(format!("12.19.07.{format}"))).unwrap(), fs::read(&single).unwrap(), "{format}");
    }
    let r = kinerja(&["report", "--kabupaten", "12.19", "--tahun", "2024", "--db", p(&db)]);
    assert!(r.code != 0 && r.err.contains("--out DIR"), "{}", r.err);
    let r = kinerja(&["report", "--kabupaten", "12.19", "--tahun", "1999", "--out", p(&out), "--db", p(&db)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("no kecamatan of kabupaten 12.19 has figures for 1999"), "{}", r.err);
    // A report that cannot be written stops the batch and is named.
    let blocked = dir.path().join("laporan-terhalang");
    fs::create_dir_all(blocked.join("12.19.07.md")).unwrap();
    let r = kinerja(&["report", "--kabupaten", "12.19", "--tahun", "2024", "--out", p(&blocked), "--db", p(&db)]);
    assert_eq!(r.code, 1, "{}", r.err);
    assert!(r.err.contains("the report of 12.19.07"), "{}", r.err);
}

#[test]
fn riwayat_lists_each_write_with_its_files() {
    let (_dir, db) = loaded();
    ok(&["demo", "synth", "--kabupaten", "12.19", "--seed", "9", "--db", p(&db)]);
    let csv = ok(&["riwayat", "--format", "csv", "--db", p(&db)]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,waktu_utc,perintah,keterangan,berkas,baris_dibaca,baris_diubah");
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("1,") && lines[1].contains(",muat,,") && lines[1].ends_with(",201,201"), "{csv}");
    assert!(lines[2].contains(",sintetis,\"kabupaten 12.19, seed 9\",,"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&ok(&["riwayat", "--format", "json", "--db", p(&db)])).unwrap();
    let files = json[0]["berkas"].as_array().unwrap();
    assert!(files.iter().any(|f| f["berkas"].as_str().unwrap().ends_with("wilayah.csv")));
    assert!(files.iter().all(|f| f["sha256"].as_str().unwrap().len() == 64));
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

/// DuckDB lets one process hold a file for writing: a command finding it
/// held waits, says so, and goes on once it is released.
#[test]
fn a_command_waits_for_a_database_held_by_another_process() {
    let (_dir, db) = loaded();
    let holder = duckdb::Connection::open(&db).unwrap();
    let child = crate::kinerja_in("en")
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

/// Every row of the tables `kinerja load` fills, as text.
fn table_rows(db: &Path) -> String {
    kinerja_tests::data_rows(&kinerja_store::Store::open_read_only(db).unwrap())
}

#[test]
fn the_template_is_a_sheet_per_table_and_a_filled_one_loads_as_it_is() {
    use calamine::Reader;
    let (dir, db) = loaded();
    ok(&["demo", "synth", "--kabupaten", "12.19", "--db", p(&db)]);
    let blank = dir.path().join("kosong.xlsx");
    ok(&["template", "--out", p(&blank)]);
    let mut wb = calamine::open_workbook_auto(&blank).unwrap();
    let names = wb.sheet_names().clone();
    let expected: Vec<&str> = std::iter::once("petunjuk").chain(kinerja_data::TABLES.iter().map(|t| t.name)).collect();
    assert_eq!(names, expected);
    for t in kinerja_data::TABLES {
        let range = wb.worksheet_range(t.name).unwrap();
        let header: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        let columns: Vec<&str> = t.required.iter().chain(t.optional).copied().collect();
        assert_eq!(header, columns, "{}", t.name);
        assert_eq!(range.height(), 1, "{}: the header only", t.name);
    }
    let petunjuk = wb.worksheet_range("petunjuk").unwrap();
    assert!(petunjuk.rows().any(|r| r[0].to_string().contains("kinerja load kinerja-template.xlsx")));

    // Filled from the database, loaded into a fresh one: the same rows.
    let isi = dir.path().join("isi.xlsx");
    ok(&["template", "--isi", "--out", p(&isi), "--db", p(&db)]);
    let fresh = dir.path().join("baru.duckdb");
    let out = ok(&["load", p(&isi), "--db", p(&fresh)]);
    assert!(out.contains("new or changed"), "{out}");
    assert_eq!(table_rows(&fresh), table_rows(&db));
    // An edit with a mistake is located at its sheet, row and column.
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("realisasi")
        .unwrap()
        .write_row(0, 0, ["kode_unit", "indikator_id", "tahun", "nilai", "sumber"])
        .unwrap();
    book.worksheet_from_name("realisasi")
        .unwrap()
        .write_row(1, 0, ["12.19.07", "ikm", "2024", "1.234", "uji"])
        .unwrap();
    book.add_worksheet().set_name("catatan").unwrap();
    book.add_worksheet().set_name("lama").unwrap().set_hidden(true);
    let bad = dir.path().join("salah.xlsx");
    book.save(&bad).unwrap();
    let r = kinerja(&["load", p(&bad), "--db", p(&fresh)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("salah.xlsx [realisasi], row 2, column nilai"), "{}", r.err);
    assert!(r.err.contains("salah.xlsx [catatan]"), "{}", r.err);
    assert!(
        r.err.contains("salah.xlsx: expected visible sheets only") && r.err.contains("a hidden sheet lama"),
        "{}",
        r.err
    );
    assert_eq!(table_rows(&fresh), table_rows(&db), "nothing written");
}

#[test]
fn load_names_the_root_cause_and_semua_lists_every_reference() {
    let dir = tempfile::tempdir().unwrap();
    kinerja_tests::copy_seed(dir.path());
    let header = fs::read_to_string(data_dir().join("wilayah.csv")).unwrap().lines().next().unwrap().to_string();
    fs::write(dir.path().join("wilayah.csv"), format!("{header}\n")).unwrap();
    let db = dir.path().join("k.duckdb");
    let short = kinerja(&["load", p(dir.path()), "--db", p(&db)]);
    assert_eq!(short.code, 1);
    assert!(
        short.err.contains("1 problem(s)") && short.err.contains("no rows; 64 references to wilayah"),
        "{}",
        short.err
    );
    let all = kinerja(&["load", p(dir.path()), "--db", p(&db), "--semua"]);
    assert!(all.err.contains("65 problem(s)") && all.err.contains("listed after this"), "{}", all.err);
    assert!(all.err.contains("desa_statistik.csv, row 2, column kode_desa"), "{}", all.err);
    assert_eq!(kinerja(&["load", p(dir.path()), "--db", p(&db), "--all"]).err, all.err);
}

#[test]
fn a_template_for_a_kabupaten_holds_its_wilayah_and_the_indikator_and_loads() {
    use calamine::Reader;
    let (dir, db) = loaded();
    let book = dir.path().join("batu-bara.xlsx");
    ok(&["template", "--kabupaten", "12.19", "--out", p(&book), "--db", p(&db)]);
    let mut wb = calamine::open_workbook_auto(&book).unwrap();
    let codes = |wb: &mut calamine::Sheets<std::io::BufReader<fs::File>>, sheet: &str| -> Vec<String> {
        wb.worksheet_range(sheet).unwrap().rows().skip(1).map(|r| r[0].to_string()).collect()
    };
    let wilayah = codes(&mut wb, "wilayah");
    let want = ok(&[
        "sql",
        "SELECT kode FROM wilayah WHERE kode IN ('12', '12.19') OR kode LIKE '12.19.%' ORDER BY kode",
        "--format",
        "csv",
        "--db",
        p(&db),
    ]);
    assert_eq!(wilayah, want.lines().skip(1).collect::<Vec<_>>(), "its provinsi, itself, kecamatan and desa");
    assert_eq!(wilayah.iter().filter(|k| k.len() == 8).count(), 12, "the 12 kecamatan of Batu Bara");
    assert_eq!(codes(&mut wb, "indikator"), ["ikm", "akip"]);
    assert_eq!(wb.worksheet_range("target").unwrap().height(), 1, "facts are left to fill in");
    // As it is, it loads into a fresh database.
    let fresh = dir.path().join("baru.duckdb");
    let out = ok(&["load", p(&book), "--db", p(&fresh)]);
    assert!(out.contains("new or changed"), "{out}");
    // A kabupaten the database does not hold is said, and no file is written.
    let none = dir.path().join("tidak-ada.xlsx");
    let r = kinerja(&["template", "--kabupaten", "99.99", "--out", p(&none), "--db", p(&db)]);
    assert!(r.code == 1 && r.err.contains("no kabupaten \"99.99\""), "{}", r.err);
    assert!(!none.exists());
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
        let mut child = crate::kinerja_in("en")
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

//! `kinerja report`: one kecamatan's LKjIP in every format (Markdown, JSON,
//! HTML, XLSX), and a kabupaten's reports in one batch.

use std::fs;

use crate::support::{kinerja, loaded, ok, p};

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

/// How sure the report's IKM figures are: with raw answers in two years,
/// the change from the year before carries its 95 % interval and is called
/// an improvement or a decline only when the interval leaves out zero; the
/// SKM paragraph gives the interval from the answers.
#[test]
fn report_says_how_sure_its_ikm_change_and_rank_are() {
    let (dir, db) = loaded();
    let args = ["demo", "synth", "--scale", "national", "--tahun", "2023-2024", "--fraction", "0.002", "--seed", "5"];
    ok(&[&args[..], &["--db", p(&db)]].concat());
    let q = "SELECT kode_unit FROM v_ikm WHERE sintetis AND tahun = 2024 ORDER BY 1";
    let units = ok(&["sql", q, "--format", "csv", "--db", p(&db)]);
    let units: Vec<&str> = units.lines().skip(1).collect();
    assert!(units.len() >= 5, "{units:?}");
    let number = |t: &str| -> kinerja_core::Decimal {
        let t: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '-' || *c == ',').collect();
        t.trim_end_matches(',').replace(',', ".").parse().unwrap()
    };
    let mut changes = 0;
    for kode in units {
        let out = dir.path().join(format!("{kode}.html"));
        ok(&["report", "--kecamatan", kode, "--tahun", "2024", "--format", "html", "--out", p(&out), "--db", p(&db)]);
        let html = fs::read_to_string(&out).unwrap();
        assert!(html.contains("selang 95% IKM tersebut, dihitung dari jawaban responden, adalah"), "{kode}");
        if html.contains("Perbandingan dengan Kecamatan Lain") {
            assert!(html.contains("Selang 95% 2024") && html.contains("Rentang Peringkat 2024"), "{kode}");
        }
        let Some(at) = html.find("(selang 95%").or_else(|| html.find("dengan selang 95% ")) else { continue };
        let sentence = &html[html[..at].rfind("Dibandingkan tahun 2023").unwrap()..];
        let after = sentence.find(" s.d. ").unwrap() + " s.d. ".len();
        let sentence = &sentence[..after + sentence[after..].find(['.', '<']).unwrap()];
        let (lo, hi) = sentence.split_once("dengan selang 95% ").unwrap().1.split_once(" s.d. ").unwrap();
        let zero = kinerja_core::Decimal::ZERO;
        let contains_zero = number(lo) <= zero && zero <= number(hi);
        assert_eq!(sentence.contains("belum dapat dibedakan dari variasi sampel"), contains_zero, "{sentence}");
        if contains_zero {
            assert!(!sentence.contains("sebuah perbaikan") && !sentence.contains("sebuah penurunan"), "{sentence}");
        }
        changes += 1;
    }
    assert!(changes >= 3, "changes with an interval: {changes}");
}

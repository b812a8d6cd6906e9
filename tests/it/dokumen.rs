//! The documents pemda sign: the whole LKjIP as PDF, DOCX and HTML, and the
//! Perjanjian Kinerja, checked with other readers (poppler's pdftotext,
//! pdfinfo and pdffonts; the DOCX package's XML; LibreOffice Writer).

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::support::{kinerja, loaded, ok, p};

/// The output of a poppler tool on `file`.
fn poppler(tool: &str, file: &Path) -> String {
    let mut c = Command::new(tool);
    c.arg(file);
    if tool == "pdftotext" {
        c.arg("-");
    }
    let o = c.output();
    let o = o.unwrap_or_else(|e| panic!("{tool} (poppler-utils) runs: {e}"));
    assert!(o.status.success(), "{tool}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn pdfinfo(file: &Path) -> String {
    let o = Command::new("pdfinfo").arg(file).output().expect("pdfinfo (poppler-utils) runs");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// One part of a ZIP package (a DOCX), as text.
fn part(file: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(file).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn media(file: &Path) -> usize {
    let zip = zip::ZipArchive::new(fs::File::open(file).unwrap()).unwrap();
    zip.file_names().filter_map(Result::ok).filter(|n| n.starts_with("word/media/") && n.ends_with(".png")).count()
}

/// The chart titles in the order a text gives them, each once.
fn grafik(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in text.match_indices("Grafik ") {
        let rest = &text[i + "Grafik ".len()..];
        let number: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == 'L').collect();
        let number = number.trim_end_matches('.').to_string();
        if number.contains('.') && !out.contains(&number) {
            out.push(number);
        }
    }
    out
}

#[test]
fn the_whole_lkjip_is_written_as_pdf_docx_and_html() {
    let (dir, db) = loaded();
    let (pdf, docx, html) = (dir.path().join("l.pdf"), dir.path().join("l.docx"), dir.path().join("l.html"));
    for (format, out) in [("pdf", &pdf), ("docx", &docx), ("html", &html)] {
        let r = kinerja(&[
            "report",
            "--kecamatan",
            "Sei Balai",
            "--tahun",
            "2024",
            "--format",
            format,
            "--out",
            p(out),
            "--db",
            p(&db),
        ]);
        assert_eq!(r.code, 0, "{format}: {}", r.err);
        // The seed's report has no saran: the draft says so, and so does the command.
        assert!(r.err.contains("saran (saran dan langkah ke depan)"), "{}", r.err);
    }
    let info = pdfinfo(&pdf);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((15..=60).contains(&pages), "{pages} pages");
    let fonts = poppler("pdffonts", &pdf);
    assert!(fonts.contains("LiberationSerif") && fonts.lines().skip(2).all(|l| l.contains(" yes yes ")), "{fonts}");
    let text = poppler("pdftotext", &pdf);
    for expected in [
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        "DAFTAR ISI",
        "BAB I PENDAHULUAN",
        "Tabel 3.2 Capaian Kinerja Kantor Camat Sei Balai Tahun 2024",
        "sehingga persentase capaian kinerjanya 88,65% (predikat Tinggi)",
        "realisasi turun 5,15 poin (6,40%)",
        "BAB IV PENUTUP",
        "[belum diisi: saran dan langkah ke depan]",
        "WALI WALA AZAHARI SAGALA",
    ] {
        assert!(text.contains(expected), "the PDF lacks {expected:?}");
    }
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains("<w:tblHeader />") && document.contains("w:val=\"Heading1\""),
        "header rows, Word headings"
    );
    assert!(document.contains("88,65%") && document.contains("BAB III AKUNTABILITAS KINERJA"));
    let html = fs::read_to_string(&html).unwrap();
    assert_eq!(html.matches("<svg").count(), media(&docx), "every chart is in both");
    // Charts are numbered the same in every format.
    assert_eq!(grafik(&text), grafik(&html));
    assert_eq!(grafik(&html).len(), media(&docx));
    assert!(grafik(&html).len() >= 4, "{:?}", grafik(&html));
}

/// LibreOffice Writer (Debian's `libreoffice-writer-nogui`) converts the
/// DOCX to PDF: the draft opens in the office suite kecamatan edit it with,
/// its contents list is filled in and it reads like the PDF Kinerja prints.
#[test]
fn libreoffice_opens_the_docx_as_the_draft_it_is() {
    let (dir, db) = loaded();
    let docx = dir.path().join("lkjip.docx");
    ok(&[
        "report",
        "--kecamatan",
        "Sei Balai",
        "--tahun",
        "2024",
        "--format",
        "docx",
        "--out",
        p(&docx),
        "--db",
        p(&db),
    ]);
    let profile = dir.path().join("lo-profile");
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap_or_else(|e| panic!("soffice (libreoffice-writer-nogui) runs: {e}"));
    assert!(o.status.success(), "soffice: {}", String::from_utf8_lossy(&o.stderr));
    let pdf = dir.path().join("lkjip.pdf");
    let info = pdfinfo(&pdf);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((12..=60).contains(&pages), "{pages} pages");
    let text = poppler("pdftotext", &pdf);
    let contents = text.split("DAFTAR ISI").nth(1).unwrap_or("");
    let contents = contents.split("DAFTAR TABEL").next().unwrap_or("");
    for entry in ["BAB I PENDAHULUAN", "A. Latar Belakang", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"] {
        assert!(contents.contains(entry), "the contents list names {entry:?}: {contents}");
    }
    assert!(!text.contains("TOC \\o"), "the field's code is not shown");
    for expected in ["Tabel 3.2 Capaian Kinerja Kantor Camat Sei Balai Tahun 2024", "88,65%", "Grafik 3.1"] {
        assert!(text.contains(expected), "LibreOffice's rendering lacks {expected:?}");
    }
}

#[test]
fn the_same_figures_give_the_same_document() {
    let (dir, db) = loaded();
    for format in ["pdf", "docx"] {
        let files: Vec<Vec<u8>> = (0..2)
            .map(|i| {
                let out = dir.path().join(format!("{i}.{format}"));
                ok(&[
                    "report",
                    "--kecamatan",
                    "12.19.07",
                    "--tahun",
                    "2024",
                    "--format",
                    format,
                    "--out",
                    p(&out),
                    "--db",
                    p(&db),
                ]);
                fs::read(out).unwrap()
            })
            .collect();
        assert!(files[0] == files[1], "{format} differs between two runs");
    }
}

#[test]
fn binary_formats_need_a_file() {
    let (_dir, db) = loaded();
    let r = kinerja(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--format", "pdf", "--db", p(&db)]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("--format pdf needs --out FILE.pdf"), "{}", r.err);
}

#[test]
fn the_pk_prints_the_targets_in_force_or_a_named_revision() {
    let (dir, db) = loaded();
    let md = ok(&["pk", "--kecamatan", "Sei Balai", "--tahun", "2024", "--format", "md", "--db", p(&db)]);
    assert!(md.contains("PERJANJIAN KINERJA TAHUN 2024") && md.contains("pihak pertama"), "{md}");
    assert!(md.contains("| 85,00 |") && md.contains("BB (71,00)"), "{md}");
    assert!(md.contains("Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota | 2.746.175.328"), "{md}");
    let file = dir.path().join("s.json");
    fs::write(
        &file,
        r#"{"format":"kinerja-skenario","versi":1,"skenario":[{"nama":"optimis","nilai":[
            {"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2024,"jenis":"target","nilai":"88.25"}]}]}"#,
    )
    .unwrap();
    ok(&["plan", "import", p(&file), "--scenario", "optimis", "--db", p(&db)]);
    let md = ok(&[
        "pk",
        "--kecamatan",
        "Sei Balai",
        "--tahun",
        "2024",
        "--revisi",
        "skenario:optimis",
        "--format",
        "md",
        "--db",
        p(&db),
    ]);
    assert!(md.contains("| 88,25 |") && !md.contains("| 85,00 |"), "the scenario's target: {md}");
    assert!(md.contains("BB (71,00)"), "the targets it does not set stay: {md}");
    let r = kinerja(&[
        "pk",
        "--kecamatan",
        "Sei Balai",
        "--tahun",
        "2024",
        "--revisi",
        "skenario:lain",
        "--db",
        p(&db),
        "--out",
        p(&dir.path().join("x.pdf")),
    ]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("revision skenario:lain sets no target for Sei Balai in 2024"), "{}", r.err);
    let pdf = dir.path().join("pk.pdf");
    ok(&["pk", "--kecamatan", "Sei Balai", "--tahun", "2024", "--out", p(&pdf), "--db", p(&db)]);
    let text = poppler("pdftotext", &pdf);
    assert!(text.contains("PERJANJIAN KINERJA TAHUN 2024") && text.contains("BUPATI BATU BARA"), "{text}");
}

/// The number of errors an English audit summary reports.
fn errors(audit: &str) -> usize {
    let line = audit.lines().find(|l| l.contains("printed figures checked")).unwrap_or_else(|| panic!("{audit}"));
    let n = line.split(": ").nth(1).unwrap_or("").split_whitespace().next().unwrap_or("");
    n.parse().unwrap_or_else(|_| panic!("{line}"))
}

#[test]
fn the_generated_lkjip_is_proven_consistent_by_the_audit() {
    let (dir, db) = loaded();
    let (doc, tr) = (dir.path().join("l.pdf"), dir.path().join("l.transkripsi.json"));
    ok(&[
        "report",
        "--kecamatan",
        "Sei Balai",
        "--tahun",
        "2024",
        "--format",
        "pdf",
        "--out",
        p(&doc),
        "--transkripsi",
        p(&tr),
        "--db",
        p(&db),
    ]);
    let out = ok(&["audit", p(&tr)]);
    assert_eq!(errors(&out), 0, "{out}");
    let relations: usize = out.lines().find_map(|l| l.split(" relations over").next()?.trim().parse().ok()).unwrap();
    assert!(relations >= 60, "{out}");
    // The audit does look: the seed's typed total, put back, is found.
    let typed = fs::read_to_string(&tr).unwrap().replacen("\"15.103\"", "\"15.106\"", 1);
    fs::write(&tr, typed).unwrap();
    let r = kinerja(&["audit", p(&tr)]);
    assert_eq!((r.code, errors(&r.out)), (1, 1), "{}", r.out);
    assert!(r.out.contains("consistent: 15.103"), "{}", r.out);
}

#[test]
fn every_kecamatan_of_the_kabupaten_gets_a_consistent_document_after_synthesis() {
    let (dir, db) = loaded();
    ok(&["demo", "synth", "--seed", "5", "--db", p(&db)]);
    let out = dir.path().join("laporan");
    ok(&[
        "report",
        "--kabupaten",
        "12.19",
        "--tahun",
        "2024",
        "--format",
        "html",
        "--out",
        p(&out),
        "--transkripsi",
        "--db",
        p(&db),
    ]);
    let mut files: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|f| f.to_string_lossy().ends_with(".transkripsi.json"))
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 12, "{files:?}");
    let html = fs::read_to_string(out.join("12.19.01.html")).unwrap();
    assert!(html.contains("DATA SINTETIS"), "a synthetic document says so on its face");
    let mut args = vec!["audit"];
    args.extend(files.iter().map(String::as_str));
    let audit = ok(&args);
    assert_eq!(audit.matches("0 errors").count(), 12, "{audit}");
}

/// Where the seed contradicts itself (the places `kinerja audit` finds in
/// its transcription), the generated document prints the consistent
/// figure: the printed contradiction, and what Kinerja prints instead.
#[test]
fn the_seeds_contradictions_come_out_corrected() {
    let (dir, db) = loaded();
    let pdf = dir.path().join("l.pdf");
    ok(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--format", "pdf", "--out", p(&pdf), "--db", p(&db)]);
    let text = poppler("pdftotext", &pdf).replace(['\n', '\u{2060}'], " ");
    let places = [
        ("pagu typed Rp. 2.960.780,030,-", "2.960.780,030", "Rp 2.960.780.030"),
        ("Tabel 1.2 total L 15.106", "15.106", "15.103"),
        ("Tabel 1.2 total P 15.232", "15.232", "15.228"),
        ("Tabel 1.2 total L+P 30.336", "30.336", "30.331"),
        (
            "population sentence 30.336 jiwa",
            "30.336 jiwa",
            "sebanyak 30.331 jiwa, terdiri atas 15.103 jiwa laki-laki dan 15.228 jiwa perempuan",
        ),
        ("7 kecamatan in the kabupaten", "dari 7 kecamatan", "salah satu dari 12 kecamatan di Kabupaten Batu Bara"),
        ("capaian AKIP typed 1012,28%", "1012,28", "kinerjanya 102,28% (predikat Sangat Tinggi)"),
        ("capaian AKIP 102,65% after Tabel 3.11", "102,65", "102,28%"),
        ("selisih AKIP 4,85 (2023's)", "4,85", "selisih realisasi terhadap target 1,62"),
        ("AKIP 2021 capaian labelled BB (70,07)", "BB (70,07)", "70,07"),
        ("AKIP 2022 capaian labelled BB (72,16)", "BB (72,16)", "72,16"),
        (
            "efisiensi: AKIP sasaran capaian 95,07 (the penyerapan)",
            "capaian 95,07",
            "capaian 102,28% dengan penyerapan 95,07%",
        ),
        (
            "efisiensi: IKM sasaran capaian 98,94 (the penyerapan)",
            "capaian 98,94",
            "capaian 88,65% dengan penyerapan 98,94%",
        ),
    ];
    for (what, wrong, right) in places {
        assert!(!text.contains(wrong), "{what}: the document prints {wrong:?}");
        assert!(text.contains(right), "{what}: the document lacks {right:?}");
    }
}

/// With the population a survey samples recorded, the SKM paragraph applies
/// PermenPANRB 14/2017's sample test to it (and narrows the interval by
/// the finite-population correction); without, it says what the sample
/// covers.
#[test]
fn the_skm_paragraph_judges_the_sample_against_its_population() {
    let (dir, db) = loaded();
    let skm = |html: &str| -> String {
        let start = html.find("Survei Kepuasan Masyarakat tahun 2024 melibatkan").expect("the SKM paragraph");
        html[start..].split("</p>").next().unwrap().to_string()
    };
    let html = dir.path().join("l.html");
    let report = || {
        ok(&[
            "report",
            "--kecamatan",
            "Sei Balai",
            "--tahun",
            "2024",
            "--format",
            "html",
            "--out",
            p(&html),
            "--db",
            p(&db),
        ]);
        skm(&fs::read_to_string(&html).unwrap())
    };
    let before = report();
    assert!(before.contains("97 responden mencukupi populasi paling banyak 130 pengguna layanan"), "{before}");
    assert!(before.contains("selang 95% konservatif IKM tersebut adalah 68,34 – 82,36"), "{before}");
    // The seed's data with a populasi column added to its survey.
    let extra = dir.path().join("data");
    fs::create_dir_all(&extra).unwrap();
    for f in fs::read_dir(kinerja_tests::repo_root().join("data")).unwrap().flatten() {
        if f.path().is_file() && f.path().extension().is_some_and(|e| e != "duckdb" && e != "wal") {
            fs::copy(f.path(), extra.join(f.file_name())).unwrap();
        }
    }
    let original = fs::read_to_string(extra.join("skm_survei.csv")).unwrap();
    let with = |populasi: &str| {
        let mut lines = original.lines();
        let head = format!("{},populasi\n", lines.next().unwrap());
        let rows: String = lines.map(|l| format!("{l},{populasi}\n")).collect();
        fs::write(extra.join("skm_survei.csv"), head + &rows).unwrap();
        ok(&["load", p(&extra), "--db", p(&db)]);
        report()
    };
    let big = with("30336");
    assert!(
        big.contains("97 responden kurang dari sampel minimum 379 untuk populasi 30.336 pengguna layanan"),
        "{big}"
    );
    let small = with("120");
    assert!(small.contains("97 responden mencukupi populasi 120 pengguna layanan (minimum 92)"), "{small}");
    assert!(!small.contains("68,34 – 82,36"), "a known small population narrows the interval: {small}");
}

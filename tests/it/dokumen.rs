//! The documents pemda sign: the whole LKjIP as PDF, DOCX and HTML, and the
//! Perjanjian Kinerja, checked with other readers (poppler's pdftotext,
//! pdfinfo and pdffonts; the DOCX package's XML).

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
        let r = kinerja(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--format", format, "--out", p(out), "--db", p(&db)]);
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
    assert!(document.contains("<w:tblHeader />") && document.contains("w:val=\"Heading1\""), "header rows, Word headings");
    assert!(document.contains("88,65%") && document.contains("BAB III AKUNTABILITAS KINERJA"));
    let html = fs::read_to_string(&html).unwrap();
    assert_eq!(html.matches("<svg").count(), media(&docx), "every chart is in both");
    // Charts are numbered the same in every format.
    assert_eq!(grafik(&text), grafik(&html));
    assert_eq!(grafik(&html).len(), media(&docx));
    assert!(grafik(&html).len() >= 4, "{:?}", grafik(&html));
}

#[test]
fn the_same_figures_give_the_same_document() {
    let (dir, db) = loaded();
    for format in ["pdf", "docx"] {
        let files: Vec<Vec<u8>> = (0..2)
            .map(|i| {
                let out = dir.path().join(format!("{i}.{format}"));
                ok(&["report", "--kecamatan", "12.19.07", "--tahun", "2024", "--format", format, "--out", p(&out), "--db", p(&db)]);
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
    let md = ok(&["pk", "--kecamatan", "Sei Balai", "--tahun", "2024", "--revisi", "skenario:optimis", "--format", "md", "--db", p(&db)]);
    assert!(md.contains("| 88,25 |") && !md.contains("| 85,00 |"), "the scenario's target: {md}");
    assert!(md.contains("BB (71,00)"), "the targets it does not set stay: {md}");
    let r = kinerja(&["pk", "--kecamatan", "Sei Balai", "--tahun", "2024", "--revisi", "skenario:lain", "--db", p(&db), "--out", p(&dir.path().join("x.pdf"))]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("revision skenario:lain sets no target for Sei Balai in 2024"), "{}", r.err);
    let pdf = dir.path().join("pk.pdf");
    ok(&["pk", "--kecamatan", "Sei Balai", "--tahun", "2024", "--out", p(&pdf), "--db", p(&db)]);
    let text = poppler("pdftotext", &pdf);
    assert!(text.contains("PERJANJIAN KINERJA TAHUN 2024") && text.contains("BUPATI BATU BARA"), "{text}");
}

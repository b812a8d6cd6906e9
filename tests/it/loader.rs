//! Reading data directories: bad input is reported with file, row, column,
//! expected and found — every problem, not just the first.

use std::fs;
use std::path::Path;

use kinerja_tests::data_dir;

use crate::support::{kinerja, kinerja_in, p};

/// Copies data/ into a temporary directory, applies `edit` (file, from, to).
fn fixture(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    kinerja_tests::copy_seed(dir.path());
    for (file, from, to) in edits {
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} lacks {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    dir
}

fn problems(dir: &Path) -> Vec<String> {
    match kinerja_data::read_dir(dir) {
        Ok(_) => vec![],
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

/// `edits` applied to the seed → exactly these problems.
fn check(edits: &[(&str, &str, &str)], expect: &[&str]) {
    let dir = fixture(edits);
    let got = problems(dir.path());
    assert_eq!(got, expect, "{got:#?}");
}

#[test]
fn the_seed_reads_cleanly() {
    check(&[], &[]);
    let d = kinerja_data::read_dir(&data_dir()).unwrap();
    assert_eq!(d.wilayah.iter().filter(|w| w.tingkat == kinerja_core::model::TingkatWilayah::Kecamatan).count(), 12);
    assert_eq!(d.wilayah.iter().filter(|w| w.tingkat == kinerja_core::model::TingkatWilayah::Desa).count(), 14);
    assert!(d.realisasi.iter().all(|r| r.sumber.starts_with("LKjIP Kec. Sei Balai 2024")));
}

#[test]
fn a_bad_number_is_located() {
    check(
        &[("realisasi.csv", "12.19.07,ikm,2022,90.10", "12.19.07,ikm,2022,90.1x")],
        &[
            "realisasi.csv, row 3, column nilai: expected a number such as 2.960.780.030, 88,65 or 88.65, found \"90.1x\"",
        ],
    );
}

#[test]
fn ambiguous_numbers_are_refused() {
    check(
        &[("realisasi.csv", "12.19.07,ikm,2022,90.10", "12.19.07,ikm,2022,9.010")],
        &[
            "realisasi.csv, row 3, column nilai: expected an unambiguous number (9010 in Indonesian notation, 9.010 in plain notation; write 1.234,0 or 1234 to say which), found \"9.010\"",
        ],
    );
}

#[test]
fn every_problem_of_a_file_is_reported() {
    check(
        &[
            ("target.csv", "12.19.07,ikm,2025,renstra,87.50", "12.19.07,ikm,2025,rencana,87.50"),
            ("target.csv", "12.19.07,akip,2026,renstra,73.00", "12.19.99,akip,2026,renstra,73.00"),
        ],
        &[
            "target.csv, row 3, column jenis: expected renstra, pk, pk_perubahan or skenario:<name>, found \"rencana\"",
            "target.csv, row 7, column kode_unit: expected the code of a kecamatan (or kabupaten) in wilayah, found \"12.19.99\"",
        ],
    );
}

#[test]
fn scheme_and_weight_checks() {
    check(
        &[
            (
                "skm_nrr.csv",
                "12.19.07,2024,waktu,3,Waktu Pelayanan,3.00",
                "12.19.07,2024,keamanan,3,Waktu Pelayanan,4.20",
            ),
            ("akip_komponen.csv", "pelaporan,11.40,11.40", "pelaporan,11.40,15.40"),
        ],
        &[
            "skm_nrr.csv, row 4, column unsur_id: expected an unsur of permenpanrb_14_2017 (SKM scheme mismatch: unsur \"keamanan\" belongs to kepmenpan_25_2004, not permenpanrb_14_2017), found \"keamanan\"",
            "skm_nrr.csv, row 4, column nrr: expected an NRR between 1 and 4, found \"4.20\"",
            "akip_komponen.csv, row 4, column realisasi: expected a score between 0 and bobot 15, found \"15.40\"",
        ],
    );
}

#[test]
fn duplicates_and_unknown_files_and_columns() {
    let dir = fixture(&[("indikator.csv", "jenis,sumber", "jenis,sumbr")]);
    fs::write(dir.path().join("targt.csv"), "a\n1\n").unwrap();
    let got = problems(dir.path());
    assert!(
        got.iter().any(|p| p.starts_with("indikator.csv, row 1, column sumbr: expected one of the columns")),
        "{got:#?}"
    );
    assert!(got.iter().any(|p| p.starts_with("indikator.csv, row 1, column sumber: expected this column")), "{got:#?}");
    assert!(got.iter().any(|p| p.starts_with("targt.csv: expected a table file named after one of")), "{got:#?}");

    check(
        &[("realisasi.csv", "12.19.07,ikm,2022,90.10", "12.19.07,ikm,2021,90.10")],
        &[
            "realisasi.csv, row 3, column tahun: expected a key not given before, found \"(\\\"12.19.07\\\", \\\"ikm\\\", 2021) (already on row 2)\"",
        ],
    );
}

#[test]
fn narasi_sections_come_from_the_list_once_each() {
    check(
        &[("narasi.csv", "12.19.07,2024,tempat,Sei Balai,", "12.19.07,2024,tempat_ttd,Sei Balai,")],
        &[
            "narasi.csv, row 5, column bagian: expected a narasi section: kata_pengantar, latar_belakang, dasar_hukum, tugas_fungsi, struktur_organisasi, kebijakan, analisis, kesimpulan_tambahan, saran, camat_nama, camat_nip, camat_pangkat, bupati_nama, tempat, tanggal_lkjip, tanggal_pk, found \"tempat_ttd\"",
        ],
    );
    check(
        &[("narasi.csv", "12.19.07,2024,tanggal_lkjip,", "12.19.07,2024,tempat,")],
        &[
            "narasi.csv, row 6, column bagian: expected a key not given before, found \"(\\\"12.19.07\\\", 2024, \\\"tempat\\\") (already on row 5)\"",
        ],
    );
}

#[test]
fn only_the_narasi_text_may_span_lines() {
    // The seed's paragraphs and lists, read whole; rows numbered by line.
    let d = kinerja_data::read_dir(&data_dir()).unwrap();
    let dasar = d.narasi.iter().find(|n| n.bagian == "dasar_hukum").unwrap();
    assert!(dasar.teks.contains("sebagai berikut :\n\n- Undang-Undang Nomor 28 Tahun 1999"), "{}", dasar.teks);
    // A line break in another column is a quote left open, refused.
    let (from, to) = ("\"LKjIP Kec. Sei Balai 2024, Bab I.A\"", "\"LKjIP Kec. Sei Balai 2024,\nBab I.A\"");
    let got = problems(fixture(&[("narasi.csv", from, to)]).path());
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("narasi.csv, row 16, column sumber: expected a field on one line"), "{got:#?}");
}

#[test]
fn rupiah_and_codes_in_either_notation() {
    let dir = fixture(&[
        ("anggaran_program.csv", "2746175328,2610761561", "\"Rp. 2.746.175.328,00\",\"2.610.761.561\""),
        ("anggaran_program.csv", "12.19.07,2024,7.01.02,", "12.19.07,2024,7.01.02,"),
    ]);
    let d = kinerja_data::read_dir(dir.path()).unwrap();
    let p = d.anggaran_program.iter().find(|p| p.kode_program == "7.01.01").unwrap();
    assert_eq!(p.anggaran.to_string(), "2746175328.00");
    assert_eq!(p.realisasi.to_string(), "2610761561");
    check(
        &[("anggaran_belanja.csv", "5.1.01", "5.1.1")],
        &[
            "anggaran_belanja.csv, row 2, column kode_rekening: expected a code like 5.1.02 (widths 1.1.02.02.02.0004), found \"5.1.1\"",
        ],
    );
}

#[test]
fn xlsx_tables_read_like_csv() {
    // realisasi as a spreadsheet: numeric cells and Indonesian text cells.
    let dir = fixture(&[]);
    fs::remove_file(dir.path().join("realisasi.csv")).unwrap();
    let csv = kinerja_data::Sheet::from_csv(&data_dir().join("realisasi.csv"), "realisasi.csv").unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in csv.headers.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, (_, cells)) in csv.rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            let (row, col) = (r as u32 + 1, c as u16);
            if csv.headers[c] == "nilai" && r % 2 == 0 {
                ws.write_number(row, col, v.parse::<f64>().unwrap()).unwrap();
            } else if csv.headers[c] == "nilai" {
                ws.write_string(row, col, v.replace('.', ",")).unwrap();
            } else if csv.headers[c] == "tahun" {
                ws.write_number(row, col, v.parse::<f64>().unwrap()).unwrap();
            } else {
                ws.write_string(row, col, v).unwrap();
            }
        }
    }
    wb.save(dir.path().join("realisasi.xlsx")).unwrap();
    let from_xlsx = kinerja_data::read_dir(dir.path()).unwrap();
    let from_csv = kinerja_data::read_dir(&data_dir()).unwrap();
    assert_eq!(from_xlsx.realisasi, from_csv.realisasi);
    // Both forms of one table is ambiguous.
    fs::copy(data_dir().join("realisasi.csv"), dir.path().join("realisasi.csv")).unwrap();
    let got = problems(dir.path());
    assert!(got.iter().any(|p| p.contains("both a CSV and an XLSX file")), "{got:#?}");
}

/// Columns whose values are numbers with decimals in the seed.
const DECIMAL_COLUMNS: &[&str] = &[
    "target",
    "realisasi",
    "anggaran",
    "nilai",
    "nrr",
    "luas_ha",
    "luas_perkebunan_ha",
    "luas_pertanian_ha",
    "luas_perumahan_ha",
];

/// Rewrites a CSV directory as Excel writes CSV under the Indonesian
/// locale: `;` between fields, `,` as decimal mark, Windows-1252, CRLF.
fn as_excel_indonesia(dir: &Path) {
    for e in fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let mut rdr = csv::Reader::from_path(&path).unwrap();
        let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
        let mut w = csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(vec![]);
        w.write_record(&headers).unwrap();
        for rec in rdr.records() {
            let rec = rec.unwrap();
            let cells = rec
                .iter()
                .zip(&headers)
                .map(|(c, h)| if DECIMAL_COLUMNS.contains(&h.as_str()) { c.replace('.', ",") } else { c.to_string() });
            w.write_record(cells.collect::<Vec<_>>()).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable, "{}", path.display());
        fs::write(&path, bytes).unwrap();
    }
}

#[test]
fn excel_indonesian_csv_reads_as_the_same_data() {
    let edit = [("wilayah.csv", ",Sei Balai,", ",Sei Bélai,")];
    let (utf8, excel) = (fixture(&edit), fixture(&edit));
    as_excel_indonesia(excel.path());
    let raw = fs::read(excel.path().join("wilayah.csv")).unwrap();
    assert!(raw.windows(9).any(|w| w == b"Sei B\xe9lai"), "the file is Windows-1252");
    let parts = kinerja_data::read_dir_parts(excel.path()).unwrap();
    let expected = kinerja_data::read_dir(utf8.path()).unwrap();
    assert_eq!(format!("{:?}", parts.data), format!("{expected:?}"));
    let said = parts.dialek.iter().find(|(f, _)| f == "wilayah.csv").map(|(_, d)| d.to_string());
    assert_eq!(said.as_deref(), Some("Windows-1252, ';' between fields, ',' as decimal mark"));
}

#[test]
fn an_unreadable_table_is_reported_first_and_its_references_counted() {
    let dir = fixture(&[("target.csv", "12.19.07,ikm,2024,pk_perubahan,85.00", "12.19.07,ikm,2024,pk_perubahan,8x5")]);
    // wilayah.csv saved as Excel's "Unicode Text" (UTF-16).
    let text = fs::read_to_string(dir.path().join("wilayah.csv")).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    fs::write(dir.path().join("wilayah.csv"), utf16).unwrap();
    let got = problems(dir.path());
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[0].starts_with("wilayah.csv: expected UTF-8 or Windows-1252 text"), "{got:#?}");
    assert!(
        got[1].starts_with("wilayah.csv: expected a readable wilayah table, to check the references to it, found \""),
        "{got:#?}"
    );
    assert!(got[1].ends_with(" references to wilayah in other files not checked\""), "{got:#?}");
    // A file's own problems are still listed, after the root cause.
    assert!(got[2].starts_with("target.csv, row "), "{got:#?}");
}

#[test]
fn the_load_summary_says_how_each_file_was_read() {
    let data = fixture(&[("wilayah.csv", ",Sei Balai,", ",Sei Bélai,")]);
    as_excel_indonesia(data.path());
    let db = data.path().join("k.duckdb");
    let out =
        kinerja_in("en").args(["load", data.path().to_str().unwrap(), "--db", db.to_str().unwrap()]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("  wilayah.csv: read as Windows-1252, ';' between fields, ',' as decimal mark"), "{said}");
    assert!(said.contains("  target.csv: read as UTF-8, ';' between fields, ',' as decimal mark"), "{said}");
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
        short.err.contains("1 problem in the data") && short.err.contains("no rows; 76 references to wilayah"),
        "{}",
        short.err
    );
    let all = kinerja(&["load", p(dir.path()), "--db", p(&db), "--semua"]);
    assert!(all.err.contains("77 problems") && all.err.contains("listed after this"), "{}", all.err);
    assert!(all.err.contains("desa_statistik.csv, row 2, column kode_desa"), "{}", all.err);
    assert_eq!(kinerja(&["load", p(dir.path()), "--db", p(&db), "--all"]).err, all.err);
}

#[test]
fn a_range_decides_an_ambiguous_number_and_the_summary_says_so() {
    // An NRR (1–4) of `3,532` can only be 3.532; a komponen score (0–100)
    // of `24,390` only 24.39. A realisasi has no such range: `9.010` stays
    // ambiguous (ambiguous_numbers_are_refused).
    let data = fixture(&[
        ("skm_nrr.csv", "Persyaratan Pelayanan,3.00,", "Persyaratan Pelayanan,\"3,532\","),
        ("skm_nrr.csv", "Prosedur Pelayanan,3.01,", "Prosedur Pelayanan,\"3,011\","),
        ("akip_komponen.csv", "perencanaan,23.50,24.39,", "perencanaan,23.50,\"24,390\","),
        ("akip_komponen.csv", "pengukuran,20.23,20.96,", "pengukuran,20.23,\"20,960\","),
    ]);
    let parts = kinerja_data::read_dir_parts(data.path()).unwrap();
    let nrr: Vec<String> = parts.data.skm_nrr.iter().take(2).map(|n| n.nrr.to_string()).collect();
    assert_eq!(nrr, ["3.532", "3.011"]);
    let t: Vec<String> = parts.tafsir.iter().map(ToString::to_string).collect();
    assert_eq!(
        t,
        [
            "akip_komponen.csv, column realisasi: 2 values read in the only notation that fits 0–100, e.g. row 2: \"24,390\" as 24.390 (decimal point)",
            "skm_nrr.csv, column nrr: 2 values read in the only notation that fits 1–4, e.g. row 2: \"3,532\" as 3.532 (decimal point)",
        ]
    );
    // Neither reading in range: refused, located.
    let neither = fixture(&[("skm_nrr.csv", "Persyaratan Pelayanan,3.00,", "Persyaratan Pelayanan,\"4,001\",")]);
    assert_eq!(
        problems(neither.path()),
        [
            "skm_nrr.csv, row 2, column nrr: expected an unambiguous number (4.001 in Indonesian notation, but reads as English thousands grouping too), found \"4,001\""
        ]
    );
    let db = data.path().join("k.duckdb");
    for (lang, line) in [
        (
            "en",
            "  skm_nrr.csv, column nrr: 2 values read in the only notation that fits 1–4, e.g. row 2: \"3,532\" as 3.532 (decimal point)",
        ),
        (
            "id",
            "  skm_nrr.csv, kolom nrr: 2 nilai dibaca dalam satu-satunya notasi yang sesuai dengan rentang 1–4, mis. baris 2: \"3,532\" sebagai 3.532 (titik desimal)",
        ),
    ] {
        let out = kinerja_in(lang)
            .args(["load", data.path().to_str().unwrap(), "--db", db.to_str().unwrap()])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(line), "{lang}: {said}");
    }
}

/// The population a survey samples is optional, and a count when given.
#[test]
fn a_survey_population_is_a_count() {
    let edits = [("skm_survei.csv", "responden,periode,sumber", "responden,periode,sumber,populasi")];
    let dir = fixture(&edits);
    let path = dir.path().join("skm_survei.csv");
    let text = fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[1].push_str(",-5");
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    assert_eq!(
        problems(dir.path()),
        ["skm_survei.csv, row 2, column populasi: expected a count of 0 or more, found \"-5\""]
    );
    lines[1] = lines[1].replace(",-5", ",30336");
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    assert_eq!(problems(dir.path()), Vec::<String>::new());
}

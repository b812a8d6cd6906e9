//! `kinerja template`: the blank and the filled XLSX template, and what a
//! filled one loads as.

use std::fs;
use std::path::Path;

use crate::support::{kinerja, loaded, ok, p};

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
    assert_eq!(codes(&mut wb, "indikator"), ["akip", "ikm"], "in code order");
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

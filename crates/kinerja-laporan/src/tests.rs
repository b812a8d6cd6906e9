//! The renderings of one small document: what a reader of each format sees.

use std::str::FromStr;

use kinerja_core::Decimal;

use crate::{Cell, Document, Section, html, md, xlsx};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal literal")
}

fn section(title: &str, short: &str, rows: Vec<Vec<Cell>>) -> Section {
    Section {
        title: title.into(),
        short: short.into(),
        columns: vec!["Indikator".into(), "Nilai".into()],
        rows,
        notes: vec!["Sumber: LKjIP 2024".into()],
    }
}

fn doc(sections: Vec<Section>) -> Document {
    Document { title: "LKjIP Kecamatan Sei Balai 2024".into(), sub: vec!["Kabupaten Batu Bara".into()], sections }
}

/// One cell of every kind in a row after a label, rendered as Markdown.
fn check(cell: Cell, expect: &str) {
    let text = md::render(&doc(vec![section("Tabel 1", "1", vec![vec![Cell::Text("a".into()), cell]])]));
    let row = text.lines().find(|l| l.starts_with("| a |")).expect("the row");
    assert_eq!(row, format!("| a | {expect} |"));
}

#[test]
fn cells_are_written_the_indonesian_way() {
    check(Cell::Number(d("2960780030"), 0), "2.960.780.030");
    check(Cell::Number(d("88.6549"), 2), "88,65");
    check(Cell::Percent(d("88.65")), "88,65%");
    check(Cell::Rupiah(d("2960780030.50")), "2.960.780.031");
    check(Cell::Labelled("BB".into(), d("72.62")), "BB (72,62)");
    check(Cell::Empty, "-");
    // A pipe in a text would end the Markdown cell.
    check(Cell::Text("Baik | Cukup".into()), "Baik \\| Cukup");
}

#[test]
fn markdown_has_a_heading_per_table_and_its_notes() {
    let text = md::render(&doc(vec![section("Tabel 3.1 Capaian", "3.1", vec![])]));
    assert!(text.starts_with("# LKjIP Kecamatan Sei Balai 2024\n\nKabupaten Batu Bara\n\n"), "{text}");
    assert!(
        text.contains("## Tabel 3.1 Capaian\n\n| Indikator | Nilai |\n|---|---|\n\nSumber: LKjIP 2024\n"),
        "{text}"
    );
}

#[test]
fn html_escapes_text_and_marks_synthetic_rows() {
    let rows = vec![
        vec![Cell::Text("IKM <unit> & \"kantor\"".into()), Cell::Number(d("82.5"), 2)],
        vec![Cell::Text("Kecamatan X [sintetis]".into()), Cell::Empty],
    ];
    let text = html::render(&doc(vec![section("Tabel 1", "1", rows)]));
    assert!(
        text.contains("<tr><td>IKM &lt;unit&gt; &amp; &quot;kantor&quot;</td><td class=\"n\">82,50</td></tr>"),
        "{text}"
    );
    assert!(text.contains("<tr class=\"sintetis\"><td>Kecamatan X [sintetis]</td><td>-</td></tr>"), "{text}");
}

#[test]
fn xlsx_has_one_valid_uniquely_named_sheet_per_table_with_number_cells() {
    use calamine::{Data, Reader, Xlsx};
    let long = "Tabel 3.2 Capaian Kinerja: sasaran/indikator [2024]";
    let rows = vec![vec![Cell::Text("IKM".into()), Cell::Percent(d("88.65"))]];
    let bytes =
        xlsx::render(&doc(vec![section("A", long, rows.clone()), section("B", long, rows)])).expect("a workbook");
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).expect("readable");
    let names = wb.sheet_names();
    // Excel: at most 31 characters, none of []:*?/\, unique.
    assert_eq!(names, ["Tabel 3.2 Capaian Kinerja sasar", "Tabel 3.2 Capaian Kinerja s 2"]);
    let sheet = wb.worksheet_range(&names[0]).expect("the first sheet");
    // Title, subtitle, a blank row, the header, then the row: a real number.
    assert_eq!(sheet.get_value((4, 1)), Some(&Data::Float(88.65)));
}

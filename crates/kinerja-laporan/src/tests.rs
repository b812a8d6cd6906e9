//! The renderings of one small document: what a reader of each format sees.

use std::str::FromStr;

use kinerja_core::Decimal;

use crate::{Block, Cell, Document, Section, html, md, xlsx};

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
    let blocks = sections.into_iter().map(Block::Table).collect();
    Document {
        title: "LKjIP Kecamatan Sei Balai 2024".into(),
        sub: vec!["Kabupaten Batu Bara".into()],
        blocks,
        ..Document::default()
    }
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

/// The workbook of one table with `rows`, read back: every sheet's cells.
fn workbook(rows: Vec<Vec<Cell>>) -> (Vec<u8>, calamine::Range<calamine::Data>) {
    use calamine::{Reader, Xlsx};
    let bytes = xlsx::render(&doc(vec![section("Tabel 1", "1", rows)])).expect("a workbook");
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes.clone())).expect("readable");
    let range = wb.worksheet_range("1").expect("the sheet");
    (bytes, range)
}

/// One cell in the row after the header, as a spreadsheet reads it back.
fn check_xlsx(cell: Cell, expect: calamine::Data) {
    let (_, range) = workbook(vec![vec![Cell::Text("a".into()), cell]]);
    assert_eq!(range.get_value((4, 1)), Some(&expect));
}

#[test]
fn xlsx_cells_read_back_as_written() {
    use calamine::Data;
    check_xlsx(Cell::Number(d("2960780030"), 0), Data::Float(2_960_780_030.0));
    check_xlsx(Cell::Rupiah(d("2960780030.50")), Data::Float(2_960_780_030.5));
    check_xlsx(Cell::Number(d("88.6500"), 2), Data::Float(88.65));
    check_xlsx(Cell::Number(d("-0.25"), 2), Data::Float(-0.25));
    check_xlsx(Cell::Labelled("BB".into(), d("72.62")), Data::Float(72.62));
    check_xlsx(Cell::Empty, Data::String("-".into()));
    // Markup, an ampersand, and spaces at either end stay as they are.
    check_xlsx(Cell::Text("  <b>Baik & Cukup</b> ".into()), Data::String("  <b>Baik & Cukup</b> ".into()));
    check_xlsx(Cell::Text("Kecamatan Sei Balai ✓".into()), Data::String("Kecamatan Sei Balai ✓".into()));
}

/// The text of one part of an XLSX package.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect("the part"), &mut s).expect("UTF-8");
    s
}

#[test]
fn xlsx_is_the_same_bytes_for_the_same_document() {
    let rows = || vec![vec![Cell::Text("IKM".into()), Cell::Percent(d("88.65"))]];
    let (a, _) = workbook(rows());
    let (b, _) = workbook(rows());
    assert_eq!(a, b, "a report rendered twice differs: it would not keep its SHA-256");
}

#[test]
fn xlsx_predikat_cells_are_numbers_shown_with_their_label() {
    let rows = vec![
        vec![Cell::Text("IKM".into()), Cell::Labelled("BB".into(), d("72.62"))],
        vec![Cell::Text("AKIP".into()), Cell::Labelled("A \"baik\"".into(), d("80.10"))],
        vec![Cell::Text("IKM 2023".into()), Cell::Labelled("BB".into(), d("70"))],
    ];
    let (bytes, _) = workbook(rows);
    let styles = part(&bytes, "xl/styles.xml");
    // One number format per label, a quote in a label dropped.
    assert_eq!(styles.matches("&quot;BB (&quot;#,##0.00&quot;)&quot;").count(), 1, "{styles}");
    assert!(styles.contains("formatCode=\"&quot;A baik (&quot;#,##0.00&quot;)&quot;\""), "{styles}");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<c r=\"B5\" s=\"5\"><v>72.62</v></c>"), "{sheet}");
    assert!(sheet.contains("<c r=\"B6\" s=\"6\"><v>80.1</v></c>"), "{sheet}");
    assert!(sheet.contains("<c r=\"B7\" s=\"5\"><v>70</v></c>"), "{sheet}");
    // The header frozen below its row, columns as wide as the table's cells.
    assert!(sheet.contains("<pane ySplit=\"4\" topLeftCell=\"A5\""), "{sheet}");
    let widest = "A \"baik\" (80,10)".chars().count();
    assert!(sheet.contains(&format!("<col min=\"2\" max=\"2\" width=\"{}\"", widest + 2)), "{sheet}");
}

#[test]
fn xlsx_keeps_text_xml_cannot_hold() {
    use calamine::Data;
    // A control character, and a text that looks like the escape for one.
    let (bytes, range) = workbook(vec![vec![Cell::Text("a\u{1}b _x0041_".into())]]);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("a_x0001_b _x005F_x0041_"), "{sheet}");
    assert_eq!(range.get_value((4, 0)), Some(&Data::String("a\u{1}b _x0041_".into())));
}

#[test]
fn xlsx_refuses_what_a_sheet_cannot_hold_and_names_tabs_once() {
    let long = Cell::Text("x".repeat(32_768));
    let err = xlsx::render(&doc(vec![section("Tabel 1", "1", vec![vec![long]])])).expect_err("too long");
    assert!(matches!(err, xlsx::Error::TooLong(32_768)), "{err}");
    assert!(xlsx::render(&doc(vec![section("Tabel 1", "1", vec![vec![Cell::Text("x".repeat(32_767))]])])).is_ok());
    // A worksheet ends at column XFD, the 16,384th.
    let wide = |n: usize| doc(vec![section("Tabel 1", "1", vec![vec![Cell::Empty; n]])]);
    assert!(matches!(xlsx::render(&wide(16_385)), Err(xlsx::Error::TooLarge)));
    let bytes = xlsx::render(&wide(16_384)).expect("as wide as a sheet");
    assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains("<c r=\"XFD5\" t=\"inlineStr\">"));
    // Excel compares tab names ignoring case; a document without tables
    // still gets one sheet.
    use calamine::{Reader, Xlsx};
    let names = |d: Document| {
        Xlsx::new(std::io::Cursor::new(xlsx::render(&d).expect("a workbook"))).expect("readable").sheet_names()
    };
    let two = doc(vec![section("A", "Renstra IKM", vec![]), section("B", "'renstra ikm'", vec![])]);
    assert_eq!(names(two), ["Renstra IKM", "renstra ikm 2"]);
    assert_eq!(names(doc(vec![])), ["LKjIP Kecamatan Sei Balai 2024"]);
}

#[test]
fn headings_paragraphs_and_lists_in_markdown_and_html() {
    let d = Document {
        title: "Reviu".into(),
        sub: vec![],
        blocks: vec![
            Block::Heading("[GALAT] a | b".into()),
            Block::List(vec!["satu".into(), "<dua>".into()]),
            Block::Paragraph("akhir".into()),
        ],
        ..Document::default()
    };
    assert_eq!(md::render(&d), "# Reviu\n\n## [GALAT] a \\| b\n\n- satu\n- <dua>\n\nakhir\n\n");
    let h = html::render(&d);
    assert!(
        h.contains(
            "<h2 id=\"b0\">[GALAT] a | b</h2>\n<ul>\n<li>satu</li>\n<li>&lt;dua&gt;</li>\n</ul>\n<p>akhir</p>\n"
        ),
        "{h}"
    );
}

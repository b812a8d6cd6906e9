//! XLSX rendering with real number cells: one worksheet per table.
//!
//! Numbers are written as numeric cells with Indonesian-style display
//! formats; every value Kinerja reports has at most 15 significant digits,
//! so the cell holds exactly the decimal shown.
//!
//! The package (ECMA-376, SpreadsheetML) is written here, part by part,
//! rather than through a general workbook library: a batch writes one
//! workbook for each of the nation's 7,285 kecamatan, and what such a
//! library spends per workbook (a theme, shared-string and format tables,
//! measuring every text for autofit, a compressor allocated per part) costs
//! more than reading and rendering the reports themselves. This writer
//! serves tables only; the data template, which needs validation lists and
//! notes, is written with `rust_xlsxwriter` by the command. The same
//! document always gives the same bytes: nothing reads the clock.

mod sheet;
mod zip;

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::{Document, Section};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A table has more rows or columns than a worksheet holds, or the
    /// workbook is larger than a ZIP archive without ZIP64 holds (4 GiB).
    #[error("a table is larger than a worksheet holds")]
    TooLarge,
    /// A text longer than a cell holds.
    #[error("a text of {0} characters is longer than a spreadsheet cell holds (32,767)")]
    TooLong(usize),
    /// The compressor failed.
    #[error("compressing the workbook: {0}")]
    Deflate(String),
}

/// The result of rendering a workbook.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The cell formats of a workbook (`cellXfs`): five fixed ones, then one
/// per predikat label shown with a value (`"BB ("#,##0.00")"`).
#[derive(Default)]
struct Styles {
    labels: Vec<String>,
}

impl Styles {
    const BOLD: usize = 1;
    const DUA: usize = 2;
    const NOL: usize = 3;
    const PERSEN: usize = 4;
    /// The number formats of `DUA`, `NOL` and `PERSEN`, numbered from 164,
    /// the first id Excel leaves to custom formats; the labels' follow.
    const FIXED: [&str; 3] = ["#,##0.00", "#,##0", "#,##0.00\"%\""];

    /// The cell format showing a value as `label (72,62)`.
    fn labelled(&mut self, label: &str) -> usize {
        // A quote would end the format's literal text.
        let label = label.replace('"', "");
        let i = self.labels.iter().position(|l| *l == label).unwrap_or_else(|| {
            self.labels.push(label);
            self.labels.len() - 1
        });
        Self::PERSEN + 1 + i
    }

    fn xml(&self) -> String {
        let mut out = String::from(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        ));
        let codes: Vec<String> = Self::FIXED
            .iter()
            .map(|c| (*c).to_string())
            .chain(self.labels.iter().map(|l| format!("\"{l} (\"#,##0.00\")\"")))
            .collect();
        let _ = write!(out, "<numFmts count=\"{}\">", codes.len());
        for (i, c) in codes.iter().enumerate() {
            let _ = write!(out, "<numFmt numFmtId=\"{}\" formatCode=\"", 164 + i);
            escape(c, true, &mut out);
            out.push_str("\"/>");
        }
        out.push_str(concat!(
            "</numFmts><fonts count=\"2\">",
            r#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
            r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#,
            r#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#,
            r#"<fill><patternFill patternType="gray125"/></fill></fills>"#,
            r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
            r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
        ));
        let _ = write!(
            out,
            "<cellXfs count=\"{}\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
             <xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
            codes.len() + 2
        );
        for i in 0..codes.len() {
            let _ = write!(
                out,
                "<xf numFmtId=\"{}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
                164 + i
            );
        }
        out.push_str(r#"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#);
        out
    }
}

/// Writes `s` as XML text (or an attribute value, with `attribute`).
/// Characters XML 1.0 cannot hold, and text that would read as one of
/// them, are written as SpreadsheetML's `_xHHHH_` (ECMA-376 Part 1
/// §22.9.2.19), so that the cell reads back as `s`.
fn escape(s: &str, attribute: bool, out: &mut String) {
    let mut rest = s;
    while let Some((i, c)) = rest.char_indices().find(|(i, c)| {
        matches!(c, '&' | '<' | '>' | '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
            || (attribute && *c == '"')
            || (*c == '_' && looks_escaped(&rest[*i..]))
    }) {
        out.push_str(&rest[..i]);
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => {
                let _ = write!(out, "_x{:04X}_", u32::from(c));
            }
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// `_x` four hex digits `_`: a reader would take it for an escape.
fn looks_escaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// The tab names: Excel allows at most 31 characters, none of `[]:*?/\`,
/// no `'` at either end, and no two alike ignoring case.
fn sheet_names(sections: &[&Section]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut names = Vec::with_capacity(sections.len());
    for (i, b) in sections.iter().enumerate() {
        let clean: String = b.short.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
        let clean = clean.trim_matches(|c: char| c == '\'' || c.is_whitespace());
        let base = if clean.is_empty() { format!("Tabel {}", i + 1) } else { clean.to_string() };
        let mut name: String = base.chars().take(31).collect();
        let mut n = i + 1;
        while !seen.insert(name.to_lowercase()) {
            name = format!("{} {n}", base.chars().take(27).collect::<String>().trim_end());
            n += 1;
        }
        names.push(name);
    }
    names
}

const RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    "</Relationships>"
);

/// The package's content types, workbook and the workbook's relationships.
fn workbook_parts(names: &[String]) -> [String; 3] {
    let head = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    let mut types = format!(
        "{head}\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    );
    let mut book = format!(
        "{head}\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <bookViews><workbookView/></bookViews><sheets>"
    );
    let mut rels =
        format!("{head}\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    for (i, name) in names.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            types,
            "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        );
        book.push_str("<sheet name=\"");
        escape(name, true, &mut book);
        let _ = write!(book, "\" sheetId=\"{n}\" r:id=\"rId{n}\"/>");
        let _ =
            write!(rels, "<Relationship Id=\"rId{n}\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>");
    }
    types.push_str("</Types>");
    book.push_str("</sheets><calcPr calcId=\"124519\"/></workbook>");
    let _ = write!(
        rels,
        "<Relationship Id=\"rId{}\" Type=\"{rel}/styles\" Target=\"styles.xml\"/></Relationships>",
        names.len() + 1
    );
    [types, book, rels]
}

/// Writes the document as an XLSX workbook.
pub fn render(d: &Document) -> Result<Vec<u8>> {
    // A workbook has at least one sheet: a document without tables gets its title alone.
    let empty =
        Section { title: d.title.clone(), short: d.title.clone(), columns: vec![], rows: vec![], notes: vec![] };
    let mut sections: Vec<&Section> = d.tables().collect();
    if sections.is_empty() {
        sections.push(&empty);
    }
    let names = sheet_names(&sections);
    let mut styles = Styles::default();
    let sheets: Vec<String> =
        sections.iter().enumerate().map(|(i, b)| sheet::worksheet(d, b, i == 0, &mut styles)).collect::<Result<_>>()?;
    let [types, book, rels] = workbook_parts(&names);
    let mut p = zip::Package::default();
    p.add("[Content_Types].xml", types.as_bytes())?;
    p.add("_rels/.rels", RELS.as_bytes())?;
    p.add("xl/workbook.xml", book.as_bytes())?;
    p.add("xl/_rels/workbook.xml.rels", rels.as_bytes())?;
    p.add("xl/styles.xml", styles.xml().as_bytes())?;
    for (i, s) in sheets.iter().enumerate() {
        p.add(format!("xl/worksheets/sheet{}.xml", i + 1), s.as_bytes())?;
    }
    p.finish()
}

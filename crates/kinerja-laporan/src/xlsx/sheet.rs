//! One worksheet (ECMA-376 Part 1 §18.3): the document's title and
//! subtitles, a blank row, the table's header (frozen) and rows, a blank
//! row and the notes. Text is written inline; numbers as the decimal text
//! of the exact value, which a spreadsheet reads as that number.

use std::fmt::Write as _;

use kinerja_core::Decimal;

use super::{Error, Result, Styles, escape};
use crate::{Cell, Document, Section};

/// Excel's last row (1,048,576) and column (16,384, `XFD`).
const MAX_ROW: usize = 1 << 20;
const MAX_COL: usize = 1 << 14;
/// The longest text a cell holds.
const MAX_TEXT: usize = 32_767;
/// The widest column Excel allows, in characters.
const MAX_WIDTH: usize = 255;

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub(super) fn column_name(mut x: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + u8::try_from(x % 26).unwrap_or(0));
        if x < 26 {
            break;
        }
        x = x / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The cells of a worksheet, written row by row into `data`.
struct Rows<'a> {
    data: String,
    /// The widest text shown in each column of the table, in characters.
    widths: Vec<usize>,
    styles: &'a mut Styles,
}

impl Rows<'_> {
    fn row(&mut self, y: usize, cells: impl FnOnce(&mut Self) -> Result<()>) -> Result<()> {
        let _ = write!(self.data, "<row r=\"{}\">", y + 1);
        cells(self)?;
        self.data.push_str("</row>");
        Ok(())
    }

    /// A text cell; `measure` counts it in its column's width. An empty
    /// text leaves the cell blank.
    fn text(&mut self, y: usize, x: usize, s: &str, style: usize, measure: bool) -> Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        let chars = s.chars().count();
        if chars > MAX_TEXT {
            return Err(Error::TooLong(chars));
        }
        if measure {
            self.measure(x, chars);
        }
        let _ = write!(self.data, "<c r=\"{}{}\"", column_name(x), y + 1);
        if style != 0 {
            let _ = write!(self.data, " s=\"{style}\"");
        }
        let space = s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace);
        self.data.push_str(if space {
            " t=\"inlineStr\"><is><t xml:space=\"preserve\">"
        } else {
            " t=\"inlineStr\"><is><t>"
        });
        escape(s, false, &mut self.data);
        self.data.push_str("</t></is></c>");
        Ok(())
    }

    fn number(&mut self, y: usize, x: usize, v: Decimal, style: usize, shown: &Cell) {
        self.measure(x, shown.text().chars().count());
        let _ = write!(self.data, "<c r=\"{}{}\" s=\"{style}\"><v>{}</v></c>", column_name(x), y + 1, v.normalize());
    }

    fn cell(&mut self, y: usize, x: usize, cell: &Cell) -> Result<()> {
        match cell {
            Cell::Number(v, 0) | Cell::Rupiah(v) => self.number(y, x, *v, Styles::NOL, cell),
            Cell::Number(v, _) => self.number(y, x, *v, Styles::DUA, cell),
            Cell::Percent(v) => self.number(y, x, *v, Styles::PERSEN, cell),
            Cell::Labelled(l, v) => {
                // A real number cell that displays as "BB (72,62)".
                let style = self.styles.labelled(l);
                self.number(y, x, *v, style, cell);
            }
            Cell::Text(s) => self.text(y, x, s, 0, true)?,
            Cell::Empty => self.text(y, x, "-", 0, true)?,
        }
        Ok(())
    }

    fn measure(&mut self, x: usize, chars: usize) {
        if self.widths.len() <= x {
            self.widths.resize(x + 1, 0);
        }
        self.widths[x] = self.widths[x].max(chars);
    }
}

/// The worksheet XML of one table; `first` is the selected tab.
pub(super) fn worksheet(d: &Document, b: &Section, first: bool, styles: &mut Styles) -> Result<String> {
    let top = d.sub.len() + 2;
    let below = top + 2 + b.rows.len();
    let last_row = if b.notes.is_empty() { top + b.rows.len() } else { below + b.notes.len() - 1 };
    let width = b.rows.iter().map(Vec::len).chain([b.columns.len(), 1]).max().unwrap_or(1);
    if last_row >= MAX_ROW || width > MAX_COL {
        return Err(Error::TooLarge);
    }
    let mut rows = Rows { data: String::with_capacity(256 * (last_row + 1)), widths: Vec::new(), styles };
    rows.row(0, |r| r.text(0, 0, &b.title, Styles::BOLD, false))?;
    for (i, s) in d.sub.iter().enumerate() {
        rows.row(i + 1, |r| r.text(i + 1, 0, s, 0, false))?;
    }
    rows.row(top, |r| b.columns.iter().enumerate().try_for_each(|(x, k)| r.text(top, x, k, Styles::BOLD, true)))?;
    for (i, row) in b.rows.iter().enumerate() {
        let y = top + 1 + i;
        rows.row(y, |r| row.iter().enumerate().try_for_each(|(x, c)| r.cell(y, x, c)))?;
    }
    for (i, n) in b.notes.iter().enumerate() {
        rows.row(below + i, |r| r.text(below + i, 0, n, 0, false))?;
    }
    Ok(assemble(&rows.data, &rows.widths, top, first, &format!("A1:{}{}", column_name(width - 1), last_row + 1)))
}

/// The worksheet around its rows: the used range, the header frozen below
/// row `top`, and each column as wide as its widest table cell.
fn assemble(data: &str, widths: &[usize], top: usize, first: bool, range: &str) -> String {
    let mut out = String::with_capacity(data.len() + 1024);
    out.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    ));
    let selected = if first { " tabSelected=\"1\"" } else { "" };
    let _ = write!(
        out,
        "<dimension ref=\"{range}\"/><sheetViews><sheetView{selected} workbookViewId=\"0\">\
         <pane ySplit=\"{}\" topLeftCell=\"A{}\" activePane=\"bottomLeft\" state=\"frozen\"/>\
         <selection pane=\"bottomLeft\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>",
        top + 1,
        top + 2
    );
    if widths.iter().any(|w| *w > 0) {
        out.push_str("<cols>");
        for (x, w) in widths.iter().enumerate().filter(|(_, w)| **w > 0) {
            let w = (w + 2).min(MAX_WIDTH);
            let _ = write!(out, "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>", x + 1);
        }
        out.push_str("</cols>");
    }
    out.push_str("<sheetData>");
    out.push_str(data);
    out.push_str(concat!(
        "</sheetData>",
        r#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#,
        "</worksheet>"
    ));
    out
}

//! XLSX rendering with real number cells: one worksheet per table.
//!
//! Numbers are written as numeric cells with Indonesian-style display
//! formats; every value Kinerja reports has at most 15 significant digits,
//! so the cell holds exactly the decimal shown.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::{Cell, Document};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The XLSX writer refused a value or a sheet.
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    /// A table has more rows or columns than a worksheet holds.
    #[error("a table is larger than a worksheet holds")]
    TooLarge(#[from] std::num::TryFromIntError),
    /// A decimal that is not a spreadsheet number.
    #[error("{0} is not a number for a spreadsheet cell")]
    Number(String),
}

/// The result of rendering a workbook.
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn number(d: kinerja_core::Decimal) -> Result<f64> {
    let s = d.to_string();
    s.parse::<f64>().map_err(|_| Error::Number(s))
}

/// Writes the document as an XLSX workbook.
pub fn render(d: &Document) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let dua = Format::new().set_num_format("#,##0.00");
    let nol = Format::new().set_num_format("#,##0");
    let persen = Format::new().set_num_format("#,##0.00\"%\"");
    let mut names = std::collections::HashSet::new();
    for (i, b) in d.sections.iter().enumerate() {
        let ws = wb.add_worksheet();
        // Excel: at most 31 characters, none of []:*?/\, unique.
        let mut name: String = b.short.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        if !names.insert(name.clone()) {
            name = format!("{} {}", name.chars().take(27).collect::<String>(), i + 1);
        }
        ws.set_name(&name)?;
        ws.write_string_with_format(0, 0, &b.title, &bold)?;
        for (row, s) in d.sub.iter().enumerate() {
            ws.write_string(u32::try_from(row)? + 1, 0, s)?;
        }
        let top = u32::try_from(d.sub.len())? + 2;
        for (c, k) in b.columns.iter().enumerate() {
            ws.write_string_with_format(top, u16::try_from(c)?, k, &bold)?;
        }
        ws.set_freeze_panes(top + 1, 0)?;
        for (r, row) in b.rows.iter().enumerate() {
            let y = top + 1 + u32::try_from(r)?;
            for (c, cell) in row.iter().enumerate() {
                let x = u16::try_from(c)?;
                match cell {
                    Cell::Number(v, 0) | Cell::Rupiah(v) => ws.write_number_with_format(y, x, number(*v)?, &nol)?,
                    Cell::Number(v, _) => ws.write_number_with_format(y, x, number(*v)?, &dua)?,
                    Cell::Percent(v) => ws.write_number_with_format(y, x, number(*v)?, &persen)?,
                    Cell::Labelled(l, v) => {
                        // A real number cell that displays as "BB (72,62)".
                        let f = Format::new().set_num_format(format!("\"{l} (\"#,##0.00\")\""));
                        ws.write_number_with_format(y, x, number(*v)?, &f)?
                    }
                    Cell::Text(s) => ws.write_string(y, x, s)?,
                    Cell::Empty => ws.write_string(y, x, "-")?,
                };
            }
        }
        let below = top + 2 + u32::try_from(b.rows.len())?;
        for (i, c) in b.notes.iter().enumerate() {
            ws.write_string(below + u32::try_from(i)?, 0, c)?;
        }
        ws.autofit();
    }
    Ok(wb.save_to_buffer()?)
}

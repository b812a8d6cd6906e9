//! The document model every renderer reads: a title, lines under it, and
//! blocks — headings, paragraphs, lists and titled tables of typed cells.
//! Renderers know this model only: never a file, the database or a rule.

use kinerja_core::Decimal;
use kinerja_core::notation::{format_number, format_persen};

/// A cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number with `dp` decimals.
    Number(Decimal, u32),
    /// A percentage (two decimals, `%`).
    Percent(Decimal),
    /// Rupiah without decimals in tables (`2.960.780.030`).
    Rupiah(Decimal),
    /// A value with its predikat: `BB (72,62)`.
    Labelled(String, Decimal),
    /// Nothing (`-`).
    Empty,
}

impl Cell {
    /// The cell as Indonesian text.
    pub fn text(&self) -> String {
        let r = match self {
            Cell::Text(s) => Ok(s.clone()),
            Cell::Number(d, dp) => format_number(*d, *dp),
            Cell::Percent(d) => format_persen(*d),
            Cell::Rupiah(d) => format_number(*d, 0),
            Cell::Labelled(l, d) => format_number(*d, 2).map(|n| format!("{l} ({n})")),
            Cell::Empty => Ok("-".into()),
        };
        r.unwrap_or_else(|e| format!("#{e}"))
    }
}

/// A titled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Title, e.g. `Tabel 3.2 Capaian Kinerja Tahun 2024`.
    pub title: String,
    /// A short unique name (`3.2 Capaian`), for a spreadsheet tab.
    pub short: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
    /// Notes below the table (source, synthetic marking, summary lines).
    pub notes: Vec<String>,
}

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading under the title.
    Heading(String),
    /// A paragraph.
    Paragraph(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table.
    Table(Section),
}

/// A whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title.
    pub title: String,
    /// Lines under the title.
    pub sub: Vec<String>,
    /// Its blocks in reading order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The document's tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Section> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(s) => Some(s),
            _ => None,
        })
    }
}

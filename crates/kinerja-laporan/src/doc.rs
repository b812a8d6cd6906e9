//! The document model every renderer reads: a title, lines under it, and
//! blocks — chapters and headings, paragraphs, lists, titled tables of
//! typed cells, charts (SVG), marked placeholders for text only people
//! can write, signature blocks and the lists of contents. Renderers know
//! this model only: never a file, the database or a rule. Numbers of
//! tables and charts are part of their titles, given by the builder, so
//! every format prints the same numbering.

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

/// A chart: its numbered title, the drawing and what it shows in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Title, e.g. `Grafik 3.1 Realisasi dan Target IKM 2022–2024`.
    pub title: String,
    /// The drawing, a standalone SVG document with a `viewBox`.
    pub svg: String,
    /// What the chart shows, for readers that cannot see it.
    pub alt: String,
}

/// Who signs, and where and when.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signature {
    /// `Sei Balai, 31 Januari 2025`, above the role.
    pub place_date: Option<String>,
    /// `CAMAT SEI BALAI`.
    pub role: String,
    /// The name, or a placeholder.
    pub name: String,
    /// `Pembina Tk. I (IV/b)`.
    pub pangkat: Option<String>,
    /// `NIP. 19700101 199003 1 001`.
    pub nip: Option<String>,
}

/// Which list of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// Chapters and headings (Daftar Isi).
    Chapters,
    /// Tables (Daftar Tabel).
    Tables,
    /// Charts (Daftar Grafik).
    Figures,
}

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A chapter: `BAB I PENDAHULUAN`; a new page in print.
    Chapter(String),
    /// A heading under the title or a chapter: `A. Latar Belakang`.
    Heading(String),
    /// A heading under a heading.
    Subheading(String),
    /// A paragraph.
    Paragraph(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table.
    Table(Section),
    /// A chart.
    Figure(Figure),
    /// Text only people can write, not written yet: shown marked
    /// (`[belum diisi: saran]`).
    Placeholder(String),
    /// Signature blocks, side by side.
    Signatures(Vec<Signature>),
    /// A list of contents with its title, page numbers where the format has
    /// pages.
    Contents(Contents, String),
    /// A new page in print.
    PageBreak,
}

/// A cover page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cover {
    /// Its lines, from the top, largest first.
    pub lines: Vec<String>,
    /// A logo (PNG), centred above the last lines.
    pub logo_png: Option<Vec<u8>>,
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Title.
    pub title: String,
    /// Lines under the title.
    pub sub: Vec<String>,
    /// Its blocks in reading order.
    pub blocks: Vec<Block>,
    /// A cover page, for documents that are printed.
    pub cover: Option<Cover>,
    /// A mark on every page (`DATA SINTETIS`), for documents whose figures
    /// are not all real.
    pub mark: Option<String>,
    /// The date the figures are from (year, month, day), for a format's
    /// metadata: the same figures give the same document.
    pub date: Option<(i32, u32, u32)>,
}

impl Document {
    /// The document's tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Section> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(s) => Some(s),
            _ => None,
        })
    }

    /// The document's charts, in order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
    }
}

//! # kinerja-cetak
//!
//! Kinerja's documents for print, from the document model of
//! `kinerja-laporan` ([`Document`]) and nothing else: no file, no database,
//! no rule.
//!
//! * [`pdf`]: typeset by typst (A4, the fonts embedded, page numbers,
//!   tables that break across pages with their header repeated, a PDF
//!   outline, the lists of contents with real page numbers), as PDF/A-2b
//!   for archiving. The document is handed to a fixed typst template as
//!   data (`sys.inputs`), so no text of a user is ever read as markup.
//! * [`docx`]: written by docx-rs, editable in Word and LibreOffice: Word's
//!   heading styles (its own table of contents works), real Word tables
//!   with their header row repeated, charts as images (rasterised by
//!   resvg: DOCX readers do not all show SVG).
//!
//! The fonts are Liberation Serif (SIL Open Font License 1.1, `fonts/`),
//! metric-compatible with the Times New Roman pemda documents use; they
//! are compiled in, so a document looks the same on every machine.
//!
//! A crate of its own because typst, docx-rs and resvg are large: only the
//! command links them, not the browser, the audit or the store.

mod docx;
mod gambar;
mod huruf;
mod pdf;

pub use docx::docx;
pub use pdf::pdf;

use kinerja_laporan::Document;

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The typesetter refused the document (a bug of the template or of
    /// the document model: every document is expected to typeset).
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// A chart could not be rasterised for DOCX.
    #[error("chart {title:?} could not be drawn: {why}")]
    Chart {
        /// The chart's title.
        title: String,
        /// Why.
        why: String,
    },
    /// The DOCX package could not be written.
    #[error("DOCX could not be written: {0}")]
    Docx(String),
}

impl kinerja_pesan::Message for Error {
    fn pesan(&self) -> kinerja_pesan::Pesan {
        use kinerja_pesan::msg;
        match self {
            Error::Typeset(why) => msg::cetak_typeset(why.as_str()),
            Error::Chart { title, why } => msg::cetak_chart(title.as_str(), why.as_str()),
            Error::Docx(why) => msg::cetak_docx(why.as_str()),
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The writers this crate has, for a caller that chooses by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PDF/A-2b.
    Pdf,
    /// Office Open XML.
    Docx,
}

/// The document in `format`.
///
/// # Errors
/// See [`Error`].
pub fn render(d: &Document, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Pdf => pdf(d),
        Format::Docx => docx(d),
    }
}

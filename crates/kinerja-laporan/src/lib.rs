//! Kinerja's documents: a document model ([`Document`]: a title and
//! blocks of chapters, headings, paragraphs, lists, titled tables of typed
//! cells, charts, placeholders and signatures) and its renderers —
//! Markdown, HTML and XLSX (real number cells; PDF and DOCX are in
//! `kinerja-cetak`) —, the tables of the LKjIP of a kecamatan-year
//! ([`document`], whose figures are also written as JSON), the whole LKjIP
//! and the Perjanjian Kinerja with generated narrative ([`naskah`]) and
//! their charts ([`grafik`]). Numbers are formatted by the core's
//! notation module (Indonesian: `2.960.780.030`, `88,65%`).
//!
//! Pure: the report's data model ([`model::Laporan`]) is filled by the
//! store, and the renderers read the document model only; nothing here
//! knows a file or the database, or computes a figure.
//!
//! A crate of its own, apart from the `kinerja` command, so that it can be
//! optimised in the dev profile that `scripts/run` and the tests build
//! without optimising the command and its integration tests with it: the
//! nation's 7,285 reports are rendered in one run of `kinerja report
//! --kabupaten semua`.

pub mod doc;
pub mod grafik;
pub mod html;
pub mod json;
mod lkjip;
pub mod md;
pub mod model;
pub mod naskah;
pub mod xlsx;

pub use doc::{Block, Cell, Contents, Cover, Document, Figure, Section, Signature};
pub use lkjip::{SINTETIS, document};

#[cfg(test)]
mod tests;

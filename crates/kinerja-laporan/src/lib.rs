//! Kinerja's documents: a document model ([`Document`]: a title and
//! blocks of headings, paragraphs, lists and titled tables of typed cells)
//! and its renderers — Markdown, HTML and XLSX (real number cells) — and
//! the LKjIP report of a kecamatan-year built on it ([`document`]), whose
//! figures are also written as JSON. Numbers are formatted by the core's
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

mod doc;
pub mod html;
pub mod json;
mod lkjip;
pub mod md;
pub mod model;
pub mod xlsx;

pub use doc::{Block, Cell, Document, Section};
pub use lkjip::{SINTETIS, document};

#[cfg(test)]
mod tests;

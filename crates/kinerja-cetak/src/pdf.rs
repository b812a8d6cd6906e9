//! PDF by typst: the document model becomes data for a fixed template
//! (`typst/dokumen.typ`), which typesets it; the result is exported as
//! PDF/A-2b with the fonts embedded.

use std::sync::OnceLock;

use kinerja_laporan::doc::{Contents, Figure, Signature};
use kinerja_laporan::{Block, Cell, Document, Section};
use serde_json::{Value, json};
use typst::foundations::Dict;
use typst_as_lib::TypstEngine;
use typst_as_lib::TypstTemplateMainFile;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::huruf::FACES;
use crate::{Error, Result};

static TEMPLATE: &str = include_str!("typst/dokumen.typ");

/// The engine, built once: fonts parsed, the template's source kept.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| TypstEngine::builder().main_file(TEMPLATE).fonts(FACES).build())
}

/// The document as a PDF/A-2b file: A4, Liberation Serif embedded, page
/// numbers, the PDF outline of chapters, headings, tables and charts.
///
/// # Errors
/// [`Error::Typeset`] when typst refuses the document or its export.
pub fn pdf(d: &Document) -> Result<Vec<u8>> {
    let inputs: Dict = serde_json::from_value(data(d)).map_err(|e| Error::Typeset(e.to_string()))?;
    let compiled = engine().compile_with_input::<_, PagedDocument>(inputs);
    let doc = compiled.output.map_err(|e| Error::Typeset(e.to_string()));
    let bytes = doc.and_then(|doc| {
        let standards = PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| Error::Typeset(e.message().to_string()))?;
        let options = PdfOptions { standards, ..PdfOptions::default() };
        typst_pdf::pdf(&doc, &options).map_err(|e| {
            let why: Vec<String> = e.iter().map(|d| d.message.to_string()).collect();
            Error::Typeset(why.join("; "))
        })
    });
    // typst memoises layout across compilations; a batch of thousands of
    // documents would keep every one's. Results unused for a few
    // compilations are dropped, as typst's own command line does.
    comemo::evict(EVICT_AFTER);
    bytes
}

/// Compilations after which an unused memoised result is dropped.
const EVICT_AFTER: usize = 4;

/// The document as the template's data.
fn data(d: &Document) -> Value {
    json!({
        "judul": d.title,
        "sub": d.sub,
        "tanda": d.mark,
        "sampul": d.cover.as_ref().map(|c| c.lines.clone()),
        "tanggal": tanggal(d),
        "blok": d.blocks.iter().map(blok).collect::<Vec<_>>(),
    })
}

/// The document's date (PDF/A needs one): the date its figures are from,
/// so the same figures give the same bytes.
fn tanggal(d: &Document) -> [i64; 3] {
    let (y, m, day) = d.date.unwrap_or((2000, 1, 1));
    [i64::from(y), i64::from(m), i64::from(day)]
}

fn blok(b: &Block) -> Value {
    match b {
        Block::Chapter(t) => json!({"j": "bab", "t": t}),
        Block::Heading(t) => json!({"j": "judul", "t": t}),
        Block::Subheading(t) => json!({"j": "subjudul", "t": t}),
        Block::Paragraph(t) => json!({"j": "paragraf", "t": t}),
        Block::List(items) => json!({"j": "daftar", "isi": items}),
        Block::Table(s) => tabel(s),
        Block::Figure(f) => grafik(f),
        Block::Placeholder(t) => json!({"j": "kosong", "t": t}),
        Block::Signatures(all) => json!({"j": "ttd", "isi": all.iter().map(ttd).collect::<Vec<_>>()}),
        Block::Contents(kind, t) => json!({"j": "isi", "jenis": jenis(*kind), "t": t}),
        Block::PageBreak => json!({"j": "halaman"}),
    }
}

fn jenis(kind: Contents) -> &'static str {
    match kind {
        Contents::Chapters => "bab",
        Contents::Tables => "tabel",
        Contents::Figures => "grafik",
    }
}

fn tabel(s: &Section) -> Value {
    let baris: Vec<Vec<Value>> = s
        .rows
        .iter()
        .map(|r| r.iter().map(|c| json!({"t": c.text(), "a": !matches!(c, Cell::Text(_) | Cell::Empty)})).collect())
        .collect();
    json!({"j": "tabel", "judul": s.title, "kolom": s.columns, "baris": baris, "catatan": s.notes})
}

fn grafik(f: &Figure) -> Value {
    json!({"j": "grafik", "judul": f.title, "svg": f.svg, "alt": f.alt})
}

fn ttd(s: &Signature) -> Value {
    json!({"tempat": s.place_date, "jabatan": s.role, "nama": s.name, "pangkat": s.pangkat, "nip": s.nip})
}

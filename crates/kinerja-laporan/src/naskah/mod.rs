//! The whole LKjIP of a kecamatan-year and its Perjanjian Kinerja as
//! [`Document`]s, in the order of the seed and of PermenPANRB 53/2014's
//! outline: cover, Kata Pengantar, Ikhtisar Eksekutif, the lists of
//! contents, Bab I–IV and the PK as Lampiran.
//!
//! Every figure comes from the report's model ([`Laporan`], [`Bahan`]),
//! which the store fills from the core's rules; every sentence about a
//! figure is generated from the same values (`kalimat`), its words from
//! the core's rules (`kinerja_core::kata`); the charts are drawn from them
//! (`grafik`). So table, sentence and chart cannot disagree. Text only
//! people can write comes from `narasi`; a missing section is a marked
//! placeholder and is listed in [`Naskah::kosong`].

mod bab1;
mod bab2;
mod bab3;
mod bab4;
mod kalimat;
mod pk;
mod transkripsi;

use std::collections::BTreeMap;

use crate::doc::{Block, Cover, Figure, Section, Signature};
use crate::model::{Bahan, Laporan};
use crate::{Document, SINTETIS};
use transkripsi::{Catatan, id_tabel};

pub use pk::perjanjian_kinerja;

/// A document, the `narasi` sections it is missing, and its audit
/// transcription.
#[derive(Debug, Clone, PartialEq)]
pub struct Naskah {
    /// The document.
    pub document: Document,
    /// Sections printed as placeholders, by key and description
    /// (`saran`, `saran dan langkah ke depan`).
    pub kosong: Vec<(String, String)>,
    /// The document as an audit transcription (`docs/audit-format.md`):
    /// its tables and generated sentences as printed, and the relations
    /// between them; `kinerja audit` proves it consistent.
    pub transkripsi: serde_json::Value,
}

/// Builds a document block by block, numbering tables and charts per
/// chapter (`Tabel 3.2`, `Grafik 3.1`) and taking text from `narasi`.
pub(crate) struct Penulis<'a> {
    blocks: Vec<Block>,
    bab: String,
    tabel: u32,
    grafik: u32,
    narasi: &'a BTreeMap<String, String>,
    kosong: Vec<(String, String)>,
    /// The transcription, written as the document is.
    pub(crate) catat: Catatan,
    kalimat: u32,
}

impl<'a> Penulis<'a> {
    pub(crate) fn new(narasi: &'a BTreeMap<String, String>) -> Penulis<'a> {
        Penulis {
            blocks: Vec::new(),
            bab: String::new(),
            tabel: 0,
            grafik: 0,
            narasi,
            kosong: Vec::new(),
            catat: Catatan::default(),
            kalimat: 0,
        }
    }

    /// A chapter; its tables and charts are numbered from 1 after its
    /// number (`3` → `Tabel 3.1`; `L` for a Lampiran → `Tabel L.1`).
    pub(crate) fn bab(&mut self, nomor: &str, title: &str) {
        (self.bab, self.tabel, self.grafik) = (nomor.to_string(), 0, 0);
        self.blocks.push(Block::Chapter(title.to_string()));
    }

    pub(crate) fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    pub(crate) fn heading(&mut self, t: impl Into<String>) {
        self.blocks.push(Block::Heading(t.into()));
    }

    pub(crate) fn sub(&mut self, t: impl Into<String>) {
        self.blocks.push(Block::Subheading(t.into()));
    }

    pub(crate) fn para(&mut self, t: impl Into<String>) {
        self.blocks.push(Block::Paragraph(t.into()));
    }

    /// The next table number of the chapter, `Tabel 3.2`.
    pub(crate) fn nomor_tabel(&mut self) -> String {
        self.tabel += 1;
        format!("Tabel {}.{}", self.bab, self.tabel)
    }

    /// A table under its number and caption, in the document and the
    /// transcription; gives the table's id there (`t3_2`).
    pub(crate) fn table(&mut self, mut s: Section, caption: &str) -> String {
        let nomor = self.nomor_tabel();
        s.title = format!("{nomor} {caption}");
        let id = id_tabel(&nomor);
        self.catat.tabel(&id, &s);
        self.blocks.push(Block::Table(s));
        id
    }

    /// A generated sentence with its figures: printed as a paragraph and
    /// recorded in the transcription, where it is `id`.
    pub(crate) fn kalimat(&mut self, teks: String, nilai: &[(&str, String)]) -> String {
        self.kalimat += 1;
        let id = format!("k{}_{}", self.bab, self.kalimat);
        let letak = format!("Bab {}, kalimat {}", self.bab, self.kalimat);
        self.catat.kalimat(&id, &letak, &teks, nilai);
        self.blocks.push(Block::Paragraph(teks));
        id
    }

    /// A chart under its number and caption.
    pub(crate) fn figure(&mut self, caption: &str, svg: String, alt: String) -> String {
        self.grafik += 1;
        let nomor = format!("Grafik {}.{}", self.bab, self.grafik);
        self.blocks.push(Block::Figure(Figure { title: format!("{nomor} {caption}"), svg, alt }));
        nomor
    }

    /// The `narasi` text of a section, or a marked placeholder.
    pub(crate) fn narasi(&mut self, key: &str, what: &str) {
        match self.narasi.get(key).filter(|t| !t.trim().is_empty()) {
            Some(text) => self.blocks.extend(blocks_of(text)),
            None => self.kosong_(key, what),
        }
    }

    /// The `narasi` text of a section when there is one.
    pub(crate) fn teks(&self, key: &str) -> Option<&'a str> {
        self.narasi.get(key).map(|t| t.trim()).filter(|t| !t.is_empty())
    }

    /// A placeholder for data not loaded (`table` names the table), listed
    /// with the missing sections.
    pub(crate) fn data_kosong(&mut self, table: &str, what: &str) {
        self.kosong_(table, what);
    }

    fn kosong_(&mut self, key: &str, what: &str) {
        self.blocks.push(Block::Placeholder(what.to_string()));
        if !self.kosong.iter().any(|(k, _)| k == key) {
            self.kosong.push((key.to_string(), what.to_string()));
        }
    }

    /// A field of a signature block, or a placeholder text noted missing.
    pub(crate) fn isian(&mut self, key: &str, what: &str) -> String {
        match self.teks(key) {
            Some(t) => t.to_string(),
            None => {
                if !self.kosong.iter().any(|(k, _)| k == key) {
                    self.kosong.push((key.to_string(), what.to_string()));
                }
                format!("[belum diisi: {what}]")
            }
        }
    }

    /// The camat's signature block.
    pub(crate) fn ttd_camat(&mut self, nama_unit: &str, tanggal_key: &str) -> Signature {
        let tempat = self.isian("tempat", "tempat penandatanganan");
        let tanggal = self.isian(tanggal_key, "tanggal penandatanganan");
        Signature {
            place_date: Some(format!("{tempat}, {tanggal}")),
            role: format!("CAMAT {}", nama_unit.to_uppercase()),
            name: self.isian("camat_nama", "nama camat"),
            pangkat: self.teks("camat_pangkat").map(String::from),
            nip: self.teks("camat_nip").map(|n| format!("NIP. {n}")),
        }
    }

    pub(crate) fn finish(self, d: Document, kode_unit: &str, tahun: i32) -> Naskah {
        let transkripsi = self.catat.json(&d.title, kode_unit, tahun);
        Naskah { document: Document { blocks: self.blocks, ..d }, kosong: self.kosong, transkripsi }
    }
}

/// Paragraphs separated by blank lines; a paragraph whose lines all start
/// with `- ` is a list.
pub(crate) fn blocks_of(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let normalised = text.replace("\r\n", "\n");
    for para in normalised.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<&str> = para.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.iter().all(|l| l.starts_with("- ")) {
            out.push(Block::List(lines.iter().map(|l| l[2..].trim().to_string()).collect()));
        } else {
            out.push(Block::Paragraph(lines.join(" ")));
        }
    }
    out
}

/// The whole LKjIP of the kecamatan-year: cover, front matter, Bab I–IV,
/// the PK as Lampiran.
pub fn lkjip(l: &Laporan, b: &Bahan) -> Naskah {
    let mut w = Penulis::new(&b.narasi);
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    depan(&mut w, l, b);
    bab1::tulis(&mut w, l, b);
    bab2::tulis(&mut w, l, b);
    bab3::tulis(&mut w, l);
    bab4::tulis(&mut w, l);
    w.bab("L", "LAMPIRAN");
    pk::lampiran(&mut w, l);
    let cover = Cover {
        lines: vec![
            "LAPORAN KINERJA INSTANSI PEMERINTAH".into(),
            "(LKjIP)".into(),
            format!("TAHUN {}", l.tahun),
            format!("KANTOR CAMAT {}", l.unit.nama.to_uppercase()),
            format!("KABUPATEN {}", kab.to_uppercase()),
        ],
        logo_png: None,
    };
    let title = format!("Laporan Kinerja Kecamatan {} Tahun {}", l.unit.nama, l.tahun);
    let doc = Document {
        title,
        sub: vec![format!("Kabupaten {kab} · kode {}", l.unit.kode)],
        cover: Some(cover),
        mark: l.sintetis.then(|| SINTETIS.to_string()),
        date: Some(tanggal(l)),
        ..Document::default()
    };
    w.finish(doc, &l.unit.kode, l.tahun)
}

/// The date the figures are from: the last recorded write of the data, or
/// the report year's last day for a file without history.
pub(crate) fn tanggal(l: &Laporan) -> (i32, u32, u32) {
    let parsed = l.riwayat.as_ref().and_then(|a| {
        let mut it = a.waktu.get(..10)?.split('-').map(|p| p.parse::<u32>().ok());
        let (y, m, d) = (it.next()??, it.next()??, it.next()??);
        Some((i32::try_from(y).ok()?, m, d))
    });
    parsed.unwrap_or((l.tahun, 12, 31))
}

/// Kata Pengantar, Ikhtisar Eksekutif and the lists of contents.
fn depan(w: &mut Penulis<'_>, l: &Laporan, b: &Bahan) {
    use crate::doc::Contents;
    w.push(Block::Chapter("KATA PENGANTAR".into()));
    match w.teks("kata_pengantar") {
        Some(t) => blocks_of(t).into_iter().for_each(|x| w.push(x)),
        None => w.para(kalimat::kata_pengantar(l)),
    }
    let ttd = w.ttd_camat(&l.unit.nama, "tanggal_lkjip");
    w.push(Block::Signatures(vec![ttd]));
    w.push(Block::Chapter("IKHTISAR EKSEKUTIF".into()));
    for p in kalimat::ikhtisar(l, b) {
        w.para(p);
    }
    w.push(Block::Contents(Contents::Chapters, "DAFTAR ISI".into()));
    w.push(Block::Contents(Contents::Tables, "DAFTAR TABEL".into()));
    w.push(Block::Contents(Contents::Figures, "DAFTAR GRAFIK".into()));
}

#[cfg(test)]
mod tests;

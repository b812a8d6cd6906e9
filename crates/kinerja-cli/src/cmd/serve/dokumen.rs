//! The documents a kecamatan signs, offered by the server as downloads:
//! `GET /dokumen/{lkjip|pk}/{kode}/{tahun}.{pdf|docx}`, rendered from the
//! database the server reads, for a kecamatan of the region it serves.
//!
//! Nothing of the URL reaches the file system: it is parsed into a
//! [`Permintaan`] (a kind, a kecamatan code of digits and dots, a year, a
//! format) or refused; the kecamatan must lie in the served region.

use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use kinerja_pesan::msg;
use kinerja_store::Store;

use super::answer::{Reply, reply};
use crate::args::ReportFormat;
use crate::cmd::report::render_whole;
use crate::pesan::{galat, t};

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jenis {
    /// The Laporan Kinerja of the year.
    Lkjip,
    /// The Perjanjian Kinerja of the year, under the targets in force.
    Pk,
}

/// A document asked for by URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permintaan {
    /// Which document.
    pub jenis: Jenis,
    /// The kecamatan's code (`12.19.07`).
    pub kode: String,
    /// The year.
    pub tahun: i32,
    /// PDF or DOCX.
    pub format: ReportFormat,
}

/// The URL prefix of the documents.
pub const PREFIX: &str = "/dokumen/";

/// The document a URL path names, or `None` when it names none.
pub fn parse(url: &str) -> Option<Permintaan> {
    let path = url.split(['?', '#']).next()?.strip_prefix(PREFIX)?;
    let mut parts = path.split('/');
    let (jenis, kode, file) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let jenis = match jenis {
        "lkjip" => Jenis::Lkjip,
        "pk" => Jenis::Pk,
        _ => return None,
    };
    let kode_ok = (1..=24).contains(&kode.len())
        && kode.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let (tahun, ext) = file.split_once('.')?;
    let format = match ext {
        "pdf" => ReportFormat::Pdf,
        "docx" => ReportFormat::Docx,
        _ => return None,
    };
    let tahun_ok = tahun.len() == 4 && tahun.bytes().all(|b| b.is_ascii_digit());
    if !(kode_ok && tahun_ok) {
        return None;
    }
    Some(Permintaan { jenis, kode: kode.to_string(), tahun: tahun.parse().ok()?, format })
}

/// Whether kecamatan `kode` lies in region `wilayah` (empty: the nation).
fn in_region(kode: &str, wilayah: &str) -> bool {
    wilayah.is_empty() || kode.strip_prefix(wilayah).is_some_and(|rest| rest.starts_with('.'))
}

/// The answer to a document's URL: the file, 404 with the reason when the
/// database has no such kecamatan or year in the region, 503 when the
/// database cannot be read now.
pub fn answer(p: &Permintaan, db: &Path, wilayah: &str) -> Reply {
    if !in_region(&p.kode, wilayah) {
        return reply(404, &t(&msg::cli_serve_dokumen_luar_wilayah(&p.kode, wilayah)));
    }
    let Ok(store) = Store::open_read_only(db) else {
        return reply(503, &t(&msg::cli_serve_dokumen_sibuk()));
    };
    match render(&store, p) {
        Ok((nama, bytes)) => {
            let (mime, ext) = match p.format {
                ReportFormat::Docx => {
                    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
                }
                _ => ("application/pdf", "pdf"),
            };
            let what = if p.jenis == Jenis::Lkjip { "LKjIP" } else { "PK" };
            let file = format!("{what}-{}-{}-{}.{ext}", p.tahun, p.kode, ascii_name(&nama));
            let headers = vec![
                ("Content-Type".to_string(), mime.to_string()),
                ("Content-Disposition".to_string(), format!("attachment; filename=\"{file}\"")),
                ("Cache-Control".to_string(), "no-store".to_string()),
            ];
            Reply { status: 200, headers, body: Arc::new(bytes) }
        }
        Err(e) => {
            let missing = matches!(e.downcast_ref::<kinerja_store::Error>(), Some(kinerja_store::Error::NotFound(_)));
            reply(if missing { 404 } else { 500 }, &galat(&e))
        }
    }
}

/// The kecamatan's name and the document's bytes.
fn render(store: &Store, p: &Permintaan) -> Result<(String, Vec<u8>)> {
    let (nama, n) = match p.jenis {
        Jenis::Lkjip => {
            let l = store.laporan(&p.kode, p.tahun)?;
            let b = store.bahan(&l.unit.kode, p.tahun)?;
            (l.unit.nama.clone(), kinerja_laporan::naskah::lkjip(&l, &b))
        }
        Jenis::Pk => {
            let unit = store.unit(&p.kode)?;
            (unit.nama, crate::cmd::pk::naskah(store, &p.kode, p.tahun, None)?)
        }
    };
    Ok((nama, render_whole(&n.document, p.format)?))
}

/// A name as letters, digits and `-` only (`Sei-Balai`), for a file name
/// every browser and file system keeps.
fn ascii_name(nama: &str) -> String {
    let words: Vec<String> =
        nama.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_document_urls_are_read() {
        let p = parse("/dokumen/lkjip/12.19.07/2024.pdf").unwrap();
        assert_eq!((p.jenis, p.kode.as_str(), p.tahun, p.format), (Jenis::Lkjip, "12.19.07", 2024, ReportFormat::Pdf));
        let p = parse("/dokumen/pk/12.19.07/2025.docx?x=1").unwrap();
        assert_eq!((p.jenis, p.tahun, p.format), (Jenis::Pk, 2025, ReportFormat::Docx));
        for bad in [
            "/dokumen/lkjip/12.19.07/2024.html",
            "/dokumen/lkjip/12.19.07/24.pdf",
            "/dokumen/lkjip/../2024.pdf",
            "/dokumen/lkjip/12..07/2024.pdf",
            "/dokumen/lkjip/12.19.07/2024.pdf/x",
            "/dokumen/laporan/12.19.07/2024.pdf",
            "/dokumen/lkjip/%31%32/2024.pdf",
            "/dokumen/lkjip/12.19.07",
            "/other/lkjip/12.19.07/2024.pdf",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_kecamatan_is_in_its_region_only() {
        assert!(in_region("12.19.07", "12.19") && in_region("12.19.07", "12") && in_region("12.19.07", ""));
        assert!(!in_region("12.190.07", "12.19") && !in_region("12.20.01", "12.19"));
    }

    #[test]
    fn file_names_keep_letters_and_digits() {
        assert_eq!(ascii_name("Sei Balai"), "Sei-Balai");
        assert_eq!(ascii_name("Lima Puluh (Pesisir)"), "Lima-Puluh-Pesisir");
    }
}

//! `kinerja pk`: the Perjanjian Kinerja of a kecamatan-year, under the
//! targets in force or under a named revision — a planner scenario
//! imported with `kinerja plan import` prints as the PK it would become.

use std::path::{Path, PathBuf};

use anyhow::Result;
use kinerja_core::model::JenisTarget;
use kinerja_laporan::naskah::Naskah;
use kinerja_pesan::msg;
use kinerja_store::Store;

use crate::args::{PkFormat, ReportFormat};
use crate::cmd::report::render_whole;
use crate::db;
use crate::output::write_out;
use crate::pesan::{gagal, tell};

/// Writes the PK of `kecamatan` in `tahun` to `out`.
pub fn run(
    kecamatan: &str,
    tahun: i32,
    revisi: Option<&str>,
    format: PkFormat,
    out: Option<PathBuf>,
    path: &Path,
) -> Result<()> {
    if matches!(format, PkFormat::Pdf | PkFormat::Docx) && out.is_none() {
        return Err(gagal(msg::cli_binary_needs_out(if format == PkFormat::Pdf { "pdf" } else { "docx" })));
    }
    let store = db::open_ro(path)?;
    let n = naskah(&store, kecamatan, tahun, revisi)?;
    let bytes = match format {
        PkFormat::Md => kinerja_laporan::md::render(&n.document).into_bytes(),
        PkFormat::Html => render_whole(&n.document, ReportFormat::Html)?,
        PkFormat::Pdf => render_whole(&n.document, ReportFormat::Pdf)?,
        PkFormat::Docx => render_whole(&n.document, ReportFormat::Docx)?,
    };
    write_out(out.as_deref(), &bytes)?;
    if !n.kosong.is_empty() {
        let list: Vec<String> = n.kosong.iter().map(|(k, what)| format!("{k} ({what})")).collect();
        tell!(msg::cli_naskah_kosong(n.kosong.len(), list.join(", ")));
    }
    Ok(())
}

/// The PK of `kecamatan` (name or code) in `tahun`, under `revisi` or the
/// targets in force; shared by `kinerja pk` and the server's download.
pub(crate) fn naskah(store: &Store, kecamatan: &str, tahun: i32, revisi: Option<&str>) -> Result<Naskah> {
    let mut l = store.laporan(kecamatan, tahun)?;
    let nama_revisi = match revisi {
        Some(r) => {
            let jenis = JenisTarget::parse(r)?;
            let pk = store.pk_revisi(&l.unit.kode, tahun, &jenis)?;
            if !pk.iter().any(|p| p.jenis_target.as_ref() == Some(&jenis)) {
                return Err(gagal(msg::cli_pk_revisi_kosong(r, &l.unit.nama, tahun)));
            }
            l.pk = pk;
            r.to_string()
        }
        None => "target yang berlaku".to_string(),
    };
    let b = store.bahan(&l.unit.kode, tahun)?;
    Ok(kinerja_laporan::naskah::perjanjian_kinerja(&l, &b, &nama_revisi))
}

//! `kinerja report`: the LKjIP of a kecamatan-year — its tables (Markdown,
//! XLSX, JSON) or the whole document (HTML, PDF, DOCX) —, or those of every
//! kecamatan of a kabupaten (or the database) into a directory.

use std::path::{Path, PathBuf};

use anyhow::Result;
use kinerja_laporan::model::{Bahan, Laporan};
use kinerja_pesan::msg;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::args::ReportFormat;
use crate::db;
use crate::output::write_out;
use crate::pesan::{KonteksExt, gagal, say, tell};

/// Which reports: one kecamatan's, or every kecamatan of a kabupaten
/// (`semua`: of the database), for a year.
pub struct Target<'a> {
    pub kecamatan: Option<&'a str>,
    pub kabupaten: Option<&'a str>,
    pub tahun: i32,
}

/// Where transcriptions go: none, a file (one report), or beside each
/// document (a batch).
#[derive(Clone, Copy)]
enum Transkripsi<'a> {
    Tidak,
    Berkas(&'a Path),
    Samping,
}

/// One report or a batch; `transkripsi` also writes each document's audit
/// transcription (`--transkripsi [FILE]`).
pub fn run(
    target: Target<'_>,
    format: ReportFormat,
    out: Option<PathBuf>,
    transkripsi: Option<Option<PathBuf>>,
    path: &Path,
) -> Result<()> {
    let tr = match (&transkripsi, target.kabupaten) {
        (None, _) => Transkripsi::Tidak,
        (Some(_), _) if !whole(format) => return Err(gagal(msg::cli_transkripsi_needs())),
        (Some(Some(file)), None) => Transkripsi::Berkas(file),
        (Some(None), Some(_)) => Transkripsi::Samping,
        _ => return Err(gagal(msg::cli_transkripsi_needs())),
    };
    if let Some(kab) = target.kabupaten {
        return batch(kab, target.tahun, format, out, tr, path);
    }
    let store = db::open_ro(path)?;
    let l = store.laporan(target.kecamatan.unwrap_or_default(), target.tahun)?;
    let bahan = if whole(format) { store.bahan(&l.unit.kode, target.tahun)? } else { Bahan::default() };
    let kosong = write(&l, &bahan, format, out.as_deref(), tr)?;
    if !kosong.is_empty() {
        let list: Vec<String> = kosong.iter().map(|(k, what)| format!("{k} ({what})")).collect();
        tell!(msg::cli_naskah_kosong(kosong.len(), list.join(", ")));
    }
    Ok(())
}

/// Whether the format holds the whole document (not only the tables).
fn whole(format: ReportFormat) -> bool {
    matches!(format, ReportFormat::Html | ReportFormat::Pdf | ReportFormat::Docx)
}

fn extension(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
        ReportFormat::Xlsx => "xlsx",
        ReportFormat::Json => "json",
        ReportFormat::Pdf => "pdf",
        ReportFormat::Docx => "docx",
    }
}

/// One report file per kecamatan with figures: `<kode>.<ext>`.
fn batch(
    kabupaten: &str,
    tahun: i32,
    format: ReportFormat,
    out: Option<PathBuf>,
    tr: Transkripsi<'_>,
    path: &Path,
) -> Result<()> {
    let Some(dir) = out else { return Err(gagal(msg::cli_batch_needs_out())) };
    let store = db::open_ro(path)?;
    let kab = (!matches!(kabupaten, "semua" | "all")).then_some(kabupaten);
    let units = store.kecamatan_berdata(kab, tahun)?;
    if units.is_empty() {
        return Err(gagal(match kab {
            Some(k) => msg::cli_no_figures_kabupaten(k, tahun),
            None => msg::cli_no_figures(tahun),
        }));
    }
    std::fs::create_dir_all(&dir).konteks(|| msg::cli_creating(dir.display()))?;
    let started = std::time::Instant::now();
    let mut incomplete = 0;
    // A thousand reports at a time: one query per section for each chunk.
    for chunk in units.chunks(1000) {
        let mut bahan = if whole(format) { store.bahan_banyak(chunk, tahun)? } else { Default::default() };
        let laporan: Vec<(Laporan, Bahan)> = store
            .laporan_banyak(chunk, tahun)?
            .into_iter()
            .map(|l| {
                let b = bahan.remove(&l.unit.kode).unwrap_or_default();
                (l, b)
            })
            .collect();
        incomplete += write_all(&laporan, format, &dir, tr)?;
    }
    let elapsed = format!("{:.1?}", started.elapsed());
    say!(msg::cli_wrote_reports(units.len(), tahun, dir.display(), elapsed));
    if incomplete > 0 {
        tell!(msg::cli_naskah_kosong_banyak(incomplete));
    }
    Ok(())
}

/// Renders and writes reports as `<dir>/<kode>.<ext>` on every core: in a
/// batch, rendering and writing take longer than the queries. A failure
/// stops the batch and names its kecamatan. Gives how many documents have
/// sections not written yet.
///
/// Plain scoped threads, one per core, each taking the next report, rather
/// than a rayon `par_iter`: typst lays out in parallel on rayon's pool, and
/// a pool thread waiting for that work would start further reports of the
/// batch meanwhile, holding dozens of half-typeset documents in memory.
fn write_all(laporan: &[(Laporan, Bahan)], format: ReportFormat, dir: &Path, tr: Transkripsi<'_>) -> Result<usize> {
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(laporan.len().max(1));
    let work = || -> Result<usize> {
        let mut kosong = 0;
        while !failed.load(Ordering::Relaxed) {
            let Some((l, b)) = laporan.get(next.fetch_add(1, Ordering::Relaxed)) else { break };
            let path = dir.join(format!("{}.{}", l.unit.kode, extension(format)));
            match write(l, b, format, Some(&path), tr).konteks(|| msg::cli_report_of(&l.unit.kode)) {
                Ok(k) => kosong += usize::from(!k.is_empty()),
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(kosong)
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers).map(|_| s.spawn(work)).collect();
        let results: Vec<Result<usize>> =
            handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect();
        results.into_iter().sum()
    })
}

/// Writes one report to `out` (standard output when none; XLSX, PDF and
/// DOCX need a file). Gives the `narasi` sections its document lacks.
fn write(
    l: &Laporan,
    b: &Bahan,
    format: ReportFormat,
    out: Option<&Path>,
    tr: Transkripsi<'_>,
) -> Result<Vec<(String, String)>> {
    let binary = matches!(format, ReportFormat::Xlsx | ReportFormat::Pdf | ReportFormat::Docx);
    if binary && out.is_none() {
        return Err(gagal(msg::cli_binary_needs_out(extension(format))));
    }
    let (bytes, kosong) = if whole(format) {
        let n = kinerja_laporan::naskah::lkjip(l, b);
        let file = match (tr, out) {
            (Transkripsi::Berkas(f), _) => Some(f.to_path_buf()),
            (Transkripsi::Samping, Some(doc)) => Some(doc.with_extension("transkripsi.json")),
            _ => None,
        };
        if let Some(f) = file {
            let json = serde_json::to_string_pretty(&n.transkripsi)?;
            write_out(Some(&f), format!("{json}\n").as_bytes())?;
        }
        (render_whole(&n.document, format)?, n.kosong)
    } else {
        let doc = kinerja_laporan::document(l);
        let bytes = match format {
            ReportFormat::Json => kinerja_laporan::json::render(l)?.into_bytes(),
            ReportFormat::Xlsx => kinerja_laporan::xlsx::render(&doc)?,
            _ => kinerja_laporan::md::render(&doc).into_bytes(),
        };
        (bytes, Vec::new())
    };
    write_out(out, &bytes)?;
    Ok(kosong)
}

/// A whole document as HTML, PDF or DOCX.
pub(crate) fn render_whole(d: &kinerja_laporan::Document, format: ReportFormat) -> Result<Vec<u8>> {
    Ok(match format {
        ReportFormat::Pdf => kinerja_cetak::pdf(d)?,
        ReportFormat::Docx => kinerja_cetak::docx(d)?,
        _ => kinerja_laporan::html::render(d).into_bytes(),
    })
}

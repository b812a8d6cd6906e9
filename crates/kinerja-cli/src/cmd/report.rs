//! `kinerja report`: the LKjIP tables of a kecamatan-year, or of every
//! kecamatan of a kabupaten (or the database) into a directory.

use std::path::{Path, PathBuf};

use anyhow::Result;
use kinerja_laporan::model::Laporan;
use kinerja_pesan::msg;
use rayon::prelude::*;

use crate::args::ReportFormat;
use crate::db;
use crate::output::write_out;
use crate::pesan::{KonteksExt, gagal, say};

/// One report (`kecamatan`) or a batch (`kabupaten`, `semua` for all).
pub fn run(
    kecamatan: Option<&str>,
    kabupaten: Option<&str>,
    tahun: i32,
    format: ReportFormat,
    out: Option<PathBuf>,
    path: &Path,
) -> Result<()> {
    match kabupaten {
        Some(kab) => batch(kab, tahun, format, out, path),
        None => write(&db::open_ro(path)?.laporan(kecamatan.unwrap_or_default(), tahun)?, format, out.as_deref()),
    }
}

fn extension(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
        ReportFormat::Xlsx => "xlsx",
        ReportFormat::Json => "json",
    }
}

/// One report file per kecamatan with figures: `<kode>.<md|html|xlsx|json>`.
fn batch(kabupaten: &str, tahun: i32, format: ReportFormat, out: Option<PathBuf>, path: &Path) -> Result<()> {
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
    // A thousand reports at a time: one query per section for each chunk.
    for chunk in units.chunks(1000) {
        write_all(&store.laporan_banyak(chunk, tahun)?, format, &dir)?;
    }
    let elapsed = format!("{:.1?}", started.elapsed());
    say!(msg::cli_wrote_reports(units.len(), tahun, dir.display(), elapsed));
    Ok(())
}

/// Renders and writes reports as `<dir>/<kode>.<ext>` on every core
/// (rayon): in a batch, rendering and writing take longer than the
/// queries. A failure stops the batch and names its kecamatan.
fn write_all(laporan: &[Laporan], format: ReportFormat, dir: &Path) -> Result<()> {
    laporan.par_iter().try_for_each(|l| {
        let path = dir.join(format!("{}.{}", l.unit.kode, extension(format)));
        write(l, format, Some(&path)).konteks(|| msg::cli_report_of(&l.unit.kode))
    })
}

/// Writes one report to `out` (standard output when none; XLSX needs a file).
fn write(l: &Laporan, format: ReportFormat, out: Option<&Path>) -> Result<()> {
    let doc = kinerja_laporan::document(l);
    let bytes = match format {
        ReportFormat::Md => kinerja_laporan::md::render(&doc).into_bytes(),
        ReportFormat::Html => kinerja_laporan::html::render(&doc).into_bytes(),
        ReportFormat::Json => kinerja_laporan::json::render(l)?.into_bytes(),
        ReportFormat::Xlsx if out.is_none() => return Err(gagal(msg::cli_xlsx_needs_out())),
        ReportFormat::Xlsx => kinerja_laporan::xlsx::render(&doc)?,
    };
    write_out(out, &bytes)
}

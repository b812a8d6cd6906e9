//! `kinerja demo synth`: labelled synthetic data, for one kabupaten or for
//! all of Indonesia.

use std::path::Path;

use anyhow::Result;
use kinerja_core::Decimal;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_pesan::msg;

use crate::args::{FileFormat, Scale};
use crate::db;
use crate::pesan::{gagal, say};

/// Fills the kecamatan without real data (`scale` kabupaten), or makes the
/// nation's data, optionally written as load files too.
#[allow(clippy::too_many_arguments)] // the command's options, each used once
pub fn run(
    seed: u64,
    scale: Scale,
    kabupaten: &str,
    tahun: &str,
    fraction: &str,
    out: Option<&Path>,
    format: FileFormat,
    path: &Path,
) -> Result<()> {
    match scale {
        Scale::Kabupaten => synth(seed, kabupaten, path),
        Scale::National => national(seed, tahun, fraction, out.map(|o| (o, format == FileFormat::Parquet)), path),
    }
}

fn synth(seed: u64, kabupaten: &str, path: &Path) -> Result<()> {
    let s = db::open_rw(path)?.synth(kabupaten, seed)?;
    say!(msg::cli_synth_summary(seed, s.filled.len(), s.rows));
    for u in &s.filled {
        say!(msg::cli_synth_filled(u));
    }
    for u in &s.skipped {
        say!(msg::cli_synth_kept(u));
    }
    Ok(())
}

/// `--tahun 2021-2025` and `--fraction 0.01` as the store takes them.
fn parameters(tahun: &str, fraction: &str) -> Result<(i32, i32, u32)> {
    let years =
        tahun.split_once('-').and_then(|(a, b)| Some((a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?)));
    let Some((awal, akhir)) = years else { return Err(gagal(msg::cli_bad_period(tahun))) };
    let f = parse_number(fraction, Notasi::Otomatis).ok().filter(|f| *f >= Decimal::ZERO && *f <= Decimal::ONE);
    let Some(f) = f else { return Err(gagal(msg::cli_bad_fraction(fraction))) };
    let ppm = u32::try_from((f * Decimal::from(1_000_000)).round().mantissa())
        .map_err(|_| gagal(msg::cli_bad_fraction(fraction)))?;
    Ok((awal, akhir, ppm))
}

fn national(seed: u64, tahun: &str, fraction: &str, out: Option<(&Path, bool)>, path: &Path) -> Result<()> {
    let (tahun_awal, tahun_akhir, fraksi_ppm) = parameters(tahun, fraction)?;
    let store = db::open_rw(path)?;
    let started = std::time::Instant::now();
    let s = store.synth_national(kinerja_store::synth::National { seed, fraksi_ppm, tahun_awal, tahun_akhir })?;
    let elapsed = format!("{:.1?}", started.elapsed());
    say!(msg::cli_synth_national(seed, s.diisi, s.kecamatan, tahun_awal, tahun_akhir, s.jawaban, elapsed));
    if let Some((dir, parquet)) = out {
        let files = store.export_load_files(dir, parquet)?;
        say!(msg::cli_wrote_load_files(files.len(), dir.display(), files.join(", ")));
    }
    Ok(())
}

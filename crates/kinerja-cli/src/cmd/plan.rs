//! `kinerja plan import`: a planner's scenario as a named target revision.

use std::path::Path;

use anyhow::Result;
use kinerja_core::model::{JenisTarget, Target};
use kinerja_pesan::msg;
use kinerja_skenario::{Jenis, Skenario, from_csv, from_json};
use kinerja_store::Store;

use crate::db;
use crate::output::now_iso;
use crate::pesan::{KonteksExt, gagal, say};

/// Imports the scenario `nama` of `file` into the database at `path`.
pub fn run(file: &Path, nama: &str, path: &Path) -> Result<()> {
    let (n, skipped) = import(&db::open_rw(path)?, file, nama, &now_iso())?;
    say!(msg::cli_plan_stored(n, nama));
    if skipped > 0 {
        say!(msg::cli_plan_skipped(skipped));
    }
    Ok(())
}

/// Reads the scenario `nama` from a JSON file (or a CSV of values) and
/// stores its targets; hypothetical realisasi, NRR, AKIP komponen and
/// anggaran are plans, not facts, and are not stored. Returns `(targets
/// stored, hypothetical values left out)`.
fn import(store: &Store, file: &Path, nama: &str, dibuat: &str) -> Result<(usize, usize)> {
    let text = std::fs::read_to_string(file).konteks(|| msg::cli_reading(file.display()))?;
    let sk: Skenario = if file.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
        from_csv(&text, nama).konteks(|| msg::cli_file(file.display()))?
    } else {
        let b = from_json(&text).konteks(|| msg::cli_file(file.display()))?;
        let names: Vec<String> = b.skenario.iter().map(|s| s.nama.clone()).collect();
        b.skenario
            .into_iter()
            .find(|s| s.nama == nama)
            .ok_or_else(|| gagal(msg::cli_plan_no_scenario(file.display(), nama, names.join(", "))))?
    };
    let sumber = format!(
        "skenario {nama} ({})",
        file.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned())
    );
    let targets: Vec<Target> = sk
        .nilai
        .iter()
        .filter(|n| n.jenis == Jenis::Target)
        .map(|n| Target {
            kode_unit: n.kode_unit.clone(),
            indikator_id: n.indikator_id.clone(),
            tahun: n.tahun,
            jenis: JenisTarget::Skenario(nama.to_string()),
            nilai: n.nilai,
            label: None,
            sumber: sumber.clone(),
        })
        .collect();
    let skipped = sk.nilai.len() - targets.len() + sk.nrr.len() + sk.akip.len() + sk.anggaran.len();
    if targets.is_empty() {
        return Err(gagal(msg::cli_plan_no_targets(nama, file.display())));
    }
    let when = if sk.dibuat.is_empty() { dibuat.to_string() } else { sk.dibuat.clone() };
    let n = store
        .import_skenario(nama, when.trim_end_matches('Z'), &file.display().to_string(), &targets)
        .konteks(|| msg::cli_importing(file.display()))?;
    Ok((n, skipped))
}

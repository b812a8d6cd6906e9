//! `kinerja export`: Parquet, the Spark comparison, the planner's snapshot.

use std::path::Path;

use anyhow::Result;
use kinerja_core::model::TingkatWilayah;
use kinerja_pesan::{Pesan, msg};

use crate::args::Wilayah;
use crate::db;
use crate::output::now_iso;
use crate::pesan::{KonteksExt, say};

/// Every table as Parquet, facts partitioned by kabupaten and year.
pub fn parquet(out: &Path, path: &Path) -> Result<()> {
    let tables = db::open_ro(path)?.export_parquet(out)?;
    say!(msg::cli_wrote_parquet(tables.join(", "), out.display()));
    Ok(())
}

/// The Parquet, Q1–Q5 in Spark SQL and DuckDB's results, for `scripts/spark`.
pub fn spark(out: &Path, path: &Path) -> Result<()> {
    let queries = db::open_ro(path)?.export_spark(out)?;
    say!(msg::cli_wrote_spark(queries.join(", "), out.display()));
    Ok(())
}

impl Wilayah {
    /// The region's code for the store: empty for the nation.
    pub fn kode(&self) -> &str {
        match (&self.provinsi, self.nasional) {
            (_, true) => "",
            (Some(p), _) => p,
            (None, false) => &self.kabupaten,
        }
    }

    /// The region in words.
    pub fn nama(&self) -> Pesan {
        match (&self.provinsi, self.nasional) {
            (_, true) => msg::cli_wilayah_nation(),
            (Some(p), _) => msg::cli_wilayah_provinsi(p),
            (None, false) => msg::cli_wilayah_kabupaten(&self.kabupaten),
        }
    }
}

/// The JSON snapshot the planner loads.
pub fn snapshot(out: &Path, wilayah: &Wilayah, path: &Path) -> Result<()> {
    let snap = db::open_ro(path)?.snapshot(wilayah.kode(), &now_iso())?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).konteks(|| msg::cli_creating(dir.display()))?;
    }
    std::fs::write(out, serde_json::to_string(&snap)?).konteks(|| msg::cli_writing(out.display()))?;
    let n = snap.data.wilayah.iter().filter(|w| w.tingkat == TingkatWilayah::Kecamatan).count();
    say!(msg::cli_wrote_snapshot(wilayah.nama(), n, out.display()));
    Ok(())
}

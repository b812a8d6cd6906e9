//! `kinerja riwayat`: the history of writes to the database.

use std::path::Path;

use anyhow::Result;
use kinerja_pesan::msg;
use kinerja_store::query::Table;
use kinerja_store::riwayat::Riwayat;

use crate::args::TableFormat;
use crate::pesan::{cetak, t};
use crate::{db, output};

/// The files of a write in a cell: each name with the start of its SHA-256,
/// or their count when there are many.
fn berkas(w: &Riwayat) -> String {
    match w.berkas.len() {
        0 => String::new(),
        1..=3 => w
            .berkas
            .iter()
            .map(|b| {
                let name = Path::new(&b.berkas).file_name().map_or(b.berkas.clone(), |n| n.to_string_lossy().into());
                format!("{name} ({})", &b.sha256[..12.min(b.sha256.len())])
            })
            .collect::<Vec<_>>()
            .join(", "),
        n => t(&msg::cli_riwayat_files(n, w.berkas.iter().map(|b| b.ukuran).sum::<u64>())),
    }
}

/// Prints every recorded write; JSON gives every file with its full
/// SHA-256 and every table's rows read and changed.
pub fn run(format: TableFormat, path: &Path) -> Result<()> {
    let h = db::open_ro(path)?.riwayat()?;
    if format == TableFormat::Json {
        cetak(&serde_json::to_string_pretty(&h)?);
        return Ok(());
    }
    let columns = ["id", "waktu_utc", "perintah", "keterangan", "berkas", "baris_dibaca", "baris_diubah"];
    let rows = h
        .iter()
        .map(|w| {
            let (dibaca, diubah) = w.tabel.iter().fold((0, 0), |(a, b), t| (a + t.dibaca, b + t.diubah));
            vec![
                Some(w.id.to_string()),
                Some(w.waktu.clone()),
                Some(w.perintah.clone()),
                w.keterangan.clone(),
                Some(berkas(w)),
                Some(dibaca.to_string()),
                Some(diubah.to_string()),
            ]
        })
        .collect();
    output::print_table(&Table { columns: columns.iter().map(|c| c.to_string()).collect(), rows }, format)
}

//! `kinerja compare`: every kecamatan of a kabupaten side by side, ranked.

use std::path::Path;

use anyhow::Result;
use kinerja_pesan::msg;
use kinerja_store::query::{BarisBanding, Table};

use crate::args::TableFormat;
use crate::db;
use crate::output::{format_id_opt, print_table};
use crate::pesan::{cetak, say};

/// Prints the comparison of a kabupaten's kecamatan in a year.
pub fn run(kabupaten: &str, tahun: i32, indikator: Option<&str>, format: TableFormat, path: &Path) -> Result<()> {
    let rows = db::open_ro(path)?.bandingkan(kabupaten, tahun, indikator)?;
    if format == TableFormat::Json {
        cetak(&serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    print_table(&table(&rows, format), format)?;
    if format == TableFormat::Table && rows.iter().any(|r| r.sintetis) {
        say!(msg::cli_sintetis_rows());
    }
    Ok(())
}

const COLUMNS: [&str; 12] = [
    "indikator",
    "peringkat",
    "kode",
    "kecamatan",
    "target",
    "realisasi",
    "capaian",
    "predikat",
    "kategori",
    "kekurangan_ke_terbaik",
    "kekurangan_ke_target",
    "keterangan",
];

fn table(rows: &[BarisBanding], format: TableFormat) -> Table {
    let fmt = |d: Option<kinerja_core::Decimal>| {
        if format == TableFormat::Csv { d.map(|d| d.to_string()) } else { Some(format_id_opt(d)) }
    };
    let rows = rows
        .iter()
        .map(|r| {
            // Values of the keterangan column, like its name the same in
            // every language (scripts read them).
            let ket = match (r.ada_data, r.sintetis) {
                (false, _) => "tidak ada data",
                (true, true) => "SINTETIS",
                (true, false) => "",
            };
            vec![
                Some(r.indikator_id.clone()),
                r.peringkat.map(|p| p.to_string()),
                Some(r.kode_unit.clone()),
                Some(r.nama_unit.clone()),
                fmt(r.target),
                fmt(r.realisasi),
                fmt(r.capaian),
                r.predikat.clone(),
                r.kategori.clone(),
                fmt(r.kekurangan_ke_terbaik),
                fmt(r.kekurangan_ke_target),
                Some(ket.to_string()),
            ]
        })
        .collect();
    Table { columns: COLUMNS.map(String::from).to_vec(), rows }
}

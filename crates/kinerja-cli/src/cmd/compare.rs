//! `kinerja compare`: every kecamatan of a kabupaten side by side, ranked.

use std::path::Path;

use anyhow::Result;
use kinerja_core::capaian::Polaritas;
use kinerja_core::selang::{SKALA_IKM, Selang, ikm_konservatif, rentang_peringkat};
use kinerja_core::{Decimal, Ratio};
use kinerja_pesan::msg;
use kinerja_store::query::{BarisBanding, Table};

use crate::args::TableFormat;
use crate::db;
use crate::output::{format_id_opt, print_table};
use crate::pesan::{cetak, say};

/// Prints the comparison of a kabupaten's kecamatan in a year.
pub fn run(kabupaten: &str, tahun: i32, indikator: Option<&str>, format: TableFormat, path: &Path) -> Result<()> {
    let rows = db::open_ro(path)?.bandingkan(kabupaten, tahun, indikator)?;
    let pasti = kepastian(&rows);
    if format == TableFormat::Json {
        let rows: Vec<serde_json::Value> = rows
            .iter()
            .zip(&pasti)
            .map(|(r, (s, p))| {
                let mut v = serde_json::to_value(r)?;
                v["selang_95"] = serde_json::to_value(s)?;
                v["rentang_peringkat"] = serde_json::to_value(p)?;
                Ok(v)
            })
            .collect::<Result<_>>()?;
        cetak(&serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    print_table(&table(&rows, &pasti, format), format)?;
    if format == TableFormat::Table && rows.iter().any(|r| r.sintetis) {
        say!(msg::cli_sintetis_rows());
    }
    if format == TableFormat::Table && pasti.iter().any(|(s, _)| s.is_some()) {
        say!(msg::cli_compare_selang());
    }
    Ok(())
}

/// A row's interval and the ranks it allows (none: not an estimate).
type Kepastian = (Option<Selang>, Option<(usize, usize)>);

/// How sure each row's value is: for an IKM with its respondents, the
/// conservative 95 % interval and the ranks it allows among the
/// kecamatan of the same indicator; none for values that are not
/// estimates (their rank is exact).
fn kepastian(rows: &[BarisBanding]) -> Vec<Kepastian> {
    let selang: Vec<Option<Selang>> = rows
        .iter()
        .map(|r| {
            let n = u32::try_from(r.responden?).ok()?;
            let populasi = r.populasi.and_then(|p| u64::try_from(p).ok());
            ikm_konservatif(Ratio::from_decimal(r.realisasi?), n, populasi).ok()
        })
        .collect();
    let mut out: Vec<Kepastian> = selang.iter().map(|s| (*s, None)).collect();
    let mut start = 0;
    while start < rows.len() {
        let id = &rows[start].indikator_id;
        let end = start + rows[start..].iter().take_while(|r| &r.indikator_id == id).count();
        // An IKM without its respondents could be anywhere on the scale:
        // it widens the others' ranges and gets the widest itself.
        let estimates = rows[start..end].iter().any(|r| r.responden.is_some());
        let bounds: Vec<Option<(Decimal, Decimal)>> = (start..end)
            .map(|i| match (selang[i], rows[i].realisasi) {
                (Some(s), _) => Some((s.bawah, s.atas)),
                (None, Some(_)) if estimates => Some(SKALA_IKM),
                _ => None,
            })
            .collect();
        let positif = rows[start].polaritas == Polaritas::Positif;
        for (i, p) in rentang_peringkat(&bounds, positif).into_iter().enumerate() {
            out[start + i].1 = p;
        }
        start = end;
    }
    out
}

const COLUMNS: [&str; 14] = [
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
    "selang_95",
    "rentang_peringkat",
    "keterangan",
];

fn table(rows: &[BarisBanding], pasti: &[Kepastian], format: TableFormat) -> Table {
    let fmt = |d: Option<kinerja_core::Decimal>| {
        if format == TableFormat::Csv { d.map(|d| d.to_string()) } else { Some(format_id_opt(d)) }
    };
    let rows = rows
        .iter()
        .zip(pasti)
        .map(|(r, (selang, rentang))| {
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
                selang.map(|s| {
                    format!("{} – {}", fmt(Some(s.bawah)).unwrap_or_default(), fmt(Some(s.atas)).unwrap_or_default())
                }),
                rentang.map(|(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }),
                Some(ket.to_string()),
            ]
        })
        .collect();
    Table { columns: COLUMNS.map(String::from).to_vec(), rows }
}

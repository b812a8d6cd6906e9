//! `kinerja compare`: every kecamatan of a kabupaten side by side, ranked.

use std::path::Path;

use anyhow::Result;
use kinerja_core::Ratio;
use kinerja_core::selang::{Galat, Kepastian, Perubahan, kepastian_ikm, perubahan};
use kinerja_pesan::msg;
use kinerja_store::query::{BarisBanding, Table};

use crate::args::TableFormat;
use crate::db;
use crate::output::{format_id_opt, print_table};
use crate::pesan::{cetak, say};

/// Prints the comparison of a kabupaten's kecamatan in a year.
pub fn run(kabupaten: &str, tahun: i32, indikator: Option<&str>, format: TableFormat, path: &Path) -> Result<()> {
    let store = db::open_ro(path)?;
    let rows = store.bandingkan(kabupaten, tahun, indikator)?;
    let awal = rows.iter().filter_map(|r| r.tahun_sebelumnya).min().unwrap_or(tahun);
    let galat = store.galat_ikm(kabupaten, awal..=tahun)?;
    let galat_of = |r: &BarisBanding, y: i32| galat.get(&(r.kode_unit.clone(), y)).copied();
    let pasti = kepastian(&rows, |r| galat_of(r, tahun))?;
    let ubah: Vec<Option<Perubahan>> = rows.iter().map(|r| perubahan_dari(r, tahun, galat_of)).collect();
    if format == TableFormat::Json {
        let rows: Vec<serde_json::Value> = rows
            .iter()
            .zip(&pasti)
            .zip(&ubah)
            .map(|((r, (s, p)), u)| {
                let mut v = serde_json::to_value(r)?;
                v["selang_95"] = serde_json::to_value(s)?;
                v["rentang_peringkat"] = serde_json::to_value(p)?;
                v["perubahan"] = serde_json::to_value(u)?;
                Ok(v)
            })
            .collect::<Result<_>>()?;
        cetak(&serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    print_table(&table(&rows, &pasti, &ubah, format), format)?;
    if format == TableFormat::Table && rows.iter().any(|r| r.sintetis) {
        say!(msg::cli_sintetis_rows());
    }
    if format == TableFormat::Table && pasti.iter().any(|(s, _)| s.is_some()) {
        say!(msg::cli_compare_selang());
    }
    Ok(())
}

/// An IKM's change from the year before with its 95 % interval (the core's
/// [`perubahan`]), when both years' standard errors are known.
fn perubahan_dari(
    r: &BarisBanding,
    tahun: i32,
    galat: impl Fn(&BarisBanding, i32) -> Option<Galat>,
) -> Option<Perubahan> {
    r.responden?;
    let (lalu, kini) = (r.tahun_sebelumnya?, Ratio::from_decimal(r.realisasi?));
    let dulu = Ratio::from_decimal(r.realisasi_sebelumnya?);
    let (a, b) = (galat(r, tahun)?.selang_ikm(kini).ok()?, galat(r, lalu)?.selang_ikm(dulu).ok()?);
    perubahan((kini, &a), (dulu, &b)).ok()
}

/// How sure each row's value is: for an IKM, its 95 % interval and the
/// ranks it allows among the kecamatan of the same indicator (the core's
/// [`kepastian_ikm`]); none for values that are not estimates (their rank
/// is exact).
fn kepastian(rows: &[BarisBanding], galat: impl Fn(&BarisBanding) -> Option<Galat>) -> Result<Vec<Kepastian>> {
    let mut out = Vec::with_capacity(rows.len());
    let mut start = 0;
    while start < rows.len() {
        let id = &rows[start].indikator_id;
        let end = start + rows[start..].iter().take_while(|r| &r.indikator_id == id).count();
        let group = &rows[start..end];
        // Only an IKM indicator's rows carry their survey's respondents.
        if group.iter().any(|r| r.responden.is_some()) {
            let ikm: Vec<_> = group.iter().map(|r| (r.realisasi, galat(r))).collect();
            out.extend(kepastian_ikm(&ikm)?);
        } else {
            out.extend(group.iter().map(|_| (None, None)));
        }
        start = end;
    }
    Ok(out)
}

const COLUMNS: [&str; 17] = [
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
    "metode_selang",
    "rentang_peringkat",
    "perubahan_selang",
    "perubahan_terbedakan",
    "keterangan",
];

fn table(rows: &[BarisBanding], pasti: &[Kepastian], ubah: &[Option<Perubahan>], format: TableFormat) -> Table {
    let fmt = |d: Option<kinerja_core::Decimal>| {
        if format == TableFormat::Csv { d.map(|d| d.to_string()) } else { Some(format_id_opt(d)) }
    };
    let rows = rows
        .iter()
        .zip(pasti)
        .zip(ubah)
        .map(|((r, (selang, rentang)), ubah)| {
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
                selang.map(|s| s.metode.kode().to_string()),
                rentang.map(|(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }),
                ubah.map(|u| {
                    let (d, lo, hi) = (fmt(Some(u.selisih)), fmt(Some(u.selang.bawah)), fmt(Some(u.selang.atas)));
                    format!("{} ({} – {})", d.unwrap_or_default(), lo.unwrap_or_default(), hi.unwrap_or_default())
                }),
                ubah.map(|u| if u.terbedakan { "ya" } else { "tidak" }.to_string()),
                Some(ket.to_string()),
            ]
        })
        .collect();
    Table { columns: COLUMNS.map(String::from).to_vec(), rows }
}

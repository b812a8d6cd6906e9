//! Printing tables (aligned text, CSV, JSON) and timestamps.

use std::io::Write;

use anyhow::Result;
use kinerja_core::notation::format_number;
use kinerja_store::query::{BarisBanding, Table};

use crate::TableFormat;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// Prints a table in the chosen format.
pub fn print_table(t: &Table, format: TableFormat) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        TableFormat::Csv => {
            writeln!(out, "{}", t.columns.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
            for r in &t.rows {
                writeln!(
                    out,
                    "{}",
                    r.iter().map(|c| csv_field(c.as_deref().unwrap_or(""))).collect::<Vec<_>>().join(",")
                )?;
            }
        }
        TableFormat::Json => {
            let rows: Vec<serde_json::Map<String, serde_json::Value>> = t
                .rows
                .iter()
                .map(|r| {
                    t.columns
                        .iter()
                        .zip(r)
                        .map(|(k, v)| (k.clone(), v.clone().map_or(serde_json::Value::Null, serde_json::Value::String)))
                        .collect()
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        }
        TableFormat::Table => {
            let cells: Vec<Vec<String>> =
                t.rows.iter().map(|r| r.iter().map(|c| c.clone().unwrap_or_else(|| "NULL".into())).collect()).collect();
            let mut w: Vec<usize> = t.columns.iter().map(|k| k.chars().count()).collect();
            for r in &cells {
                for (i, c) in r.iter().enumerate() {
                    w[i] = w[i].max(c.chars().count());
                }
            }
            let line = |r: &[String]| -> String {
                r.iter().enumerate().map(|(i, c)| format!("{c:<width$}", width = w[i])).collect::<Vec<_>>().join(" | ")
            };
            writeln!(out, "{}", line(&t.columns))?;
            writeln!(out, "{}", w.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>().join("-+-"))?;
            for r in &cells {
                writeln!(out, "{}", line(r))?;
            }
            writeln!(out, "{}", crate::pesan::t(&format!("({} rows)", cells.len())))?;
        }
    }
    Ok(())
}

/// A number in Indonesian notation with two decimals (`88,65`).
pub fn format_id(d: kinerja_core::Decimal) -> String {
    format_number(d, 2).unwrap_or_else(|e| format!("#{e}"))
}

/// [`format_id`], or `-` for nothing.
pub fn format_id_opt(d: Option<kinerja_core::Decimal>) -> String {
    d.map_or_else(|| "-".into(), format_id)
}

/// Prints the kabupaten comparison.
pub fn print_compare(rows: &[BarisBanding], format: TableFormat) -> Result<()> {
    if format == TableFormat::Json {
        crate::pesan::cetak(&serde_json::to_string_pretty(rows)?);
        return Ok(());
    }
    let mut t = Table {
        columns: [
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
        ]
        .map(String::from)
        .to_vec(),
        rows: vec![],
    };
    for r in rows {
        let plain = |d: Option<kinerja_core::Decimal>| d.map(|d| d.to_string());
        let fmt = |d: Option<kinerja_core::Decimal>| {
            if format == TableFormat::Csv { plain(d) } else { Some(format_id_opt(d)) }
        };
        let ket = match (r.ada_data, r.sintetis) {
            (false, _) => "tidak ada data",
            (true, true) => "SINTETIS",
            (true, false) => "",
        };
        t.rows.push(vec![
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
        ]);
    }
    print_table(&t, format)?;
    if format == TableFormat::Table && rows.iter().any(|r| r.sintetis) {
        crate::pesan::say!("Rows marked SINTETIS hold synthetic demo figures (sumber = sintetis), not official data.");
    }
    Ok(())
}

/// The current UTC time as ISO 8601 (`2026-11-28T01:02:03Z`).
pub fn now_iso() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

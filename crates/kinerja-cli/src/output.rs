//! Printing tables (aligned text, CSV, JSON), writing output files, and the
//! time a write is recorded with.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use kinerja_core::notation::format_number;
use kinerja_pesan::msg;
use kinerja_store::query::Table;

use crate::args::TableFormat;
use crate::pesan::{KonteksExt, t};

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// Prints a table in the chosen format.
pub fn print_table(table: &Table, format: TableFormat) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        TableFormat::Csv => {
            writeln!(out, "{}", table.columns.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
            for r in &table.rows {
                let cells: Vec<String> = r.iter().map(|c| csv_field(c.as_deref().unwrap_or(""))).collect();
                writeln!(out, "{}", cells.join(","))?;
            }
        }
        TableFormat::Json => {
            let rows: Vec<serde_json::Map<String, serde_json::Value>> = table
                .rows
                .iter()
                .map(|r| {
                    let value =
                        |v: &Option<String>| v.clone().map_or(serde_json::Value::Null, serde_json::Value::String);
                    table.columns.iter().zip(r).map(|(k, v)| (k.clone(), value(v))).collect()
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        }
        TableFormat::Table => aligned(&mut out, table)?,
    }
    Ok(())
}

/// The table as aligned text, with its row count.
fn aligned(out: &mut impl Write, table: &Table) -> Result<()> {
    let cells: Vec<Vec<String>> =
        table.rows.iter().map(|r| r.iter().map(|c| c.clone().unwrap_or_else(|| "NULL".into())).collect()).collect();
    let mut w: Vec<usize> = table.columns.iter().map(|k| k.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let line = |r: &[String]| -> String {
        r.iter().enumerate().map(|(i, c)| format!("{c:<width$}", width = w[i])).collect::<Vec<_>>().join(" | ")
    };
    writeln!(out, "{}", line(&table.columns))?;
    writeln!(out, "{}", w.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>().join("-+-"))?;
    for r in &cells {
        writeln!(out, "{}", line(r))?;
    }
    writeln!(out, "{}", t(&msg::cli_rows(cells.len())))?;
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

/// Writes `bytes` to the file `out`, or standard output when there is none.
pub fn write_out(out: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(p) => std::fs::write(p, bytes).konteks(|| msg::cli_writing(p.display())),
        None => Ok(std::io::stdout().write_all(bytes)?),
    }
}

/// The current UTC time to the second, as ISO 8601 (`2026-11-28T01:02:03Z`).
pub fn now_iso() -> String {
    let now = jiff::Timestamp::now();
    now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

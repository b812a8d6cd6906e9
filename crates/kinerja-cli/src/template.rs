//! `kinerja template`: a workbook to fill in Excel, one sheet per table, that
//! `kinerja load` reads as it is.
//!
//! Decisions: headers come from `kinerja_data::TABLES` (the loader's own
//! definition), ranges and lists from the core (years, skor, unsur, jenis
//! target, komponen); values filled from a database are written as text
//! exactly as the load files hold them, so nothing passes through a float.

use std::path::Path;

use anyhow::{Context, Result};
use kinerja_core::akip::SkemaAkip;
use kinerja_core::model::{JenisTarget, TAHUN};
use kinerja_core::skm::{Skema, Skor};
use kinerja_data::{PETUNJUK, Sheet, TABLES};
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Formula, Note, Workbook, Worksheet};

/// Rows a sheet's drop-downs and checks cover.
const ROWS: u32 = 5000;

/// Instructions, in Bahasa Indonesia, for the first sheet.
const PETUNJUK_TEKS: &[&str] = &[
    "Templat data Kinerja",
    "Isi satu lembar per tabel, simpan sebagai .xlsx, lalu muat: kinerja load kinerja-template.xlsx",
    "Baris 1 tiap lembar adalah kepala kolom: jangan diubah. Kolom bertanda * wajib diisi; arahkan tetikus ke kepala kolom untuk catatannya.",
    "Angka boleh ditulis 88,65 atau 2.960.780.030 (notasi Indonesia) atau 88.65; angka yang bisa dibaca dua arti (1.234) ditolak.",
    "Kode wilayah memakai kode Kemendagri (12.19.07). Kolom sumber: dokumen dan tabel asal angka.",
    "Lembar yang tidak dipakai biarkan berisi kepala kolom saja. Jangan menyembunyikan atau menambah lembar.",
    "Setiap kesalahan dilaporkan dengan lembar, baris dan kolomnya; tidak ada yang disimpan sebelum semuanya benar.",
];

/// A list validation from the core's codes.
fn list(codes: &[&str]) -> Result<DataValidation> {
    Ok(DataValidation::new().allow_list_strings(codes)?)
}

/// The check of a column, if its values come from a list or a range.
fn validation(table: &str, column: &str) -> Result<Option<DataValidation>> {
    let years = DataValidationRule::Between(*TAHUN.start(), *TAHUN.end());
    let skor = DataValidationRule::Between(i32::from(Skor::MIN), i32::from(Skor::MAX));
    Ok(Some(match column {
        "kode_unit" => DataValidation::new().allow_list_formula(Formula::new(format!("=wilayah!$A$2:$A${ROWS}"))),
        "indikator_id" => DataValidation::new().allow_list_formula(Formula::new(format!("=indikator!$A$2:$A${ROWS}"))),
        "tahun" | "tahun_awal" | "tahun_akhir" => DataValidation::new().allow_whole_number(years),
        "skor" => DataValidation::new().allow_whole_number(skor),
        "nrr" => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(f64::from(Skor::MIN), f64::from(Skor::MAX))),
        "unsur_id" => list(&Skema::default().unsur().iter().map(|u| u.id).collect::<Vec<_>>())?,
        "komponen_id" => list(&SkemaAkip::default().komponen().iter().map(|k| k.id).collect::<Vec<_>>())?,
        "jenis" if table == "target" => {
            let codes = [JenisTarget::PkPerubahan, JenisTarget::Pk, JenisTarget::Renstra].map(|j| j.code());
            list(&codes.iter().map(String::as_str).collect::<Vec<_>>())?
        }
        "polaritas" => list(&["positif", "negatif"])?,
        _ => return Ok(None),
    }))
}

/// One table's sheet: header with notes, frozen, widths, checks; then `rows`.
fn table_sheet(ws: &mut Worksheet, t: &kinerja_data::Table, rows: Option<&Sheet>) -> Result<()> {
    ws.set_name(t.name)?;
    let head = Format::new().set_bold().set_background_color("#DDEBF7");
    let columns: Vec<&str> = t.required.iter().chain(t.optional).copied().collect();
    for (i, c) in columns.iter().enumerate() {
        let col = u16::try_from(i)?;
        let wajib = t.required.contains(c);
        ws.write_string_with_format(0, col, *c, &head)?;
        let note = if wajib { format!("{c}: wajib diisi") } else { format!("{c}: boleh kosong") };
        ws.insert_note(0, col, &Note::new(note).set_author("Kinerja"))?;
        ws.set_column_width(col, (c.len() + 4).max(12) as f64)?;
        if let Some(v) = validation(t.name, c)? {
            ws.add_data_validation(1, col, ROWS, col, &v)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let Some(sheet) = rows else { return Ok(()) };
    for (r, (_, cells)) in sheet.rows.iter().enumerate() {
        for (h, value) in sheet.headers.iter().zip(cells.iter()) {
            if let (Some(col), false) = (columns.iter().position(|c| c == h), value.is_empty()) {
                ws.write_string(u32::try_from(r + 1)?, u16::try_from(col)?, value)?;
            }
        }
    }
    Ok(())
}

/// Writes the template; with `isi`, each sheet holds the rows of the load
/// files in `isi` (a directory `kinerja_store::Store::export_load_files`
/// wrote).
pub fn write(out: &Path, isi: Option<&Path>) -> Result<()> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(PETUNJUK)?;
    ws.set_column_width(0, 120)?;
    let bold = Format::new().set_bold();
    for (i, line) in PETUNJUK_TEKS.iter().enumerate() {
        let row = u32::try_from(i)?;
        if i == 0 {
            ws.write_string_with_format(row, 0, *line, &bold)?
        } else {
            ws.write_string(row, 0, *line)?
        };
    }
    for (i, t) in TABLES.iter().enumerate() {
        let row = u32::try_from(PETUNJUK_TEKS.len() + 1 + i)?;
        let optional =
            if t.optional.is_empty() { String::new() } else { format!("; boleh kosong: {}", t.optional.join(", ")) };
        ws.write_string(row, 0, format!("{}: wajib {}{optional}", t.name, t.required.join(", ")))?;
    }
    for t in TABLES {
        let file = isi.map(|d| d.join(format!("{}.csv", t.name))).filter(|f| f.is_file());
        let rows = file.map(|f| Sheet::from_csv(&f, &format!("{}.csv", t.name))).transpose()?;
        table_sheet(wb.add_worksheet(), t, rows.as_ref())?;
    }
    wb.save(out).with_context(|| format!("writing {}", out.display()))?;
    Ok(())
}

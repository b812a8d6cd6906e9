//! `kinerja template`: a workbook to fill in Excel, one sheet per table, that
//! `kinerja load` reads as it is.
//!
//! Decisions: headers come from `kinerja_data::TABLES` (the loader's own
//! definition), ranges and lists from the core (years, skor, unsur, jenis
//! target, komponen); values filled from a database are written as text
//! exactly as the load files hold them, so nothing passes through a float.

use std::path::Path;

use anyhow::Result;
use kinerja_core::akip::SkemaAkip;
use kinerja_core::model::{JenisTarget, NARASI_BAGIAN, TAHUN};
use kinerja_core::skm::{Skema, Skor};
use kinerja_data::{PETUNJUK, Sheet, TABLES};
use kinerja_pesan::{Pesan, msg};
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Formula, Note, Workbook, Worksheet};

use crate::db;
use crate::pesan::{KonteksExt, say, t};

/// Rows a sheet's drop-downs and checks cover.
const ROWS: u32 = 5000;

/// The instructions on the first sheet, in the chosen language.
fn petunjuk() -> [Pesan; 7] {
    [
        msg::template_title(),
        msg::template_fill(),
        msg::template_header(),
        msg::template_numbers(),
        msg::template_codes(),
        msg::template_unused(),
        msg::template_errors(),
    ]
}

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
        "bagian" if table == "narasi" => list(&NARASI_BAGIAN.map(|(key, _)| key))?,
        _ => return Ok(None),
    }))
}

/// One table's sheet: header with notes, frozen, widths, checks; then `rows`.
fn table_sheet(ws: &mut Worksheet, table: &kinerja_data::Table, rows: Option<&Sheet>) -> Result<()> {
    ws.set_name(table.name)?;
    let head = Format::new().set_bold().set_background_color("#DDEBF7");
    let columns: Vec<&str> = table.required.iter().chain(table.optional).copied().collect();
    for (i, c) in columns.iter().enumerate() {
        let col = u16::try_from(i)?;
        let wajib = table.required.contains(c);
        ws.write_string_with_format(0, col, *c, &head)?;
        let note = t(&if wajib { msg::template_note_required(*c) } else { msg::template_note_optional(*c) });
        ws.insert_note(0, col, &Note::new(note).set_author("Kinerja"))?;
        ws.set_column_width(col, (c.len() + 4).max(12) as f64)?;
        if let Some(v) = validation(table.name, c)? {
            ws.add_data_validation(1, col, ROWS, col, &v)?;
        }
        if table.multiline.contains(c) {
            // Paragraphs: Alt+Enter starts a line within the cell.
            ws.set_column_width(col, 80)?;
            ws.set_column_format(col, &Format::new().set_text_wrap())?;
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
fn write(out: &Path, isi: Option<&Path>) -> Result<()> {
    let mut wb = Workbook::new();
    petunjuk_sheet(wb.add_worksheet())?;
    for t in TABLES {
        let name = format!("{}.csv", t.name);
        let file = isi.map(|d| d.join(&name)).filter(|f| f.is_file());
        let rows = file.map(|f| Sheet::from_csv_multiline(&f, &name, t.multiline)).transpose()?;
        table_sheet(wb.add_worksheet(), t, rows.as_ref())?;
    }
    wb.save(out).konteks(|| msg::cli_writing(out.display()))?;
    Ok(())
}

/// The lines explaining the narasi sheet: what it holds, then each section
/// key with what its text is (the core's list).
fn narasi_lines() -> Vec<Pesan> {
    let bagian = NARASI_BAGIAN.iter().map(|(key, uraian)| msg::template_narasi_bagian(*key, *uraian));
    std::iter::once(msg::template_narasi()).chain(bagian).collect()
}

/// The instruction sheet: how to fill the workbook, each table's columns,
/// and the sections of the narasi.
fn petunjuk_sheet(ws: &mut Worksheet) -> Result<()> {
    ws.set_name(PETUNJUK)?;
    ws.set_column_width(0, 120)?;
    let bold = Format::new().set_bold();
    let lines = petunjuk();
    for (i, line) in lines.iter().enumerate() {
        let row = u32::try_from(i)?;
        if i == 0 {
            ws.write_string_with_format(row, 0, t(line), &bold)?
        } else {
            ws.write_string(row, 0, t(line))?
        };
    }
    for (i, table) in TABLES.iter().enumerate() {
        let row = u32::try_from(lines.len() + 1 + i)?;
        let required = table.required.join(", ");
        let line = if table.optional.is_empty() {
            msg::template_table(table.name, required)
        } else {
            msg::template_table_optional(table.name, required, table.optional.join(", "))
        };
        ws.write_string(row, 0, t(&line))?;
    }
    let first = lines.len() + 2 + TABLES.len();
    for (i, line) in narasi_lines().iter().enumerate() {
        ws.write_string(u32::try_from(first + i)?, 0, t(line))?;
    }
    Ok(())
}

/// Writes the template: empty, with a kabupaten's wilayah and the
/// indikator (`kabupaten`), or with every row of the database (`isi`).
pub fn run(out: &Path, isi: bool, kabupaten: Option<&str>, path: &Path) -> Result<()> {
    let tmp = tempfile::tempdir().konteks(|| msg::cli_creating(std::env::temp_dir().display()))?;
    let filled = match (isi, kabupaten) {
        (true, _) => db::open_ro(path)?.export_load_files(tmp.path(), false).map(|_| Some(tmp.path()))?,
        (false, Some(k)) => db::open_ro(path)?.export_template_kabupaten(tmp.path(), k).map(|()| Some(tmp.path()))?,
        (false, None) => None,
    };
    write(out, filled)?;
    let what = match (isi, kabupaten) {
        (true, _) => msg::cli_template_filled(path.display()),
        (false, Some(k)) => msg::cli_template_kabupaten(k),
        (false, None) => msg::cli_template_empty(),
    };
    say!(msg::cli_wrote_template(out.display(), what));
    Ok(())
}

//! # kinerja-data
//!
//! Reads a Kinerja data directory — one CSV (or XLSX) file per table, as
//! documented in `data/README.md` — into [`kinerja_core::model::Dataset`].
//!
//! ## Decisions
//!
//! * **All problems at once.** A file is read to the end; every bad field
//!   becomes a [`Problem`] naming file, row, column, what was expected and
//!   what was found. Cross-file checks (unknown kecamatan, unknown
//!   indicator, duplicate keys, an unsur of the wrong SKM scheme, a score
//!   above its komponen weight) are located the same way.
//! * **Strict numbers.** Values go through the core's notation parser:
//!   Indonesian (`2.960.780.030`, `88,65`) or plain (`88.65`), never a guess
//!   between them.
//! * **Nothing silently ignored.** A `.csv`/`.xlsx` file whose name is not
//!   a known table, a column not in the table, or the same table as both CSV
//!   and XLSX is an error.
//! * This crate does file IO and nothing else: no database, no formulas.

mod error;
mod sheet;
mod tables;
mod validate;

use std::path::{Path, PathBuf};

use kinerja_core::model::Dataset;
use kinerja_pesan::msg;

pub use error::{Error, Problem, Result};
pub use sheet::{Cells, Row, Rows, Sheet, Tafsir};
pub use tables::{TABLES, Table};
pub use validate::unit_expected;

/// Reads every table file in `dir` and validates the whole dataset.
///
/// ```no_run
/// let data = kinerja_data::read_dir(std::path::Path::new("data"))?;
/// assert!(!data.wilayah.is_empty());
/// # Ok::<(), kinerja_data::Error>(())
/// ```
pub fn read_dir(dir: &Path) -> Result<Dataset> {
    let d = read_dir_parts(dir)?;
    if let Some(first) = d.jawaban_parquet.first() {
        let expected = msg::data_expected_csv_or_xlsx();
        return Err(Error::Invalid(vec![Problem::described(
            &file_name(first),
            None,
            None,
            expected,
            msg::data_found_parquet(),
        )]));
    }
    Ok(d.data)
}

/// A data directory read for loading: the CSV/XLSX tables validated in
/// memory, and the raw SKM answers in Parquet, which are far larger (a
/// nation's answers are 80 million rows) and are streamed from the file
/// into the database by the store, which checks them there.
#[derive(Debug, Default)]
pub struct DirParts {
    /// The tables read from CSV and XLSX, validated.
    pub data: Dataset,
    /// `skm_jawaban.parquet` and `skm_jawaban_*.parquet`, in name order.
    pub jawaban_parquet: Vec<PathBuf>,
    /// `(file, encoding and delimiter)` of each CSV file that is not plain
    /// UTF-8 with `,` (for the load summary).
    pub dialek: Vec<(String, kinerja_pesan::Pesan)>,
    /// Columns whose ambiguous numbers their range decided (for the load
    /// summary).
    pub tafsir: Vec<Tafsir>,
    /// Every file read (tables and Parquet answers), in name order: what a
    /// load records in its history.
    pub berkas: Vec<PathBuf>,
}

/// Whether `stem` names a file (or a part) of raw SKM answers.
fn is_jawaban_part(stem: &str) -> bool {
    stem == "skm_jawaban" || stem.starts_with("skm_jawaban_") || stem.starts_with("skm_jawaban-")
}

/// A file's name as problems give it (the name, not the whole path).
pub fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Reads `dir` as [`read_dir`] does, setting the Parquet answer files aside.
pub fn read_dir_parts(dir: &Path) -> Result<DirParts> {
    read_dir_listing(dir, Listing::RootCauses)
}

/// What a failed validation lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Listing {
    /// Root causes first; the references a table that cannot be read (or
    /// has no rows) leaves unchecked are counted in one problem.
    #[default]
    RootCauses,
    /// As `RootCauses`, and every unchecked reference besides (`--semua`).
    All,
}

/// [`read_dir_parts`], listing problems as `listing` says.
pub fn read_dir_listing(dir: &Path, listing: Listing) -> Result<DirParts> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut jawaban_parquet = Vec::new();
    let mut problems = Vec::new();
    for e in entries {
        let e = e.map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        let stem = Path::new(&name).file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        match path.extension().and_then(|x| x.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("csv" | "xlsx") => files.push((name, path)),
            Some("parquet") if is_jawaban_part(&stem) => jawaban_parquet.push(path),
            Some("parquet") => {
                problems.push(Problem::new(&name, None, None, msg::data_expected_parquet_answers(), &name))
            }
            _ => {}
        }
    }
    files.sort();
    jawaban_parquet.sort();
    if !jawaban_parquet.is_empty()
        && let Some((name, _)) = files.iter().find(|(n, _)| n.to_ascii_lowercase().starts_with("skm_jawaban."))
    {
        let found = msg::data_found_both(name, file_name(&jawaban_parquet[0]));
        problems.push(Problem::described(name, None, None, msg::data_expected_one_format(), found));
    }
    let (sheets, problems) = read_files(dir, &files, problems, !jawaban_parquet.is_empty())?;
    let dialek = sheets.iter().filter_map(|(_, s)| Some((s.file.clone(), s.dialek.clone()?))).collect();
    let mut berkas: Vec<PathBuf> =
        files.iter().map(|(_, p)| p.clone()).chain(jawaban_parquet.iter().cloned()).collect();
    berkas.sort();
    let (data, tafsir) = read_sheets_listing(sheets, problems, listing)?;
    Ok(DirParts { data, jawaban_parquet, dialek, tafsir, berkas })
}

type Sheets = Vec<(&'static str, Sheet)>;

/// Reads the table files; a directory with none is refused (unless it
/// holds Parquet answers).
fn read_files(
    dir: &Path,
    files: &[(String, PathBuf)],
    mut problems: Vec<Problem>,
    has_parquet: bool,
) -> Result<(Sheets, Vec<Problem>)> {
    let mut sheets: Sheets = Vec::new();
    for (name, path) in files {
        let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some(table) = TABLES.iter().find(|t| t.name == stem) else {
            let tables = TABLES.iter().map(|t| t.name).collect::<Vec<_>>().join(", ");
            problems.push(Problem::new(name, None, None, msg::data_expected_table_file(tables), name));
            continue;
        };
        if sheets.iter().any(|(t, _)| *t == table.name) {
            let expected = msg::data_expected_one_file(table.name);
            problems.push(Problem::described(name, None, None, expected, msg::data_found_csv_and_xlsx()));
            continue;
        }
        let sheet = if name.to_ascii_lowercase().ends_with(".xlsx") {
            Sheet::from_xlsx(path, name)
        } else {
            Sheet::from_csv_multiline(path, name, table.multiline)
        };
        match sheet {
            Ok(s) => sheets.push((table.name, s)),
            Err(Error::Invalid(p)) => problems.extend(p),
            Err(e) => return Err(e),
        }
    }
    if sheets.is_empty() && problems.is_empty() && !has_parquet {
        let (file, expected) = (dir.display().to_string(), msg::data_expected_directory());
        return Err(Error::Invalid(vec![Problem::described(&file, None, None, expected, msg::data_found_no_files())]));
    }
    Ok((sheets, problems))
}

/// The instruction sheet of a workbook from `kinerja template`, not a table.
pub const PETUNJUK: &str = "petunjuk";

/// Reads a workbook holding one sheet per table (as `kinerja template`
/// writes it): each sheet named after its table, the instruction sheet
/// ([`PETUNJUK`]) skipped, a sheet with only its header meaning no rows.
/// Another sheet name, or a hidden sheet, is refused; then the tables are
/// validated as a directory's are.
pub fn read_workbook(path: &Path, listing: Listing) -> Result<DirParts> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().to_string());
    let mut problems = Vec::new();
    for h in sheet::hidden_sheets(path, &name)? {
        let found = msg::data_found_hidden_sheet(h);
        problems.push(Problem::described(&name, None, None, msg::data_expected_visible_sheets(), found));
    }
    let mut sheets: Sheets = Vec::new();
    for (sheet_name, sheet) in Sheet::from_xlsx_all(path, &name)? {
        match TABLES.iter().find(|t| t.name == sheet_name.trim()) {
            Some(t) => sheets.push((t.name, sheet)),
            None if sheet_name.trim().eq_ignore_ascii_case(PETUNJUK) => {}
            None => {
                let tables = TABLES.iter().map(|t| t.name).collect::<Vec<_>>().join(", ");
                let file = format!("{name} [{sheet_name}]");
                problems.push(Problem::new(&file, None, None, msg::data_expected_sheet_name(tables), &sheet_name))
            }
        }
    }
    let (data, tafsir) = read_sheets_listing(sheets, problems, listing)?;
    Ok(DirParts { data, jawaban_parquet: vec![], dialek: vec![], tafsir, berkas: vec![path.to_path_buf()] })
}

/// Reads already-loaded sheets (`(table name, sheet)`), then validates.
///
/// Root causes come first: when a table's file could not be read (or its
/// header is wrong), the references other files make to it are not listed
/// one by one — they could not be checked — but counted in one problem on
/// that file. Problems are ordered by table in load order (wilayah before
/// what refers to it), then file and row.
pub fn read_sheets(sheets: &[(&str, Sheet)], problems: Vec<Problem>) -> Result<Dataset> {
    read_sheets_listing(sheets.to_vec(), problems, Listing::RootCauses).map(|(d, _)| d)
}

/// [`read_sheets`], listing problems as `listing` says, with the columns
/// whose ambiguous numbers their range decided. Each sheet's cells are
/// freed as soon as its rows are read.
pub fn read_sheets_listing(
    sheets: Vec<(&str, Sheet)>,
    mut problems: Vec<Problem>,
    listing: Listing,
) -> Result<(Dataset, Vec<Tafsir>)> {
    // `(table, file, whether it has no row)` of each sheet, kept after its cells go.
    let present = sheets.iter().map(|(n, s)| (*n, s.file.clone(), s.rows.is_empty())).collect();
    let (located, tafsir) = tables::parse_all(sheets, &mut problems);
    finish(present, located, tafsir, problems, listing)
}

/// The checks across tables, with root causes first (see [`read_sheets`]).
fn finish(
    sheets: Vec<(&str, String, bool)>,
    located: tables::Located,
    tafsir: Vec<Tafsir>,
    mut problems: Vec<Problem>,
    listing: Listing,
) -> Result<(Dataset, Vec<Tafsir>)> {
    let unreadable: Vec<(&'static str, String)> = TABLES
        .iter()
        .filter_map(|t| {
            let p = problems.iter().find(|p| {
                table_of(&p.file) == Some(t.name)
                    && (p.row.is_none_or(|r| r == 1) || !sheets.iter().any(|(n, _, _)| *n == t.name))
            })?;
            Some((t.name, p.file.clone()))
        })
        .collect();
    // Tables without a row (a header only) or without a file, that others
    // refer to: `(table, file, whether the file is there)`.
    let empty: Vec<(&'static str, String, bool)> = TABLES
        .iter()
        .filter(|t| !unreadable.iter().any(|(u, _)| *u == t.name))
        .filter_map(|t| match sheets.iter().find(|(n, _, _)| *n == t.name) {
            None => Some((t.name, format!("{}.csv", t.name), false)),
            Some((_, file, true)) => Some((t.name, file.clone(), true)),
            Some(_) => None,
        })
        .collect();
    let mut references = Vec::new();
    validate::check(&located, &mut references);
    // `(table, file, references not checked, why: None unreadable, Some(file there))`.
    let mut unchecked: Vec<(&str, &str, usize, Option<bool>)> = unreadable
        .iter()
        .map(|(t, f)| (*t, f.as_str(), 0, None))
        .chain(empty.iter().map(|(t, f, there)| (*t, f.as_str(), 0, Some(*there))))
        .collect();
    for p in references {
        match p.rujukan.and_then(|t| unchecked.iter_mut().find(|u| u.0 == t)) {
            Some(u) => {
                u.2 += 1;
                if listing == Listing::All {
                    problems.push(p);
                }
            }
            None => problems.push(p),
        }
    }
    for (table, file, n, why) in unchecked.into_iter().filter(|u| u.2 > 0) {
        let not_checked = match listing {
            Listing::RootCauses => msg::data_unchecked_count(n, table),
            Listing::All => msg::data_unchecked_listed(n, table),
        };
        let (expected, found) = match why {
            None => (msg::data_expected_readable_table(table), not_checked),
            Some(true) => (msg::data_expected_rows_of(table), msg::data_found_no_rows(not_checked)),
            Some(false) => (msg::data_expected_file_of(table), msg::data_found_none_because(not_checked)),
        };
        problems.push(Problem::described(file, None, None, expected, found));
    }
    let order = |p: &Problem| table_of(&p.file).and_then(|t| TABLES.iter().position(|x| x.name == t));
    problems.sort_by(|a, b| (order(a), &a.file, a.row).cmp(&(order(b), &b.file, b.row)));
    if problems.is_empty() { Ok((located.into_dataset(), tafsir)) } else { Err(Error::Invalid(problems)) }
}

/// The table a problem's file holds (`wilayah.csv`, `book.xlsx [wilayah]`).
fn table_of(file: &str) -> Option<&'static str> {
    let name = file.rsplit_once(" [").map_or(file, |(_, s)| s.trim_end_matches(']'));
    let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or(name);
    TABLES.iter().map(|t| t.name).find(|t| *t == stem)
}

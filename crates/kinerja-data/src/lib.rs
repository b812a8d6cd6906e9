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

pub mod audit;
mod error;
mod sheet;
mod tables;
mod validate;

use std::path::Path;

use kinerja_core::model::Dataset;

pub use error::{Error, Problem, Result};
pub use sheet::{Row, Sheet};
pub use tables::TABLES;

/// Reads every table file in `dir` and validates the whole dataset.
///
/// ```no_run
/// let data = kinerja_data::read_dir(std::path::Path::new("data"))?;
/// assert!(!data.wilayah.is_empty());
/// # Ok::<(), kinerja_data::Error>(())
/// ```
pub fn read_dir(dir: &Path) -> Result<Dataset> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for e in entries {
        let e = e.map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        let ext = path.extension().and_then(|x| x.to_str()).map(str::to_ascii_lowercase);
        if matches!(ext.as_deref(), Some("csv" | "xlsx")) {
            files.push((name, path));
        }
    }
    files.sort();
    let mut problems = Vec::new();
    let mut sheets: Vec<(&'static str, Sheet)> = Vec::new();
    for (name, path) in &files {
        let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some(table) = TABLES.iter().find(|t| t.name == stem) else {
            problems.push(Problem {
                file: name.clone(),
                row: None,
                column: None,
                expected: format!(
                    "a table file named after one of: {}",
                    TABLES.iter().map(|t| t.name).collect::<Vec<_>>().join(", ")
                ),
                found: name.clone(),
            });
            continue;
        };
        if sheets.iter().any(|(t, _)| *t == table.name) {
            problems.push(Problem {
                file: name.clone(),
                row: None,
                column: None,
                expected: format!("one file for table {}", table.name),
                found: "both a CSV and an XLSX file".into(),
            });
            continue;
        }
        let sheet = if name.to_ascii_lowercase().ends_with(".xlsx") {
            Sheet::from_xlsx(path, name)
        } else {
            Sheet::from_csv(path, name)
        };
        match sheet {
            Ok(s) => sheets.push((table.name, s)),
            Err(Error::Invalid(p)) => problems.extend(p),
            Err(e) => return Err(e),
        }
    }
    if sheets.is_empty() && problems.is_empty() {
        return Err(Error::Invalid(vec![Problem {
            file: dir.display().to_string(),
            row: None,
            column: None,
            expected: "a directory with Kinerja table files (wilayah.csv, indikator.csv, …)".into(),
            found: "no .csv or .xlsx files".into(),
        }]));
    }
    read_sheets(&sheets, problems)
}

/// Reads already-loaded sheets (`(table name, sheet)`), then validates.
pub fn read_sheets(sheets: &[(&str, Sheet)], mut problems: Vec<Problem>) -> Result<Dataset> {
    let located = tables::parse_all(sheets, &mut problems);
    validate::check(&located, &mut problems);
    problems.sort_by(|a, b| (&a.file, a.row).cmp(&(&b.file, b.row)));
    if problems.is_empty() { Ok(located.into_dataset()) } else { Err(Error::Invalid(problems)) }
}

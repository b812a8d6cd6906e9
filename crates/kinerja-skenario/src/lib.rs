//! # kinerja-skenario
//!
//! Named planning scenarios: what a planner changed in the browser (future
//! targets, hypothetical realisasi, NRR, AKIP komponen, realisasi anggaran),
//! as a versioned file shared by the web app (saved in the browser,
//! exported, imported) and the CLI (`kinerja plan import`).
//!
//! ## Format (`versi` 1)
//!
//! ```json
//! {"format": "kinerja-skenario", "versi": 1, "skenario": [
//!   {"nama": "optimis", "dibuat": "2026-11-28T01:02:03Z", "kode_kabupaten": "12.19", "catatan": "",
//!    "nilai": [{"kode_unit": "12.19.07", "indikator_id": "ikm", "tahun": 2025, "jenis": "target", "nilai": "87.50"}],
//!    "nrr": [], "akip": [], "anggaran": []}]}
//! ```
//!
//! Decimals are strings (never floats). CSV carries the `nilai` rows of one
//! scenario: `kode_unit,indikator_id,tahun,jenis,nilai`.
//!
//! ## Decisions
//!
//! * **Located errors.** A bad file reports where: JSON line and column, or
//!   the path inside the document (`skenario[0].nilai[3].nilai`), or CSV
//!   row and column, with what was expected and found. serde_json reads
//!   the text; each field is then taken from its value on its own
//!   (`read.rs`), so every bad field of every row is reported, not only
//!   the first a derived deserializer would stop at, in the catalogue's
//!   words. (A derived reader with `serde_path_to_error` was tried: it
//!   reports one problem per row and makes the planner larger.)
//! * **Keep what can be kept.** [`read_storage`] reads each scenario on its
//!   own: one broken scenario does not lose the others, and the caller is
//!   told what was skipped so the original can be backed up.
//! * **Versions.** A document without `versi` (written before versioning)
//!   is read as version 0, whose shape is version 1's; a newer version is
//!   refused rather than misread.

use std::fmt;

use kinerja_core::Decimal;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_pesan::{Arg, Message, Pesan, msg};
use serde::{Deserialize, Serialize};

mod read;

use read::{header, skenario};

/// The `format` marker.
pub const FORMAT: &str = "kinerja-skenario";
/// The version this build writes.
pub const VERSI: u32 = 1;

/// Which value of an indicator a scenario sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Jenis {
    /// A (future) target.
    Target,
    /// A hypothetical realisasi.
    Realisasi,
}

/// An indicator value set by the scenario.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Nilai {
    pub kode_unit: String,
    pub indikator_id: String,
    pub tahun: i32,
    pub jenis: Jenis,
    pub nilai: Decimal,
}

/// An NRR set for one unsur.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Nrr {
    pub kode_unit: String,
    pub tahun: i32,
    pub unsur_id: String,
    pub nrr: Decimal,
}

/// An AKIP komponen score.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Akip {
    pub kode_unit: String,
    pub tahun: i32,
    pub komponen_id: String,
    pub nilai: Decimal,
}

/// A program's realisasi anggaran.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anggaran {
    pub kode_unit: String,
    pub tahun: i32,
    pub kode_program: String,
    pub realisasi: Decimal,
}

/// One named scenario.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skenario {
    pub nama: String,
    #[serde(default)]
    pub dibuat: String,
    #[serde(default)]
    pub kode_kabupaten: String,
    #[serde(default)]
    pub catatan: String,
    #[serde(default)]
    pub nilai: Vec<Nilai>,
    #[serde(default)]
    pub nrr: Vec<Nrr>,
    #[serde(default)]
    pub akip: Vec<Akip>,
    #[serde(default)]
    pub anggaran: Vec<Anggaran>,
}

/// A scenario file or the browser's storage.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioFile {
    pub format: String,
    pub versi: u32,
    pub skenario: Vec<Skenario>,
}

impl Default for ScenarioFile {
    fn default() -> Self {
        ScenarioFile { format: FORMAT.into(), versi: VERSI, skenario: vec![] }
    }
}

/// Where in the input a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// JSON text position.
    #[allow(missing_docs)]
    Text { line: usize, column: usize },
    /// Path inside the JSON document.
    Path(String),
    /// CSV row (header = 1) and column.
    #[allow(missing_docs)]
    Csv { row: usize, column: String },
    /// The document as a whole.
    Document,
}

impl Location {
    fn pesan(&self) -> Pesan {
        match self {
            Location::Text { line, column } => msg::skenario_location_text(*line, *column),
            Location::Path(p) => msg::teks(p),
            Location::Csv { row, column } => msg::skenario_location_csv(*row, column),
            Location::Document => msg::skenario_location_document(),
        }
    }
}

/// A located problem in a scenario file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub location: Location,
    /// What would have been accepted.
    pub expected: Pesan,
    /// What was found.
    pub found: Arg,
}

impl Message for Problem {
    fn pesan(&self) -> Pesan {
        msg::skenario_problem(self.location.pesan(), self.expected.clone(), self.found.clone())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.pesan().fmt(f)
    }
}

/// Errors reading scenarios.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not a scenario file; every problem found, one per line.
    #[error("{}", self.pesan())]
    Invalid(Vec<Problem>),
    /// Written by a newer Kinerja.
    #[error("{}", self.pesan())]
    Newer {
        /// The version in the file.
        found: u32,
    },
}

impl Message for Error {
    fn pesan(&self) -> Pesan {
        match self {
            Error::Invalid(p) => msg::teks(Arg::Daftar(p.iter().map(Message::pesan).collect(), "\n")),
            Error::Newer { found } => msg::skenario_newer(*found, VERSI),
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn problem(location: Location, expected: Pesan, found: impl Into<Arg>) -> Error {
    Error::Invalid(vec![Problem { location, expected, found: found.into() }])
}

/// Reads a scenario file strictly: any problem rejects it, all reported.
///
/// ```
/// let b = kinerja_skenario::from_json(r#"{"format":"kinerja-skenario","versi":1,"skenario":[
///   {"nama":"a","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"87.50"}]}]}"#)?;
/// assert_eq!(b.skenario[0].nilai[0].nilai.to_string(), "87.50");
/// # Ok::<(), kinerja_skenario::Error>(())
/// ```
pub fn from_json(text: &str) -> Result<ScenarioFile> {
    let (list, _) = header(text)?;
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for (i, s) in list.iter().enumerate() {
        match skenario(s, &format!("skenario[{i}]")) {
            Ok(s) => all.push(s),
            Err(Error::Invalid(p)) => problems.extend(p),
            Err(e) => return Err(e),
        }
    }
    for (i, s) in all.iter().enumerate() {
        if all[..i].iter().any(|o| o.nama == s.nama) {
            problems.push(duplicate(i, &s.nama));
        }
    }
    if problems.is_empty() {
        Ok(ScenarioFile { skenario: all, ..ScenarioFile::default() })
    } else {
        Err(Error::Invalid(problems))
    }
}

fn duplicate(i: usize, nama: &str) -> Problem {
    let location = Location::Path(format!("skenario[{i}].nama"));
    Problem { location, expected: msg::skenario_expected_unique_name(), found: nama.into() }
}

/// What was recovered from the browser's storage.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// Scenarios read.
    pub file: ScenarioFile,
    /// Problems of the scenarios that could not be read (they were skipped).
    pub skipped: Vec<Problem>,
    /// The version found (0 = written before versioning).
    pub from_version: u32,
}

/// Reads the browser's storage leniently: every readable scenario is kept,
/// unreadable ones are reported (so the caller can keep a backup of the
/// original text). A corrupt or newer document is an error.
pub fn read_storage(text: &str) -> Result<Restored> {
    let (list, versi) = header(text)?;
    let mut all: Vec<Skenario> = Vec::new();
    let mut skipped = Vec::new();
    for (i, s) in list.iter().enumerate() {
        match skenario(s, &format!("skenario[{i}]")) {
            Ok(s) if all.iter().any(|o| o.nama == s.nama) => skipped.push(duplicate(i, &s.nama)),
            Ok(s) => all.push(s),
            Err(Error::Invalid(p)) => skipped.extend(p),
            Err(e) => return Err(e),
        }
    }
    Ok(Restored { file: ScenarioFile { skenario: all, ..ScenarioFile::default() }, skipped, from_version: versi })
}

/// Writes scenarios as JSON (the current version).
pub fn to_json(b: &ScenarioFile) -> String {
    let b = ScenarioFile { format: FORMAT.into(), versi: VERSI, skenario: b.skenario.clone() };
    serde_json::to_string_pretty(&b).unwrap_or_default()
}

/// CSV of a scenario's indicator values.
pub fn to_csv(s: &Skenario) -> String {
    let mut out = String::from("kode_unit,indikator_id,tahun,jenis,nilai\n");
    for n in &s.nilai {
        let jenis = match n.jenis {
            Jenis::Target => "target",
            Jenis::Realisasi => "realisasi",
        };
        out.push_str(&format!("{},{},{},{jenis},{}\n", n.kode_unit, n.indikator_id, n.tahun, n.nilai));
    }
    out
}

const CSV_COLUMNS: [&str; 5] = ["kode_unit", "indikator_id", "tahun", "jenis", "nilai"];

/// Reads a CSV of indicator values into a scenario named `nama`.
pub fn from_csv(text: &str, nama: &str) -> Result<Skenario> {
    let mut lines = text.lines().enumerate();
    let head = lines.next().map(|(_, l)| l.trim_start_matches('\u{feff}').trim().to_string()).unwrap_or_default();
    if head.split(',').map(str::trim).collect::<Vec<_>>() != CSV_COLUMNS {
        let expected = msg::skenario_expected_header(CSV_COLUMNS.join(","));
        return Err(problem(Location::Csv { row: 1, column: "header".into() }, expected, head));
    }
    let mut s = Skenario {
        nama: nama.into(),
        dibuat: String::new(),
        kode_kabupaten: String::new(),
        catatan: String::new(),
        nilai: vec![],
        nrr: vec![],
        akip: vec![],
        anggaran: vec![],
    };
    let mut p = Vec::new();
    for (i, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        s.nilai.extend(csv_row(i + 1, line, &mut p));
    }
    if p.is_empty() { Ok(s) } else { Err(Error::Invalid(p)) }
}

/// One CSV row of indicator values, every bad field reported.
fn csv_row(row: usize, line: &str, p: &mut Vec<Problem>) -> Option<Nilai> {
    let f: Vec<&str> = line.split(',').map(str::trim).collect();
    let at = |k: &str| Location::Csv { row, column: k.into() };
    if f.len() != CSV_COLUMNS.len() {
        let (expected, found) = (msg::skenario_expected_fields(CSV_COLUMNS.len()), msg::skenario_found_fields(f.len()));
        p.push(Problem { location: at("*"), expected, found: found.into() });
        return None;
    }
    let tahun = f[2].parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
    if tahun.is_none() {
        p.push(Problem { location: at("tahun"), expected: msg::skenario_expected_year(), found: f[2].into() });
    }
    let jenis = match f[3] {
        "target" => Some(Jenis::Target),
        "realisasi" => Some(Jenis::Realisasi),
        other => {
            p.push(Problem { location: at("jenis"), expected: msg::skenario_expected_jenis(), found: other.into() });
            None
        }
    };
    let nilai = parse_number(f[4], Notasi::Otomatis)
        .map_err(|e| {
            p.push(Problem {
                location: at("nilai"),
                expected: msg::skenario_expected_number(e.pesan()),
                found: f[4].into(),
            })
        })
        .ok();
    for (k, v) in [("kode_unit", f[0]), ("indikator_id", f[1])] {
        if v.is_empty() {
            p.push(Problem { location: at(k), expected: msg::skenario_expected_value(), found: "".into() });
        }
    }
    if f[0].is_empty() || f[1].is_empty() {
        return None;
    }
    Some(Nilai { kode_unit: f[0].into(), indikator_id: f[1].into(), tahun: tahun?, jenis: jenis?, nilai: nilai? })
}

#[cfg(test)]
mod tests;

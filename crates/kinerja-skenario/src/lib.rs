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
//!   row and column, with what was expected and found.
//! * **Keep what can be kept.** [`read_storage`] reads each scenario on its
//!   own: one broken scenario does not lose the others, and the caller is
//!   told what was skipped so the original can be backed up.
//! * **Versions.** A document without `versi` (written before versioning)
//!   is read as version 0, whose shape is version 1's; a newer version is
//!   refused rather than misread.

use std::fmt;

use kinerja_core::Decimal;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_core::skm::Skor;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Text { line, column } => write!(f, "line {line}, column {column}"),
            Location::Path(p) => f.write_str(p),
            Location::Csv { row, column } => write!(f, "row {row}, column {column}"),
            Location::Document => f.write_str("document"),
        }
    }
}

/// A located problem in a scenario file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: expected {expected}, found {found}")]
pub struct Problem {
    /// Where.
    pub location: Location,
    /// What would have been accepted.
    pub expected: String,
    /// What was found.
    pub found: String,
}

/// Errors reading scenarios.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input is not a scenario file; every problem found, one per line.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    /// Written by a newer Kinerja.
    #[error("scenario format version {found} is newer than this Kinerja supports ({VERSI})")]
    Newer {
        /// The version in the file.
        found: u32,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn problem(location: Location, expected: impl Into<String>, found: impl Into<String>) -> Error {
    Error::Invalid(vec![Problem { location, expected: expected.into(), found: found.into() }])
}

/// What a JSON value is, briefly, for messages (without serialising it).
fn short(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.chars().count() > 40 => format!("\"{}…\"", s.chars().take(40).collect::<String>()),
        Value::String(s) => format!("\"{s}\""),
        Value::Array(a) => format!("a list of {}", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

fn get<'a>(v: &'a Value, key: &str, path: &str, problems: &mut Vec<Problem>, expected: &str) -> Option<&'a Value> {
    let x = v.get(key);
    if x.is_none() {
        problems.push(Problem {
            location: Location::Path(format!("{path}.{key}")),
            expected: expected.into(),
            found: "nothing".into(),
        });
    }
    x
}

fn text(v: &Value, key: &str, path: &str, p: &mut Vec<Problem>) -> Option<String> {
    match get(v, key, path, p, "a text")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        other => {
            p.push(Problem {
                location: Location::Path(format!("{path}.{key}")),
                expected: "a non-empty text".into(),
                found: short(other),
            });
            None
        }
    }
}

fn year(v: &Value, path: &str, p: &mut Vec<Problem>) -> Option<i32> {
    match get(v, "tahun", path, p, "a year")? {
        Value::Number(n) if n.as_i64().is_some_and(|y| (1900..=2200).contains(&y)) => {
            n.as_i64().and_then(|y| i32::try_from(y).ok())
        }
        other => {
            p.push(Problem {
                location: Location::Path(format!("{path}.tahun")),
                expected: "a year such as 2025".into(),
                found: short(other),
            });
            None
        }
    }
}

fn decimal(v: &Value, key: &str, path: &str, p: &mut Vec<Problem>) -> Option<Decimal> {
    let loc = Location::Path(format!("{path}.{key}"));
    match get(v, key, path, p, "a decimal as a string")? {
        Value::String(s) => match parse_number(s, Notasi::Otomatis) {
            Ok(d) => Some(d),
            Err(e) => {
                p.push(Problem {
                    location: loc,
                    expected: format!("a decimal such as \"87.50\" ({e})"),
                    found: s.clone(),
                });
                None
            }
        },
        other => {
            p.push(Problem {
                location: loc,
                expected: "a decimal written as a string, e.g. \"87.50\" (numbers are not accepted: they may be read as floats)".into(),
                found: short(other),
            });
            None
        }
    }
}

fn list<'a>(v: &'a Value, key: &str, path: &str, p: &mut Vec<Problem>) -> &'a [Value] {
    match v.get(key) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(a)) => a,
        Some(other) => {
            p.push(Problem {
                location: Location::Path(format!("{path}.{key}")),
                expected: "a list".into(),
                found: short(other),
            });
            &[]
        }
    }
}

/// Reads one scenario object, reporting every problem with its path.
fn skenario(v: &Value, path: &str) -> Result<Skenario> {
    let mut p = Vec::new();
    if !v.is_object() {
        return Err(problem(Location::Path(path.into()), "a scenario object", short(v)));
    }
    let nama = text(v, "nama", path, &mut p);
    let opt_text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let mut s = Skenario {
        nama: nama.clone().unwrap_or_default(),
        dibuat: opt_text("dibuat"),
        kode_kabupaten: opt_text("kode_kabupaten"),
        catatan: opt_text("catatan"),
        nilai: vec![],
        nrr: vec![],
        akip: vec![],
        anggaran: vec![],
    };
    for (i, x) in list(v, "nilai", path, &mut p).iter().enumerate() {
        let q = format!("{path}.nilai[{i}]");
        let jenis = match x.get("jenis").and_then(Value::as_str) {
            Some("target") => Some(Jenis::Target),
            Some("realisasi") => Some(Jenis::Realisasi),
            other => {
                p.push(Problem {
                    location: Location::Path(format!("{q}.jenis")),
                    expected: "\"target\" or \"realisasi\"".into(),
                    found: other.map_or("nothing".into(), |o| format!("{o:?}")),
                });
                None
            }
        };
        let (u, ind, t, n) = (
            text(x, "kode_unit", &q, &mut p),
            text(x, "indikator_id", &q, &mut p),
            year(x, &q, &mut p),
            decimal(x, "nilai", &q, &mut p),
        );
        if let (Some(kode_unit), Some(indikator_id), Some(tahun), Some(jenis), Some(nilai)) = (u, ind, t, jenis, n) {
            s.nilai.push(Nilai { kode_unit, indikator_id, tahun, jenis, nilai });
        }
    }
    for (i, x) in list(v, "nrr", path, &mut p).iter().enumerate() {
        let q = format!("{path}.nrr[{i}]");
        let (u, t, id, n) = (
            text(x, "kode_unit", &q, &mut p),
            year(x, &q, &mut p),
            text(x, "unsur_id", &q, &mut p),
            nrr(x, &q, &mut p),
        );
        if let (Some(kode_unit), Some(tahun), Some(unsur_id), Some(nrr)) = (u, t, id, n) {
            s.nrr.push(Nrr { kode_unit, tahun, unsur_id, nrr });
        }
    }
    for (i, x) in list(v, "akip", path, &mut p).iter().enumerate() {
        let q = format!("{path}.akip[{i}]");
        let (u, t, id, n) = (
            text(x, "kode_unit", &q, &mut p),
            year(x, &q, &mut p),
            text(x, "komponen_id", &q, &mut p),
            decimal(x, "nilai", &q, &mut p),
        );
        if let (Some(kode_unit), Some(tahun), Some(komponen_id), Some(nilai)) = (u, t, id, n) {
            s.akip.push(Akip { kode_unit, tahun, komponen_id, nilai });
        }
    }
    for (i, x) in list(v, "anggaran", path, &mut p).iter().enumerate() {
        let q = format!("{path}.anggaran[{i}]");
        let (u, t, k, n) = (
            text(x, "kode_unit", &q, &mut p),
            year(x, &q, &mut p),
            text(x, "kode_program", &q, &mut p),
            decimal(x, "realisasi", &q, &mut p),
        );
        if let (Some(kode_unit), Some(tahun), Some(kode_program), Some(realisasi)) = (u, t, k, n) {
            s.anggaran.push(Anggaran { kode_unit, tahun, kode_program, realisasi });
        }
    }
    if p.is_empty() { Ok(s) } else { Err(Error::Invalid(p)) }
}

/// An NRR: a number from the lowest to the highest skor (PermenPANRB
/// 14/2017, [`Skor`]).
fn nrr(x: &Value, path: &str, p: &mut Vec<Problem>) -> Option<Decimal> {
    let v = decimal(x, "nrr", path, p)?;
    let (lo, hi) = (Decimal::from(Skor::MIN), Decimal::from(Skor::MAX));
    if v < lo || v > hi {
        p.push(Problem {
            location: Location::Path(format!("{path}.nrr")),
            expected: format!("an NRR from {lo} to {hi}"),
            found: v.to_string(),
        });
        return None;
    }
    Some(v)
}

fn header(text: &str) -> Result<(Value, u32)> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        problem(Location::Text { line: e.line(), column: e.column() }, "a JSON scenario file", e.to_string())
    })?;
    if !v.is_object() {
        return Err(problem(Location::Document, "a JSON object with \"skenario\"", short(&v)));
    }
    if let Some(f) = v.get("format").filter(|f| f.as_str() != Some(FORMAT)) {
        return Err(problem(Location::Path("format".into()), format!("{FORMAT:?}"), short(f)));
    }
    let versi = match v.get("versi") {
        None => 0,
        Some(x) => match x.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => n,
            None => return Err(problem(Location::Path("versi".into()), "a version number", short(x))),
        },
    };
    if versi > VERSI {
        return Err(Error::Newer { found: versi });
    }
    if !matches!(v.get("skenario"), Some(Value::Array(_))) {
        return Err(problem(
            Location::Path("skenario".into()),
            "a list of scenarios",
            v.get("skenario").map_or("nothing".into(), short),
        ));
    }
    Ok((v, versi))
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
    let (v, _) = header(text)?;
    let mut all = Vec::new();
    let mut problems = Vec::new();
    for (i, s) in v["skenario"].as_array().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
        match skenario(s, &format!("skenario[{i}]")) {
            Ok(s) => all.push(s),
            Err(Error::Invalid(p)) => problems.extend(p),
            Err(e) => return Err(e),
        }
    }
    check_names(&all, &mut problems);
    if problems.is_empty() {
        Ok(ScenarioFile { skenario: all, ..ScenarioFile::default() })
    } else {
        Err(Error::Invalid(problems))
    }
}

fn check_names(all: &[Skenario], problems: &mut Vec<Problem>) {
    for (i, s) in all.iter().enumerate() {
        if all[..i].iter().any(|o| o.nama == s.nama) {
            problems.push(Problem {
                location: Location::Path(format!("skenario[{i}].nama")),
                expected: "a name not used by another scenario".into(),
                found: s.nama.clone(),
            });
        }
    }
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
    let (v, versi) = header(text)?;
    let mut all = Vec::new();
    let mut skipped = Vec::new();
    for (i, s) in v["skenario"].as_array().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
        match skenario(s, &format!("skenario[{i}]")) {
            Ok(s) if all.iter().any(|o: &Skenario| o.nama == s.nama) => skipped.push(Problem {
                location: Location::Path(format!("skenario[{i}].nama")),
                expected: "a name not used by another scenario".into(),
                found: s.nama,
            }),
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

/// Reads a CSV of indicator values into a scenario named `nama`.
pub fn from_csv(text: &str, nama: &str) -> Result<Skenario> {
    let mut lines = text.lines().enumerate();
    let cols = ["kode_unit", "indikator_id", "tahun", "jenis", "nilai"];
    let head = lines.next().map(|(_, l)| l.trim_start_matches('\u{feff}').trim().to_string()).unwrap_or_default();
    if head.split(',').map(str::trim).collect::<Vec<_>>() != cols {
        return Err(problem(Location::Csv { row: 1, column: "header".into() }, cols.join(","), head));
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
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let row = i + 1;
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        if f.len() != cols.len() {
            p.push(Problem {
                location: Location::Csv { row, column: "*".into() },
                expected: format!("{} fields", cols.len()),
                found: format!("{} fields", f.len()),
            });
            continue;
        }
        let at = |k: &str| Location::Csv { row, column: k.into() };
        let tahun = f[2].parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
        if tahun.is_none() {
            p.push(Problem { location: at("tahun"), expected: "a year such as 2025".into(), found: f[2].into() });
        }
        let jenis = match f[3] {
            "target" => Some(Jenis::Target),
            "realisasi" => Some(Jenis::Realisasi),
            other => {
                p.push(Problem { location: at("jenis"), expected: "target or realisasi".into(), found: other.into() });
                None
            }
        };
        let nilai = match parse_number(f[4], Notasi::Otomatis) {
            Ok(d) => Some(d),
            Err(e) => {
                p.push(Problem { location: at("nilai"), expected: format!("a number ({e})"), found: f[4].into() });
                None
            }
        };
        for (k, v) in [("kode_unit", f[0]), ("indikator_id", f[1])] {
            if v.is_empty() {
                p.push(Problem { location: at(k), expected: "a value".into(), found: String::new() });
            }
        }
        if let (Some(tahun), Some(jenis), Some(nilai), false, false) =
            (tahun, jenis, nilai, f[0].is_empty(), f[1].is_empty())
        {
            s.nilai.push(Nilai { kode_unit: f[0].into(), indikator_id: f[1].into(), tahun, jenis, nilai });
        }
    }
    if p.is_empty() { Ok(s) } else { Err(Error::Invalid(p)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"format":"kinerja-skenario","versi":1,"skenario":[
        {"nama":"optimis","dibuat":"2026-11-28T00:00:00Z","kode_kabupaten":"12.19",
         "nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"87.50"}],
         "nrr":[{"kode_unit":"12.19.07","tahun":2024,"unsur_id":"pengaduan","nrr":"3,10"}]}]}"#;

    fn check(input: &str, expect: &str) {
        let got = match from_json(input) {
            Ok(b) => format!("ok {}", b.skenario.len()),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn round_trip() {
        let b = from_json(GOOD).unwrap();
        assert_eq!(b.skenario[0].nrr[0].nrr.to_string(), "3.10");
        assert_eq!(from_json(&to_json(&b)).unwrap(), b);
        let csv = to_csv(&b.skenario[0]);
        assert_eq!(csv, "kode_unit,indikator_id,tahun,jenis,nilai\n12.19.07,ikm,2025,target,87.50\n");
        assert_eq!(from_csv(&csv, "optimis").unwrap().nilai, b.skenario[0].nilai);
    }

    #[test]
    fn located_errors() {
        check(
            "{\"skenario\": [",
            "line 1, column 14: expected a JSON scenario file, found EOF while parsing a list at line 1 column 14",
        );
        check(r#"{"format":"x","skenario":[]}"#, "format: expected \"kinerja-skenario\", found \"x\"");
        check(r#"{"versi":9,"skenario":[]}"#, "scenario format version 9 is newer than this Kinerja supports (1)");
        check(
            r#"{"versi":1,"skenario":[{"nama":"a","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":87.5}]}]}"#,
            "skenario[0].nilai[0].nilai: expected a decimal written as a string, e.g. \"87.50\" (numbers are not accepted: they may be read as floats), found 87.5",
        );
        check(
            r#"{"versi":1,"skenario":[{"nama":"a","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":"2025","jenis":"rencana","nilai":"1.234"}]}]}"#,
            "skenario[0].nilai[0].jenis: expected \"target\" or \"realisasi\", found \"rencana\"\nskenario[0].nilai[0].tahun: expected a year such as 2025, found \"2025\"\nskenario[0].nilai[0].nilai: expected a decimal such as \"87.50\" (ambiguous number \"1.234\": 1234 in Indonesian notation, 1.234 in plain notation; write 1.234,0 or 1234 to say which), found 1.234",
        );
        check(
            r#"{"versi":1,"skenario":[{"nama":"a"},{"nama":"a"}]}"#,
            "skenario[1].nama: expected a name not used by another scenario, found a",
        );
    }

    #[test]
    fn storage_keeps_what_it_can() {
        let mixed = r#"{"format":"kinerja-skenario","versi":1,"skenario":[{"nama":"baik"},{"nama":""},{"nama":"juga","nilai":[{"jenis":"target"}]}]}"#;
        let d = read_storage(mixed).unwrap();
        assert_eq!(d.file.skenario.iter().map(|s| s.nama.as_str()).collect::<Vec<_>>(), ["baik"]);
        assert!(d.skipped.iter().any(|m| m.location == Location::Path("skenario[1].nama".into())));
        assert!(d.skipped.iter().any(|m| m.location == Location::Path("skenario[2].nilai[0].kode_unit".into())));
        // Written before versioning: read as version 0.
        let old = read_storage(r#"{"skenario":[{"nama":"lama"}]}"#).unwrap();
        assert_eq!((old.from_version, old.file.skenario.len()), (0, 1));
        assert!(matches!(read_storage("not json"), Err(Error::Invalid(_))));
        assert!(matches!(read_storage(r#"{"versi":2,"skenario":[]}"#), Err(Error::Newer { found: 2 })));
    }

    #[test]
    fn csv_errors_are_located() {
        let e = from_csv(
            "kode_unit,indikator_id,tahun,jenis,nilai\n12.19.07,ikm,20x5,target,87.5\n12.19.07,ikm,2025,target\n",
            "x",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "row 2, column tahun: expected a year such as 2025, found 20x5\nrow 3, column *: expected 5 fields, found 4 fields"
        );
        assert!(from_csv("a,b\n", "x").is_err());
    }
}

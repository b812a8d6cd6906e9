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
//!   row and column, with what was expected and found. Each scenario and
//!   each of its rows is read by serde on its own (paths by
//!   `serde_path_to_error`), so every bad row is reported, not only the
//!   first; what a field expects is said in the catalogue's words.
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
use kinerja_pesan::{Arg, Message, Pesan, msg};
use serde::de::DeserializeOwned;
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

/// What a JSON value is, briefly, for messages (without serialising it).
fn short(v: Option<&Value>) -> Arg {
    match v {
        None => msg::skenario_found_nothing().into(),
        Some(Value::Null) => "null".into(),
        Some(Value::Bool(b)) => b.to_string().into(),
        Some(Value::Number(n)) => n.to_string().into(),
        Some(Value::String(s)) if s.chars().count() > 40 => {
            format!("\"{}…\"", s.chars().take(40).collect::<String>()).into()
        }
        Some(Value::String(s)) => format!("\"{s}\"").into(),
        Some(Value::Array(a)) => msg::skenario_found_list(a.len()).into(),
        Some(Value::Object(_)) => msg::skenario_found_object().into(),
    }
}

fn at(path: &str, field: &str) -> Location {
    Location::Path(if field.is_empty() || field == "." { path.to_string() } else { format!("{path}.{field}") })
}

/// Reads `v` as `T` with serde; a value of the wrong kind is a problem at
/// its field, with what that field expects (`expected`).
fn read<T: DeserializeOwned>(v: &Value, path: &str, expected: fn(&str) -> Pesan, p: &mut Vec<Problem>) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(v) {
        Ok(t) => Some(t),
        Err(e) => {
            let field = e.path().iter().next().map(ToString::to_string).unwrap_or_default();
            let raw = if field.is_empty() { Some(v) } else { v.get(&field) };
            p.push(Problem { location: at(path, &field), expected: expected(&field), found: short(raw) });
            None
        }
    }
}

/// What a field of a scenario expects.
fn scenario_field(field: &str) -> Pesan {
    match field {
        "nilai" | "nrr" | "akip" | "anggaran" => msg::skenario_expected_list(),
        "nama" | "dibuat" | "kode_kabupaten" | "catatan" => msg::skenario_expected_text(),
        _ => msg::skenario_expected_scenario(),
    }
}

/// What a field of a row expects.
fn row_field(field: &str) -> Pesan {
    match field {
        "tahun" => msg::skenario_expected_year(),
        "jenis" => msg::skenario_expected_jenis_json(),
        "kode_unit" | "indikator_id" | "unsur_id" | "komponen_id" | "kode_program" => msg::skenario_expected_text(),
        _ => msg::skenario_expected_row(),
    }
}

/// A scenario as read by serde, before its rows.
#[derive(Deserialize)]
struct RawSkenario {
    nama: Option<Field<String>>,
    #[serde(default)]
    dibuat: Option<String>,
    #[serde(default)]
    kode_kabupaten: Option<String>,
    #[serde(default)]
    catatan: Option<String>,
    #[serde(default)]
    nilai: Option<Vec<Value>>,
    #[serde(default)]
    nrr: Option<Vec<Value>>,
    #[serde(default)]
    akip: Option<Vec<Value>>,
    #[serde(default)]
    anggaran: Option<Vec<Value>>,
}

/// A field read as `T`, or the value found when it is of another kind:
/// every bad field of a row is reported, not only the first serde meets.
enum Field<T> {
    Good(T),
    Bad(Value),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Field<T>, D::Error> {
        let v = Value::deserialize(d)?;
        Ok(match T::deserialize(&v) {
            Ok(t) => Field::Good(t),
            Err(_) => Field::Bad(v),
        })
    }
}

/// One row of any list, every field optional: a missing or bad one is
/// reported by name.
#[derive(Deserialize, Default)]
struct RawRow {
    kode_unit: Option<Field<String>>,
    indikator_id: Option<Field<String>>,
    unsur_id: Option<Field<String>>,
    komponen_id: Option<Field<String>>,
    kode_program: Option<Field<String>>,
    tahun: Option<Field<i64>>,
    jenis: Option<Field<Jenis>>,
    nilai: Option<Value>,
    nrr: Option<Value>,
    realisasi: Option<Value>,
}

/// The checks of one row's fields, each problem at its path.
struct Fields<'a> {
    row: &'a Value,
    path: &'a str,
    p: &'a mut Vec<Problem>,
}

impl Fields<'_> {
    fn missing(&mut self, field: &str, expected: Pesan) {
        self.p.push(Problem { location: at(self.path, field), expected, found: short(None) });
    }

    /// The field as read, or a problem at it.
    fn good<T>(&mut self, field: &str, v: Option<Field<T>>, expected: fn() -> Pesan) -> Option<T> {
        match v {
            Some(Field::Good(t)) => Some(t),
            Some(Field::Bad(found)) => {
                self.p.push(Problem {
                    location: at(self.path, field),
                    expected: expected(),
                    found: short(Some(&found)),
                });
                None
            }
            None => {
                self.missing(field, expected());
                None
            }
        }
    }

    fn text(&mut self, field: &str, v: Option<Field<String>>) -> Option<String> {
        match self.good(field, v, msg::skenario_expected_text)? {
            s if !s.trim().is_empty() => Some(s),
            _ => {
                let found = short(self.row.get(field));
                self.p.push(Problem { location: at(self.path, field), expected: msg::skenario_expected_text(), found });
                None
            }
        }
    }

    fn year(&mut self, v: Option<Field<i64>>) -> Option<i32> {
        let y = self.good("tahun", v, msg::skenario_expected_year)?;
        match Some(y).filter(|y| (1900..=2200).contains(y)).and_then(|y| i32::try_from(y).ok()) {
            Some(y) => Some(y),
            None => {
                let found = short(self.row.get("tahun"));
                self.p.push(Problem {
                    location: at(self.path, "tahun"),
                    expected: msg::skenario_expected_year(),
                    found,
                });
                None
            }
        }
    }

    /// A decimal written as a string (numbers could be read as floats).
    fn decimal(&mut self, field: &str, v: Option<Value>) -> Option<Decimal> {
        let (expected, found) = match v {
            Some(Value::String(s)) => match parse_number(&s, Notasi::Otomatis) {
                Ok(d) => return Some(d),
                Err(e) => (msg::skenario_expected_decimal(e.pesan()), Arg::Text(s)),
            },
            None => (msg::skenario_expected_decimal_text(), short(None)),
            Some(other) => (msg::skenario_expected_decimal_text(), short(Some(&other))),
        };
        self.p.push(Problem { location: at(self.path, field), expected, found });
        None
    }

    fn jenis(&mut self, v: Option<Field<Jenis>>) -> Option<Jenis> {
        self.good("jenis", v, msg::skenario_expected_jenis_json)
    }
}

/// Reads the rows of one list of a scenario, each on its own.
fn rows<T>(
    list: Option<Vec<Value>>,
    path: &str,
    p: &mut Vec<Problem>,
    f: impl Fn(RawRow, &mut Fields<'_>) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (i, row) in list.unwrap_or_default().iter().enumerate() {
        let q = format!("{path}[{i}]");
        let Some(raw) = read::<RawRow>(row, &q, row_field, p) else { continue };
        let mut fields = Fields { row, path: &q, p };
        out.extend(f(raw, &mut fields));
    }
    out
}

/// An NRR: a number from the lowest to the highest skor (PermenPANRB
/// 14/2017, [`Skor`]).
fn nrr(f: &mut Fields<'_>, v: Option<Value>) -> Option<Decimal> {
    let v = f.decimal("nrr", v)?;
    let (lo, hi) = (Decimal::from(Skor::MIN), Decimal::from(Skor::MAX));
    if v < lo || v > hi {
        let expected = msg::skenario_expected_nrr(lo.to_string(), hi.to_string());
        f.p.push(Problem { location: at(f.path, "nrr"), expected, found: v.to_string().into() });
        return None;
    }
    Some(v)
}

/// Reads one scenario, reporting every bad row with its path.
fn skenario(v: &Value, path: &str) -> Result<Skenario> {
    let mut p = Vec::new();
    if !v.is_object() {
        return Err(problem(Location::Path(path.into()), msg::skenario_expected_scenario(), short(Some(v))));
    }
    let Some(raw) = read::<RawSkenario>(v, path, scenario_field, &mut p) else { return Err(Error::Invalid(p)) };
    let nama = Fields { row: v, path, p: &mut p }.text("nama", raw.nama);
    let nilai = rows(raw.nilai, &format!("{path}.nilai"), &mut p, |r, f| {
        let j = f.jenis(r.jenis);
        let (u, i) = (f.text("kode_unit", r.kode_unit), f.text("indikator_id", r.indikator_id));
        let (t, n) = (f.year(r.tahun), f.decimal("nilai", r.nilai));
        Some(Nilai { kode_unit: u?, indikator_id: i?, tahun: t?, jenis: j?, nilai: n? })
    });
    let nrr = rows(raw.nrr, &format!("{path}.nrr"), &mut p, |r, f| {
        let (u, t, id, n) =
            (f.text("kode_unit", r.kode_unit), f.year(r.tahun), f.text("unsur_id", r.unsur_id), nrr(f, r.nrr));
        Some(Nrr { kode_unit: u?, tahun: t?, unsur_id: id?, nrr: n? })
    });
    let akip = rows(raw.akip, &format!("{path}.akip"), &mut p, |r, f| {
        let (u, t) = (f.text("kode_unit", r.kode_unit), f.year(r.tahun));
        let (id, n) = (f.text("komponen_id", r.komponen_id), f.decimal("nilai", r.nilai));
        Some(Akip { kode_unit: u?, tahun: t?, komponen_id: id?, nilai: n? })
    });
    let anggaran = rows(raw.anggaran, &format!("{path}.anggaran"), &mut p, |r, f| {
        let (u, t) = (f.text("kode_unit", r.kode_unit), f.year(r.tahun));
        let (k, n) = (f.text("kode_program", r.kode_program), f.decimal("realisasi", r.realisasi));
        Some(Anggaran { kode_unit: u?, tahun: t?, kode_program: k?, realisasi: n? })
    });
    if !p.is_empty() {
        return Err(Error::Invalid(p));
    }
    Ok(Skenario {
        nama: nama.unwrap_or_default(),
        dibuat: raw.dibuat.unwrap_or_default(),
        kode_kabupaten: raw.kode_kabupaten.unwrap_or_default(),
        catatan: raw.catatan.unwrap_or_default(),
        nilai,
        nrr,
        akip,
        anggaran,
    })
}

/// The document's header: format, version (0 when absent: written before
/// versioning) and the list of scenarios.
fn header(text: &str) -> Result<(Vec<Value>, u32)> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        problem(Location::Text { line: e.line(), column: e.column() }, msg::skenario_expected_json(), e.to_string())
    })?;
    let Value::Object(mut doc) = v else {
        return Err(problem(Location::Document, msg::skenario_expected_document(), short(Some(&v))));
    };
    if let Some(f) = doc.get("format").filter(|f| f.as_str() != Some(FORMAT)) {
        return Err(problem(Location::Path("format".into()), msg::skenario_expected_format(FORMAT), short(Some(f))));
    }
    let versi = match doc.get("versi") {
        None => 0,
        Some(x) => match x.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => n,
            None => {
                return Err(problem(Location::Path("versi".into()), msg::skenario_expected_version(), short(Some(x))));
            }
        },
    };
    if versi > VERSI {
        return Err(Error::Newer { found: versi });
    }
    match doc.remove("skenario") {
        Some(Value::Array(list)) => Ok((list, versi)),
        other => {
            Err(problem(Location::Path("skenario".into()), msg::skenario_expected_scenarios(), short(other.as_ref())))
        }
    }
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

//! Reading the JSON form: the header, then each scenario and each of its
//! rows field by field from serde_json's value, every problem at its path.

use kinerja_core::Decimal;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_core::skm::Skor;
use kinerja_pesan::{Arg, Message, Pesan, msg};
use serde_json::{Map, Value};

use crate::{Akip, Anggaran, Error, FORMAT, Jenis, Location, Nilai, Nrr, Problem, Result, Skenario, VERSI, problem};

/// What a JSON value is, briefly, for messages (without serialising it).
pub(crate) fn short(v: Option<&Value>) -> Arg {
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

/// The fields of one object (a scenario or a row), each problem at its
/// path.
struct Fields<'a, 'p> {
    obj: &'a Map<String, Value>,
    path: &'p str,
    p: &'p mut Vec<Problem>,
}

impl<'a> Fields<'a, '_> {
    fn bad(&mut self, field: &str, expected: Pesan) {
        let found = short(self.obj.get(field));
        self.p.push(Problem { location: Location::Path(format!("{}.{field}", self.path)), expected, found });
    }

    /// Text that is not blank.
    fn text(&mut self, field: &str) -> Option<String> {
        match self.obj.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => {
                self.bad(field, msg::skenario_expected_text());
                None
            }
        }
    }

    /// Text that may be absent.
    fn optional_text(&mut self, field: &str) -> String {
        match self.obj.get(field) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(_) => {
                self.bad(field, msg::skenario_expected_text());
                String::new()
            }
        }
    }

    /// A list that may be absent.
    fn list(&mut self, field: &str) -> &'a [Value] {
        let obj: &'a Map<String, Value> = self.obj;
        match obj.get(field) {
            Some(Value::Array(a)) => a,
            None | Some(Value::Null) => &[],
            Some(_) => {
                self.bad(field, msg::skenario_expected_list());
                &[]
            }
        }
    }

    fn year(&mut self) -> Option<i32> {
        let y = self.obj.get("tahun").and_then(Value::as_i64).filter(|y| (1900..=2200).contains(y));
        let y = y.and_then(|y| i32::try_from(y).ok());
        if y.is_none() {
            self.bad("tahun", msg::skenario_expected_year());
        }
        y
    }

    fn jenis(&mut self) -> Option<Jenis> {
        let j = match self.obj.get("jenis").and_then(Value::as_str) {
            Some("target") => Some(Jenis::Target),
            Some("realisasi") => Some(Jenis::Realisasi),
            _ => None,
        };
        if j.is_none() {
            self.bad("jenis", msg::skenario_expected_jenis_json());
        }
        j
    }

    /// A decimal written as a string (numbers could be read as floats).
    fn decimal(&mut self, field: &str) -> Option<Decimal> {
        let location = Location::Path(format!("{}.{field}", self.path));
        let (expected, found) = match self.obj.get(field) {
            Some(Value::String(s)) => match parse_number(s, Notasi::Otomatis) {
                Ok(d) => return Some(d),
                Err(e) => (msg::skenario_expected_decimal(e.pesan()), Arg::Text(s.clone())),
            },
            other => (msg::skenario_expected_decimal_text(), short(other)),
        };
        self.p.push(Problem { location, expected, found });
        None
    }

    /// An NRR: a number from the lowest to the highest skor (PermenPANRB
    /// 14/2017, [`Skor`]).
    fn nrr(&mut self) -> Option<Decimal> {
        let v = self.decimal("nrr")?;
        let (lo, hi) = (Decimal::from(Skor::MIN), Decimal::from(Skor::MAX));
        if v < lo || v > hi {
            let expected = msg::skenario_expected_nrr(lo.to_string(), hi.to_string());
            let location = Location::Path(format!("{}.nrr", self.path));
            self.p.push(Problem { location, expected, found: v.to_string().into() });
            return None;
        }
        Some(v)
    }
}

/// Reads the rows of one list of a scenario, each on its own.
fn rows<T>(list: &[Value], path: &str, p: &mut Vec<Problem>, f: impl Fn(&mut Fields<'_, '_>) -> Option<T>) -> Vec<T> {
    let mut out = Vec::new();
    for (i, row) in list.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let Value::Object(obj) = row else {
            p.push(Problem {
                location: Location::Path(path),
                expected: msg::skenario_expected_row(),
                found: short(Some(row)),
            });
            continue;
        };
        out.extend(f(&mut Fields { obj, path: &path, p }));
    }
    out
}

/// Reads one scenario, reporting every bad field of every row with its
/// path.
pub(crate) fn skenario(v: &Value, path: &str) -> Result<Skenario> {
    let Value::Object(obj) = v else {
        return Err(problem(Location::Path(path.into()), msg::skenario_expected_scenario(), short(Some(v))));
    };
    let mut p = Vec::new();
    let mut f = Fields { obj, path, p: &mut p };
    let (nama, dibuat) = (f.text("nama"), f.optional_text("dibuat"));
    let (kode_kabupaten, catatan) = (f.optional_text("kode_kabupaten"), f.optional_text("catatan"));
    let (nilai, nrr, akip, anggaran) = (f.list("nilai"), f.list("nrr"), f.list("akip"), f.list("anggaran"));
    let nilai = rows(nilai, &format!("{path}.nilai"), &mut p, |f| {
        let (j, u, i) = (f.jenis(), f.text("kode_unit"), f.text("indikator_id"));
        let (t, n) = (f.year(), f.decimal("nilai"));
        Some(Nilai { kode_unit: u?, indikator_id: i?, tahun: t?, jenis: j?, nilai: n? })
    });
    let nrr = rows(nrr, &format!("{path}.nrr"), &mut p, |f| {
        let (u, t, id, n) = (f.text("kode_unit"), f.year(), f.text("unsur_id"), f.nrr());
        Some(Nrr { kode_unit: u?, tahun: t?, unsur_id: id?, nrr: n? })
    });
    let akip = rows(akip, &format!("{path}.akip"), &mut p, |f| {
        let (u, t, id, n) = (f.text("kode_unit"), f.year(), f.text("komponen_id"), f.decimal("nilai"));
        Some(Akip { kode_unit: u?, tahun: t?, komponen_id: id?, nilai: n? })
    });
    let anggaran = rows(anggaran, &format!("{path}.anggaran"), &mut p, |f| {
        let (u, t, k, n) = (f.text("kode_unit"), f.year(), f.text("kode_program"), f.decimal("realisasi"));
        Some(Anggaran { kode_unit: u?, tahun: t?, kode_program: k?, realisasi: n? })
    });
    match nama {
        Some(nama) if p.is_empty() => {
            Ok(Skenario { nama, dibuat, kode_kabupaten, catatan, nilai, nrr, akip, anggaran })
        }
        _ => Err(Error::Invalid(p)),
    }
}

/// The document's header: format, version (0 when absent: written before
/// versioning) and the list of scenarios.
pub(crate) fn header(text: &str) -> Result<(Vec<Value>, u32)> {
    if let Some((line, column)) = too_deep(text) {
        let found = msg::skenario_found_too_deep(MAX_DEPTH);
        return Err(problem(Location::Text { line, column }, msg::skenario_expected_json(), found));
    }
    let v: Value = serde_json::from_str(text).map_err(|e| {
        let found = if e.is_eof() { msg::skenario_found_eof() } else { msg::skenario_found_syntax() };
        problem(Location::Text { line: e.line(), column: e.column() }, msg::skenario_expected_json(), found)
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

/// How deep lists and objects may nest: a scenario file needs four levels;
/// serde_json refuses at 128.
const MAX_DEPTH: usize = 64;

/// Where a text's lists and objects first nest deeper than [`MAX_DEPTH`]
/// (line and column, from 1), brackets inside strings not counted.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut column) = (1, 0);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => (line, column) = (line + 1, 0),
            _ if in_string => {
                (escaped, in_string) = match (escaped, c) {
                    (true, _) => (false, true),
                    (false, '\\') => (true, true),
                    (false, '"') => (false, false),
                    _ => (false, true),
                };
            }
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((line, column));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

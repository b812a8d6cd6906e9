//! Reading a transcription: the JSON form, or the spreadsheet form (a
//! workbook or a directory of CSV files, given here as [`Lembar`]s already
//! read by the caller). Both go through the one serde model of
//! [`crate::model`]: the spreadsheet form is turned into the JSON form's
//! values first, row by row, so every problem keeps its sheet and row.

use std::collections::BTreeMap;

use kinerja_core::notation::Notasi;
use kinerja_pesan::{Pesan, msg};
use serde_json::{Map, Value};

mod relasi;

use crate::hasil::Masalah;
use crate::model::{Baris, Dokumen, Kalimat, Relasi, Tabel, Transkripsi};

/// One sheet of the spreadsheet form: a workbook's sheet or a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lembar {
    /// The sheet's name, or the CSV file's name without `.csv`.
    pub nama: String,
    /// The file the sheet is in, for messages.
    pub file: String,
    /// The header row.
    pub headers: Vec<String>,
    /// Every other row with its line number.
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Lembar {
    fn cell<'a>(&self, row: &'a [String], col: &str) -> &'a str {
        self.headers.iter().position(|h| h == col).and_then(|i| row.get(i)).map_or("", |s| s.trim())
    }
}

/// Reads the JSON form (`file` names it in messages).
///
/// ```
/// let t = kinerja_audit::baca::json(r#"{"format":"kinerja-audit","versi":1,"dokumen":{"judul":"LK"},
///   "kalimat":[{"id":"k","teks":"naik 2,5","nilai":{"a":"2,5"}}],
///   "relasi":[{"jenis":"sama","hasil":"k.a","nilai":"=2,5"}]}"#, "t.json").unwrap();
/// assert_eq!(t.relasi.len(), 1);
/// ```
pub fn json(text: &str, file: &str) -> Result<Transkripsi, Vec<Masalah>> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        let found = if e.is_eof() { msg::audit_baca_eof() } else { msg::audit_baca_syntax() };
        vec![Masalah {
            letak: msg::audit_baca_letak_line(file, e.line(), e.column()),
            expected: msg::audit_baca_json(),
            found: found.into(),
        }]
    })?;
    let mut problems = Vec::new();
    for (i, r) in v.get("relasi").and_then(Value::as_array).into_iter().flatten().enumerate() {
        if let Err(s) = relasi::read(r.clone()) {
            let path = s.field.map_or_else(|| format!("relasi[{i}]"), |f| format!("relasi[{i}].{f}"));
            problems.push(Masalah {
                letak: msg::audit_baca_letak_path(file, path),
                expected: s.expected,
                found: s.found,
            });
        }
    }
    match serde_path_to_error::deserialize::<_, Transkripsi>(v.clone()) {
        Ok(t) if problems.is_empty() => Ok(t),
        Ok(_) => Err(problems),
        Err(e) if problems.is_empty() || !e.path().to_string().starts_with("relasi[") => {
            problems.insert(0, located(file, &v, e.path()));
            Err(problems)
        }
        Err(_) => Err(problems),
    }
}

/// A part of the JSON form that does not fit the format, by its path, and
/// the value found there.
fn located(file: &str, v: &Value, path: &serde_path_to_error::Path) -> Masalah {
    use serde_path_to_error::Segment;
    let mut at = Some(v);
    for seg in path.iter() {
        at = match seg {
            Segment::Seq { index } => at.and_then(|x| x.get(*index)),
            Segment::Map { key } => at.and_then(|x| x.get(key)),
            Segment::Enum { .. } | Segment::Unknown => at,
        };
    }
    let letak = match path.to_string().as_str() {
        "." => msg::audit_baca_letak_file(file),
        p => msg::audit_baca_letak_path(file, p),
    };
    let found = at.map_or_else(|| msg::audit_baca_nothing().into(), relasi::shown);
    Masalah { letak, expected: msg::audit_baca_value(), found }
}

/// Reads the spreadsheet form: a `dokumen` sheet of `kunci`/`nilai` rows,
/// a `tabel` sheet listing the tables (each a sheet of its own), a
/// `kalimat` sheet and a `relasi` sheet of one relation per row, list
/// fields separated by `;`.
pub fn lembar(sheets: &[Lembar], file: &str) -> Result<Transkripsi, Vec<Masalah>> {
    let get = |n: &str| sheets.iter().find(|s| s.nama == n);
    let Some(dok) = get("dokumen") else {
        let letak = msg::audit_baca_letak_file(file);
        return Err(vec![Masalah { letak, expected: msg::audit_baca_dokumen_sheet(), found: "none".into() }]);
    };
    let mut problems = Vec::new();
    let kv: BTreeMap<String, String> =
        dok.rows.iter().map(|(_, r)| (dok.cell(r, "kunci").to_string(), dok.cell(r, "nilai").to_string())).collect();
    let mut head = Map::new();
    for (k, v) in &kv {
        let value = match k.as_str() {
            "versi" | "tahun" => v.parse::<i64>().map_or_else(|_| Value::String(v.clone()), Value::from),
            _ => Value::String(v.clone()),
        };
        head.insert(k.clone(), value);
    }
    let dokumen = Dokumen {
        judul: kv.get("judul").cloned().unwrap_or_default(),
        sumber: kv.get("sumber").cloned().unwrap_or_default(),
        kode_unit: kv.get("kode_unit").filter(|v| !v.is_empty()).cloned(),
        tahun: kv.get("tahun").and_then(|v| v.parse().ok()),
    };
    let t = Transkripsi {
        format: kv.get("format").cloned().unwrap_or_default(),
        versi: kv.get("versi").and_then(|v| v.parse().ok()).unwrap_or(0),
        notasi: match head.get("notasi").map(|v| serde_json::from_value(v.clone())) {
            Some(Ok(n)) => n,
            Some(Err(_)) => {
                let found = kv.get("notasi").cloned().unwrap_or_default();
                problems.push(Masalah::at("dokumen.notasi", msg::audit_masalah_notasi(), found));
                kinerja_core::notation::Notasi::Indonesia
            }
            None => kinerja_core::notation::Notasi::Indonesia,
        },
        dokumen,
        tabel: tables(&get, &mut problems),
        kalimat: get("kalimat").map(|s| kalimat(s, &mut problems)).unwrap_or_default(),
        relasi: get("relasi").map(|s| relations(s, &mut problems)).unwrap_or_default(),
        muat: vec![],
    };
    if problems.is_empty() { Ok(t) } else { Err(problems) }
}

fn row_letak(s: &Lembar, line: usize, column: &str) -> Pesan {
    msg::audit_baca_letak_row(&s.file, line, column)
}

fn tables<'a>(get: &dyn Fn(&str) -> Option<&'a Lembar>, problems: &mut Vec<Masalah>) -> Vec<Tabel> {
    let Some(list) = get("tabel") else { return vec![] };
    let mut out = Vec::new();
    for (line, r) in &list.rows {
        let id = list.cell(r, "id").to_string();
        let Some(s) = get(&id) else {
            let letak = row_letak(list, *line, "id");
            problems.push(Masalah { letak, expected: msg::audit_baca_table_sheet(), found: id.into() });
            continue;
        };
        let kolom: Vec<String> = s.headers.iter().skip(1).cloned().collect();
        let (mut judul_kolom, mut notasi_kolom) = (BTreeMap::new(), BTreeMap::new());
        let mut baris = Vec::new();
        for (line, row) in &s.rows {
            let first = row.first().map_or("", |c| c.trim());
            let cells = || kolom.iter().cloned().zip(row.iter().skip(1).cloned());
            match first {
                "#judul" => judul_kolom = cells().filter(|(_, v)| !v.is_empty()).collect(),
                "#notasi" => {
                    for (k, v) in cells().filter(|(_, v)| !v.trim().is_empty()) {
                        let place = || row_letak(s, *line, &k);
                        notasi_kolom.extend(notasi(&v, place, problems).map(|n| (k.clone(), n)));
                    }
                }
                _ => {
                    let sel = cells().filter(|(_, v)| !v.trim().is_empty()).collect();
                    baris.push(Baris { id: first.to_string(), sel });
                }
            }
        }
        let judul = list.cell(r, "judul").to_string();
        let eksak = split_list(list.cell(r, "eksak"));
        let tn = list.cell(r, "notasi");
        let notasi = if tn.is_empty() { None } else { notasi(tn, || row_letak(list, *line, "notasi"), problems) };
        out.push(Tabel { id, judul, kolom, judul_kolom, eksak, notasi, notasi_kolom, baris });
    }
    out
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

fn yes(s: &str) -> bool {
    matches!(s.to_ascii_lowercase().as_str(), "ya" | "true" | "1")
}

/// A notation as a sheet writes it (`inggris`), a located problem if not one.
fn notasi(v: &str, place: impl Fn() -> Pesan, problems: &mut Vec<Masalah>) -> Option<Notasi> {
    match serde_json::from_value(Value::String(v.trim().to_ascii_lowercase())) {
        Ok(n) => Some(n),
        Err(_) => {
            problems.push(Masalah {
                letak: place(),
                expected: msg::audit_masalah_notasi(),
                found: v.to_string().into(),
            });
            None
        }
    }
}

/// One figure per row; a `notasi` cell gives that figure's notation.
fn kalimat(s: &Lembar, problems: &mut Vec<Masalah>) -> Vec<Kalimat> {
    let mut out: Vec<Kalimat> = Vec::new();
    for (line, r) in &s.rows {
        let id = s.cell(r, "id");
        let i = match out.iter().position(|k| k.id == id) {
            Some(i) => i,
            None => {
                let (letak, teks) = (s.cell(r, "letak").to_string(), s.cell(r, "teks").to_string());
                let (nilai, eksak, notasi, notasi_nilai) = (BTreeMap::new(), vec![], None, BTreeMap::new());
                out.push(Kalimat { id: id.to_string(), letak, teks, nilai, eksak, notasi, notasi_nilai });
                out.len() - 1
            }
        };
        let nama = s.cell(r, "nama").to_string();
        if yes(s.cell(r, "eksak")) {
            out[i].eksak.push(nama.clone());
        }
        let n = s.cell(r, "notasi");
        if !n.is_empty()
            && let Some(n) = notasi(n, || row_letak(s, *line, "notasi"), problems)
        {
            out[i].notasi_nilai.insert(nama.clone(), n);
        }
        out[i].nilai.insert(nama, s.cell(r, "nilai").to_string());
    }
    out
}

/// One relation per row: its non-empty cells as the JSON form's fields
/// (the model reads list fields from `;`-separated text and flags from
/// `ya`/`true`/`1`), read by the same serde model.
fn relations(s: &Lembar, problems: &mut Vec<Masalah>) -> Vec<Relasi> {
    let mut out = Vec::new();
    for (line, r) in &s.rows {
        let obj: Map<String, Value> = s
            .headers
            .iter()
            .filter(|h| !h.is_empty())
            .filter_map(|h| Some((h.clone(), Value::String(s.cell(r, h).to_string()))).filter(|(_, v)| v != ""))
            .collect();
        match relasi::read(Value::Object(obj)) {
            Ok(x) => out.push(x),
            Err(e) => {
                let letak = row_letak(s, *line, e.field.as_deref().unwrap_or("jenis"));
                problems.push(Masalah { letak, expected: e.expected, found: e.found });
            }
        }
    }
    out
}

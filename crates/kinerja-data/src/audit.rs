//! Reading an audit transcription (`docs/audit-format.md`): JSON, an XLSX
//! workbook, or a directory of CSV files, with every problem located.

use std::collections::BTreeMap;
use std::path::Path;

use kinerja_core::audit::{Baris, Dokumen, Kalimat, NotasiCetak, Relasi, Tabel, Transkripsi};
use serde_json::{Map, Value};

use crate::error::{Error, Problem, Result};
use crate::sheet::{Cells, Sheet};

fn problem(
    file: &str,
    row: Option<usize>,
    column: Option<String>,
    expected: impl Into<String>,
    found: impl Into<String>,
) -> Problem {
    Problem { file: file.to_string(), row, column, expected: expected.into(), found: found.into() }
}

/// The fields each kind of relation takes, besides `jenis`, `id`, `catatan`.
fn fields(jenis: &str) -> Option<&'static [&'static str]> {
    Some(match jenis {
        "jumlah" => &["hasil", "dari", "kecuali"],
        "tidak_melebihi" => &["bagian", "keseluruhan"],
        "persen" => &["hasil", "pembilang", "penyebut"],
        "capaian" => &["hasil", "target", "realisasi", "polaritas", "metode"],
        "selisih" => &["hasil", "dari", "ke", "mutlak"],
        "perubahan_persen" => &["hasil", "dari", "ke"],
        "efisiensi" => &["hasil", "capaian", "penyerapan"],
        "rata_rata" => &["hasil", "dari", "bobot"],
        "ikm" => &["hasil", "nrr", "unsur", "skema", "bobot", "responden"],
        "label" => &["hasil", "nilai", "skala"],
        "sama" => &["hasil", "nilai"],
        "arah" => &["kata", "dari", "ke", "nilai", "pembanding", "target", "realisasi", "polaritas", "di_antara"],
        "rerata_bulat" | "persen_dari_n" => &["hasil", "n"],
        "urutan_unsur" => &["unsur", "skema"],
        _ => return None,
    })
}

/// Checks a relation's fields by kind, then reads it.
fn relasi(v: &Value, file: &str, row: Option<usize>, place: &str) -> std::result::Result<Relasi, Problem> {
    let Some(obj) = v.as_object() else {
        return Err(problem(file, row, Some(place.into()), "a relation object", v.to_string()));
    };
    let jenis = obj.get("jenis").and_then(Value::as_str).unwrap_or("");
    let Some(allowed) = fields(jenis) else {
        return Err(problem(
            file,
            row,
            Some(format!("{place}.jenis")),
            "a relation kind of docs/audit-format.md (jumlah, persen, capaian, …)",
            jenis,
        ));
    };
    if let Some(k) =
        obj.keys().find(|k| !["jenis", "id", "catatan"].contains(&k.as_str()) && !allowed.contains(&k.as_str()))
    {
        return Err(problem(
            file,
            row,
            Some(format!("{place}.{k}")),
            format!("a field of {jenis}: {}", allowed.join(", ")),
            k.clone(),
        ));
    }
    serde_json::from_value(v.clone())
        .map_err(|e| problem(file, row, Some(place.into()), format!("a valid {jenis} relation"), e.to_string()))
}

/// Reads a transcription from JSON text.
///
/// ```
/// let t = kinerja_data::audit::from_json(r#"{"format":"kinerja-audit","versi":1,"dokumen":{"judul":"LK"},
///   "kalimat":[{"id":"k","teks":"naik 2,5","nilai":{"a":"2,5"}}],
///   "relasi":[{"jenis":"sama","hasil":"k.a","nilai":"=2,5"}]}"#, "t.json")?;
/// assert_eq!(t.relasi.len(), 1);
/// # Ok::<(), kinerja_data::Error>(())
/// ```
pub fn from_json(text: &str, file: &str) -> Result<Transkripsi> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        Error::Invalid(vec![problem(
            file,
            Some(e.line()),
            Some(format!("kolom {}", e.column())),
            "a JSON transcription",
            e.to_string(),
        )])
    })?;
    let mut problems = Vec::new();
    let mut rels = Vec::new();
    for (i, r) in v.get("relasi").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match relasi(r, file, None, &format!("relasi[{i}]")) {
            Ok(r) => rels.push(r),
            Err(p) => problems.push(p),
        }
    }
    let mut rest = v.clone();
    if let Some(o) = rest.as_object_mut() {
        o.insert("relasi".into(), Value::Array(vec![]));
    }
    match serde_json::from_value::<Transkripsi>(rest) {
        Ok(mut t) if problems.is_empty() => {
            t.relasi = rels;
            Ok(t)
        }
        Ok(_) => Err(Error::Invalid(problems)),
        Err(e) => {
            problems.insert(0, problem(file, None, None, "a transcription as in docs/audit-format.md", e.to_string()));
            Err(Error::Invalid(problems))
        }
    }
}

/// Reads a transcription: a `.json` file, an `.xlsx` workbook, or a
/// directory of CSV files (`dokumen.csv`, `tabel.csv`, one per table,
/// `kalimat.csv`, `relasi.csv`).
pub fn read(path: &Path) -> Result<Transkripsi> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    if path.is_dir() {
        let mut sheets = Vec::new();
        for e in std::fs::read_dir(path).map_err(io)? {
            let p = e.map_err(io)?.path();
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let file = p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                sheets.push((stem, Sheet::from_csv(&p, &file)?));
            }
        }
        return from_sheets(&sheets, &name);
    }
    if path.extension().is_some_and(|x| x.eq_ignore_ascii_case("xlsx")) {
        return from_sheets(&Sheet::from_xlsx_all(path, &name)?, &name);
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::Invalid(vec![problem(
            &name,
            None,
            None,
            "UTF-8 text",
            format!("invalid byte at offset {}", e.valid_up_to()),
        )])
    })?;
    from_json(text, &name)
}

fn cell<'a>(s: &Sheet, row: Cells<'a>, col: &str) -> &'a str {
    s.headers.iter().position(|h| h == col).and_then(|i| row.get(i)).map_or("", str::trim)
}

fn list(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

/// The spreadsheet form, sheet by sheet.
fn from_sheets(sheets: &[(String, Sheet)], file: &str) -> Result<Transkripsi> {
    let get = |n: &str| sheets.iter().find(|(k, _)| k == n).map(|(_, s)| s);
    let mut problems = Vec::new();
    let Some(dok) = get("dokumen") else {
        return Err(Error::Invalid(vec![problem(file, None, None, "a sheet (or CSV file) named dokumen", "none")]));
    };
    let kv: BTreeMap<String, String> =
        dok.rows.iter().map(|(_, r)| (cell(dok, r, "kunci").to_string(), cell(dok, r, "nilai").to_string())).collect();
    let num = |k: &str| kv.get(k).and_then(|v| v.parse::<i64>().ok());
    let t = Transkripsi {
        format: kv.get("format").cloned().unwrap_or_default(),
        versi: num("versi").and_then(|v| u32::try_from(v).ok()).unwrap_or(0),
        notasi: if kv.get("notasi").map(String::as_str) == Some("polos") {
            NotasiCetak::Polos
        } else {
            NotasiCetak::Indonesia
        },
        dokumen: Dokumen {
            judul: kv.get("judul").cloned().unwrap_or_default(),
            sumber: kv.get("sumber").cloned().unwrap_or_default(),
            kode_unit: kv.get("kode_unit").filter(|v| !v.is_empty()).cloned(),
            tahun: num("tahun").and_then(|v| i32::try_from(v).ok()),
        },
        tabel: tables(&get, &mut problems),
        kalimat: get("kalimat").map(kalimat).unwrap_or_default(),
        relasi: get("relasi").map(|s| relations(s, &mut problems)).unwrap_or_default(),
        muat: vec![],
    };
    if problems.is_empty() { Ok(t) } else { Err(Error::Invalid(problems)) }
}

fn tables<'a>(get: &dyn Fn(&str) -> Option<&'a Sheet>, problems: &mut Vec<Problem>) -> Vec<Tabel> {
    let Some(list_sheet) = get("tabel") else { return vec![] };
    let mut out = Vec::new();
    for (line, r) in &list_sheet.rows {
        let id = cell(list_sheet, r, "id").to_string();
        let Some(s) = get(&id) else {
            problems.push(problem(
                &list_sheet.file,
                Some(line),
                Some("id".into()),
                "the name of a sheet (or CSV file) holding the table",
                id,
            ));
            continue;
        };
        let kolom: Vec<String> = s.headers.iter().skip(1).cloned().collect();
        let mut judul_kolom = BTreeMap::new();
        let mut baris = Vec::new();
        for (_, row) in &s.rows {
            let first = row.get(0).map_or("", str::trim);
            if first == "#judul" {
                judul_kolom = kolom
                    .iter()
                    .cloned()
                    .zip(row.iter().skip(1).map(String::from))
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                continue;
            }
            let sel = kolom
                .iter()
                .cloned()
                .zip(row.iter().skip(1).map(String::from))
                .filter(|(_, v)| !v.trim().is_empty())
                .collect();
            baris.push(Baris { id: first.to_string(), sel });
        }
        let (judul, eksak) = (cell(list_sheet, r, "judul").to_string(), list(cell(list_sheet, r, "eksak")));
        out.push(Tabel { id, judul, kolom, judul_kolom, eksak, baris });
    }
    out
}

fn kalimat(s: &Sheet) -> Vec<Kalimat> {
    let mut out: Vec<Kalimat> = Vec::new();
    for (_, r) in &s.rows {
        let id = cell(s, r, "id");
        let i = match out.iter().position(|k| k.id == id) {
            Some(i) => i,
            None => {
                let (letak, teks) = (cell(s, r, "letak").to_string(), cell(s, r, "teks").to_string());
                out.push(Kalimat { id: id.to_string(), letak, teks, nilai: BTreeMap::new(), eksak: vec![] });
                out.len() - 1
            }
        };
        let nama = cell(s, r, "nama").to_string();
        if matches!(cell(s, r, "eksak").to_ascii_lowercase().as_str(), "ya" | "true" | "1") {
            out[i].eksak.push(nama.clone());
        }
        out[i].nilai.insert(nama, cell(s, r, "nilai").to_string());
    }
    out
}

/// One relation per row; list fields hold references separated by `;`.
fn relations(s: &Sheet, problems: &mut Vec<Problem>) -> Vec<Relasi> {
    const LISTS: [&str; 6] = ["dari", "kecuali", "bagian", "nrr", "unsur", "di_antara"];
    let mut out = Vec::new();
    for (line, r) in &s.rows {
        let jenis = cell(s, r, "jenis");
        let mut obj = Map::new();
        for h in s.headers.iter().filter(|h| !h.is_empty()) {
            let v = cell(s, r, h);
            if v.is_empty() {
                continue;
            }
            let list_field = LISTS.contains(&h.as_str()) || (h == "bobot" && jenis == "rata_rata");
            let value = match h.as_str() {
                _ if list_field => Value::Array(list(v).into_iter().map(Value::String).collect()),
                "mutlak" => Value::Bool(matches!(v.to_ascii_lowercase().as_str(), "ya" | "true" | "1")),
                _ => Value::String(v.to_string()),
            };
            obj.insert(h.clone(), value);
        }
        match relasi(&Value::Object(obj), &s.file, Some(line), "relasi") {
            Ok(x) => out.push(x),
            Err(p) => problems.push(p),
        }
    }
    out
}

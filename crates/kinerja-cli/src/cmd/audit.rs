//! `kinerja audit`: reads transcriptions (the edge: files to text and
//! sheets), runs `kinerja-audit` and writes its findings in the chosen
//! format and language. Exit codes follow `diff` and `grep`: 0 clean, 1
//! findings, 2 trouble (a transcription that cannot be read, a database
//! that cannot be opened).

use std::path::{Path, PathBuf};

use anyhow::Result;
use kinerja_audit::baca::Lembar;
use kinerja_audit::tulis::{self, Reviu};
use kinerja_audit::{Masalah, Transkripsi, periksa};
use kinerja_pesan::{Arg, msg};

use super::Outcome;
use crate::args::AuditFormat;
use crate::output::{now_iso, write_out};
use crate::pesan::{KonteksExt, gagal, lang, say, t};

/// A database to audit, with optional filters.
pub struct Basis {
    /// The database file.
    pub path: PathBuf,
    /// Only this kecamatan.
    pub kecamatan: Option<String>,
    /// Only this year.
    pub tahun: Option<i32>,
}

/// A transcription that cannot be audited, with every problem located:
/// trouble (exit 2), not a finding.
fn unusable(file: &Path, masalah: Vec<Masalah>) -> anyhow::Error {
    let lines = masalah.iter().map(|m| m.pesan()).collect();
    anyhow::Error::new(msg::cli_audit_unusable(file.display(), masalah.len(), Arg::Daftar(lines, "\n  ")))
}

/// Reads a transcription: a `.json` file, an `.xlsx` workbook, or a
/// directory of CSV files (`dokumen.csv`, `tabel.csv`, one per table,
/// `kalimat.csv`, `relasi.csv`).
pub fn read(path: &Path) -> Result<Transkripsi> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let sheets = |list: Vec<(String, kinerja_data::Sheet)>| -> Vec<Lembar> {
        list.into_iter()
            .map(|(nama, s)| Lembar { nama, file: s.file, headers: s.headers, rows: s.rows.to_vec() })
            .collect()
    };
    let parsed = if path.is_dir() {
        let mut list = Vec::new();
        for e in std::fs::read_dir(path).konteks(|| msg::cli_reading(path.display()))? {
            let p = e.konteks(|| msg::cli_reading(path.display()))?.path();
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let file = p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                list.push((stem, kinerja_data::Sheet::from_csv(&p, &file)?));
            }
        }
        kinerja_audit::baca::lembar(&sheets(list), &name)
    } else if path.extension().is_some_and(|x| x.eq_ignore_ascii_case("xlsx")) {
        kinerja_audit::baca::lembar(&sheets(kinerja_data::Sheet::from_xlsx_all(path, &name)?), &name)
    } else {
        let bytes = std::fs::read(path).konteks(|| msg::cli_reading(path.display()))?;
        match std::str::from_utf8(&bytes) {
            Ok(text) => kinerja_audit::baca::json(text, &name),
            Err(e) => {
                let letak = msg::audit_baca_letak_file(&name);
                let found = msg::audit_baca_invalid_byte(e.valid_up_to()).into();
                Err(vec![Masalah { letak, expected: msg::audit_baca_utf8(), found }])
            }
        }
    };
    parsed.map_err(|m| unusable(path, m))
}

/// Audits every file (and the database, when given) and writes the
/// findings to `out` or standard output.
pub fn run(files: &[PathBuf], db: Option<Basis>, format: AuditFormat, out: Option<&Path>, verbose: bool) -> Outcome {
    match audit(files, db, format, out, verbose) {
        Ok(true) => Outcome::Findings,
        Ok(false) => Outcome::Done,
        Err(e) => Outcome::Failed(e, true),
    }
}

/// Whether there are findings.
fn audit(files: &[PathBuf], db: Option<Basis>, format: AuditFormat, out: Option<&Path>, verbose: bool) -> Result<bool> {
    let mut results = Vec::new();
    if let Some(b) = db {
        let store = crate::db::open_ro(&b.path)?;
        let (mut t, judul) = store.transkripsi(b.kecamatan.as_deref(), b.tahun)?;
        t.dokumen.judul = judul.render(lang());
        let hasil = periksa(&t).map_err(|m| unusable(&b.path, m))?;
        results.push(Reviu { berkas: b.path.display().to_string(), judul: t.dokumen.judul, hasil });
    }
    for f in files {
        let t = read(f)?;
        let hasil = periksa(&t).map_err(|m| unusable(f, m))?;
        results.push(Reviu { berkas: f.display().to_string(), judul: t.dokumen.judul, hasil });
    }
    let lang = lang();
    let bytes = match format {
        AuditFormat::Text => tulis::text(&results, verbose, lang).into_bytes(),
        AuditFormat::Md => {
            let md: String =
                results.iter().map(|r| kinerja_laporan::md::render(&tulis::document(r, verbose, lang))).collect();
            format!("{}\n", md.trim_end()).into_bytes()
        }
        AuditFormat::Html => {
            let docs: Vec<_> = results.iter().map(|r| tulis::document(r, verbose, lang)).collect();
            docs.iter().map(kinerja_laporan::html::render).collect::<String>().into_bytes()
        }
        AuditFormat::Json => tulis::json(&results, lang)?.into_bytes(),
        AuditFormat::Xlsx if out.is_none() => return Err(gagal(msg::cli_binary_needs_out("xlsx"))),
        AuditFormat::Xlsx => kinerja_laporan::xlsx::render(&tulis::table(&results, lang))?,
    };
    write_out(out, &bytes)?;
    // Nothing could be checked: trouble, after the findings say why.
    if let Some(r) = results.iter().find(|r| r.hasil.tak_terperiksa()) {
        return Err(gagal(msg::cli_audit_nothing_checked(&r.berkas, r.hasil.tidak_diperiksa.len())));
    }
    Ok(results.iter().any(|r| !r.hasil.temuan.is_empty()))
}

/// Whether a path to load is a transcribed report rather than a data
/// directory: a `.json` file, a workbook with a `dokumen` sheet, or a
/// directory with `dokumen.csv`.
pub fn is_transcription(path: &Path) -> bool {
    if path.is_dir() {
        return path.join("dokumen.csv").is_file();
    }
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("json") => true,
        Some("xlsx") => {
            kinerja_data::Sheet::from_xlsx_all(path, "").is_ok_and(|s| s.iter().any(|(n, _)| n == "dokumen"))
        }
        _ => false,
    }
}

/// Loads the base facts of a transcribed report: refused when the audit
/// finds an error, unless `accept`; the findings are recorded with the
/// load, in the words they are shown in.
pub fn load(store: &kinerja_store::Store, path: &Path, accept: bool) -> Result<()> {
    let transkripsi = read(path)?;
    let h = periksa(&transkripsi).map_err(|m| unusable(path, m))?;
    let galat: Vec<&str> = h.galat().map(|x| x.id.as_str()).collect();
    if !galat.is_empty() && !accept {
        return Err(gagal(msg::cli_audit_refused(path.display(), galat.len(), galat.join(", "))));
    }
    let data = kinerja_audit::fakta::fakta(&transkripsi).map_err(|m| unusable(path, m))?;
    let rows: Vec<kinerja_store::TemuanTersimpan> = h
        .temuan
        .iter()
        .map(|x| kinerja_store::TemuanTersimpan {
            id: x.id.clone(),
            tingkat: x.severity.code().to_string(),
            letak: t(&x.letak),
            tercetak: x.tercetak.clone(),
            uraian: t(&x.uraian),
            sebab: x.sebab.iter().map(|s| t(&s.pesan())).collect::<Vec<_>>().join("; "),
        })
        .collect();
    let file = path.display().to_string();
    let now = now_iso();
    let summary = store.load_transkripsi(&data, &file, now.trim_end_matches('Z'), &rows)?;
    say!(msg::cli_audit_loaded(&file, summary.read(), summary.changed(), rows.len()));
    Ok(())
}

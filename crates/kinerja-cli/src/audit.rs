//! `kinerja audit`: reads transcriptions, runs the core's audit, renders
//! the findings (text, Markdown, JSON, XLSX).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::ValueEnum;
use kinerja_core::audit::{Hasil, Masalah, Sebab, Temuan, Tingkat, periksa};
use kinerja_core::notation::format_number;
use serde_json::json;

/// Output format of the audit.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Readable text.
    Text,
    /// Markdown (a reviewer can print it).
    Md,
    /// JSON for scripts.
    Json,
    /// An XLSX workbook (needs --out).
    Xlsx,
}

/// What the audit of one or more files ended with.
pub enum Outcome {
    /// No finding.
    Clean,
    /// At least one finding.
    Findings,
    /// A file could not be read or checked (exit 2).
    Unusable(String),
}

/// A database to audit, with optional filters.
pub struct Basis {
    /// The database file.
    pub path: PathBuf,
    /// Only this kecamatan.
    pub kecamatan: Option<String>,
    /// Only this year.
    pub tahun: Option<i32>,
}

/// Audits every file (and the database, when given); renders to `out` or
/// standard output.
pub fn run(files: &[PathBuf], db: Option<Basis>, format: Format, out: Option<&Path>, verbose: bool) -> Result<Outcome> {
    let mut results = Vec::new();
    if let Some(b) = db {
        let store = kinerja_store::Store::open_read_only(&b.path)
            .with_context(|| format!("opening {} read-only", b.path.display()))?;
        let t = store.transkripsi(b.kecamatan.as_deref(), b.tahun)?;
        match periksa(&t) {
            Ok(h) => results.push((b.path.display().to_string(), t.dokumen.judul.clone(), h)),
            Err(m) => return Ok(Outcome::Unusable(unusable(&b.path, &m))),
        }
    }
    for f in files {
        let t = match kinerja_data::audit::read(f) {
            Ok(t) => t,
            Err(e) => return Ok(Outcome::Unusable(format!("{}: {e}", f.display()))),
        };
        match periksa(&t) {
            Ok(h) => results.push((f.display().to_string(), t.dokumen.judul.clone(), h)),
            Err(m) => return Ok(Outcome::Unusable(unusable(f, &m))),
        }
    }
    let bytes = match format {
        Format::Text => text(&results, verbose).into_bytes(),
        Format::Md => markdown(&results, verbose).into_bytes(),
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&to_json(&results))?).into_bytes(),
        Format::Xlsx => xlsx(&results)?,
    };
    match out {
        Some(p) => std::fs::write(p, bytes).with_context(|| format!("writing {}", p.display()))?,
        None if format == Format::Xlsx => anyhow::bail!("--format xlsx needs --out FILE.xlsx"),
        None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
    }
    let any = results.iter().any(|(_, _, h)| !h.temuan.is_empty());
    Ok(if any { Outcome::Findings } else { Outcome::Clean })
}

fn unusable(f: &Path, m: &[Masalah]) -> String {
    let lines: Vec<String> = m
        .iter()
        .map(|p| format!("  {}: {}: expected {}, found {:?}", f.display(), p.letak, p.expected, p.found))
        .collect();
    format!("{} problem(s) in the transcription:\n{}", m.len(), lines.join("\n"))
}

fn angka(d: kinerja_core::Decimal) -> String {
    format_number(d, d.scale()).unwrap_or_else(|_| d.to_string())
}

/// A cause in words.
pub fn sebab(s: &Sebab) -> String {
    match s {
        Sebab::DigitGanda { seharusnya } => format!("sebuah angka terketik dua kali (seharusnya {seharusnya})"),
        Sebab::DigitLebih { seharusnya } => format!("ada angka berlebih (seharusnya {seharusnya})"),
        Sebab::DigitHilang { seharusnya } => format!("sebuah angka hilang (seharusnya {seharusnya})"),
        Sebab::DigitTertukar { seharusnya } => format!("dua angka tertukar (seharusnya {seharusnya})"),
        Sebab::TahunLain { tahun, masukan } => format!("memakai angka tahun {tahun} ({})", masukan.join(", ")),
        Sebab::BarisTerlewat { baris } => format!("jumlah tidak memuat baris {baris}"),
        Sebab::BarisGanda { baris } => format!("baris {baris} terhitung dua kali"),
        Sebab::RataSederhana => "rata-rata sederhana, padahal seharusnya tertimbang".into(),
        Sebab::SkalaLain { skala, regulasi } => format!("label skala lain: cocok dengan {skala} ({regulasi})"),
        Sebab::NilaiLain { letak, .. } => format!("sama dengan angka di {letak}: kolom ini berisi besaran lain"),
        Sebab::PoinPersen => "perubahan dalam poin persentase disebut perubahan persen".into(),
        Sebab::Bobot { cocok } if cocok.is_empty() => "tidak konsisten dengan bobot 1/9, 0,111 maupun 0,11".into(),
        Sebab::Bobot { cocok } => format!("konsisten dengan bobot {}", cocok.join(", ")),
        Sebab::TidakTerbaca { alasan } => format!("tidak terbaca: {}", crate::pesan::dalam_laporan(alasan)),
    }
}

fn tingkat(t: Tingkat) -> &'static str {
    match t {
        Tingkat::Galat => "GALAT",
        Tingkat::Catatan => "CATATAN",
    }
}

/// The lines of one finding.
fn lines(t: &Temuan) -> Vec<String> {
    let mut v = vec![format!("[{}] {} — {}", tingkat(t.tingkat), t.id, t.letak)];
    if let Some(k) = &t.kutipan {
        v.push(format!("  “{k}”"));
    }
    v.push(format!("  tercetak {}; diperiksa: {}", t.tercetak, crate::pesan::dalam_laporan(&t.uraian)));
    let mut numbers = Vec::new();
    if let Some((lo, hi)) = t.konsisten {
        numbers.push(if lo == hi {
            format!("yang konsisten: {}", angka(lo))
        } else {
            format!("yang konsisten: {} – {}", angka(lo), angka(hi))
        });
    }
    if let Some(d) = t.dihitung {
        numbers.push(format!("dihitung dari angka tercetak: {}", angka(d)));
    }
    if !numbers.is_empty() {
        v.push(format!("  {}", numbers.join("; ")));
    }
    for s in &t.sebab {
        v.push(format!("  kemungkinan sebab: {}", sebab(s)));
    }
    if let Some(c) = &t.catatan {
        v.push(format!("  catatan: {c}"));
    }
    v
}

fn ringkasan(h: &Hasil) -> String {
    let galat = h.temuan.iter().filter(|t| t.tingkat == Tingkat::Galat).count();
    let catatan = h.temuan.len() - galat;
    format!("{} relasi atas {} angka tercetak diperiksa: {galat} galat, {catatan} catatan.", h.relasi, h.angka)
}

fn text(results: &[(String, String, Hasil)], verbose: bool) -> String {
    let mut out = String::new();
    for (file, judul, h) in results {
        out.push_str(&format!("{judul} ({file})\n{}\n", ringkasan(h)));
        for t in &h.temuan {
            out.push('\n');
            out.push_str(&lines(t).join("\n"));
            out.push('\n');
        }
        let shown: Vec<_> = h.info.iter().filter(|i| verbose || i.pesan.starts_with("IKM")).collect();
        if !shown.is_empty() {
            out.push_str("\nketerangan:\n");
            for i in shown {
                out.push_str(&format!("  {} — {}: {}\n", i.id, i.letak, i.pesan));
            }
        }
    }
    out
}

fn markdown(results: &[(String, String, Hasil)], verbose: bool) -> String {
    let mut out = String::new();
    for (file, judul, h) in results {
        out.push_str(&format!("# Reviu angka: {judul}\n\n`{file}` — {}\n\n", ringkasan(h)));
        for t in &h.temuan {
            let l = lines(t);
            out.push_str(&format!("## {}\n\n", l[0].replace('|', "\\|")));
            for x in &l[1..] {
                out.push_str(&format!("- {}\n", x.trim()));
            }
            out.push('\n');
        }
        let shown: Vec<_> = h.info.iter().filter(|i| verbose || i.pesan.starts_with("IKM")).collect();
        if !shown.is_empty() {
            out.push_str("## Keterangan\n\n");
            for i in shown {
                out.push_str(&format!("- {} — {}: {}\n", i.id, i.letak, i.pesan));
            }
        }
    }
    out
}

fn to_json(results: &[(String, String, Hasil)]) -> serde_json::Value {
    json!(results
        .iter()
        .map(|(file, judul, h)| {
            let temuan: Vec<serde_json::Value> = h
                .temuan
                .iter()
                .map(|t| {
                    let mut v = serde_json::to_value(t).unwrap_or_default();
                    v["sebab_teks"] = json!(t.sebab.iter().map(sebab).collect::<Vec<_>>());
                    v
                })
                .collect();
            json!({"berkas": file, "judul": judul, "relasi": h.relasi, "angka": h.angka, "temuan": temuan, "info": h.info})
        })
        .collect::<Vec<_>>())
}

fn xlsx(results: &[(String, String, Hasil)]) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format as Fmt, Workbook};
    let mut wb = Workbook::new();
    let bold = Fmt::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("Temuan")?;
    let head = [
        "berkas",
        "id",
        "tingkat",
        "letak",
        "kutipan",
        "tercetak",
        "diperiksa",
        "konsisten",
        "dihitung",
        "sebab",
        "catatan",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(c)?, *h, &bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for (file, _, h) in results {
        for t in &h.temuan {
            let konsisten = t.konsisten.map(|(a, b)| format!("{} – {}", angka(a), angka(b))).unwrap_or_default();
            let cells = [
                file.clone(),
                t.id.clone(),
                tingkat(t.tingkat).to_string(),
                t.letak.clone(),
                t.kutipan.clone().unwrap_or_default(),
                t.tercetak.clone(),
                crate::pesan::dalam_laporan(&t.uraian),
                konsisten,
                t.dihitung.map(angka).unwrap_or_default(),
                t.sebab.iter().map(sebab).collect::<Vec<_>>().join("; "),
                t.catatan.clone().unwrap_or_default(),
            ];
            for (c, v) in cells.iter().enumerate() {
                ws.write_string(row, u16::try_from(c)?, v)?;
            }
            row += 1;
        }
    }
    ws.autofit();
    Ok(wb.save_to_buffer()?)
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
/// finds an error, unless `accept`; the findings are recorded with the load.
pub fn load(store: &kinerja_store::Store, path: &Path, accept: bool, now: &str) -> Result<()> {
    let t = kinerja_data::audit::read(path).with_context(|| format!("reading {}", path.display()))?;
    let h = periksa(&t).map_err(|m| anyhow::anyhow!("{}", unusable(path, &m)))?;
    let galat = h.temuan.iter().filter(|t| t.tingkat == Tingkat::Galat).count();
    if galat > 0 && !accept {
        let ids: Vec<&str> = h.temuan.iter().filter(|t| t.tingkat == Tingkat::Galat).map(|t| t.id.as_str()).collect();
        anyhow::bail!(
            "{}: the audit finds {galat} error(s) ({}); review them with `kinerja audit {}`, or load anyway with --terima-temuan",
            path.display(),
            ids.join(", "),
            path.display()
        );
    }
    let data = kinerja_core::audit::fakta::fakta(&t).map_err(|m| anyhow::anyhow!("{}", unusable(path, &m)))?;
    let rows: Vec<kinerja_store::Temuan> = h
        .temuan
        .iter()
        .map(|x| {
            let causes = x.sebab.iter().map(sebab).collect::<Vec<_>>().join("; ");
            (
                x.id.clone(),
                tingkat(x.tingkat).to_lowercase(),
                x.letak.clone(),
                x.tercetak.clone(),
                x.uraian.clone(),
                causes,
            )
        })
        .collect();
    let file = path.display().to_string();
    let summary = store.load_transkripsi(&data, &file, now.trim_end_matches('Z'), &rows)?;
    crate::pesan::say!(
        "Loaded the facts of {file}: {} rows read, {} new or changed; {} finding(s) recorded in audit_temuan.",
        summary.read(),
        summary.changed(),
        rows.len()
    );
    Ok(())
}

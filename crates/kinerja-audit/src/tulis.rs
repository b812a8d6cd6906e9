//! The findings for a reviewer: as text, as a document ([`Document`]:
//! Markdown, HTML and XLSX through `kinerja-laporan`'s renderers) and as
//! JSON, in the reader's language.

use kinerja_core::Decimal;
use kinerja_core::notation::format_number;
use kinerja_laporan::{Block, Cell, Document, Section};
use kinerja_pesan::{Lang, Pesan, msg};
use serde_json::{Value, json};

use crate::hasil::{Hasil, Info, Sebab, Temuan};

/// The audit of one transcription, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviu {
    /// The file (or database) audited.
    pub berkas: String,
    /// The report's title.
    pub judul: String,
    /// What the audit gave.
    pub hasil: Hasil,
}

fn angka(d: Decimal) -> String {
    format_number(d, d.scale()).unwrap_or_else(|_| d.to_string())
}

/// The one-line summary: relations and figures checked, errors and notes.
pub fn ringkasan(h: &Hasil) -> Pesan {
    let (galat, transkripsi) = (h.galat().count(), h.transkripsi().count());
    let catatan = h.temuan.len() - galat - transkripsi;
    if h.tidak_diperiksa.is_empty() && transkripsi == 0 {
        return msg::audit_text_ringkasan(h.relasi, h.angka, galat, catatan);
    }
    msg::audit_text_ringkasan_sebagian(h.relasi, h.angka, h.tidak_diperiksa.len(), galat, catatan, transkripsi)
}

/// The lines of one finding: a heading line, then its details.
fn lines(t: &Temuan, lang: Lang) -> Vec<String> {
    let r = |p: Pesan| p.render(lang);
    let mut v = vec![r(msg::audit_text_heading(t.severity.pesan(), &t.id, t.letak.clone()))];
    if let Some(k) = &t.kutipan {
        v.push(format!("“{k}”"));
    }
    v.push(r(msg::audit_text_checked(&t.tercetak, t.uraian.clone())));
    let mut numbers = Vec::new();
    if let Some((lo, hi)) = t.konsisten {
        numbers.push(r(if lo == hi {
            msg::audit_text_consistent_one(angka(lo))
        } else {
            msg::audit_text_consistent_range(angka(lo), angka(hi))
        }));
    }
    if let Some(d) = t.dihitung {
        numbers.push(r(msg::audit_text_computed(angka(d))));
    }
    if !numbers.is_empty() {
        v.push(numbers.join("; "));
    }
    v.extend(t.sebab.iter().map(|s| r(msg::audit_text_cause(s.pesan()))));
    if let Some(c) = &t.catatan {
        v.push(r(msg::audit_text_remark(c)));
    }
    v
}

/// The remarks shown: every one with `verbose`, else the IKM weights.
fn shown(h: &Hasil, verbose: bool) -> impl Iterator<Item = &Info> {
    h.info.iter().filter(move |i| verbose || i.ikm)
}

fn info_line(i: &Info, lang: Lang) -> String {
    format!("{} — {}: {}", i.id, i.letak.render(lang), i.pesan.render(lang))
}

/// The findings as readable text.
pub fn text(results: &[Reviu], verbose: bool, lang: Lang) -> String {
    let mut out = String::new();
    for Reviu { berkas, judul, hasil: h } in results {
        out.push_str(&format!("{judul} ({berkas})\n{}\n", ringkasan(h).render(lang)));
        for t in &h.temuan {
            let l = lines(t, lang);
            out.push('\n');
            out.push_str(&l[0]);
            for x in &l[1..] {
                out.push_str("\n  ");
                out.push_str(x);
            }
            out.push('\n');
        }
        let info: Vec<&Info> = shown(h, verbose).collect();
        if !info.is_empty() {
            out.push('\n');
            out.push_str(&msg::audit_text_information().render(lang));
            out.push('\n');
            for i in info {
                out.push_str(&format!("  {}\n", info_line(i, lang)));
            }
        }
    }
    out
}

/// The audit of one transcription as a document: a heading and a list per
/// finding, then the remarks.
pub fn document(r: &Reviu, verbose: bool, lang: Lang) -> Document {
    let h = &r.hasil;
    let mut blocks = Vec::new();
    for t in &h.temuan {
        let mut l = lines(t, lang);
        let rest = l.split_off(1);
        blocks.push(Block::Heading(l.remove(0)));
        blocks.push(Block::List(rest));
    }
    let info: Vec<String> = shown(h, verbose).map(|i| info_line(i, lang)).collect();
    if !info.is_empty() {
        blocks.push(Block::Heading(msg::audit_md_information().render(lang)));
        blocks.push(Block::List(info));
    }
    Document {
        title: msg::audit_md_title(&r.judul).render(lang),
        sub: vec![format!("`{}` — {}", r.berkas, ringkasan(h).render(lang))],
        blocks,
        ..Document::default()
    }
}

/// Every finding of every transcription as one table (the XLSX form).
pub fn table(results: &[Reviu], lang: Lang) -> Document {
    let r = |p: Pesan| p.render(lang);
    let columns = [
        msg::audit_col_berkas(),
        msg::audit_col_id(),
        msg::audit_col_tingkat(),
        msg::audit_col_letak(),
        msg::audit_col_kutipan(),
        msg::audit_col_tercetak(),
        msg::audit_col_diperiksa(),
        msg::audit_col_konsisten(),
        msg::audit_col_dihitung(),
        msg::audit_col_sebab(),
        msg::audit_col_catatan(),
    ]
    .map(r)
    .to_vec();
    let mut rows = Vec::new();
    for Reviu { berkas, hasil, .. } in results {
        for t in &hasil.temuan {
            let konsisten = t.konsisten.map(|(a, b)| format!("{} – {}", angka(a), angka(b))).unwrap_or_default();
            let sebab: Vec<String> = t.sebab.iter().map(|s| r(s.pesan())).collect();
            let cells = [
                berkas.clone(),
                t.id.clone(),
                r(t.severity.pesan()),
                r(t.letak.clone()),
                t.kutipan.clone().unwrap_or_default(),
                t.tercetak.clone(),
                r(t.uraian.clone()),
                konsisten,
                t.dihitung.map(angka).unwrap_or_default(),
                sebab.join("; "),
                t.catatan.clone().unwrap_or_default(),
            ];
            rows.push(cells.into_iter().map(Cell::Text).collect());
        }
    }
    let title = r(msg::audit_md_findings());
    let section = Section { title: title.clone(), short: title.clone(), columns, rows, notes: vec![] };
    let sub = results.iter().map(|x| format!("{} — {}", x.berkas, r(ringkasan(&x.hasil)))).collect();
    Document { title, sub, blocks: vec![Block::Table(section)], ..Document::default() }
}

fn sebab_json(s: &Sebab, lang: Lang) -> Value {
    let mut v = match s {
        Sebab::DigitGanda { seharusnya }
        | Sebab::DigitLebih { seharusnya }
        | Sebab::DigitHilang { seharusnya }
        | Sebab::DigitTertukar { seharusnya }
        | Sebab::DigitSalah { seharusnya }
        | Sebab::DesimalBergeser { seharusnya } => json!({ "seharusnya": seharusnya }),
        Sebab::TahunLain { tahun, masukan } => json!({ "tahun": tahun, "masukan": masukan }),
        Sebab::BarisTerlewat { baris } | Sebab::BarisGanda { baris } | Sebab::DasarBarisLain { baris } => {
            json!({ "baris": baris })
        }
        Sebab::RataSederhana | Sebab::PoinPersen | Sebab::TidakDikenali => json!({}),
        Sebab::SkalaLain { skala, regulasi } => json!({ "skala": skala, "regulasi": regulasi }),
        Sebab::NilaiLain { rujukan, letak } => json!({ "rujukan": rujukan, "letak": letak.render(lang) }),
        Sebab::Bobot { cocok } => json!({ "cocok": cocok }),
        Sebab::TidakTerbaca { alasan } => json!({ "alasan": alasan.render(lang) }),
    };
    v["jenis"] = json!(s.jenis());
    v
}

fn temuan_json(t: &Temuan, lang: Lang) -> Value {
    json!({
        "id": t.id,
        "jenis": t.jenis,
        "tingkat": t.severity.code(),
        "letak": t.letak.render(lang),
        "kutipan": t.kutipan,
        "tercetak": t.tercetak,
        "uraian": t.uraian.render(lang),
        "konsisten": t.konsisten,
        "dihitung": t.dihitung,
        "sebab": t.sebab.iter().map(|s| sebab_json(s, lang)).collect::<Vec<_>>(),
        "sebab_teks": t.sebab.iter().map(|s| s.pesan().render(lang)).collect::<Vec<_>>(),
        "catatan": t.catatan,
    })
}

/// The findings as JSON for scripts: every finding with its causes as data
/// and as words in `lang`.
pub fn json(results: &[Reviu], lang: Lang) -> serde_json::Result<String> {
    let all: Vec<Value> = results
        .iter()
        .map(|Reviu { berkas, judul, hasil: h }| {
            let info: Vec<Value> = h
                .info
                .iter()
                .map(|i| json!({ "id": i.id, "letak": i.letak.render(lang), "pesan": i.pesan.render(lang) }))
                .collect();
            let temuan: Vec<Value> = h.temuan.iter().map(|t| temuan_json(t, lang)).collect();
            json!({"berkas": berkas, "judul": judul, "relasi": h.relasi, "relasi_tidak_diperiksa": h.tidak_diperiksa, "angka": h.angka, "temuan": temuan, "info": info})
        })
        .collect();
    Ok(format!("{}\n", serde_json::to_string_pretty(&all)?))
}

//! The entry point: references are resolved (a broken one is a
//! [`Masalah`], the transcription is unusable), then every relation is
//! checked over the printed precision of its inputs.

use std::collections::BTreeMap;

use kinerja_core::Error;
use kinerja_pesan::{Message, msg};

use crate::hasil::{Hasil, Masalah, Sebab, Severity, Temuan};
use crate::indeks::{Indeks, refs, relasi_id};
use crate::model::{Bentuk, FORMAT, Relasi, Transkripsi, VERSI};

/// Audits a transcription: every relation recomputed over the printed
/// precision of its inputs. `Err` lists what makes the transcription
/// unusable (a broken reference, a duplicate id, a newer format).
///
/// ```
/// use kinerja_audit::*;
/// let t: Transkripsi = serde_json::from_str(r#"{"format":"kinerja-audit","versi":1,"dokumen":{"judul":"LK"},
///   "kalimat":[{"id":"k","letak":"Bab III","teks":"capaian 102,28% dari target 71,00 dan realisasi 72,62",
///     "nilai":{"c":"1012,28%","t":"71,00","r":"72,62"}}],
///   "relasi":[{"jenis":"capaian","hasil":"k.c","target":"k.t","realisasi":"k.r"}]}"#).unwrap();
/// let h = periksa(&t).unwrap();
/// assert_eq!(h.temuan.len(), 1);
/// assert_eq!(h.temuan[0].sebab[0], Sebab::DigitGanda { seharusnya: "102,28%".into() });
/// ```
pub fn periksa(t: &Transkripsi) -> std::result::Result<Hasil, Vec<Masalah>> {
    let mut masalah = Vec::new();
    if t.format != FORMAT {
        masalah.push(Masalah::at("format", msg::audit_masalah_format(FORMAT), &t.format));
    }
    if t.versi > VERSI || t.versi == 0 {
        masalah.push(Masalah::at("versi", msg::audit_masalah_versi(VERSI), t.versi.to_string()));
    }
    let ix = Indeks::new(t, &mut masalah);
    check_refs(&ix, &mut masalah);
    if !masalah.is_empty() {
        return Err(masalah);
    }
    let mut hasil =
        Hasil { temuan: Vec::new(), info: Vec::new(), relasi: 0, tidak_diperiksa: Vec::new(), angka: ix.angka.len() };
    unreadable(&ix, &mut hasil);
    for (i, r) in t.relasi.iter().enumerate() {
        if uses_unreadable(&ix, r) {
            hasil.tidak_diperiksa.push(relasi_id(r, i));
            continue;
        }
        hasil.relasi += 1;
        match crate::cek::relasi(&ix, r, &relasi_id(r, i)) {
            Ok(out) => {
                hasil.temuan.extend(out.temuan);
                hasil.info.extend(out.info);
            }
            Err(e) => hasil.temuan.push(arithmetic_failure(&ix, r, i, &e)),
        }
    }
    // An error whose cause none of the known slips explains says so.
    for t in hasil.temuan.iter_mut().filter(|t| t.severity == Severity::Galat && t.sebab.is_empty()) {
        t.sebab.push(Sebab::TidakDikenali);
    }
    Ok(hasil)
}

fn check_refs(ix: &Indeks<'_>, masalah: &mut Vec<Masalah>) {
    for (i, r) in ix.t.relasi.iter().enumerate() {
        if let Some(k) = &r.kalimat
            && !ix.t.kalimat.iter().any(|x| &x.id == k)
        {
            let place = format!("relasi[{i}] ({}).kalimat", relasi_id(r, i));
            masalah.push(Masalah::at(place, msg::audit_masalah_kalimat(), k));
        }
        if let Bentuk::Label { menurut: Some(m), .. } = &r.bentuk
            && !ix.t.relasi.iter().any(|x| x.id.as_ref() == Some(m) && matches!(x.bentuk, Bentuk::SkalaTercetak { .. }))
        {
            let place = format!("relasi[{i}] ({}).menurut", relasi_id(r, i));
            masalah.push(Masalah::at(place, msg::audit_masalah_menurut(), m));
        }
        let (hasil, kecuali) = match &r.bentuk {
            Bentuk::Jumlah { hasil, kecuali, .. } => (Some(hasil.as_str()), kecuali.as_slice()),
            b => (b.hasil(), &[][..]),
        };
        let mut fields: BTreeMap<&str, usize> = BTreeMap::new();
        for (f, reference) in refs(&r.bentuk) {
            let pos = fields.entry(f).or_insert(0);
            let place = format!("relasi[{i}] ({}).{f}[{pos}]", relasi_id(r, i));
            *pos += 1;
            let expanded = ix.expand(reference, hasil, kecuali);
            if expanded.is_empty() {
                masalah.push(Masalah::at(&place, msg::audit_masalah_column_figure(), reference));
            }
            for e in expanded {
                if ix.cetak_of(&e).is_none() {
                    masalah.push(Masalah::at(&place, msg::audit_masalah_reference(), e));
                }
            }
        }
    }
}

/// A relation whose exact arithmetic overflowed: reported, not guessed.
fn arithmetic_failure(ix: &Indeks<'_>, r: &Relasi, i: usize, e: &Error) -> Temuan {
    let h = r.bentuk.hasil().unwrap_or("");
    let tercetak = ix
        .angka
        .get(h)
        .map(|a| a.cetak.as_ref().map_or_else(|e| e.teks.clone(), |c| c.teks.clone()))
        .unwrap_or_default();
    ix.temuan(r, &relasi_id(r, i), h, &tercetak, msg::audit_uraian_overflow(e.pesan()))
}

/// Whether a relation uses a figure that does not read as a number: it
/// cannot be checked.
fn uses_unreadable(ix: &Indeks<'_>, r: &Relasi) -> bool {
    let (hasil, kecuali) = match &r.bentuk {
        Bentuk::Jumlah { hasil, kecuali, .. } => (Some(hasil.as_str()), kecuali.as_slice()),
        b => (b.hasil(), &[][..]),
    };
    refs(&r.bentuk)
        .into_iter()
        .flat_map(|(_, x)| ix.expand(x, hasil, kecuali))
        .any(|e| matches!(ix.cetak_of(&e), Some(Err(_))))
}

/// Figures used by a relation that do not read as numbers: findings about
/// the transcription (a figure transcribed as printed but unreadable, such
/// as the seed's pagu `Rp. 2.960.780,030,-`, is for the reviewer to settle),
/// never counted as the report's errors.
fn unreadable(ix: &Indeks<'_>, hasil: &mut Hasil) {
    let used = ix.used();
    for (r, a) in &ix.angka {
        if let (Err(e), true) = (&a.cetak, used.contains(r)) {
            hasil.temuan.push(Temuan {
                id: format!("cetak:{r}"),
                jenis: "angka",
                severity: Severity::Transkripsi,
                letak: a.letak.clone(),
                kutipan: a.kutipan.clone(),
                tercetak: e.teks.clone(),
                uraian: msg::audit_uraian_unreadable(),
                konsisten: None,
                dihitung: None,
                sebab: vec![Sebab::TidakTerbaca { alasan: e.alasan.clone() }],
                catatan: None,
            });
        }
    }
}

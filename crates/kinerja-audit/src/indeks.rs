//! Every transcribed figure by its reference (`tabel.baris.kolom`,
//! `kalimat.nama`, `=literal`), read at its printed precision, and what a
//! check works with: a figure's values, a numeric relation, a finding.

use std::collections::BTreeMap;

use kinerja_core::Result;
use kinerja_pesan::{Pesan, msg};
use rust_decimal::Decimal;

use crate::angka::{Cetak, TidakTerbaca, baca};
use crate::hasil::{Info, Masalah, Severity, Temuan};
use crate::model::{Baris, Bentuk, Kalimat, Relasi, Tabel, Transkripsi};
use crate::rentang::{Rentang, cetakan};
use kinerja_core::notation::Notasi;

/// One transcribed figure.
#[derive(Debug, Clone)]
pub(crate) struct Angka {
    pub cetak: std::result::Result<Cetak, TidakTerbaca>,
    pub letak: Pesan,
    pub kutipan: Option<String>,
    /// `(tabel, baris, kolom)` for table cells.
    pub sel: Option<(String, String, String)>,
}

/// Every figure of a transcription by reference.
pub(crate) struct Indeks<'a> {
    pub angka: BTreeMap<String, Angka>,
    pub t: &'a Transkripsi,
}

impl<'a> Indeks<'a> {
    /// Reads every figure; duplicate ids and cells outside their table's
    /// columns are problems.
    pub fn new(t: &'a Transkripsi, masalah: &mut Vec<Masalah>) -> Indeks<'a> {
        let mut ix = Indeks { angka: BTreeMap::new(), t };
        let mut ids: BTreeMap<&str, String> = BTreeMap::new();
        for (i, tb) in t.tabel.iter().enumerate() {
            if let Some(first) = ids.insert(&tb.id, format!("tabel[{i}]")) {
                masalah.push(Masalah::at(format!("tabel[{i}].id"), msg::audit_masalah_id_unused(first), &tb.id));
            }
            ix.tabel(i, tb, masalah);
        }
        for (i, k) in t.kalimat.iter().enumerate() {
            if let Some(first) = ids.insert(&k.id, format!("kalimat[{i}]")) {
                masalah.push(Masalah::at(format!("kalimat[{i}].id"), msg::audit_masalah_id_unused(first), &k.id));
            }
            ix.kalimat(k);
        }
        ix
    }

    fn tabel(&mut self, i: usize, tb: &Tabel, masalah: &mut Vec<Masalah>) {
        let mut rows = BTreeMap::new();
        for (j, b) in tb.baris.iter().enumerate() {
            if rows.insert(b.id.as_str(), j).is_some() {
                masalah.push(Masalah::at(
                    format!("tabel[{i}].baris[{j}].id"),
                    msg::audit_masalah_row_id_unused(),
                    &b.id,
                ));
            }
            // The row's name, with its id where another row has the same.
            let nama = match nama_baris(tb, b, self.t.notasi) {
                Some(n) if tb.baris.iter().filter(|o| nama_baris(tb, o, self.t.notasi) == Some(n)).count() > 1 => {
                    Some(format!("{n} ({})", b.id))
                }
                n => n.map(str::to_string),
            };
            for (k, teks) in &b.sel {
                if !tb.kolom.contains(k) {
                    let expected = msg::audit_masalah_column_of(&tb.id, tb.kolom.join(", "));
                    masalah.push(Masalah::at(format!("tabel[{i}].baris[{j}].sel"), expected, k));
                    continue;
                }
                let header = tb.judul_kolom.get(k).unwrap_or(k);
                let letak = msg::audit_letak_sel(&tb.judul, nama.as_deref().unwrap_or(&b.id), header);
                // Exact by column (`target`) or by cell (`baris.target`).
                let eksak = tb.eksak.iter().any(|e| e == k || *e == format!("{}.{k}", b.id));
                let cetak = baca(teks, tb.notasi_of(k, self.t.notasi), eksak);
                let sel = Some((tb.id.clone(), b.id.clone(), k.clone()));
                self.angka.insert(format!("{}.{}.{}", tb.id, b.id, k), Angka { cetak, letak, kutipan: None, sel });
            }
        }
    }

    fn kalimat(&mut self, k: &Kalimat) {
        for (n, teks) in &k.nilai {
            let cetak = baca(teks, k.notasi_of(n, self.t.notasi), k.eksak.contains(n));
            let letak = msg::audit_letak_teks(if k.letak.is_empty() { &k.id } else { &k.letak });
            let a = Angka { cetak, letak, kutipan: Some(k.teks.clone()), sel: None };
            self.angka.insert(format!("{}.{n}", k.id), a);
        }
    }

    /// The printed figure of a reference (`=12` is a literal).
    pub fn cetak_of(&self, r: &str) -> Option<std::result::Result<Cetak, TidakTerbaca>> {
        if let Some(lit) = r.strip_prefix('=') {
            return Some(baca(lit, self.t.notasi, true));
        }
        self.angka.get(r).map(|a| a.cetak.clone())
    }

    /// The printed figure of a reference, when it is readable.
    pub fn cetak(&self, r: &str) -> Option<Cetak> {
        self.cetak_of(r).and_then(std::result::Result::ok)
    }

    /// The values a printed figure stands for, when it prints a number.
    pub fn rentang(&self, r: &str) -> Result<Option<Rentang>> {
        match self.cetak(r) {
            Some(c) => Rentang::dari(&c),
            None => Ok(None),
        }
    }

    /// The values of every reference, when each prints a number.
    pub fn rentang_semua(&self, refs: &[String]) -> Result<Option<Vec<Rentang>>> {
        refs.iter().map(|r| self.rentang(r)).collect::<Result<Vec<_>>>().map(|v| v.into_iter().collect())
    }

    /// Where a reference is printed.
    pub fn letak(&self, r: &str) -> Pesan {
        self.angka.get(r).map_or_else(|| msg::audit_letak_teks(r), |a| a.letak.clone())
    }

    /// The references a list entry stands for: itself, or every row of a
    /// table's column for `tabel.*.kolom` (but `hasil`'s row and `kecuali`).
    pub fn expand(&self, r: &str, hasil: Option<&str>, kecuali: &[String]) -> Vec<String> {
        let parts: Vec<&str> = r.split('.').collect();
        let [tb, "*", kol] = parts.as_slice() else { return vec![r.to_string()] };
        let Some(tabel) = self.t.tabel.iter().find(|t| t.id == *tb) else { return vec![r.to_string()] };
        let hasil_row = hasil.and_then(|h| h.split('.').nth(1));
        tabel
            .baris
            .iter()
            .filter(|b| Some(b.id.as_str()) != hasil_row && !kecuali.contains(&b.id) && b.sel.contains_key(*kol))
            .map(|b| format!("{tb}.{}.{kol}", b.id))
            .collect()
    }

    /// Every reference any relation uses, expanded.
    pub fn used(&self) -> std::collections::BTreeSet<String> {
        self.t
            .relasi
            .iter()
            .flat_map(|r| refs(&r.bentuk).into_iter().map(|(_, x)| x.to_string()).collect::<Vec<_>>())
            .flat_map(|r| self.expand(&r, None, &[]))
            .collect()
    }

    /// A finding about the figure `hasil`, with no numbers or causes yet.
    pub fn temuan(&self, rel: &Relasi, id: &str, hasil: &str, tercetak: &str, uraian: Pesan) -> Temuan {
        Temuan {
            id: id.to_string(),
            jenis: rel.bentuk.jenis(),
            severity: Severity::Galat,
            letak: self.letak(hasil),
            kutipan: rel
                .kalimat
                .as_ref()
                .and_then(|k| self.t.kalimat.iter().find(|x| &x.id == k))
                .map(|k| k.teks.clone())
                .or_else(|| self.angka.get(hasil).and_then(|a| a.kutipan.clone())),
            tercetak: tercetak.to_string(),
            uraian,
            konsisten: None,
            dihitung: None,
            sebab: vec![],
            catatan: rel.catatan.clone(),
        }
    }
}

/// Every reference a relation uses, with the field it is in.
pub(crate) fn refs(b: &Bentuk) -> Vec<(&'static str, &str)> {
    fn opt<'b>(f: &'static str, r: &'b Option<String>, v: &mut Vec<(&'static str, &'b str)>) {
        if let Some(r) = r {
            v.push((f, r.as_str()));
        }
    }
    let mut v: Vec<(&'static str, &str)> = Vec::new();
    match b {
        Bentuk::Jumlah { hasil, dari, .. } | Bentuk::RataRata { hasil, dari, bobot: None } => {
            v.push(("hasil", hasil));
            v.extend(dari.iter().map(|r| ("dari", r.as_str())));
        }
        Bentuk::RataRata { hasil, dari, bobot: Some(w) } => {
            v.push(("hasil", hasil));
            v.extend(dari.iter().map(|r| ("dari", r.as_str())));
            v.extend(w.iter().map(|r| ("bobot", r.as_str())));
        }
        Bentuk::TidakMelebihi { bagian, keseluruhan } => {
            v.extend(bagian.iter().map(|r| ("bagian", r.as_str())));
            v.push(("keseluruhan", keseluruhan));
        }
        Bentuk::Persen { hasil, pembilang, penyebut } | Bentuk::Bagi { hasil, pembilang, penyebut } => {
            v.push(("hasil", hasil));
            v.extend(pembilang.iter().map(|r| ("pembilang", r.as_str())));
            v.extend(penyebut.iter().map(|r| ("penyebut", r.as_str())));
        }
        Bentuk::Kali { hasil, dari } => {
            v.push(("hasil", hasil));
            v.extend(dari.iter().map(|r| ("dari", r.as_str())));
        }
        Bentuk::Capaian { hasil, target, realisasi, .. } => {
            v.extend([("hasil", hasil.as_str()), ("target", target), ("realisasi", realisasi)])
        }
        Bentuk::Selisih { hasil, dari, ke, .. } | Bentuk::PerubahanPersen { hasil, dari, ke, .. } => {
            v.extend([("hasil", hasil.as_str()), ("dari", dari), ("ke", ke)])
        }
        Bentuk::Efisiensi { hasil, capaian, penyerapan } => {
            v.extend([("hasil", hasil.as_str()), ("capaian", capaian), ("penyerapan", penyerapan)])
        }
        Bentuk::Ikm { hasil, nrr, responden, .. } => {
            v.push(("hasil", hasil));
            v.extend(nrr.iter().map(|r| ("nrr", r.as_str())));
            opt("responden", responden, &mut v);
        }
        Bentuk::Label { hasil, nilai, .. } => {
            v.push(("hasil", hasil));
            opt("nilai", nilai, &mut v);
        }
        Bentuk::Sama { hasil, nilai } => v.extend([("hasil", hasil.as_str()), ("nilai", nilai)]),
        Bentuk::Arah { dari, ke, nilai, pembanding, target, realisasi, di_antara, .. } => {
            for (f, r) in [
                ("dari", dari),
                ("ke", ke),
                ("nilai", nilai),
                ("pembanding", pembanding),
                ("target", target),
                ("realisasi", realisasi),
            ] {
                opt(f, r, &mut v);
            }
            v.extend(di_antara.iter().map(|r| ("di_antara", r.as_str())));
        }
        Bentuk::RerataBulat { hasil, n } | Bentuk::PersenDariN { hasil, n } => {
            v.extend([("hasil", hasil.as_str()), ("n", n)])
        }
        Bentuk::UrutanUnsur { .. } => {}
        Bentuk::SkalaTercetak { kode, bawah, atas, .. } => {
            v.extend(kode.iter().map(|r| ("kode", r.as_str())));
            v.extend(bawah.iter().map(|r| ("bawah", r.as_str())));
            v.extend(atas.iter().flatten().map(|r| ("atas", r.as_str())));
        }
    }
    v
}

/// The id of the relation at position `i`.
pub(crate) fn relasi_id(r: &Relasi, i: usize) -> String {
    r.id.clone().unwrap_or_else(|| format!("r{}", i + 1))
}

/// A relation's formula over the intervals of its inputs; `None` where
/// nothing can be concluded (a divisor that can be zero).
pub(crate) type Rumus<'a> = &'a dyn Fn(&[Rentang]) -> Result<Option<Rentang>>;

/// A numeric relation: `hasil = f(masukan)`.
pub(crate) struct Num<'a> {
    pub hasil: &'a str,
    pub masukan: Vec<String>,
    pub rentang: Vec<Rentang>,
    pub f: Rumus<'a>,
    pub uraian: Pesan,
}

/// What checking one relation gave.
#[derive(Debug, Default)]
pub(crate) struct Keluaran {
    pub temuan: Vec<Temuan>,
    pub info: Vec<Info>,
}

/// The printings a range can have at `dp` decimals, as decimals.
pub(crate) fn rentang_cetak(r: Rentang, dp: u32) -> Result<(Decimal, Decimal)> {
    let (lo, hi) = cetakan(r, dp)?;
    Ok((lo.round_dp(dp)?, hi.round_dp(dp)?))
}

/// Exact value of a face-value point range, rounded to `dp`.
pub(crate) fn dihitung(r: Option<Rentang>, dp: u32) -> Result<Option<Decimal>> {
    r.map(|r| r.lo.round_dp(dp)).transpose()
}

/// The face value of a printed figure as a point.
pub(crate) fn titik(c: &Cetak) -> Option<Rentang> {
    c.ratio().map(Rentang::titik)
}

/// A row's name: its first printed cell without digits, else its first
/// cell that does not read as a figure.
fn nama_baris<'t>(tb: &'t Tabel, b: &'t Baris, notasi: Notasi) -> Option<&'t str> {
    let cells = || tb.kolom.iter().filter_map(|k| b.sel.get(k));
    cells()
        .find(|s| !s.chars().any(|c| c.is_ascii_digit()))
        .or_else(|| cells().find(|s| baca(s, notasi, false).is_err()))
        .map(String::as_str)
}

//! Checking a transcription: references are resolved (a broken one is a
//! [`Masalah`], the transcription is unusable), then every relation is
//! recomputed over the printed precision of its inputs.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::angka::{Cetak, TidakTerbaca, baca};
use super::rentang::{Rentang, cetakan, cocok};
use super::{Bentuk, Kalimat, NotasiCetak, Relasi, Tabel, Transkripsi};
use crate::notation::Notasi;
use crate::{Error, Result};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tingkat {
    /// A figure does not follow from its inputs.
    Galat,
    /// The report departs from a regulation without a wrong figure.
    Catatan,
}

/// A likely cause of a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum Sebab {
    /// A digit typed twice: without it the figure is consistent.
    DigitGanda {
        /// The consistent printing.
        seharusnya: String,
    },
    /// An extra digit.
    DigitLebih {
        /// The consistent printing.
        seharusnya: String,
    },
    /// A digit dropped.
    DigitHilang {
        /// The consistent printing.
        seharusnya: String,
    },
    /// Two digits transposed.
    DigitTertukar {
        /// The consistent printing.
        seharusnya: String,
    },
    /// The figure follows from another year's figures.
    TahunLain {
        /// That year.
        tahun: i32,
        /// The figures it follows from.
        masukan: Vec<String>,
    },
    /// A total that leaves out one row.
    BarisTerlewat {
        /// The row.
        baris: String,
    },
    /// A total that counts one row twice.
    BarisGanda {
        /// The row.
        baris: String,
    },
    /// A simple mean where a weighted one was due.
    RataSederhana,
    /// The label belongs to another scale, on which the figure has it.
    SkalaLain {
        /// The scale.
        skala: String,
        /// Its regulation.
        regulasi: String,
    },
    /// The figure equals another figure of the report: the column holds
    /// another quantity.
    NilaiLain {
        /// The reference of that figure.
        rujukan: String,
        /// Where it is printed.
        letak: String,
    },
    /// A change in percentage points called a percent change.
    PoinPersen,
    /// The IKM weights the printed IKM is consistent with.
    Bobot {
        /// The weights as printed (`1/9`, `0,111`, `0,11`).
        cocok: Vec<String>,
    },
    /// The figure does not read as a number.
    TidakTerbaca {
        /// Why.
        alasan: String,
    },
}

/// A finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Temuan {
    /// The relation's id.
    pub id: String,
    /// The relation's kind.
    pub jenis: &'static str,
    /// Severity.
    pub tingkat: Tingkat,
    /// Where the figure is: table, row and column, or the sentence's place.
    pub letak: String,
    /// The sentence, quoted, when the figure is in one.
    pub kutipan: Option<String>,
    /// The figure as printed.
    pub tercetak: String,
    /// What was checked, in words.
    pub uraian: String,
    /// The printings that would be consistent: lowest and highest.
    pub konsisten: Option<(Decimal, Decimal)>,
    /// The value recomputed from the printed inputs at face value.
    pub dihitung: Option<Decimal>,
    /// Likely causes, most likely first.
    pub sebab: Vec<Sebab>,
    /// The transcriber's remark.
    pub catatan: Option<String>,
}

/// A result that is not a finding: a figure consistent only within
/// rounding, or the IKM weights a printed IKM fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Info {
    /// The relation's id.
    pub id: String,
    /// Where.
    pub letak: String,
    /// What, in words.
    pub pesan: String,
}

/// A transcription that cannot be checked: a broken reference, a figure a
/// relation needs that is missing, a duplicate id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Masalah {
    /// Where in the transcription (`relasi[3].dari[1]`, `tabel[2].baris[5]`).
    pub letak: String,
    /// What was expected.
    pub expected: String,
    /// What was found.
    pub found: String,
}

/// The outcome of an audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hasil {
    /// Findings, in the order of the relations.
    pub temuan: Vec<Temuan>,
    /// Results that are not findings.
    pub info: Vec<Info>,
    /// Relations checked.
    pub relasi: usize,
    /// Figures transcribed.
    pub angka: usize,
}

/// One transcribed figure.
#[derive(Debug, Clone)]
pub(super) struct Angka {
    pub cetak: std::result::Result<Cetak, TidakTerbaca>,
    pub letak: String,
    pub kutipan: Option<String>,
    /// `(tabel, baris, kolom)` for table cells.
    pub sel: Option<(String, String, String)>,
}

/// Every figure of a transcription by reference.
pub(super) struct Indeks<'a> {
    pub angka: BTreeMap<String, Angka>,
    pub t: &'a Transkripsi,
}

fn notasi(t: &Transkripsi) -> Notasi {
    match t.notasi {
        NotasiCetak::Indonesia => Notasi::Indonesia,
        NotasiCetak::Polos => Notasi::Polos,
    }
}

impl<'a> Indeks<'a> {
    fn new(t: &'a Transkripsi, masalah: &mut Vec<Masalah>) -> Indeks<'a> {
        let mut ix = Indeks { angka: BTreeMap::new(), t };
        let mut ids: BTreeMap<&str, String> = BTreeMap::new();
        for (i, tb) in t.tabel.iter().enumerate() {
            if let Some(first) = ids.insert(&tb.id, format!("tabel[{i}]")) {
                masalah.push(Masalah {
                    letak: format!("tabel[{i}].id"),
                    expected: format!("an id not used before ({first})"),
                    found: tb.id.clone(),
                });
            }
            ix.tabel(i, tb, masalah);
        }
        for (i, k) in t.kalimat.iter().enumerate() {
            if let Some(first) = ids.insert(&k.id, format!("kalimat[{i}]")) {
                masalah.push(Masalah {
                    letak: format!("kalimat[{i}].id"),
                    expected: format!("an id not used before ({first})"),
                    found: k.id.clone(),
                });
            }
            ix.kalimat(k);
        }
        ix
    }

    fn tabel(&mut self, i: usize, tb: &Tabel, masalah: &mut Vec<Masalah>) {
        let mut rows = BTreeMap::new();
        for (j, b) in tb.baris.iter().enumerate() {
            if rows.insert(b.id.as_str(), j).is_some() {
                masalah.push(Masalah {
                    letak: format!("tabel[{i}].baris[{j}].id"),
                    expected: "a row id not used before in the table".into(),
                    found: b.id.clone(),
                });
            }
            // The row's name: its first printed cell without digits, else its
            // first cell that does not read as a figure.
            let cells = || tb.kolom.iter().filter_map(|k| b.sel.get(k));
            let nama = cells()
                .find(|s| !s.chars().any(|c| c.is_ascii_digit()))
                .or_else(|| cells().find(|s| baca(s, notasi(self.t), false).is_err()));
            for (k, teks) in &b.sel {
                if !tb.kolom.contains(k) {
                    masalah.push(Masalah {
                        letak: format!("tabel[{i}].baris[{j}].sel"),
                        expected: format!("a column of {}: {}", tb.id, tb.kolom.join(", ")),
                        found: k.clone(),
                    });
                    continue;
                }
                let header = tb.judul_kolom.get(k).unwrap_or(k);
                let letak = format!("{}, baris {}, kolom {header}", tb.judul, nama.unwrap_or(&b.id));
                let cetak = baca(teks, notasi(self.t), tb.eksak.contains(k));
                let sel = Some((tb.id.clone(), b.id.clone(), k.clone()));
                self.angka.insert(format!("{}.{}.{}", tb.id, b.id, k), Angka { cetak, letak, kutipan: None, sel });
            }
        }
    }

    fn kalimat(&mut self, k: &Kalimat) {
        for (n, teks) in &k.nilai {
            let cetak = baca(teks, notasi(self.t), k.eksak.contains(n));
            let letak = if k.letak.is_empty() { k.id.clone() } else { k.letak.clone() };
            let a = Angka { cetak, letak, kutipan: Some(k.teks.clone()), sel: None };
            self.angka.insert(format!("{}.{n}", k.id), a);
        }
    }

    /// The printed figure of a reference (`=12` is a literal).
    pub fn cetak(&self, r: &str) -> Option<std::result::Result<Cetak, TidakTerbaca>> {
        if let Some(lit) = r.strip_prefix('=') {
            return Some(baca(lit, notasi(self.t), true));
        }
        self.angka.get(r).map(|a| a.cetak.clone())
    }

    /// Where a reference is printed.
    pub fn letak(&self, r: &str) -> String {
        self.angka.get(r).map_or_else(|| r.to_string(), |a| a.letak.clone())
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
}

/// Every reference a relation uses, with the field it is in.
fn refs(b: &Bentuk) -> Vec<(&'static str, &str)> {
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
        Bentuk::Persen { hasil, pembilang, penyebut } => {
            v.extend([("hasil", hasil.as_str()), ("pembilang", pembilang), ("penyebut", penyebut)])
        }
        Bentuk::Capaian { hasil, target, realisasi, .. } => {
            v.extend([("hasil", hasil.as_str()), ("target", target), ("realisasi", realisasi)])
        }
        Bentuk::Selisih { hasil, dari, ke, .. } | Bentuk::PerubahanPersen { hasil, dari, ke } => {
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
    }
    v
}

/// The id of the relation at position `i`.
pub(super) fn relasi_id(r: &Relasi, i: usize) -> String {
    r.id.clone().unwrap_or_else(|| format!("r{}", i + 1))
}

fn check_refs(ix: &Indeks<'_>, masalah: &mut Vec<Masalah>) {
    for (i, r) in ix.t.relasi.iter().enumerate() {
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
                masalah.push(Masalah {
                    letak: place.clone(),
                    expected: "a column with at least one figure".into(),
                    found: reference.to_string(),
                });
            }
            for e in expanded {
                if ix.cetak(&e).is_none() {
                    masalah.push(Masalah {
                        letak: place.clone(),
                        expected: "a reference to a printed figure (tabel.baris.kolom, kalimat.nama, or =number)"
                            .into(),
                        found: e,
                    });
                }
            }
        }
    }
}

/// Audits a transcription: every relation recomputed over the printed
/// precision of its inputs. `Err` lists what makes the transcription
/// unusable (a broken reference, a duplicate id, a newer format).
///
/// ```
/// use kinerja_core::audit::*;
/// let t = Transkripsi {
///     format: FORMAT.into(), versi: 1, notasi: NotasiCetak::Indonesia, dokumen: Dokumen::default(),
///     muat: vec![], tabel: vec![], kalimat: vec![Kalimat { id: "k".into(), letak: "Bab III".into(),
///         teks: "capaian 102,28% dari target 71,00 dan realisasi 72,62".into(),
///         nilai: [("c", "1012,28%"), ("t", "71,00"), ("r", "72,62")].into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
///         eksak: vec![] }],
///     relasi: vec![Relasi { id: None, catatan: None, bentuk: Bentuk::Capaian { hasil: "k.c".into(), target: "k.t".into(),
///         realisasi: "k.r".into(), polaritas: Default::default(), metode: Default::default() } }],
/// };
/// let h = periksa(&t).unwrap();
/// assert_eq!(h.temuan.len(), 1);
/// assert_eq!(h.temuan[0].sebab[0], Sebab::DigitGanda { seharusnya: "102,28%".into() });
/// ```
pub fn periksa(t: &Transkripsi) -> std::result::Result<Hasil, Vec<Masalah>> {
    let mut masalah = Vec::new();
    if t.format != super::FORMAT {
        masalah.push(Masalah {
            letak: "format".into(),
            expected: format!("{:?}", super::FORMAT),
            found: t.format.clone(),
        });
    }
    if t.versi > super::VERSI || t.versi == 0 {
        masalah.push(Masalah {
            letak: "versi".into(),
            expected: format!("a version from 1 to {} (upgrade Kinerja for newer ones)", super::VERSI),
            found: t.versi.to_string(),
        });
    }
    let ix = Indeks::new(t, &mut masalah);
    check_refs(&ix, &mut masalah);
    if !masalah.is_empty() {
        return Err(masalah);
    }
    let mut hasil = Hasil { temuan: Vec::new(), info: Vec::new(), relasi: t.relasi.len(), angka: ix.angka.len() };
    unreadable(&ix, &mut hasil);
    for (i, r) in t.relasi.iter().enumerate() {
        match super::cek::relasi(&ix, r, &relasi_id(r, i)) {
            Ok(out) => out.into(&mut hasil),
            Err(e) => hasil.temuan.push(arithmetic_failure(&ix, r, i, &e)),
        }
    }
    Ok(hasil)
}

/// A relation whose exact arithmetic overflowed: reported, not guessed.
fn arithmetic_failure(ix: &Indeks<'_>, r: &Relasi, i: usize, e: &Error) -> Temuan {
    let h = r.bentuk.hasil().unwrap_or("");
    Temuan {
        id: relasi_id(r, i),
        jenis: r.bentuk.jenis(),
        tingkat: Tingkat::Galat,
        letak: ix.letak(h),
        kutipan: ix.angka.get(h).and_then(|a| a.kutipan.clone()),
        tercetak: ix
            .angka
            .get(h)
            .map(|a| a.cetak.as_ref().map_or_else(|e| e.teks.clone(), |c| c.teks.clone()))
            .unwrap_or_default(),
        uraian: format!("tidak dapat dihitung: {e}"),
        konsisten: None,
        dihitung: None,
        sebab: vec![],
        catatan: r.catatan.clone(),
    }
}

/// Figures used by a relation that do not read as numbers.
fn unreadable(ix: &Indeks<'_>, hasil: &mut Hasil) {
    let used: std::collections::BTreeSet<String> =
        ix.t.relasi
            .iter()
            .flat_map(|r| refs(&r.bentuk).into_iter().map(|(_, x)| x.to_string()).collect::<Vec<_>>())
            .flat_map(|r| ix.expand(&r, None, &[]))
            .collect();
    for (r, a) in &ix.angka {
        if let (Err(e), true) = (&a.cetak, used.contains(r)) {
            hasil.temuan.push(Temuan {
                id: format!("cetak:{r}"),
                jenis: "angka",
                tingkat: Tingkat::Galat,
                letak: a.letak.clone(),
                kutipan: a.kutipan.clone(),
                tercetak: e.teks.clone(),
                uraian: "angka tercetak tidak terbaca sebagai bilangan".into(),
                konsisten: None,
                dihitung: None,
                sebab: vec![Sebab::TidakTerbaca { alasan: e.alasan.clone() }],
                catatan: None,
            });
        }
    }
}

/// What checking one relation gave.
#[derive(Debug, Default)]
pub(super) struct Keluaran {
    pub temuan: Vec<Temuan>,
    pub info: Vec<Info>,
}

impl Keluaran {
    pub fn into(self, h: &mut Hasil) {
        h.temuan.extend(self.temuan);
        h.info.extend(self.info);
    }
}

/// The printings a range can have at `dp` decimals, as decimals.
pub(super) fn rentang_cetak(r: Rentang, dp: u32) -> Result<(Decimal, Decimal)> {
    let (lo, hi) = cetakan(r, dp)?;
    Ok((lo.round_dp(dp)?, hi.round_dp(dp)?))
}

/// Whether the printed `c` can come from values in `r`.
pub(super) fn konsisten(r: Rentang, c: &Cetak) -> Result<bool> {
    cocok(r, c)
}

/// Exact value of a face-value point range, rounded to `dp`.
pub(super) fn dihitung(r: Option<Rentang>, dp: u32) -> Result<Option<Decimal>> {
    r.map(|r| r.lo.round_dp(dp)).transpose()
}

/// The face value of a printed figure as a point.
pub(super) fn titik(c: &Cetak) -> Option<Rentang> {
    c.ratio().map(Rentang::titik)
}

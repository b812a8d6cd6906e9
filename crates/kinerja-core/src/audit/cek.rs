//! The check of each kind of relation.

use super::angka::Cetak;
use super::periksa::{Indeks, Info, Keluaran, Sebab, Temuan, Tingkat, dihitung, konsisten, rentang_cetak, titik};
use super::rentang::{Rentang, grim};
use super::{Bentuk, Kata, Relasi, Skala};
use crate::band::{AKIP_2021, BandTable, IKM_2004, IKM_2017, PREDIKAT_CAPAIAN};
use crate::capaian::{MetodeNegatif, Polaritas};
use crate::exact::Ratio;
use crate::notation::format_number;
use crate::skm::Skema;
use crate::{Error, Result};

/// A relation's formula over the intervals of its inputs; `None` where
/// nothing can be concluded (a divisor that can be zero).
pub(super) type Rumus<'a> = &'a dyn Fn(&[Rentang]) -> Result<Option<Rentang>>;

/// A numeric relation: `hasil = f(masukan)`.
pub(super) struct Num<'a> {
    pub hasil: &'a str,
    pub masukan: Vec<String>,
    pub rentang: Vec<Rentang>,
    pub f: Rumus<'a>,
    pub uraian: String,
}

/// The printed figure of a reference, when it is readable.
pub(super) fn cetak(ix: &Indeks<'_>, r: &str) -> Option<Cetak> {
    ix.cetak(r).and_then(std::result::Result::ok)
}

/// The values a printed figure stands for, when it prints a number.
pub(super) fn rentang(ix: &Indeks<'_>, r: &str) -> Result<Option<Rentang>> {
    match cetak(ix, r) {
        Some(c) => Rentang::dari(&c),
        None => Ok(None),
    }
}

fn rentang_semua(ix: &Indeks<'_>, refs: &[String]) -> Result<Option<Vec<Rentang>>> {
    refs.iter().map(|r| rentang(ix, r)).collect::<Result<Vec<_>>>().map(|v| v.into_iter().collect())
}

fn hundred() -> Rentang {
    Rentang::titik(Ratio::HUNDRED)
}

/// A finding about the figure `hasil`.
pub(super) fn temuan(ix: &Indeks<'_>, rel: &Relasi, id: &str, hasil: &str, tercetak: &str, uraian: String) -> Temuan {
    Temuan {
        id: id.to_string(),
        jenis: rel.bentuk.jenis(),
        tingkat: Tingkat::Galat,
        letak: ix.letak(hasil),
        kutipan: ix.angka.get(hasil).and_then(|a| a.kutipan.clone()),
        tercetak: tercetak.to_string(),
        uraian,
        konsisten: None,
        dihitung: None,
        sebab: vec![],
        catatan: rel.catatan.clone(),
    }
}

/// Checks `hasil = f(masukan)`; a finding when no printing of the range is
/// the printed figure, a note when it is consistent only within rounding.
pub(super) fn numerik(ix: &Indeks<'_>, rel: &Relasi, id: &str, n: &Num<'_>) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let Some(c) = cetak(ix, n.hasil).filter(|c| c.nilai.is_some()) else { return Ok(out) };
    let Some(r) = (n.f)(&n.rentang)? else { return Ok(out) };
    let points: Option<Vec<Rentang>> = n.masukan.iter().map(|m| cetak(ix, m).as_ref().and_then(titik)).collect();
    let face = match points {
        Some(p) => (n.f)(&p)?,
        None => None,
    };
    let dp = c.dp();
    if konsisten(r, &c)? {
        if let (Some(f), Some(v)) = (dihitung(face, dp)?, c.nilai)
            && f != v
        {
            let pesan = format!(
                "{}: tercetak {}, dari angka tercetak {} — konsisten dalam pembulatan",
                n.uraian,
                c.teks,
                fmt(f, dp)
            );
            out.info.push(Info { id: id.to_string(), letak: ix.letak(n.hasil), pesan });
        }
        return Ok(out);
    }
    let mut t = temuan(ix, rel, id, n.hasil, &c.teks, n.uraian.clone());
    t.konsisten = Some(rentang_cetak(r, dp)?);
    t.dihitung = dihitung(face, dp)?;
    t.sebab = super::sebab::cari(ix, rel, n, &c)?;
    out.temuan.push(t);
    Ok(out)
}

pub(super) fn fmt(d: rust_decimal::Decimal, dp: u32) -> String {
    format_number(d, dp).unwrap_or_else(|_| d.to_string())
}

/// The check of one relation.
pub(super) fn relasi(ix: &Indeks<'_>, rel: &Relasi, id: &str) -> Result<Keluaran> {
    match &rel.bentuk {
        Bentuk::Jumlah { hasil, dari, kecuali } => {
            let masukan: Vec<String> = dari.iter().flat_map(|d| ix.expand(d, Some(hasil), kecuali)).collect();
            let f = |v: &[Rentang]| Rentang::jumlah(v.iter().copied()).map(Some);
            let uraian = format!("jumlah {} angka", masukan.len());
            num(ix, rel, id, hasil, masukan, &f, uraian)
        }
        Bentuk::Persen { hasil, pembilang, penyebut } => {
            let f = |v: &[Rentang]| v[0].bagi(v[1])?.map(|q| q.kali(hundred())).transpose();
            num(ix, rel, id, hasil, vec![pembilang.clone(), penyebut.clone()], &f, "pembilang / penyebut × 100".into())
        }
        Bentuk::Capaian { hasil, target, realisasi, polaritas, metode } => {
            let (p, m) = (*polaritas, *metode);
            let f = move |v: &[Rentang]| capaian(v[0], v[1], p, m);
            num(ix, rel, id, hasil, vec![target.clone(), realisasi.clone()], &f, uraian_capaian(p, m))
        }
        Bentuk::Selisih { hasil, dari, ke, mutlak } => {
            let m = *mutlak;
            let f = move |v: &[Rentang]| {
                let d = v[1].kurang(v[0])?;
                Ok(Some(if m { d.mutlak()? } else { d }))
            };
            let uraian = if m { "|ke − dari|" } else { "ke − dari" };
            num(ix, rel, id, hasil, vec![dari.clone(), ke.clone()], &f, uraian.into())
        }
        Bentuk::PerubahanPersen { hasil, dari, ke } => {
            let f = |v: &[Rentang]| {
                let q = v[1].bagi(v[0])?;
                q.map(|q| q.kurang(Rentang::titik(Ratio::ONE))?.kali(hundred())).transpose()
            };
            num(ix, rel, id, hasil, vec![dari.clone(), ke.clone()], &f, "(ke − dari) / dari × 100".into())
        }
        Bentuk::Efisiensi { hasil, capaian, penyerapan } => {
            let f = |v: &[Rentang]| v[0].kurang(v[1]).map(Some);
            num(ix, rel, id, hasil, vec![capaian.clone(), penyerapan.clone()], &f, "% capaian − % penyerapan".into())
        }
        Bentuk::RataRata { hasil, dari, bobot } => rata_rata(ix, rel, id, hasil, dari, bobot.as_deref()),
        Bentuk::TidakMelebihi { bagian, keseluruhan } => tidak_melebihi(ix, rel, id, bagian, keseluruhan),
        Bentuk::Ikm { hasil, nrr, unsur, skema, bobot, responden } => {
            super::sebab::ikm(ix, rel, id, (hasil, nrr, unsur), *skema, bobot.as_deref(), responden.as_deref())
        }
        Bentuk::Label { hasil, nilai, skala } => label(ix, rel, id, hasil, nilai.as_deref(), *skala),
        Bentuk::Sama { hasil, nilai } => super::sebab::sama(ix, rel, id, hasil, nilai),
        Bentuk::Arah { .. } => arah(ix, rel, id),
        Bentuk::RerataBulat { hasil, n } => granular(ix, rel, id, hasil, n, false),
        Bentuk::PersenDariN { hasil, n } => granular(ix, rel, id, hasil, n, true),
        Bentuk::UrutanUnsur { unsur, skema } => Ok(urutan(ix, rel, id, unsur, *skema)),
    }
}

fn num(
    ix: &Indeks<'_>,
    rel: &Relasi,
    id: &str,
    hasil: &str,
    masukan: Vec<String>,
    f: Rumus<'_>,
    uraian: String,
) -> Result<Keluaran> {
    let Some(rentang) = rentang_semua(ix, &masukan)? else { return Ok(Keluaran::default()) };
    numerik(ix, rel, id, &Num { hasil, masukan, rentang, f, uraian })
}

fn uraian_capaian(p: Polaritas, m: MetodeNegatif) -> String {
    match (p, m) {
        (Polaritas::Positif, _) => "capaian = realisasi / target × 100".into(),
        (Polaritas::Negatif, MetodeNegatif::SelisihGanda) => "capaian = (2 × target − realisasi) / target × 100".into(),
        (Polaritas::Negatif, MetodeNegatif::Rasio) => "capaian = target / realisasi × 100".into(),
    }
}

/// Capaian over intervals, each input appearing once: positif `R/T`,
/// negatif `2 − R/T` floored at 0, or `T/R`; no conclusion where the
/// divisor can be zero (the core's zero-target rules).
fn capaian(t: Rentang, r: Rentang, p: Polaritas, m: MetodeNegatif) -> Result<Option<Rentang>> {
    let q = match (p, m) {
        (Polaritas::Positif, _) => r.bagi(t)?,
        (Polaritas::Negatif, MetodeNegatif::SelisihGanda) => r
            .bagi(t)?
            .map(|q| {
                let v = Rentang::titik(Ratio::int(2)).kurang(q)?;
                Ok::<_, Error>(Rentang { lo: v.lo.max(Ratio::ZERO), hi: v.hi.max(Ratio::ZERO) })
            })
            .transpose()?,
        (Polaritas::Negatif, MetodeNegatif::Rasio) => t.bagi(r)?,
    };
    q.map(|q| q.kali(hundred())).transpose()
}

fn rata_rata(
    ix: &Indeks<'_>,
    rel: &Relasi,
    id: &str,
    hasil: &str,
    dari: &[String],
    bobot: Option<&[String]>,
) -> Result<Keluaran> {
    let masukan: Vec<String> = dari.iter().flat_map(|d| ix.expand(d, Some(hasil), &[])).collect();
    let n = masukan.len();
    let simple = move |v: &[Rentang]| {
        let s = Rentang::jumlah(v[..n].iter().copied())?;
        s.kali(Rentang::titik(Ratio::new(1, i128::try_from(n).unwrap_or(1).max(1))?)).map(Some)
    };
    let Some(w) = bobot else { return num(ix, rel, id, hasil, masukan, &simple, format!("rata-rata {n} angka")) };
    let weights: Vec<String> = w.iter().flat_map(|d| ix.expand(d, Some(hasil), &[])).collect();
    let weighted = move |v: &[Rentang]| {
        let (x, w) = v.split_at(n);
        let sum = Rentang::jumlah(x.iter().zip(w).map(|(a, b)| a.kali(*b)).collect::<Result<Vec<_>>>()?)?;
        sum.bagi(Rentang::jumlah(w.iter().copied())?)
    };
    let mut all = masukan.clone();
    all.extend(weights);
    let mut out = num(ix, rel, id, hasil, all, &weighted, format!("rata-rata tertimbang {n} angka"))?;
    if let (Some(t), Some(r)) = (out.temuan.first_mut(), rentang_semua(ix, &masukan)?)
        && let (Some(c), Some(s)) = (cetak(ix, hasil), simple(&r)?)
        && konsisten(s, &c)?
    {
        t.sebab.insert(0, Sebab::RataSederhana);
    }
    Ok(out)
}

fn tidak_melebihi(ix: &Indeks<'_>, rel: &Relasi, id: &str, bagian: &[String], keseluruhan: &str) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let parts: Vec<String> = bagian.iter().flat_map(|d| ix.expand(d, Some(keseluruhan), &[])).collect();
    let (Some(r), Some(whole), Some(c)) =
        (rentang_semua(ix, &parts)?, rentang(ix, keseluruhan)?, cetak(ix, keseluruhan))
    else {
        return Ok(out);
    };
    let sum = Rentang::jumlah(r)?;
    if sum.lo <= whole.hi {
        return Ok(out);
    }
    let face: Option<Vec<Rentang>> = parts.iter().map(|p| cetak(ix, p).as_ref().and_then(titik)).collect();
    let dp = parts.iter().filter_map(|p| cetak(ix, p)).map(|c| c.dp()).max().unwrap_or(0).max(c.dp());
    let mut t =
        temuan(ix, rel, id, keseluruhan, &c.teks, format!("jumlah {} bagian tidak melebihi keseluruhan", parts.len()));
    t.dihitung = dihitung(face.map(Rentang::jumlah).transpose()?, dp)?;
    out.temuan.push(t);
    Ok(out)
}

/// The scale of a [`Skala`] and whether labels are read as codes or words
/// (both are accepted).
pub(super) fn skala(s: Skala) -> &'static BandTable {
    match s {
        Skala::PredikatCapaian => &PREDIKAT_CAPAIAN,
        Skala::MutuIkm2017 | Skala::KinerjaIkm2017 => &IKM_2017,
        Skala::MutuIkm2004 => &IKM_2004,
        Skala::PredikatAkip => &AKIP_2021,
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The bands of `t` that values in `r` fall in (after rounding).
pub(super) fn bands(t: &'static BandTable, r: Rentang) -> Vec<&'static crate::band::Band> {
    let (a, b) = (t.classify(r.lo).ok(), t.classify(r.hi).ok());
    let pos = |x: Option<&crate::band::Band>| x.and_then(|x| t.bands.iter().position(|y| y == x));
    let (lo, hi) = match (pos(a), pos(b)) {
        (Some(i), Some(j)) => (j.min(i), j.max(i)),
        (Some(i), None) | (None, Some(i)) => (i, i),
        (None, None) => return vec![],
    };
    t.bands[lo..=hi].iter().collect()
}

/// The values whose band a printed figure can have. Bands apply to the
/// value rounded to two decimals, so a figure printed with exactly two
/// decimals is its own rounding: `90,00` is A, never AA (the closed
/// interval would reach 90,005). Otherwise the figure's interval.
fn rentang_band(c: &Cetak) -> Result<Option<Rentang>> {
    match c.ratio() {
        Some(v) if c.dp() == 2 => Ok(Some(Rentang::titik(v))),
        _ => Rentang::dari(c),
    }
}

/// Whether `label` is one of `bands` by code or by label.
pub(super) fn has_label(bands: &[&crate::band::Band], label: &str) -> bool {
    let l = norm(label);
    bands.iter().any(|b| norm(b.code) == l || norm(b.label) == l)
}

fn label(ix: &Indeks<'_>, rel: &Relasi, id: &str, hasil: &str, nilai: Option<&str>, s: Skala) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let Some(c) = cetak(ix, hasil) else { return Ok(out) };
    let Some(l) = c.label.clone() else { return Ok(out) };
    let value = match nilai {
        Some(n) => cetak(ix, n).map(|x| rentang_band(&x)).transpose()?.flatten(),
        None => rentang_band(&c)?,
    };
    let Some(r) = value else { return Ok(out) };
    let t = skala(s);
    if has_label(&bands(t, r), &l) {
        return Ok(out);
    }
    let mut f = temuan(ix, rel, id, hasil, &c.teks, format!("{l} sebagai {} ({})", t.title, t.regulation));
    let reachable: Vec<String> = bands(t, r).iter().map(|b| format!("{} ({})", b.code, b.label)).collect();
    if !reachable.is_empty() {
        f.uraian.push_str(&format!("; nilainya memberi {}", reachable.join(" atau ")));
    }
    for other in [&PREDIKAT_CAPAIAN, &IKM_2017, &IKM_2004, &AKIP_2021].into_iter().filter(|o| !std::ptr::eq(*o, t)) {
        if has_label(&bands(other, r), &l) {
            f.sebab.push(Sebab::SkalaLain { skala: other.title.to_string(), regulasi: other.regulation.to_string() });
        }
    }
    out.temuan.push(f);
    Ok(out)
}

/// The direction words: a finding when no values consistent with the
/// printing go the stated way.
fn arah(ix: &Indeks<'_>, rel: &Relasi, id: &str) -> Result<Keluaran> {
    let Bentuk::Arah { kata, dari, ke, nilai, pembanding, target, realisasi, polaritas, di_antara } = &rel.bentuk
    else {
        return Ok(Keluaran::default());
    };
    let get = |r: &Option<String>| -> Result<Option<Rentang>> {
        r.as_deref().map(|r| rentang(ix, r)).transpose().map(Option::flatten)
    };
    // "a > b is possible": a.hi > b.lo; "a ≥ b possible": a.hi ≥ b.lo.
    let (mungkin, subjek) = match kata {
        Kata::Naik | Kata::Meningkat => (lebih(get(ke)?, get(dari)?, true), ke),
        Kata::Turun | Kata::Menurun => (lebih(get(dari)?, get(ke)?, true), ke),
        Kata::DiAtas | Kata::Unggul => (lebih(get(nilai)?, get(pembanding)?, true), nilai),
        Kata::DiBawah => (lebih(get(pembanding)?, get(nilai)?, true), nilai),
        Kata::Tercapai | Kata::Melampaui | Kata::TidakTercapai => {
            let (t, r) = (get(target)?, get(realisasi)?);
            let (better, strict) = match polaritas {
                Polaritas::Positif => ((r, t), *kata == Kata::Melampaui),
                Polaritas::Negatif => ((t, r), *kata == Kata::Melampaui),
            };
            let m = if *kata == Kata::TidakTercapai {
                lebih(better.1, better.0, true)
            } else {
                lebih(better.0, better.1, strict)
            };
            (m, realisasi)
        }
        Kata::Tertinggi | Kata::Terendah => {
            let v = get(nilai)?;
            let others = di_antara.iter().map(|r| rentang(ix, r)).collect::<Result<Vec<_>>>()?;
            let ok = others
                .iter()
                .flatten()
                .all(|o| if *kata == Kata::Tertinggi { lebih(v, Some(*o), false) } else { lebih(Some(*o), v, false) });
            (ok, nilai)
        }
    };
    let mut out = Keluaran::default();
    if !mungkin {
        let s = subjek.as_deref().unwrap_or("");
        let teks = format!("{kata:?}").to_lowercase();
        out.temuan.push(temuan(ix, rel, id, s, &teks, format!("arah \"{teks}\" tidak sesuai angka tercetak")));
    }
    Ok(out)
}

/// Whether some values make `a > b` (`strict`) or `a ≥ b`; true when either
/// is unknown (nothing to conclude).
fn lebih(a: Option<Rentang>, b: Option<Rentang>, strict: bool) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            if strict {
                a.hi > b.lo
            } else {
                a.hi >= b.lo
            }
        }
        _ => true,
    }
}

/// A mean of `n` whole answers (or a percentage of `n` cases) must be
/// `k / n` (or `100 k / n`) for a whole `k`.
fn granular(ix: &Indeks<'_>, rel: &Relasi, id: &str, hasil: &str, n: &str, persen: bool) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let (Some(c), Some(count)) = (cetak(ix, hasil), cetak(ix, n).and_then(|c| c.nilai)) else { return Ok(out) };
    let Some(v) = c.nilai else { return Ok(out) };
    let Ok(count) = u64::try_from(count.trunc().mantissa() / 10_i128.pow(count.trunc().scale())) else {
        return Ok(out);
    };
    // A percentage printed at dp decimals is a fraction at dp + 2.
    let mut fraction = v;
    if persen && fraction.set_scale(v.scale() + 2).is_err() {
        return Ok(out);
    }
    let scaled = Cetak { nilai: Some(fraction), ..c.clone() };
    if grim(&scaled, count, None)?.is_none() {
        let what = if persen {
            format!("persentase dari {count} kasus (100·k/{count})")
        } else {
            format!("rata-rata {count} jawaban bulat (k/{count})")
        };
        out.temuan.push(temuan(
            ix,
            rel,
            id,
            hasil,
            &c.teks,
            format!("{what}: tidak ada k yang dibulatkan menjadi {}", c.teks),
        ));
    }
    Ok(out)
}

/// Unsur listed in another order than the regulation's: a note.
fn urutan(ix: &Indeks<'_>, rel: &Relasi, id: &str, unsur: &[String], skema: Skema) -> Keluaran {
    let mut out = Keluaran::default();
    let regulasi: Vec<&str> = skema.unsur().iter().map(|u| u.id).filter(|u| unsur.iter().any(|x| x == u)).collect();
    let printed: Vec<&str> = unsur.iter().map(String::as_str).collect();
    if printed != regulasi {
        let diff: Vec<String> = printed
            .iter()
            .zip(&regulasi)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| format!("ke-{}: tercetak {a}, regulasi {b}", i + 1))
            .collect();
        let mut t =
            temuan(ix, rel, id, "", &printed.join(", "), format!("urutan unsur {}: {}", skema.code(), diff.join("; ")));
        t.tingkat = Tingkat::Catatan;
        t.letak = rel.catatan.clone().unwrap_or_else(|| "urutan unsur".into());
        out.temuan.push(t);
    }
    out
}

//! The check of each kind of relation: the relation's formula over the
//! intervals of its printed inputs, and the printed result compared with
//! every printing those values can have.

use kinerja_core::band::{AKIP_2021, Band, BandTable, IKM_2004, IKM_2017, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::{MetodeNegatif, Polaritas};
use kinerja_core::notation::format_number;
use kinerja_core::skm::{Bobot, Skema};
use kinerja_core::{Error, Ratio, Result};
use kinerja_pesan::{Pesan, msg};

use crate::angka::Cetak;
use crate::hasil::{Info, Sebab, Severity};
use crate::indeks::{Indeks, Keluaran, Num, Rumus, dihitung, rentang_cetak, titik};
use crate::model::{Bentuk, Kata, Relasi, Skala};
use crate::rentang::{Rentang, cocok, grim};

fn hundred() -> Rentang {
    Rentang::titik(Ratio::HUNDRED)
}

/// Checks `hasil = f(masukan)`; a finding when no printing of the range is
/// the printed figure, a note when it is consistent only within rounding.
pub(crate) fn numerik(ix: &Indeks<'_>, rel: &Relasi, id: &str, n: &Num<'_>) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let Some(c) = ix.cetak(n.hasil).filter(|c| c.nilai.is_some()) else { return Ok(out) };
    let Some(r) = (n.f)(&n.rentang)? else { return Ok(out) };
    let points: Option<Vec<Rentang>> = n.masukan.iter().map(|m| ix.cetak(m).as_ref().and_then(titik)).collect();
    let face = match points {
        Some(p) => (n.f)(&p)?,
        None => None,
    };
    let dp = c.dp();
    if cocok(r, &c)? {
        if let (Some(f), Some(v)) = (dihitung(face, dp)?, c.nilai)
            && f != v
        {
            let pesan = msg::audit_info_rounding(n.uraian.clone(), &c.teks, fmt(f, dp));
            out.info.push(Info { id: id.to_string(), letak: ix.letak(n.hasil), pesan, ikm: false });
        }
        return Ok(out);
    }
    let mut t = ix.temuan(rel, id, n.hasil, &c.teks, n.uraian.clone());
    t.konsisten = Some(rentang_cetak(r, dp)?);
    t.dihitung = dihitung(face, dp)?;
    t.sebab = crate::sebab::cari(ix, rel, n, &c)?;
    out.temuan.push(t);
    Ok(out)
}

/// A figure in Indonesian notation at `dp` decimals.
pub(crate) fn fmt(d: rust_decimal::Decimal, dp: u32) -> String {
    format_number(d, dp).unwrap_or_else(|_| d.to_string())
}

/// The figures of a quotient, numerator's first, and how many those are.
fn bagian(ix: &Indeks<'_>, hasil: &str, pembilang: &[String], penyebut: &[String]) -> (Vec<String>, usize) {
    let expand = |l: &[String]| -> Vec<String> { l.iter().flat_map(|d| ix.expand(d, Some(hasil), &[])).collect() };
    let (mut masukan, bawah) = (expand(pembilang), expand(penyebut));
    let k = masukan.len();
    masukan.extend(bawah);
    (masukan, k)
}

/// The check of one relation.
pub(crate) fn relasi(ix: &Indeks<'_>, rel: &Relasi, id: &str) -> Result<Keluaran> {
    match &rel.bentuk {
        Bentuk::Jumlah { hasil, dari, kecuali } => {
            let masukan: Vec<String> = dari.iter().flat_map(|d| ix.expand(d, Some(hasil), kecuali)).collect();
            let f = |v: &[Rentang]| Rentang::sum(v.iter().copied()).map(Some);
            let uraian = msg::audit_uraian_jumlah(masukan.len());
            num(ix, rel, id, hasil, masukan, &f, uraian)
        }
        Bentuk::Persen { hasil, pembilang, penyebut } => {
            let (masukan, k) = bagian(ix, hasil, pembilang, penyebut);
            let f = move |v: &[Rentang]| {
                let q = Rentang::sum(v[..k].iter().copied())?.checked_div(Rentang::sum(v[k..].iter().copied())?)?;
                q.map(|q| q.checked_mul(hundred())).transpose()
            };
            num(ix, rel, id, hasil, masukan, &f, msg::audit_uraian_persen())
        }
        Bentuk::Bagi { hasil, pembilang, penyebut } => {
            let (masukan, k) = bagian(ix, hasil, pembilang, penyebut);
            let f = move |v: &[Rentang]| {
                Rentang::sum(v[..k].iter().copied())?.checked_div(Rentang::sum(v[k..].iter().copied())?)
            };
            num(ix, rel, id, hasil, masukan, &f, msg::audit_uraian_bagi())
        }
        Bentuk::Kali { hasil, dari } => {
            let masukan: Vec<String> = dari.iter().flat_map(|d| ix.expand(d, Some(hasil), &[])).collect();
            let f = |v: &[Rentang]| v.iter().skip(1).try_fold(v[0], |acc, x| acc.checked_mul(*x)).map(Some);
            num(ix, rel, id, hasil, masukan, &f, msg::audit_uraian_kali(dari.len()))
        }
        Bentuk::Capaian { hasil, target, realisasi, polaritas, metode } => {
            let (p, m) = (*polaritas, *metode);
            let f = move |v: &[Rentang]| capaian(v[0], v[1], p, m);
            num(ix, rel, id, hasil, vec![target.clone(), realisasi.clone()], &f, uraian_capaian(p, m))
        }
        Bentuk::Selisih { hasil, dari, ke, mutlak } => {
            let m = *mutlak;
            let f = move |v: &[Rentang]| {
                let d = v[1].checked_sub(v[0])?;
                Ok(Some(if m { d.abs()? } else { d }))
            };
            let uraian = if m { msg::audit_uraian_selisih_mutlak() } else { msg::audit_uraian_selisih() };
            num(ix, rel, id, hasil, vec![dari.clone(), ke.clone()], &f, uraian)
        }
        Bentuk::PerubahanPersen { hasil, dari, ke, mutlak } => {
            let m = *mutlak;
            let f = move |v: &[Rentang]| {
                let q = v[1].checked_div(v[0])?;
                let p = q.map(|q| q.checked_sub(Rentang::titik(Ratio::ONE))?.checked_mul(hundred())).transpose()?;
                p.map(|p| if m { p.abs() } else { Ok(p) }).transpose()
            };
            num(ix, rel, id, hasil, vec![dari.clone(), ke.clone()], &f, msg::audit_uraian_perubahan_persen())
        }
        Bentuk::Efisiensi { hasil, capaian, penyerapan } => {
            let f = |v: &[Rentang]| v[0].checked_sub(v[1]).map(Some);
            let uraian = msg::audit_uraian_efisiensi();
            num(ix, rel, id, hasil, vec![capaian.clone(), penyerapan.clone()], &f, uraian)
        }
        Bentuk::RataRata { hasil, dari, bobot } => rata_rata(ix, rel, id, hasil, dari, bobot.as_deref()),
        Bentuk::TidakMelebihi { bagian, keseluruhan } => tidak_melebihi(ix, rel, id, bagian, keseluruhan),
        Bentuk::Ikm { hasil, nrr, unsur, skema, bobot, responden } => {
            ikm(ix, rel, id, (hasil, nrr, unsur), *skema, bobot.as_deref(), responden.as_deref())
        }
        Bentuk::Label { hasil, nilai, skala, menurut: Some(m) } => {
            menurut_laporan(ix, rel, id, (hasil, nilai.as_deref()), *skala, m)
        }
        Bentuk::Label { hasil, nilai, skala, menurut: None } => label(ix, rel, id, hasil, nilai.as_deref(), *skala),
        Bentuk::Sama { hasil, nilai } => sama(ix, rel, id, hasil, nilai),
        Bentuk::Arah { .. } => arah(ix, rel, id),
        Bentuk::RerataBulat { hasil, n } => granular(ix, rel, id, hasil, n, false),
        Bentuk::PersenDariN { hasil, n } => granular(ix, rel, id, hasil, n, true),
        Bentuk::UrutanUnsur { unsur, skema } => Ok(urutan(ix, rel, id, unsur, *skema)),
        Bentuk::SkalaTercetak { skala: s, kode, bawah, atas } => skala_tercetak(ix, rel, id, *s, kode, bawah, atas),
    }
}

fn num(
    ix: &Indeks<'_>,
    rel: &Relasi,
    id: &str,
    hasil: &str,
    masukan: Vec<String>,
    f: Rumus<'_>,
    uraian: Pesan,
) -> Result<Keluaran> {
    let Some(rentang) = ix.rentang_semua(&masukan)? else { return Ok(Keluaran::default()) };
    numerik(ix, rel, id, &Num { hasil, masukan, rentang, f, uraian })
}

fn uraian_capaian(p: Polaritas, m: MetodeNegatif) -> Pesan {
    match (p, m) {
        (Polaritas::Positif, _) => msg::audit_uraian_capaian_positif(),
        (Polaritas::Negatif, MetodeNegatif::SelisihGanda) => msg::audit_uraian_capaian_selisih_ganda(),
        (Polaritas::Negatif, MetodeNegatif::Rasio) => msg::audit_uraian_capaian_rasio(),
    }
}

/// Capaian over intervals, each input appearing once: positif `R/T`,
/// negatif `2 − R/T` floored at 0, or `T/R`; no conclusion where the
/// divisor can be zero (the core's zero-target rules).
fn capaian(t: Rentang, r: Rentang, p: Polaritas, m: MetodeNegatif) -> Result<Option<Rentang>> {
    let q = match (p, m) {
        (Polaritas::Positif, _) => r.checked_div(t)?,
        (Polaritas::Negatif, MetodeNegatif::SelisihGanda) => r
            .checked_div(t)?
            .map(|q| {
                let v = Rentang::titik(Ratio::int(2)).checked_sub(q)?;
                Ok::<_, Error>(Rentang { lo: v.lo.max(Ratio::ZERO), hi: v.hi.max(Ratio::ZERO) })
            })
            .transpose()?,
        (Polaritas::Negatif, MetodeNegatif::Rasio) => t.checked_div(r)?,
    };
    q.map(|q| q.checked_mul(hundred())).transpose()
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
        let s = Rentang::sum(v[..n].iter().copied())?;
        s.checked_mul(Rentang::titik(Ratio::new(1, i128::try_from(n).unwrap_or(1).max(1))?)).map(Some)
    };
    let Some(w) = bobot else { return num(ix, rel, id, hasil, masukan, &simple, msg::audit_uraian_rata_rata(n)) };
    let weights: Vec<String> = w.iter().flat_map(|d| ix.expand(d, Some(hasil), &[])).collect();
    let weighted = move |v: &[Rentang]| {
        let (x, w) = v.split_at(n);
        let sum = Rentang::sum(x.iter().zip(w).map(|(a, b)| a.checked_mul(*b)).collect::<Result<Vec<_>>>()?)?;
        sum.checked_div(Rentang::sum(w.iter().copied())?)
    };
    let mut all = masukan.clone();
    all.extend(weights);
    let mut out = num(ix, rel, id, hasil, all, &weighted, msg::audit_uraian_rata_rata_tertimbang(n))?;
    if let (Some(t), Some(r)) = (out.temuan.first_mut(), ix.rentang_semua(&masukan)?)
        && let (Some(c), Some(s)) = (ix.cetak(hasil), simple(&r)?)
        && cocok(s, &c)?
    {
        t.sebab.insert(0, Sebab::RataSederhana);
    }
    Ok(out)
}

fn tidak_melebihi(ix: &Indeks<'_>, rel: &Relasi, id: &str, bagian: &[String], keseluruhan: &str) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let parts: Vec<String> = bagian.iter().flat_map(|d| ix.expand(d, Some(keseluruhan), &[])).collect();
    let (Some(r), Some(whole), Some(c)) = (ix.rentang_semua(&parts)?, ix.rentang(keseluruhan)?, ix.cetak(keseluruhan))
    else {
        return Ok(out);
    };
    let sum = Rentang::sum(r)?;
    if sum.lo <= whole.hi {
        return Ok(out);
    }
    let face: Option<Vec<Rentang>> = parts.iter().map(|p| ix.cetak(p).as_ref().and_then(titik)).collect();
    let dp = parts.iter().filter_map(|p| ix.cetak(p)).map(|c| c.dp()).max().unwrap_or(0).max(c.dp());
    let mut t = ix.temuan(rel, id, keseluruhan, &c.teks, msg::audit_uraian_tidak_melebihi(parts.len()));
    t.dihitung = dihitung(face.map(Rentang::sum).transpose()?, dp)?;
    out.temuan.push(t);
    Ok(out)
}

/// The scale of a [`Skala`] and whether labels are read as codes or words
/// (both are accepted).
/// A scale's name as a reviewer reads it, its regulation named once:
/// `IKM (PermenPANRB 14/2017)`, `nilai AKIP (PermenPANRB 88/2021)`.
fn nama_skala(t: &BandTable) -> String {
    if t.title.contains(t.regulation) { t.title.to_string() } else { format!("{} ({})", t.title, t.regulation) }
}

pub(crate) fn skala(s: Skala) -> &'static BandTable {
    match s {
        Skala::PredikatCapaian => &PREDIKAT_CAPAIAN,
        Skala::MutuIkm2017 | Skala::KinerjaIkm2017 | Skala::MutuNrr2017 | Skala::KinerjaNrr2017 => &IKM_2017,
        Skala::MutuIkm2004 | Skala::MutuNrr2004 => &IKM_2004,
        Skala::PredikatAkip => &AKIP_2021,
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The bands of `t` that values in `r` fall in (after rounding).
pub(crate) fn bands(t: &'static BandTable, r: Rentang) -> Vec<&'static Band> {
    let (a, b) = (t.classify(r.lo).ok(), t.classify(r.hi).ok());
    let pos = |x: Option<&Band>| x.and_then(|x| t.bands.iter().position(|y| y == x));
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
pub(crate) fn has_label(bands: &[&Band], label: &str) -> bool {
    let l = norm(label);
    bands.iter().any(|b| norm(b.code) == l || norm(b.label) == l)
}

fn label(ix: &Indeks<'_>, rel: &Relasi, id: &str, hasil: &str, nilai: Option<&str>, s: Skala) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let Some(c) = ix.cetak(hasil) else { return Ok(out) };
    let Some(l) = c.label.clone() else { return Ok(out) };
    // An unsur's NRR is labelled on the IKM bands of NRR × 25, the NRR
    // being any value its printed precision allows (3,06: 3,055 to 3,065).
    let band_of = |x: &Cetak| if s.nrr() { Rentang::dari(x) } else { rentang_band(x) };
    let value = match nilai {
        Some(n) => ix.cetak(n).map(|x| band_of(&x)).transpose()?.flatten(),
        None => band_of(&c)?,
    };
    let Some(r) = value else { return Ok(out) };
    let r = if s.nrr() { r.checked_mul(Rentang::titik(Ratio::int(25)))? } else { r };
    let t = skala(s);
    if has_label(&bands(t, r), &l) {
        return Ok(out);
    }
    let mut uraian = msg::audit_uraian_label(&l, nama_skala(t));
    let reachable: Vec<Pesan> = bands(t, r).iter().map(|b| msg::audit_uraian_band(b.code, b.label)).collect();
    match (reachable.into_iter().reduce(msg::audit_uraian_or), t.range) {
        (Some(gives), _) => uraian = msg::audit_uraian_label_gives(uraian, gives),
        // No band at all: the figure lies outside the scale.
        (None, Some((lo, hi))) => {
            let bound = |h: i64| kinerja_core::notation::format_number(rust_decimal::Decimal::new(h, 2), 2);
            uraian = msg::audit_uraian_label_luar(uraian, bound(lo)?, bound(hi)?);
        }
        (None, None) => {}
    }
    let mut f = ix.temuan(rel, id, hasil, &c.teks, uraian);
    for other in [&PREDIKAT_CAPAIAN, &IKM_2017, &IKM_2004, &AKIP_2021].into_iter().filter(|o| !std::ptr::eq(*o, t)) {
        if has_label(&bands(other, r), &l) {
            f.sebab.push(Sebab::SkalaLain { skala: nama_skala(other), regulasi: other.regulation.to_string() });
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
        r.as_deref().map(|r| ix.rentang(r)).transpose().map(Option::flatten)
    };
    // "a > b is possible": a.hi > b.lo; "a ≥ b possible": a.hi ≥ b.lo.
    // With the verdict, the two figures the word compares and the relation
    // they show instead (what the finding prints: `88,95 ≥ 83,24`).
    let (mungkin, subjek, banding) = match kata {
        Kata::Naik | Kata::Meningkat => (lebih(get(ke)?, get(dari)?, true), ke, (ke.clone(), "≤", dari.clone())),
        Kata::Turun | Kata::Menurun => (lebih(get(dari)?, get(ke)?, true), ke, (ke.clone(), "≥", dari.clone())),
        Kata::DiAtas | Kata::Unggul => {
            (lebih(get(nilai)?, get(pembanding)?, true), nilai, (nilai.clone(), "≤", pembanding.clone()))
        }
        Kata::DiBawah => (lebih(get(pembanding)?, get(nilai)?, true), nilai, (nilai.clone(), "≥", pembanding.clone())),
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
            let op = match (kata, polaritas) {
                (Kata::TidakTercapai, Polaritas::Positif) | (Kata::Tercapai, Polaritas::Negatif) => "≥",
                (Kata::TidakTercapai, Polaritas::Negatif) | (Kata::Tercapai, Polaritas::Positif) => "<",
                (_, Polaritas::Positif) => "≤",
                (_, Polaritas::Negatif) => "≥",
            };
            (m, realisasi, (realisasi.clone(), op, target.clone()))
        }
        Kata::Tertinggi | Kata::Terendah => {
            let v = get(nilai)?;
            let mut beaten = None;
            for r in di_antara {
                let o = ix.rentang(r)?;
                let ok = if *kata == Kata::Tertinggi { lebih(v, o, false) } else { lebih(o, v, false) };
                if !ok && beaten.is_none() {
                    beaten = Some(r.clone());
                }
            }
            let op = if *kata == Kata::Tertinggi { "<" } else { ">" };
            (beaten.is_none(), nilai, (nilai.clone(), op, beaten))
        }
    };
    let mut out = Keluaran::default();
    if !mungkin {
        let s = subjek.as_deref().unwrap_or("");
        let teks = format!("{kata:?}").to_lowercase();
        let printed = |r: &Option<String>| r.as_deref().and_then(|r| ix.cetak(r)).map(|c| c.teks);
        let uraian = match (printed(&banding.0), printed(&banding.2)) {
            (Some(a), Some(b)) => msg::audit_uraian_arah_angka(&teks, a, banding.1, b),
            _ => msg::audit_uraian_arah(&teks),
        };
        out.temuan.push(ix.temuan(rel, id, s, &teks, uraian));
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
    let (Some(c), Some(count)) = (ix.cetak(hasil), ix.cetak(n).and_then(|c| c.nilai)) else { return Ok(out) };
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
        let what = if persen { msg::audit_uraian_persen_dari_n(count) } else { msg::audit_uraian_rerata_bulat(count) };
        out.temuan.push(ix.temuan(rel, id, hasil, &c.teks, msg::audit_uraian_granular(what, &c.teks)));
    }
    Ok(out)
}

/// Unsur listed in another order than the regulation's: a note.
fn urutan(ix: &Indeks<'_>, rel: &Relasi, id: &str, unsur: &[String], skema: Skema) -> Keluaran {
    let mut out = Keluaran::default();
    let regulasi: Vec<&str> = skema.unsur().iter().map(|u| u.id).filter(|u| unsur.iter().any(|x| x == u)).collect();
    let printed: Vec<&str> = unsur.iter().map(String::as_str).collect();
    if printed != regulasi {
        let diff: Vec<Pesan> = printed
            .iter()
            .zip(&regulasi)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| msg::audit_uraian_urutan_beda(i + 1, *a, *b))
            .collect();
        let uraian = msg::audit_uraian_urutan(skema.code(), kinerja_pesan::Arg::Daftar(diff, "; "));
        let mut t = ix.temuan(rel, id, "", &printed.join(", "), uraian);
        t.severity = Severity::Catatan;
        t.letak = rel.catatan.as_deref().map_or_else(msg::audit_letak_unsur_order, msg::audit_letak_teks);
        out.temuan.push(t);
    }
    out
}

/// `hasil` and `nilai` are the same figure printed twice: their printings
/// must share a value.
fn sama(ix: &Indeks<'_>, rel: &Relasi, id: &str, hasil: &str, nilai: &str) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let (Some(c), Some(r)) = (ix.cetak(hasil), ix.rentang(nilai)?) else { return Ok(out) };
    let Some(own) = Rentang::dari(&c)? else { return Ok(out) };
    if own.bertemu(r) {
        return Ok(out);
    }
    let other = ix.cetak(nilai).map(|x| x.teks).unwrap_or_default();
    let mut t = ix.temuan(rel, id, hasil, &c.teks, msg::audit_uraian_sama(other, ix.letak(nilai)));
    t.konsisten = Some(rentang_cetak(r, c.dp())?);
    t.dihitung = ix.cetak(nilai).and_then(|x| x.nilai);
    t.sebab.extend(crate::sebab::digit(&c, |x| Ok(Rentang::dari(x)?.is_some_and(|o| o.bertemu(r))))?);
    if t.sebab.is_empty() {
        t.sebab.extend(crate::sebab::nilai_lain(ix, hasil, &[nilai.to_string()], &c));
    }
    out.temuan.push(t);
    Ok(out)
}

/// The NRR intervals, narrowed to `k / n` for `n` respondents where given.
fn nrr_rentang(ix: &Indeks<'_>, nrr: &[String], n: Option<u64>) -> Result<Option<Vec<Rentang>>> {
    let mut out = Vec::new();
    for r in nrr {
        let Some(c) = ix.cetak(r) else { return Ok(None) };
        let narrowed = match n {
            Some(n) => grim(&c, n, Some((1, 4)))?,
            None => None,
        };
        match narrowed.map(Some).map_or_else(|| Rentang::dari(&c), Ok)? {
            Some(x) => out.push(x),
            None => return Ok(None),
        }
    }
    Ok(Some(out))
}

fn responden(ix: &Indeks<'_>, r: Option<&str>) -> Option<u64> {
    let c = ix.cetak(r?)?;
    let v = c.nilai?;
    (v.scale() == 0).then(|| u64::try_from(v.mantissa()).ok()).flatten()
}

type IkmRefs<'a> = (&'a String, &'a [String], &'a [String]);

/// `IKM = Σ NRR × bobot × 25`: which weights the printed IKM fits; a
/// finding when the stated weight (or, unstated, every weight) does not.
fn ikm(
    ix: &Indeks<'_>,
    rel: &Relasi,
    id: &str,
    (hasil, nrr, unsur): IkmRefs<'_>,
    skema: Skema,
    bobot: Option<&str>,
    resp: Option<&str>,
) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    if unsur.len() != skema.unsur().len()
        || unsur.iter().any(|u| skema.unsur_by_id(u).is_err())
        || nrr.len() != unsur.len()
    {
        let mut t = ix.temuan(rel, id, hasil, "", msg::audit_uraian_ikm_needs_nrr(skema.code(), skema.unsur().len()));
        t.tercetak = msg::audit_uraian_nrr_count(nrr.len()).to_string();
        out.temuan.push(t);
        return Ok(out);
    }
    let n = responden(ix, resp);
    let (Some(c), Some(r)) = (ix.cetak(hasil), nrr_rentang(ix, nrr, n)?) else { return Ok(out) };
    let mut fits = Vec::new();
    for b in Bobot::ALL {
        let w = Rentang::titik(b.weight(skema).checked_mul(Ratio::int(25))?);
        if cocok(Rentang::sum(r.iter().copied())?.checked_mul(w)?, &c)? {
            fits.push(b.label(skema).to_string());
        }
    }
    let weights =
        if fits.is_empty() { msg::audit_info_none().into() } else { kinerja_pesan::Arg::from(fits.join(", ")) };
    let pesan = match n {
        Some(n) => msg::audit_info_ikm_weights_granular(&c.teks, weights, n),
        None => msg::audit_info_ikm_weights(&c.teks, weights),
    };
    out.info.push(Info { id: id.to_string(), letak: ix.letak(hasil), pesan, ikm: true });
    if let Some(cakup) = n.and_then(|n| u32::try_from(n).ok()).and_then(kinerja_core::sampel::populasi_maksimum) {
        let pesan = msg::audit_info_sampel(n.unwrap_or_default(), cakup, kinerja_core::sampel::SUMBER);
        out.info.push(Info { id: id.to_string(), letak: ix.letak(hasil), pesan, ikm: true });
    }
    let stated = bobot.map(Bobot::parse).transpose()?;
    let wrong = match stated {
        Some(b) => !fits.iter().any(|f| f == b.label(skema)),
        None => fits.is_empty(),
    };
    if wrong {
        let b = stated.unwrap_or_default();
        let f = move |v: &[Rentang]| {
            Rentang::sum(v.iter().copied())?
                .checked_mul(Rentang::titik(b.weight(skema).checked_mul(Ratio::int(25))?))
                .map(Some)
        };
        let uraian = msg::audit_uraian_ikm(b.label(skema));
        let num = Num { hasil, masukan: nrr.to_vec(), rentang: r, f: &f, uraian };
        let mut k = numerik(ix, rel, id, &num)?;
        for t in &mut k.temuan {
            t.sebab.insert(0, Sebab::Bobot { cocok: fits.clone() });
        }
        out.temuan.extend(k.temuan);
    }
    Ok(out)
}

/// A band table the report prints, against the regulation's: each printed
/// code's lower bound (and upper, when printed) must be a printing of the
/// regulation's (on an NRR scale, ÷ 25).
fn skala_tercetak(
    ix: &Indeks<'_>,
    rel: &Relasi,
    id: &str,
    s: Skala,
    kode: &[String],
    bawah: &[String],
    atas: &Option<Vec<String>>,
) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let t = skala(s);
    let expand = |l: &[String]| -> Vec<String> { l.iter().flat_map(|r| ix.expand(r, None, &[])).collect() };
    let (kode, bawah) = (expand(kode), expand(bawah));
    let atas = atas.as_deref().map(expand).unwrap_or_default();
    let per = if s.nrr() { Ratio::int(2500) } else { Ratio::int(100) };
    for (i, k) in kode.iter().enumerate() {
        let Some(c) = ix.cetak(k) else { continue };
        let teks = c.label.clone().unwrap_or_else(|| c.teks.clone());
        let Some(j) = t.bands.iter().position(|b| b.code == teks || b.label.eq_ignore_ascii_case(&teks)) else {
            let uraian = msg::audit_uraian_skala_kode(&teks, nama_skala(t));
            out.temuan.push(ix.temuan(rel, &format!("{id}:{k}"), k, &c.teks, uraian));
            continue;
        };
        let lo = Some(t.bands[j].min_hundredths).filter(|m| *m != i64::MIN);
        let hi = if j == 0 { t.range.map(|r| r.1) } else { Some(t.bands[j - 1].min_hundredths - 1) };
        for (r, h) in [(bawah.get(i), lo), (atas.get(i), hi)] {
            let (Some(r), Some(h)) = (r, h) else { continue };
            let Some(printed) = ix.cetak(r) else { continue };
            let v = Ratio::int(i128::from(h)).checked_div(per)?;
            if !cocok(Rentang::titik(v), &printed)? {
                let harus = kinerja_core::notation::format_ratio(v, printed.dp().max(2))?;
                let uraian = msg::audit_uraian_skala_batas(&teks, nama_skala(t), harus);
                out.temuan.push(ix.temuan(rel, &format!("{id}:{r}"), r, &printed.teks, uraian));
            }
        }
    }
    Ok(out)
}

/// A label against the band table the report prints (the `skala_tercetak`
/// relation `menurut`): the printed value must lie within the printed
/// bounds of a row printing that label.
fn menurut_laporan(
    ix: &Indeks<'_>,
    rel: &Relasi,
    id: &str,
    (hasil, nilai): (&str, Option<&str>),
    s: Skala,
    menurut: &str,
) -> Result<Keluaran> {
    let mut out = Keluaran::default();
    let Some(c) = ix.cetak(hasil) else { return Ok(out) };
    let Some(l) = c.label.clone() else { return Ok(out) };
    let value = match nilai {
        Some(n) => ix.cetak(n).map(|x| Rentang::dari(&x)).transpose()?.flatten(),
        None => Rentang::dari(&c)?,
    };
    let table = ix.t.relasi.iter().find(|r| r.id.as_deref() == Some(menurut)).map(|r| &r.bentuk);
    let (Some(r), Some(Bentuk::SkalaTercetak { kode, bawah, atas, .. })) = (value, table) else { return Ok(out) };
    let expand = |l: &[String]| -> Vec<String> { l.iter().flat_map(|x| ix.expand(x, None, &[])).collect() };
    let (kode, bawah) = (expand(kode), expand(bawah));
    let atas = atas.as_deref().map(expand).unwrap_or_default();
    let at = |v: &[String], i: usize| v.get(i).and_then(|x| ix.cetak(x)).and_then(|x| x.nilai);
    let fits = (0..kode.len()).any(|i| {
        let code = ix.cetak(&kode[i]).map(|x| x.label.unwrap_or(x.teks)).unwrap_or_default();
        let (lo, hi) = (at(&bawah, i), at(&atas, i));
        has_label_text(&code, &l)
            && lo.is_none_or(|lo| r.hi >= Ratio::from_decimal(lo))
            && hi.is_none_or(|hi| r.lo <= Ratio::from_decimal(hi))
    });
    if !fits {
        let uraian = msg::audit_uraian_label_laporan(&l, nama_skala(skala(s)));
        out.temuan.push(ix.temuan(rel, id, hasil, &c.teks, uraian));
    }
    Ok(out)
}

/// Whether two printings name the same label (`B`, `Baik`, case and
/// spacing aside).
fn has_label_text(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

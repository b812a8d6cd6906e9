//! Likely causes of a finding, tried among a few recognisable slips: a
//! digit typed twice, dropped, transposed or typed wrong, another year's
//! figures, a row left out of a total, percentage points called a percent
//! change, another column's quantity. An error no slip explains says so
//! ([`Sebab::TidakDikenali`]).

use kinerja_core::Result;
use kinerja_core::notation::Notasi;
use rust_decimal::Decimal;

use crate::angka::{Cetak, baca};
use crate::hasil::Sebab;
use crate::indeks::{Indeks, Num};
use crate::model::{Bentuk, Relasi};
use crate::rentang::{Rentang, cocok};

/// The causes of a numeric finding, most likely first.
pub(crate) fn cari(ix: &Indeks<'_>, rel: &Relasi, n: &Num<'_>, c: &Cetak) -> Result<Vec<Sebab>> {
    let mut v = Vec::new();
    v.extend(tahun_lain(ix, n, c)?);
    if let Bentuk::Jumlah { .. } = rel.bentuk {
        v.extend(baris(ix, n, c)?);
    }
    if let Bentuk::Persen { pembilang, penyebut, .. } = &rel.bentuk
        && let ([atas], [bawah]) = (pembilang.as_slice(), penyebut.as_slice())
    {
        v.extend(dasar_lain(ix, atas, bawah, c)?);
    }
    if let Bentuk::PerubahanPersen { mutlak, .. } = rel.bentuk
        && let Some(d) = n.rentang.get(1).zip(n.rentang.first()).map(|(ke, dari)| ke.checked_sub(*dari)).transpose()?
    {
        // The unsigned form prints the size of a fall as a positive figure.
        let turun = Rentang::titik(kinerja_core::Ratio::ZERO).checked_sub(d)?;
        if cocok(d, c)? || (mutlak && cocok(turun, c)?) {
            v.push(Sebab::PoinPersen);
        }
    }
    if let Some(r) = (n.f)(&n.rentang)? {
        v.extend(digit(c, |x| cocok(r, x))?);
        if v.is_empty() {
            v.extend(desimal(c, r)?);
        }
    }
    if v.is_empty() {
        v.extend(nilai_lain(ix, n.hasil, &n.masukan, c));
    }
    Ok(v)
}

/// A digit typed twice or once too often, dropped, or two transposed: the
/// first variant of the printed text that `ok` accepts.
pub(crate) fn digit(c: &Cetak, ok: impl Fn(&Cetak) -> Result<bool>) -> Result<Option<Sebab>> {
    let chars: Vec<char> = c.teks.chars().collect();
    let digits: Vec<usize> = (0..chars.len()).filter(|i| chars[*i].is_ascii_digit()).collect();
    let try_text = |s: String| -> Result<Option<String>> {
        match baca(&s, c.notasi, c.eksak) {
            Ok(v) if v.nilai.is_some() && ok(&v)? => Ok(Some(s)),
            _ => Ok(None),
        }
    };
    for &i in &digits {
        let mut v = chars.clone();
        let removed = v.remove(i);
        // "Typed twice": the same digit stands next to it or one further.
        let twice = [i.checked_sub(2), i.checked_sub(1), Some(i + 1), Some(i + 2)]
            .into_iter()
            .flatten()
            .any(|j| chars.get(j) == Some(&removed));
        if let Some(s) = try_text(v.iter().collect())? {
            return Ok(Some(if twice {
                Sebab::DigitGanda { seharusnya: s }
            } else {
                Sebab::DigitLebih { seharusnya: s }
            }));
        }
    }
    for w in digits.windows(2).filter(|w| w[1] == w[0] + 1 && chars[w[0]] != chars[w[1]]) {
        let mut v = chars.clone();
        v.swap(w[0], w[1]);
        if let Some(s) = try_text(v.iter().collect())? {
            return Ok(Some(Sebab::DigitTertukar { seharusnya: s }));
        }
    }
    for &i in digits.iter().chain(digits.last().map(|l| l + 1).as_ref()) {
        for d in '0'..='9' {
            let mut v = chars.clone();
            v.insert(i, d);
            if let Some(s) = try_text(v.iter().collect())? {
                return Ok(Some(Sebab::DigitHilang { seharusnya: s }));
            }
        }
    }
    // One digit typed wrong: the least specific slip, tried last, and only
    // in a figure of four digits or more (a shorter one has too few
    // neighbours for one to mean anything).
    if digits.len() >= 4 {
        for &i in &digits {
            for d in ('0'..='9').filter(|d| *d != chars[i]) {
                let mut v = chars.clone();
                v[i] = d;
                if let Some(s) = try_text(v.iter().collect())? {
                    return Ok(Some(Sebab::DigitSalah { seharusnya: s }));
                }
            }
        }
    }
    Ok(None)
}

/// A decimal point shifted by one to three places (`30,15` for `3,015`):
/// the printed digits, read with the point moved, fit.
fn desimal(c: &Cetak, r: Rentang) -> Result<Option<Sebab>> {
    let Some(v) = c.nilai else { return Ok(None) };
    for k in 1..=3u32 {
        let p = Decimal::from(10_i64.pow(k));
        let (kecil, besar) = (v.checked_div(p), v.checked_mul(p));
        for (d, dp) in [(kecil, c.dp() + k), (besar, c.dp().saturating_sub(k))] {
            let Some(d) = d.filter(|d| !d.is_zero()) else { continue };
            let Ok(text) = kinerja_core::notation::format_number(d, dp) else { continue };
            let text = match c.notasi {
                Notasi::Inggris => text
                    .chars()
                    .map(|x| match x {
                        '.' => ',',
                        ',' => '.',
                        x => x,
                    })
                    .collect(),
                Notasi::Polos => text.replace('.', "").replace(',', "."),
                _ => text,
            };
            if let Ok(x) = baca(&text, c.notasi, c.eksak)
                && cocok(r, &x)?
            {
                return Ok(Some(Sebab::DesimalBergeser { seharusnya: text }));
            }
        }
    }
    Ok(None)
}

/// The base name and year of a column (`realisasi_2023` → `realisasi`,
/// 2023); columns without a year are of the report's year.
fn tahun_kolom(ix: &Indeks<'_>, kolom: &str) -> (String, Option<i32>) {
    match kolom.rsplit_once('_') {
        Some((base, y)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => (base.to_string(), y.parse().ok()),
        _ => (kolom.to_string(), ix.t.dokumen.tahun),
    }
}

/// The same row and quantity in another year: in the same table if it has
/// it, else in any table with that row.
fn cell_of_year(ix: &Indeks<'_>, tabel: &str, baris: &str, base: &str, tahun: i32) -> Option<String> {
    let same = format!("{tabel}.{baris}.{base}_{tahun}");
    if ix.cetak(&same).is_some() {
        return Some(same);
    }
    ix.t.tabel.iter().map(|t| format!("{}.{baris}.{base}_{tahun}", t.id)).find(|r| ix.cetak(r).is_some())
}

/// A table cell as `(tabel, baris, base column, year)`.
type YearCell = (String, String, String, Option<i32>);

/// The figure follows from another year's figures.
fn tahun_lain(ix: &Indeks<'_>, n: &Num<'_>, c: &Cetak) -> Result<Option<Sebab>> {
    let mut years: Vec<i32> = Vec::new();
    let mut own: Vec<Option<YearCell>> = Vec::new();
    for m in &n.masukan {
        let sel = ix.angka.get(m).and_then(|a| a.sel.clone());
        own.push(sel.map(|(t, b, k)| {
            let (base, y) = tahun_kolom(ix, &k);
            (t, b, base, y)
        }));
    }
    for t in &ix.t.tabel {
        for k in &t.kolom {
            if let (_, Some(y)) = tahun_kolom(ix, k) {
                years.push(y);
            }
        }
    }
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    for y in years {
        let mut refs = n.masukan.clone();
        let mut changed = Vec::new();
        for (i, o) in own.iter().enumerate() {
            if let Some((t, b, base, Some(oy))) = o
                && *oy != y
                && let Some(r) = cell_of_year(ix, t, b, base, y)
            {
                refs[i] = r.clone();
                changed.push(r);
            }
        }
        if changed.is_empty() {
            continue;
        }
        let Some(r) = ix.rentang_semua(&refs)? else { continue };
        if let Some(v) = (n.f)(&r)?
            && cocok(v, c)?
        {
            return Ok(Some(Sebab::TahunLain { tahun: y, masukan: changed }));
        }
    }
    Ok(None)
}

/// A total that leaves out or counts twice one of its rows.
fn baris(ix: &Indeks<'_>, n: &Num<'_>, c: &Cetak) -> Result<Option<Sebab>> {
    let total = Rentang::sum(n.rentang.iter().copied())?;
    for (m, r) in n.masukan.iter().zip(&n.rentang) {
        let name = |m: &str| {
            ix.angka.get(m).and_then(|a| a.sel.as_ref().map(|s| s.1.clone())).unwrap_or_else(|| m.to_string())
        };
        if cocok(total.checked_sub(*r)?, c)? {
            return Ok(Some(Sebab::BarisTerlewat { baris: name(m) }));
        }
        if cocok(total.checked_add(*r)?, c)? {
            return Ok(Some(Sebab::BarisGanda { baris: name(m) }));
        }
    }
    Ok(None)
}

/// A percentage computed on another row's base: the numerator over the
/// same column's figure of another row of the table.
fn dasar_lain(ix: &Indeks<'_>, atas: &str, bawah: &str, c: &Cetak) -> Result<Option<Sebab>> {
    let Some((tb, own, kol)) = ix.angka.get(bawah).and_then(|a| a.sel.clone()) else { return Ok(None) };
    let (Some(num), Some(tabel)) = (ix.rentang(atas)?, ix.t.tabel.iter().find(|t| t.id == tb)) else { return Ok(None) };
    for b in tabel.baris.iter().filter(|b| b.id != own && b.sel.contains_key(&kol)) {
        let Some(den) = ix.rentang(&format!("{tb}.{}.{kol}", b.id))? else { continue };
        let Some(q) = num.checked_div(den)? else { continue };
        if cocok(q.checked_mul(Rentang::titik(kinerja_core::Ratio::HUNDRED))?, c)? {
            return Ok(Some(Sebab::DasarBarisLain { baris: b.id.clone() }));
        }
    }
    Ok(None)
}

/// The figures the report says are `r` printed again (`sama` relations).
fn same_as(ix: &Indeks<'_>, r: &str) -> Vec<String> {
    let mut out = Vec::new();
    for rel in &ix.t.relasi {
        if let Bentuk::Sama { hasil, nilai } = &rel.bentuk {
            if hasil == r {
                out.push(nilai.clone());
            } else if nilai == r {
                out.push(hasil.clone());
            }
        }
    }
    out
}

/// The figure equals another printed figure of the report (of the same
/// row first, then in a table, then in a sentence) that is not the same
/// quantity printed again: the column holds another quantity. Only
/// figures of three or more significant digits that are not 0 or 100 are
/// matched.
pub(crate) fn nilai_lain(ix: &Indeks<'_>, hasil: &str, masukan: &[String], c: &Cetak) -> Option<Sebab> {
    let v = c.nilai?;
    let digits = v.abs().normalize().to_string().chars().filter(char::is_ascii_digit).count();
    if digits < 3 || v.is_zero() || v == rust_decimal::Decimal::from(100) {
        return None;
    }
    let same = same_as(ix, hasil);
    let row = ix.angka.get(hasil).and_then(|a| a.sel.as_ref().map(|s| s.1.clone()));
    let mut hits: Vec<(&String, (bool, bool))> = ix
        .angka
        .iter()
        .filter(|(r, _)| r.as_str() != hasil && !masukan.contains(r) && !same.contains(r))
        .filter(|(_, a)| a.cetak.as_ref().ok().and_then(|x| x.nilai) == Some(v))
        .map(|(r, a)| (r, (a.sel.as_ref().map(|s| s.1.clone()) != row, a.sel.is_none())))
        .collect();
    hits.sort_by_key(|(_, order)| *order);
    hits.first().map(|(r, _)| Sebab::NilaiLain { rujukan: (*r).clone(), letak: ix.letak(r) })
}

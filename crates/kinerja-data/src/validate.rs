//! Cross-table checks, each located at the referring row.
//!
//! [`check`] runs one function per table (or per group of tables that
//! refer to each other); they share the keys of the tables referred to
//! ([`Keys`]) and the problem list ([`Ctx`]).

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use kinerja_core::akip::SkemaAkip;
use kinerja_core::capaian::JenisIndikator;
use kinerja_core::model::{NARASI_BAGIAN, TingkatWilayah, is_narasi_bagian};
use kinerja_core::skm::Skema;
use kinerja_core::{Decimal, Ratio};

use kinerja_pesan::{Pesan, msg};

use crate::error::Problem;
use crate::tables::{Located, Rows};

struct Ctx<'a> {
    p: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn at(&mut self, file: &str, row: usize, col: &str, expected: Pesan, found: &str) {
        self.p.push(Problem::new(file, Some(row), Some(col), expected, found));
    }

    /// A reference into `table` that does not resolve.
    fn reference(&mut self, file: &str, row: usize, col: &str, table: &'static str, expected: Pesan, found: &str) {
        let p = Problem { rujukan: Some(table), ..Problem::new(file, Some(row), Some(col), expected, found) };
        self.p.push(p);
    }

    /// Reports rows whose key repeats an earlier row's.
    fn unique<T, K: Eq + Hash + std::fmt::Debug>(&mut self, rows: &Rows<T>, col: &str, key: impl Fn(&T) -> K) {
        let mut seen: HashMap<K, usize> = HashMap::new();
        for (line, v) in rows.iter() {
            let k = key(v);
            if let Some(first) = seen.get(&k) {
                let found = msg::data_found_already(format!("{k:?}"), *first);
                self.p.push(Problem::described(
                    &rows.file,
                    Some(*line),
                    Some(col),
                    msg::data_expected_new_key(),
                    found,
                ));
            } else {
                seen.insert(k, *line);
            }
        }
    }
}

/// The keys other tables refer to.
struct Keys<'a> {
    wilayah: HashMap<&'a str, TingkatWilayah>,
    sasaran: HashSet<&'a str>,
    indikator: HashSet<&'a str>,
}

/// What a `kode_unit` must be (shared with the store's checks of streamed answers).
pub fn unit_expected() -> Pesan {
    msg::data_expected_unit()
}

/// What a reference to a row of `table` must be.
fn id_of(table: &'static str) -> Pesan {
    if table.starts_with(['a', 'e', 'i', 'o', 'u']) {
        msg::data_expected_id_of_an(table)
    } else {
        msg::data_expected_id_of(table)
    }
}

impl Keys<'_> {
    /// A kecamatan or a kabupaten: a unit that can hold performance data.
    fn unit(&self, k: &str) -> bool {
        matches!(self.wilayah.get(k), Some(TingkatWilayah::Kecamatan | TingkatWilayah::Kabupaten))
    }
}

/// Every cross-table check.
pub fn check(l: &Located, p: &mut Vec<Problem>) {
    let mut c = Ctx { p };
    let wilayah = l.wilayah.iter().map(|(_, w)| (w.kode.as_str(), w.tingkat)).collect();
    let mut k = Keys { wilayah, sasaran: HashSet::new(), indikator: HashSet::new() };
    check_wilayah(l, &k, &mut c);
    check_renstra(l, &mut k, &mut c);
    check_target_realisasi(l, &k, &mut c);
    check_skm(l, &k, &mut c);
    check_akip(l, &k, &mut c);
    check_anggaran(l, &k, &mut c);
    c.unique(&l.tercetak, "id", |t| t.id.clone());
    check_narasi(l, &k, &mut c);
}

fn check_wilayah(l: &Located, k: &Keys<'_>, c: &mut Ctx<'_>) {
    c.unique(&l.wilayah, "kode", |w| w.kode.clone());
    let file = &l.wilayah.file;
    for (line, w) in l.wilayah.iter() {
        let parent_level = match w.tingkat {
            TingkatWilayah::Provinsi => None,
            TingkatWilayah::Kabupaten => Some(TingkatWilayah::Provinsi),
            TingkatWilayah::Kecamatan => Some(TingkatWilayah::Kabupaten),
            TingkatWilayah::Desa => Some(TingkatWilayah::Kecamatan),
        };
        match (&w.induk, parent_level) {
            (Some(i), Some(level)) => {
                if k.wilayah.get(i.as_str()) != Some(&level) || !w.kode.starts_with(&format!("{i}.")) {
                    let expected = msg::data_expected_parent_prefix(level.code(), &w.kode);
                    c.reference(file, *line, "induk", "wilayah", expected, i);
                }
            }
            (None, Some(level)) => {
                c.reference(file, *line, "induk", "wilayah", msg::data_expected_parent(level.code()), "")
            }
            (Some(i), None) => c.at(file, *line, "induk", msg::data_expected_no_parent(), i),
            (None, None) => {}
        }
    }
    c.unique(&l.desa_statistik, "kode_desa", |d| (d.kode_desa.clone(), d.tahun));
    for (line, d) in l.desa_statistik.iter() {
        if k.wilayah.get(d.kode_desa.as_str()) != Some(&TingkatWilayah::Desa) {
            c.reference(&l.desa_statistik.file, *line, "kode_desa", "wilayah", msg::data_expected_desa(), &d.kode_desa);
        }
    }
}

/// Renstra → tujuan → sasaran → strategi, indicators and which sasaran they
/// measure; fills the sasaran and indicator keys.
fn check_renstra<'a>(l: &'a Located, k: &mut Keys<'a>, c: &mut Ctx<'_>) {
    c.unique(&l.renstra, "id", |r| r.id.clone());
    for (line, r) in l.renstra.iter() {
        if !k.unit(&r.kode_unit) {
            c.reference(&l.renstra.file, *line, "kode_unit", "wilayah", unit_expected(), &r.kode_unit);
        }
        if r.tahun_akhir < r.tahun_awal {
            let expected = msg::data_expected_year_after(r.tahun_awal);
            c.at(&l.renstra.file, *line, "tahun_akhir", expected, &r.tahun_akhir.to_string());
        }
    }
    let renstra: HashSet<&str> = l.renstra.iter().map(|(_, r)| r.id.as_str()).collect();
    c.unique(&l.tujuan, "id", |t| t.id.clone());
    refs(c, &l.tujuan, "renstra_id", "renstra", &renstra, |t| &t.renstra_id);
    let tujuan: HashSet<&str> = l.tujuan.iter().map(|(_, t)| t.id.as_str()).collect();
    c.unique(&l.sasaran, "id", |s| s.id.clone());
    refs(c, &l.sasaran, "tujuan_id", "tujuan", &tujuan, |s| &s.tujuan_id);
    k.sasaran = l.sasaran.iter().map(|(_, s)| s.id.as_str()).collect();
    c.unique(&l.strategi, "id", |s| s.id.clone());
    refs(c, &l.strategi, "sasaran_id", "sasaran", &k.sasaran, |s| &s.sasaran_id);
    c.unique(&l.indikator, "id", |i| i.id.clone());
    k.indikator = l.indikator.iter().map(|(_, i)| i.id.as_str()).collect();
    c.unique(&l.sasaran_indikator, "indikator_id", |s| (s.sasaran_id.clone(), s.indikator_id.clone()));
    refs(c, &l.sasaran_indikator, "sasaran_id", "sasaran", &k.sasaran, |s| &s.sasaran_id);
    refs(c, &l.sasaran_indikator, "indikator_id", "indikator", &k.indikator, |s| &s.indikator_id);
}

/// Reports the rows whose `col` (read by `get`) is not among `known`.
fn refs<T>(
    c: &mut Ctx<'_>,
    rows: &Rows<T>,
    col: &str,
    table: &'static str,
    known: &HashSet<&str>,
    get: impl Fn(&T) -> &String,
) {
    for (line, r) in rows.iter() {
        if !known.contains(get(r).as_str()) {
            c.reference(&rows.file, *line, col, table, id_of(table), get(r));
        }
    }
}

/// Reports the rows whose unit is not a kecamatan or kabupaten of wilayah.
fn units<T>(c: &mut Ctx<'_>, k: &Keys<'_>, rows: &Rows<T>, get: impl Fn(&T) -> &String) {
    for (line, r) in rows.iter() {
        if !k.unit(get(r)) {
            c.reference(&rows.file, *line, "kode_unit", "wilayah", unit_expected(), get(r));
        }
    }
}

fn check_target_realisasi(l: &Located, k: &Keys<'_>, c: &mut Ctx<'_>) {
    c.unique(&l.target, "jenis", |t| (t.kode_unit.clone(), t.indikator_id.clone(), t.tahun, t.jenis.code()));
    units(c, k, &l.target, |t| &t.kode_unit);
    refs(c, &l.target, "indikator_id", "indikator", &k.indikator, |t| &t.indikator_id);
    c.unique(&l.realisasi, "tahun", |r| (r.kode_unit.clone(), r.indikator_id.clone(), r.tahun));
    units(c, k, &l.realisasi, |r| &r.kode_unit);
    refs(c, &l.realisasi, "indikator_id", "indikator", &k.indikator, |r| &r.indikator_id);
    let jenis: HashMap<&str, JenisIndikator> = l.indikator.iter().map(|(_, i)| (i.id.as_str(), i.jenis)).collect();
    in_range(c, &jenis, &l.target, true, |t| (&t.indikator_id, t.nilai));
    in_range(c, &jenis, &l.realisasi, false, |r| (&r.indikator_id, r.nilai));
}

/// Values of an IKM or AKIP indicator within the range of its jenis
/// ([`JenisIndikator::cek`]), reported at the `nilai` column.
fn in_range<T>(
    c: &mut Ctx<'_>,
    jenis: &HashMap<&str, JenisIndikator>,
    rows: &Rows<T>,
    target: bool,
    get: impl Fn(&T) -> (&String, Decimal),
) {
    for (line, r) in rows.iter() {
        let (id, v) = get(r);
        if let Some(Err(expected)) = jenis.get(id.as_str()).map(|j| j.cek(v, target)) {
            c.at(&rows.file, *line, "nilai", expected, &v.to_string());
        }
    }
}

fn check_skm(l: &Located, k: &Keys<'_>, c: &mut Ctx<'_>) {
    c.unique(&l.skm_survei, "tahun", |s| (s.kode_unit.clone(), s.tahun));
    units(c, k, &l.skm_survei, |s| &s.kode_unit);
    for (line, s) in l.skm_survei.iter().filter(|(_, s)| s.responden < 0) {
        c.at(&l.skm_survei.file, *line, "responden", msg::data_expected_count(), &s.responden.to_string());
    }
    let skema: HashMap<(&str, i32), Skema> =
        l.skm_survei.iter().map(|(_, s)| ((s.kode_unit.as_str(), s.tahun), s.skema)).collect();
    let scheme_of = |u: &str, t: i32| skema.get(&(u, t)).copied().unwrap_or_default();
    c.unique(&l.skm_nrr, "unsur_id", |n| (n.kode_unit.clone(), n.tahun, n.unsur_id.clone()));
    units(c, k, &l.skm_nrr, |n| &n.kode_unit);
    for (line, n) in l.skm_nrr.iter() {
        let s = scheme_of(&n.kode_unit, n.tahun);
        if let Err(e) = s.unsur_by_id(&n.unsur_id) {
            let expected = msg::data_expected_unsur_of(s.code(), kinerja_pesan::Message::pesan(&e));
            c.at(&l.skm_nrr.file, *line, "unsur_id", expected, &n.unsur_id);
        }
        let v = Ratio::from_decimal(n.nrr);
        if v < Ratio::ONE || v > Ratio::int(4) {
            c.at(&l.skm_nrr.file, *line, "nrr", msg::data_expected_nrr(), &n.nrr.to_string());
        }
    }
    c.unique(&l.skm_jawaban, "unsur_id", |j| (j.kode_unit.clone(), j.tahun, j.responden, j.unsur_id.clone()));
    units(c, k, &l.skm_jawaban, |j| &j.kode_unit);
    for (line, j) in l.skm_jawaban.iter() {
        let s = scheme_of(&j.kode_unit, j.tahun);
        if let Err(e) = s.unsur_by_id(&j.unsur_id) {
            let expected = msg::data_expected_unsur_of(s.code(), kinerja_pesan::Message::pesan(&e));
            c.at(&l.skm_jawaban.file, *line, "unsur_id", expected, &j.unsur_id);
        }
    }
}

fn check_akip(l: &Located, k: &Keys<'_>, c: &mut Ctx<'_>) {
    c.unique(&l.akip_komponen, "komponen_id", |a| (a.kode_unit.clone(), a.tahun, a.komponen_id.clone()));
    units(c, k, &l.akip_komponen, |a| &a.kode_unit);
    let file = &l.akip_komponen.file;
    let mut akip_skema: HashMap<(&str, i32), (SkemaAkip, usize)> = HashMap::new();
    for (line, a) in l.akip_komponen.iter() {
        match akip_skema.get(&(a.kode_unit.as_str(), a.tahun)) {
            Some((s, first)) if *s != a.skema => {
                c.at(file, *line, "skema", msg::data_expected_as_on_row(s.code(), *first), a.skema.code());
            }
            Some(_) => {}
            None => {
                akip_skema.insert((a.kode_unit.as_str(), a.tahun), (a.skema, *line));
            }
        }
        let Ok(k) = a.skema.komponen_by_id(&a.komponen_id) else {
            let ids = a.skema.komponen().iter().map(|k| k.id).collect::<Vec<_>>().join(", ");
            c.at(file, *line, "komponen_id", msg::data_expected_komponen_of(a.skema.code(), ids), &a.komponen_id);
            continue;
        };
        for (col, v) in [("realisasi", Some(a.realisasi)), ("target", a.target)] {
            if let Some(v) = v.filter(|v| *v < Decimal::ZERO || *v > Decimal::from(k.bobot)) {
                c.at(file, *line, col, msg::data_expected_score(k.bobot), &v.to_string());
            }
        }
    }
}

/// A budget line's amounts: 0 or more, and no more spent than budgeted
/// (the DPA is the ceiling of what can be spent; penyerapan above 100 % is a
/// typing slip).
fn amounts(c: &mut Ctx<'_>, file: &str, line: usize, anggaran: Decimal, realisasi: Decimal) {
    for (col, v) in [("anggaran", anggaran), ("realisasi", realisasi)] {
        if v < Decimal::ZERO {
            c.at(file, line, col, msg::data_expected_amount(), &v.to_string());
        }
    }
    if realisasi > anggaran && anggaran >= Decimal::ZERO {
        c.at(file, line, "realisasi", msg::data_expected_within_pagu(anggaran.to_string()), &realisasi.to_string());
    }
}

fn check_anggaran(l: &Located, k: &Keys<'_>, c: &mut Ctx<'_>) {
    c.unique(&l.anggaran_belanja, "kode_rekening", |b| (b.kode_unit.clone(), b.tahun, b.kode_rekening.clone()));
    units(c, k, &l.anggaran_belanja, |b| &b.kode_unit);
    for (line, b) in l.anggaran_belanja.iter() {
        amounts(c, &l.anggaran_belanja.file, *line, b.anggaran, b.realisasi);
    }
    // A belanja line must be a leaf: a line and its own sub-account would
    // count twice. Every proper prefix of a code has a child.
    let mut parents: HashSet<(&str, i32, &str)> = HashSet::new();
    for (_, b) in l.anggaran_belanja.iter() {
        let code = b.kode_rekening.as_str();
        for (i, _) in code.match_indices('.') {
            parents.insert((b.kode_unit.as_str(), b.tahun, &code[..i]));
        }
    }
    for (line, b) in l.anggaran_belanja.iter() {
        if parents.contains(&(b.kode_unit.as_str(), b.tahun, b.kode_rekening.as_str())) {
            let expected = msg::data_expected_leaf_account();
            c.at(&l.anggaran_belanja.file, *line, "kode_rekening", expected, &b.kode_rekening);
        }
    }
    c.unique(&l.anggaran_program, "kode_program", |b| (b.kode_unit.clone(), b.tahun, b.kode_program.clone()));
    units(c, k, &l.anggaran_program, |b| &b.kode_unit);
    for (line, b) in l.anggaran_program.iter() {
        amounts(c, &l.anggaran_program.file, *line, b.anggaran, b.realisasi);
    }
    let programs: HashSet<(&str, i32, &str)> =
        l.anggaran_program.iter().map(|(_, b)| (b.kode_unit.as_str(), b.tahun, b.kode_program.as_str())).collect();
    c.unique(&l.program_sasaran, "kode_program", |m| (m.kode_unit.clone(), m.tahun, m.kode_program.clone()));
    for (line, m) in l.program_sasaran.iter() {
        if !programs.contains(&(m.kode_unit.as_str(), m.tahun, m.kode_program.as_str())) {
            let expected = msg::data_expected_program();
            c.at(&l.program_sasaran.file, *line, "kode_program", expected, &m.kode_program);
        }
    }
    refs(c, &l.program_sasaran, "sasaran_id", "sasaran", &k.sasaran, |m| &m.sasaran_id);
}

/// Narasi: one text per kecamatan, year and section; the kecamatan in
/// wilayah, the section one of the core's list ([`NARASI_BAGIAN`]).
fn check_narasi(l: &Located, k: &Keys<'_>, c: &mut Ctx<'_>) {
    c.unique(&l.narasi, "bagian", |n| (n.kode_unit.clone(), n.tahun, n.bagian.clone()));
    let file = &l.narasi.file;
    let keys = || NARASI_BAGIAN.iter().map(|(key, _)| *key).collect::<Vec<_>>().join(", ");
    for (line, n) in l.narasi.iter() {
        if k.wilayah.get(n.kode_unit.as_str()) != Some(&TingkatWilayah::Kecamatan) {
            c.reference(file, *line, "kode_unit", "wilayah", msg::data_expected_kecamatan(), &n.kode_unit);
        }
        if !is_narasi_bagian(&n.bagian) {
            c.at(file, *line, "bagian", msg::data_expected_bagian(keys()), &n.bagian);
        }
    }
}

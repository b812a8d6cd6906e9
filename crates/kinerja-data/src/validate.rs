//! Cross-table checks, each located at the referring row.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use kinerja_core::akip::SkemaAkip;
use kinerja_core::model::Tingkat;
use kinerja_core::skm::Skema;
use kinerja_core::{Decimal, Ratio};

use crate::error::Problem;
use crate::tables::{Located, Rows};

struct Ctx<'a> {
    p: &'a mut Vec<Problem>,
}

impl Ctx<'_> {
    fn at(&mut self, file: &str, row: usize, col: &str, expected: impl Into<String>, found: impl Into<String>) {
        self.p.push(Problem {
            file: file.to_string(),
            row: Some(row),
            column: Some(col.to_string()),
            expected: expected.into(),
            found: found.into(),
        });
    }

    /// Reports rows whose key repeats an earlier row's.
    fn unique<T, K: Eq + Hash + std::fmt::Debug>(&mut self, rows: &Rows<T>, col: &str, key: impl Fn(&T) -> K) {
        let mut seen: HashMap<K, usize> = HashMap::new();
        for (line, v) in rows.iter() {
            let k = key(v);
            if let Some(first) = seen.get(&k) {
                let msg = format!("{k:?} (already on row {first})");
                self.at(&rows.file, *line, col, "a key not given before", msg);
            } else {
                seen.insert(k, *line);
            }
        }
    }
}

pub fn check(l: &Located, p: &mut Vec<Problem>) {
    let mut c = Ctx { p };
    let wilayah: HashMap<&str, Tingkat> = l.wilayah.iter().map(|(_, w)| (w.kode.as_str(), w.tingkat)).collect();
    c.unique(&l.wilayah, "kode", |w| w.kode.clone());
    for (line, w) in l.wilayah.iter() {
        let parent_level = match w.tingkat {
            Tingkat::Provinsi => None,
            Tingkat::Kabupaten => Some(Tingkat::Provinsi),
            Tingkat::Kecamatan => Some(Tingkat::Kabupaten),
            Tingkat::Desa => Some(Tingkat::Kecamatan),
        };
        match (&w.induk, parent_level) {
            (Some(i), Some(level)) => {
                if wilayah.get(i.as_str()) != Some(&level) || !w.kode.starts_with(&format!("{i}.")) {
                    c.at(
                        &l.wilayah.file,
                        *line,
                        "induk",
                        format!("the code of its {} (a prefix of {})", level.code(), w.kode),
                        i.clone(),
                    );
                }
            }
            (None, Some(level)) => {
                c.at(&l.wilayah.file, *line, "induk", format!("the code of its {}", level.code()), "")
            }
            (Some(i), None) => c.at(&l.wilayah.file, *line, "induk", "no parent for a provinsi", i.clone()),
            (None, None) => {}
        }
    }
    let unit = |k: &str| matches!(wilayah.get(k), Some(Tingkat::Kecamatan | Tingkat::Kabupaten));
    let unit_expected = "the code of a kecamatan (or kabupaten) in wilayah";

    c.unique(&l.desa_statistik, "kode_desa", |d| (d.kode_desa.clone(), d.tahun));
    for (line, d) in l.desa_statistik.iter() {
        if wilayah.get(d.kode_desa.as_str()) != Some(&Tingkat::Desa) {
            c.at(&l.desa_statistik.file, *line, "kode_desa", "the code of a desa in wilayah", d.kode_desa.clone());
        }
    }

    c.unique(&l.renstra, "id", |r| r.id.clone());
    let renstra: HashSet<&str> = l.renstra.iter().map(|(_, r)| r.id.as_str()).collect();
    for (line, r) in l.renstra.iter() {
        if !unit(&r.kode_unit) {
            c.at(&l.renstra.file, *line, "kode_unit", unit_expected, r.kode_unit.clone());
        }
        if r.tahun_akhir < r.tahun_awal {
            c.at(
                &l.renstra.file,
                *line,
                "tahun_akhir",
                format!("a year not before tahun_awal {}", r.tahun_awal),
                r.tahun_akhir.to_string(),
            );
        }
    }
    c.unique(&l.tujuan, "id", |t| t.id.clone());
    let tujuan: HashSet<&str> = l.tujuan.iter().map(|(_, t)| t.id.as_str()).collect();
    for (line, t) in l.tujuan.iter() {
        if !renstra.contains(t.renstra_id.as_str()) {
            c.at(&l.tujuan.file, *line, "renstra_id", "the id of a renstra row", t.renstra_id.clone());
        }
    }
    c.unique(&l.sasaran, "id", |s| s.id.clone());
    let sasaran: HashSet<&str> = l.sasaran.iter().map(|(_, s)| s.id.as_str()).collect();
    for (line, s) in l.sasaran.iter() {
        if !tujuan.contains(s.tujuan_id.as_str()) {
            c.at(&l.sasaran.file, *line, "tujuan_id", "the id of a tujuan row", s.tujuan_id.clone());
        }
    }
    c.unique(&l.strategi, "id", |s| s.id.clone());
    for (line, s) in l.strategi.iter() {
        if !sasaran.contains(s.sasaran_id.as_str()) {
            c.at(&l.strategi.file, *line, "sasaran_id", "the id of a sasaran row", s.sasaran_id.clone());
        }
    }
    c.unique(&l.indikator, "id", |i| i.id.clone());
    let indikator: HashSet<&str> = l.indikator.iter().map(|(_, i)| i.id.as_str()).collect();
    c.unique(&l.sasaran_indikator, "indikator_id", |s| (s.sasaran_id.clone(), s.indikator_id.clone()));
    for (line, s) in l.sasaran_indikator.iter() {
        if !sasaran.contains(s.sasaran_id.as_str()) {
            c.at(&l.sasaran_indikator.file, *line, "sasaran_id", "the id of a sasaran row", s.sasaran_id.clone());
        }
        if !indikator.contains(s.indikator_id.as_str()) {
            c.at(
                &l.sasaran_indikator.file,
                *line,
                "indikator_id",
                "the id of an indikator row",
                s.indikator_id.clone(),
            );
        }
    }

    c.unique(&l.target, "jenis", |t| (t.kode_unit.clone(), t.indikator_id.clone(), t.tahun, t.jenis.code()));
    for (line, t) in l.target.iter() {
        if !unit(&t.kode_unit) {
            c.at(&l.target.file, *line, "kode_unit", unit_expected, t.kode_unit.clone());
        }
        if !indikator.contains(t.indikator_id.as_str()) {
            c.at(&l.target.file, *line, "indikator_id", "the id of an indikator row", t.indikator_id.clone());
        }
    }
    c.unique(&l.realisasi, "tahun", |r| (r.kode_unit.clone(), r.indikator_id.clone(), r.tahun));
    for (line, r) in l.realisasi.iter() {
        if !unit(&r.kode_unit) {
            c.at(&l.realisasi.file, *line, "kode_unit", unit_expected, r.kode_unit.clone());
        }
        if !indikator.contains(r.indikator_id.as_str()) {
            c.at(&l.realisasi.file, *line, "indikator_id", "the id of an indikator row", r.indikator_id.clone());
        }
    }

    c.unique(&l.skm_survei, "tahun", |s| (s.kode_unit.clone(), s.tahun));
    let skema: HashMap<(&str, i32), Skema> =
        l.skm_survei.iter().map(|(_, s)| ((s.kode_unit.as_str(), s.tahun), s.skema)).collect();
    for (line, s) in l.skm_survei.iter() {
        if !unit(&s.kode_unit) {
            c.at(&l.skm_survei.file, *line, "kode_unit", unit_expected, s.kode_unit.clone());
        }
        if s.responden < 0 {
            c.at(&l.skm_survei.file, *line, "responden", "a count of 0 or more", s.responden.to_string());
        }
    }
    let scheme_of = |u: &str, t: i32| skema.get(&(u, t)).copied().unwrap_or_default();
    c.unique(&l.skm_nrr, "unsur_id", |n| (n.kode_unit.clone(), n.tahun, n.unsur_id.clone()));
    for (line, n) in l.skm_nrr.iter() {
        if !unit(&n.kode_unit) {
            c.at(&l.skm_nrr.file, *line, "kode_unit", unit_expected, n.kode_unit.clone());
        }
        let s = scheme_of(&n.kode_unit, n.tahun);
        if let Err(e) = s.unsur_by_id(&n.unsur_id) {
            c.at(&l.skm_nrr.file, *line, "unsur_id", format!("an unsur of {} ({e})", s.code()), n.unsur_id.clone());
        }
        let v = Ratio::from_decimal(n.nrr);
        if v < Ratio::ONE || v > Ratio::int(4) {
            c.at(&l.skm_nrr.file, *line, "nrr", "an NRR between 1 and 4", n.nrr.to_string());
        }
    }
    c.unique(&l.skm_jawaban, "unsur_id", |j| (j.kode_unit.clone(), j.tahun, j.responden, j.unsur_id.clone()));
    for (line, j) in l.skm_jawaban.iter() {
        if !unit(&j.kode_unit) {
            c.at(&l.skm_jawaban.file, *line, "kode_unit", unit_expected, j.kode_unit.clone());
        }
        let s = scheme_of(&j.kode_unit, j.tahun);
        if let Err(e) = s.unsur_by_id(&j.unsur_id) {
            c.at(&l.skm_jawaban.file, *line, "unsur_id", format!("an unsur of {} ({e})", s.code()), j.unsur_id.clone());
        }
    }

    c.unique(&l.akip_komponen, "komponen_id", |a| (a.kode_unit.clone(), a.tahun, a.komponen_id.clone()));
    let mut akip_skema: HashMap<(&str, i32), (SkemaAkip, usize)> = HashMap::new();
    for (line, a) in l.akip_komponen.iter() {
        if !unit(&a.kode_unit) {
            c.at(&l.akip_komponen.file, *line, "kode_unit", unit_expected, a.kode_unit.clone());
        }
        match akip_skema.get(&(a.kode_unit.as_str(), a.tahun)) {
            Some((s, first)) if *s != a.skema => {
                c.at(&l.akip_komponen.file, *line, "skema", format!("{} as on row {first}", s.code()), a.skema.code());
            }
            Some(_) => {}
            None => {
                akip_skema.insert((a.kode_unit.as_str(), a.tahun), (a.skema, *line));
            }
        }
        match a.skema.komponen_by_id(&a.komponen_id) {
            Err(_) => c.at(
                &l.akip_komponen.file,
                *line,
                "komponen_id",
                format!(
                    "a komponen of {}: {}",
                    a.skema.code(),
                    a.skema.komponen().iter().map(|k| k.id).collect::<Vec<_>>().join(", ")
                ),
                a.komponen_id.clone(),
            ),
            Ok(k) => {
                for (col, v) in [("realisasi", Some(a.realisasi)), ("target", a.target)] {
                    if let Some(v) = v.filter(|v| *v < Decimal::ZERO || *v > Decimal::from(k.bobot)) {
                        c.at(
                            &l.akip_komponen.file,
                            *line,
                            col,
                            format!("a score between 0 and bobot {}", k.bobot),
                            v.to_string(),
                        );
                    }
                }
            }
        }
    }

    c.unique(&l.anggaran_belanja, "kode_rekening", |b| (b.kode_unit.clone(), b.tahun, b.kode_rekening.clone()));
    for (line, b) in l.anggaran_belanja.iter() {
        if !unit(&b.kode_unit) {
            c.at(&l.anggaran_belanja.file, *line, "kode_unit", unit_expected, b.kode_unit.clone());
        }
        for (col, v) in [("anggaran", b.anggaran), ("realisasi", b.realisasi)] {
            if v < Decimal::ZERO {
                c.at(&l.anggaran_belanja.file, *line, col, "an amount of 0 or more", v.to_string());
            }
        }
    }
    // A belanja line must be a leaf: a line and its own sub-account would count twice.
    let codes: HashSet<(&str, i32, &str)> =
        l.anggaran_belanja.iter().map(|(_, b)| (b.kode_unit.as_str(), b.tahun, b.kode_rekening.as_str())).collect();
    for (line, b) in l.anggaran_belanja.iter() {
        let prefix = format!("{}.", b.kode_rekening);
        if codes.iter().any(|(u, t, k)| *u == b.kode_unit && *t == b.tahun && k.starts_with(&prefix)) {
            c.at(
                &l.anggaran_belanja.file,
                *line,
                "kode_rekening",
                "a leaf account (its sub-accounts are listed too; totals are computed)",
                b.kode_rekening.clone(),
            );
        }
    }
    c.unique(&l.anggaran_program, "kode_program", |b| (b.kode_unit.clone(), b.tahun, b.kode_program.clone()));
    for (line, b) in l.anggaran_program.iter() {
        if !unit(&b.kode_unit) {
            c.at(&l.anggaran_program.file, *line, "kode_unit", unit_expected, b.kode_unit.clone());
        }
        for (col, v) in [("anggaran", b.anggaran), ("realisasi", b.realisasi)] {
            if v < Decimal::ZERO {
                c.at(&l.anggaran_program.file, *line, col, "an amount of 0 or more", v.to_string());
            }
        }
    }
    let programs: HashSet<(&str, i32, &str)> =
        l.anggaran_program.iter().map(|(_, b)| (b.kode_unit.as_str(), b.tahun, b.kode_program.as_str())).collect();
    c.unique(&l.program_sasaran, "kode_program", |m| (m.kode_unit.clone(), m.tahun, m.kode_program.clone()));
    for (line, m) in l.program_sasaran.iter() {
        if !programs.contains(&(m.kode_unit.as_str(), m.tahun, m.kode_program.as_str())) {
            c.at(
                &l.program_sasaran.file,
                *line,
                "kode_program",
                "a program of anggaran_program for the same unit and year",
                m.kode_program.clone(),
            );
        }
        if !sasaran.contains(m.sasaran_id.as_str()) {
            c.at(&l.program_sasaran.file, *line, "sasaran_id", "the id of a sasaran row", m.sasaran_id.clone());
        }
    }
    c.unique(&l.tercetak, "id", |t| t.id.clone());
}

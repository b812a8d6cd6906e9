//! What every view should hold, computed by the core from the dataset's
//! rows: this module finds rows (joins in Rust) and calls `kinerja-core`
//! for every figure, rank and label.

use std::collections::{BTreeMap, BTreeSet};

use kinerja_core::akip::NilaiAkip;
use kinerja_core::anggaran::{Pos, efisiensi_sasaran, rata_rata};
use kinerja_core::band::AKIP_2021;
use kinerja_core::capaian::{self, Aturan, Polaritas};
use kinerja_core::model::*;
use kinerja_core::plan;
use kinerja_core::skm::{self, Skema};
use kinerja_core::{Decimal, Error, Ratio};

use super::{Kind, Rows, View};

use Kind::{Num, Text};

/// A number as the comparison writes it (by value), or `NULL`.
fn num(d: Option<Decimal>) -> String {
    d.map_or("NULL".into(), |d| d.normalize().to_string())
}

/// An exact value presented (rounded half-up to two decimals), or `NULL`
/// where the core's formula is undefined.
fn r2(r: kinerja_core::Result<Ratio>) -> String {
    match r {
        Ok(r) => num(Some(r.round2().unwrap())),
        Err(Error::Undefined { .. }) => "NULL".into(),
        Err(e) => panic!("{e}"),
    }
}

fn opt_r2(r: Option<kinerja_core::Result<Ratio>>) -> String {
    r.map_or("NULL".into(), r2)
}

fn text(s: Option<&str>) -> String {
    s.map_or("NULL".into(), str::to_string)
}

fn key(parts: &[&dyn ToString]) -> String {
    parts.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("|")
}

pub struct Oracle<'a> {
    d: &'a Dataset,
}

impl<'a> Oracle<'a> {
    pub fn new(d: &'a Dataset) -> Oracle<'a> {
        Oracle { d }
    }

    /// Every view and the rows the core gives for it.
    pub fn all(&self) -> Vec<(View, Rows)> {
        vec![
            self.capaian(),
            self.tren(),
            self.peringkat(),
            self.skm_unsur(),
            self.ikm(),
            self.akip_komponen(),
            self.akip(),
            self.belanja(),
            self.program(),
            self.total(),
            self.sasaran(),
            self.efisiensi(),
        ]
    }

    fn indikator(&self, id: &str) -> &Indikator {
        self.d.indikator.iter().find(|i| i.id == id).unwrap()
    }

    /// `(kode_kabupaten, nama_unit)` of a unit, as `v_identitas` names it.
    fn identitas(&self, unit: &str) -> (String, String) {
        match self.d.wilayah.iter().find(|w| w.kode == unit) {
            Some(w) if w.tingkat == TingkatWilayah::Kecamatan => (text(w.induk.as_deref()), w.nama.clone()),
            Some(w) if w.tingkat == TingkatWilayah::Kabupaten => (w.kode.clone(), w.nama.clone()),
            _ => ("NULL".into(), "NULL".into()),
        }
    }

    fn target(&self, unit: &str, ind: &str, tahun: i32) -> Option<&Target> {
        target_berlaku(&self.d.target, unit, ind, tahun)
    }

    /// The Renstra of a unit whose period covers the year.
    fn renstra(&self, unit: &str, tahun: i32) -> Option<&Renstra> {
        self.d.renstra.iter().find(|r| r.kode_unit == unit && (r.tahun_awal..=r.tahun_akhir).contains(&tahun))
    }

    /// The sasaran (id, no) an indicator measures in the Renstra covering the year.
    fn sasaran_of(&self, unit: &str, ind: &str, tahun: i32) -> Vec<(&str, i32)> {
        let Some(r) = self.renstra(unit, tahun) else { return vec![] };
        let tujuan: BTreeSet<&str> =
            self.d.tujuan.iter().filter(|t| t.renstra_id == r.id).map(|t| t.id.as_str()).collect();
        self.d
            .sasaran
            .iter()
            .filter(|s| tujuan.contains(s.tujuan_id.as_str()))
            .filter(|s| self.d.sasaran_indikator.iter().any(|si| si.sasaran_id == s.id && si.indikator_id == ind))
            .map(|s| (s.id.as_str(), s.no))
            .collect()
    }

    fn penilaian(&self, r: &Realisasi) -> capaian::Penilaian {
        let ind = self.indikator(&r.indikator_id);
        let t = self.target(&r.kode_unit, &r.indikator_id, r.tahun).map(|t| t.nilai);
        capaian::penilaian(ind.jenis, ind.polaritas, t, r.nilai).unwrap()
    }

    fn capaian(&self) -> (View, Rows) {
        let view = View {
            name: "v_capaian",
            keys: &["kode_unit", "indikator_id", "tahun"],
            cols: &[
                ("kode_kabupaten", Text),
                ("nama_unit", Text),
                ("target", Num),
                ("jenis_target", Text),
                ("capaian", Num),
                ("selisih", Num),
                ("predikat", Text),
                ("kategori_kode", Text),
                ("kategori", Text),
                ("sintetis", Text),
                ("no_sasaran", Text),
            ],
        };
        let mut rows = Rows::new();
        for r in &self.d.realisasi {
            let t = self.target(&r.kode_unit, &r.indikator_id, r.tahun);
            let p = self.penilaian(r);
            let (kab, nama) = self.identitas(&r.kode_unit);
            let sintetis = is_sintetis(&r.sumber) || t.is_some_and(|t| is_sintetis(&t.sumber));
            let no = self.sasaran_of(&r.kode_unit, &r.indikator_id, r.tahun).iter().map(|s| s.1).min();
            rows.insert(
                key(&[&r.kode_unit, &r.indikator_id, &r.tahun]),
                vec![
                    kab,
                    nama,
                    num(t.map(|t| t.nilai)),
                    text(t.map(|t| t.jenis.code()).as_deref()),
                    num(p.capaian.map(|c| c.round2().unwrap())),
                    num(p.selisih.map(|s| kinerja_core::exact::round2(s).unwrap())),
                    text(p.predikat.map(|b| b.label)),
                    text(p.kategori.map(|b| b.code)),
                    text(p.kategori.map(|b| b.label)),
                    sintetis.to_string(),
                    text(no.map(|n| n.to_string()).as_deref()),
                ],
            );
        }
        (view, rows)
    }

    /// The realisasi of a unit's indicator by year.
    fn series(&self, unit: &str, ind: &str) -> Vec<(i32, Decimal)> {
        let rows = self.d.realisasi.iter().filter(|r| r.kode_unit == unit && r.indikator_id == ind);
        plan::urut_tahun(rows.map(|r| (r.tahun, r.nilai)).collect())
    }

    fn tren(&self) -> (View, Rows) {
        let view = View {
            name: "v_tren",
            keys: &["kode_unit", "indikator_id", "tahun"],
            cols: &[
                ("tahun_sebelumnya", Text),
                ("realisasi_sebelumnya", Num),
                ("perubahan", Num),
                ("perubahan_persen", Num),
                ("tahun_terbaik", Text),
                ("tahun_terburuk", Text),
                ("tahun_akhir_renstra", Text),
                ("target_akhir", Num),
                ("capaian_target_akhir", Num),
                ("kekurangan_target_akhir", Num),
            ],
        };
        let mut rows = Rows::new();
        for r in &self.d.realisasi {
            let pol = self.indikator(&r.indikator_id).polaritas;
            let s = self.series(&r.kode_unit, &r.indikator_id);
            let prev = s.iter().rfind(|(y, _)| *y < r.tahun).copied();
            let ch = prev.map(|(_, v)| plan::perubahan(v, r.nilai).unwrap());
            let akhir = self.renstra_akhir(&r.kode_unit, &r.indikator_id, r.tahun);
            let cap = akhir.map(|(_, t)| capaian::capaian(t, r.nilai, pol, Aturan::default()));
            let kurang = akhir.map(|(_, t)| capaian::kekurangan(t, r.nilai, pol).map(Ratio::from_decimal));
            rows.insert(
                key(&[&r.kode_unit, &r.indikator_id, &r.tahun]),
                vec![
                    text(prev.map(|p| p.0.to_string()).as_deref()),
                    num(prev.map(|p| p.1)),
                    num(ch.map(|c| kinerja_core::exact::round2(c.selisih).unwrap())),
                    num(ch.and_then(|c| c.persen).map(|p| p.round2().unwrap())),
                    text(plan::tahun_terbaik(pol, &s).map(|y| y.to_string()).as_deref()),
                    text(plan::tahun_terburuk(pol, &s).map(|y| y.to_string()).as_deref()),
                    text(akhir.map(|a| a.0.to_string()).as_deref()),
                    num(akhir.map(|a| a.1)),
                    opt_r2(cap),
                    opt_r2(kurang),
                ],
            );
        }
        (view, rows)
    }

    /// The Renstra final year and its target for the period covering the year.
    fn renstra_akhir(&self, unit: &str, ind: &str, tahun: i32) -> Option<(i32, Decimal)> {
        let r = self.renstra(unit, tahun)?;
        let t = self.d.target.iter().find(|t| {
            t.kode_unit == unit && t.indikator_id == ind && t.tahun == r.tahun_akhir && t.jenis == JenisTarget::Renstra
        })?;
        Some((r.tahun_akhir, t.nilai))
    }

    fn kecamatan_of(&self, kab: &str) -> Vec<&Wilayah> {
        let mut v: Vec<&Wilayah> = self
            .d
            .wilayah
            .iter()
            .filter(|w| w.tingkat == TingkatWilayah::Kecamatan && w.induk.as_deref() == Some(kab))
            .collect();
        v.sort_by(|a, b| a.kode.cmp(&b.kode));
        v
    }

    fn peringkat(&self) -> (View, Rows) {
        let view = View {
            name: "v_peringkat",
            keys: &["kode_kabupaten", "indikator_id", "tahun", "kode_unit"],
            cols: &[
                ("peringkat", Text),
                ("ada_data", Text),
                ("capaian", Num),
                ("predikat", Text),
                ("nilai_terbaik", Num),
                ("kekurangan_ke_terbaik", Num),
                ("kekurangan_ke_target", Num),
                ("jumlah_berdata", Text),
                ("jumlah_kecamatan", Text),
            ],
        };
        let mut pairs = BTreeSet::new();
        for r in &self.d.realisasi {
            if let Some(w) =
                self.d.wilayah.iter().find(|w| w.kode == r.kode_unit && w.tingkat == TingkatWilayah::Kecamatan)
            {
                pairs.insert((w.induk.clone().unwrap(), r.indikator_id.clone(), r.tahun));
            }
        }
        let mut rows = Rows::new();
        for (kab, ind, tahun) in pairs {
            self.ranking(&kab, &ind, tahun, &mut rows);
        }
        (view, rows)
    }

    fn ranking(&self, kab: &str, ind: &str, tahun: i32, rows: &mut Rows) {
        let pol = self.indikator(ind).polaritas;
        let kec = self.kecamatan_of(kab);
        let real: Vec<Option<&Realisasi>> = kec
            .iter()
            .map(|w| {
                self.d.realisasi.iter().find(|r| r.kode_unit == w.kode && r.indikator_id == ind && r.tahun == tahun)
            })
            .collect();
        let values: Vec<Option<Decimal>> = real.iter().map(|r| r.map(|r| r.nilai)).collect();
        let ranks = plan::peringkat(pol, &values);
        let best = plan::terbaik(pol, &values);
        let berdata = values.iter().flatten().count();
        for ((w, r), rank) in kec.iter().zip(&real).zip(ranks) {
            let p = r.map(|r| self.penilaian(r));
            let target = self.target(&w.kode, ind, tahun).map(|t| t.nilai);
            let kurang = |to: Option<Decimal>| match (to, r) {
                (Some(to), Some(r)) => {
                    num(Some(kinerja_core::exact::round2(capaian::kekurangan(to, r.nilai, pol).unwrap()).unwrap()))
                }
                _ => "NULL".into(),
            };
            rows.insert(
                key(&[&kab, &ind, &tahun, &w.kode]),
                vec![
                    text(rank.map(|r| r.to_string()).as_deref()),
                    r.is_some().to_string(),
                    num(p.and_then(|p| p.capaian).map(|c| c.round2().unwrap())),
                    text(p.and_then(|p| p.predikat).map(|b| b.label)),
                    num(best),
                    kurang(best),
                    kurang(target),
                    berdata.to_string(),
                    kec.len().to_string(),
                ],
            );
        }
    }

    fn skema(&self, unit: &str, tahun: i32) -> (Skema, kinerja_core::skm::Bobot) {
        let s = self.d.skm_survei.iter().find(|s| s.kode_unit == unit && s.tahun == tahun);
        (s.map(|s| s.skema).unwrap_or_default(), s.map(|s| s.bobot).unwrap_or_default())
    }

    /// Per unit-year and unsur: (sum, count) of the raw answers.
    fn agregat(&self) -> BTreeMap<(String, i32), BTreeMap<String, (u64, u64)>> {
        let mut m: BTreeMap<(String, i32), BTreeMap<String, (u64, u64)>> = BTreeMap::new();
        for j in &self.d.skm_jawaban {
            let e = m.entry((j.kode_unit.clone(), j.tahun)).or_default().entry(j.unsur_id.clone()).or_default();
            e.0 += u64::from(j.skor.get());
            e.1 += 1;
        }
        m
    }

    fn skm_unsur(&self) -> (View, Rows) {
        let view = View {
            name: "v_skm_unsur",
            keys: &["kode_unit", "tahun", "unsur_id"],
            cols: &[("skema", Text), ("dasar", Text), ("jumlah", Text), ("n", Text), ("nrr", Num), ("mutu", Text)],
        };
        let agregat = self.agregat();
        let mut rows = Rows::new();
        for ((unit, tahun), per) in &agregat {
            let skema = self.skema(unit, *tahun).0;
            for (u, (j, n)) in per {
                let nrr = skm::nrr(*j, *n).unwrap();
                let mutu = skm::mutu_unsur(skema, nrr).ok().map(|b| b.code);
                let cells =
                    vec![skema.code().into(), "jawaban".into(), j.to_string(), n.to_string(), r2(Ok(nrr)), text(mutu)];
                rows.insert(key(&[unit, tahun, u]), cells);
            }
        }
        for n in self.d.skm_nrr.iter().filter(|n| !agregat.contains_key(&(n.kode_unit.clone(), n.tahun))) {
            let skema = self.skema(&n.kode_unit, n.tahun).0;
            let mutu = skm::mutu_unsur(skema, Ratio::from_decimal(n.nrr)).ok().map(|b| b.code);
            let cells =
                vec![skema.code().into(), "nrr".into(), "NULL".into(), "NULL".into(), num(Some(n.nrr)), text(mutu)];
            rows.insert(key(&[&n.kode_unit, &n.tahun, &n.unsur_id]), cells);
        }
        (view, rows)
    }

    fn ikm(&self) -> (View, Rows) {
        let view = View {
            name: "v_ikm",
            keys: &["kode_unit", "tahun"],
            cols: &[
                ("kode_kabupaten", Text),
                ("nama_unit", Text),
                ("skema", Text),
                ("bobot", Text),
                ("bobot_tercetak", Text),
                ("responden", Text),
                ("dasar", Text),
                ("jumlah_unsur", Text),
                ("ikm", Num),
                ("mutu", Text),
                ("kinerja", Text),
            ],
        };
        let agregat = self.agregat();
        let mut keys: BTreeSet<(String, i32)> = agregat.keys().cloned().collect();
        keys.extend(self.d.skm_survei.iter().map(|s| (s.kode_unit.clone(), s.tahun)));
        keys.extend(self.d.skm_nrr.iter().map(|s| (s.kode_unit.clone(), s.tahun)));
        let mut rows = Rows::new();
        for (unit, tahun) in keys {
            let (skema, bobot) = self.skema(&unit, tahun);
            let survei = self.d.skm_survei.iter().find(|s| s.kode_unit == unit && s.tahun == tahun);
            let nrr: Vec<&SkmNrr> = self.d.skm_nrr.iter().filter(|n| n.kode_unit == unit && n.tahun == tahun).collect();
            let (dasar, count, total, n_max) = match agregat.get(&(unit.clone(), tahun)) {
                Some(per) => {
                    let mut total = Ratio::ZERO;
                    for (j, n) in per.values() {
                        total = total.checked_add(skm::nrr(*j, *n).unwrap()).unwrap();
                    }
                    (Some("jawaban"), per.len(), Some(total), per.values().map(|x| x.1).max())
                }
                None if !nrr.is_empty() => {
                    let total = kinerja_core::exact::sum_decimals(nrr.iter().map(|n| n.nrr)).unwrap();
                    (Some("nrr"), nrr.len(), Some(Ratio::from_decimal(total)), None)
                }
                None => (None, 0, None, None),
            };
            let ikm =
                total.filter(|_| count == skema.unsur().len()).map(|t| skm::ikm_from_total(skema, bobot, t).unwrap());
            let band = ikm.and_then(|i| i.mutu().ok());
            let (kab, nama) = self.identitas(&unit);
            let responden = survei.map(|s| s.responden.to_string()).or(n_max.map(|n| n.to_string()));
            rows.insert(
                key(&[&unit, &tahun]),
                vec![
                    kab,
                    nama,
                    skema.code().into(),
                    bobot.code().into(),
                    bobot.label(skema).into(),
                    text(responden.as_deref()),
                    text(dasar),
                    count.to_string(),
                    num(ikm.map(|i| i.rounded().unwrap())),
                    text(band.map(|b| b.code)),
                    text(band.map(|b| b.label)),
                ],
            );
        }
        (view, rows)
    }

    fn akip_komponen(&self) -> (View, Rows) {
        let view = View {
            name: "v_akip_komponen",
            keys: &["kode_unit", "tahun", "komponen_id"],
            cols: &[("bobot", Text), ("persen", Num), ("sintetis", Text)],
        };
        let mut rows = Rows::new();
        for a in &self.d.akip_komponen {
            let bobot = a.skema.komponen_by_id(&a.komponen_id).unwrap().bobot;
            let persen = a.target.map(|t| capaian::capaian(t, a.realisasi, Polaritas::Positif, Aturan::default()));
            let cells = vec![bobot.to_string(), opt_r2(persen), is_sintetis(&a.sumber).to_string()];
            rows.insert(key(&[&a.kode_unit, &a.tahun, &a.komponen_id]), cells);
        }
        (view, rows)
    }

    fn akip(&self) -> (View, Rows) {
        let view = View {
            name: "v_akip",
            keys: &["kode_unit", "tahun"],
            cols: &[
                ("jumlah_komponen", Text),
                ("target", Num),
                ("realisasi", Num),
                ("persen", Num),
                ("predikat_target", Text),
                ("predikat", Text),
                ("predikat_label", Text),
            ],
        };
        let mut per: BTreeMap<(String, i32), Vec<&AkipKomponen>> = BTreeMap::new();
        for a in &self.d.akip_komponen {
            per.entry((a.kode_unit.clone(), a.tahun)).or_default().push(a);
        }
        let mut rows = Rows::new();
        for ((unit, tahun), ks) in per {
            let skema = ks[0].skema;
            let real: Vec<(&str, Decimal)> = ks.iter().map(|a| (a.komponen_id.as_str(), a.realisasi)).collect();
            let realisasi = NilaiAkip::from_komponen(skema, &real).ok().map(|n| n.total().unwrap());
            let targets: Option<Vec<(&str, Decimal)>> =
                ks.iter().map(|a| a.target.map(|t| (a.komponen_id.as_str(), t))).collect();
            let target = targets.and_then(|t| NilaiAkip::from_komponen(skema, &t).ok()).map(|n| n.total().unwrap());
            let target = target.filter(|_| realisasi.is_some());
            let persen = match (target, realisasi) {
                (Some(t), Some(r)) => Some(capaian::capaian(
                    t.to_decimal().unwrap(),
                    r.to_decimal().unwrap(),
                    Polaritas::Positif,
                    Aturan::default(),
                )),
                _ => None,
            };
            let band = |v: Option<Ratio>| v.and_then(|v| AKIP_2021.classify(v).ok());
            rows.insert(
                key(&[&unit, &tahun]),
                vec![
                    ks.len().to_string(),
                    num(target.map(|t| t.to_decimal().unwrap())),
                    num(realisasi.map(|r| r.to_decimal().unwrap())),
                    opt_r2(persen),
                    text(band(target).map(|b| b.code)),
                    text(band(realisasi).map(|b| b.code)),
                    text(band(realisasi).map(|b| b.label)),
                ],
            );
        }
        (view, rows)
    }

    fn belanja(&self) -> (View, Rows) {
        let view = View {
            name: "v_anggaran_belanja",
            keys: &["kode_unit", "tahun", "kode_rekening"],
            cols: &[("tingkat", Text), ("anggaran", Num), ("realisasi", Num), ("penyerapan", Num), ("sisa", Num)],
        };
        let mut groups: BTreeMap<(String, i32, String), Vec<Pos>> = BTreeMap::new();
        for b in &self.d.anggaran_belanja {
            let parts: Vec<&str> = b.kode_rekening.split('.').collect();
            for level in 1..=parts.len() {
                let pos = Pos { anggaran: b.anggaran, realisasi: b.realisasi };
                groups.entry((b.kode_unit.clone(), b.tahun, parts[..level].join("."))).or_default().push(pos);
            }
        }
        let mut rows = Rows::new();
        for ((unit, tahun, kode), items) in groups {
            let p = Pos::sum(&items).unwrap();
            let tingkat = kode.split('.').count();
            let cells = vec![
                tingkat.to_string(),
                num(Some(p.anggaran)),
                num(Some(p.realisasi)),
                r2(p.penyerapan()),
                num(Some(kinerja_core::exact::round2(p.sisa().unwrap()).unwrap())),
            ];
            rows.insert(key(&[&unit, &tahun, &kode]), cells);
        }
        (view, rows)
    }

    fn sasaran_program(&self, p: &AnggaranProgram) -> Option<&ProgramSasaran> {
        self.d
            .program_sasaran
            .iter()
            .find(|m| m.kode_unit == p.kode_unit && m.tahun == p.tahun && m.kode_program == p.kode_program)
    }

    fn program(&self) -> (View, Rows) {
        let view = View {
            name: "v_anggaran_program",
            keys: &["kode_unit", "tahun", "kode_program"],
            cols: &[("penyerapan", Num), ("sisa", Num), ("sasaran_id", Text), ("sintetis", Text)],
        };
        let mut rows = Rows::new();
        for p in &self.d.anggaran_program {
            let pos = Pos { anggaran: p.anggaran, realisasi: p.realisasi };
            let sasaran = self.sasaran_program(p).map(|m| m.sasaran_id.as_str());
            let sisa = kinerja_core::exact::round2(pos.sisa().unwrap()).unwrap();
            let cells = vec![r2(pos.penyerapan()), num(Some(sisa)), text(sasaran), is_sintetis(&p.sumber).to_string()];
            rows.insert(key(&[&p.kode_unit, &p.tahun, &p.kode_program]), cells);
        }
        (view, rows)
    }

    fn programs(&self) -> BTreeMap<(String, i32), Vec<&AnggaranProgram>> {
        let mut per: BTreeMap<(String, i32), Vec<&AnggaranProgram>> = BTreeMap::new();
        for p in &self.d.anggaran_program {
            per.entry((p.kode_unit.clone(), p.tahun)).or_default().push(p);
        }
        per
    }

    fn total(&self) -> (View, Rows) {
        let view = View {
            name: "v_anggaran_total",
            keys: &["kode_unit", "tahun"],
            cols: &[
                ("jumlah_program", Text),
                ("anggaran", Num),
                ("realisasi", Num),
                ("penyerapan", Num),
                ("sisa", Num),
                ("rata_rata_penyerapan", Num),
            ],
        };
        let mut rows = Rows::new();
        for ((unit, tahun), ps) in self.programs() {
            let pos: Vec<Pos> = ps.iter().map(|p| Pos { anggaran: p.anggaran, realisasi: p.realisasi }).collect();
            let t = Pos::sum(&pos).unwrap();
            let presented: Vec<Decimal> =
                pos.iter().filter_map(|p| p.penyerapan().ok()).map(|r| r.round2().unwrap()).collect();
            let mean = (!presented.is_empty()).then(|| rata_rata(&presented));
            let cells = vec![
                ps.len().to_string(),
                num(Some(t.anggaran)),
                num(Some(t.realisasi)),
                r2(t.penyerapan()),
                num(Some(kinerja_core::exact::round2(t.sisa().unwrap()).unwrap())),
                opt_r2(mean),
            ];
            rows.insert(key(&[&unit, &tahun]), cells);
        }
        (view, rows)
    }

    /// The programs of each unit-year-sasaran.
    fn per_sasaran(&self) -> BTreeMap<(String, i32, String), Vec<Pos>> {
        let mut per: BTreeMap<(String, i32, String), Vec<Pos>> = BTreeMap::new();
        for p in &self.d.anggaran_program {
            if let Some(m) = self.sasaran_program(p) {
                let pos = Pos { anggaran: p.anggaran, realisasi: p.realisasi };
                per.entry((p.kode_unit.clone(), p.tahun, m.sasaran_id.clone())).or_default().push(pos);
            }
        }
        per
    }

    fn sasaran(&self) -> (View, Rows) {
        let view = View {
            name: "v_anggaran_sasaran",
            keys: &["kode_unit", "tahun", "sasaran_id"],
            cols: &[("jumlah_program", Text), ("anggaran", Num), ("realisasi", Num), ("penyerapan", Num)],
        };
        let mut rows = Rows::new();
        for ((unit, tahun, sid), pos) in self.per_sasaran() {
            let t = Pos::sum(&pos).unwrap();
            let cells = vec![pos.len().to_string(), num(Some(t.anggaran)), num(Some(t.realisasi)), r2(t.penyerapan())];
            rows.insert(key(&[&unit, &tahun, &sid]), cells);
        }
        (view, rows)
    }

    fn efisiensi(&self) -> (View, Rows) {
        let view = View {
            name: "v_efisiensi",
            keys: &["kode_unit", "tahun", "sasaran_id"],
            cols: &[("capaian", Num), ("penyerapan", Num), ("efisiensi", Num), ("efisiensi_rasio", Num)],
        };
        let mut rows = Rows::new();
        for ((unit, tahun, sid), pos) in self.per_sasaran() {
            let capaian: Vec<Decimal> = self
                .d
                .realisasi
                .iter()
                .filter(|r| r.kode_unit == unit && r.tahun == tahun)
                .filter(|r| self.sasaran_of(&unit, &r.indikator_id, tahun).iter().any(|s| s.0 == sid))
                .filter_map(|r| self.penilaian(r).capaian)
                .map(|c| c.round2().unwrap())
                .collect();
            let e = efisiensi_sasaran(&capaian, &pos).unwrap();
            let cells = vec![num(e.capaian), num(e.penyerapan), num(e.efisiensi), num(e.rasio)];
            rows.insert(key(&[&unit, &tahun, &sid]), cells);
        }
        (view, rows)
    }
}

//! View models: what each view shows, computed from the snapshot and the
//! edits by the core. Pure, so tested natively; components only render.
//!
//! Every figure comes from a function of `kinerja-core` (capaian and its
//! predikat and kategori, ranking, NRR and IKM, AKIP, efisiensi, goal
//! seek); this module only finds the right rows and applies the edits.

use kinerja_core::akip::{NilaiAkip, SkemaAkip};
use kinerja_core::anggaran::{Pos, efisiensi_sasaran, per_sasaran};
use kinerja_core::band::{Band, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::{Aturan, JenisIndikator, Penilaian};
use kinerja_core::model::{Indikator, JenisTarget, Realisasi, Snapshot, Target, TingkatWilayah, Wilayah, is_sintetis};
use kinerja_core::plan::{
    GoalSeek, Peringatan, langkah_terbesar, peringatan, peringkat, realisasi_for_band, realisasi_for_capaian,
};
use kinerja_core::skm::{Bobot, Skema, ikm_from_nrr, mutu_unsur, nrr_needed, respondents_needed};
use kinerja_core::{Decimal, Ratio};
use kinerja_skenario::Jenis;

use crate::state::{Edits, Entry, Key};

/// Distinct years in ascending order.
fn tahun_unik(years: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut v: Vec<i32> = years.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A number with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Value (None when missing or when the edit does not parse).
    pub nilai: Option<Decimal>,
    /// The edit, if the cell was changed.
    pub isian: Option<Entry>,
    /// Synthetic source.
    pub sintetis: bool,
}

fn nilai_key(unit: &str, ind: &str, tahun: i32, jenis: Jenis) -> Key {
    Key::Nilai { kode_unit: unit.into(), indikator_id: ind.into(), tahun, jenis }
}

/// Rows of one indicator-year by unit code, ordered by unit.
type PerUnit<'a, T> = Vec<(&'a str, &'a T)>;

/// A figure from its edit, if any, and its baseline `(value, synthetic)`.
fn figure(edit: Option<&Entry>, base: Option<(Decimal, bool)>) -> Figure {
    Figure {
        nilai: match edit {
            Some(e) => e.nilai,
            None => base.map(|b| b.0),
        },
        sintetis: base.is_some_and(|b| b.1),
        isian: edit.cloned(),
    }
}

/// The edit of unit `kode` among the edits of one indicator-year.
fn edit_for<'e>(edits: &[(&str, &'e Entry)], kode: &str) -> Option<&'e Entry> {
    edits.iter().find(|e| e.0 == kode).map(|e| e.1)
}

/// Baseline and edited values of a snapshot.
pub struct Data<'a> {
    /// The data.
    pub snap: &'a Snapshot,
    /// The edits.
    pub edits: &'a Edits,
}

impl<'a> Data<'a> {
    /// The recorded realisasi, found by binary search (the snapshot reader
    /// checks that they are ordered by unit, indicator and year).
    pub fn realisasi_dasar(&self, unit: &str, ind: &str, tahun: i32) -> Option<&'a Realisasi> {
        self.realisasi_unit(unit, ind).iter().find(|r| r.tahun == tahun)
    }

    /// The recorded realisasi of one indicator of a unit, by year.
    fn realisasi_unit(&self, unit: &str, ind: &str) -> &'a [Realisasi] {
        let r = &self.snap.data.realisasi;
        let a = r.partition_point(|x| (x.kode_unit.as_str(), x.indikator_id.as_str()) < (unit, ind));
        let b = r.partition_point(|x| (x.kode_unit.as_str(), x.indikator_id.as_str()) <= (unit, ind));
        &r[a..b]
    }

    /// Every target of one indicator of a unit (any year, any jenis).
    fn target_unit(&self, unit: &str, ind: &str) -> &'a [Target] {
        let t = &self.snap.data.target;
        let a = t.partition_point(|x| (x.kode_unit.as_str(), x.indikator_id.as_str()) < (unit, ind));
        let b = t.partition_point(|x| (x.kode_unit.as_str(), x.indikator_id.as_str()) <= (unit, ind));
        &t[a..b]
    }

    /// Realisasi (edited or recorded).
    pub fn realisasi(&self, unit: &str, ind: &str, tahun: i32) -> Figure {
        let edit = self.edits.get(&nilai_key(unit, ind, tahun, Jenis::Realisasi));
        let base = self.realisasi_dasar(unit, ind, tahun).map(|r| (r.nilai, is_sintetis(&r.sumber)));
        figure(edit, base)
    }

    /// The baseline target in force: PK perubahan, else PK, else Renstra.
    pub fn target_dasar(&self, unit: &str, ind: &str, tahun: i32) -> Option<(Decimal, bool)> {
        kinerja_core::model::target_berlaku(self.target_unit(unit, ind), unit, ind, tahun)
            .map(|t| (t.nilai, is_sintetis(&t.sumber)))
    }

    /// Target (edited or in force).
    pub fn target(&self, unit: &str, ind: &str, tahun: i32) -> Figure {
        let edit = self.edits.get(&nilai_key(unit, ind, tahun, Jenis::Target));
        figure(edit, self.target_dasar(unit, ind, tahun))
    }

    /// The recorded realisasi and the baseline targets in force of one
    /// indicator-year, for every unit that has them, ordered by unit: one
    /// pass over each table instead of a search per unit.
    fn tahun_semua(&self, ind: &str, tahun: i32) -> (PerUnit<'a, Realisasi>, PerUnit<'a, Target>) {
        let d = &self.snap.data;
        let realisasi =
            d.realisasi.iter().filter(|r| r.tahun == tahun && r.indikator_id == ind).map(|r| (r.kode_unit.as_str(), r));
        // The targets of one unit-indicator-year are adjacent (the reader
        // checks the order); the core picks the one in force.
        let same = |a: &Target, b: &Target| {
            a.kode_unit == b.kode_unit && a.indikator_id == b.indikator_id && a.tahun == b.tahun
        };
        let target = d
            .target
            .chunk_by(same)
            .filter(|c| c[0].tahun == tahun && c[0].indikator_id == ind)
            .filter_map(|c| kinerja_core::model::target_berlaku(c, &c[0].kode_unit, ind, tahun))
            .map(|t| (t.kode_unit.as_str(), t))
            .collect();
        (realisasi.collect(), target)
    }

    /// The edits of one indicator-year of one kind, by unit: what a
    /// comparison of thousands of units looks up without building a key per
    /// unit.
    fn edits_of(&self, ind: &str, tahun: i32, jenis: Jenis) -> Vec<(&'a str, &'a Entry)> {
        self.edits
            .iter()
            .filter_map(|(k, e)| match k {
                Key::Nilai { kode_unit, indikator_id, tahun: t, jenis: j }
                    if indikator_id == ind && *t == tahun && *j == jenis =>
                {
                    Some((kode_unit.as_str(), e))
                }
                _ => None,
            })
            .collect()
    }

    /// Realisasi history of a unit (recorded, not edited).
    pub fn riwayat(&self, unit: &str, ind: &str) -> Vec<(i32, Decimal)> {
        kinerja_core::plan::urut_tahun(self.realisasi_unit(unit, ind).iter().map(|r| (r.tahun, r.nilai)).collect())
    }

    /// Kecamatan of the snapshot's region, `(kode, nama)`.
    pub fn kecamatan(&self) -> Vec<(String, String)> {
        self.wilayah(TingkatWilayah::Kecamatan).map(|w| (w.kode.clone(), w.nama.clone())).collect()
    }

    /// The regions of one level, in code order.
    pub fn wilayah(&self, tingkat: TingkatWilayah) -> impl Iterator<Item = &'a Wilayah> + use<'a> {
        self.snap.data.wilayah.iter().filter(move |w| w.tingkat == tingkat)
    }

    /// Indicators.
    pub fn indikator(&self) -> &'a [Indikator] {
        &self.snap.data.indikator
    }

    /// The number of the sasaran an indicator measures in a unit's Renstra
    /// (for ordering as the report does), if any.
    pub fn no_sasaran(&self, unit: &str, ind: &str) -> Option<i32> {
        let d = &self.snap.data;
        let renstra: Vec<&str> = d.renstra.iter().filter(|r| r.kode_unit == unit).map(|r| r.id.as_str()).collect();
        let tujuan: Vec<&str> =
            d.tujuan.iter().filter(|t| renstra.contains(&t.renstra_id.as_str())).map(|t| t.id.as_str()).collect();
        d.sasaran_indikator
            .iter()
            .filter(|si| si.indikator_id == ind)
            .filter_map(|si| d.sasaran.iter().find(|s| s.id == si.sasaran_id && tujuan.contains(&s.tujuan_id.as_str())))
            .map(|s| s.no)
            .min()
    }

    /// The core's assessment of an indicator-year with the edits applied
    /// (capaian, predikat, kategori, selisih); `None` without a realisasi.
    pub fn penilaian(&self, unit: &str, ind: &Indikator, tahun: i32) -> Option<Penilaian> {
        let (t, r) = (self.target(unit, &ind.id, tahun).nilai, self.realisasi(unit, &ind.id, tahun).nilai?);
        kinerja_core::capaian::nilai(ind.jenis, ind.polaritas, t, r).ok()
    }

    /// The Renstra final year and its target for an indicator of a unit.
    fn renstra_akhir(&self, unit: &str, ind: &str) -> Option<(i32, Decimal)> {
        let r = self.snap.data.renstra.iter().find(|r| r.kode_unit == unit)?;
        let is_final = |t: &&Target| t.tahun == r.tahun_akhir && t.jenis == JenisTarget::Renstra;
        self.target_unit(unit, ind).iter().find(is_final).map(|t| (r.tahun_akhir, t.nilai))
    }
}

fn presented(r: Option<Ratio>) -> Option<Decimal> {
    r.and_then(|c| c.round2().ok())
}

/// One year of one indicator in the planner.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannerYear {
    /// Year.
    pub tahun: i32,
    /// Editable (after the last recorded realisasi).
    pub masa_depan: bool,
    /// Target.
    pub target: Figure,
    /// Realisasi.
    pub realisasi: Figure,
    /// Capaian, presented.
    pub capaian: Option<Decimal>,
    /// Predikat label.
    pub predikat: Option<&'static str>,
    /// Category of the value itself (IKM mutu label, AKIP predikat code).
    pub kategori: Option<&'static str>,
    /// Realisasi needed for 100 %.
    pub perlu_100: Option<GoalSeek>,
    /// Realisasi needed per predikat band (label, answer).
    pub perlu_predikat: Vec<(&'static str, GoalSeek)>,
}

/// One indicator in the planner.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannerRow {
    /// The indicator.
    pub indikator: Indikator,
    /// Years of the Renstra.
    pub tahun: Vec<PlannerYear>,
    /// Warnings.
    pub peringatan: Vec<Peringatan>,
}

/// The Renstra planner of one unit: its indicators in sasaran order.
pub fn planner(d: &Data<'_>, unit: &str) -> Vec<PlannerRow> {
    let mut indikator: Vec<(i32, &Indikator)> =
        d.indikator().iter().map(|i| (d.no_sasaran(unit, &i.id).unwrap_or(i32::MAX), i)).collect();
    indikator.sort_by(|a, b| (a.0, a.1.id.as_str()).cmp(&(b.0, b.1.id.as_str())));
    indikator.into_iter().filter_map(|(_, ind)| planner_row(d, unit, ind)).collect()
}

/// The years of the unit's Renstra and of its Renstra targets.
fn renstra_years(d: &Data<'_>, unit: &str, ind: &str) -> Vec<i32> {
    let renstra =
        d.snap.data.renstra.iter().find(|r| r.kode_unit == unit).into_iter().flat_map(|r| r.tahun_awal..=r.tahun_akhir);
    let targets = d
        .snap
        .data
        .target
        .iter()
        .filter(|t| t.kode_unit == unit && t.indikator_id == ind && t.jenis == JenisTarget::Renstra)
        .map(|t| t.tahun);
    tahun_unik(renstra.chain(targets))
}

fn planner_row(d: &Data<'_>, unit: &str, ind: &Indikator) -> Option<PlannerRow> {
    let riwayat = d.riwayat(unit, &ind.id);
    let last_year = riwayat.last().map(|x| x.0);
    let years = renstra_years(d, unit, &ind.id);
    if years.is_empty() {
        return None;
    }
    let tahun: Vec<PlannerYear> = years.iter().map(|&y| planner_year(d, unit, ind, y, last_year)).collect();
    // Warnings: planned targets after the last realisasi.
    let rencana: Vec<(i32, Decimal)> =
        tahun.iter().filter(|s| s.masa_depan).filter_map(|s| s.target.nilai.map(|v| (s.tahun, v))).collect();
    let peers: Vec<Vec<(i32, Decimal)>> = d.kecamatan().iter().map(|(k, _)| d.riwayat(k, &ind.id)).collect();
    let max_step = langkah_terbesar(peers.iter().map(Vec::as_slice).chain(std::iter::once(riwayat.as_slice())));
    let w = peringatan(ind.polaritas, &riwayat, &rencana, max_step, d.renstra_akhir(unit, &ind.id));
    Some(PlannerRow { indikator: ind.clone(), tahun, peringatan: w })
}

/// How the planner shows an indicator's kategori: an AKIP predikat by its
/// code (`BB`), an IKM mutu by its label (`Baik`).
fn kategori_text(jenis: JenisIndikator, band: &'static Band) -> &'static str {
    if jenis == JenisIndikator::Akip { band.code } else { band.label }
}

fn planner_year(d: &Data<'_>, unit: &str, ind: &Indikator, y: i32, last_year: Option<i32>) -> PlannerYear {
    let target = d.target(unit, &ind.id, y);
    let realisasi = d.realisasi(unit, &ind.id, y);
    let p = d.penilaian(unit, ind, y);
    let masa_depan = last_year.is_none_or(|l| y > l);
    let (perlu_100, perlu_predikat) = match (masa_depan, target.nilai) {
        (true, Some(t)) => goal_seek(t, ind),
        _ => (None, vec![]),
    };
    PlannerYear {
        tahun: y,
        masa_depan,
        capaian: presented(p.and_then(|p| p.capaian)),
        predikat: p.and_then(|p| p.predikat).map(|b| b.label),
        kategori: p.and_then(|p| p.kategori).map(|b| kategori_text(ind.jenis, b)),
        target,
        realisasi,
        perlu_100,
        perlu_predikat,
    }
}

/// The realisasi needed for 100 % and for each predikat band.
fn goal_seek(t: Decimal, ind: &Indikator) -> (Option<GoalSeek>, Vec<(&'static str, GoalSeek)>) {
    let (p, a, dp) = (ind.polaritas, Aturan::default(), ind.presisi);
    let per_band = PREDIKAT_CAPAIAN
        .bands
        .iter()
        .filter(|b| b.min_hundredths != i64::MIN)
        .filter_map(|b| realisasi_for_band(t, &PREDIKAT_CAPAIAN, b.code, p, a, dp).ok().map(|g| (b.label, g)))
        .collect();
    (realisasi_for_capaian(t, Ratio::HUNDRED, p, a, dp).ok(), per_band)
}

/// One unsur in the IKM simulator.
#[derive(Debug, Clone, PartialEq)]
pub struct UnsurSim {
    /// Unsur id.
    pub id: &'static str,
    /// Official name.
    pub nama: &'static str,
    /// Recorded NRR.
    pub dasar: Ratio,
    /// NRR used (edited or recorded).
    pub nrr: Option<Ratio>,
    /// The edit.
    pub isian: Option<Entry>,
    /// Mutu of the unsur.
    pub mutu: Option<&'static str>,
    /// Least NRR for IKM mutu B and A, or why not.
    pub perlu: Vec<(&'static str, Result<Ratio, String>)>,
    /// Respondents answering 4 needed for mutu B and A.
    pub responden_perlu: Vec<(&'static str, Option<u64>)>,
}

/// The IKM simulator of one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct SimIkm {
    /// Year of the survey.
    pub tahun: i32,
    /// Scheme.
    pub skema: Skema,
    /// Weight.
    pub bobot: Bobot,
    /// Respondents.
    pub responden: Option<i64>,
    /// Unsur.
    pub unsur: Vec<UnsurSim>,
    /// IKM (presented) with the edits.
    pub ikm: Option<Decimal>,
    /// IKM recorded (baseline, from the NRR).
    pub ikm_dasar: Option<Decimal>,
    /// Mutu band.
    pub mutu: Option<&'static Band>,
    /// Synthetic.
    pub sintetis: bool,
}

/// The recorded NRR of every unsur of a unit-year: from raw-answer
/// aggregates (`jumlah / n`, [`kinerja_core::skm::nrr`]) where present,
/// else the stored NRR. Returns the unsur, the most answers to one unsur,
/// and whether any source is synthetic.
type NrrDasar = (Vec<(&'static str, &'static str, Ratio)>, i64, bool);

fn nrr_dasar(d: &Data<'_>, unit: &str, tahun: i32, skema: Skema) -> Option<NrrDasar> {
    let (mut base, mut n_max, mut sintetis) = (Vec::new(), 0i64, false);
    for u in skema.unsur() {
        let agg = d.snap.skm_agregat.iter().find(|a| a.kode_unit == unit && a.tahun == tahun && a.unsur_id == u.id);
        let nrr = match agg {
            Some(a) => {
                n_max = n_max.max(a.n);
                sintetis |= is_sintetis(&a.sumber);
                kinerja_core::skm::nrr(u64::try_from(a.jumlah).ok()?, u64::try_from(a.n).ok()?).ok()
            }
            None => {
                let stored = d.snap.data.skm_nrr.iter();
                let n = stored.into_iter().find(|n| n.kode_unit == unit && n.tahun == tahun && n.unsur_id == u.id)?;
                sintetis |= is_sintetis(&n.sumber);
                Some(Ratio::from_decimal(n.nrr))
            }
        };
        base.push((u.id, u.nama, nrr?));
    }
    Some((base, n_max, sintetis))
}

/// The IKM simulator, for the unit's latest survey.
pub fn sim_ikm(d: &Data<'_>, unit: &str) -> Option<SimIkm> {
    let data = &d.snap.data;
    let nrr_years = data.skm_nrr.iter().filter(|n| n.kode_unit == unit).map(|n| n.tahun);
    let agg_years = d.snap.skm_agregat.iter().filter(|a| a.kode_unit == unit).map(|a| a.tahun);
    let tahun = nrr_years.chain(agg_years).max()?;
    let survei = data.skm_survei.iter().find(|s| s.kode_unit == unit && s.tahun == tahun);
    let skema = survei.map(|s| s.skema).unwrap_or_default();
    let bobot = survei.map(|s| s.bobot).unwrap_or_default();
    let (base, n_max, sintetis) = nrr_dasar(d, unit, tahun, skema)?;
    let responden = survei.map(|s| s.responden).or((n_max > 0).then_some(n_max));
    let key = |id: &str| Key::Nrr { kode_unit: unit.into(), tahun, unsur_id: id.into() };
    let used: Vec<(&str, Option<Ratio>)> = base
        .iter()
        .map(|(id, _, b)| (*id, d.edits.get(&key(id)).map_or(Some(*b), |e| e.nilai.map(Ratio::from_decimal))))
        .collect();
    let complete: Option<Vec<(&str, Ratio)>> = used.iter().map(|(id, v)| v.map(|v| (*id, v))).collect();
    let ikm = complete.as_ref().and_then(|c| ikm_from_nrr(skema, bobot, c).ok());
    let dasar: Vec<(&str, Ratio)> = base.iter().map(|(id, _, b)| (*id, *b)).collect();
    let unsur = base
        .iter()
        .zip(&used)
        .map(|((id, nama, b), (_, nrr))| {
            let isian = d.edits.get(&key(id)).cloned();
            unsur_sim(skema, bobot, complete.as_deref(), responden, (id, nama, *b), *nrr, isian)
        })
        .collect();
    Some(SimIkm {
        tahun,
        skema,
        bobot,
        responden,
        unsur,
        ikm: ikm.and_then(|i| i.rounded().ok()),
        ikm_dasar: ikm_from_nrr(skema, bobot, &dasar).ok().and_then(|i| i.rounded().ok()),
        mutu: ikm.and_then(|i| i.mutu().ok()),
        sintetis: sintetis || survei.is_some_and(|s| is_sintetis(&s.sumber)),
    })
}

/// One unsur of the simulator: its mutu and what mutu B and A would need.
fn unsur_sim(
    skema: Skema,
    bobot: Bobot,
    complete: Option<&[(&str, Ratio)]>,
    responden: Option<i64>,
    (id, nama, dasar): (&'static str, &'static str, Ratio),
    nrr: Option<Ratio>,
    isian: Option<Entry>,
) -> UnsurSim {
    let perlu: Vec<(&'static str, Result<Ratio, String>)> = ["B", "A"]
        .into_iter()
        .map(|m| {
            let c = complete.ok_or_else(|| "-".to_string());
            (m, c.and_then(|c| nrr_needed(skema, bobot, c, id, m).map_err(|e| e.to_string())))
        })
        .collect();
    let responden_perlu = perlu
        .iter()
        .map(|(m, r)| match (r, nrr, responden.and_then(|n| u64::try_from(n).ok())) {
            (Ok(need), Some(now), Some(n)) => (*m, respondents_needed(now, n, *need).ok()),
            _ => (*m, None),
        })
        .collect();
    UnsurSim {
        id,
        nama,
        dasar,
        nrr,
        isian,
        mutu: nrr.and_then(|v| mutu_unsur(skema, v).ok()).map(|b| b.code),
        perlu,
        responden_perlu,
    }
}

/// One komponen in the AKIP simulator.
#[derive(Debug, Clone, PartialEq)]
pub struct KomponenSim {
    /// Id.
    pub id: &'static str,
    /// Name.
    pub nama: &'static str,
    /// Weight.
    pub bobot: i64,
    /// Recorded score.
    pub dasar: Decimal,
    /// Score used.
    pub nilai: Option<Decimal>,
    /// Edit.
    pub isian: Option<Entry>,
    /// Score this komponen needs for the next predikat, the others unchanged.
    pub perlu_berikut: Option<Result<Ratio, String>>,
}

/// The AKIP simulator.
#[derive(Debug, Clone, PartialEq)]
pub struct SimAkip {
    /// Year.
    pub tahun: i32,
    /// Komponen.
    pub komponen: Vec<KomponenSim>,
    /// Total (presented).
    pub total: Option<Decimal>,
    /// Predikat.
    pub predikat: Option<&'static Band>,
    /// The next predikat up, if any.
    pub berikut: Option<&'static Band>,
    /// Synthetic.
    pub sintetis: bool,
}

/// The AKIP simulator, for the unit's latest evaluation.
pub fn sim_akip(d: &Data<'_>, unit: &str) -> Option<SimAkip> {
    let rows: Vec<_> = d.snap.data.akip_komponen.iter().filter(|a| a.kode_unit == unit).collect();
    let tahun = rows.iter().map(|a| a.tahun).max()?;
    let rows: Vec<_> = rows.into_iter().filter(|a| a.tahun == tahun).collect();
    let skema = rows.first().map(|a| a.skema).unwrap_or(SkemaAkip::PermenPanRb88_2021);
    let key = |id: &str| Key::Akip { kode_unit: unit.into(), tahun, komponen_id: id.into() };
    let mut komponen = Vec::new();
    for k in skema.komponen() {
        let dasar = rows.iter().find(|a| a.komponen_id == k.id).map(|a| a.realisasi)?;
        let isian = d.edits.get(&key(k.id)).cloned();
        let nilai = isian.as_ref().map_or(Some(dasar), |e| e.nilai);
        let (id, nama, bobot) = (k.id, k.nama, k.bobot);
        komponen.push(KomponenSim { id, nama, bobot, dasar, nilai, isian, perlu_berikut: None });
    }
    let complete: Option<Vec<(&str, Decimal)>> = komponen.iter().map(|k| k.nilai.map(|v| (k.id, v))).collect();
    let nilai = complete.and_then(|c| NilaiAkip::from_komponen(skema, &c).ok());
    let berikut = nilai.as_ref().and_then(|n| n.predikat_berikut().ok().flatten());
    if let (Some(n), Some(b)) = (&nilai, berikut) {
        for k in &mut komponen {
            k.perlu_berikut = Some(n.komponen_needed(k.id, b.code).map_err(|e| e.to_string()));
        }
    }
    Some(SimAkip {
        tahun,
        komponen,
        total: nilai.as_ref().and_then(|n| n.total().ok()).and_then(|t| t.round2().ok()),
        predikat: nilai.as_ref().and_then(|n| n.predikat().ok()),
        berikut,
        sintetis: rows.iter().any(|a| is_sintetis(&a.sumber)),
    })
}

/// One kecamatan in the kabupaten comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct KabupatenRow {
    /// Code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Its kabupaten's code.
    pub kode_kabupaten: String,
    /// Target.
    pub target: Figure,
    /// Realisasi.
    pub realisasi: Figure,
    /// Capaian.
    pub capaian: Option<Decimal>,
    /// Predikat label.
    pub predikat: Option<&'static str>,
    /// Rank (1 = best, ties share a rank), None without data.
    pub peringkat: Option<usize>,
}

/// Years that have realisasi for an indicator anywhere in the snapshot.
pub fn tahun_kab(d: &Data<'_>, ind: &str) -> Vec<i32> {
    tahun_unik(d.snap.data.realisasi.iter().filter(|r| r.indikator_id == ind).map(|r| r.tahun))
}

/// Every kecamatan of the snapshot for an indicator-year, ranked among
/// themselves by the core's [`peringkat`],
/// in the order `sort` (by rank: best first, kecamatan without data last,
/// unranked): [`kabupaten_dasar`] then [`kabupaten_dari`].
pub fn kabupaten(d: &Data<'_>, ind: &Indikator, tahun: i32, sort: SortBy) -> Vec<KabupatenRow> {
    kabupaten_dari(&kabupaten_dasar(d, ind, tahun), d, ind, tahun, sort)
}

/// The comparison's rows as recorded, before any edit and unranked: what a
/// keystroke does not change, so that the view computes it once per
/// indicator and year (one pass over realisasi and targets).
pub fn kabupaten_dasar(d: &Data<'_>, ind: &Indikator, tahun: i32) -> Vec<KabupatenRow> {
    let (realisasi_dasar, target_dasar) = d.tahun_semua(&ind.id, tahun);
    fn dasar<'r, T>(rows: &[(&str, &'r T)], kode: &str) -> Option<&'r T> {
        rows.binary_search_by(|r| r.0.cmp(kode)).ok().map(|i| rows[i].1)
    }
    d.wilayah(TingkatWilayah::Kecamatan)
        .map(|w| {
            let kode = w.kode.as_str();
            let r = dasar(&realisasi_dasar, kode).map(|r| (r.nilai, is_sintetis(&r.sumber)));
            let t = dasar(&target_dasar, kode).map(|t| (t.nilai, is_sintetis(&t.sumber)));
            nilai_baris(
                ind,
                figure(None, t),
                figure(None, r),
                KabupatenRow {
                    kode: w.kode.clone(),
                    nama: w.nama.clone(),
                    kode_kabupaten: w.induk.clone().unwrap_or_default(),
                    target: figure(None, None),
                    realisasi: figure(None, None),
                    capaian: None,
                    predikat: None,
                    peringkat: None,
                },
            )
        })
        .collect()
}

/// A row with its target and realisasi, and the core's capaian and
/// predikat of them.
fn nilai_baris(ind: &Indikator, target: Figure, realisasi: Figure, row: KabupatenRow) -> KabupatenRow {
    let p = realisasi.nilai.and_then(|r| kinerja_core::capaian::nilai(ind.jenis, ind.polaritas, target.nilai, r).ok());
    KabupatenRow {
        capaian: presented(p.and_then(|p| p.capaian)),
        predikat: p.and_then(|p| p.predikat).map(|b| b.label),
        target,
        realisasi,
        ..row
    }
}

/// The rows of [`kabupaten_dasar`] with the edits applied (only edited
/// rows are computed again), ranked and in the order `sort`.
pub fn kabupaten_dari(
    base: &[KabupatenRow],
    d: &Data<'_>,
    ind: &Indikator,
    tahun: i32,
    sort: SortBy,
) -> Vec<KabupatenRow> {
    let (realisasi_diubah, target_diubah) =
        (d.edits_of(&ind.id, tahun, Jenis::Realisasi), d.edits_of(&ind.id, tahun, Jenis::Target));
    let dasar = |f: &Figure| f.nilai.map(|v| (v, f.sintetis));
    // Only the edited rows are computed again, found by code (the rows come
    // in the snapshot's order of kecamatan, which the reader checks).
    let mut rows = base.to_vec();
    for unit in realisasi_diubah.iter().chain(&target_diubah).map(|e| e.0) {
        if let Ok(i) = base.binary_search_by(|r| r.kode.as_str().cmp(unit)) {
            let (b, r, t) = (&base[i], edit_for(&realisasi_diubah, unit), edit_for(&target_diubah, unit));
            rows[i] = nilai_baris(ind, figure(t, dasar(&b.target)), figure(r, dasar(&b.realisasi)), b.clone());
        }
    }
    let ranks = peringkat(ind.polaritas, &rows.iter().map(|r| r.realisasi.nilai).collect::<Vec<_>>());
    for (r, rank) in rows.iter_mut().zip(ranks) {
        r.peringkat = rank;
    }
    // One comparison for every order (one sort in the app, not three).
    fn folded(r: &KabupatenRow) -> impl Iterator<Item = u8> + '_ {
        r.nama.bytes().map(|c| c.to_ascii_lowercase())
    }
    rows.sort_by(|a, b| match sort {
        SortBy::Peringkat => {
            (a.peringkat.is_none(), a.peringkat, &a.kode).cmp(&(b.peringkat.is_none(), b.peringkat, &b.kode))
        }
        SortBy::Nama => folded(a).cmp(folded(b)).then_with(|| a.kode.cmp(&b.kode)),
        SortBy::Kode => a.kode.cmp(&b.kode),
    });
    rows
}

/// How the comparison lists its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// By rank, best first (kecamatan without data last).
    #[default]
    Peringkat,
    /// By name.
    Nama,
    /// By code.
    Kode,
}

/// The rows whose name or code contains `search`, ignoring ASCII case
/// (region names are written in Latin letters; Unicode case tables would
/// cost the app kilobytes). Ranks stay those of the whole snapshot.
pub fn narrow(mut rows: Vec<KabupatenRow>, search: &str) -> Vec<KabupatenRow> {
    let search = search.trim().as_bytes();
    // A plain scan (names are short): no lowercased copies, and no general
    // substring searcher in the app.
    let has = |text: &str| text.as_bytes().windows(search.len()).any(|w| w.eq_ignore_ascii_case(search));
    if !search.is_empty() {
        rows.retain(|r| has(&r.kode) || has(&r.nama));
    }
    rows
}

/// One program in the budget view.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramRow {
    /// Code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Anggaran.
    pub anggaran: Decimal,
    /// Realisasi (recorded).
    pub dasar: Decimal,
    /// Realisasi used.
    pub realisasi: Option<Decimal>,
    /// Edit.
    pub isian: Option<Entry>,
    /// Penyerapan.
    pub penyerapan: Option<Decimal>,
    /// Synthetic.
    pub sintetis: bool,
}

/// Efisiensi of one sasaran, with the edits applied
/// ([`kinerja_core::anggaran::efisiensi_sasaran`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EfisiensiView {
    /// Sasaran text.
    pub sasaran: String,
    /// Capaian (mean of its indicators' presented capaian).
    pub capaian: Option<Decimal>,
    /// Penyerapan of its programs.
    pub penyerapan: Option<Decimal>,
    /// Efisiensi.
    pub efisiensi: Option<Decimal>,
}

/// The budget and performance view of a unit's latest budget year.
pub fn anggaran(d: &Data<'_>, unit: &str) -> Option<(i32, Vec<ProgramRow>, Vec<EfisiensiView>)> {
    let data = &d.snap.data;
    let tahun = data.anggaran_program.iter().filter(|p| p.kode_unit == unit).map(|p| p.tahun).max()?;
    let programs: Vec<ProgramRow> = data
        .anggaran_program
        .iter()
        .filter(|p| p.kode_unit == unit && p.tahun == tahun)
        .map(|p| {
            let key = Key::Anggaran { kode_unit: unit.into(), tahun, kode_program: p.kode_program.clone() };
            let isian = d.edits.get(&key).cloned();
            let realisasi = isian.as_ref().map_or(Some(p.realisasi), |e| e.nilai);
            let pos = realisasi.map(|r| Pos { anggaran: p.anggaran, realisasi: r });
            ProgramRow {
                kode: p.kode_program.clone(),
                nama: p.nama.clone(),
                anggaran: p.anggaran,
                dasar: p.realisasi,
                penyerapan: presented(pos.and_then(|p| p.penyerapan().ok())),
                realisasi,
                isian,
                sintetis: is_sintetis(&p.sumber),
            }
        })
        .collect();
    let ef = efisiensi(d, unit, tahun, &programs)?;
    Some((tahun, programs, ef))
}

/// Efisiensi per sasaran: the presented capaian of the sasaran's
/// indicators and the budget of its programs, through the core.
fn efisiensi(d: &Data<'_>, unit: &str, tahun: i32, programs: &[ProgramRow]) -> Option<Vec<EfisiensiView>> {
    let data = &d.snap.data;
    let pos: Vec<(&str, Pos)> = programs
        .iter()
        .filter_map(|p| p.realisasi.map(|r| (p.kode.as_str(), Pos { anggaran: p.anggaran, realisasi: r })))
        .collect();
    let mapping: Vec<(&str, &str)> = data
        .program_sasaran
        .iter()
        .filter(|m| m.kode_unit == unit && m.tahun == tahun)
        .map(|m| (m.kode_program.as_str(), m.sasaran_id.as_str()))
        .collect();
    let (per, _) = per_sasaran(&pos, &mapping).ok()?;
    let views = per.iter().map(|(sid, total)| {
        let capaian: Vec<Decimal> = data
            .sasaran_indikator
            .iter()
            .filter(|si| si.sasaran_id == *sid)
            .filter_map(|si| d.indikator().iter().find(|i| i.id == si.indikator_id))
            .filter_map(|ind| presented(d.penilaian(unit, ind, tahun)?.capaian))
            .collect();
        let e = efisiensi_sasaran(&capaian, std::slice::from_ref(total)).unwrap_or_default();
        let sasaran = data.sasaran.iter().find(|s| s.id == *sid).map_or((*sid).to_string(), |s| s.uraian.clone());
        EfisiensiView { sasaran, capaian: e.capaian, penyerapan: e.penyerapan, efisiensi: e.efisiensi }
    });
    Some(views.collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use kinerja_core::capaian::Polaritas;
    use kinerja_core::model::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// A snapshot with the seed's Sei Balai IKM/AKIP figures and one synthetic peer.
    pub(crate) fn snapshot() -> Snapshot {
        let src = "LKjIP Kec. Sei Balai 2024, Tabel 3.9".to_string();
        let w = |kode: &str, tingkat, nama: &str, induk: Option<&str>| Wilayah {
            kode: kode.into(),
            tingkat,
            nama: nama.into(),
            induk: induk.map(Into::into),
            nama_dalam_laporan: None,
            sumber: src.clone(),
        };
        let mut data = DataPerencana {
            wilayah: vec![
                w("12.19", TingkatWilayah::Kabupaten, "Batu Bara", Some("12")),
                w("12.19.07", TingkatWilayah::Kecamatan, "Sei Balai", Some("12.19")),
                w("12.19.11", TingkatWilayah::Kecamatan, "Datuk Tanah Datar", Some("12.19")),
                w("12.19.01", TingkatWilayah::Kecamatan, "Medang Deras", Some("12.19")),
            ],
            indikator: vec![
                Indikator {
                    id: "akip".into(),
                    nama: "Nilai AKIP".into(),
                    satuan: "Nilai".into(),
                    polaritas: Polaritas::Positif,
                    presisi: 2,
                    jenis: JenisIndikator::Akip,
                    sumber: src.clone(),
                },
                Indikator {
                    id: "ikm".into(),
                    nama: "IKM".into(),
                    satuan: "Nilai".into(),
                    polaritas: Polaritas::Positif,
                    presisi: 2,
                    jenis: JenisIndikator::Ikm,
                    sumber: src.clone(),
                },
            ],
            renstra: vec![Renstra {
                id: "r".into(),
                kode_unit: "12.19.07".into(),
                tahun_awal: 2024,
                tahun_akhir: 2026,
                visi: String::new(),
                misi: String::new(),
                sumber: src.clone(),
            }],
            tujuan: vec![Tujuan { id: "t".into(), renstra_id: "r".into(), uraian: String::new(), sumber: src.clone() }],
            sasaran: vec![
                Sasaran {
                    id: "s1".into(),
                    tujuan_id: "t".into(),
                    no: 1,
                    uraian: "Kepuasan".into(),
                    sumber: src.clone(),
                },
                Sasaran {
                    id: "s2".into(),
                    tujuan_id: "t".into(),
                    no: 2,
                    uraian: "Akuntabilitas".into(),
                    sumber: src.clone(),
                },
            ],
            sasaran_indikator: vec![
                SasaranIndikator { sasaran_id: "s1".into(), indikator_id: "ikm".into(), sumber: src.clone() },
                SasaranIndikator { sasaran_id: "s2".into(), indikator_id: "akip".into(), sumber: src.clone() },
            ],
            ..DataPerencana::default()
        };
        let t = |u: &str, i: &str, y, j, v: &str, s: &str| Target {
            kode_unit: u.into(),
            indikator_id: i.into(),
            tahun: y,
            jenis: j,
            nilai: d(v),
            label: None,
            sumber: s.into(),
        };
        data.target = vec![
            t("12.19.07", "ikm", 2024, JenisTarget::Renstra, "85", &src),
            t("12.19.07", "ikm", 2025, JenisTarget::Renstra, "87.50", &src),
            t("12.19.07", "ikm", 2026, JenisTarget::Renstra, "90", &src),
            t("12.19.07", "ikm", 2024, JenisTarget::PkPerubahan, "85", &src),
            t("12.19.07", "akip", 2024, JenisTarget::PkPerubahan, "71", &src),
            t("12.19.07", "akip", 2025, JenisTarget::Renstra, "72", &src),
            t("12.19.07", "akip", 2026, JenisTarget::Renstra, "73", &src),
            t("12.19.11", "ikm", 2024, JenisTarget::Pk, "83", &src),
            t("12.19.01", "ikm", 2024, JenisTarget::Pk, "80", "sintetis"),
        ];
        let r = |u: &str, i: &str, y, v: &str, s: &str| Realisasi {
            kode_unit: u.into(),
            indikator_id: i.into(),
            tahun: y,
            nilai: d(v),
            label: None,
            sumber: s.into(),
        };
        data.realisasi = vec![
            r("12.19.07", "ikm", 2023, "80.50", &src),
            r("12.19.07", "ikm", 2024, "75.35", &src),
            r("12.19.07", "akip", 2024, "72.62", &src),
            r("12.19.11", "ikm", 2024, "98.20", &src),
            r("12.19.01", "ikm", 2024, "81.00", "sintetis"),
        ];
        for (id, v) in [
            ("persyaratan", "3.00"),
            ("prosedur", "3.01"),
            ("waktu", "3.00"),
            ("biaya", "3.99"),
            ("produk", "3.01"),
            ("kompetensi", "3.02"),
            ("perilaku", "3.08"),
            ("sarana", "3.01"),
            ("pengaduan", "2.03"),
        ] {
            data.skm_nrr.push(SkmNrr {
                kode_unit: "12.19.07".into(),
                tahun: 2024,
                unsur_id: id.into(),
                no_laporan: None,
                nama_dalam_laporan: None,
                nrr: d(v),
                sumber: src.clone(),
            });
        }
        data.skm_survei.push(SkmSurvei {
            kode_unit: "12.19.07".into(),
            tahun: 2024,
            skema: Skema::PermenPanRb14_2017,
            bobot: Bobot::Tepat,
            responden: 97,
            periode: None,
            sumber: src.clone(),
        });
        for (id, t, v) in [
            ("perencanaan", "23.50", "24.39"),
            ("pengukuran", "20.23", "20.96"),
            ("pelaporan", "11.40", "11.40"),
            ("evaluasi", "15.87", "15.87"),
        ] {
            data.akip_komponen.push(AkipKomponen {
                kode_unit: "12.19.07".into(),
                tahun: 2024,
                skema: SkemaAkip::PermenPanRb88_2021,
                komponen_id: id.into(),
                target: Some(d(t)),
                realisasi: d(v),
                sumber: src.clone(),
            });
        }
        let mut snap = Snapshot {
            versi: SNAPSHOT_VERSI,
            kode_wilayah: "12.19".into(),
            dibuat: String::new(),
            data,
            skm_agregat: vec![],
            ringkas: false,
        };
        urutkan(&mut snap);
        snap
    }

    /// Orders realisasi and targets as `kinerja export snapshot` writes them.
    pub(crate) fn urutkan(snap: &mut Snapshot) {
        let d = &mut snap.data;
        d.wilayah.sort_by(|a, b| a.kode.cmp(&b.kode));
        d.realisasi
            .sort_by(|a, b| (&a.kode_unit, &a.indikator_id, a.tahun).cmp(&(&b.kode_unit, &b.indikator_id, b.tahun)));
        d.target
            .sort_by(|a, b| (&a.kode_unit, &a.indikator_id, a.tahun).cmp(&(&b.kode_unit, &b.indikator_id, b.tahun)));
    }

    fn edit(e: &mut Edits, k: Key, v: &str) {
        e.insert(k, Entry::parse(v));
    }

    #[test]
    fn planner_recomputes_on_a_target_edit() {
        let snap = snapshot();
        let mut edits = Edits::new();
        let data = Data { snap: &snap, edits: &edits };
        let rows = planner(&data, "12.19.07");
        assert_eq!(
            rows.iter().map(|r| r.indikator.id.as_str()).collect::<Vec<_>>(),
            ["ikm", "akip"],
            "in sasaran order"
        );
        let ikm = rows.iter().find(|r| r.indikator.id == "ikm").unwrap();
        let y24 = &ikm.tahun[0];
        assert_eq!(
            (y24.tahun, y24.capaian, y24.predikat, y24.kategori),
            (2024, Some(d("88.65")), Some("Tinggi"), Some("Kurang Baik"))
        );
        assert!(!y24.masa_depan);
        let y25 = &ikm.tahun[1];
        assert!(y25.masa_depan && y25.realisasi.nilai.is_none());
        assert_eq!(y25.perlu_100.unwrap().realisasi, d("87.50"));
        assert_eq!(
            y25.perlu_predikat[0],
            (
                "Sangat Tinggi",
                realisasi_for_band(d("87.50"), &PREDIKAT_CAPAIAN, "ST", Polaritas::Positif, Aturan::default(), 2)
                    .unwrap()
            )
        );
        // The Renstra asks for a 12,15 step in 2025; the test data's largest change seen is 5,15.
        assert_eq!(
            ikm.peringatan,
            vec![Peringatan::LangkahTerlaluBesar { tahun: 2025, langkah: d("12.15"), terbesar: d("5.15") }]
        );
        // A planner lowers the 2025 target and assumes a realisasi.
        edit(
            &mut edits,
            Key::Nilai { kode_unit: "12.19.07".into(), indikator_id: "ikm".into(), tahun: 2025, jenis: Jenis::Target },
            "80",
        );
        edit(
            &mut edits,
            Key::Nilai {
                kode_unit: "12.19.07".into(),
                indikator_id: "ikm".into(),
                tahun: 2025,
                jenis: Jenis::Realisasi,
            },
            "70,00",
        );
        let data = Data { snap: &snap, edits: &edits };
        let rows = planner(&data, "12.19.07");
        let y25 = &rows.iter().find(|r| r.indikator.id == "ikm").unwrap().tahun[1];
        assert_eq!((y25.capaian, y25.predikat), (Some(d("87.50")), Some("Tinggi")));
        assert!(y25.target.isian.is_some());
        assert_eq!(y25.perlu_100.unwrap().realisasi, d("80.00"));
        // AKIP: 2024 capaian and predikat AKIP of the value.
        let akip = rows.iter().find(|r| r.indikator.id == "akip").unwrap();
        assert_eq!((akip.tahun[0].capaian, akip.tahun[0].kategori), (Some(d("102.28")), Some("BB")));
    }

    #[test]
    fn planner_warns_but_does_not_block() {
        let snap = snapshot();
        let mut edits = Edits::new();
        edit(
            &mut edits,
            Key::Nilai { kode_unit: "12.19.07".into(), indikator_id: "ikm".into(), tahun: 2025, jenis: Jenis::Target },
            "75",
        );
        edit(
            &mut edits,
            Key::Nilai { kode_unit: "12.19.07".into(), indikator_id: "ikm".into(), tahun: 2026, jenis: Jenis::Target },
            "89",
        );
        let rows = planner(&Data { snap: &snap, edits: &edits }, "12.19.07");
        let w = &rows.iter().find(|r| r.indikator.id == "ikm").unwrap().peringatan;
        assert!(w.iter().any(|p| matches!(p, Peringatan::TargetDiBawahRealisasi { tahun: 2025, .. })), "{w:?}");
        assert!(w.iter().any(|p| matches!(p, Peringatan::TidakMencapaiRenstra { tahun_akhir: 2026, .. })), "{w:?}");
        assert!(w.iter().any(|p| matches!(p, Peringatan::LangkahTerlaluBesar { tahun: 2026, .. })), "{w:?}");
    }

    #[test]
    fn ikm_simulator_from_nrr_and_goal_seek() {
        let snap = snapshot();
        let mut edits = Edits::new();
        let s = sim_ikm(&Data { snap: &snap, edits: &edits }, "12.19.07").unwrap();
        assert_eq!(
            (s.tahun, s.ikm, s.mutu.map(|m| m.code), s.responden),
            (2024, Some(d("75.42")), Some("C"), Some(97))
        );
        let peng = s.unsur.iter().find(|u| u.id == "pengaduan").unwrap();
        assert_eq!(peng.mutu, Some("D"));
        let need_b = peng.perlu[0].1.clone().unwrap();
        assert!(need_b > Ratio::new(2, 1).unwrap());
        assert!(peng.responden_perlu[0].1.is_some());
        assert!(peng.perlu[1].1.is_err(), "mutu A is out of reach through one unsur");
        edit(
            &mut edits,
            Key::Nrr { kode_unit: "12.19.07".into(), tahun: 2024, unsur_id: "pengaduan".into() },
            &need_b.ceil_dp(4).unwrap().to_string(),
        );
        let s = sim_ikm(&Data { snap: &snap, edits: &edits }, "12.19.07").unwrap();
        assert_eq!(s.mutu.map(|m| m.code), Some("B"));
        assert_eq!(s.ikm_dasar, Some(d("75.42")));
    }

    #[test]
    fn akip_simulator_next_predikat() {
        let snap = snapshot();
        let mut edits = Edits::new();
        let s = sim_akip(&Data { snap: &snap, edits: &edits }, "12.19.07").unwrap();
        assert_eq!(
            (s.total, s.predikat.map(|p| p.code), s.berikut.map(|p| p.code)),
            (Some(d("72.62")), Some("BB"), Some("A"))
        );
        let peng = s.komponen.iter().find(|k| k.id == "pengukuran").unwrap();
        assert_eq!(peng.perlu_berikut.clone().unwrap().unwrap(), Ratio::new(28_345, 1000).unwrap());
        edit(
            &mut edits,
            Key::Akip { kode_unit: "12.19.07".into(), tahun: 2024, komponen_id: "pengukuran".into() },
            "28,35",
        );
        let s = sim_akip(&Data { snap: &snap, edits: &edits }, "12.19.07").unwrap();
        assert_eq!((s.total, s.predikat.map(|p| p.code)), (Some(d("80.01")), Some("A")));
    }

    #[test]
    fn kabupaten_ranks_every_kecamatan() {
        let snap = snapshot();
        let mut edits = Edits::new();
        let ikm = snap.data.indikator.iter().find(|i| i.id == "ikm").unwrap().clone();
        let rows = kabupaten(&Data { snap: &snap, edits: &edits }, &ikm, 2024, SortBy::Peringkat);
        let names: Vec<(&str, Option<usize>, bool)> =
            rows.iter().map(|r| (r.nama.as_str(), r.peringkat, r.realisasi.sintetis)).collect();
        assert_eq!(
            names,
            vec![("Datuk Tanah Datar", Some(1), false), ("Medang Deras", Some(2), true), ("Sei Balai", Some(3), false)]
        );
        edit(
            &mut edits,
            Key::Nilai {
                kode_unit: "12.19.07".into(),
                indikator_id: "ikm".into(),
                tahun: 2024,
                jenis: Jenis::Realisasi,
            },
            "99",
        );
        let rows = kabupaten(&Data { snap: &snap, edits: &edits }, &ikm, 2024, SortBy::Peringkat);
        assert_eq!(rows[0].nama, "Sei Balai");
        assert_eq!(tahun_kab(&Data { snap: &snap, edits: &edits }, "ikm"), vec![2023, 2024]);
    }

    /// A province-wide snapshot: the seed's kabupaten and a second one.
    fn provinsi() -> Snapshot {
        let mut snap = snapshot();
        snap.kode_wilayah = "12".into();
        let src = "sintetis".to_string();
        let w = |kode: &str, tingkat, nama: &str, induk: &str| Wilayah {
            kode: kode.into(),
            tingkat,
            nama: nama.into(),
            induk: Some(induk.into()),
            nama_dalam_laporan: None,
            sumber: src.clone(),
        };
        snap.data.wilayah.push(w("12.20", TingkatWilayah::Kabupaten, "Asahan", "12"));
        snap.data.wilayah.push(w("12.20.01", TingkatWilayah::Kecamatan, "Bandar Pasir Mandoge", "12.20"));
        snap.data.wilayah.push(w("12.20.02", TingkatWilayah::Kecamatan, "Bandar Pulau", "12.20"));
        for (kode, v) in [("12.20.01", "99.00"), ("12.20.02", "70.00")] {
            snap.data.realisasi.push(Realisasi {
                kode_unit: kode.into(),
                indikator_id: "ikm".into(),
                tahun: 2024,
                nilai: d(v),
                label: None,
                sumber: src.clone(),
            });
        }
        urutkan(&mut snap);
        snap
    }

    #[test]
    fn comparison_ranks_the_whole_snapshot_and_filters_without_reranking() {
        let snap = provinsi();
        let edits = Edits::new();
        let data = Data { snap: &snap, edits: &edits };
        let ikm = snap.data.indikator.iter().find(|i| i.id == "ikm").unwrap().clone();
        let ranked = |rows: &[KabupatenRow]| -> Vec<(String, Option<usize>)> {
            rows.iter().map(|r| (r.kode.clone(), r.peringkat)).collect()
        };
        let all = kabupaten(&data, &ikm, 2024, SortBy::Peringkat);
        assert_eq!(all.len(), 5);
        assert_eq!(ranked(&all[..2]), vec![("12.20.01".into(), Some(1)), ("12.19.11".into(), Some(2))]);
        // One kabupaten's kecamatan: search its code; ranks stay the province's.
        let asahan = narrow(all.clone(), "12.20.");
        assert_eq!(ranked(&asahan), vec![("12.20.01".into(), Some(1)), ("12.20.02".into(), Some(5))]);
        // Search by name (any case) or code; the rank stays the snapshot's.
        let found = narrow(all.clone(), "  bandar PU");
        assert_eq!(ranked(&found), vec![("12.20.02".into(), Some(5))]);
        let by_code = narrow(kabupaten(&data, &ikm, 2024, SortBy::Kode), "12.19.0");
        assert_eq!(ranked(&by_code), vec![("12.19.01".into(), Some(3)), ("12.19.07".into(), Some(4))]);
        let by_name: Vec<String> = kabupaten(&data, &ikm, 2024, SortBy::Nama).into_iter().map(|r| r.nama).collect();
        assert_eq!(by_name[0], "Bandar Pasir Mandoge");
        assert_eq!(by_name[4], "Sei Balai");
    }

    #[test]
    fn comparison_rows_equal_the_per_unit_figures_with_edits() {
        // The comparison computes rows in bulk and once before edits; each
        // must equal what the per-unit lookups (planner, cells) give.
        let snap = provinsi();
        let mut edits = Edits::new();
        let key = |u: &str, jenis| Key::Nilai { kode_unit: u.into(), indikator_id: "ikm".into(), tahun: 2024, jenis };
        edit(&mut edits, key("12.20.02", Jenis::Realisasi), "99,5");
        edit(&mut edits, key("12.19.07", Jenis::Target), "70");
        edit(&mut edits, key("12.19.01", Jenis::Realisasi), "abc");
        let data = Data { snap: &snap, edits: &edits };
        let ikm = snap.data.indikator.iter().find(|i| i.id == "ikm").unwrap().clone();
        let rows = kabupaten(&data, &ikm, 2024, SortBy::Kode);
        assert_eq!(rows.len(), 5);
        for r in &rows {
            let p = data.penilaian(&r.kode, &ikm, 2024);
            assert_eq!(r.realisasi, data.realisasi(&r.kode, "ikm", 2024), "{}", r.kode);
            assert_eq!(r.target, data.target(&r.kode, "ikm", 2024), "{}", r.kode);
            assert_eq!(r.capaian, presented(p.and_then(|p| p.capaian)), "{}", r.kode);
        }
        let ranked = kabupaten(&data, &ikm, 2024, SortBy::Peringkat);
        assert_eq!((ranked[0].kode.as_str(), ranked[0].peringkat), ("12.20.02", Some(1)));
        assert_eq!(
            (ranked[4].kode.as_str(), ranked[4].peringkat),
            ("12.19.01", None),
            "an edit that does not read has no rank"
        );
    }

    #[test]
    fn lookups_find_every_row_and_only_those() {
        let snap = provinsi();
        let edits = Edits::new();
        let data = Data { snap: &snap, edits: &edits };
        for r in &snap.data.realisasi {
            assert_eq!(data.realisasi_dasar(&r.kode_unit, &r.indikator_id, r.tahun), Some(r));
        }
        for t in &snap.data.target {
            assert!(data.target_unit(&t.kode_unit, &t.indikator_id).contains(t));
        }
        assert!(data.realisasi_dasar("12.20.03", "ikm", 2024).is_none());
        assert!(data.realisasi_dasar("12.19.07", "ikm", 2030).is_none());
        assert_eq!(data.target_unit("12.20.01", "ikm"), &[] as &[Target]);
    }
}

/// One value compared across two scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct SelisihRow {
    /// What (unit, indicator or element, year).
    pub apa: String,
    /// Value in the first scenario.
    pub a: Option<Decimal>,
    /// Value in the second.
    pub b: Option<Decimal>,
    /// `b − a` where both exist.
    pub selisih: Option<Decimal>,
}

/// Every value set by either of two scenarios, side by side.
pub fn selisih_skenario(a: &kinerja_skenario::Skenario, b: &kinerja_skenario::Skenario) -> Vec<SelisihRow> {
    use crate::state::from_skenario;
    let (ea, eb) = (from_skenario(a), from_skenario(b));
    let mut keys: Vec<&Key> = ea.keys().collect();
    keys.extend(eb.keys().filter(|k| !ea.contains_key(k)));
    keys.into_iter()
        .map(|k| {
            let apa = match k {
                Key::Nilai { kode_unit, indikator_id, tahun, jenis } => {
                    format!(
                        "{kode_unit} {indikator_id} {tahun} {}",
                        if *jenis == Jenis::Target { "target" } else { "realisasi" }
                    )
                }
                Key::Nrr { kode_unit, tahun, unsur_id } => format!("{kode_unit} NRR {unsur_id} {tahun}"),
                Key::Akip { kode_unit, tahun, komponen_id } => format!("{kode_unit} AKIP {komponen_id} {tahun}"),
                Key::Anggaran { kode_unit, tahun, kode_program } => {
                    format!("{kode_unit} realisasi {kode_program} {tahun}")
                }
            };
            let (x, y) = (ea.get(k).and_then(|i| i.nilai), eb.get(k).and_then(|i| i.nilai));
            let selisih = match (x, y) {
                (Some(x), Some(y)) => kinerja_core::capaian::selisih(x, y).ok(),
                _ => None,
            };
            SelisihRow { apa, a: x, b: y, selisih }
        })
        .collect()
}

#[cfg(test)]
mod diff_tests {
    use super::*;

    #[test]
    fn scenarios_side_by_side() {
        let json = r#"{"versi":1,"skenario":[
            {"nama":"a","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"87.50"}]},
            {"nama":"b","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"88.75"},
                                  {"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2026,"jenis":"target","nilai":"91"}]}]}"#;
        let b = kinerja_skenario::from_json(json).unwrap();
        let rows = selisih_skenario(&b.skenario[0], &b.skenario[1]);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].apa.as_str(), rows[0].selisih), ("12.19.07 ikm 2025 target", Some(Decimal::new(125, 2))));
        assert_eq!((rows[1].a, rows[1].selisih), (None, None));
    }
}

//! View models: what each view shows, computed from the snapshot and the
//! edits by the core. Pure, so tested natively; components only render.

use kinerja_core::akip::{NilaiAkip, SkemaAkip};
use kinerja_core::anggaran::{Pos, efisiensi, per_sasaran, rata_rata};
use kinerja_core::band::{AKIP_2021, Band, IKM_2017, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::{Aturan, Polaritas, capaian};
use kinerja_core::model::{Indikator, JenisIndikator, JenisTarget, Snapshot, Tingkat, is_sintetis};
use kinerja_core::plan::{
    GoalSeek, Peringatan, langkah_terbesar, peringatan, realisasi_for_band, realisasi_for_capaian,
};
use kinerja_core::skm::{Bobot, Skema, ikm_from_nrr, mutu_unsur, nrr_needed, respondents_needed};
use kinerja_core::{Decimal, Ratio};
use kinerja_skenario::Jenis;

use crate::state::{Edits, Isian, Kunci};

/// Distinct years in ascending order.
fn tahun_unik(years: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut v: Vec<i32> = years.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A number with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Angka {
    /// Value (None when missing or when the edit does not parse).
    pub nilai: Option<Decimal>,
    /// The edit, if the cell was changed.
    pub isian: Option<Isian>,
    /// Synthetic source.
    pub sintetis: bool,
}

fn nilai_key(unit: &str, ind: &str, tahun: i32, jenis: Jenis) -> Kunci {
    Kunci::Nilai { kode_unit: unit.into(), indikator_id: ind.into(), tahun, jenis }
}

/// Baseline and edited values of a snapshot.
pub struct Data<'a> {
    /// The data.
    pub snap: &'a Snapshot,
    /// The edits.
    pub edits: &'a Edits,
}

impl<'a> Data<'a> {
    /// Realisasi (edited or recorded).
    pub fn realisasi(&self, unit: &str, ind: &str, tahun: i32) -> Angka {
        let edit = self.edits.get(&nilai_key(unit, ind, tahun, Jenis::Realisasi)).cloned();
        let base =
            self.snap.data.realisasi.iter().find(|r| r.kode_unit == unit && r.indikator_id == ind && r.tahun == tahun);
        Angka {
            nilai: match &edit {
                Some(e) => e.nilai,
                None => base.map(|r| r.nilai),
            },
            sintetis: base.is_some_and(|r| is_sintetis(&r.sumber)),
            isian: edit,
        }
    }

    /// The baseline target in force: PK perubahan, else PK, else Renstra.
    pub fn target_dasar(&self, unit: &str, ind: &str, tahun: i32) -> Option<(Decimal, bool)> {
        kinerja_core::model::target_berlaku(&self.snap.data.target, unit, ind, tahun)
            .map(|t| (t.nilai, is_sintetis(&t.sumber)))
    }

    /// Target (edited or in force).
    pub fn target(&self, unit: &str, ind: &str, tahun: i32) -> Angka {
        let edit = self.edits.get(&nilai_key(unit, ind, tahun, Jenis::Target)).cloned();
        let base = self.target_dasar(unit, ind, tahun);
        Angka {
            nilai: match &edit {
                Some(e) => e.nilai,
                None => base.map(|b| b.0),
            },
            sintetis: base.is_some_and(|b| b.1),
            isian: edit,
        }
    }

    /// Realisasi history of a unit (recorded, not edited).
    pub fn riwayat(&self, unit: &str, ind: &str) -> Vec<(i32, Decimal)> {
        kinerja_core::plan::urut_tahun(
            self.snap
                .data
                .realisasi
                .iter()
                .filter(|r| r.kode_unit == unit && r.indikator_id == ind)
                .map(|r| (r.tahun, r.nilai))
                .collect(),
        )
    }

    /// Kecamatan of the kabupaten, `(kode, nama)`.
    pub fn kecamatan(&self) -> Vec<(String, String)> {
        self.snap
            .data
            .wilayah
            .iter()
            .filter(|w| {
                w.tingkat == Tingkat::Kecamatan && w.induk.as_deref() == Some(self.snap.kode_kabupaten.as_str())
            })
            .map(|w| (w.kode.clone(), w.nama.clone()))
            .collect()
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
}

fn cap(t: Option<Decimal>, r: Option<Decimal>, p: Polaritas) -> Option<Ratio> {
    capaian(t?, r?, p, Aturan::default()).ok()
}

fn band_of(table: &kinerja_core::band::BandTable, v: Option<Decimal>) -> Option<&'static Band> {
    table.classify(Ratio::from_decimal(v?)).ok()
}

/// One year of one indicator in the planner.
#[derive(Debug, Clone, PartialEq)]
pub struct SelPlanner {
    /// Year.
    pub tahun: i32,
    /// Editable (after the last recorded realisasi).
    pub masa_depan: bool,
    /// Target.
    pub target: Angka,
    /// Realisasi.
    pub realisasi: Angka,
    /// Capaian, presented.
    pub capaian: Option<Decimal>,
    /// Predikat label.
    pub predikat: Option<&'static str>,
    /// Category of the value itself (IKM mutu, AKIP predikat).
    pub kategori: Option<&'static str>,
    /// Realisasi needed for 100 %.
    pub perlu_100: Option<GoalSeek>,
    /// Realisasi needed per predikat band (label, answer).
    pub perlu_predikat: Vec<(&'static str, GoalSeek)>,
}

/// One indicator in the planner.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisPlanner {
    /// The indicator.
    pub indikator: Indikator,
    /// Years of the Renstra.
    pub tahun: Vec<SelPlanner>,
    /// Warnings.
    pub peringatan: Vec<Peringatan>,
}

/// The Renstra planner of one unit.
pub fn planner(d: &Data<'_>, unit: &str) -> Vec<BarisPlanner> {
    let renstra = d.snap.data.renstra.iter().find(|r| r.kode_unit == unit);
    let mut out = Vec::new();
    // Indicators in sasaran order (a handful: a simple insertion sort).
    let mut indikator: Vec<(i32, &Indikator)> = Vec::new();
    for i in d.indikator() {
        let key = d.no_sasaran(unit, &i.id).unwrap_or(i32::MAX);
        let at =
            indikator.iter().position(|(k, x)| (*k, x.id.as_str()) > (key, i.id.as_str())).unwrap_or(indikator.len());
        indikator.insert(at, (key, i));
    }
    for (_, ind) in indikator {
        let riwayat = d.riwayat(unit, &ind.id);
        let last_year = riwayat.last().map(|x| x.0);
        let renstra_years = renstra.into_iter().flat_map(|r| r.tahun_awal..=r.tahun_akhir);
        let years = tahun_unik(
            renstra_years.chain(
                d.snap
                    .data
                    .target
                    .iter()
                    .filter(|t| t.kode_unit == unit && t.indikator_id == ind.id && t.jenis == JenisTarget::Renstra)
                    .map(|t| t.tahun),
            ),
        );
        if years.is_empty() {
            continue;
        }
        let kategori_tabel = match ind.jenis {
            JenisIndikator::Ikm => Some(&IKM_2017),
            JenisIndikator::Akip => Some(&AKIP_2021),
            JenisIndikator::Umum => None,
        };
        let tahun: Vec<SelPlanner> = years
            .iter()
            .map(|&y| {
                let target = d.target(unit, &ind.id, y);
                let realisasi = d.realisasi(unit, &ind.id, y);
                let c = cap(target.nilai, realisasi.nilai, ind.polaritas);
                let masa_depan = last_year.is_none_or(|l| y > l);
                let (perlu_100, perlu_predikat) = match (masa_depan, target.nilai) {
                    (true, Some(t)) => (
                        realisasi_for_capaian(t, Ratio::HUNDRED, ind.polaritas, Aturan::default(), ind.presisi).ok(),
                        PREDIKAT_CAPAIAN
                            .bands
                            .iter()
                            .filter(|b| b.min_hundredths != i64::MIN)
                            .filter_map(|b| {
                                realisasi_for_band(
                                    t,
                                    &PREDIKAT_CAPAIAN,
                                    b.code,
                                    ind.polaritas,
                                    Aturan::default(),
                                    ind.presisi,
                                )
                                .ok()
                                .map(|g| (b.label, g))
                            })
                            .collect(),
                    ),
                    _ => (None, vec![]),
                };
                SelPlanner {
                    tahun: y,
                    masa_depan,
                    capaian: c.and_then(|c| c.round2().ok()),
                    predikat: c.and_then(|c| PREDIKAT_CAPAIAN.classify(c).ok()).map(|b| b.label),
                    kategori: kategori_tabel
                        .and_then(|t| band_of(t, realisasi.nilai))
                        .map(|b| if ind.jenis == JenisIndikator::Akip { b.code } else { b.label }),
                    target,
                    realisasi,
                    perlu_100,
                    perlu_predikat,
                }
            })
            .collect();
        // Warnings: planned targets after the last realisasi.
        let rencana: Vec<(i32, Decimal)> =
            tahun.iter().filter(|s| s.masa_depan).filter_map(|s| s.target.nilai.map(|v| (s.tahun, v))).collect();
        let peers: Vec<Vec<(i32, Decimal)>> = d.kecamatan().iter().map(|(k, _)| d.riwayat(k, &ind.id)).collect();
        let max_step = langkah_terbesar(peers.iter().map(Vec::as_slice).chain(std::iter::once(riwayat.as_slice())));
        let renstra_akhir = renstra.and_then(|r| {
            d.snap
                .data
                .target
                .iter()
                .find(|t| {
                    t.kode_unit == unit
                        && t.indikator_id == ind.id
                        && t.tahun == r.tahun_akhir
                        && t.jenis == JenisTarget::Renstra
                })
                .map(|t| (r.tahun_akhir, t.nilai))
        });
        let w = peringatan(ind.polaritas, &riwayat, &rencana, max_step, renstra_akhir);
        out.push(BarisPlanner { indikator: ind.clone(), tahun, peringatan: w });
    }
    out
}

/// One unsur in the IKM simulator.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisUnsur {
    /// Unsur id.
    pub id: &'static str,
    /// Official name.
    pub nama: &'static str,
    /// Recorded NRR.
    pub dasar: Ratio,
    /// NRR used (edited or recorded).
    pub nrr: Option<Ratio>,
    /// The edit.
    pub isian: Option<Isian>,
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
    /// Weight.
    pub bobot: Bobot,
    /// Respondents.
    pub responden: Option<i64>,
    /// Unsur.
    pub unsur: Vec<BarisUnsur>,
    /// IKM (presented) with the edits.
    pub ikm: Option<Decimal>,
    /// IKM recorded (baseline, from the NRR).
    pub ikm_dasar: Option<Decimal>,
    /// Mutu band.
    pub mutu: Option<&'static Band>,
    /// Synthetic.
    pub sintetis: bool,
}

/// The IKM simulator, for the unit's latest survey.
pub fn sim_ikm(d: &Data<'_>, unit: &str) -> Option<SimIkm> {
    let data = &d.snap.data;
    let tahun = data
        .skm_nrr
        .iter()
        .filter(|n| n.kode_unit == unit)
        .map(|n| n.tahun)
        .chain(d.snap.skm_agregat.iter().filter(|a| a.kode_unit == unit).map(|a| a.tahun))
        .max()?;
    let survei = data.skm_survei.iter().find(|s| s.kode_unit == unit && s.tahun == tahun);
    let skema = survei.map_or(Skema::PermenPanRb14_2017, |s| s.skema);
    let bobot = survei.map_or(Bobot::Tepat, |s| s.bobot);
    let mut sintetis = survei.is_some_and(|s| is_sintetis(&s.sumber));
    let mut base: Vec<(&'static str, &'static str, Ratio)> = Vec::new();
    let mut n_max = 0i64;
    for u in skema.unsur() {
        let agg = d.snap.skm_agregat.iter().find(|a| a.kode_unit == unit && a.tahun == tahun && a.unsur_id == u.id);
        let nrr = match agg {
            Some(a) => {
                n_max = n_max.max(a.n);
                sintetis |= is_sintetis(&a.sumber);
                Ratio::new(i128::from(a.jumlah), i128::from(a.n)).ok()
            }
            None => {
                data.skm_nrr.iter().find(|n| n.kode_unit == unit && n.tahun == tahun && n.unsur_id == u.id).map(|n| {
                    sintetis |= is_sintetis(&n.sumber);
                    Ratio::from_decimal(n.nrr)
                })
            }
        };
        base.push((u.id, u.nama, nrr?));
    }
    let responden = survei.map(|s| s.responden).or((n_max > 0).then_some(n_max));
    let key = |id: &str| Kunci::Nrr { kode_unit: unit.into(), tahun, unsur_id: id.into() };
    let used: Vec<(&str, Option<Ratio>)> = base
        .iter()
        .map(|(id, _, b)| match d.edits.get(&key(id)) {
            Some(e) => (*id, e.nilai.map(Ratio::from_decimal)),
            None => (*id, Some(*b)),
        })
        .collect();
    let complete: Option<Vec<(&str, Ratio)>> = used.iter().map(|(id, v)| v.map(|v| (*id, v))).collect();
    let ikm = complete.as_ref().and_then(|c| ikm_from_nrr(skema, bobot, c).ok());
    let dasar: Vec<(&str, Ratio)> = base.iter().map(|(id, _, b)| (*id, *b)).collect();
    let ikm_dasar = ikm_from_nrr(skema, bobot, &dasar).ok().and_then(|i| i.rounded().ok());
    let unsur = base
        .iter()
        .map(|(id, nama, b)| {
            let isian = d.edits.get(&key(id)).cloned();
            let nrr = used.iter().find(|(x, _)| x == id).and_then(|(_, v)| *v);
            let perlu: Vec<(&'static str, Result<Ratio, String>)> = ["B", "A"]
                .iter()
                .map(|m| {
                    let r = complete
                        .as_ref()
                        .ok_or_else(|| "-".to_string())
                        .and_then(|c| nrr_needed(skema, bobot, c, id, m).map_err(|e| e.to_string()));
                    (*m, r)
                })
                .collect();
            let responden_perlu = perlu
                .iter()
                .map(|(m, r)| {
                    let k = match (r, nrr, responden) {
                        (Ok(need), Some(now), Some(n)) => {
                            respondents_needed(now, u64::try_from(n).unwrap_or(0), *need).ok()
                        }
                        _ => None,
                    };
                    (*m, k)
                })
                .collect();
            BarisUnsur {
                id,
                nama,
                dasar: *b,
                nrr,
                isian,
                mutu: nrr.and_then(|v| mutu_unsur(skema, v).ok()).map(|b| b.code),
                perlu,
                responden_perlu,
            }
        })
        .collect();
    Some(SimIkm {
        tahun,
        bobot,
        responden,
        unsur,
        ikm: ikm.and_then(|i| i.rounded().ok()),
        ikm_dasar,
        mutu: ikm.and_then(|i| i.mutu().ok()),
        sintetis,
    })
}

/// One komponen in the AKIP simulator.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisKomponen {
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
    pub isian: Option<Isian>,
    /// Score this komponen needs for the next predikat, the others unchanged.
    pub perlu_berikut: Option<Result<Ratio, String>>,
}

/// The AKIP simulator.
#[derive(Debug, Clone, PartialEq)]
pub struct SimAkip {
    /// Year.
    pub tahun: i32,
    /// Komponen.
    pub komponen: Vec<BarisKomponen>,
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
    let skema = rows.first().map_or(SkemaAkip::PermenPanRb88_2021, |a| a.skema);
    let key = |id: &str| Kunci::Akip { kode_unit: unit.into(), tahun, komponen_id: id.into() };
    let mut used = Vec::new();
    let mut komponen = Vec::new();
    for k in skema.komponen() {
        let base = rows.iter().find(|a| a.komponen_id == k.id).map(|a| a.realisasi)?;
        let isian = d.edits.get(&key(k.id)).cloned();
        let nilai = isian.as_ref().map_or(Some(base), |e| e.nilai);
        used.push((k.id, nilai));
        komponen.push(BarisKomponen {
            id: k.id,
            nama: k.nama,
            bobot: k.bobot,
            dasar: base,
            nilai,
            isian,
            perlu_berikut: None,
        });
    }
    let complete: Option<Vec<(&str, Decimal)>> = used.iter().map(|(id, v)| v.map(|v| (*id, v))).collect();
    let nilai = complete.as_ref().and_then(|c| NilaiAkip::from_komponen(skema, c).ok());
    let total = nilai.as_ref().and_then(|n| n.total().ok());
    let predikat = total.and_then(|t| AKIP_2021.classify(t).ok());
    let berikut = predikat.and_then(|p| {
        let i = AKIP_2021.bands.iter().position(|b| b == p)?;
        i.checked_sub(1).map(|j| &AKIP_2021.bands[j])
    });
    if let (Some(n), Some(b)) = (&nilai, berikut) {
        for k in &mut komponen {
            k.perlu_berikut = Some(n.komponen_needed(k.id, b.code).map_err(|e| e.to_string()));
        }
    }
    Some(SimAkip {
        tahun,
        komponen,
        total: total.and_then(|t| t.round2().ok()),
        predikat,
        berikut,
        sintetis: rows.iter().any(|a| is_sintetis(&a.sumber)),
    })
}

/// One kecamatan in the kabupaten comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisKab {
    /// Code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Target.
    pub target: Angka,
    /// Realisasi.
    pub realisasi: Angka,
    /// Capaian.
    pub capaian: Option<Decimal>,
    /// Predikat label.
    pub predikat: Option<&'static str>,
    /// Rank (1 = best), None without data.
    pub peringkat: Option<usize>,
}

/// Years that have realisasi for an indicator anywhere in the kabupaten.
pub fn tahun_kab(d: &Data<'_>, ind: &str) -> Vec<i32> {
    tahun_unik(d.snap.data.realisasi.iter().filter(|r| r.indikator_id == ind).map(|r| r.tahun))
}

/// Every kecamatan for an indicator-year, ranked (best first); kecamatan
/// without data are listed last, unranked.
pub fn kabupaten(d: &Data<'_>, ind: &Indikator, tahun: i32) -> Vec<BarisKab> {
    let mut rows: Vec<BarisKab> = d
        .kecamatan()
        .into_iter()
        .map(|(kode, nama)| {
            let target = d.target(&kode, &ind.id, tahun);
            let realisasi = d.realisasi(&kode, &ind.id, tahun);
            let c = cap(target.nilai, realisasi.nilai, ind.polaritas);
            BarisKab {
                capaian: c.and_then(|c| c.round2().ok()),
                predikat: c.and_then(|c| PREDIKAT_CAPAIAN.classify(c).ok()).map(|b| b.label),
                kode,
                nama,
                target,
                realisasi,
                peringkat: None,
            }
        })
        .collect();
    let better = |a: Decimal, b: Decimal| match ind.polaritas {
        Polaritas::Positif => b.cmp(&a),
        Polaritas::Negatif => a.cmp(&b),
    };
    rows.sort_by(|a, b| match (a.realisasi.nilai, b.realisasi.nilai) {
        (Some(x), Some(y)) => better(x, y).then(a.kode.cmp(&b.kode)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.kode.cmp(&b.kode),
    });
    let mut rank = 0;
    let mut prev: Option<Decimal> = None;
    for (i, r) in rows.iter_mut().enumerate() {
        if let Some(v) = r.realisasi.nilai {
            if prev != Some(v) {
                rank = i + 1;
            }
            prev = Some(v);
            r.peringkat = Some(rank);
        }
    }
    rows
}

/// One program in the budget view.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisProgram {
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
    pub isian: Option<Isian>,
    /// Penyerapan.
    pub penyerapan: Option<Decimal>,
    /// Synthetic.
    pub sintetis: bool,
}

/// Efisiensi of one sasaran.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisEfisiensi {
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
pub fn anggaran(d: &Data<'_>, unit: &str) -> Option<(i32, Vec<BarisProgram>, Vec<BarisEfisiensi>)> {
    let data = &d.snap.data;
    let tahun = data.anggaran_program.iter().filter(|p| p.kode_unit == unit).map(|p| p.tahun).max()?;
    let programs: Vec<BarisProgram> = data
        .anggaran_program
        .iter()
        .filter(|p| p.kode_unit == unit && p.tahun == tahun)
        .map(|p| {
            let isian = d
                .edits
                .get(&Kunci::Anggaran { kode_unit: unit.into(), tahun, kode_program: p.kode_program.clone() })
                .cloned();
            let realisasi = isian.as_ref().map_or(Some(p.realisasi), |e| e.nilai);
            BarisProgram {
                kode: p.kode_program.clone(),
                nama: p.nama.clone(),
                anggaran: p.anggaran,
                dasar: p.realisasi,
                penyerapan: realisasi
                    .and_then(|r| Pos { anggaran: p.anggaran, realisasi: r }.penyerapan().ok())
                    .and_then(|x| x.round2().ok()),
                realisasi,
                isian,
                sintetis: is_sintetis(&p.sumber),
            }
        })
        .collect();
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
    let ef = per
        .iter()
        .map(|(sid, p)| {
            let penyerapan = p.penyerapan().ok().and_then(|x| x.round2().ok());
            let caps: Vec<Decimal> = data
                .sasaran_indikator
                .iter()
                .filter(|si| si.sasaran_id == *sid)
                .filter_map(|si| {
                    let ind = d.indikator().iter().find(|i| i.id == si.indikator_id)?;
                    let c = cap(
                        d.target(unit, &ind.id, tahun).nilai,
                        d.realisasi(unit, &ind.id, tahun).nilai,
                        ind.polaritas,
                    )?;
                    c.round2().ok()
                })
                .collect();
            let capaian = if caps.is_empty() { None } else { rata_rata(&caps).ok().and_then(|r| r.round2().ok()) };
            let efisiensi = match (capaian, penyerapan) {
                (Some(c), Some(p)) => efisiensi(c, p).ok().and_then(|e| e.round2().ok()),
                _ => None,
            };
            BarisEfisiensi {
                sasaran: data.sasaran.iter().find(|s| s.id == *sid).map_or((*sid).to_string(), |s| s.uraian.clone()),
                capaian,
                penyerapan,
                efisiensi,
            }
        })
        .collect();
    Some((tahun, programs, ef))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
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
                w("12.19", Tingkat::Kabupaten, "Batu Bara", Some("12")),
                w("12.19.07", Tingkat::Kecamatan, "Sei Balai", Some("12.19")),
                w("12.19.11", Tingkat::Kecamatan, "Datuk Tanah Datar", Some("12.19")),
                w("12.19.01", Tingkat::Kecamatan, "Medang Deras", Some("12.19")),
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
        Snapshot {
            versi: SNAPSHOT_VERSI,
            kode_kabupaten: "12.19".into(),
            dibuat: String::new(),
            data,
            skm_agregat: vec![],
        }
    }

    fn edit(e: &mut Edits, k: Kunci, v: &str) {
        e.insert(k, Isian::baru(v));
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
            Kunci::Nilai {
                kode_unit: "12.19.07".into(),
                indikator_id: "ikm".into(),
                tahun: 2025,
                jenis: Jenis::Target,
            },
            "80",
        );
        edit(
            &mut edits,
            Kunci::Nilai {
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
            Kunci::Nilai {
                kode_unit: "12.19.07".into(),
                indikator_id: "ikm".into(),
                tahun: 2025,
                jenis: Jenis::Target,
            },
            "75",
        );
        edit(
            &mut edits,
            Kunci::Nilai {
                kode_unit: "12.19.07".into(),
                indikator_id: "ikm".into(),
                tahun: 2026,
                jenis: Jenis::Target,
            },
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
            Kunci::Nrr { kode_unit: "12.19.07".into(), tahun: 2024, unsur_id: "pengaduan".into() },
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
            Kunci::Akip { kode_unit: "12.19.07".into(), tahun: 2024, komponen_id: "pengukuran".into() },
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
        let rows = kabupaten(&Data { snap: &snap, edits: &edits }, &ikm, 2024);
        let names: Vec<(&str, Option<usize>, bool)> =
            rows.iter().map(|r| (r.nama.as_str(), r.peringkat, r.realisasi.sintetis)).collect();
        assert_eq!(
            names,
            vec![("Datuk Tanah Datar", Some(1), false), ("Medang Deras", Some(2), true), ("Sei Balai", Some(3), false)]
        );
        edit(
            &mut edits,
            Kunci::Nilai {
                kode_unit: "12.19.07".into(),
                indikator_id: "ikm".into(),
                tahun: 2024,
                jenis: Jenis::Realisasi,
            },
            "99",
        );
        let rows = kabupaten(&Data { snap: &snap, edits: &edits }, &ikm, 2024);
        assert_eq!(rows[0].nama, "Sei Balai");
        assert_eq!(tahun_kab(&Data { snap: &snap, edits: &edits }, "ikm"), vec![2023, 2024]);
    }
}

/// One value compared across two scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisSelisih {
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
pub fn selisih_skenario(a: &kinerja_skenario::Skenario, b: &kinerja_skenario::Skenario) -> Vec<BarisSelisih> {
    use crate::state::from_skenario;
    let (ea, eb) = (from_skenario(a), from_skenario(b));
    let mut keys: Vec<&Kunci> = ea.keys().collect();
    keys.extend(eb.keys().filter(|k| !ea.contains_key(k)));
    keys.into_iter()
        .map(|k| {
            let apa = match k {
                Kunci::Nilai { kode_unit, indikator_id, tahun, jenis } => {
                    format!(
                        "{kode_unit} {indikator_id} {tahun} {}",
                        if *jenis == Jenis::Target { "target" } else { "realisasi" }
                    )
                }
                Kunci::Nrr { kode_unit, tahun, unsur_id } => format!("{kode_unit} NRR {unsur_id} {tahun}"),
                Kunci::Akip { kode_unit, tahun, komponen_id } => format!("{kode_unit} AKIP {komponen_id} {tahun}"),
                Kunci::Anggaran { kode_unit, tahun, kode_program } => {
                    format!("{kode_unit} realisasi {kode_program} {tahun}")
                }
            };
            let (x, y) = (ea.get(k).and_then(|i| i.nilai), eb.get(k).and_then(|i| i.nilai));
            let selisih = match (x, y) {
                (Some(x), Some(y)) => kinerja_core::capaian::selisih(x, y).ok(),
                _ => None,
            };
            BarisSelisih { apa, a: x, b: y, selisih }
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

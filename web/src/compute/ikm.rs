//! The IKM simulator: the unit's latest survey, its unsur NRR (edited or
//! recorded), the IKM and its mutu, and what mutu B and A would need.

use kinerja_core::band::Band;
use kinerja_core::capaian::JenisIndikator;
use kinerja_core::model::{is_sintetis, target_berlaku};
use kinerja_core::selang::{Selang, responden_untuk_presisi};
use kinerja_core::skm::{Bobot, Skema, ikm_from_nrr, mutu_unsur, nrr_needed, respondents_needed};
use kinerja_core::{Decimal, Ratio};

use super::data::Data;
use crate::edit::{Entry, Key};

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
    /// The IKM's 95 % interval (the snapshot's standard error around the
    /// simulated IKM), when the survey's is known.
    pub selang: Option<Selang>,
    /// The respondents a conservative interval of ± 1 point needs.
    pub untuk_satu_poin: Option<u32>,
    /// The IKM target in force that year.
    pub target: Option<Decimal>,
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
    let galat = d.snap.galat_ikm.iter().find(|g| g.kode_unit == unit && g.tahun == tahun).map(|g| g.galat());
    let populasi = survei.and_then(|s| s.populasi).and_then(|p| u64::try_from(p).ok());
    let ind = data.indikator.iter().find(|i| i.jenis == JenisIndikator::Ikm);
    Some(SimIkm {
        selang: ikm.zip(galat).and_then(|(i, g)| g.selang_ikm(i.nilai).ok()),
        untuk_satu_poin: ikm.and_then(|i| responden_untuk_presisi(i.nilai, Decimal::ONE, populasi).ok()),
        target: ind.and_then(|i| target_berlaku(&data.target, unit, &i.id, tahun)).map(|t| t.nilai),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edits;
    use crate::fixture::{d, edit, snapshot};

    #[test]
    fn ikm_simulator_from_nrr_and_goal_seek() {
        let snap = snapshot();
        let mut edits = Edits::new();
        let s = sim_ikm(&Data { snap: &snap, edits: &edits }, "12.19.07").unwrap();
        assert_eq!(
            (s.tahun, s.ikm, s.mutu.map(|m| m.code), s.responden),
            (2024, Some(d("75.42")), Some("C"), Some(97))
        );
        // How sure: the bound from 97 respondents around the simulated IKM;
        // the target 85 lies outside it; ± 1 point needs thousands.
        let sel = s.selang.unwrap();
        assert_eq!((sel.bawah, sel.atas), (d("68.41"), d("82.43")));
        assert_eq!(s.target, Some(d("85")));
        assert!(!sel.memuat(d("85")));
        assert!(s.untuk_satu_poin.is_some_and(|n| n > 4_000));
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
}

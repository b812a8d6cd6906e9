//! The Renstra planner: every indicator of a unit over its Renstra years,
//! with capaian, predikat, goal seek and warnings from the core.

use kinerja_core::band::{Band, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::{Aturan, JenisIndikator};
use kinerja_core::model::{Indikator, JenisTarget};
use kinerja_core::plan::{
    GoalSeek, Peringatan, langkah_terbesar, peringatan, realisasi_for_band, realisasi_for_capaian,
};
use kinerja_core::{Decimal, Ratio};

use super::data::{Data, Figure, presented, tahun_unik};

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

#[cfg(test)]
mod tests {
    use kinerja_core::capaian::Polaritas;
    use kinerja_skenario::Jenis;

    use super::*;
    use crate::edit::{Edits, Key};
    use crate::fixture::{d, edit, snapshot};

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
}

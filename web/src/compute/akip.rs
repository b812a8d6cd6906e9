//! The AKIP simulator: the unit's latest evaluation, its komponen scores
//! (edited or recorded), the total and predikat, and what each komponen
//! needs for the next predikat.

use kinerja_core::akip::{NilaiAkip, SkemaAkip};
use kinerja_core::band::Band;
use kinerja_core::model::is_sintetis;
use kinerja_core::{Decimal, Ratio};

use super::data::Data;
use crate::edit::{Entry, Key};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edits;
    use crate::fixture::{d, edit, snapshot};

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
}

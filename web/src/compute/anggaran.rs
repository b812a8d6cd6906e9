//! Budget and performance: penyerapan per program of the unit's latest
//! budget year (realisasi edited or recorded) and efisiensi per sasaran.

use kinerja_core::Decimal;
use kinerja_core::anggaran::{Pos, efisiensi_sasaran, per_sasaran};
use kinerja_core::model::is_sintetis;

use super::data::{Data, presented};
use crate::edit::{Entry, Key};

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
mod tests {
    use kinerja_core::model::{AnggaranProgram, ProgramSasaran};

    use super::*;
    use crate::edit::Edits;
    use crate::fixture::{d, edit, snapshot};

    #[test]
    fn penyerapan_and_efisiensi_follow_an_edited_realisasi() {
        // Sasaran 2 of the seed: capaian AKIP 102,28 %; program 7.01.01 absorbed 95,07 %.
        let mut snap = snapshot();
        let (unit, src) = ("12.19.07", "LKjIP Kec. Sei Balai 2024, Tabel 3.14".to_string());
        snap.data.anggaran_program.push(AnggaranProgram {
            kode_unit: unit.into(),
            tahun: 2024,
            kode_program: "7.01.01".into(),
            no_laporan: None,
            nama: "Penyelenggaraan Pemerintahan".into(),
            anggaran: d("2746175328"),
            realisasi: d("2610761561"),
            keterangan: None,
            sumber: src.clone(),
        });
        let mapping = ProgramSasaran {
            kode_unit: unit.into(),
            tahun: 2024,
            kode_program: "7.01.01".into(),
            sasaran_id: "s2".into(),
            sumber: src,
        };
        snap.data.program_sasaran.push(mapping);
        let mut edits = Edits::new();
        let (tahun, programs, ef) = anggaran(&Data { snap: &snap, edits: &edits }, unit).unwrap();
        assert_eq!(
            (tahun, programs.len(), programs[0].penyerapan, programs[0].sintetis),
            (2024, 1, Some(d("95.07")), false)
        );
        let e = &ef[0];
        assert_eq!((e.sasaran.as_str(), e.capaian, e.efisiensi), ("Akuntabilitas", Some(d("102.28")), Some(d("7.21"))));
        let key = Key::Anggaran { kode_unit: unit.into(), tahun: 2024, kode_program: "7.01.01".into() };
        edit(&mut edits, key, "2746175328");
        let (_, programs, ef) = anggaran(&Data { snap: &snap, edits: &edits }, unit).unwrap();
        assert_eq!((programs[0].penyerapan, programs[0].dasar), (Some(d("100.00")), d("2610761561")));
        assert!(programs[0].isian.is_some());
        assert_eq!(ef[0].efisiensi, Some(d("2.28")));
        assert!(anggaran(&Data { snap: &snap, edits: &edits }, "12.19.11").is_none(), "a unit without a budget");
    }
}

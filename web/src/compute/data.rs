//! What every view model reads: [`Data`], the snapshot with the edits, and
//! [`Figure`], a number with where it came from.

use kinerja_core::capaian::Penilaian;
use kinerja_core::model::{Indikator, JenisTarget, Realisasi, Snapshot, Target, TingkatWilayah, Wilayah, is_sintetis};
use kinerja_core::{Decimal, Ratio};
use kinerja_skenario::Jenis;

use crate::edit::{Edits, Entry, Key};

/// Distinct years in ascending order.
pub(super) fn tahun_unik(years: impl Iterator<Item = i32>) -> Vec<i32> {
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

/// A figure from its edit, if any, and its baseline `(value, synthetic)`.
pub(super) fn figure(edit: Option<&Entry>, base: Option<(Decimal, bool)>) -> Figure {
    Figure {
        nilai: match edit {
            Some(e) => e.nilai,
            None => base.map(|b| b.0),
        },
        sintetis: base.is_some_and(|b| b.1),
        isian: edit.cloned(),
    }
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
        kinerja_core::capaian::penilaian(ind.jenis, ind.polaritas, t, r).ok()
    }

    /// The Renstra final year and its target for an indicator of a unit.
    pub(super) fn renstra_akhir(&self, unit: &str, ind: &str) -> Option<(i32, Decimal)> {
        let r = self.snap.data.renstra.iter().find(|r| r.kode_unit == unit)?;
        let is_final = |t: &&Target| t.tahun == r.tahun_akhir && t.jenis == JenisTarget::Renstra;
        self.target_unit(unit, ind).iter().find(is_final).map(|t| (r.tahun_akhir, t.nilai))
    }
}

/// A ratio as the views present it: rounded to two decimals.
pub(super) fn presented(r: Option<Ratio>) -> Option<Decimal> {
    r.and_then(|c| c.round2().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::provinsi;

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

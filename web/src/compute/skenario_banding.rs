//! Two saved scenarios side by side: every value either sets, and the
//! difference where both do.

use kinerja_core::Decimal;
use kinerja_skenario::{Jenis, Skenario};

use crate::edit::{Key, from_skenario};

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
pub fn selisih_skenario(a: &Skenario, b: &Skenario) -> Vec<SelisihRow> {
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
mod tests {
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

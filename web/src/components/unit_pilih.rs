//! The kecamatan choice: one option per kecamatan of the snapshot, synthetic
//! ones marked. A component of its own with props compared by identity, so
//! that the thousands of options of a national snapshot are not rebuilt on
//! every keystroke elsewhere.

use kinerja_core::model::{Snapshot, TingkatWilayah, is_sintetis};
use yew::prelude::*;

use super::pilih::pilih;

use crate::i18n::{K, Lang, t};
use crate::state::{Action, State};

/// The kecamatan select.
pub fn unit_pilih(snap: &Snapshot, unit: Option<&str>, lang: Lang, dispatch: UseReducerDispatcher<State>) -> Html {
    // Kecamatan with synthetic realisasi (the rows are ordered by unit).
    let synthetic: Vec<&str> = {
        let mut v: Vec<&str> =
            snap.data.realisasi.iter().filter(|r| is_sintetis(&r.sumber)).map(|r| r.kode_unit.as_str()).collect();
        v.dedup();
        v
    };
    let on = Callback::from(move |v: String| dispatch.dispatch(Action::SelectUnit(v)));
    let kecamatan = snap.data.wilayah.iter().filter(|w| w.tingkat == TingkatWilayah::Kecamatan);
    let options = kecamatan
        .map(|w| {
            let label = if synthetic.binary_search(&w.kode.as_str()).is_ok() {
                format!("{} ({})", w.nama, t(lang, K::Sintetis))
            } else {
                w.nama.clone()
            };
            (w.kode.clone(), label)
        })
        .collect();
    pilih(t(lang, K::Kecamatan), "unit-select", options, unit.unwrap_or(""), on)
}

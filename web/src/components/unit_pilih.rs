//! The kecamatan choice: one option per kecamatan of the snapshot, synthetic
//! ones marked. A component of its own with props compared by identity, so
//! that the thousands of options of a national snapshot are not rebuilt on
//! every keystroke elsewhere.

use std::rc::Rc;

use kinerja_core::model::{Snapshot, TingkatWilayah, is_sintetis};
use yew::prelude::*;

use super::pilih::pilih;

use kinerja_pesan::msg;

use crate::i18n::{Lang, teks};
use crate::state::{Action, State};

/// The snapshot, compared by identity (it is never changed in place).
#[derive(Clone)]
pub struct SnapRef(pub Rc<Snapshot>);

impl PartialEq for SnapRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`UnitPilih`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The loaded snapshot.
    pub snap: SnapRef,
    /// The kecamatan chosen.
    pub unit: Option<String>,
    /// Language.
    pub lang: Lang,
    /// Where the choice goes.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The kecamatan select. A component of its own, with props compared by
/// identity, so that the 7,285 options of the nation are not built and
/// compared again on every keystroke elsewhere.
#[component]
pub fn UnitPilih(p: &Props) -> Html {
    let snap = &p.snap.0;
    // Kecamatan with synthetic realisasi (the rows are ordered by unit).
    let synthetic: Vec<&str> = {
        let mut v: Vec<&str> =
            snap.data.realisasi.iter().filter(|r| is_sintetis(&r.sumber)).map(|r| r.kode_unit.as_str()).collect();
        v.dedup();
        v
    };
    let dispatch = p.dispatch.clone();
    let on = Callback::from(move |v: String| dispatch.dispatch(Action::SelectUnit(v)));
    let kecamatan = snap.data.wilayah.iter().filter(|w| w.tingkat == TingkatWilayah::Kecamatan);
    let options = kecamatan
        .map(|w| {
            let label = if synthetic.binary_search(&w.kode.as_str()).is_ok() {
                format!("{} ({})", w.nama, teks(p.lang, msg::web_sintetis()))
            } else {
                w.nama.clone()
            };
            (w.kode.clone(), label)
        })
        .collect();
    pilih(teks(p.lang, msg::web_kecamatan()), "unit-select", options, p.unit.as_deref().unwrap_or(""), on)
}

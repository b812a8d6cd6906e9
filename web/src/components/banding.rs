//! The comparison (the tab "Perbandingan Kabupaten"): every kecamatan of
//! the snapshot (a kabupaten, a provinsi or the nation) for an
//! indicator-year, ranked, as an SVG bar chart and a table; realisasi can be
//! changed for what-if; synthetic figures are marked. Search and order are
//! state ([`crate::state::Comparison`]); only the rows in view are rendered,
//! so a comparison of thousands of kecamatan costs what one screen costs.

use std::rc::Rc;

use kinerja_core::model::Indikator;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use super::banding_grafik::grafik;
use super::banding_tabel::{BARIS_PX, BandingTabel};
use super::pilih::pilih;
use super::use_app;
use kinerja_pesan::msg;

use crate::compute::Data;
use crate::compute::banding::{banding_dari, banding_dasar, banding_tahun, narrow};
use crate::edit::Edits;
use crate::i18n::{Lang, teks};
use crate::state::{Action, Comparison, SortBy, State};

/// Rows rendered: those in view and a margin around them.
const JENDELA: usize = 40;

/// The comparison view.
#[component]
pub fn Banding() -> Html {
    let app = use_app();
    let first = use_state(|| 0usize);
    let lang = app.lang;
    let snap = app.snapshot.clone();
    let chosen = snap.as_ref().and_then(|s| aktif(app.kab.as_ref(), &Data { snap: s, edits: &app.edits }));
    // The rows as recorded change only with the indicator and year;
    // a keystroke recomputes the edited rows and the ranking.
    let base = {
        let key = (snap.as_ref().map(|s| Rc::as_ptr(s) as usize), chosen.as_ref().map(|(i, y)| (i.id.clone(), *y)));
        let (snap, chosen) = (snap.clone(), chosen.clone());
        use_memo(key, move |_| match (&snap, &chosen) {
            (Some(s), Some((ind, tahun))) => banding_dasar(&Data { snap: s, edits: &Edits::new() }, ind, *tahun),
            _ => Vec::new(),
        })
    };
    let (Some(snap), Some((ind, tahun))) = (snap, chosen) else { return html! {} };
    let data = Data { snap: &snap, edits: &app.edits };
    let c = &app.comparison;
    let rows = narrow(banding_dari(&base, &data, &ind, tahun, c.sort), &c.search);
    let start = (*first).min(rows.len().saturating_sub(JENDELA));
    let end = (start + JENDELA).min(rows.len());
    let onscroll = {
        let first = first.clone();
        Callback::from(move |e: Event| {
            let el: Element = e.target_unchecked_into();
            let row = usize::try_from(el.scroll_top() / BARIS_PX).unwrap_or(0);
            first.set(row.saturating_sub(JENDELA / 4));
        })
    };
    let judul = format!("{} {} {tahun}", teks(lang, msg::web_kabupaten()), ind.nama);
    let indikator: Vec<(String, String)> = data.indikator().iter().map(|i| (i.id.clone(), i.nama.clone())).collect();
    let (dispatch, shown) = (app.dispatcher(), rows[start..end].to_vec());
    html! {
        <section data-testid="kabupaten">
            <Pilihan {lang} {indikator} indikator_id={ind.id.clone()} {tahun} years={banding_tahun(&data, &ind.id)} dispatch={dispatch.clone()} />
            <Saringan {lang} comparison={c.clone()} dispatch={dispatch.clone()} />
            <p class="catatan" data-testid="kab-jumlah">{format!("{}–{} / {}", if end > 0 { start + 1 } else { 0 }, end, rows.len())}</p>
            {grafik(lang, &shown, &judul)}
            <BandingTabel {lang} rows={shown} before={start} after={rows.len() - end} indikator_id={ind.id.clone()} {tahun} {onscroll} />
        </section>
    }
}

/// The indicator and year compared: the chosen ones, else the first
/// indicator in its latest year.
fn aktif(chosen: Option<&(String, i32)>, data: &Data<'_>) -> Option<(Indikator, i32)> {
    let default = data.indikator().first()?;
    let (ind_id, tahun) = match chosen {
        Some((i, y)) => (i.clone(), *y),
        None => (default.id.clone(), banding_tahun(data, &default.id).last().copied().unwrap_or(0)),
    };
    data.indikator().iter().find(|i| i.id == ind_id).cloned().map(|i| (i, tahun))
}

/// Props of [`Pilihan`].
#[derive(Properties, PartialEq)]
pub struct PilihanProps {
    /// Language.
    pub lang: Lang,
    /// The indicators, `(id, nama)`.
    pub indikator: Vec<(String, String)>,
    /// The indicator chosen.
    pub indikator_id: String,
    /// The year chosen.
    pub tahun: i32,
    /// The years offered.
    pub years: Vec<i32>,
    /// Where a choice goes.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The indicator and year chosen.
#[component]
pub fn Pilihan(p: &PilihanProps) -> Html {
    let (lang, tahun) = (p.lang, p.tahun);
    let on_ind = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |v: String| dispatch.dispatch(Action::SelectKabupaten(v, tahun)))
    };
    let on_year = {
        let (dispatch, ind) = (p.dispatch.clone(), p.indikator_id.clone());
        Callback::from(move |v: String| {
            if let Ok(y) = v.parse() {
                dispatch.dispatch(Action::SelectKabupaten(ind.clone(), y));
            }
        })
    };
    let years = p.years.iter().map(|y| (y.to_string(), y.to_string())).collect();
    html! {
        <div class="alat">
            {pilih(teks(lang, msg::web_indikator()), "kab-indikator", p.indikator.clone(), &p.indikator_id, on_ind)}
            {pilih(teks(lang, msg::web_tahun()), "kab-tahun", years, &tahun.to_string(), on_year)}
        </div>
    }
}

/// Props of [`Saringan`].
#[derive(Properties, PartialEq)]
pub struct SaringanProps {
    /// Language.
    pub lang: Lang,
    /// The search and order.
    pub comparison: Comparison,
    /// Where a change goes.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Search (by name, or by code: `12.19.` lists one kabupaten's kecamatan)
/// and order.
#[component]
pub fn Saringan(p: &SaringanProps) -> Html {
    let (lang, c) = (p.lang, &p.comparison);
    let on_search = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Search(el.value()));
        })
    };
    let on_sort = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |v: String| {
            let by = match v.as_str() {
                "nama" => SortBy::Nama,
                "kode" => SortBy::Kode,
                _ => SortBy::Peringkat,
            };
            dispatch.dispatch(Action::Sort(by));
        })
    };
    let order = [("peringkat", msg::web_peringkat()), ("nama", msg::web_kecamatan()), ("kode", msg::web_kode())];
    let order = order.iter().map(|(v, k)| (v.to_string(), teks(lang, k.clone()).to_string())).collect();
    let sorted = match c.sort {
        SortBy::Peringkat => "peringkat",
        SortBy::Nama => "nama",
        SortBy::Kode => "kode",
    };
    html! {
        <div class="alat">
            <label>{teks(lang, msg::web_cari())}{" "}
                <input type="search" data-testid="kab-cari" value={c.search.clone()} oninput={on_search} /></label>
            {pilih(teks(lang, msg::web_urutan()), "kab-urut", order, sorted, on_sort)}
        </div>
    }
}

//! Kabupaten comparison: every kecamatan for an indicator-year, ranked, as
//! an SVG bar chart and a table; realisasi can be changed for what-if;
//! synthetic figures are marked.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::kab_grafik::grafik;
use super::kab_tabel::tabel;
use super::use_app;
use crate::compute::{Data, kabupaten, tahun_kab};
use crate::i18n::{K, t};
use crate::state::Action;

/// The comparison view.
#[component]
pub fn Kabupaten() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(snap) = app.snapshot.clone() else { return html! {} };
    let data = Data { snap: &snap, edits: &app.edits };
    let Some(first) = data.indikator().first() else { return html! {} };
    let (ind_id, tahun) = match &app.kab {
        Some((i, y)) => (i.clone(), *y),
        None => (first.id.clone(), tahun_kab(&data, &first.id).last().copied().unwrap_or(0)),
    };
    let Some(ind) = data.indikator().iter().find(|i| i.id == ind_id).cloned() else { return html! {} };
    let rows = kabupaten(&data, &ind, tahun);
    let years = tahun_kab(&data, &ind.id);
    let on_ind = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            app.dispatch(Action::SelectKabupaten(el.value(), tahun));
        })
    };
    let on_year = {
        let app = app.clone();
        let ind = ind.id.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = el.value().parse() {
                app.dispatch(Action::SelectKabupaten(ind.clone(), y));
            }
        })
    };
    let judul = format!("{} {} {tahun}", t(lang, K::Kabupaten), ind.nama);
    html! {
        <section data-testid="kabupaten">
            <div class="alat">
                <label>{t(lang, K::Indikator)}{" "}
                    <select data-testid="kab-indikator" onchange={on_ind}>
                        { for data.indikator().iter().map(|i| html! { <option value={i.id.clone()} selected={i.id == ind.id}>{i.nama.clone()}</option> }) }
                    </select></label>
                <label>{t(lang, K::Tahun)}{" "}
                    <select data-testid="kab-tahun" onchange={on_year}>
                        { for years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == tahun}>{*y}</option> }) }
                    </select></label>
            </div>
            {grafik(lang, &rows, &judul)}
            {tabel(&app, &rows, &ind.id, tahun)}
        </section>
    }
}

//! Kabupaten comparison: every kecamatan of the snapshot (a kabupaten, a
//! provinsi or the nation) for an indicator-year, ranked, as an SVG bar chart
//! and a table; realisasi can be changed for what-if; synthetic figures are
//! marked. Search and order are state
//! ([`crate::state::Comparison`]); only the rows in view are rendered, so a
//! comparison of thousands of kecamatan costs what one screen costs.

use std::rc::Rc;

use kinerja_core::model::Indikator;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use super::kab_grafik::grafik;
use super::kab_tabel::{BARIS_PX, tabel};
use super::pilih::pilih;
use super::{Ctx, use_app};
use crate::compute::{Data, SortBy, kabupaten_dari, kabupaten_dasar, narrow, tahun_kab};
use crate::i18n::{K, t};
use crate::state::{Action, Comparison, Edits};

/// Rows rendered: those in view and a margin around them.
const JENDELA: usize = 40;

/// The comparison view.
#[component]
pub fn Kabupaten() -> Html {
    let app = use_app();
    let first = use_state(|| 0usize);
    let lang = app.lang;
    let snap = app.snapshot.clone();
    let chosen = snap.as_ref().and_then(|s| aktif(&app, &Data { snap: s, edits: &app.edits }));
    // The rows as recorded change only with the indicator and year;
    // a keystroke recomputes the edited rows and the ranking.
    let base = {
        let key = (snap.as_ref().map(|s| Rc::as_ptr(s) as usize), chosen.as_ref().map(|(i, y)| (i.id.clone(), *y)));
        let (snap, chosen) = (snap.clone(), chosen.clone());
        use_memo(key, move |_| match (&snap, &chosen) {
            (Some(s), Some((ind, tahun))) => kabupaten_dasar(&Data { snap: s, edits: &Edits::new() }, ind, *tahun),
            _ => Vec::new(),
        })
    };
    let (Some(snap), Some((ind, tahun))) = (snap, chosen) else { return html! {} };
    let data = Data { snap: &snap, edits: &app.edits };
    let c = &app.comparison;
    let rows = narrow(kabupaten_dari(&base, &data, &ind, tahun, c.sort), &c.search);
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
    let judul = format!("{} {} {tahun}", t(lang, K::Kabupaten), ind.nama);
    html! {
        <section data-testid="kabupaten">
            {pilihan(&app, &data, &ind.id, tahun, &tahun_kab(&data, &ind.id))}
            {saringan(&app, c)}
            <p class="catatan" data-testid="kab-jumlah">{format!("{}–{} / {}", if end > 0 { start + 1 } else { 0 }, end, rows.len())}</p>
            {grafik(lang, &rows[start..end], &judul)}
            {tabel(&app, &rows, start..end, &ind.id, tahun, onscroll)}
        </section>
    }
}

/// The indicator and year compared: the chosen ones, else the first
/// indicator in its latest year.
fn aktif(app: &Ctx, data: &Data<'_>) -> Option<(Indikator, i32)> {
    let default = data.indikator().first()?;
    let (ind_id, tahun) = match &app.kab {
        Some((i, y)) => (i.clone(), *y),
        None => (default.id.clone(), tahun_kab(data, &default.id).last().copied().unwrap_or(0)),
    };
    data.indikator().iter().find(|i| i.id == ind_id).cloned().map(|i| (i, tahun))
}

/// The indicator and year chosen (of `years`).
fn pilihan(app: &Ctx, data: &Data<'_>, ind: &str, tahun: i32, years: &[i32]) -> Html {
    let lang = app.lang;
    let on_ind = {
        let app = app.clone();
        Callback::from(move |v: String| app.dispatch(Action::SelectKabupaten(v, tahun)))
    };
    let on_year = {
        let app = app.clone();
        let ind = ind.to_string();
        Callback::from(move |v: String| {
            if let Ok(y) = v.parse() {
                app.dispatch(Action::SelectKabupaten(ind.clone(), y));
            }
        })
    };
    let indikator = data.indikator().iter().map(|i| (i.id.clone(), i.nama.clone())).collect();
    let years = years.iter().map(|y| (y.to_string(), y.to_string())).collect();
    html! {
        <div class="alat">
            {pilih(t(lang, K::Indikator), "kab-indikator", indikator, ind, on_ind)}
            {pilih(t(lang, K::Tahun), "kab-tahun", years, &tahun.to_string(), on_year)}
        </div>
    }
}

/// Search (by name, or by code: `12.19.` lists one kabupaten's kecamatan)
/// and order.
fn saringan(app: &Ctx, c: &Comparison) -> Html {
    let lang = app.lang;
    let on_search = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Search(el.value()));
        })
    };
    let on_sort = {
        let app = app.clone();
        Callback::from(move |v: String| {
            let by = match v.as_str() {
                "nama" => SortBy::Nama,
                "kode" => SortBy::Kode,
                _ => SortBy::Peringkat,
            };
            app.dispatch(Action::Sort(by));
        })
    };
    let order = [("peringkat", K::Peringkat), ("nama", K::Kecamatan), ("kode", K::Kode)];
    let order = order.iter().map(|(v, k)| (v.to_string(), t(lang, *k).to_string())).collect();
    let sorted = match c.sort {
        SortBy::Peringkat => "peringkat",
        SortBy::Nama => "nama",
        SortBy::Kode => "kode",
    };
    html! {
        <div class="alat">
            <label>{t(lang, K::Cari)}{" "}
                <input type="search" data-testid="kab-cari" value={c.search.clone()} oninput={on_search} /></label>
            {pilih(t(lang, K::Urutan), "kab-urut", order, sorted, on_sort)}
        </div>
    }
}

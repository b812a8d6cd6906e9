//! Kabupaten comparison: every kecamatan for an indicator-year, ranked, as
//! an SVG bar chart and a table; realisasi can be changed for what-if;
//! synthetic figures are marked.

use kinerja_core::Decimal;
use kinerja_skenario::Jenis;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::cell::Cell;
use super::use_app;
use crate::compute::{Data, kabupaten, tahun_kab};
use crate::fmt;
use crate::i18n::{K, t};
use crate::state::{Action, Kunci};

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
    let max = rows.iter().filter_map(|r| r.realisasi.nilai).max().unwrap_or(Decimal::ONE).max(Decimal::ONE);
    let on_ind = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            app.dispatch(Action::PilihKab(el.value(), tahun));
        })
    };
    let on_year = {
        let app = app.clone();
        let ind = ind.id.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = el.value().parse() {
                app.dispatch(Action::PilihKab(ind.clone(), y));
            }
        })
    };
    let bar_h = 22;
    let height = rows.len() * bar_h + 10;
    // Bar length in tenths of a percent of the chart width, computed exactly.
    let width = |v: Decimal| -> String {
        let w = (v / max * Decimal::from(600)).round_dp(1);
        w.max(Decimal::ZERO).to_string()
    };
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
            <svg class="grafik" viewBox={format!("0 0 900 {height}")} role="img" aria-label={format!("{} {} {tahun}", t(lang, K::Kabupaten), ind.nama)}>
                <defs><pattern id="arsir" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#f3c97a"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b8860b" stroke-width="3"/></pattern></defs>
                { for rows.iter().enumerate().map(|(i, r)| {
                    let y = i * bar_h + 5;
                    let label = format!("{}{}", r.nama, if r.realisasi.sintetis { format!(" ({})", t(lang, K::Sintetis)) } else { String::new() });
                    html! {
                        <g data-testid={format!("bar-{}", r.kode)}>
                            <text x="0" y={(y + 15).to_string()} font-size="12">{label}</text>
                            { match r.realisasi.nilai {
                                Some(v) => html! { <>
                                    <rect x="250" y={y.to_string()} height="18" width={width(v)}
                                        fill={if r.realisasi.sintetis { "url(#arsir)" } else if r.realisasi.isian.is_some() { "#6a4c93" } else { "#2f6690" }} />
                                    <text x="255" y={(y + 14).to_string()} font-size="11" fill="#fff">{fmt::angka(Some(v))}</text>
                                </> },
                                None => html! { <text x="250" y={(y + 15).to_string()} font-size="12" fill="#666">{t(lang, K::TidakAdaData)}</text> },
                            } }
                        </g>
                    }
                }) }
            </svg>
            <div class="gulir"><table>
                <thead><tr><th>{t(lang, K::Peringkat)}</th><th>{t(lang, K::Kecamatan)}</th><th>{t(lang, K::Target)}</th>
                    <th>{t(lang, K::Realisasi)}</th><th>{t(lang, K::Capaian)}</th><th>{t(lang, K::Predikat)}</th></tr></thead>
                <tbody>
                { for rows.iter().map(|r| {
                    let k = Kunci::Nilai { kode_unit: r.kode.clone(), indikator_id: ind.id.clone(), tahun, jenis: Jenis::Realisasi };
                    let base = snap.data.realisasi.iter().find(|x| x.kode_unit == r.kode && x.indikator_id == ind.id && x.tahun == tahun).map(|x| x.nilai);
                    html! {
                        <tr class={classes!(r.realisasi.sintetis.then_some("sintetis"))} data-testid={format!("kab-{}", r.kode)}>
                            <td class="n" data-testid={format!("peringkat-{}", r.kode)}>{r.peringkat.map_or("-".to_string(), |p| p.to_string())}</td>
                            <th scope="row">{&r.nama}{ if r.realisasi.sintetis { html!{ <small>{format!(" ({})", t(lang, K::Sintetis))}</small> } } else { html!{} } }</th>
                            <td class="n">{fmt::angka(r.target.nilai)}</td>
                            <td><Cell kunci={k} isian={r.realisasi.isian.clone()} dasar={base}
                                label={format!("{} {} {}", t(lang, K::Realisasi), r.nama, tahun)} testid={format!("kab-realisasi-{}", r.kode)} /></td>
                            <td class="n" data-testid={format!("kab-capaian-{}", r.kode)}>{fmt::persen(r.capaian)}</td>
                            <td>{r.predikat.unwrap_or("-")}</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table></div>
        </section>
    }
}

//! The saved scenarios: open, export (JSON, CSV) and delete each, export all.

use yew::prelude::*;

use super::Ctx;
use super::skenario::unduh;
use crate::i18n::{K, t};
use crate::state::Action;

/// The list of saved scenarios (rendered inside the scenarios view).
pub fn daftar(app: &Ctx) -> Html {
    let lang = app.lang;
    if app.skenario.is_empty() {
        return html! { <p>{t(lang, K::TanpaSkenario)}</p> };
    }
    let export_all = {
        let app = app.clone();
        Callback::from(move |_| {
            unduh("kinerja-skenario.json", &kinerja_skenario::to_json(&app.scenario_file()), "application/json")
        })
    };
    html! { <>
        <ul class="daftar">
        { for app.skenario.iter().map(|s| {
            let n = s.nama.clone();
            let open = { let app = app.clone(); let n = n.clone(); Callback::from(move |_| app.dispatch(Action::Open(n.clone()))) };
            let del = { let app = app.clone(); let n = n.clone(); Callback::from(move |_| app.dispatch(Action::Delete(n.clone()))) };
            let csv = { let s = s.clone(); Callback::from(move |_| unduh(&format!("{}.csv", s.nama), &kinerja_skenario::to_csv(&s), "text/csv")) };
            let json = { let s = s.clone(); Callback::from(move |_| unduh(&format!("{}.json", s.nama), &kinerja_skenario::to_json(&kinerja_skenario::ScenarioFile { skenario: vec![s.clone()], ..Default::default() }), "application/json")) };
            html! {
                <li data-testid={format!("skenario-item-{n}")}>
                    <strong>{&s.nama}</strong>{format!(" · {} · {} nilai", s.dibuat, s.nilai.len() + s.nrr.len() + s.akip.len() + s.anggaran.len())}
                    <button type="button" data-testid={format!("buka-{n}")} onclick={open}>{t(lang, K::Buka)}</button>
                    <button type="button" onclick={json}>{"JSON"}</button>
                    <button type="button" onclick={csv}>{"CSV"}</button>
                    <button type="button" data-testid={format!("hapus-{n}")} onclick={del}>{t(lang, K::Hapus)}</button>
                </li>
            }
        }) }
        </ul>
        <button type="button" onclick={export_all}>{format!("{} ({})", t(lang, K::Ekspor), t(lang, K::Semua))}</button>
    </> }
}

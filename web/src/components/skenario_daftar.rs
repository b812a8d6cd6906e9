//! The saved scenarios: open, export (JSON, CSV) and delete each, export all.

use std::rc::Rc;

use kinerja_skenario::{ScenarioFile, Skenario};
use yew::prelude::*;

use kinerja_pesan::msg;

use crate::browser::download;
use crate::i18n::{Lang, teks};
use crate::state::{Action, State};

/// Props of [`SkenarioDaftar`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// The saved scenarios.
    pub skenario: Rc<[Skenario]>,
    /// Where opening and deleting go.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The list of saved scenarios (rendered inside the scenarios view).
#[component]
pub fn SkenarioDaftar(p: &Props) -> Html {
    let lang = p.lang;
    if p.skenario.is_empty() {
        return html! { <p>{teks(lang, msg::web_tanpa_skenario())}</p> };
    }
    let export_all = {
        let file = ScenarioFile { skenario: p.skenario.to_vec(), ..ScenarioFile::default() };
        Callback::from(move |_| {
            download("kinerja-skenario.json", &kinerja_skenario::to_json(&file), "application/json")
        })
    };
    let act = |a: Action| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(a.clone()))
    };
    html! { <>
        <ul class="daftar">
        { for p.skenario.iter().map(|s| {
            let n = s.nama.clone();
            let (open, del) = (act(Action::Open(n.clone())), act(Action::Delete(n.clone())));
            let csv = { let s = s.clone(); Callback::from(move |_| download(&format!("{}.csv", s.nama), &kinerja_skenario::to_csv(&s), "text/csv")) };
            let json = { let s = s.clone(); Callback::from(move |_| download(&format!("{}.json", s.nama), &kinerja_skenario::to_json(&ScenarioFile { skenario: vec![s.clone()], ..Default::default() }), "application/json")) };
            html! {
                <li data-testid={format!("skenario-item-{n}")}>
                    <strong>{&s.nama}</strong>{format!(" · {} · {} nilai", s.dibuat, s.nilai.len() + s.nrr.len() + s.akip.len() + s.anggaran.len())}
                    <button type="button" data-testid={format!("buka-{n}")} onclick={open}>{teks(lang, msg::web_buka())}</button>
                    <button type="button" onclick={json}>{"JSON"}</button>
                    <button type="button" onclick={csv}>{"CSV"}</button>
                    <button type="button" data-testid={format!("hapus-{n}")} onclick={del}>{teks(lang, msg::web_hapus())}</button>
                </li>
            }
        }) }
        </ul>
        <button type="button" onclick={export_all}>{format!("{} ({})", teks(lang, msg::web_ekspor()), teks(lang, msg::web_semua()))}</button>
    </> }
}

//! Title, kecamatan choice, language, undo/redo and the view tabs.

use yew::prelude::*;

use super::unit_pilih::{SnapRef, UnitPilih};
use super::use_app;
use crate::i18n::{K, t};
use crate::state::{Action, Tab};

/// The header.
#[component]
pub fn Header() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(snap) = app.snapshot.clone() else { return html! {} };
    let tabs = [
        (Tab::Planner, K::Planner, "tab-planner"),
        (Tab::Ikm, K::Ikm, "tab-ikm"),
        (Tab::Akip, K::Akip, "tab-akip"),
        (Tab::Kabupaten, K::Kabupaten, "tab-kabupaten"),
        (Tab::Anggaran, K::Anggaran, "tab-anggaran"),
        (Tab::Skenario, K::Skenario, "tab-skenario"),
    ];
    let act = |a: fn() -> Action| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(a()))
    };
    html! {
        <header>
            <div class="baris-atas">
                <h1>{t(lang, K::Judul)}</h1>
                <button type="button" data-testid="lang" onclick={act(|| Action::ToggleLanguage)}>{t(lang, K::Bahasa)}</button>
            </div>
            <div class="alat">
                <UnitPilih snap={SnapRef(snap.clone())} unit={app.unit.clone()} {lang} dispatch={app.dispatcher()} />
                <button type="button" data-testid="undo" disabled={app.undo.is_empty()} onclick={act(|| Action::Undo)}>{t(lang, K::Urungkan)}</button>
                <button type="button" data-testid="redo" disabled={app.redo.is_empty()} onclick={act(|| Action::Redo)}>{t(lang, K::Ulangi)}</button>
                <button type="button" data-testid="reset-all" disabled={app.edits.is_empty()} onclick={act(|| Action::ResetAll)}>{t(lang, K::ResetSemua)}</button>
                if let Some(a) = &app.open_scenario { <span class="aktif">{format!("{}: {a}", t(lang, K::Skenario))}</span> }
            </div>
            <nav role="tablist">
                // The nation's snapshot holds no SKM, AKIP or budget detail.
                { for tabs.iter().filter(|(tab, ..)| !snap.ringkas || !matches!(tab, Tab::Ikm | Tab::Akip | Tab::Anggaran)).map(|(tab, k, id)| {
                    let tab = *tab;
                    let onclick = { let app = app.clone(); Callback::from(move |_| app.dispatch(Action::SelectTab(tab))) };
                    html! { <button type="button" role="tab" aria-selected={(app.tab == tab).to_string()} data-testid={*id} {onclick}>{t(lang, *k)}</button> }
                }) }
            </nav>
        </header>
    }
}

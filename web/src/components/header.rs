//! Title, kecamatan choice, language, undo/redo and the view tabs.

use yew::prelude::*;

use super::unit_pilih::{SnapRef, UnitPilih};
use super::use_app;
use kinerja_pesan::msg;

use crate::compute::unduh::{unduhan, url};
use crate::i18n::{Lang, teks};
use crate::state::{Action, Tab};

/// The header.
#[component]
pub fn Header() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(snap) = app.snapshot.clone() else { return html! {} };
    let tabs = [
        (Tab::Planner, msg::web_planner(), "tab-planner"),
        (Tab::Ikm, msg::web_ikm(), "tab-ikm"),
        (Tab::Akip, msg::web_akip(), "tab-akip"),
        (Tab::Kabupaten, msg::web_kabupaten(), "tab-kabupaten"),
        (Tab::Anggaran, msg::web_anggaran(), "tab-anggaran"),
        (Tab::Skenario, msg::web_skenario(), "tab-skenario"),
    ];
    let act = |a: fn() -> Action| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(a()))
    };
    html! {
        <header>
            <div class="baris-atas">
                <h1>{teks(lang, msg::web_judul())}</h1>
                <button type="button" data-testid="lang" onclick={act(|| Action::ToggleLanguage)}>{teks(lang, msg::web_bahasa())}</button>
            </div>
            <div class="alat">
                <UnitPilih snap={SnapRef(snap.clone())} unit={app.unit.clone()} {lang} dispatch={app.dispatcher()} />
                <button type="button" data-testid="undo" disabled={app.undo.is_empty()} onclick={act(|| Action::Undo)}>{teks(lang, msg::web_urungkan())}</button>
                <button type="button" data-testid="redo" disabled={app.redo.is_empty()} onclick={act(|| Action::Redo)}>{teks(lang, msg::web_ulangi())}</button>
                <button type="button" data-testid="reset-all" disabled={app.edits.is_empty()} onclick={act(|| Action::ResetAll)}>{teks(lang, msg::web_reset_semua())}</button>
                if let Some(a) = &app.open_scenario { <span class="aktif">{format!("{}: {a}", teks(lang, msg::web_skenario()))}</span> }
            </div>
            { unduh(&snap, app.unit.as_deref(), lang) }
            <nav role="tablist">
                // The nation's snapshot holds no SKM, AKIP or budget detail.
                { for tabs.iter().filter(|(tab, ..)| !snap.ringkas || !matches!(tab, Tab::Ikm | Tab::Akip | Tab::Anggaran)).map(|(tab, k, id)| {
                    let tab = *tab;
                    let onclick = { let app = app.clone(); Callback::from(move |_| app.dispatch(Action::SelectTab(tab))) };
                    html! { <button type="button" role="tab" aria-selected={(app.tab == tab).to_string()} data-testid={*id} {onclick}>{teks(lang, k.clone())}</button> }
                }) }
            </nav>
        </header>
    }
}

/// Links to the chosen kecamatan's documents, when the server renders them.
fn unduh(snap: &kinerja_core::model::Snapshot, unit: Option<&str>, lang: Lang) -> Html {
    let Some(unit) = unit else { return html! {} };
    let u = unduhan(snap, unit);
    let docs = [("lkjip", "LKjIP", u.lkjip), ("pk", "PK", u.pk)];
    let links = docs.iter().filter_map(|(jenis, nama, tahun)| tahun.map(|t| (*jenis, *nama, t))).flat_map(|(jenis, nama, t)| {
        [("pdf", "PDF"), ("docx", "DOCX")].map(|(ext, label)| {
            html! { <a href={url(jenis, unit, t, ext)} data-testid={format!("unduh-{jenis}-{ext}")}>{format!("{nama} {t} ({label})")}</a> }
        })
    });
    if u.lkjip.is_none() && u.pk.is_none() {
        return html! {};
    }
    html! { <div class="unduh" data-testid="unduh" title={teks(lang, msg::web_unduh_catatan())}><span>{teks(lang, msg::web_unduh())}</span>{ for links }</div> }
}

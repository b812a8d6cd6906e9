//! The app root: loads the snapshot served beside the app, restores saved
//! scenarios from the browser, and shows the chosen view.

use std::rc::Rc;

use yew::prelude::*;

use super::akip::Akip;
use super::anggaran::Anggaran;
use super::banding::Banding;
use super::header::Header;
use super::ikm::Ikm;
use super::pesan::Pesan;
use super::planner::Planner;
use super::skenario::Skenario;
use kinerja_pesan::msg;

use crate::i18n::{Notice, message, teks};
use crate::state::{Action, LoadStatus, State, Tab};
use crate::{browser, snapshot};

/// Where the snapshot is fetched from (beside `index.html`).
pub const SNAPSHOT_URL: &str = "snapshot.json";

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let (result, backup, may_write) = browser::read_saved();
            state.dispatch(Action::StorageRead { result, backup, may_write });
            wasm_bindgen_futures::spawn_local(async move {
                let text = browser::fetch_snapshot(SNAPSHOT_URL).await;
                let result = text.and_then(|text| snapshot::parse(&text).map_err(Notice::SnapshotRusak));
                match result {
                    Ok(s) => state.dispatch(Action::Loaded(Rc::new(s))),
                    Err(m) => state.dispatch(Action::LoadFailed(m)),
                }
            });
        });
    }
    {
        // Persist scenarios whenever they change (never on start-up).
        let state = state.clone();
        use_effect_with(state.revision, move |rev| {
            if *rev > 0
                && state.may_write
                && let Err(m) = browser::write_saved(&state.scenario_file())
            {
                browser::log_error(m);
                state.dispatch(Action::StorageWriteFailed);
            }
        });
    }
    let lang = state.lang;
    let synthetic = state.sintetis;
    let body = match &state.load_status {
        LoadStatus::Loading => html! { <p data-testid="status">{teks(lang, msg::web_memuat())}</p> },
        LoadStatus::Failed(m) => html! {
            <div class="galat" data-testid="status" role="alert"><strong>{teks(lang, msg::web_gagal_memuat())}</strong><p>{message(lang, m)}</p></div>
        },
        LoadStatus::Ready => match state.tab {
            Tab::Planner => html! { <Planner /> },
            Tab::Ikm => html! { <Ikm /> },
            Tab::Akip => html! { <Akip /> },
            Tab::Kabupaten => html! { <Banding /> },
            Tab::Anggaran => html! { <Anggaran /> },
            Tab::Skenario => html! { <Skenario /> },
        },
    };
    html! {
        <ContextProvider<super::Ctx> context={state.clone()}>
            <main lang={lang.code()} data-ready={matches!(state.load_status, LoadStatus::Ready).to_string()}>
                <Header />
                <Pesan />
                if synthetic {
                    <p class="peringatan" data-testid="banner-sintetis">{teks(lang, msg::web_banner_sintetis())}</p>
                }
                {body}
            </main>
        </ContextProvider<super::Ctx>>
    }
}

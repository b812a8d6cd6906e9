//! Importing scenarios: pasted JSON, or a JSON or CSV file; errors name
//! the place in the file.

use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::Ctx;
use crate::i18n::{K, t};
use crate::state::Action;

/// The import controls (rendered inside the scenarios view, which owns
/// the pasted text).
pub fn impor(app: &Ctx, teks: &UseStateHandle<String>) -> Html {
    let lang = app.lang;
    let on_teks = {
        let teks = teks.clone();
        Callback::from(move |e: InputEvent| teks.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let impor = {
        let (app, teks) = (app.clone(), teks.clone());
        Callback::from(move |_| app.dispatch(Action::Import((*teks).clone())))
    };
    let on_file = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value(""); // the same file may be chosen again
            if file.size() > crate::state::MAX_IMPOR as f64 {
                app.dispatch(Action::ImportTooLarge(file.size() as u64));
                return;
            }
            let app = app.clone();
            let name = file.name();
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
                if name.to_ascii_lowercase().ends_with(".csv") {
                    let nama = name.trim_end_matches(".csv").trim_end_matches(".CSV").to_string();
                    app.dispatch(Action::ImportCsv { teks: text, nama });
                } else {
                    app.dispatch(Action::Import(text));
                }
            });
        })
    };
    html! { <>
        <h3>{t(lang, K::Impor)}</h3>
        <textarea data-testid="impor-teks" rows="6" aria-label={t(lang, K::Impor)} value={(**teks).clone()} oninput={on_teks} />
        <div class="alat">
            <button type="button" data-testid="impor" onclick={impor}>{format!("{} JSON", t(lang, K::Impor))}</button>
            <label>{"JSON / CSV: "}<input type="file" accept=".json,.csv" data-testid="impor-berkas" onchange={on_file} /></label>
        </div>
    </> }
}

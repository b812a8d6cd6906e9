//! Importing scenarios: pasted JSON, or a JSON or CSV file; errors name
//! the place in the file.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use kinerja_pesan::msg;

use crate::browser;
use crate::i18n::{self, Lang};
use crate::state::{Action, MAX_IMPOR, State};

/// Props of [`SkenarioImpor`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// Where the imported text goes.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The import controls (rendered inside the scenarios view): the pasted
/// text is kept here while the view is open.
#[component]
pub fn SkenarioImpor(p: &Props) -> Html {
    let lang = p.lang;
    let teks = use_state(String::new);
    let on_teks = {
        let teks = teks.clone();
        Callback::from(move |e: InputEvent| teks.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let impor = {
        let (dispatch, teks) = (p.dispatch.clone(), teks.clone());
        Callback::from(move |_| dispatch.dispatch(Action::Import((*teks).clone())))
    };
    let on_file = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value(""); // the same file may be chosen again
            if file.size() > MAX_IMPOR as f64 {
                dispatch.dispatch(Action::ImportTooLarge(file.size() as u64));
                return;
            }
            let dispatch = dispatch.clone();
            let name = file.name();
            wasm_bindgen_futures::spawn_local(async move {
                let text = browser::read_file(file).await;
                if name.to_ascii_lowercase().ends_with(".csv") {
                    let nama = name.trim_end_matches(".csv").trim_end_matches(".CSV").to_string();
                    dispatch.dispatch(Action::ImportCsv { teks: text, nama });
                } else {
                    dispatch.dispatch(Action::Import(text));
                }
            });
        })
    };
    html! { <>
        <h3>{i18n::teks(lang, msg::web_impor())}</h3>
        <textarea data-testid="impor-teks" rows="6" aria-label={i18n::teks(lang, msg::web_impor())} value={(*teks).clone()} oninput={on_teks} />
        <div class="alat">
            <button type="button" data-testid="impor" onclick={impor}>{format!("{} JSON", i18n::teks(lang, msg::web_impor()))}</button>
            <label>{"JSON / CSV: "}<input type="file" accept=".json,.csv" data-testid="impor-berkas" onchange={on_file} /></label>
        </div>
    </> }
}

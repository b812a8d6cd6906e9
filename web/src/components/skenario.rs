//! Scenarios: save the current edits under a name, open, delete, compare
//! two side by side, export (JSON, CSV) and import with located errors.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::skenario_banding::banding;
use super::skenario_daftar::daftar;
use super::skenario_impor::impor;
use super::use_app;
use crate::i18n::{K, t};
use crate::state::Action;

/// Now as ISO 8601, from the browser's clock.
pub fn sekarang() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Offers text to the user as a file download.
pub fn unduh(nama: &str, isi: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(isi));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(doc) = web_sys::window().and_then(|w| w.document())
        && let Ok(a) = doc.create_element("a")
    {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", nama);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The scenarios view: save, the saved list, side by side, import.
#[component]
pub fn Skenario() -> Html {
    let app = use_app();
    let lang = app.lang;
    let nama = use_state(String::new);
    let teks = use_state(String::new);
    let save = {
        let (app, nama) = (app.clone(), nama.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.dispatch(Action::Save { nama: (*nama).clone(), dibuat: sekarang() });
        })
    };
    let on_nama = {
        let nama = nama.clone();
        Callback::from(move |e: InputEvent| nama.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <section data-testid="skenario">
            <form onsubmit={save} class="alat">
                <label>{t(lang, K::NamaSkenario)}{" "}<input type="text" data-testid="skenario-nama" value={(*nama).clone()} oninput={on_nama} /></label>
                <button type="submit" data-testid="skenario-simpan">{t(lang, K::SimpanSkenario)}</button>
            </form>
            <p class="catatan">{t(lang, K::Tersimpan)}</p>
            {daftar(&app)}
            {banding(&app)}
            {impor(&app, &teks)}
        </section>
    }
}

//! Scenarios: save the current edits under a name, open, delete, compare
//! two side by side, export (JSON, CSV) and import with located errors.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::skenario_banding::SkenarioBanding;
use super::skenario_daftar::SkenarioDaftar;
use super::skenario_impor::SkenarioImpor;
use super::use_app;
use kinerja_pesan::msg;

use crate::browser;
use crate::i18n::teks;
use crate::state::Action;

/// The scenarios view: save, the saved list, side by side, import.
#[component]
pub fn Skenario() -> Html {
    let app = use_app();
    let lang = app.lang;
    let nama = use_state(String::new);
    let save = {
        let (app, nama) = (app.clone(), nama.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.dispatch(Action::Save { nama: (*nama).clone(), dibuat: browser::now() });
        })
    };
    let on_nama = {
        let nama = nama.clone();
        Callback::from(move |e: InputEvent| nama.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let skenario: Rc<[_]> = app.skenario.as_slice().into();
    html! {
        <section data-testid="skenario">
            <form onsubmit={save} class="alat">
                <label>{teks(lang, msg::web_nama_skenario())}{" "}<input type="text" data-testid="skenario-nama" value={(*nama).clone()} oninput={on_nama} /></label>
                <button type="submit" data-testid="skenario-simpan">{teks(lang, msg::web_simpan_skenario())}</button>
            </form>
            <p class="catatan">{teks(lang, msg::web_tersimpan())}</p>
            <SkenarioDaftar {lang} skenario={skenario.clone()} dispatch={app.dispatcher()} />
            <SkenarioBanding {lang} {skenario} compared={app.compared.clone()} dispatch={app.dispatcher()} />
            <SkenarioImpor {lang} dispatch={app.dispatcher()} />
        </section>
    }
}

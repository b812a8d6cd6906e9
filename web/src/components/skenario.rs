//! Scenarios: save the current edits under a name, open, delete, compare
//! two side by side, export (JSON, CSV) and import with located errors.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::use_app;
use crate::compute::selisih_skenario;
use crate::fmt;
use crate::i18n::{K, t};
use crate::state::Action;

/// Now as ISO 8601, from the browser's clock.
pub fn sekarang() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

fn unduh(nama: &str, isi: &str, mime: &str) {
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

/// The scenarios view.
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
            app.dispatch(Action::Simpan { nama: (*nama).clone(), dibuat: sekarang() });
        })
    };
    let on_nama = {
        let nama = nama.clone();
        Callback::from(move |e: InputEvent| nama.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_teks = {
        let teks = teks.clone();
        Callback::from(move |e: InputEvent| teks.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let impor = {
        let (app, teks) = (app.clone(), teks.clone());
        Callback::from(move |_| app.dispatch(Action::Impor((*teks).clone())))
    };
    let on_file = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            let app = app.clone();
            let name = file.name();
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
                if name.to_ascii_lowercase().ends_with(".csv") {
                    let nama = name.trim_end_matches(".csv").trim_end_matches(".CSV").to_string();
                    app.dispatch(Action::ImporCsv { teks: text, nama });
                } else {
                    app.dispatch(Action::Impor(text));
                }
            });
        })
    };
    let pilih = |slot: usize| {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.dispatch(Action::PilihBanding(slot, (!v.is_empty()).then_some(v)));
        })
    };
    let export_all = {
        let app = app.clone();
        Callback::from(move |_| {
            unduh("kinerja-skenario.json", &kinerja_skenario::to_json(&app.berkas()), "application/json")
        })
    };
    let find = |n: &Option<String>| n.as_ref().and_then(|n| app.skenario.iter().find(|s| &s.nama == n));
    let diff = match (find(&app.banding[0]), find(&app.banding[1])) {
        (Some(a), Some(b)) => Some((a.nama.clone(), b.nama.clone(), selisih_skenario(a, b))),
        _ => None,
    };
    html! {
        <section data-testid="skenario">
            <form onsubmit={save} class="alat">
                <label>{t(lang, K::NamaSkenario)}{" "}<input type="text" data-testid="skenario-nama" value={(*nama).clone()} oninput={on_nama} /></label>
                <button type="submit" data-testid="skenario-simpan">{t(lang, K::SimpanSkenario)}</button>
            </form>
            <p class="catatan">{t(lang, K::Tersimpan)}</p>
            if app.skenario.is_empty() {
                <p>{t(lang, K::TanpaSkenario)}</p>
            } else {
                <ul class="daftar">
                { for app.skenario.iter().map(|s| {
                    let n = s.nama.clone();
                    let open = { let app = app.clone(); let n = n.clone(); Callback::from(move |_| app.dispatch(Action::Buka(n.clone()))) };
                    let del = { let app = app.clone(); let n = n.clone(); Callback::from(move |_| app.dispatch(Action::Hapus(n.clone()))) };
                    let csv = { let s = s.clone(); Callback::from(move |_| unduh(&format!("{}.csv", s.nama), &kinerja_skenario::to_csv(&s), "text/csv")) };
                    let json = { let s = s.clone(); Callback::from(move |_| unduh(&format!("{}.json", s.nama), &kinerja_skenario::to_json(&kinerja_skenario::Berkas { skenario: vec![s.clone()], ..Default::default() }), "application/json")) };
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
            }
            <h3>{t(lang, K::Bandingkan)}</h3>
            <div class="alat">
                { for (0..2).map(|slot| html! {
                    <select data-testid={format!("banding-{slot}")} onchange={pilih(slot)}>
                        <option value="">{"—"}</option>
                        { for app.skenario.iter().map(|s| html! { <option value={s.nama.clone()} selected={app.banding[slot].as_deref() == Some(s.nama.as_str())}>{s.nama.clone()}</option> }) }
                    </select>
                }) }
            </div>
            if let Some((a, b, rows)) = diff {
                <div class="gulir"><table data-testid="banding">
                    <thead><tr><th></th><th>{a}</th><th>{b}</th><th>{t(lang, K::Selisih)}</th></tr></thead>
                    <tbody>{ for rows.iter().map(|r| html! {
                        <tr><th scope="row">{&r.apa}</th><td class="n">{fmt::angka(r.a)}</td><td class="n">{fmt::angka(r.b)}</td><td class="n">{fmt::angka(r.selisih)}</td></tr>
                    }) }</tbody>
                </table></div>
            }
            <h3>{t(lang, K::Impor)}</h3>
            <textarea data-testid="impor-teks" rows="6" aria-label={t(lang, K::Impor)} value={(*teks).clone()} oninput={on_teks} />
            <div class="alat">
                <button type="button" data-testid="impor" onclick={impor}>{format!("{} JSON", t(lang, K::Impor))}</button>
                <label>{"JSON / CSV: "}<input type="file" accept=".json,.csv" data-testid="impor-berkas" onchange={on_file} /></label>
            </div>
        </section>
    }
}

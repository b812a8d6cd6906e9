//! Two saved scenarios side by side, with the difference of every value.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::Ctx;
use crate::compute::selisih_skenario;
use crate::fmt;
use crate::i18n::{K, t};
use crate::state::Action;

/// The side-by-side comparison (rendered inside the scenarios view).
pub fn banding(app: &Ctx) -> Html {
    let lang = app.lang;
    let pilih = |slot: usize| {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            app.dispatch(Action::SelectCompared(slot, (!v.is_empty()).then_some(v)));
        })
    };
    let find = |n: &Option<String>| n.as_ref().and_then(|n| app.skenario.iter().find(|s| &s.nama == n));
    let diff = match (find(&app.compared[0]), find(&app.compared[1])) {
        (Some(a), Some(b)) => Some((a.nama.clone(), b.nama.clone(), selisih_skenario(a, b))),
        _ => None,
    };
    html! { <>
        <h3>{t(lang, K::Bandingkan)}</h3>
        <div class="alat">
            { for (0..2).map(|slot| html! {
                <select data-testid={format!("banding-{slot}")} onchange={pilih(slot)}>
                    <option value="">{"—"}</option>
                    { for app.skenario.iter().map(|s| html! { <option value={s.nama.clone()} selected={app.compared[slot].as_deref() == Some(s.nama.as_str())}>{s.nama.clone()}</option> }) }
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
    </> }
}

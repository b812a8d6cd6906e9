//! Two saved scenarios side by side, with the difference of every value.

use yew::prelude::*;

use super::Ctx;
use super::kepala::{kepala, sel_angka};
use super::pilih::pilih;
use crate::compute::selisih_skenario;
use crate::fmt;
use crate::i18n::{K, t};
use crate::state::Action;

/// The side-by-side comparison (rendered inside the scenarios view).
pub fn banding(app: &Ctx) -> Html {
    let lang = app.lang;
    let on = |slot: usize| {
        let app = app.clone();
        Callback::from(move |v: String| app.dispatch(Action::SelectCompared(slot, (!v.is_empty()).then_some(v))))
    };
    let options = || {
        let names = app.skenario.iter().map(|s| (s.nama.clone(), s.nama.clone()));
        std::iter::once((String::new(), "—".to_string())).chain(names).collect()
    };
    let find = |n: &Option<String>| n.as_ref().and_then(|n| app.skenario.iter().find(|s| &s.nama == n));
    let diff = match (find(&app.compared[0]), find(&app.compared[1])) {
        (Some(a), Some(b)) => Some((a.nama.clone(), b.nama.clone(), selisih_skenario(a, b))),
        _ => None,
    };
    html! { <>
        <h3>{t(lang, K::Bandingkan)}</h3>
        <div class="alat">
            { for (0..2).map(|slot| {
                pilih("", &format!("banding-{slot}"), options(), app.compared[slot].as_deref().unwrap_or(""), on(slot))
            }) }
        </div>
        if let Some((a, b, rows)) = diff {
            <div class="gulir"><table data-testid="banding">
                {kepala(&["", &a, &b, t(lang, K::Selisih)])}
                <tbody>{ for rows.iter().map(|r| html! {
                    <tr><th scope="row">{&r.apa}</th>{sel_angka(fmt::angka(r.a), None)}{sel_angka(fmt::angka(r.b), None)}{sel_angka(fmt::angka(r.selisih), None)}</tr>
                }) }</tbody>
            </table></div>
        }
    </> }
}

//! Two saved scenarios side by side, with the difference of every value.

use std::rc::Rc;

use kinerja_skenario::Skenario;
use yew::prelude::*;

use super::kepala::{kepala, sel_angka};
use super::pilih::pilih;
use kinerja_pesan::msg;

use crate::compute::skenario_banding::selisih_skenario;
use crate::fmt;
use crate::i18n::{Lang, teks};
use crate::state::{Action, State};

/// Props of [`SkenarioBanding`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// The saved scenarios.
    pub skenario: Rc<[Skenario]>,
    /// The names of the two compared.
    pub compared: [Option<String>; 2],
    /// Where a choice goes.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The side-by-side comparison (rendered inside the scenarios view).
#[component]
pub fn SkenarioBanding(p: &Props) -> Html {
    let lang = p.lang;
    let on = |slot: usize| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |v: String| dispatch.dispatch(Action::SelectCompared(slot, (!v.is_empty()).then_some(v))))
    };
    let options = || {
        let names = p.skenario.iter().map(|s| (s.nama.clone(), s.nama.clone()));
        std::iter::once((String::new(), "—".to_string())).chain(names).collect()
    };
    let find = |n: &Option<String>| n.as_ref().and_then(|n| p.skenario.iter().find(|s| &s.nama == n));
    let diff = match (find(&p.compared[0]), find(&p.compared[1])) {
        (Some(a), Some(b)) => Some((a.nama.clone(), b.nama.clone(), selisih_skenario(a, b))),
        _ => None,
    };
    html! { <>
        <h3>{teks(lang, msg::web_bandingkan())}</h3>
        <div class="alat">
            { for (0..2).map(|slot| {
                pilih("", &format!("banding-{slot}"), options(), p.compared[slot].as_deref().unwrap_or(""), on(slot))
            }) }
        </div>
        if let Some((a, b, rows)) = diff {
            <div class="gulir"><table data-testid="banding">
                {kepala(&["", &a, &b, teks(lang, msg::web_selisih())])}
                <tbody>{ for rows.iter().map(|r| html! {
                    <tr><th scope="row">{&r.apa}</th>{sel_angka(fmt::angka(r.a), None)}{sel_angka(fmt::angka(r.b), None)}{sel_angka(fmt::angka(r.selisih), None)}</tr>
                }) }</tbody>
            </table></div>
        }
    </> }
}

//! An editable number cell: keeps the raw text, marks edits, offers reset.

use kinerja_core::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_app;
use kinerja_pesan::msg;

use crate::edit::{Entry, Key};
use crate::fmt;
use crate::i18n::teks;
use crate::state::Action;

/// Properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the cell edits.
    pub kunci: Key,
    /// The edit, if any.
    pub isian: Option<Entry>,
    /// The baseline value.
    pub dasar: Option<Decimal>,
    /// Accessible name.
    pub label: String,
    /// Test id.
    pub testid: String,
}

/// The cell.
#[component]
pub fn Cell(p: &Props) -> Html {
    let app = use_app();
    let lang = app.lang;
    let edited = p.isian.is_some();
    let invalid = p.isian.as_ref().is_some_and(|i| i.nilai.is_none());
    let value = match &p.isian {
        Some(i) => i.teks.clone(),
        None => p.dasar.map(|d| fmt::angka(Some(d))).unwrap_or_default(),
    };
    let oninput = {
        let app = app.clone();
        let k = p.kunci.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(k.clone(), el.value()));
        })
    };
    let onchange = {
        let app = app.clone();
        Callback::from(move |_: Event| app.dispatch(Action::EndEdit))
    };
    let reset = {
        let app = app.clone();
        let k = p.kunci.clone();
        Callback::from(move |_| app.dispatch(Action::Reset(k.clone())))
    };
    let class = classes!("sel", edited.then_some("diubah"), invalid.then_some("salah"));
    html! {
        <span class={class}>
            <input type="text" inputmode="decimal" value={value} aria-label={p.label.clone()}
                aria-invalid={invalid.to_string()} data-testid={p.testid.clone()} {oninput} {onchange} />
            if edited {
                <button type="button" class="reset" title={teks(lang, msg::web_reset())} aria-label={format!("{} {}", teks(lang, msg::web_reset()), p.label)}
                    data-testid={format!("{}-reset", p.testid)} onclick={reset}>{"↺"}</button>
            }
        </span>
    }
}

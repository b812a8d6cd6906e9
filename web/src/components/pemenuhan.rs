//! One AKIP komponen from its sub-komponen: % pemenuhan of keberadaan (20 %),
//! kualitas (30 %) and pemanfaatan (50 %) → the komponen score, computed by
//! the core and applied as the komponen's what-if value.

use kinerja_core::akip::{SkemaAkip, komponen_from_pemenuhan};
use kinerja_core::notation::{Notasi, parse_number};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_app;
use crate::edit::Key;
use crate::fmt;
use crate::state::Action;

/// Properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The komponen's cell.
    pub kunci: Key,
    /// Komponen id.
    pub komponen_id: &'static str,
}

/// The sub-komponen form.
#[component]
pub fn Pemenuhan(p: &Props) -> Html {
    let app = use_app();
    let pct = use_state(|| [String::new(), String::new(), String::new()]);
    let values: Vec<Option<kinerja_core::Decimal>> =
        pct.iter().map(|s| parse_number(s, Notasi::Otomatis).ok()).collect();
    let komponen = SkemaAkip::PermenPanRb88_2021.komponen_by_id(p.komponen_id).ok();
    let skor = match (komponen, values.as_slice()) {
        (Some(k), [Some(a), Some(b), Some(c)]) => {
            komponen_from_pemenuhan(k, [*a, *b, *c]).map_err(|e| e.to_string()).map(Some)
        }
        _ => Ok(None),
    };
    let input = |i: usize, label: &'static str| {
        let value = pct[i].clone();
        let pct = pct.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*pct).clone();
            next[i] = e.target_unchecked_into::<HtmlInputElement>().value();
            pct.set(next);
        });
        html! { <label>{label}{" % "}<input type="text" inputmode="decimal" size="4" value={value}
        data-testid={format!("pemenuhan-{}-{i}", p.komponen_id)} {oninput} /></label> }
    };
    let terapkan = match &skor {
        Ok(Some(v)) => {
            let (app, k) = (app.clone(), p.kunci.clone());
            let text = fmt::ratio(*v, 2);
            Some(Callback::from(move |_| app.dispatch(Action::Edit(k.clone(), text.clone()))))
        }
        _ => None,
    };
    html! {
        <details class="pemenuhan">
            <summary>{"% pemenuhan"}</summary>
            {input(0, "keberadaan")}{input(1, "kualitas")}{input(2, "pemanfaatan")}
            { match &skor {
                Ok(Some(v)) => html! { <span data-testid={format!("pemenuhan-{}-nilai", p.komponen_id)}>{format!(" = {}", fmt::ratio(*v, 2))}</span> },
                Err(e) => html! { <span class="galat">{format!(" {e}")}</span> },
                Ok(None) => html! {},
            } }
            <button type="button" disabled={terapkan.is_none()} data-testid={format!("pemenuhan-{}-pakai", p.komponen_id)}
                onclick={terapkan.unwrap_or_default()}>{"✓"}</button>
        </details>
    }
}

//! Messages to the user (saved, imported, problems found).

use yew::prelude::*;

use super::use_app;
use crate::state::{Action, Pesan as P};

/// The message list.
#[component]
pub fn Pesan() -> Html {
    let app = use_app();
    if app.pesan.is_empty() {
        return html! {};
    }
    html! {
        <ul class="pesan" data-testid="pesan" aria-live="polite">
            { for app.pesan.iter().enumerate().map(|(i, m)| {
                let (class, text) = match m { P::Info(t) => ("info", t.clone()), P::Galat(t) => ("galat", t.clone()) };
                let close = { let app = app.clone(); Callback::from(move |_| app.dispatch(Action::TutupPesan(i))) };
                html! { <li class={class}>{text}<button type="button" aria-label="tutup / close" onclick={close}>{"×"}</button></li> }
            }) }
        </ul>
    }
}

//! Messages to the user (saved, imported, problems found).

use yew::prelude::*;

use super::use_app;
use kinerja_pesan::msg;

use crate::i18n::{message, teks};
use crate::state::{Action, Message as P};

/// The message list.
#[component]
pub fn Pesan() -> Html {
    let app = use_app();
    if app.messages.is_empty() {
        return html! {};
    }
    html! {
        <ul class="pesan" data-testid="pesan" aria-live="polite">
            { for app.messages.iter().enumerate().map(|(i, m)| {
                let (class, text) = match m { P::Info(m) => ("info", message(app.lang, m)), P::Error(m) => ("galat", message(app.lang, m)) };
                let close = { let app = app.clone(); Callback::from(move |_| app.dispatch(Action::DismissMessage(i))) };
                html! { <li class={class}>{text}<button type="button" aria-label={teks(app.lang, msg::web_tutup())} onclick={close}>{"×"}</button></li> }
            }) }
        </ul>
    }
}

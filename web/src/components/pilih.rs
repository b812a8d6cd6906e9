//! One labelled select for every choice in the app (indicator, year, order,
//! kecamatan, scenarios): one copy of the markup and of the change
//! handler in the WebAssembly instead of one per select.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A select labelled `label` (none when empty) offering `options`
/// (value, text), with `selected` chosen; `on` receives the value chosen.
#[inline(never)]
pub fn pilih(label: &str, testid: &str, options: Vec<(String, String)>, selected: &str, on: Callback<String>) -> Html {
    let onchange = Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let select = html! {
        <select data-testid={testid.to_string()} {onchange}>
            { for options.into_iter().map(|(v, text)| { let chosen = v == selected; html! { <option selected={chosen} value={v}>{text}</option> } }) }
        </select>
    };
    if label.is_empty() {
        select
    } else {
        html! { <label>{label}{" "}{select}</label> }
    }
}

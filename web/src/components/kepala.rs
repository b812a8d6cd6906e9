//! The pieces every table shares, the header row and the number cell: one
//! copy of their markup in the WebAssembly instead of one per use.

use yew::prelude::*;

/// `<thead>` with one `<th>` per text.
#[inline(never)]
pub fn kepala(cells: &[&str]) -> Html {
    html! { <thead><tr>{ for cells.iter().map(|c| html! { <th>{c.to_string()}</th> }) }</tr></thead> }
}

/// A right-aligned number cell, with a test id when given.
#[inline(never)]
pub fn sel_angka(text: String, testid: Option<String>) -> Html {
    html! { <td class="n" data-testid={testid}>{text}</td> }
}

//! The header row of every table: one copy of the markup in the
//! WebAssembly instead of one per header cell.

use yew::prelude::*;

/// `<thead>` with one `<th>` per text.
#[inline(never)]
pub fn kepala(cells: &[&str]) -> Html {
    html! { <thead><tr>{ for cells.iter().map(|c| html! { <th>{c.to_string()}</th> }) }</tr></thead> }
}

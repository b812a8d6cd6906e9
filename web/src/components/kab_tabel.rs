//! The kabupaten comparison as a table: rank, target, realisasi (editable
//! for what-if), capaian and predikat of every kecamatan. Only the rows of
//! `window` are rendered; spacer rows keep the scroll height of them all.

use std::ops::Range;

use kinerja_skenario::Jenis;
use yew::prelude::*;

use super::Ctx;
use super::cell::Cell;
use super::kepala::{kepala, sel_angka};
use crate::compute::{Data, KabupatenRow};
use crate::fmt;
use crate::i18n::{K, t};
use crate::state::Key;

/// Height of one table row in pixels (`.kab-gulir tbody tr` in style.css).
pub const BARIS_PX: i32 = 38;

/// The table of the ranked kecamatan for indicator `ind` in `tahun`, rows
/// `window` of `rows` rendered; `onscroll` reports scrolling.
pub fn tabel(
    app: &Ctx,
    rows: &[KabupatenRow],
    window: Range<usize>,
    ind: &str,
    tahun: i32,
    onscroll: Callback<Event>,
) -> Html {
    let lang = app.lang;
    let Some(snap) = app.snapshot.clone() else { return html! {} };
    let data = Data { snap: &snap, edits: &app.edits };
    let spacer = |n: usize| {
        let px = i32::try_from(n).unwrap_or(i32::MAX / BARIS_PX) * BARIS_PX;
        if n == 0 {
            html! {}
        } else {
            html! { <tr aria-hidden="true" style={format!("height:{px}px")}></tr> }
        }
    };
    html! {
        <div class="gulir kab-gulir" data-testid="kab-gulir" {onscroll}><table>
            {kepala(&[t(lang, K::Peringkat), t(lang, K::Kecamatan), t(lang, K::Target), t(lang, K::Realisasi),
                t(lang, K::Capaian), t(lang, K::Predikat)])}
            <tbody>
            {spacer(window.start)}
            { for rows[window.clone()].iter().map(|r| {
                let k = Key::Nilai { kode_unit: r.kode.clone(), indikator_id: ind.to_string(), tahun, jenis: Jenis::Realisasi };
                let base = data.realisasi_dasar(&r.kode, ind, tahun).map(|x| x.nilai);
                html! {
                    <tr class={classes!(r.realisasi.sintetis.then_some("sintetis"))} data-testid={format!("kab-{}", r.kode)}>
                        <td class="n" data-testid={format!("peringkat-{}", r.kode)}>{r.peringkat.map_or("-".to_string(), |p| p.to_string())}</td>
                        <th scope="row">{&r.nama}{ if r.realisasi.sintetis { html!{ <small>{format!(" ({})", t(lang, K::Sintetis))}</small> } } else { html!{} } }</th>
                        {sel_angka(fmt::angka(r.target.nilai), None)}
                        <td><Cell kunci={k} isian={r.realisasi.isian.clone()} dasar={base}
                            label={format!("{} {} {}", t(lang, K::Realisasi), r.nama, tahun)} testid={format!("kab-realisasi-{}", r.kode)} /></td>
                        {sel_angka(fmt::persen(r.capaian), Some(format!("kab-capaian-{}", r.kode)))}
                        <td>{r.predikat.unwrap_or("-")}</td>
                    </tr>
                }
            }) }
            {spacer(rows.len() - window.end)}
            </tbody>
        </table></div>
    }
}

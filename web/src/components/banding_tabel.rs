//! The comparison as a table: rank (with the ranks an IKM's interval
//! allows), target, realisasi (editable for what-if), capaian and predikat
//! of every kecamatan. Only the rows in
//! view are rendered; spacer rows keep the scroll height of them all.

use kinerja_skenario::Jenis;
use yew::prelude::*;

use super::cell::Cell;
use super::kepala::{kepala, sel_angka};
use kinerja_pesan::msg;

use crate::compute::banding::BandingRow;
use crate::edit::Key;
use crate::fmt;
use crate::i18n::{Lang, teks};

/// Height of one table row in pixels (`.kab-gulir tbody tr` in style.css).
pub const BARIS_PX: i32 = 38;

/// Props of [`BandingTabel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// The rows in view.
    pub rows: Vec<BandingRow>,
    /// How many rows of the comparison come before them.
    pub before: usize,
    /// How many come after them.
    pub after: usize,
    /// The indicator compared.
    pub indikator_id: String,
    /// The year compared.
    pub tahun: i32,
    /// Reports scrolling.
    pub onscroll: Callback<Event>,
}

/// A row that stands for `n` rows not rendered.
fn spacer(n: usize) -> Html {
    let px = i32::try_from(n).unwrap_or(i32::MAX / BARIS_PX) * BARIS_PX;
    if n == 0 {
        html! {}
    } else {
        html! { <tr aria-hidden="true" style={format!("height:{px}px")}></tr> }
    }
}

/// The table of the ranked kecamatan, the rows in view rendered.
#[component]
pub fn BandingTabel(p: &Props) -> Html {
    let (lang, ind, tahun) = (p.lang, p.indikator_id.as_str(), p.tahun);
    html! {
        <div class="gulir kab-gulir" data-testid="kab-gulir" onscroll={p.onscroll.clone()}><table>
            {kepala(&[teks(lang, msg::web_peringkat()), teks(lang, msg::web_kecamatan()), teks(lang, msg::web_target()), teks(lang, msg::web_realisasi()),
                teks(lang, msg::web_capaian()), teks(lang, msg::web_predikat())])}
            <tbody>
            {spacer(p.before)}
            { for p.rows.iter().map(|r| {
                let k = Key::Nilai { kode_unit: r.kode.clone(), indikator_id: ind.to_string(), tahun, jenis: Jenis::Realisasi };
                html! {
                    <tr class={classes!(r.realisasi.sintetis.then_some("sintetis"))} data-testid={format!("kab-{}", r.kode)}>
                        <td class="n"><span data-testid={format!("peringkat-{}", r.kode)}>{r.peringkat.map_or("-".to_string(), |p| p.to_string())}</span>
                            { match r.kepastian.1 { Some((a, b)) if a != b => html! { <small data-testid={format!("rentang-{}", r.kode)}>{format!(" ({a}–{b})")}</small> }, _ => html! {} } }</td>
                        <th scope="row">{&r.nama}{ if r.realisasi.sintetis { html!{ <small>{format!(" ({})", teks(lang, msg::web_sintetis()))}</small> } } else { html!{} } }</th>
                        {sel_angka(fmt::angka(r.target.nilai), None)}
                        <td><Cell kunci={k} isian={r.realisasi.isian.clone()} dasar={r.realisasi_dasar}
                            label={format!("{} {} {}", teks(lang, msg::web_realisasi()), r.nama, tahun)} testid={format!("kab-realisasi-{}", r.kode)} /></td>
                        {sel_angka(fmt::persen(r.capaian), Some(format!("kab-capaian-{}", r.kode)))}
                        <td>{r.predikat.unwrap_or("-")}</td>
                    </tr>
                }
            }) }
            {spacer(p.after)}
            </tbody>
        </table></div>
    }
}

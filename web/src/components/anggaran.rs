//! Budget and performance: penyerapan per program (realisasi editable) and
//! efisiensi per sasaran.

use yew::prelude::*;

use super::cell::Cell;
use super::kepala::{kepala, sel_angka};
use super::use_app;
use kinerja_pesan::msg;

use crate::compute::Data;
use crate::compute::anggaran::anggaran;
use crate::edit::Key;
use crate::fmt;
use crate::i18n::teks;

/// The budget view.
#[component]
pub fn Anggaran() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(snap), Some(unit)) = (app.snapshot.clone(), app.unit.clone()) else { return html! {} };
    let Some((tahun, programs, ef)) = anggaran(&Data { snap: &snap, edits: &app.edits }, &unit) else {
        return html! { <p>{teks(lang, msg::web_tanpa_anggaran())}</p> };
    };
    html! {
        <section data-testid="anggaran">
            <h2>{format!("{} {tahun}", teks(lang, msg::web_anggaran()))}</h2>
            <div class="gulir"><table>
                {kepala(&[teks(lang, msg::web_program()), "Anggaran (Rp)", "Realisasi (Rp)", teks(lang, msg::web_penyerapan())])}
                <tbody>
                { for programs.iter().map(|p| html! {
                    <tr class={classes!(p.sintetis.then_some("sintetis"))}>
                        <th scope="row">{format!("{} {}", p.kode, p.nama)}</th>
                        {sel_angka(fmt::rupiah(p.anggaran), None)}
                        <td><Cell kunci={Key::Anggaran { kode_unit: unit.clone(), tahun, kode_program: p.kode.clone() }}
                            isian={p.isian.clone()} dasar={Some(p.dasar)} label={format!("Realisasi {}", p.nama)} testid={format!("anggaran-{}", p.kode)} /></td>
                        {sel_angka(fmt::persen(p.penyerapan), Some(format!("penyerapan-{}", p.kode)))}
                    </tr>
                }) }
                </tbody>
            </table></div>
            <h3>{teks(lang, msg::web_efisiensi())}</h3>
            <div class="gulir"><table>
                {kepala(&[teks(lang, msg::web_sasaran()), teks(lang, msg::web_capaian()), teks(lang, msg::web_penyerapan()), teks(lang, msg::web_efisiensi())])}
                <tbody>
                { for ef.iter().enumerate().map(|(i, e)| html! {
                    <tr>
                        <th scope="row">{&e.sasaran}</th>
                        {sel_angka(fmt::persen(e.capaian), None)}
                        {sel_angka(fmt::persen(e.penyerapan), None)}
                        {sel_angka(fmt::angka(e.efisiensi), Some(format!("efisiensi-{i}")))}
                    </tr>
                }) }
                </tbody>
            </table></div>
            <p class="catatan">{"Efisiensi = % capaian − % penyerapan."}</p>
        </section>
    }
}

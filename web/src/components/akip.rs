//! AKIP simulator: komponen scores → total and predikat, goal seek to the next predikat.

use yew::prelude::*;

use super::cell::Cell;
use super::kepala::{kepala, sel_angka};
use super::pemenuhan::Pemenuhan;
use super::use_app;
use kinerja_pesan::msg;

use crate::compute::Data;
use crate::compute::akip::sim_akip;
use crate::edit::Key;
use crate::fmt;
use crate::i18n::teks;

/// The AKIP simulator view.
#[component]
pub fn Akip() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(snap), Some(unit)) = (app.snapshot.clone(), app.unit.clone()) else { return html! {} };
    let Some(s) = sim_akip(&Data { snap: &snap, edits: &app.edits }, &unit) else {
        return html! { <p>{teks(lang, msg::web_tanpa_akip())}</p> };
    };
    html! {
        <section data-testid="akip">
            <h2>{format!("{} {}", teks(lang, msg::web_akip()), s.tahun)}{ if s.sintetis { html!{ <span class="sintetis">{format!(" ({})", teks(lang, msg::web_sintetis()))}</span> } } else { html!{} } }</h2>
            <p class="ringkas">{"Nilai AKIP "}<strong data-testid="akip-total">{fmt::angka(s.total)}</strong>{" · "}
                <strong data-testid="akip-predikat">{s.predikat.map_or("-".to_string(), |p| format!("{} ({})", p.code, p.label))}</strong></p>
            <div class="gulir"><table>
                {kepala(&[teks(lang, msg::web_komponen()), teks(lang, msg::web_bobot()), teks(lang, msg::web_nilai()),
                    &format!("{}{}", teks(lang, msg::web_perlu_predikat_berikut()), s.berikut.map(|b| format!(" ({})", b.code)).unwrap_or_default())])}
                <tbody>
                { for s.komponen.iter().map(|k| html! {
                    <tr>
                        <th scope="row">{k.nama}</th>
                        {sel_angka(k.bobot.to_string(), None)}
                        <td><Cell kunci={Key::Akip { kode_unit: unit.clone(), tahun: s.tahun, komponen_id: k.id.to_string() }}
                            isian={k.isian.clone()} dasar={Some(k.dasar)} label={format!("{} {}", teks(lang, msg::web_nilai()), k.nama)} testid={format!("akip-{}", k.id)} />
                            <Pemenuhan kunci={Key::Akip { kode_unit: unit.clone(), tahun: s.tahun, komponen_id: k.id.to_string() }} komponen_id={k.id} /></td>
                        <td data-testid={format!("akip-perlu-{}", k.id)}>{ match &k.perlu_berikut {
                            None => "-".to_string(),
                            Some(Ok(v)) => format!("≥ {}", fmt::ratio(*v, 2)),
                            Some(Err(_)) => teks(lang, msg::web_tidak_tercapai()).to_string(),
                        } }</td>
                    </tr>
                }) }
                </tbody>
            </table></div>
        </section>
    }
}

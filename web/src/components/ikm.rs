//! IKM simulator: the 9 unsur with the unit's NRR as baseline.

use yew::prelude::*;

use super::cell::Cell;
use super::kepala::kepala;
use super::use_app;
use crate::compute::{Data, sim_ikm};
use crate::fmt;
use crate::i18n::{K, t};
use crate::state::Key;

/// The IKM simulator view.
#[component]
pub fn Ikm() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(snap), Some(unit)) = (app.snapshot.clone(), app.unit.clone()) else { return html! {} };
    let Some(s) = sim_ikm(&Data { snap: &snap, edits: &app.edits }, &unit) else {
        return html! { <p data-testid="ikm-kosong">{t(lang, K::TanpaSkm)}</p> };
    };
    let bobot = s.bobot.label(s.skema);
    html! {
        <section data-testid="ikm">
            <h2>{format!("{} {}", t(lang, K::Ikm), s.tahun)}{ if s.sintetis { html!{ <span class="sintetis">{format!(" ({})", t(lang, K::Sintetis))}</span> } } else { html!{} } }</h2>
            <p class="ringkas">
                <span>{"IKM "}<strong data-testid="ikm-nilai">{fmt::angka(s.ikm)}</strong></span>
                <span>{format!(" · {} ", t(lang, K::Mutu))}<strong data-testid="ikm-mutu">{s.mutu.map_or("-".to_string(), |m| format!("{} ({})", m.code, m.label))}</strong></span>
                <span>{format!(" · {} {bobot} · {} {}", t(lang, K::Bobot), t(lang, K::Responden), s.responden.map_or("-".into(), |r| r.to_string()))}</span>
                <span>{format!(" · dasar {}", fmt::angka(s.ikm_dasar))}</span>
            </p>
            <div class="gulir"><table>
                {kepala(&[t(lang, K::Unsur), t(lang, K::Nrr), t(lang, K::Mutu),
                    &format!("{} B", t(lang, K::PerluMutu)), &format!("{} A", t(lang, K::PerluMutu))])}
                <tbody>
                { for s.unsur.iter().map(|u| {
                    let k = Key::Nrr { kode_unit: unit.clone(), tahun: s.tahun, unsur_id: u.id.to_string() };
                    let perlu = |i: usize| {
                        let (_, r) = &u.perlu[i];
                        let resp = u.responden_perlu[i].1;
                        match r {
                            Ok(v) => format!("{}{}", fmt::ratio(*v, 2), resp.map_or(String::new(), |k| format!(" (+{k} {})", t(lang, K::TambahResponden)))),
                            Err(_) => t(lang, K::TidakTercapai).to_string(),
                        }
                    };
                    html! {
                        <tr>
                            <th scope="row">{u.nama}</th>
                            <td><Cell kunci={k} isian={u.isian.clone()} dasar={u.dasar.round_dp(2).ok()} label={format!("NRR {}", u.nama)} testid={format!("nrr-{}", u.id)} /></td>
                            <td data-testid={format!("mutu-{}", u.id)}>{u.mutu.unwrap_or("-")}</td>
                            <td data-testid={format!("perlu-b-{}", u.id)}>{perlu(0)}</td>
                            <td>{perlu(1)}</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table></div>
        </section>
    }
}

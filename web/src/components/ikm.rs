//! IKM simulator: the 9 unsur with the unit's NRR as baseline.

use yew::prelude::*;

use super::cell::Cell;
use super::kepala::kepala;
use super::use_app;
use kinerja_pesan::msg;

use crate::compute::Data;
use crate::compute::ikm::{SimIkm, sim_ikm};
use crate::edit::Key;
use crate::fmt;
use crate::i18n::{Lang, teks};
use kinerja_core::Decimal;
use kinerja_core::selang::Metode;

/// The IKM simulator view.
#[component]
pub fn Ikm() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(snap), Some(unit)) = (app.snapshot.clone(), app.unit.clone()) else { return html! {} };
    let Some(s) = sim_ikm(&Data { snap: &snap, edits: &app.edits }, &unit) else {
        return html! { <p data-testid="ikm-kosong">{teks(lang, msg::web_tanpa_skm())}</p> };
    };
    let bobot = s.bobot.label(s.skema);
    html! {
        <section data-testid="ikm">
            <h2>{format!("{} {}", teks(lang, msg::web_ikm()), s.tahun)}{ if s.sintetis { html!{ <span class="sintetis">{format!(" ({})", teks(lang, msg::web_sintetis()))}</span> } } else { html!{} } }</h2>
            <p class="ringkas">
                <span>{"IKM "}<strong data-testid="ikm-nilai">{fmt::angka(s.ikm)}</strong></span>
                <span>{format!(" · {} ", teks(lang, msg::web_mutu()))}<strong data-testid="ikm-mutu">{s.mutu.map_or("-".to_string(), |m| format!("{} ({})", m.code, m.label))}</strong></span>
                <span>{format!(" · {} {bobot} · {} {}", teks(lang, msg::web_bobot()), teks(lang, msg::web_responden()), s.responden.map_or("-".into(), |r| r.to_string()))}</span>
                <span>{format!(" · dasar {}", fmt::angka(s.ikm_dasar))}</span>
            </p>
            {kepastian(lang, &s)}
            <div class="gulir"><table>
                {kepala(&[teks(lang, msg::web_unsur()), teks(lang, msg::web_nrr()), teks(lang, msg::web_mutu()),
                    &format!("{} B", teks(lang, msg::web_perlu_mutu())), &format!("{} A", teks(lang, msg::web_perlu_mutu()))])}
                <tbody>
                { for s.unsur.iter().map(|u| {
                    let k = Key::Nrr { kode_unit: unit.clone(), tahun: s.tahun, unsur_id: u.id.to_string() };
                    let perlu = |i: usize| {
                        let (_, r) = &u.perlu[i];
                        let resp = u.responden_perlu[i].1;
                        match r {
                            Ok(v) => format!("{}{}", fmt::ratio(*v, 2), resp.map_or(String::new(), |k| format!(" (+{k} {})", teks(lang, msg::web_tambah_responden())))),
                            Err(_) => teks(lang, msg::web_tidak_tercapai()).to_string(),
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

/// How sure the IKM is: its 95 % interval, the respondents ± 1 point
/// needs, and whether the target lies outside the interval.
fn kepastian(lang: Lang, s: &SimIkm) -> Html {
    let mut parts = Vec::new();
    if let Some(sel) = s.selang {
        let metode = if sel.metode == Metode::Konservatif { msg::web_konservatif() } else { msg::web_analitik() };
        parts.push(msg::web_ikm_selang(fmt::angka(Some(sel.bawah)), fmt::angka(Some(sel.atas)), teks(lang, metode)));
        if let Some(t) = s.target {
            let shown = fmt::angka(Some(t));
            parts.push(if sel.memuat(t) {
                msg::web_target_tak_terbedakan(shown)
            } else {
                msg::web_target_terbedakan(shown)
            });
        }
    }
    if let Some(n) = s.untuk_satu_poin {
        parts.push(msg::web_satu_poin(kinerja_core::notation::format_number(Decimal::from(n), 0).unwrap_or_default()));
    }
    let text: Vec<String> = parts.iter().map(|p| p.render(lang)).collect();
    html! { <p class="catatan" data-testid="ikm-selang">{text.join(" · ")}</p> }
}

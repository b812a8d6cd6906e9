//! The Renstra planner: indicators × Renstra years; future targets and
//! hypothetical realisasi are editable, with capaian, predikat, goal seek
//! and warnings recomputed by the core at every keystroke.

use kinerja_core::plan::{Arah, Peringatan};
use kinerja_skenario::Jenis;
use yew::prelude::*;

use super::cell::Cell;
use super::kepala::{kepala, sel_angka};
use super::use_app;
use kinerja_pesan::msg;

use crate::compute::planner::planner;
use crate::compute::{Data, Figure};
use crate::edit::Key;
use crate::fmt;
use crate::i18n::{Lang, teks};

fn arah(a: Arah) -> &'static str {
    match a {
        Arah::PalingSedikit => "≥ ",
        Arah::PalingBanyak => "≤ ",
        Arah::Selalu => "",
    }
}

fn warn(lang: Lang, p: &Peringatan) -> String {
    match p {
        Peringatan::TargetDiBawahRealisasi { tahun, target, realisasi_terakhir } => format!(
            "{tahun}: {} ({} / {})",
            teks(lang, msg::web_target_di_bawah()),
            fmt::angka(Some(*target)),
            fmt::angka(Some(*realisasi_terakhir))
        ),
        Peringatan::LangkahTerlaluBesar { tahun, langkah, terbesar } => {
            format!(
                "{tahun}: {} ({} > {})",
                teks(lang, msg::web_langkah_besar()),
                fmt::angka(Some(*langkah)),
                fmt::angka(Some(*terbesar))
            )
        }
        Peringatan::TidakMencapaiRenstra { tahun_akhir, rencana, target_renstra } => format!(
            "{tahun_akhir}: {} ({} / {})",
            teks(lang, msg::web_tidak_mencapai()),
            fmt::angka(Some(*rencana)),
            fmt::angka(Some(*target_renstra))
        ),
    }
}

fn shown(a: &Figure) -> Html {
    let mark = if a.sintetis { " *" } else { "" };
    html! { <span class={classes!(a.sintetis.then_some("sintetis"))}>{format!("{}{mark}", fmt::angka(a.nilai))}</span> }
}

/// The planner view.
#[component]
pub fn Planner() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(snap), Some(unit)) = (app.snapshot.clone(), app.unit.clone()) else { return html! {} };
    let data = Data { snap: &snap, edits: &app.edits };
    let rows = planner(&data, &unit);
    if rows.is_empty() {
        return html! { <p>{teks(lang, msg::web_tanpa_renstra())}</p> };
    }
    html! {
        <section data-testid="planner">
            { for rows.iter().map(|r| {
                let ind = r.indikator.id.clone();
                html! {
                    <div class="indikator">
                        <h2>{format!("{} ({})", r.indikator.nama, r.indikator.satuan)}</h2>
                        <div class="gulir"><table>
                            {kepala(&[teks(lang, msg::web_tahun()), teks(lang, msg::web_target()), teks(lang, msg::web_realisasi()), teks(lang, msg::web_capaian()),
                                teks(lang, msg::web_predikat()), teks(lang, msg::web_perlu100()), teks(lang, msg::web_perlu_predikat())])}
                            <tbody>
                            { for r.tahun.iter().map(|s| {
                                let y = s.tahun;
                                let key = |jenis| Key::Nilai { kode_unit: unit.clone(), indikator_id: ind.clone(), tahun: y, jenis };
                                let target = if s.masa_depan {
                                    html! { <Cell kunci={key(Jenis::Target)} isian={s.target.isian.clone()}
                                        dasar={data.target_dasar(&unit, &ind, y).map(|b| b.0)}
                                        label={format!("{} {} {y}", teks(lang, msg::web_target()), r.indikator.nama)} testid={format!("target-{ind}-{y}")} /> }
                                } else { shown(&s.target) };
                                let realisasi = if s.masa_depan {
                                    html! { <Cell kunci={key(Jenis::Realisasi)} isian={s.realisasi.isian.clone()} dasar={None::<kinerja_core::Decimal>}
                                        label={format!("{} {} {y}", teks(lang, msg::web_realisasi()), r.indikator.nama)} testid={format!("realisasi-{ind}-{y}")} /> }
                                } else { shown(&s.realisasi) };
                                html! {
                                    <tr class={classes!(s.masa_depan.then_some("depan"))}>
                                        <th scope="row">{y}</th>
                                        <td>{target}</td>
                                        <td>{realisasi}{ s.kategori.map(|k| html!{ <small class="kategori">{format!(" {k}")}</small> }).unwrap_or_default() }</td>
                                        {sel_angka(fmt::persen(s.capaian), Some(format!("capaian-{ind}-{y}")))}
                                        <td data-testid={format!("predikat-{ind}-{y}")}>{s.predikat.unwrap_or("-")}</td>
                                        <td class="n" data-testid={format!("perlu100-{ind}-{y}")}>
                                            { s.perlu_100.map(|g| format!("{}{}", arah(g.arah), fmt::angka(Some(g.realisasi)))).unwrap_or_else(|| "-".into()) }
                                        </td>
                                        <td><ul class="perlu">
                                            { for s.perlu_predikat.iter().map(|(label, g)| html! {
                                                <li data-testid={format!("perlu-{ind}-{y}-{label}")}>{format!("{label}: {}{}", arah(g.arah), fmt::angka(Some(g.realisasi)))}</li>
                                            }) }
                                        </ul></td>
                                    </tr>
                                }
                            }) }
                            </tbody>
                        </table></div>
                        if !r.peringatan.is_empty() {
                            <div class="peringatan" role="status" data-testid={format!("peringatan-{ind}")}>
                                <strong>{teks(lang, msg::web_peringatan())}{": "}</strong>
                                <ul>{ for r.peringatan.iter().map(|p| html! { <li>{warn(lang, p)}</li> }) }</ul>
                            </div>
                        }
                    </div>
                }
            }) }
            <p class="catatan">{"* "}{teks(lang, msg::web_sintetis())}</p>
        </section>
    }
}

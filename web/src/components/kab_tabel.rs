//! The kabupaten comparison as a table: rank, target, realisasi (editable
//! for what-if), capaian and predikat of every kecamatan.

use kinerja_skenario::Jenis;
use yew::prelude::*;

use super::Ctx;
use super::cell::Cell;
use crate::compute::KabupatenRow;
use crate::fmt;
use crate::i18n::{K, t};
use crate::state::Key;

/// The table of the ranked kecamatan for indicator `ind` in `tahun`.
pub fn tabel(app: &Ctx, rows: &[KabupatenRow], ind: &str, tahun: i32) -> Html {
    let lang = app.lang;
    let Some(snap) = app.snapshot.clone() else { return html! {} };
    html! {
        <div class="gulir"><table>
            <thead><tr><th>{t(lang, K::Peringkat)}</th><th>{t(lang, K::Kecamatan)}</th><th>{t(lang, K::Target)}</th>
                <th>{t(lang, K::Realisasi)}</th><th>{t(lang, K::Capaian)}</th><th>{t(lang, K::Predikat)}</th></tr></thead>
            <tbody>
            { for rows.iter().map(|r| {
                let k = Key::Nilai { kode_unit: r.kode.clone(), indikator_id: ind.to_string(), tahun, jenis: Jenis::Realisasi };
                let base = snap.data.realisasi.iter().find(|x| x.kode_unit == r.kode && x.indikator_id == ind && x.tahun == tahun).map(|x| x.nilai);
                html! {
                    <tr class={classes!(r.realisasi.sintetis.then_some("sintetis"))} data-testid={format!("kab-{}", r.kode)}>
                        <td class="n" data-testid={format!("peringkat-{}", r.kode)}>{r.peringkat.map_or("-".to_string(), |p| p.to_string())}</td>
                        <th scope="row">{&r.nama}{ if r.realisasi.sintetis { html!{ <small>{format!(" ({})", t(lang, K::Sintetis))}</small> } } else { html!{} } }</th>
                        <td class="n">{fmt::angka(r.target.nilai)}</td>
                        <td><Cell kunci={k} isian={r.realisasi.isian.clone()} dasar={base}
                            label={format!("{} {} {}", t(lang, K::Realisasi), r.nama, tahun)} testid={format!("kab-realisasi-{}", r.kode)} /></td>
                        <td class="n" data-testid={format!("kab-capaian-{}", r.kode)}>{fmt::persen(r.capaian)}</td>
                        <td>{r.predikat.unwrap_or("-")}</td>
                    </tr>
                }
            }) }
            </tbody>
        </table></div>
    }
}

//! The comparison as an SVG bar chart; synthetic bars hatched, edited bars
//! coloured, an IKM's 95 % interval as a line across its bar's end; value
//! labels dark with a white halo, legible on every bar.

use kinerja_core::Decimal;
use yew::prelude::*;

use kinerja_pesan::msg;

use crate::compute::banding::BandingRow;
use crate::fmt;
use crate::i18n::{Lang, teks};

/// The bar chart of the ranked kecamatan, titled `judul` for screen readers.
pub fn grafik(lang: Lang, rows: &[BandingRow], judul: &str) -> Html {
    let max = rows.iter().filter_map(|r| r.realisasi.nilai).max().unwrap_or(Decimal::ONE).max(Decimal::ONE);
    let bar_h = 22;
    let height = rows.len() * bar_h + 10;
    // Bar length in tenths of a unit of the 600-wide chart, computed exactly.
    let width = |v: Decimal| -> String { (v / max * Decimal::from(600)).round_dp(1).max(Decimal::ZERO).to_string() };
    html! {
        <svg class="grafik" viewBox={format!("0 0 900 {height}")} role="img" aria-label={judul.to_string()}>
            <defs><pattern id="arsir" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#f3c97a"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b8860b" stroke-width="3"/></pattern></defs>
            { for rows.iter().enumerate().map(|(i, r)| {
                let y = i * bar_h + 5;
                let label = format!("{}{}", r.nama, if r.realisasi.sintetis { format!(" ({})", teks(lang, msg::web_sintetis())) } else { String::new() });
                html! {
                    <g data-testid={format!("bar-{}", r.kode)}>
                        <text x="0" y={(y + 15).to_string()} font-size="12">{label}</text>
                        { match r.realisasi.nilai {
                            Some(v) => html! { <>
                                <rect x="250" y={y.to_string()} height="18" width={width(v)}
                                    fill={if r.realisasi.sintetis { "url(#arsir)" } else if r.realisasi.isian.is_some() { "#6a4c93" } else { "#2f6690" }} />
                                { match r.kepastian.0 { Some(s) => html! {
                                    <path transform="translate(250)" d={format!("M{} {}H{}", width(s.bawah), y + 9, width(s.atas))}
                                        stroke="#000" stroke-width="2" data-testid={format!("selang-{}", r.kode)} /> }, None => html! {} } }
                                <text x="255" y={(y + 14).to_string()} font-size="11" fill="#000" stroke="#fff" stroke-width="3" paint-order="stroke">{fmt::angka(Some(v))}</text>
                            </> },
                            None => html! { <text x="250" y={(y + 15).to_string()} font-size="12" fill="#666">{teks(lang, msg::web_tidak_ada_data())}</text> },
                        } }
                    </g>
                }
            }) }
        </svg>
    }
}

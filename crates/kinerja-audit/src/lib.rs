//! # kinerja-audit
//!
//! The audit of a Laporan Kinerja's printed figures: every figure the
//! report relates to others is recomputed from its printed inputs, with
//! interval arithmetic over their printed precision and exact bounds, and
//! reported only when no values consistent with the printing produce it.
//!
//! The transcription ([`Transkripsi`], `docs/audit-format.md`) holds what
//! is printed and the relations the report asserts; [`periksa`] checks
//! them. The crate is pure — it reads no file and knows no database; the
//! command line reads the files ([`baca`] takes their text or sheets) and
//! the store builds transcriptions of what it holds — so the planner can
//! run it in the browser (it builds for `wasm32-unknown-unknown`).
//!
//! ## Decisions
//!
//! * **No false alarms.** A printed `66,7` stands for the closed interval
//!   `[66,65; 66,75]` (one point wider than what rounds to it), each
//!   relation is evaluated so every input appears once, and a result is
//!   flagged only when none of its possible printings is the printed one.
//! * **Granularity.** Where the number of answers behind a mean is printed
//!   (respondents), the mean is narrowed to the `k / n` that round to it;
//!   a mean no `k / n` rounds to is itself a finding (the GRIM test).
//! * **Stated, not guessed.** Relations come from the transcription; the
//!   likely causes of a finding are tried only among a few recognisable
//!   slips (a digit typed twice, another year's figures, a row left out of
//!   a total, a label of another scale, …).
//! * **Words are messages.** Findings, causes and problems are keyed
//!   messages ([`kinerja_pesan::Pesan`]), rendered in the reviewer's
//!   language by [`tulis`].
//!
//! ## Map, in reading order (each module uses only those above it)
//!
//! | module | what |
//! |---|---|
//! | [`model`] | the transcription format (serde) |
//! | [`hasil`] | findings, causes, remarks, problems: the vocabulary |
//! | [`angka`] | a printed figure and its precision |
//! | [`rentang`] | interval arithmetic, the GRIM test |
//! | `indeks` | figures by reference, what a check works with |
//! | `sebab` | likely causes |
//! | `cek` | the check of each kind of relation |
//! | [`periksa()`] | the entry point |
//! | [`fakta`] | the facts a transcription names for loading |
//! | [`baca`] | reading the JSON and spreadsheet forms |
//! | [`tulis`] | the findings as text, document and JSON |

pub mod angka;
pub mod baca;
mod cek;
pub mod fakta;
pub mod hasil;
mod indeks;
pub mod model;
mod periksa;
pub mod rentang;
mod sebab;
pub mod tulis;

pub use hasil::{Hasil, Info, Masalah, Sebab, Severity, Temuan};
pub use model::{
    Baris, Bentuk, Dokumen, FORMAT, Fakta, Kalimat, Kata, KolomMuat, Muat, Relasi, Skala, Tabel, Transkripsi, VERSI,
};
pub use periksa::periksa;

#[cfg(test)]
mod tests;

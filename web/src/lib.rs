//! # kinerja-web
//!
//! The browser what-if planner. Every number, label and rank it shows is
//! computed by a function of `kinerja-core` compiled to wasm32 (capaian and
//! its predikat and kategori, ranking by polarity, NRR and IKM, AKIP and the
//! next predikat, efisiensi per sasaran, goal seek); this crate only finds
//! the rows of the snapshot, applies the user's edits, holds state, lays
//! out views and talks to the browser.
//!
//! Pure modules, tested natively:
//!
//! * [`edit`] — the what-if edit model: which cell an edit changes, what
//!   was typed, every edit of the moment, and edits to and from a saved
//!   scenario.
//! * [`state`] — the whole state as a `Reducible` with an `Action` enum,
//!   with the comparison's search and order (its tests in `state/tests.rs`).
//! * [`compute`] — view models from the snapshot and the edits, one module
//!   per view named as its component (`planner`, `ikm`, `akip`, `banding`,
//!   `anggaran`, `skenario_banding`) around [`compute::Data`], each with its
//!   tests.
//! * [`snapshot`] — reads the JSON snapshot and checks the row order the
//!   lookups rely on.
//! * [`storage`] — what to do with the saved scenarios found in the browser:
//!   read leniently, back up the original before any write, never overwrite
//!   one that could not be backed up.
//! * [`i18n`] — Bahasa Indonesia and English: interface words and every
//!   message to the user ([`i18n::Notice`]).
//! * [`fmt`] — numbers written the Indonesian way.
//!
//! Effects live in two places:
//!
//! * [`browser`] — every call into the browser for IO: fetching the
//!   snapshot, local storage, the clock, file downloads, imported files, the
//!   console.
//! * [`components`] — one Yew component per file: they read the state from
//!   context, render, and dispatch actions; they reach the browser only
//!   through [`browser`] (besides reading their own inputs from DOM events).
//!
//! Imports go one way: `edit`, `i18n`, `fmt`, `snapshot` and `storage`
//! import no module of this crate; `state` imports `edit` and `i18n`;
//! `compute` imports `edit` (and `state` for the comparison's order);
//! `browser` imports `storage` and `i18n`; components import any of these
//! and each other, never back (the scenario view's parts do not import the
//! view). The native tests share their data through `fixture` (test
//! builds only).

pub mod browser;
pub mod components;
pub mod compute;
pub mod edit;
pub mod fmt;
pub mod i18n;
pub mod snapshot;
pub mod state;
pub mod storage;

#[cfg(test)]
mod fixture;

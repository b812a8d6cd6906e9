//! # kinerja-web
//!
//! The browser what-if planner. Every number, label and rank it shows is
//! computed by a function of `kinerja-core` compiled to wasm32 (capaian and
//! its predikat and kategori, ranking by polarity, NRR and IKM, AKIP and the
//! next predikat, efisiensi per sasaran, goal seek); this crate only finds
//! the rows of the snapshot, applies the user's edits, holds state, lays
//! out views and talks to the browser.
//!
//! * [`state`] — the whole state as a `Reducible` with an `Action` enum,
//!   tested natively.
//! * [`compute`] — view models (planner rows, simulators, comparison,
//!   budget) from the snapshot and the edits, tested natively.
//! * [`components`] — one Yew component per file; side effects (fetch,
//!   storage, clock, files) live here.
//! * [`i18n`] — Bahasa Indonesia and English: interface words and every
//!   message to the user.

pub mod components;
pub mod compute;
pub mod fmt;
pub mod i18n;
pub mod snapshot;
pub mod state;
pub mod storage;

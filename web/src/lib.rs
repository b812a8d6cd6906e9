//! # kinerja-web
//!
//! The browser what-if planner. Every number it shows is computed by
//! `kinerja-core` compiled to wasm32; this crate only holds state, lays out
//! views and talks to the browser.
//!
//! * [`state`] — the whole state as a `Reducible` with an `Action` enum,
//!   tested natively.
//! * [`compute`] — view models (planner rows, simulators, comparison,
//!   budget) from the snapshot and the edits, tested natively.
//! * [`components`] — one Yew component per file; side effects (fetch,
//!   storage, clock, files) live here.
//! * [`i18n`] — Bahasa Indonesia and English.

pub mod components;
pub mod compute;
pub mod fmt;
pub mod i18n;
pub mod snapshot;
pub mod state;
pub mod storage;

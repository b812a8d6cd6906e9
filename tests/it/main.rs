//! Kinerja integration tests, one module per topic; `support` holds the
//! helpers of the modules that run the `kinerja` binary, and the
//! `kinerja-tests` package (tests/lib.rs) those that need no binary.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod architecture;
mod audit;
mod bahasa;
mod calc;
mod cli;
mod compare;
mod corpus;
mod demo;
mod differential;
mod dokumen;
mod export;
mod golden;
mod jawaban;
mod loader;
mod plan;
mod properties;
mod report;
mod riwayat;
mod serve;
mod sql;
mod store;
mod support;
mod template;
mod views;

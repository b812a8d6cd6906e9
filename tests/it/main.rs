//! Kinerja integration tests, one module per topic.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

/// The `kinerja` binary, built by cargo before this test binary.
pub fn kinerja_bin() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_BIN_EXE_kinerja"))
}

mod audit;
mod cli;
mod corpus;
mod differential;
mod golden;
mod loader;
mod properties;
mod store;
mod views;

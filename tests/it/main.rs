//! Kinerja integration tests, one module per topic.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

/// The `kinerja` binary, built by cargo before this test binary.
pub fn kinerja_bin() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_BIN_EXE_kinerja"))
}

/// The binary with the locale set to `lang` (`en` or `id`), whatever the
/// machine's locale is.
pub fn kinerja_in(lang: &str) -> std::process::Command {
    let mut c = std::process::Command::new(kinerja_bin());
    c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("KINERJA_PESAN_KETAT");
    c.env("LANG", if lang == "en" { "en_US.UTF-8" } else { "id_ID.UTF-8" });
    c
}

mod audit;
mod bahasa;
mod cli;
mod corpus;
mod differential;
mod golden;
mod loader;
mod properties;
mod store;
mod views;

//! Kinerja integration tests, one module per topic.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod cli;
mod differential;
mod golden;
mod loader;
mod properties;
mod store;

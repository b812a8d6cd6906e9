//! Kinerja integration tests, one module per topic.

mod golden;
mod loader;
mod properties;

//! Shared helpers for Kinerja's integration tests (`it/`).

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// The seed data directory, `data/`.
pub fn data_dir() -> PathBuf {
    repo_root().join("data")
}

//! Shared helpers for Kinerja's integration tests (`it/`, a test target of
//! `kinerja-cli`, which also gives them the `kinerja` binary).

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// The seed data directory, `data/`.
pub fn data_dir() -> PathBuf {
    repo_root().join("data")
}

/// A store loaded with the seed data.
pub fn seed_store() -> kinerja_store::Store {
    let store = kinerja_store::Store::open_in_memory().expect("in-memory store");
    store.load_dir(&data_dir(), &mut |_, _, _| {}).expect("seed loads");
    store
}

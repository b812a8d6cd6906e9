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

/// The `kinerja` binary built next to the test binary (`scripts/test`
/// builds it before running the tests).
pub fn kinerja_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    // target/<profile>/deps/it-… → target/<profile>/kinerja
    let dir = exe.parent().and_then(|p| p.parent()).map(PathBuf::from).unwrap_or_default();
    dir.join(if cfg!(windows) { "kinerja.exe" } else { "kinerja" })
}

/// A store loaded with the seed data.
pub fn seed_store() -> kinerja_store::Store {
    let store = kinerja_store::Store::open_in_memory().expect("in-memory store");
    store.load_dir(&data_dir(), &mut |_, _, _| {}).expect("seed loads");
    store
}

//! Opening the database: read-write or read-only, waiting while another
//! process holds the file (DuckDB lets one process write a file, and none
//! read it meanwhile).

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use kinerja_pesan::msg;
use kinerja_store::Store;

use crate::pesan::{KonteksExt, tell};

/// How long a command waits for another process (a load, `kinerja serve`
/// building its snapshot) to release the database file.
pub const LOCK_WAIT: Duration = Duration::from_secs(60);

/// Opens with `open`, retrying while the file is locked, up to [`LOCK_WAIT`].
fn waiting(path: &Path, open: impl Fn(&Path) -> kinerja_store::Result<Store>) -> kinerja_store::Result<Store> {
    let started = Instant::now();
    let mut told = false;
    loop {
        match open(path) {
            Err(kinerja_store::Error::Locked { .. }) if started.elapsed() < LOCK_WAIT => {
                if !told {
                    tell!(msg::cli_waiting(path.display(), LOCK_WAIT.as_secs()));
                    told = true;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// Opens (creating, migrating) for writing.
pub fn open_rw(path: &Path) -> Result<Store> {
    waiting(path, Store::open).konteks(|| msg::cli_opening(path.display()))
}

/// Opens an existing database read-only.
pub fn open_ro(path: &Path) -> Result<Store> {
    waiting(path, Store::open_read_only).konteks(|| msg::cli_opening_read_only(path.display()))
}

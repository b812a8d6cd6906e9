//! The snapshot the planner loads, built once per change of the database.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use anyhow::Result;
use kinerja_pesan::msg;
use kinerja_store::Store;

use crate::pesan::KonteksExt;
use sha2::{Digest, Sha256};

use crate::output::now_iso;

/// Size and time of the database file and of its write-ahead log: what
/// changes when anything is written.
type Stamp = [Option<(SystemTime, u64)>; 2];

fn stamp(db: &Path) -> Stamp {
    let meta = |p: &Path| std::fs::metadata(p).ok().and_then(|m| Some((m.modified().ok()?, m.len())));
    let mut wal = db.as_os_str().to_owned();
    wal.push(".wal");
    [meta(db), meta(Path::new(&wal))]
}

/// One built snapshot.
pub struct Built {
    stamp: Stamp,
    /// SHA-256 of the JSON, hex (the `ETag`).
    pub etag: String,
    /// The JSON.
    pub json: Arc<Vec<u8>>,
    /// The JSON, gzipped.
    pub gzip: Arc<Vec<u8>>,
}

/// The snapshot of one region, rebuilt when the database changes.
pub struct Snapshots {
    db: PathBuf,
    kabupaten: String,
    current: Mutex<Option<Arc<Built>>>,
}

impl Snapshots {
    /// Snapshots of region `kabupaten` (a kabupaten, a provinsi, or empty
    /// for the nation) from the database at `db`; nothing is
    /// opened until the first [`Snapshots::get`].
    pub fn new(db: &Path, kabupaten: &str) -> Snapshots {
        Snapshots { db: db.to_path_buf(), kabupaten: kabupaten.to_string(), current: Mutex::new(None) }
    }

    /// The database file.
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// The region served (a kabupaten or provinsi code; empty: the nation).
    pub fn wilayah(&self) -> &str {
        &self.kabupaten
    }

    /// The current snapshot: the one built before while the database is
    /// unchanged, or while a writer holds it (the last committed state it
    /// showed); else built now.
    pub fn get(&self) -> Result<Arc<Built>> {
        let now = stamp(&self.db);
        // A thread that panicked while holding the lock left a snapshot
        // that is still whole (it is replaced only when built).
        let mut current = self.current.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(b) = current.as_ref().filter(|b| b.stamp == now) {
            return Ok(Arc::clone(b));
        }
        match build(&self.db, &self.kabupaten) {
            Ok((etag, json, gzip)) => {
                let b = Arc::new(Built { stamp: now, etag, json: Arc::new(json), gzip: Arc::new(gzip) });
                *current = Some(Arc::clone(&b));
                Ok(b)
            }
            Err(e) => current.as_ref().map(Arc::clone).ok_or(e),
        }
    }
}

/// Opens the database read-only for as long as the snapshot takes.
fn build(db: &Path, kabupaten: &str) -> Result<(String, Vec<u8>, Vec<u8>)> {
    // Not waiting for a writer: meanwhile the last snapshot is served.
    let store = Store::open_read_only(db).konteks(|| msg::cli_opening_read_only(db.display()))?;
    let mut snapshot = store.snapshot(kabupaten, &now_iso())?;
    snapshot.dokumen = true;
    let json = serde_json::to_vec(&snapshot)?;
    drop(store);
    let etag: String = Sha256::digest(&json).iter().take(16).map(|b| format!("{b:02x}")).collect();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&json)?;
    Ok((etag, json, gz.finish()?))
}

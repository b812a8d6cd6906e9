//! The history of writes (`riwayat`): every load, transcription, plan
//! import, synthesis and migration is recorded in the transaction that makes
//! it, with the files it read (path, size, SHA-256) and the rows it read and
//! changed per table. A write that fails records nothing, as it changes
//! nothing.

use std::io::Read;
use std::path::{Path, PathBuf};

use duckdb::{Connection, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::sql::Run;
use crate::{Error, Result, Store};

/// One recorded write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Riwayat {
    /// Number, in order of writing.
    pub id: i32,
    /// When the write began, UTC (`2026-11-29 09:50:12`).
    pub waktu: String,
    /// What wrote: `muat`, `muat transkripsi`, `impor skenario`, `sintetis`,
    /// `sintetis nasional`, `migrasi`.
    pub perintah: String,
    /// The schema version after the write.
    pub versi_schema: i32,
    /// Parameters or notes (the scenario's name, the synthesis seed…).
    pub keterangan: Option<String>,
    /// The files read.
    pub berkas: Vec<BerkasRiwayat>,
    /// Rows read and changed per table.
    pub tabel: Vec<TabelRiwayat>,
}

/// A file a write read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BerkasRiwayat {
    /// The path as given.
    pub berkas: String,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Size in bytes.
    pub ukuran: u64,
}

/// What a write did to one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TabelRiwayat {
    /// The table.
    pub tabel: String,
    /// Rows read from the files.
    pub dibaca: u64,
    /// Rows inserted or replaced.
    pub diubah: u64,
}

/// SHA-256 and size of a file, read in blocks.
fn sha256(path: &Path) -> Result<(String, u64)> {
    let io = |source| Error::Io { action: crate::IoAction::Reading, path: path.to_path_buf(), source };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let (mut h, mut buf, mut size) = (Sha256::new(), vec![0u8; 1 << 16], 0u64);
    loop {
        let n = f.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        size += n as u64;
    }
    Ok((h.finalize().iter().map(|b| format!("{b:02x}")).collect(), size))
}

/// Records a write inside its transaction.
pub(crate) fn catat(
    c: &Connection,
    perintah: &str,
    keterangan: Option<&str>,
    berkas: &[PathBuf],
    tabel: &[(&str, u64, u64)],
) -> Result<()> {
    let id: i32 = c.one("riwayat_catat", params![perintah, keterangan], |r| r.get(0))?;
    for b in berkas {
        let (sha, size) = sha256(b)?;
        let size = i64::try_from(size).unwrap_or(i64::MAX);
        c.exec("riwayat_berkas_catat", params![id, b.display().to_string(), sha, size])?;
    }
    for (t, dibaca, diubah) in tabel {
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        c.exec("riwayat_tabel_catat", params![id, t, n(*dibaca), n(*diubah)])?;
    }
    Ok(())
}

impl Store {
    /// Every recorded write, oldest first.
    ///
    /// ```
    /// let store = kinerja_store::Store::open_in_memory()?;
    /// store.load(&kinerja_core::model::Dataset::default(), &mut |_, _, _| {})?;
    /// let h = store.riwayat()?;
    /// assert_eq!((h.len(), h[0].perintah.as_str()), (1, "muat"));
    /// # Ok::<(), kinerja_store::Error>(())
    /// ```
    pub fn riwayat(&self) -> Result<Vec<Riwayat>> {
        let c = &self.conn;
        let mut out: Vec<Riwayat> = c.all("riwayat_daftar", [], |r| {
            Ok(Riwayat {
                id: r.get(0)?,
                waktu: r.get(1)?,
                perintah: r.get(2)?,
                versi_schema: r.get(3)?,
                keterangan: r.get(4)?,
                berkas: vec![],
                tabel: vec![],
            })
        })?;
        let berkas: Vec<(i32, BerkasRiwayat)> = c.all("riwayat_berkas_daftar", [], |r| {
            let ukuran = u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0);
            Ok((r.get(0)?, BerkasRiwayat { berkas: r.get(1)?, sha256: r.get(2)?, ukuran }))
        })?;
        let tabel: Vec<(i32, TabelRiwayat)> = c.all("riwayat_tabel_daftar", [], |r| {
            let n = |v: i64| u64::try_from(v).unwrap_or(0);
            Ok((r.get(0)?, TabelRiwayat { tabel: r.get(1)?, dibaca: n(r.get(2)?), diubah: n(r.get(3)?) }))
        })?;
        for (id, b) in berkas {
            if let Some(w) = out.iter_mut().find(|w| w.id == id) {
                w.berkas.push(b);
            }
        }
        for (id, t) in tabel {
            if let Some(w) = out.iter_mut().find(|w| w.id == id) {
                w.tabel.push(t);
            }
        }
        Ok(out)
    }
}

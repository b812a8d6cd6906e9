//! The ZIP container of an XLSX package (PKWARE APPNOTE 6.3, the subset
//! ECMA-376 Part 2 §8 allows): deflated entries, no ZIP64, no extra
//! fields, every entry dated 1980-01-01 00:00 so that the same document
//! always gives the same bytes.
//!
//! Written here rather than through a general ZIP writer because a batch
//! writes 7,285 packages of a dozen small entries each: one deflate state
//! per thread is reset between entries instead of allocated for each, and
//! nothing reads the clock.

use std::cell::RefCell;

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

use super::{Error, Result};

/// DOS date of 1980-01-01 (day 1, month 1, year 0); the time is 00:00:00.
const DATE: u16 = 0x0021;
/// PKZIP 2.0: deflate.
const VERSION: u16 = 20;
const DEFLATE: u16 = 8;

thread_local! {
    /// Raw deflate (no zlib header) at level 2: about as small as level 6
    /// and faster to write for a batch of small workbooks (the levels
    /// measured are in BENCHMARKS.md, batch reports).
    static DEFLATER: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(2), false));
}

struct Entry {
    name: String,
    crc: u32,
    size: u32,
    packed: u32,
    offset: u32,
}

/// A ZIP archive being written into memory, entry by entry.
#[derive(Default)]
pub(super) struct Package {
    out: Vec<u8>,
    entries: Vec<Entry>,
}

fn u32_of(n: usize) -> Result<u32> {
    u32::try_from(n).map_err(|_| Error::TooLarge)
}

fn deflate(data: &[u8], out: &mut Vec<u8>) -> Result<()> {
    DEFLATER.with_borrow_mut(|z| {
        z.reset();
        out.reserve(data.len() / 4 + 64);
        loop {
            let read = usize::try_from(z.total_in()).map_err(|_| Error::TooLarge)?;
            match z.compress_vec(&data[read..], out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return Ok(()),
                Ok(_) => out.reserve(out.capacity().max(4096)),
                Err(e) => return Err(Error::Deflate(e.to_string())),
            }
        }
    })
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

impl Package {
    /// Adds an entry: `data` deflated under `name`.
    pub(super) fn add(&mut self, name: impl Into<String>, data: &[u8]) -> Result<()> {
        let mut crc = Crc::new();
        crc.update(data);
        let name = name.into();
        let mut e = Entry { name, crc: crc.sum(), size: u32_of(data.len())?, packed: 0, offset: 0 };
        e.offset = u32_of(self.out.len())?;
        self.header(&e, false)?;
        let start = self.out.len();
        deflate(data, &mut self.out)?;
        e.packed = u32_of(self.out.len() - start)?;
        // The sizes sit at bytes 18..26 of the local header.
        let at = usize::try_from(e.offset).map_err(|_| Error::TooLarge)? + 18;
        self.out[at..at + 4].copy_from_slice(&e.packed.to_le_bytes());
        self.entries.push(e);
        Ok(())
    }

    /// A local file header, or with `central` the central directory's
    /// record of the entry.
    fn header(&mut self, e: &Entry, central: bool) -> Result<()> {
        let name = &e.name;
        let out = &mut self.out;
        put32(out, if central { 0x0201_4b50 } else { 0x0403_4b50 });
        if central {
            put16(out, VERSION);
        }
        for v in [VERSION, 0, DEFLATE, 0, DATE] {
            put16(out, v);
        }
        for v in [e.crc, e.packed, e.size] {
            put32(out, v);
        }
        put16(out, u16::try_from(name.len()).map_err(|_| Error::TooLarge)?);
        put16(out, 0);
        if central {
            // Comment length, disk, internal and external attributes, offset.
            for v in [0, 0, 0] {
                put16(out, v);
            }
            put32(out, 0);
            put32(out, e.offset);
        }
        out.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The central directory and its end record; the archive's bytes.
    pub(super) fn finish(mut self) -> Result<Vec<u8>> {
        let start = u32_of(self.out.len())?;
        let entries = std::mem::take(&mut self.entries);
        for e in &entries {
            self.header(e, true)?;
        }
        let size = u32_of(self.out.len())? - start;
        let count = u16::try_from(entries.len()).map_err(|_| Error::TooLarge)?;
        let out = &mut self.out;
        put32(out, 0x0605_4b50);
        for v in [0, 0, count, count] {
            put16(out, v);
        }
        put32(out, size);
        put32(out, start);
        put16(out, 0);
        Ok(self.out)
    }
}

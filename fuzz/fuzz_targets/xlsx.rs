//! An XLSX workbook (bytes written to a file, as users give them): read as
//! one table and as a workbook of tables, never a panic.
#![no_main]

use kinerja_data::{Listing, Sheet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let dir = std::env::temp_dir().join(format!("kinerja-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("book.xlsx");
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let _ = Sheet::from_xlsx(&path, "target.xlsx");
    let _ = kinerja_data::read_workbook(&path, Listing::All);
});

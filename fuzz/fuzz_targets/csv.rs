//! A CSV file as any table of `data/`: read and validated with located
//! problems, never a panic; every problem names its file.
#![no_main]

use kinerja_data::{Sheet, TABLES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &[u8])| {
    let (which, bytes) = input;
    let table = &TABLES[usize::from(which) % TABLES.len()];
    let name = format!("{}.csv", table.name);
    match Sheet::from_csv_bytes(bytes, &name) {
        Ok(sheet) => {
            if let Err(e) = kinerja_data::read_sheets(&[(table.name, sheet)], Vec::new()) {
                assert!(e.problems().iter().all(|p| !p.file.is_empty()), "{e}");
            }
        }
        Err(e) => assert!(e.problems().iter().all(|p| p.file == name), "{e}"),
    }
});

//! The browser's snapshot reader: any text is refused or read, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = kinerja_web::snapshot::parse(text);
});

//! A report transcription for the audit: refused with located problems or
//! read and checked, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(t) = kinerja_audit::baca::json(text, "t.json") {
        let _ = kinerja_audit::periksa(&t);
    }
});

//! A report transcription for the audit: refused with located problems or
//! read and checked by the core, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(t) = kinerja_data::audit::from_json(text, "t.json") {
        let _ = kinerja_core::audit::periksa::periksa(&t);
    }
});

//! Planner scenario files (JSON, CSV) and the browser's stored scenarios:
//! refused with located problems or read; what is read writes back to a
//! file that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(f) = kinerja_skenario::from_json(text) {
        let again = kinerja_skenario::from_json(&kinerja_skenario::to_json(&f)).expect("its own JSON reads");
        assert_eq!(kinerja_skenario::to_json(&again), kinerja_skenario::to_json(&f));
    }
    if let Ok(s) = kinerja_skenario::from_csv(text, "fuzz") {
        let again = kinerja_skenario::from_csv(&kinerja_skenario::to_csv(&s), "fuzz").expect("its own CSV reads");
        assert_eq!(kinerja_skenario::to_csv(&again), kinerja_skenario::to_csv(&s));
    }
    let _ = kinerja_skenario::read_storage(text);
});

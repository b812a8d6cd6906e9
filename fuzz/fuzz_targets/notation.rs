//! Number notation: every reader must refuse or read, never panic; a value
//! read formats back to text that reads as the same value.
#![no_main]

use kinerja_core::Decimal;
use kinerja_core::notation::{
    Notasi, format_number, parse_berlabel, parse_number, parse_number_within, parse_persen, parse_rupiah,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for n in [Notasi::Indonesia, Notasi::Polos, Notasi::Otomatis] {
        if let Ok(v) = parse_number(text, n) {
            let shown = format_number(v, v.scale()).expect("a value read formats");
            assert_eq!(parse_number(&shown, Notasi::Indonesia).ok(), Some(v), "{text:?} → {shown:?}");
        }
        let _ = parse_persen(text, n);
        if let Ok((v, _)) = parse_number_within(text, n, Decimal::ONE, Decimal::from(4)) {
            assert!(parse_number(text, n).is_ok() || (Decimal::ONE..=Decimal::from(4)).contains(&v));
        }
    }
    let _ = parse_rupiah(text);
    let _ = parse_berlabel(text);
});

//! Presentation helpers over the core's Indonesian notation.

use kinerja_core::notation::{format_number, format_ratio};
use kinerja_core::{Decimal, Ratio};

/// `88,65` (two decimals), or `-`.
pub fn angka(d: Option<Decimal>) -> String {
    d.and_then(|d| format_number(d, 2).ok()).unwrap_or_else(|| "-".into())
}

/// `88,65%`, or `-`.
pub fn persen(d: Option<Decimal>) -> String {
    d.and_then(|d| format_number(d, 2).ok()).map_or_else(|| "-".into(), |s| format!("{s}%"))
}

/// An exact value at `dp` decimals.
pub fn ratio(r: Ratio, dp: u32) -> String {
    format_ratio(r, dp).unwrap_or_else(|_| "-".into())
}

/// Rupiah without decimals: `2.960.780.030`.
pub fn rupiah(d: Decimal) -> String {
    format_number(d, 0).unwrap_or_else(|_| d.to_string())
}

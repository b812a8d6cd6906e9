//! The report's figures as JSON: the [`Laporan`] itself, not the
//! document, so that a program reads every value with its full precision
//! and its source, unformatted.
//!
//! Here rather than in the command because serialising is generic code,
//! compiled where it is used: in this crate it is optimised in the dev
//! profile too, which a batch of the nation's reports needs (BENCHMARKS.md,
//! batch reports).

use crate::model::Laporan;

/// The report as pretty-printed JSON, ending with a newline.
///
/// # Errors
/// When a value cannot be serialised (serde_json's error).
pub fn render(l: &Laporan) -> serde_json::Result<String> {
    let mut out = serde_json::to_string_pretty(l)?;
    out.push('\n');
    Ok(out)
}

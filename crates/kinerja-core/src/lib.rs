//! # kinerja-core
//!
//! The calculation core of Kinerja: every number in a Laporan Kinerja
//! (LKjIP) — capaian, predikat, IKM and mutu, AKIP, penyerapan anggaran,
//! efisiensi, goal seek — is defined here once, and only here.
//!
//! ## Decisions
//!
//! * **Pure.** No files, clock, network, randomness or `cfg(target_arch)`:
//!   the same code runs in the DuckDB-backed engine, in the CLI, and compiled
//!   to `wasm32-unknown-unknown` in the browser planner.
//! * **Exact.** Inputs are [`rust_decimal::Decimal`]; every intermediate is
//!   an exact fraction ([`exact::Ratio`]); there is no `f32`/`f64` anywhere.
//!   Values are rounded once, half-up to two decimals, for presentation
//!   ([`exact::Ratio::round2`]); bands are applied to that rounded value
//!   ([`band`]).
//! * **Formulas are data.** Each formula the database also needs is an
//!   expression tree ([`formula::Formula`]); this crate evaluates it and the
//!   store renders it to SQL, so SQL and Rust cannot drift apart.
//! * **Typed failures.** Invalid input returns [`Error`]; nothing panics.
//!   States that are cheap to forbid are unrepresentable (an SKM answer is a
//!   [`skm::Skor`] holding only 1..=4).
//!
//! ## Map
//!
//! | module | what |
//! |---|---|
//! | [`exact`] | exact fractions, the one rounding helper |
//! | [`band`] | regulation scales (predikat, mutu, AKIP) as data |
//! | [`formula`] | formula expression trees and their evaluator (the language; [`catalogue`] lists the formulas) |
//! | [`capaian`] | capaian kinerja and predikat (Permendagri 86/2017) |
//! | [`skm`] | SKM / IKM (PermenPANRB 14/2017, KepMenPAN 25/2004) |
//! | [`akip`] | evaluasi AKIP (PermenPANRB 88/2021) |
//! | [`anggaran`] | penyerapan, sisa, efisiensi |
//! | [`plan`] | comparisons, goal seek, yearly paths |
//! | [`notation`] | strict Indonesian number notation |
//! | [`kode`] | Permendagri 90/2019 program and account codes |
//! | [`model`] | the data model shared by loader, store, snapshot and web |
//! | [`audit`] | rounding-aware review of a report's printed figures |

pub mod akip;
pub mod anggaran;
pub mod audit;
pub mod band;
pub mod capaian;
pub mod exact;
pub mod formula;
pub mod kode;
pub mod model;
pub mod notation;
pub mod plan;
pub mod skm;

pub use exact::Ratio;
pub use rust_decimal::Decimal;

/// Every formula the store exposes as an SQL macro, in a stable order: the
/// formulas of [`capaian`], [`skm`], [`akip`], [`anggaran`] and [`plan`].
///
/// ```
/// let names: Vec<_> = kinerja_core::catalogue().iter().map(|f| f.name).collect();
/// assert!(names.contains(&"kj_capaian") && names.contains(&"kj_predikat_akip"));
/// ```
pub fn catalogue() -> Vec<formula::Formula> {
    let mut all = Vec::new();
    all.extend(capaian::formulas());
    all.extend(skm::formulas());
    all.extend(akip::formulas());
    all.extend(anggaran::formulas());
    all.extend(plan::formulas());
    all
}

/// Errors of the calculation core.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An exact result does not fit in 128 bits.
    #[error("arithmetic overflow in {op}: the exact result does not fit")]
    Overflow {
        /// The operation.
        op: &'static str,
    },
    /// A division by zero that no formula rule covers.
    #[error("division by zero")]
    DivisionByZero,
    /// The formula has no value for these inputs (SQL `NULL`).
    #[error("{what} is undefined: {why}")]
    Undefined {
        /// The formula.
        what: &'static str,
        /// Why.
        why: &'static str,
    },
    /// A value outside the scale it is classified on.
    #[error("{what} must be between {min} and {max}, found {found}")]
    OutOfRange {
        /// What was classified.
        what: &'static str,
        /// The value found.
        found: Decimal,
        /// Lowest valid value.
        min: Decimal,
        /// Highest valid value.
        max: Decimal,
    },
    /// An input that is not what was expected.
    #[error("invalid {what}: expected {expected}, found {found:?}")]
    Invalid {
        /// What was read.
        what: &'static str,
        /// What would have been accepted.
        expected: &'static str,
        /// What was found.
        found: String,
    },
    /// Text that reads as two different numbers.
    #[error("ambiguous number {found:?}: {why}")]
    Ambiguous {
        /// The text.
        found: String,
        /// The two readings.
        why: String,
    },
    /// A formula called with the wrong number of arguments.
    #[error("{formula} takes {expected} arguments, found {found}")]
    Arity {
        /// The formula.
        formula: &'static str,
        /// Expected count.
        expected: usize,
        /// Found count.
        found: usize,
    },
    /// Unsur, bands or weights of two different SKM schemes mixed.
    #[error("SKM scheme mismatch: {0}")]
    SchemeMismatch(String),
    /// A goal that cannot be reached.
    #[error("unreachable goal: {0}")]
    Unreachable(String),
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

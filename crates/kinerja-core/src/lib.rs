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
//! | [`narasi`] | the text sections of the LKjIP and Perjanjian Kinerja (re-exported by [`model`]) |
//! | [`selang`] | how sure an IKM is: its 95 % interval from what reports print |
//! | [`acak`] | the one seeded generator (SplitMix64): the bootstrap, synthetic data |
//! | [`sampel`] | the minimum SKM sample for a population (PermenPANRB 14/2017, Krejcie–Morgan) |

pub mod acak;
pub mod akip;
pub mod anggaran;
pub mod band;
pub mod capaian;
pub mod exact;
pub mod formula;
pub mod kata;
pub mod kode;
pub mod model;
pub mod narasi;
pub mod notation;
pub mod plan;
pub mod sampel;
pub mod selang;
pub mod skm;

pub use exact::Ratio;
use kinerja_pesan::{Arg, Message, Pesan, msg};
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

/// Errors of the calculation core: data, rendered as a keyed message
/// ([`kinerja_pesan::Message`]) at the edge; `Display` is English.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// An exact result does not fit in 128 bits.
    Overflow {
        /// The operation.
        op: &'static str,
    },
    /// A division by zero that no formula rule covers.
    DivisionByZero,
    /// The formula has no value for these inputs (SQL `NULL`).
    Undefined {
        /// The formula.
        what: &'static str,
        /// Why.
        why: Pesan,
    },
    /// A value outside the scale it is classified on.
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
    Invalid {
        /// What was read.
        what: Pesan,
        /// What would have been accepted.
        expected: Pesan,
        /// What was found: the text as given (quoted), or a description.
        found: Arg,
    },
    /// Text that reads as two different numbers.
    Ambiguous {
        /// The text.
        found: String,
        /// The two readings.
        why: Pesan,
    },
    /// A formula called with the wrong number of arguments.
    Arity {
        /// The formula.
        formula: &'static str,
        /// Expected count.
        expected: usize,
        /// Found count.
        found: usize,
    },
    /// Unsur, bands or weights of two different SKM schemes mixed.
    SchemeMismatch(Pesan),
    /// A goal that cannot be reached.
    Unreachable(Pesan),
}

impl Error {
    /// An invalid text: `found` is shown quoted.
    pub fn invalid(what: Pesan, expected: Pesan, found: &str) -> Error {
        Error::Invalid { what, expected, found: Arg::Text(format!("{found:?}")) }
    }
}

/// A text as found, quoted (`"rencana"`).
pub(crate) fn quoted(s: impl std::fmt::Display) -> Arg {
    Arg::Text(format!("{:?}", s.to_string()))
}

/// The operation of an overflow, in words where the catalogue has them.
fn op_words(op: &'static str) -> Arg {
    let p = match op {
        "add" => msg::core_op_add(),
        "multiply" => msg::core_op_multiply(),
        "divide" => msg::core_op_divide(),
        "round" => msg::core_op_round(),
        "negate" => msg::core_op_negate(),
        "reduce" => msg::core_op_reduce(),
        "sum" => msg::core_op_sum(),
        "precision" => msg::core_op_precision(),
        other => return Arg::Text(other.to_string()),
    };
    Arg::from(p)
}

impl Message for Error {
    fn pesan(&self) -> Pesan {
        match self {
            Error::Overflow { op } => msg::core_overflow(op_words(op)),
            Error::DivisionByZero => msg::core_division_by_zero(),
            Error::Undefined { what, why } => msg::core_undefined(*what, why.clone()),
            Error::OutOfRange { what, found, min, max } => {
                msg::core_out_of_range(*what, min.to_string(), max.to_string(), found.to_string())
            }
            Error::Invalid { what, expected, found } => {
                msg::core_invalid(what.clone(), expected.clone(), found.clone())
            }
            Error::Ambiguous { found, why } => msg::core_ambiguous(format!("{found:?}"), why.clone()),
            Error::Arity { formula, expected, found } => msg::core_arity(*formula, *expected, *found),
            Error::SchemeMismatch(why) => msg::core_scheme_mismatch(why.clone()),
            Error::Unreachable(why) => msg::core_unreachable(why.clone()),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pesan().fmt(f)
    }
}

impl std::error::Error for Error {}

/// `items` as a list ending in "or": `A, B, C or D`.
pub fn one_of(items: &[&str]) -> Pesan {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => msg::core_one_of(rest.join(", "), *last),
        Some((last, _)) => msg::core_one_of("", *last),
        None => msg::core_one_of("", ""),
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

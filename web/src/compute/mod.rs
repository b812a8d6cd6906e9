//! View models: what each view shows, computed from the snapshot and the
//! edits by the core. Pure, so tested natively; components only render.
//!
//! Every figure comes from a function of `kinerja-core` (capaian and its
//! predikat and kategori, ranking, NRR and IKM, AKIP, efisiensi, goal
//! seek); this module only finds the right rows and applies the edits.
//! One module per view, named as the view's component in
//! [`crate::components`], each with its tests; [`Data`] and [`Figure`]
//! are what they all read.

pub mod akip;
pub mod anggaran;
pub mod banding;
mod data;
pub mod ikm;
pub mod planner;
pub mod skenario_banding;
pub mod unduh;

pub use data::{Data, Figure};

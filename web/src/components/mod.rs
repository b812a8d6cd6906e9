//! One component per file. Components read the state from context (or take
//! only what they show as props), render the view models of
//! [`crate::compute`], and send [`crate::state::Action`]s; their browser side
//! effects go through [`crate::browser`].

pub mod akip;
pub mod anggaran;
pub mod app;
pub mod banding;
pub mod banding_grafik;
pub mod banding_tabel;
pub mod cell;
pub mod header;
pub mod ikm;
pub mod kepala;
pub mod pemenuhan;
pub mod pesan;
pub mod pilih;
pub mod planner;
pub mod skenario;
pub mod skenario_banding;
pub mod skenario_daftar;
pub mod skenario_impor;
pub mod unit_pilih;

use yew::prelude::*;

use crate::state::State;

/// The state handle shared through context.
pub type Ctx = UseReducerHandle<State>;

/// The state handle; panics only if used outside the app root.
#[hook]
pub fn use_app() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside App")
}

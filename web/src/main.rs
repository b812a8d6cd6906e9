//! Browser entry point.

// Talc: a binned allocator, a few KB smaller than Rust's default one on
// wasm32 (which matters in a 200 KB budget) and fast with many small
// allocations (a first-fit free list slowed a national comparison to
// seconds per keystroke once the snapshot's parse had fragmented the heap).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    yew::Renderer::<kinerja_web::components::app::App>::new().render();
}

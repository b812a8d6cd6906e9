//! Browser entry point.

// Talc: a binned allocator, smaller than Rust's default one on wasm32
// (which matters in the size budget of scripts/web-size) and fast with many small allocations:
// a first-fit free list degrades on the heap the snapshot's parse leaves
// fragmented.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    yew::Renderer::<kinerja_web::components::app::App>::new().render();
}

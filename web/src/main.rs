//! Browser entry point.

// The browser runs this module on one thread; a free-list allocator is
// about 7 KB smaller than the default one, which matters in a 200 KB budget.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
#[allow(unsafe_code)] // SAFETY: wasm32 in the browser is single-threaded.
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    yew::Renderer::<kinerja_web::components::app::App>::new().render();
}

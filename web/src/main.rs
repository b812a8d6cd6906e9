//! Browser entry point.

fn main() {
    yew::Renderer::<kinerja_web::components::app::App>::new().render();
}

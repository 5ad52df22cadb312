//! What the image tests share: the embedded model and its renderer, built once per test binary.
#![allow(dead_code)]

use std::sync::OnceLock;

use kuril_model::Model;
use kuril_render::Renderer;
use kuril_render::glyphs::Glyphs;

/// The embedded model and a renderer of it.
pub fn fixture() -> &'static (Model, Renderer) {
    static F: OnceLock<(Model, Renderer)> = OnceLock::new();
    F.get_or_init(|| {
        let model = Model::embedded().expect("model loads");
        let renderer = Renderer::new(&model).expect("renderer builds");
        (model, renderer)
    })
}

/// The embedded fontstack, read on its own (the renderer keeps its copy private).
pub fn glyphs() -> &'static Glyphs {
    static G: OnceLock<Glyphs> = OnceLock::new();
    G.get_or_init(|| Glyphs::embedded().expect("glyphs"))
}

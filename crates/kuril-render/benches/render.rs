//! Rendering the app's opening view at the social-card size and the largest size, as PNG and as SVG. Run with
//! `cargo bench -p kuril-render`; results in docs/benchmarks.md.

use criterion::{Criterion, criterion_group, criterion_main};
use kuril_render::Renderer;

fn render(c: &mut Criterion) {
    let model = kuril_model::Model::embedded().expect("model loads");
    let renderer = Renderer::new(&model).expect("renderer builds");
    for (w, h) in [(1200, 630), (2048, 2048)] {
        let view = renderer.parse(&format!("width={w}&height={h}")).expect("valid view");
        // The first image at a zoom simplifies the geometry it shows; measure the steady state.
        renderer.png(&view).expect("renders");
        c.bench_function(&format!("png {w}x{h} default view"), |b| {
            b.iter(|| renderer.png(&view).expect("renders"))
        });
        c.bench_function(&format!("svg {w}x{h} default view"), |b| b.iter(|| renderer.svg(&view)));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = render
}
criterion_main!(benches);

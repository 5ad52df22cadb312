//! Tile generation on the real model: a low-zoom tile, a detailed coastal tile, an open-sea tile inside the claim
//! areas, and an empty one. Run with `cargo bench -p kuril-tiles`; results in docs/benchmarks.md.

use criterion::{Criterion, criterion_group, criterion_main};
use kuril_tiles::{TileId, Tiler};

fn tiles(c: &mut Criterion) {
    let model = kuril_model::Model::embedded().expect("model loads");
    let tiler = Tiler::new(&model).expect("layers build");
    let cases = [
        ("z0 world", TileId::new(0, 0, 0)),
        ("z6 disputed area", TileId::new(6, 57, 22)),
        ("z10 Kunashir coast", TileId::new(10, 926, 370)),
        ("z14 Nemuro strait", TileId::new(14, 14819, 5935)),
        ("z12 open sea in window", TileId::new(12, 3730, 1490)),
        ("z10 empty ocean", TileId::new(10, 0, 512)),
    ];
    for (name, id) in cases {
        let id = id.expect("valid tile");
        tiler.warm(id.z);
        c.bench_function(&format!("tile {name} ({id})"), |b| {
            b.iter(|| tiler.tile(id).expect("builds"))
        });
    }
    // The per-zoom preparation (simplification and index) that the first tile of a zoom pays for.
    for z in [0u8, 5, 8, 11, 14] {
        c.bench_function(&format!("prepare zoom {z}"), |b| {
            b.iter_batched(
                || Tiler::new(&model).expect("builds"),
                |tiler| {
                    tiler.warm(z);
                    tiler
                },
                criterion::BatchSize::PerIteration,
            )
        });
    }
    c.bench_function("build layers from the model", |b| {
        b.iter(|| Tiler::new(&model).expect("builds"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = tiles
}
criterion_main!(benches);

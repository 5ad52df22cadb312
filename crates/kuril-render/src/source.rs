//! The tile layers' geometry as the web map receives it: per tile zoom, each feature simplified with the tiler's
//! tolerance (Douglas–Peucker at half a tile unit, rings under a unit across dropped), on first use, and only for
//! the features an image actually shows.

use std::sync::OnceLock;

use geo::{Coord, LineString, Simplify};
use kuril_tiles::layers::{Geom, Layer, SourceFeature};
use kuril_tiles::{EXTENT, MAX_ZOOM};

/// The layers and their simplified geometry per zoom.
pub struct Source {
    layers: Vec<Layer>,
    /// [zoom][layer][feature]
    simplified: Vec<Vec<Vec<OnceLock<Option<Geom>>>>>,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source").field("layers", &self.layers.len()).finish()
    }
}

impl Source {
    pub fn new(layers: Vec<Layer>) -> Source {
        let simplified = (0..=MAX_ZOOM)
            .map(|_| {
                layers
                    .iter()
                    .map(|l| l.features.iter().map(|_| OnceLock::new()).collect())
                    .collect()
            })
            .collect();
        Source { layers, simplified }
    }

    /// The tile zoom whose data MapLibre shows at `zoom`: the integer part, at most the pyramid's top.
    pub fn tile_zoom(zoom: f64) -> u8 {
        zoom.floor().clamp(0.0, f64::from(MAX_ZOOM)) as u8
    }

    /// Features of layer `name` in the tiles of `z` whose bounding boxes meet the world box `min`–`max`, with
    /// their geometry simplified for `z`.
    pub fn features<'a>(
        &'a self,
        name: &str,
        z: u8,
        min: Coord,
        max: Coord,
    ) -> impl Iterator<Item = (&'a SourceFeature, &'a Geom)> + 'a {
        let z = z.min(MAX_ZOOM);
        let found = self.layers.iter().position(|l| l.name == name);
        let tolerance = 0.5 / (f64::from(EXTENT) * f64::from(1u32 << z));
        found.into_iter().flat_map(move |li| {
            let layer = &self.layers[li];
            let cache = &self.simplified[usize::from(z)][li];
            layer.features.iter().zip(cache).filter_map(move |(f, slot)| {
                let visible = z >= f.minzoom
                    && z <= f.maxzoom
                    && f.bounds.max.x >= min.x
                    && f.bounds.min.x <= max.x
                    && f.bounds.max.y >= min.y
                    && f.bounds.min.y <= max.y;
                if !visible {
                    return None;
                }
                slot.get_or_init(|| simplify(&f.geom, tolerance))
                    .as_ref()
                    .map(|g| (f, g))
            })
        })
    }
}

fn simplify_coords(c: &[Coord], tolerance: f64) -> Vec<Coord> {
    LineString::from(c.to_vec()).simplify(tolerance).0
}

fn span(ring: &[Coord]) -> f64 {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for c in ring {
        x0 = x0.min(c.x);
        y0 = y0.min(c.y);
        x1 = x1.max(c.x);
        y1 = y1.max(c.y);
    }
    (x1 - x0).max(y1 - y0)
}

/// The tiler's per-zoom simplification (kuril-tiles `tiler.rs`), for one feature.
fn simplify(g: &Geom, tolerance: f64) -> Option<Geom> {
    let min_extent = tolerance * 2.0;
    match g {
        Geom::Polygons(polys) => {
            let out: Vec<Vec<Vec<Coord>>> = polys
                .iter()
                .filter_map(|rings| {
                    let kept: Vec<Vec<Coord>> = rings
                        .iter()
                        .filter(|r| span(r) >= min_extent)
                        .map(|r| simplify_coords(r, tolerance))
                        .filter(|r| r.len() >= 4)
                        .collect();
                    (rings.first().is_some_and(|e| span(e) >= min_extent) && !kept.is_empty()).then_some(kept)
                })
                .collect();
            (!out.is_empty()).then_some(Geom::Polygons(out))
        }
        Geom::Lines(lines) => {
            let out: Vec<Vec<Coord>> = lines
                .iter()
                .map(|l| simplify_coords(l, tolerance))
                .filter(|l| l.len() >= 2)
                .collect();
            (!out.is_empty()).then_some(Geom::Lines(out))
        }
        Geom::Points(p) => Some(Geom::Points(p.clone())),
    }
}

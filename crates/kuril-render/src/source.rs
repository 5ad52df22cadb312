//! The tile layers' geometry as the web map receives it: per tile zoom, each feature simplified exactly as the
//! tiler does (`kuril_tiles::simplify`), on first use, and only for the features an image actually shows.

use std::sync::OnceLock;

use geo::Coord;
use kuril_tiles::MAX_ZOOM;
use kuril_tiles::layers::{Geom, Layer, SourceFeature};
use kuril_tiles::simplify::{simplify, tolerance};

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
        let tolerance = tolerance(z);
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

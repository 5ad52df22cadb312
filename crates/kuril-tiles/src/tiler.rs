//! Cutting tiles: per zoom, every layer's features are simplified once (Douglas–Peucker at half a tile unit)
//! and indexed by bounding box; a tile takes the features whose boxes meet it, clips them to the tile plus a
//! buffer, and encodes them.

use std::sync::OnceLock;

use geo::Coord;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::clip::{Bounds, clip_line, clip_ring};
use crate::encode::{EXTENT, encode_tile};
use crate::error::TileError;
use crate::layers::{Geom, Layer, SourceFeature, build_layers};
use crate::mercator::{MAX_ZOOM, TileId};
use crate::simplify::{simplify, tolerance};

/// Buffer around each tile, as a fraction of the tile (64 of 4096 units).
pub const BUFFER: f64 = 64.0 / EXTENT as f64;

type Indexed = GeomWithData<Rectangle<[f64; 2]>, usize>;

struct LayerAtZoom {
    tree: RTree<Indexed>,
    geoms: Vec<Geom>,
    features: Vec<usize>,
}

/// Everything needed to cut any tile of the pyramid.
pub struct Tiler {
    layers: Vec<Layer>,
    zooms: Vec<OnceLock<Vec<LayerAtZoom>>>,
}

impl std::fmt::Debug for Tiler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tiler").field("layers", &self.layers.len()).finish()
    }
}

/// A clipped feature in world coordinates, ready to encode.
pub(crate) struct Clipped<'a> {
    pub geom: Geom,
    pub source: &'a SourceFeature,
}

impl Tiler {
    pub fn new(model: &kuril_model::Model) -> Result<Tiler, TileError> {
        Ok(Tiler {
            layers: build_layers(model)?,
            zooms: (0..=MAX_ZOOM).map(|_| OnceLock::new()).collect(),
        })
    }

    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Prepare a zoom level now rather than on its first tile.
    pub fn warm(&self, z: u8) {
        let _ = self.level(z);
    }

    fn level(&self, z: u8) -> &[LayerAtZoom] {
        self.zooms[usize::from(z)].get_or_init(|| {
            let tolerance = tolerance(z);
            self.layers.iter().map(|l| prepare(l, z, tolerance)).collect()
        })
    }

    /// The encoded tile, or `None` when no layer has anything in it.
    pub fn tile(&self, id: TileId) -> Result<Option<Vec<u8>>, TileError> {
        let (min, max) = id.world_bounds(BUFFER);
        let b = Bounds { min, max };
        let env = AABB::from_corners([min.x, min.y], [max.x, max.y]);
        let level = self.level(id.z);
        let mut layers: Vec<(&'static str, Vec<Clipped<'_>>)> = Vec::new();
        for (layer, at) in self.layers.iter().zip(level) {
            let mut clipped = Vec::new();
            for hit in at.tree.locate_in_envelope_intersecting(&env) {
                let i = hit.data;
                if let Some(geom) = clip(&at.geoms[i], &b) {
                    clipped.push(Clipped {
                        geom,
                        source: &layer.features[at.features[i]],
                    });
                }
            }
            if !clipped.is_empty() {
                layers.push((layer.name, clipped));
            }
        }
        if layers.is_empty() {
            return Ok(None);
        }
        encode_tile(id, &layers).map(Some)
    }
}

fn prepare(layer: &Layer, z: u8, tolerance: f64) -> LayerAtZoom {
    let mut geoms = Vec::new();
    let mut features = Vec::new();
    let mut boxes = Vec::new();
    for (i, f) in layer.features.iter().enumerate() {
        if z < f.minzoom || z > f.maxzoom {
            continue;
        }
        let Some(g) = simplify(&f.geom, tolerance) else {
            continue;
        };
        boxes.push(GeomWithData::new(
            Rectangle::from_corners([f.bounds.min.x, f.bounds.min.y], [f.bounds.max.x, f.bounds.max.y]),
            geoms.len(),
        ));
        geoms.push(g);
        features.push(i);
    }
    LayerAtZoom {
        tree: RTree::bulk_load(boxes),
        geoms,
        features,
    }
}

fn clip(g: &Geom, b: &Bounds) -> Option<Geom> {
    match g {
        Geom::Polygons(polys) => {
            let out: Vec<Vec<Vec<Coord>>> = polys
                .iter()
                .filter_map(|rings| {
                    let ext = clip_ring(rings.first()?, b);
                    if ext.is_empty() {
                        return None;
                    }
                    let mut kept = vec![ext];
                    kept.extend(rings[1..].iter().map(|h| clip_ring(h, b)).filter(|h| !h.is_empty()));
                    Some(kept)
                })
                .collect();
            (!out.is_empty()).then_some(Geom::Polygons(out))
        }
        Geom::Lines(lines) => {
            let out: Vec<Vec<Coord>> = lines.iter().flat_map(|l| clip_line(l, b)).collect();
            (!out.is_empty()).then_some(Geom::Lines(out))
        }
        Geom::Points(pts) => {
            let out: Vec<Coord> = pts.iter().copied().filter(|c| b.contains(*c)).collect();
            (!out.is_empty()).then_some(Geom::Points(out))
        }
    }
}

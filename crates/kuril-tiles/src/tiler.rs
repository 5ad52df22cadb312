//! Cutting tiles: per zoom, every layer's features are simplified once (Douglas–Peucker at half a tile unit)
//! and indexed by bounding box; a tile takes the features whose boxes meet it, clips them to the tile plus a
//! buffer, and encodes them.

use std::sync::OnceLock;

use geo::{Coord, LineString, Simplify};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::clip::{Bounds, clip_line, clip_ring};
use crate::encode::{EXTENT, encode_tile};
use crate::error::TileError;
use crate::layers::{Geom, Layer, SourceFeature, build_layers};
use crate::mercator::{MAX_ZOOM, TileId};

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
            let tolerance = 0.5 / (EXTENT as f64 * f64::from(1u32 << z));
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

fn simplify_coords(c: &[Coord], tolerance: f64) -> Vec<Coord> {
    LineString::from(c.to_vec()).simplify(tolerance).0
}

/// Simplify for a zoom; rings smaller than a tile unit across disappear.
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
                    // The exterior must survive for the holes to mean anything.
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

//! Cutting tiles: per zoom, every layer's features are simplified once (Douglas–Peucker at half a tile unit)
//! and indexed by bounding box; a tile takes the features whose boxes meet it, moves them into tile units (4096
//! a tile), clips them to the tile plus a buffer (polygons snapped to the unit grid as valid polygons) and encodes
//! them.
//!
//! Large features (a shoreline of 18,000 vertices) are not handed whole to the clip of every tile they touch:
//! each ring is first reduced to what can matter inside the tile ([`crate::reduce`]), keeping every original
//! segment that comes near the tile and short-cutting the runs of vertices that stay outside one side of it, so
//! the exact overlay sees the same segments in the tile (and gives the same tile) at a fraction of the cost.

use std::sync::OnceLock;

use geo::Coord;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::clip::{Bounds, clip_line, clip_polygons_to_grid};
use crate::encode::{EXTENT, encode_tile};
use crate::error::TileError;
use crate::layers::{Geom, Layer, SourceFeature, build_layers};
use crate::mercator::{MAX_ZOOM, TileId};
use crate::reduce::{RingInfo, line_runs, reduce_ring_chunked, ring_info, rounded_area2};
use crate::simplify::{simplify, tolerance};

/// Buffer around each tile, as a fraction of the tile (64 of 4096 units).
pub const BUFFER: f64 = 64.0 / EXTENT as f64;

type Indexed = GeomWithData<Rectangle<[f64; 2]>, usize>;

struct LayerAtZoom {
    tree: RTree<Indexed>,
    geoms: Vec<Geom>,
    /// For polygons: each ring's box and orientation at this zoom (polygons × rings), else empty.
    rings: Vec<Vec<Vec<RingInfo>>>,
    features: Vec<usize>,
}

/// How far (in tile units) beyond the tile's buffer the reduction keeps the original segments: more than the
/// half unit rounding moves a vertex, so that what the reduction changes stays outside the clip rectangle.
const REDUCE_MARGIN: f64 = 4.0;

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

/// A clipped feature in tile units, ready to encode.
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
    ///
    /// ```
    /// use kuril_tiles::{BUFFER, EXTENT, TileId, Tiler};
    ///
    /// let model = kuril_model::Model::embedded().expect("embedded data loads");
    /// let tiler = Tiler::new(&model).expect("layers build");
    /// // Open ocean in the eastern Pacific has nothing to draw; the world tile has land.
    /// let pacific = geo::coord! { x: -140.0, y: 10.0 };
    /// let mut ocean = TileId::covering(10, pacific, pacific);
    /// let ocean = ocean.next().expect("a tile covers the point");
    /// assert_eq!(tiler.tile(ocean).expect("builds"), None);
    /// assert!(tiler.tile(TileId::new(0, 0, 0).expect("exists")).expect("builds").is_some());
    /// // Each tile reaches 64 units beyond its edges, so that lines and outlines join across tiles.
    /// assert_eq!(BUFFER * f64::from(EXTENT), 64.0);
    /// ```
    pub fn tile(&self, id: TileId) -> Result<Option<Vec<u8>>, TileError> {
        self.cut(id, true)
    }

    /// The tile, with large features reduced near the tile first (`reduce`) or clipped whole (the reference the
    /// tests compare with).
    fn cut(&self, id: TileId, reduce: bool) -> Result<Option<Vec<u8>>, TileError> {
        let (min, max) = id.world_bounds(BUFFER);
        let env = AABB::from_corners([min.x, min.y], [max.x, max.y]);
        // Tile units: 0..EXTENT across the tile, the buffer beyond.
        let scale = f64::from(1u32 << id.z);
        let extent = f64::from(EXTENT);
        let to_tile = |c: &Coord| -> Coord {
            Coord {
                x: (c.x * scale - f64::from(id.x)) * extent,
                y: (c.y * scale - f64::from(id.y)) * extent,
            }
        };
        let b = Bounds {
            min: to_tile(&min),
            max: to_tile(&max),
        };
        let (rmin, rmax) = id.world_bounds(BUFFER + REDUCE_MARGIN / extent);
        let near = Bounds { min: rmin, max: rmax };
        let level = self.level(id.z);
        let mut layers: Vec<(&'static str, Vec<Clipped<'_>>)> = Vec::new();
        for (layer, at) in self.layers.iter().zip(level) {
            let mut clipped = Vec::new();
            for hit in at.tree.locate_in_envelope_intersecting(&env) {
                let i = hit.data;
                let cut = Cut {
                    to_tile: &to_tile,
                    b: &b,
                    near: &near,
                    reduce,
                };
                if let Some(geom) = cut.clip(&at.geoms[i], at.rings.get(i).map(Vec::as_slice).unwrap_or(&[])) {
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
        encode_tile(&layers).map(Some)
    }
}

fn prepare(layer: &Layer, z: u8, tolerance: f64) -> LayerAtZoom {
    let mut geoms = Vec::new();
    let mut features = Vec::new();
    let mut boxes = Vec::new();
    let mut rings = Vec::new();
    let units = f64::from(EXTENT) * f64::from(1u32 << z);
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
        rings.push(match &g {
            Geom::Polygons(polys) => polys
                .iter()
                .map(|p| p.iter().map(|r| ring_info(r, units)).collect())
                .collect(),
            _ => Vec::new(),
        });
        geoms.push(g);
        features.push(i);
    }
    LayerAtZoom {
        tree: RTree::bulk_load(boxes),
        geoms,
        rings,
        features,
    }
}

/// Rings with fewer vertices than this go to the clip whole: reducing them would not save anything.
const REDUCE_MIN_VERTICES: usize = 64;

/// One tile's clip: world to tile units, the clip rectangle `b` (tile units) and the reduction box `near` (world).
struct Cut<'a, F: Fn(&Coord) -> Coord> {
    to_tile: &'a F,
    b: &'a Bounds,
    near: &'a Bounds,
    /// Reduce large rings and lines near the tile (else clip them whole).
    reduce: bool,
}

impl<F: Fn(&Coord) -> Coord> Cut<'_, F> {
    /// `g` (world coordinates) in tile units, clipped to `b`: polygons snapped to the unit grid as valid polygons,
    /// lines and points not yet rounded (the encoder rounds them). `rings` describes a polygon's rings.
    fn clip(&self, g: &Geom, rings: &[Vec<RingInfo>]) -> Option<Geom> {
        let to_tile = self.to_tile;
        let in_tile = |c: &[Coord]| -> Vec<Coord> { c.iter().map(to_tile).collect() };
        match g {
            Geom::Polygons(polys) => {
                let mut moved: Vec<Vec<Vec<Coord>>> = Vec::with_capacity(polys.len());
                for (k, p) in polys.iter().enumerate() {
                    if let Some(rings) = self.polygon(p, rings.get(k).map(Vec::as_slice).unwrap_or(&[])) {
                        moved.push(rings);
                    }
                }
                if moved.is_empty() {
                    return None;
                }
                let out = clip_polygons_to_grid(&moved, self.b);
                (!out.is_empty()).then_some(Geom::Polygons(out))
            }
            Geom::Lines(lines) => {
                let out: Vec<Vec<Coord>> = lines
                    .iter()
                    .flat_map(|l| {
                        if self.reduce {
                            line_runs(l, self.near)
                        } else {
                            vec![l.as_slice()]
                        }
                    })
                    .flat_map(|l| clip_line(&in_tile(l), self.b))
                    .collect();
                (!out.is_empty()).then_some(Geom::Lines(out))
            }
            Geom::Points(pts) => {
                let out: Vec<Coord> = pts.iter().map(to_tile).filter(|c| self.b.contains(*c)).collect();
                (!out.is_empty()).then_some(Geom::Points(out))
            }
        }
    }

    /// A polygon's rings (exterior first) in tile units, each either whole or reduced to what matters near the
    /// tile; `None` when the polygon stays away from it. A ring is only reduced when the overlay will orient the
    /// reduced ring as it orients the whole one (the same sign of area on the grid), so that the winding inside
    /// the tile, and with it the tile, stay the same.
    fn polygon(&self, rings: &[Vec<Coord>], info: &[RingInfo]) -> Option<Vec<Vec<Coord>>> {
        let to_tile = self.to_tile;
        let in_tile = |c: &[Coord]| -> Vec<Coord> { c.iter().map(to_tile).collect() };
        let mut out = Vec::with_capacity(rings.len());
        for (k, ring) in rings.iter().enumerate() {
            let Some(inf) = info.get(k).filter(|_| self.reduce) else {
                out.push(in_tile(ring));
                continue;
            };
            if !inf.bounds.intersects(self.near) {
                // Nothing of this ring comes near the tile: without the exterior the holes mean nothing either.
                if k == 0 {
                    return None;
                }
                continue;
            }
            let inside = self.near.contains(inf.bounds.min) && self.near.contains(inf.bounds.max);
            if inside || ring.len() < REDUCE_MIN_VERTICES {
                out.push(in_tile(ring));
                continue;
            }
            let reduced = reduce_ring_chunked(ring, &inf.chunks, self.near);
            let keep = inf.positive.is_some_and(|positive| {
                let a = rounded_area2(&reduced, to_tile);
                a != 0 && (a > 0) == positive
            });
            out.push(if keep { in_tile(&reduced) } else { in_tile(ring) });
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reducing the large shorelines near each tile changes no tile: every tile of a block along the coasts of
    /// Hokkaido, Kunashir and Iturup (the largest rings) at z9–z13, and the world at z2, is the same byte for byte
    /// as the tile cut from the whole features.
    #[test]
    fn reduced_tiles_are_the_tiles_of_the_whole_features() {
        let model = kuril_model::Model::embedded().expect("embedded data loads");
        let tiler = Tiler::new(&model).expect("layers build");
        let mut ids: Vec<TileId> = (0..4u32)
            .flat_map(|x| (0..4u32).map(move |y| TileId { z: 2, x, y }))
            .collect();
        for (z, lon, lat, n) in [
            (9u8, 143.0, 43.0, 6u32),
            (10, 145.3, 43.3, 6),
            (11, 145.9, 44.0, 5),
            (12, 147.6, 45.1, 5),
            (13, 141.3, 45.2, 4),
        ] {
            let c = geo::coord! { x: lon, y: lat };
            let first = TileId::covering(z, c, c).next().expect("a tile covers the point");
            ids.extend(
                (0..n)
                    .flat_map(|dx| (0..n).map(move |dy| TileId::new(z, first.x + dx, first.y + dy)))
                    .map(|t| t.expect("inside the pyramid")),
            );
        }
        let mut non_empty = 0;
        for id in ids {
            let reduced = tiler.cut(id, true).expect("cuts");
            let whole = tiler.cut(id, false).expect("cuts");
            assert!(reduced == whole, "tile {id} differs when the features are reduced");
            non_empty += usize::from(whole.is_some());
        }
        assert!(non_empty > 80, "only {non_empty} tiles had anything");
    }
}

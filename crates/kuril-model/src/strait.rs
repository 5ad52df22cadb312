//! Straits: a search area over the water, the water itself, and the minimum width between the two coasts.

use geo::{Contains, Coord, MultiPolygon, Point, Polygon};
use serde::Serialize;

use crate::data::{Names, Note};
use crate::geodesic::CoastIndex;
use crate::model::Island;
use crate::projection::AzimuthalEquidistant;

/// The narrowest crossing of a strait.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StraitWidth {
    /// Geodesic length of the crossing, metres.
    pub distance_m: f64,
    /// The crossing's ends, (lon, lat): the first on the first coast of `between`, the second on the other.
    pub ends: [Coord; 2],
}

#[derive(Debug, Clone)]
pub struct Strait {
    pub id: String,
    pub names: Names,
    /// The island ids of the two coasts the strait separates.
    pub between: [Vec<String>; 2],
    pub notes: Vec<Note>,
    pub sources: Vec<String>,
    /// The curated area in which the strait's coasts are searched (it loosely covers the water).
    pub search_area: Polygon,
    /// The search area less land: what the map highlights.
    pub water: MultiPolygon,
    pub width: StraitWidth,
}

/// Minimum geodesic distance between the shorelines of `a` and of `b` inside `area`.
///
/// Between two polylines the shortest connection always has one end at a vertex of one of them, so every vertex
/// of each side inside the area is measured against the other side's segments (geodesically, see
/// [`CoastIndex::nearest`]).
///
/// ```
/// use kuril_model::{distance_m, min_width};
///
/// let model = kuril_model::Model::embedded().expect("embedded data loads");
/// let strait = model.strait("izmeny").expect("known strait");
/// // The width the model stored, measured again between the coasts of the islands on either side.
/// let islands = |ids: &[String]| ids.iter().map(|id| model.island(id).expect("known island")).collect::<Vec<_>>();
/// let [a, b] = &strait.between;
/// let width = min_width(model.plane(), &strait.search_area, &islands(a), &islands(b)).expect("coasts in the area");
/// assert_eq!(width, strait.width);
/// assert!((distance_m(width.ends[0], width.ends[1]) - width.distance_m).abs() < 1.0);
/// assert!((10_000.0..30_000.0).contains(&width.distance_m), "{} m", width.distance_m);
/// ```
pub fn min_width(plane: &AzimuthalEquidistant, area: &Polygon, a: &[&Island], b: &[&Island]) -> Option<StraitWidth> {
    let inside = |c: Coord| area.contains(&Point::from(c));
    let rings = |side: &[&Island]| -> Vec<Vec<Coord>> {
        side.iter()
            .flat_map(|i| i.land())
            .map(|p| p.exterior().0.clone())
            .collect()
    };
    let (ra, rb) = (rings(a), rings(b));
    let ia = CoastIndex::filtered(plane, ra.iter().map(|r| r.as_slice()), inside);
    let ib = CoastIndex::filtered(plane, rb.iter().map(|r| r.as_slice()), inside);
    if ia.is_empty() || ib.is_empty() {
        return None;
    }
    let mut best: Option<StraitWidth> = None;
    let mut consider = |w: StraitWidth| {
        if best.is_none_or(|b| w.distance_m < b.distance_m) {
            best = Some(w);
        }
    };
    for v in ia.vertices() {
        if let Some(n) = ib.nearest(v) {
            consider(StraitWidth {
                distance_m: n.distance_m,
                ends: [v, n.point],
            });
        }
    }
    for v in ib.vertices() {
        if let Some(n) = ia.nearest(v) {
            consider(StraitWidth {
                distance_m: n.distance_m,
                ends: [n.point, v],
            });
        }
    }
    best
}

//! Splitting an island between the sides, two ways:
//! - by a straight cut so that one side gets a given land area (the "equal-area split" scenario): the cut is
//!   perpendicular to the island's long axis (the principal axis of its shoreline vertices in the azimuthal
//!   equidistant plane), and its position along that axis is found by bisection on geodesic area;
//! - along a parallel of latitude (the 1905 Portsmouth line on Sakhalin): the island's rings are cut in
//!   longitude/latitude, where a parallel is a straight line.
//!
//! ```
//! use geo::{Contains, Point, coord};
//! use kuril_model::projection::AzimuthalEquidistant;
//! use kuril_model::{End, Hemisphere, split_by_parallel, split_island};
//!
//! // An island 1° long (about 80 km) east to west and 0.2° (22 km) north to south.
//! let island = vec![geo::Rect::new(coord! { x: 145.0, y: 44.0 }, coord! { x: 146.0, y: 44.2 }).to_polygon()];
//!
//! // Along the parallel of 44.1°N, Japan to the south: two near-equal halves (the southern one is wider).
//! let s = split_by_parallel(&island, 44.1, Hemisphere::South).expect("the parallel crosses the island");
//! assert!(s.japan.contains(&Point::new(145.5, 44.05)) && s.russia.contains(&Point::new(145.5, 44.15)));
//! assert!(s.japan_km2 > s.russia_km2 && s.japan_km2 / s.russia_km2 < 1.005);
//! assert!(s.cut.0.iter().flat_map(|l| l.0.iter()).all(|c| (c.y - 44.1).abs() < 1e-9));
//!
//! // Across its long axis so that Japan's part, at the western end, has 300 km².
//! let plane = AzimuthalEquidistant::new(coord! { x: 145.5, y: 44.1 });
//! let s = split_island(&plane, &island, End::Southwest, 300.0).expect("the island has an axis");
//! assert!((s.japan_km2 - 300.0).abs() < 0.01, "{}", s.japan_km2);
//! assert!(s.japan.contains(&Point::new(145.05, 44.1)) && s.russia.contains(&Point::new(145.95, 44.1)));
//! let whole = kuril_model::geodesic::geodesic_area_km2(&geo::MultiPolygon::new(island));
//! assert!((s.japan_km2 + s.russia_km2 - whole).abs() < 0.01);
//! ```

use geo::orient::{Direction, Orient};
use geo::{BooleanOps, Coord, LineString, MapCoords, MultiLineString, MultiPolygon, Polygon, coord};

use crate::geodesic::geodesic_area_km2;
use crate::projection::AzimuthalEquidistant;

/// Which end of the island goes to Japan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum End {
    Southwest,
    Northeast,
}

/// Which side of a parallel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Hemisphere {
    North,
    South,
}

/// Where the cut lies.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize, serde::Serialize)]
enum Cut {
    /// At `t` along `axis` from `centre`, plane coordinates.
    Axis { centre: Coord, axis: Coord, t: f64 },
    /// Along a parallel, degrees.
    Parallel(f64),
}

/// The result: each side's part (the island's rings and islets) and the cut across the island.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct Split {
    pub japan: MultiPolygon,
    pub russia: MultiPolygon,
    /// The cut where it crosses land, (lon, lat).
    pub cut: MultiLineString,
    /// Geodesic area of Japan's part, km².
    pub japan_km2: f64,
    /// Geodesic area of Russia's part, km².
    pub russia_km2: f64,
    at: Cut,
}

impl Split {
    /// Is this (lon, lat) point on the cut line (within half a metre)?
    pub fn on_cut(&self, plane: &AzimuthalEquidistant, c: Coord) -> bool {
        match self.at {
            Cut::Axis { centre, axis, t } => {
                let d = plane.forward(c) - centre;
                (d.x * axis.x + d.y * axis.y - t).abs() < 0.5
            }
            // 1e-7° is about a centimetre.
            Cut::Parallel(lat) => (c.y - lat).abs() < 1e-7,
        }
    }

    /// The parts' shorelines without the cut: where each side's coast really is.
    pub fn coasts(&self, plane: &AzimuthalEquidistant, side_part: &MultiPolygon) -> Vec<Vec<Coord>> {
        let mut out = Vec::new();
        for p in &side_part.0 {
            for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
                let mut run: Vec<Coord> = Vec::new();
                for w in ring.0.windows(2) {
                    if self.on_cut(plane, w[0]) && self.on_cut(plane, w[1]) {
                        if run.len() >= 2 {
                            out.push(std::mem::take(&mut run));
                        }
                        run.clear();
                    } else {
                        if run.is_empty() {
                            run.push(w[0]);
                        }
                        run.push(w[1]);
                    }
                }
                if run.len() >= 2 {
                    out.push(run);
                }
            }
        }
        out
    }
}

const BISECTION_STEPS: usize = 60;
/// Half-length of the cutting half-plane, metres (far larger than any island).
const FAR_M: f64 = 500_000.0;

/// Split `island` (its rings, lon/lat) so that Japan's part, at the `japan_end`, has `target_km2`.
pub fn split_island(
    plane: &AzimuthalEquidistant,
    island: &[Polygon],
    japan_end: End,
    target_km2: f64,
) -> Option<Split> {
    let xy: Vec<Polygon> = island.iter().map(|p| p.map_coords(|c| plane.forward(c))).collect();
    let main = xy.first()?;
    let (centre, axis) = principal_axis(&main.exterior().0)?;
    // Orient the axis so that Japan's end lies at low values.
    let axis = match (japan_end, axis.x + axis.y > 0.0) {
        (End::Southwest, true) | (End::Northeast, false) => axis,
        _ => coord! { x: -axis.x, y: -axis.y },
    };
    let along = |c: Coord| (c - centre).x * axis.x + (c - centre).y * axis.y;
    let values: Vec<f64> = main.exterior().0.iter().map(|&c| along(c)).collect();
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), &v| (l.min(v), h.max(v)));
    let all = MultiPolygon::new(xy.clone());
    let japan_part = |t: f64| all.intersection(&half_plane(centre, axis, t));
    let area_km2 = |m: &MultiPolygon| geodesic_area_km2(&m.map_coords(|c| plane.inverse(c)));
    for _ in 0..BISECTION_STEPS {
        let mid = (lo + hi) / 2.0;
        if area_km2(&japan_part(mid)) < target_km2 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let t = (lo + hi) / 2.0;
    let japan = japan_part(t);
    // The other half-plane, not `all − japan`: a difference leaves slivers along the shore, which would count as
    // Russian coast right beside Japanese coast.
    let russia = all.intersection(&half_plane(centre, coord! { x: -axis.x, y: -axis.y }, -t));
    let normal = coord! { x: -axis.y, y: axis.x };
    let at = centre + axis * t;
    let cut_line = LineString::from(vec![at - normal * FAR_M, at + normal * FAR_M]);
    let cut = all.clip(&MultiLineString::new(vec![cut_line]), false);
    let back = |m: &MultiPolygon| m.map_coords(|c| plane.inverse(c)).orient(Direction::Default);
    let japan_ll = back(&japan);
    let russia_ll = back(&russia);
    Some(Split {
        japan_km2: geodesic_area_km2(&japan_ll),
        russia_km2: geodesic_area_km2(&russia_ll),
        japan: japan_ll,
        russia: russia_ll,
        cut: cut.map_coords(|c| plane.inverse(c)),
        at: Cut::Axis { centre, axis, t },
    })
}

/// Split `island` (its rings, lon/lat) along the parallel `lat`; Japan gets the part on `japan_side`.
pub fn split_by_parallel(island: &[Polygon], lat: f64, japan_side: Hemisphere) -> Option<Split> {
    use geo::BoundingRect;
    let all = MultiPolygon::new(island.to_vec());
    let bbox = all.bounding_rect()?;
    if lat <= bbox.min().y || lat >= bbox.max().y {
        return None;
    }
    let (w, e) = (bbox.min().x - 1.0, bbox.max().x + 1.0);
    let band = |s: f64, n: f64| geo::Rect::new(coord! { x: w, y: s }, coord! { x: e, y: n }).to_polygon();
    let south = all.intersection(&band(bbox.min().y - 1.0, lat));
    let north = all.intersection(&band(lat, bbox.max().y + 1.0));
    let (japan, russia) = match japan_side {
        Hemisphere::South => (south, north),
        Hemisphere::North => (north, south),
    };
    let (japan, russia) = (japan.orient(Direction::Default), russia.orient(Direction::Default));
    let line = LineString::from(vec![coord! { x: w, y: lat }, coord! { x: e, y: lat }]);
    let cut = all.clip(&MultiLineString::new(vec![line]), false);
    Some(Split {
        japan_km2: geodesic_area_km2(&japan),
        russia_km2: geodesic_area_km2(&russia),
        japan,
        russia,
        cut,
        at: Cut::Parallel(lat),
    })
}

/// The half-plane of points whose position along `axis` (from `centre`) is below `t`, as a big square.
fn half_plane(centre: Coord, axis: Coord, t: f64) -> Polygon {
    let normal = coord! { x: -axis.y, y: axis.x };
    let at = centre + axis * t;
    let back = at - axis * (2.0 * FAR_M);
    Polygon::new(
        LineString::from(vec![
            at - normal * FAR_M,
            at + normal * FAR_M,
            back + normal * FAR_M,
            back - normal * FAR_M,
            at - normal * FAR_M,
        ]),
        vec![],
    )
}

/// Centroid of the vertices and the unit direction of greatest spread.
fn principal_axis(pts: &[Coord]) -> Option<(Coord, Coord)> {
    let n = pts.len() as f64;
    if n < 3.0 {
        return None;
    }
    let c = pts.iter().fold(coord! { x: 0.0, y: 0.0 }, |a, &p| a + p) / n;
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for p in pts {
        let d = *p - c;
        sxx += d.x * d.x;
        sxy += d.x * d.y;
        syy += d.y * d.y;
    }
    let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    Some((c, coord! { x: angle.cos(), y: angle.sin() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parallel_cuts_a_square_into_two_bands() {
        let r = geo::Rect::new(coord! { x: 142.0, y: 49.5 }, coord! { x: 143.0, y: 50.5 }).to_polygon();
        let total = geodesic_area_km2(&MultiPolygon::new(vec![r.clone()]));
        let s = split_by_parallel(&[r], 50.0, Hemisphere::South).expect("splits");
        use geo::BoundingRect;
        let (j, ru) = (
            s.japan.bounding_rect().expect("j"),
            s.russia.bounding_rect().expect("r"),
        );
        assert!((j.max().y - 50.0).abs() < 1e-9 && (ru.min().y - 50.0).abs() < 1e-9);
        assert!((s.japan_km2 + s.russia_km2 - total).abs() / total < 1e-9);
        // The southern band is the larger one: a degree of longitude is longer further south.
        assert!(s.japan_km2 > s.russia_km2);
        let plane = AzimuthalEquidistant::new(coord! { x: 142.5, y: 50.0 });
        assert!(s.cut.0.iter().flat_map(|l| l.coords()).all(|&c| s.on_cut(&plane, c)));
        assert!(split_by_parallel(&[s.japan.0[0].clone()], 51.0, Hemisphere::South).is_none());
    }

    #[test]
    fn a_long_rectangle_is_cut_across_at_the_requested_area() {
        // About 40 km × 8 km near 45°N, long axis east–west.
        let r = geo::Rect::new(coord! { x: 147.0, y: 45.0 }, coord! { x: 147.5, y: 45.07 }).to_polygon();
        let total = geodesic_area_km2(&MultiPolygon::new(vec![r.clone()]));
        let plane = AzimuthalEquidistant::new(coord! { x: 147.25, y: 45.035 });
        let s = split_island(&plane, &[r], End::Southwest, total * 0.25).expect("splits");
        assert!(
            (s.japan_km2 - total * 0.25).abs() / total < 1e-4,
            "{} of {total}",
            s.japan_km2
        );
        let russia = geodesic_area_km2(&s.russia);
        // New vertices on the long edges sit on the plane's chord rather than on the parallel: a 1e-5 effect.
        assert!((s.japan_km2 + russia - total).abs() / total < 1e-4);
        // Japan's quarter is the western end, and the cut runs north–south across the island.
        use geo::Centroid;
        let (j, r) = (s.japan.centroid().expect("c"), s.russia.centroid().expect("c"));
        assert!(j.x() < r.x());
        let cut = &s.cut.0[0];
        let (a, b) = (cut.0[0], cut.0[cut.0.len() - 1]);
        assert!((a.x - b.x).abs() < 0.01 && (a.y - b.y).abs() > 0.05, "{a:?} {b:?}");
    }
}

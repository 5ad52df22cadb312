//! Geodesic distance from a point to a set of shoreline segments (WGS 84).
//!
//! A planar R-tree in an [`AzimuthalEquidistant`] plane finds the candidate segments; each candidate is then
//! measured in a second azimuthal equidistant plane centred on the query point, where the distance from the
//! centre to any point is the exact geodesic distance. For segments of a few hundred metres the remaining error
//! (the segment is straight in that plane, not a geodesic) is far below a metre.
//!
//! ```
//! use geo::coord;
//! use kuril_model::geodesic::geodesic_area_km2;
//! use kuril_model::projection::AzimuthalEquidistant;
//! use kuril_model::{CoastIndex, distance_m, length_m, line_string};
//!
//! // One degree of latitude north from the equator: the WGS 84 meridian arc, 110,574.4 m.
//! let d = distance_m(coord! { x: 0.0, y: 0.0 }, coord! { x: 0.0, y: 1.0 });
//! assert!((d - 110_574.4).abs() < 0.5, "{d}");
//! assert!((length_m(&line_string(&[(0.0, 0.0), (0.0, 0.5), (0.0, 1.0)])) - d).abs() < 1e-6);
//!
//! // A 1° × 1° square on the equator: about 110.6 km × 111.3 km.
//! let square = geo::Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 1.0, y: 1.0 }).to_polygon();
//! let km2 = geodesic_area_km2(&geo::MultiPolygon::new(vec![square]));
//! assert!((km2 / (110.574 * 111.319) - 1.0).abs() < 1e-3, "{km2}");
//!
//! // The nearest point of a 2 km stretch of shore along 145°E, seen from 0.01° (about 800 m) east of its middle:
//! // level with the point, as far away as the point is from it.
//! let shore = [coord! { x: 145.0, y: 43.49 }, coord! { x: 145.0, y: 43.51 }];
//! let plane = AzimuthalEquidistant::new(coord! { x: 145.0, y: 43.5 });
//! let index = CoastIndex::new(&plane, [&shore[..]]);
//! let p = coord! { x: 145.01, y: 43.5 };
//! let nearest = index.nearest(p).expect("the index has a segment");
//! assert!((nearest.point.y - 43.5).abs() < 1e-4, "{:?}", nearest.point);
//! assert!((nearest.distance_m - distance_m(p, coord! { x: 145.0, y: 43.5 })).abs() < 0.5);
//! ```

use geo::{Coord, coord};
use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Line};

use crate::projection::AzimuthalEquidistant;

type Seg = GeomWithData<Line<[f64; 2]>, (Coord, Coord)>;

/// The nearest point of a shoreline set to a query point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nearest {
    /// Geodesic distance in metres.
    pub distance_m: f64,
    /// The nearest point on the shoreline, (lon, lat).
    pub point: Coord,
}

/// Shoreline segments indexed for geodesic nearest-point queries.
#[derive(Debug)]
pub struct CoastIndex {
    plane: AzimuthalEquidistant,
    tree: RTree<Seg>,
}

impl CoastIndex {
    /// Index the segments of `rings` (each a closed list of (lon, lat) coordinates).
    pub fn new<'a>(plane: &AzimuthalEquidistant, rings: impl IntoIterator<Item = &'a [Coord]>) -> Self {
        let mut segs = Vec::new();
        for ring in rings {
            let xy: Vec<Coord> = ring.iter().map(|&c| plane.forward(c)).collect();
            for i in 1..ring.len() {
                let line = Line::new([xy[i - 1].x, xy[i - 1].y], [xy[i].x, xy[i].y]);
                segs.push(GeomWithData::new(line, (ring[i - 1], ring[i])));
            }
        }
        CoastIndex {
            plane: plane.clone(),
            tree: RTree::bulk_load(segs),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// Index only the segments whose both ends satisfy `keep` (e.g. lie inside a strait's search area).
    pub fn filtered<'a>(
        plane: &AzimuthalEquidistant,
        rings: impl IntoIterator<Item = &'a [Coord]>,
        keep: impl Fn(Coord) -> bool,
    ) -> Self {
        let mut pieces: Vec<Vec<Coord>> = Vec::new();
        for ring in rings {
            let mut cur: Vec<Coord> = Vec::new();
            for &c in ring {
                if keep(c) {
                    cur.push(c);
                } else if !cur.is_empty() {
                    pieces.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                pieces.push(cur);
            }
        }
        Self::new(plane, pieces.iter().map(|p| p.as_slice()))
    }

    /// Every shoreline vertex in the index (each segment's start and end).
    pub fn vertices(&self) -> impl Iterator<Item = Coord> + '_ {
        self.tree.iter().flat_map(|s| [s.data.0, s.data.1])
    }

    /// The geodesic nearest point of the shoreline to `p` (lon, lat); `None` for an empty index.
    pub fn nearest(&self, p: Coord) -> Option<Nearest> {
        let q = self.plane.forward(p);
        let first = self.tree.nearest_neighbor(&[q.x, q.y])?;
        let d0 = planar_distance(q, first.geom());
        // The plane's scale error is below 0.2% over the region; widen the search by more than that.
        let reach = d0 * 1.01 + 50.0;
        let geod = Geodesic::wgs84();
        let mut best: Option<Nearest> = None;
        for seg in self.tree.locate_within_distance([q.x, q.y], reach * reach) {
            let (a, b) = seg.data;
            let cand = nearest_on_segment(&geod, p, a, b);
            if best.is_none_or(|b| cand.distance_m < b.distance_m) {
                best = Some(cand);
            }
        }
        best
    }
}

fn planar_distance(q: Coord, line: &Line<[f64; 2]>) -> f64 {
    use rstar::PointDistance;
    line.distance_2(&[q.x, q.y]).sqrt()
}

/// Nearest point of segment a–b to p, measured in an azimuthal equidistant plane centred on p.
fn nearest_on_segment(geod: &Geodesic, p: Coord, a: Coord, b: Coord) -> Nearest {
    let to_plane = |c: Coord| -> Coord {
        let (s, azi, _, _): (f64, f64, f64, f64) = geod.inverse(p.y, p.x, c.y, c.x);
        let r = azi.to_radians();
        coord! { x: s * r.sin(), y: s * r.cos() }
    };
    let (pa, pb) = (to_plane(a), to_plane(b));
    let d = pb - pa;
    let len2 = d.x * d.x + d.y * d.y;
    let t = if len2 > 0.0 {
        (-(pa.x * d.x + pa.y * d.y) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let foot = pa + d * t;
    let dist = foot.x.hypot(foot.y);
    let point = if t == 0.0 {
        a
    } else if t == 1.0 {
        b
    } else {
        let (lat, lon): (f64, f64) = geod.direct(p.y, p.x, foot.x.atan2(foot.y).to_degrees(), dist);
        coord! { x: lon, y: lat }
    };
    Nearest {
        distance_m: dist,
        point,
    }
}

/// Geodesic distance in metres between two (lon, lat) points.
pub fn distance_m(a: Coord, b: Coord) -> f64 {
    Geodesic::wgs84().inverse(a.y, a.x, b.y, b.x)
}

/// Geodesic length in metres of a (lon, lat) line string.
pub fn length_m(line: &geo::LineString) -> f64 {
    line.lines().map(|s| distance_m(s.start, s.end)).sum()
}

/// Surface of the WGS 84 ellipsoid, m².
const EARTH_M2: f64 = 510_065_621_724_088.4;

/// Geodesic area of polygons in km², whatever their rings' orientation. A ring wound clockwise encloses, for
/// geographiclib, the rest of the Earth; the slivers that boolean operations leave behind can come out either
/// way, so each ring's area is taken as the smaller of the two regions it bounds.
pub fn geodesic_area_km2(polys: &geo::MultiPolygon) -> f64 {
    use geo::GeodesicArea;
    let ring = |r: &geo::LineString| -> f64 {
        let a = geo::Polygon::new(r.clone(), vec![]).geodesic_area_signed().abs();
        a.min(EARTH_M2 - a)
    };
    polys
        .0
        .iter()
        .map(|p| (ring(p.exterior()) - p.interiors().iter().map(ring).sum::<f64>()).max(0.0))
        .sum::<f64>()
        / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_point_of_a_square_island() {
        let plane = AzimuthalEquidistant::new(coord! { x: 146.0, y: 44.0 });
        let ring = [
            coord! { x: 146.0, y: 44.0 },
            coord! { x: 146.1, y: 44.0 },
            coord! { x: 146.1, y: 44.1 },
            coord! { x: 146.0, y: 44.1 },
            coord! { x: 146.0, y: 44.0 },
        ];
        let idx = CoastIndex::new(&plane, [&ring[..]]);
        // due south of the island's south edge: the nearest point is straight north, on the edge
        let p = coord! { x: 146.05, y: 43.9 };
        let n = idx.nearest(p).expect("non-empty");
        let expected = distance_m(p, coord! { x: 146.05, y: 44.0 });
        assert!(
            (n.distance_m - expected).abs() < 3.0,
            "{} vs {}",
            n.distance_m,
            expected
        );
        assert!((n.point.y - 44.0).abs() < 3e-5);
        assert!((n.point.x - 146.05).abs() < 1e-4);
    }
}

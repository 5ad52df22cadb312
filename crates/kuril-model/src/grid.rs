//! Polygons snapped to an integer grid as valid OGC polygons, by an exact integer overlay (i_overlay, the engine
//! under geo's boolean operations, in its OGC mode). Rounding coordinates one by one can make a ring cross itself
//! or collapse; overlaying the rounded rings resolves that on the grid itself, so what is published at a given
//! precision is valid at that precision. Used for the GeoJSON views (1e-6°) and, with a clipping box, for the
//! vector tiles (tile units).
//!
//! ```
//! use geo::{Area, Validation, coord};
//! use kuril_model::grid::{multipolygon_on_grid, polygons_on_grid};
//!
//! // A ring that crosses itself (a bow tie) comes back as two valid triangles; clipped to x ≤ 5, as the left one.
//! let c = |x: f64, y: f64| coord! { x: x, y: y };
//! let bow_tie = vec![vec![vec![c(0.0, 0.0), c(10.0, 10.0), c(10.0, 0.0), c(0.0, 10.0), c(0.0, 0.0)]]];
//! assert_eq!(polygons_on_grid(&bow_tie, 1.0, None).len(), 2);
//! let left = polygons_on_grid(&bow_tie, 1.0, Some((c(-1.0, -1.0), c(5.0, 11.0))));
//! assert_eq!(left.len(), 1);
//! assert!(left[0][0].iter().all(|p| p.x.fract() == 0.0 && p.y.fract() == 0.0 && p.x <= 5.0));
//!
//! // At the GeoJSON views' precision, 1e-6°: every vertex on the grid, the polygon valid and its area kept.
//! let square = geo::Rect::new(c(145.123_456_7, 44.0), c(145.2, 44.076_543_21)).to_polygon();
//! let snapped = multipolygon_on_grid(&geo::MultiPolygon::new(vec![square.clone()]), 1e6);
//! assert!(snapped.is_valid());
//! let on_grid = |v: f64| ((v * 1e6).round() / 1e6 - v).abs() < 1e-12;
//! assert!(snapped.0[0].exterior().0.iter().all(|p| on_grid(p.x) && on_grid(p.y)));
//! assert!((snapped.unsigned_area() / square.unsigned_area() - 1.0).abs() < 1e-4);
//! ```

use geo::{Coord, LineString, MultiPolygon, Polygon, coord};
use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay::{IntOverlayOptions, Overlay, ShapeType};
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::core::solver::Solver;
use i_overlay::i_float::int::point::IntPoint;

/// Polygons (each a list of closed rings, exterior first) on the grid of spacing `1 / scale`, optionally clipped to
/// the box `clip` (min, max; in the same units as the coordinates). The result: valid polygons whose closed rings
/// lie on the grid, exterior first, exteriors with positive shoelace area (counter-clockwise with y up) and holes
/// negative. Rings are read by the non-zero rule after each is oriented by its role, so parts that overlap are
/// merged and a ring that crosses itself is resolved; parts and holes the grid collapses disappear. Coordinates
/// times `scale` must fit in an `i32`.
pub fn polygons_on_grid(polys: &[Vec<Vec<Coord>>], scale: f64, clip: Option<(Coord, Coord)>) -> Vec<Vec<Vec<Coord>>> {
    let to_grid = |c: &Coord| IntPoint::new((c.x * scale).round() as i32, (c.y * scale).round() as i32);
    // OGC-valid output, and every vertex kept, collinear ones too: a long straight edge of the window, densified
    // in (lon, lat), must keep its vertices, or a reader taking edges as geodesics (SpatiaLite's ST_Area with
    // the ellipsoid, our own areas) measures another polygon.
    let options = IntOverlayOptions {
        preserve_input_collinear: true,
        preserve_output_collinear: true,
        ..IntOverlayOptions::ogc()
    };
    let mut overlay = Overlay::new_custom(
        polys.iter().flatten().map(Vec::len).sum::<usize>() + 4,
        options,
        Solver::default(),
    );
    let mut any = false;
    for rings in polys {
        for (k, ring) in rings.iter().enumerate() {
            let mut pts: Vec<IntPoint> = ring.iter().map(to_grid).collect();
            pts.dedup();
            if pts.len() > 1 && pts.first() == pts.last() {
                pts.pop();
            }
            if pts.len() < 3 {
                continue;
            }
            if (area2(&pts) > 0) != (k == 0) {
                pts.reverse();
            }
            overlay.add_contour(&pts, ShapeType::Subject);
            any = true;
        }
    }
    if !any {
        return Vec::new();
    }
    let rule = match clip {
        Some((min, max)) => {
            let (x0, y0) = ((min.x * scale).floor() as i32, (min.y * scale).floor() as i32);
            let (x1, y1) = ((max.x * scale).ceil() as i32, (max.y * scale).ceil() as i32);
            let rect = [
                IntPoint::new(x0, y0),
                IntPoint::new(x1, y0),
                IntPoint::new(x1, y1),
                IntPoint::new(x0, y1),
            ];
            overlay.add_contour(&rect, ShapeType::Clip);
            OverlayRule::Intersect
        }
        None => OverlayRule::Subject,
    };
    overlay
        .overlay(rule, FillRule::NonZero)
        .into_iter()
        .map(|shape| {
            shape
                .into_iter()
                .enumerate()
                .map(|(k, mut contour)| {
                    // Outer contours come counter-clockwise, holes clockwise; make sure rather than rely on it.
                    if (area2(&contour) > 0) != (k == 0) {
                        contour.reverse();
                    }
                    let mut ring: Vec<Coord> = contour
                        .iter()
                        .map(|p| coord! { x: f64::from(p.x) / scale, y: f64::from(p.y) / scale })
                        .collect();
                    ring.push(ring[0]);
                    ring
                })
                .collect()
        })
        .collect()
}

/// A MultiPolygon on the grid of spacing `1 / scale` (see [`polygons_on_grid`]).
pub fn multipolygon_on_grid(m: &MultiPolygon, scale: f64) -> MultiPolygon {
    let rings: Vec<Vec<Vec<Coord>>> =
        m.0.iter()
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(|r| r.0.clone())
                    .collect()
            })
            .collect();
    MultiPolygon::new(
        polygons_on_grid(&rings, scale, None)
            .into_iter()
            .map(|mut rings| {
                let exterior = LineString::from(rings.remove(0));
                Polygon::new(exterior, rings.into_iter().map(LineString::from).collect())
            })
            .collect(),
    )
}

/// Twice the signed area of an open integer ring (positive counter-clockwise with y up).
fn area2(pts: &[IntPoint]) -> i64 {
    let n = pts.len();
    (0..n)
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % n]);
            i64::from(a.x) * i64::from(b.y) - i64::from(b.x) * i64::from(a.y)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Validation;

    fn ring(pts: &[(f64, f64)]) -> Vec<Coord> {
        pts.iter().map(|&(x, y)| coord! { x: x, y: y }).collect()
    }

    #[test]
    fn a_bow_tie_becomes_two_valid_triangles() {
        // A ring that crosses itself at (1, 1).
        let bow = vec![vec![ring(&[
            (0.0, 0.0),
            (2.0, 2.0),
            (2.0, 0.0),
            (0.0, 2.0),
            (0.0, 0.0),
        ])]];
        let out = polygons_on_grid(&bow, 1.0, None);
        assert_eq!(out.len(), 2, "{out:?}");
        for p in &out {
            let poly = Polygon::new(LineString::from(p[0].clone()), vec![]);
            assert!(poly.is_valid(), "{poly:?}");
        }
    }

    #[test]
    fn a_sliver_the_grid_collapses_disappears_and_a_hole_stays_a_hole() {
        let square = ring(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]);
        let hole = ring(&[(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0), (2.0, 2.0)]);
        let sliver = ring(&[(20.0, 0.0), (30.0, 0.0), (30.0, 0.2), (20.0, 0.0)]);
        let out = polygons_on_grid(&[vec![square, hole], vec![sliver]], 1.0, None);
        assert_eq!(out.len(), 1, "the sliver is gone: {out:?}");
        assert_eq!(out[0].len(), 2, "the square keeps its hole");
        let area = |r: &[Coord]| r.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum::<f64>() / 2.0;
        assert!(area(&out[0][0]) > 0.0 && area(&out[0][1]) < 0.0);
    }

    #[test]
    fn clipping_keeps_the_part_inside_the_box() {
        let square = ring(&[(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0), (-5.0, -5.0)]);
        let out = polygons_on_grid(
            &[vec![square]],
            1.0,
            Some((coord! { x: 0.0, y: 0.0 }, coord! { x: 10.0, y: 10.0 })),
        );
        assert_eq!(out.len(), 1);
        let xs: Vec<f64> = out[0][0].iter().map(|c| c.x).collect();
        assert!(xs.iter().all(|&x| (0.0..=5.0).contains(&x)), "{out:?}");
    }
}

//! Per-zoom simplification, shared by the tiler and the static image renderer (kuril-render) so that an image
//! shows the same geometry as the web map at that zoom: Douglas–Peucker at half a tile unit, and rings smaller
//! than a tile unit across dropped.
//!
//! ```
//! use geo::{Coord, coord};
//! use kuril_tiles::layers::Geom;
//! use kuril_tiles::simplify::{simplify, tolerance};
//!
//! // Half a tile unit: 1/8192 of the world at zoom 0, halving with each zoom.
//! assert_eq!(tolerance(0), 0.5 / 4096.0);
//! assert_eq!(tolerance(1), tolerance(0) / 2.0);
//!
//! // Points `t` apart around the middle of the world.
//! let t = tolerance(10);
//! let at = |x: f64, y: f64| -> Coord { coord! { x: 0.5 + x * t, y: 0.5 + y * t } };
//!
//! // A bump smaller than the tolerance goes; a larger one stays.
//! let line = |bump: f64| Geom::Lines(vec![vec![at(0.0, 0.0), at(100.0, bump), at(200.0, 0.0)]]);
//! let Some(Geom::Lines(l)) = simplify(&line(0.4), t) else { panic!("a line stays a line") };
//! assert_eq!(l[0].len(), 2);
//! let Some(Geom::Lines(l)) = simplify(&line(3.0), t) else { panic!("a line stays a line") };
//! assert_eq!(l[0].len(), 3);
//!
//! // A ring smaller than a tile unit across disappears at that zoom.
//! let speck = Geom::Polygons(vec![vec![vec![at(0.0, 0.0), at(1.0, 0.0), at(0.0, 1.0), at(0.0, 0.0)]]]);
//! assert!(simplify(&speck, t).is_none());
//! ```

use geo::{Coord, LineString, Simplify};

use crate::encode::EXTENT;
use crate::layers::Geom;

/// The simplification tolerance at tile zoom `z`, in world units (the world is 1 × 1): half a tile unit.
pub fn tolerance(z: u8) -> f64 {
    0.5 / (EXTENT as f64 * f64::from(1u32 << z))
}

fn simplify_coords(c: &[Coord], tolerance: f64) -> Vec<Coord> {
    LineString::from(c.to_vec()).simplify(tolerance).0
}

/// `g` simplified with `tolerance`; rings smaller than two tolerances across disappear, and `None` when
/// nothing is left.
pub fn simplify(g: &Geom, tolerance: f64) -> Option<Geom> {
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

/// The larger side of a ring's bounding box.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, side: f64) -> Vec<Coord> {
        vec![
            Coord { x, y },
            Coord { x: x + side, y },
            Coord {
                x: x + side,
                y: y + side,
            },
            Coord { x, y: y + side },
            Coord { x, y },
        ]
    }

    #[test]
    fn rings_under_a_tile_unit_disappear_and_larger_ones_stay_closed() {
        let t = tolerance(10);
        let big = square(0.5, 0.5, t * 100.0);
        let tiny = square(0.6, 0.6, t);
        let g = Geom::Polygons(vec![vec![big.clone()], vec![tiny]]);
        let Some(Geom::Polygons(out)) = simplify(&g, t) else {
            panic!("the large square survives");
        };
        assert_eq!(out.len(), 1, "the tiny square is dropped");
        assert_eq!(out[0][0].first(), out[0][0].last(), "closed");
        assert!(simplify(&Geom::Polygons(vec![vec![square(0.1, 0.1, t)]]), t).is_none());
        // Tolerance halves with each zoom.
        assert!((tolerance(10) / tolerance(11) - 2.0).abs() < 1e-12);
    }
}

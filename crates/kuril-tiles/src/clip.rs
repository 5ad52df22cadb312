//! Clipping to an axis-aligned rectangle, shared by the tiles and the static images (kuril-render):
//! - [`clip_polygons_to_grid`]: polygons for vector tiles, clipped and snapped to the integer tile grid by an exact
//!   integer overlay (`kuril_model::grid`, OGC mode), so that every polygon is valid after quantisation: no
//!   self-intersection, no ring that touches itself, holes inside their shell, wound as MVT asks;
//! - [`clip_ring`]: one ring by Sutherland–Hodgman, for drawing (the result may run along the rectangle's edge,
//!   invisible once filled);
//! - [`clip_line`]: a polyline cut into the pieces inside (Liang–Barsky).
//!
//! ```
//! use geo::coord;
//! use kuril_tiles::clip::{Bounds, clip_line, clip_polygons_to_grid, clip_ring};
//!
//! let c = |x: f64, y: f64| coord! { x: x, y: y };
//! let b = Bounds { min: c(0.0, 0.0), max: c(10.0, 10.0) };
//!
//! // A line that leaves the box and comes back is cut into the two pieces inside, ending on the edge.
//! let pieces = clip_line(&[c(2.0, 5.0), c(15.0, 5.0), c(15.0, 8.0), c(5.0, 8.0)], &b);
//! assert_eq!(pieces, vec![vec![c(2.0, 5.0), c(10.0, 5.0)], vec![c(10.0, 8.0), c(5.0, 8.0)]]);
//!
//! // A square half outside keeps its inside half, closed.
//! let ring = clip_ring(&[c(5.0, 2.0), c(15.0, 2.0), c(15.0, 6.0), c(5.0, 6.0), c(5.0, 2.0)], &b);
//! assert_eq!(ring.first(), ring.last());
//! assert!(ring.iter().all(|p| b.contains(*p)) && ring.contains(&c(10.0, 2.0)));
//!
//! // For tiles: the same square clipped and snapped to the integer grid, one valid polygon of 5 × 4 units.
//! let square = vec![vec![vec![c(5.2, 1.9), c(15.0, 1.9), c(15.0, 6.1), c(5.2, 6.1), c(5.2, 1.9)]]];
//! let out = clip_polygons_to_grid(&square, &b);
//! assert_eq!(out.len(), 1);
//! let ring = &out[0][0];
//! assert!(ring.iter().all(|p| p.x.fract() == 0.0 && p.y.fract() == 0.0 && b.contains(*p)));
//! let twice_area: f64 = ring.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum();
//! assert_eq!(twice_area, 2.0 * 5.0 * 4.0);
//! ```

use geo::{Coord, coord};
use kuril_model::grid::polygons_on_grid;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: Coord,
    pub max: Coord,
}

impl Bounds {
    pub fn contains(&self, c: Coord) -> bool {
        c.x >= self.min.x && c.x <= self.max.x && c.y >= self.min.y && c.y <= self.max.y
    }

    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min.x <= other.max.x && self.max.x >= other.min.x && self.min.y <= other.max.y && self.max.y >= other.min.y
    }
}

/// Polygons (each a list of closed rings, exterior first) clipped to `b` and snapped to the integer grid; `b` and
/// the coordinates are in grid (tile) units. The result is a list of valid polygons (closed rings of integer
/// coordinates, exterior first), exteriors with positive shoelace area and holes negative: in tile coordinates
/// (y down) that is what MVT 2.1 asks. The overlay is the model's ([`kuril_model::grid`]).
pub fn clip_polygons_to_grid(polys: &[Vec<Vec<Coord>>], b: &Bounds) -> Vec<Vec<Vec<Coord>>> {
    polygons_on_grid(polys, 1.0, Some((b.min, b.max)))
}

/// Clip a closed ring; the result is closed, or empty when nothing of the ring is inside.
pub fn clip_ring(ring: &[Coord], b: &Bounds) -> Vec<Coord> {
    let mut pts: Vec<Coord> = ring.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    // Clip against each edge in turn: x >= min.x, x <= max.x, y >= min.y, y <= max.y.
    type Edge = (fn(Coord, &Bounds) -> bool, fn(Coord, Coord, &Bounds) -> Coord);
    let edges: [Edge; 4] = [
        (|c, b| c.x >= b.min.x, |p, q, b| at_x(p, q, b.min.x)),
        (|c, b| c.x <= b.max.x, |p, q, b| at_x(p, q, b.max.x)),
        (|c, b| c.y >= b.min.y, |p, q, b| at_y(p, q, b.min.y)),
        (|c, b| c.y <= b.max.y, |p, q, b| at_y(p, q, b.max.y)),
    ];
    for (inside, cross) in edges {
        if pts.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(pts.len() + 4);
        let mut prev = pts[pts.len() - 1];
        for &cur in &pts {
            match (inside(prev, b), inside(cur, b)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cross(prev, cur, b)),
                (false, true) => {
                    out.push(cross(prev, cur, b));
                    out.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
        pts = out;
    }
    if pts.len() < 3 {
        return Vec::new();
    }
    pts.push(pts[0]);
    pts
}

fn at_x(p: Coord, q: Coord, x: f64) -> Coord {
    let t = (x - p.x) / (q.x - p.x);
    coord! { x: x, y: p.y + (q.y - p.y) * t }
}

fn at_y(p: Coord, q: Coord, y: f64) -> Coord {
    let t = (y - p.y) / (q.y - p.y);
    coord! { x: p.x + (q.x - p.x) * t, y: y }
}

/// Clip a polyline; returns the pieces inside.
pub fn clip_line(line: &[Coord], b: &Bounds) -> Vec<Vec<Coord>> {
    let mut pieces = Vec::new();
    let mut cur: Vec<Coord> = Vec::new();
    for w in line.windows(2) {
        match clip_segment(w[0], w[1], b) {
            Some((p, q)) => {
                if cur.last() != Some(&p) {
                    if cur.len() >= 2 {
                        pieces.push(std::mem::take(&mut cur));
                    }
                    cur.clear();
                    cur.push(p);
                }
                cur.push(q);
                if q != w[1] {
                    pieces.push(std::mem::take(&mut cur));
                }
            }
            None => {
                if cur.len() >= 2 {
                    pieces.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() >= 2 {
        pieces.push(cur);
    }
    pieces
}

/// Liang–Barsky.
fn clip_segment(p: Coord, q: Coord, b: &Bounds) -> Option<(Coord, Coord)> {
    let d = q - p;
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (den, num) in [
        (-d.x, p.x - b.min.x),
        (d.x, b.max.x - p.x),
        (-d.y, p.y - b.min.y),
        (d.y, b.max.y - p.y),
    ] {
        if den == 0.0 {
            if num < 0.0 {
                return None;
            }
        } else {
            let t = num / den;
            if den < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    let a = if t0 > 0.0 { p + d * t0 } else { p };
    let e = if t1 < 1.0 { p + d * t1 } else { q };
    Some((a, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit() -> Bounds {
        Bounds {
            min: coord! { x: 0.0, y: 0.0 },
            max: coord! { x: 1.0, y: 1.0 },
        }
    }

    fn area(r: &[Coord]) -> f64 {
        r.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum::<f64>() / 2.0
    }

    #[test]
    fn a_square_straddling_the_corner_keeps_its_inside_quarter() {
        let sq = [(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5)].map(|(x, y)| coord! { x: x, y: y });
        let r = clip_ring(&sq, &unit());
        assert!((area(&r) - 0.25).abs() < 1e-12, "{r:?}");
        assert!(r.iter().all(|c| unit().contains(*c)));
    }

    #[test]
    fn a_ring_outside_vanishes_and_one_around_fills_the_box() {
        let far = [(2.0, 2.0), (3.0, 2.0), (3.0, 3.0), (2.0, 2.0)].map(|(x, y)| coord! { x: x, y: y });
        assert!(clip_ring(&far, &unit()).is_empty());
        let around =
            [(-1.0, -1.0), (2.0, -1.0), (2.0, 2.0), (-1.0, 2.0), (-1.0, -1.0)].map(|(x, y)| coord! { x: x, y: y });
        assert!((area(&clip_ring(&around, &unit())) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_line_crossing_the_box_twice_gives_two_pieces() {
        let l = [(-1.0, 0.5), (0.5, 0.5), (0.5, 2.0), (0.7, 2.0), (0.7, 0.2), (2.0, 0.2)]
            .map(|(x, y)| coord! { x: x, y: y });
        let pieces = clip_line(&l, &unit());
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        assert_eq!(pieces[0][0], coord! { x: 0.0, y: 0.5 });
        assert_eq!(*pieces[1].last().expect("piece"), coord! { x: 1.0, y: 0.2 });
        for p in &pieces {
            assert!(p.iter().all(|c| unit().contains(*c)));
        }
    }
}

//! Clipping in pixel space to the image grown by a margin, so that the rasteriser (f32) and the SVG never see
//! the far-away coordinates of a deep zoom: Sutherland–Hodgman for rings, Liang–Barsky for lines.

use geo::{Coord, coord};

/// An axis-aligned box in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub min: Coord,
    pub max: Coord,
}

impl Rect {
    /// The image `width`×`height` grown by `margin` on every side.
    pub fn image(width: u32, height: u32, margin: f64) -> Rect {
        Rect {
            min: coord! { x: -margin, y: -margin },
            max: coord! { x: f64::from(width) + margin, y: f64::from(height) + margin },
        }
    }
}

/// Clip a closed ring (first point repeated or not); the result is open (no repeated first point) and empty when
/// nothing is left.
pub fn clip_ring(ring: &[Coord], r: &Rect) -> Vec<Coord> {
    let mut pts: Vec<Coord> = ring.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    // Each edge of the box: inside test and intersection with the box's line.
    type Inside = fn(Coord, &Rect) -> bool;
    type Cut = fn(Coord, Coord, &Rect) -> Coord;
    let edges: [(Inside, Cut); 4] = [
        (|p, r| p.x >= r.min.x, |a, b, r| at_x(a, b, r.min.x)),
        (|p, r| p.x <= r.max.x, |a, b, r| at_x(a, b, r.max.x)),
        (|p, r| p.y >= r.min.y, |a, b, r| at_y(a, b, r.min.y)),
        (|p, r| p.y <= r.max.y, |a, b, r| at_y(a, b, r.max.y)),
    ];
    for (inside, cut) in edges {
        if pts.is_empty() {
            break;
        }
        let mut out = Vec::with_capacity(pts.len() + 4);
        let mut prev = pts[pts.len() - 1];
        for &cur in &pts {
            match (inside(prev, r), inside(cur, r)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cut(prev, cur, r)),
                (false, true) => {
                    out.push(cut(prev, cur, r));
                    out.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
        pts = out;
    }
    if pts.len() < 3 { Vec::new() } else { pts }
}

fn at_x(a: Coord, b: Coord, x: f64) -> Coord {
    let t = (x - a.x) / (b.x - a.x);
    coord! { x: x, y: a.y + t * (b.y - a.y) }
}

fn at_y(a: Coord, b: Coord, y: f64) -> Coord {
    let t = (y - a.y) / (b.y - a.y);
    coord! { x: a.x + t * (b.x - a.x), y: y }
}

/// Clip a polyline; the parts inside, each with at least two points.
pub fn clip_line(line: &[Coord], r: &Rect) -> Vec<Vec<Coord>> {
    let mut parts: Vec<Vec<Coord>> = Vec::new();
    let mut cur: Vec<Coord> = Vec::new();
    for w in line.windows(2) {
        match clip_segment(w[0], w[1], r) {
            Some((a, b)) => {
                if cur.last() != Some(&a) {
                    if cur.len() >= 2 {
                        parts.push(std::mem::take(&mut cur));
                    }
                    cur = vec![a];
                }
                cur.push(b);
                // Leaving the box ends this part.
                if b != w[1] {
                    parts.push(std::mem::take(&mut cur));
                }
            }
            None => {
                if cur.len() >= 2 {
                    parts.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
        }
    }
    if cur.len() >= 2 {
        parts.push(cur);
    }
    parts
}

/// Liang–Barsky.
fn clip_segment(a: Coord, b: Coord, r: &Rect) -> Option<(Coord, Coord)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - r.min.x),
        (dx, r.max.x - a.x),
        (-dy, a.y - r.min.y),
        (dy, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            coord! { x: a.x + t * dx, y: a.y + t * dy }
        }
    };
    Some((at(t0), at(t1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(ring: &[Coord]) -> f64 {
        let n = ring.len();
        (0..n)
            .map(|i| ring[i].x * ring[(i + 1) % n].y - ring[(i + 1) % n].x * ring[i].y)
            .sum::<f64>()
            .abs()
            / 2.0
    }

    #[test]
    fn ring_clipped_to_the_box_keeps_the_overlap() {
        let r = Rect::image(10, 10, 0.0);
        let sq = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0), (-5.0, -5.0)].map(|(x, y)| coord! { x: x, y: y });
        let c = clip_ring(&sq, &r);
        assert!((area(&c) - 25.0).abs() < 1e-9);
        let far = sq.map(|p| coord! { x: p.x + 100.0, y: p.y });
        assert!(clip_ring(&far, &r).is_empty());
    }

    #[test]
    fn line_leaving_and_entering_splits() {
        let r = Rect::image(10, 10, 0.0);
        let l = [(1.0, 1.0), (20.0, 1.0), (20.0, 5.0), (5.0, 5.0)].map(|(x, y)| coord! { x: x, y: y });
        let parts = clip_line(&l, &r);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], vec![coord! { x: 1.0, y: 1.0 }, coord! { x: 10.0, y: 1.0 }]);
        assert_eq!(parts[1], vec![coord! { x: 10.0, y: 5.0 }, coord! { x: 5.0, y: 5.0 }]);
    }
}

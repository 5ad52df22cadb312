//! A window split in two along a line: the area on each side of it, told apart by a rule for which side a point
//! is on. The scenarios' windows are split along their equidistance lines into Japan's and Russia's claim areas
//! (`scenario_lines.rs`), but nothing here depends on how the line was found.
//!
//! The line's open pieces end on the window's edge. Each piece is oriented so that Japan's side lies on its left
//! (asking `side_of` just beside it); Japan's area is then traced by following a piece to its end and walking the
//! window's edge counter-clockwise to the start of the next piece, until the ring closes — the same way a
//! shoreline cut by a map's edge is closed. Closed pieces become separate areas (counter-clockwise) or holes
//! (clockwise). Russia's area is the window less Japan's.

use geo::{BooleanOps, Contains, Coord, LineString, MultiPolygon, Point, Polygon, Rect, coord};

use crate::scenario::Side;

/// How far beside the line the side is tested, degrees (about 10 m).
const PROBE_DEG: f64 = 1e-4;
/// How near to the window's edge a line end must be to count as on it, degrees.
const EDGE_EPS: f64 = 1e-6;

/// Split `window` along `line` into (Japan's area, Russia's area). `side_of` tells which side a point is on.
pub fn split_window(
    window: Rect,
    line: &geo::MultiLineString,
    side_of: impl Fn(Coord) -> Option<Side>,
) -> (MultiPolygon, MultiPolygon) {
    let mut open: Vec<Vec<Coord>> = Vec::new();
    let mut loops: Vec<Vec<Coord>> = Vec::new();
    for piece in &line.0 {
        let mut pts: Vec<Coord> = piece.0.clone();
        pts.dedup();
        if pts.len() < 2 {
            continue;
        }
        if side_left(&pts, &side_of) == Some(Side::Russia) {
            pts.reverse();
        }
        if pts.first() == pts.last() {
            loops.push(pts);
        } else {
            let (Some(a), Some(b)) = (snap(window, pts[0]), snap(window, pts[pts.len() - 1])) else {
                continue; // a piece that stops short of the edge cannot bound an area
            };
            let n = pts.len();
            pts[0] = a;
            pts[n - 1] = b;
            open.push(pts);
        }
    }
    let mut japan: Vec<Polygon> = if open.is_empty() {
        let corner = window.min();
        let inside = coord! { x: corner.x + PROBE_DEG, y: corner.y + PROBE_DEG };
        if side_of(inside) == Some(Side::Japan) {
            vec![window.to_polygon()]
        } else {
            vec![]
        }
    } else {
        close_along_edge(window, &open)
            .into_iter()
            .map(|r| Polygon::new(r, vec![]))
            .collect()
    };
    for ring in loops {
        let ls = LineString::from(ring);
        if signed_area(&ls.0) > 0.0 {
            japan.push(Polygon::new(ls, vec![]));
        } else if let Some(p) = japan.iter_mut().find(|p| p.contains(&Point::from(ls.0[0]))) {
            p.interiors_push(ls);
        }
    }
    let japan = MultiPolygon::new(japan);
    let russia = MultiPolygon::new(vec![window.to_polygon()]).difference(&japan);
    (japan, russia)
}

fn side_left(pts: &[Coord], side_of: &impl Fn(Coord) -> Option<Side>) -> Option<Side> {
    // Probe beside the longest of the first few segments, away from its ends.
    let (a, b) = pts
        .windows(2)
        .take(50)
        .map(|w| (w[0], w[1]))
        .max_by(|x, y| len(x.1 - x.0).total_cmp(&len(y.1 - y.0)))?;
    let d = b - a;
    let l = len(d);
    let mid = a + d * 0.5;
    side_of(coord! { x: mid.x - d.y / l * PROBE_DEG, y: mid.y + d.x / l * PROBE_DEG })
}

fn len(c: Coord) -> f64 {
    c.x.hypot(c.y)
}

/// Move a point lying (nearly) on the window's edge exactly onto it.
fn snap(w: Rect, c: Coord) -> Option<Coord> {
    let (min, max) = (w.min(), w.max());
    let candidates = [
        ((c.x - min.x).abs(), coord! { x: min.x, y: c.y }),
        ((c.x - max.x).abs(), coord! { x: max.x, y: c.y }),
        ((c.y - min.y).abs(), coord! { x: c.x, y: min.y }),
        ((c.y - max.y).abs(), coord! { x: c.x, y: max.y }),
    ];
    let (d, p) = candidates.into_iter().min_by(|a, b| a.0.total_cmp(&b.0))?;
    (d < EDGE_EPS).then_some(coord! { x: p.x.clamp(min.x, max.x), y: p.y.clamp(min.y, max.y) })
}

/// Position along the window's edge, counter-clockwise from the south-west corner.
fn edge_pos(w: Rect, c: Coord) -> f64 {
    let (min, max) = (w.min(), w.max());
    let (wd, ht) = (w.width(), w.height());
    let near = |a: f64, b: f64| (a - b).abs() < EDGE_EPS;
    if near(c.y, min.y) {
        c.x - min.x
    } else if near(c.x, max.x) {
        wd + (c.y - min.y)
    } else if near(c.y, max.y) {
        wd + ht + (max.x - c.x)
    } else {
        2.0 * wd + ht + (max.y - c.y)
    }
}

/// Close pieces (each with the wanted area on its left) into rings by walking the edge counter-clockwise.
fn close_along_edge(w: Rect, pieces: &[Vec<Coord>]) -> Vec<LineString> {
    let perimeter = 2.0 * (w.width() + w.height());
    let corners = [
        (0.0, w.min()),
        (w.width(), coord! { x: w.max().x, y: w.min().y }),
        (w.width() + w.height(), w.max()),
        (2.0 * w.width() + w.height(), coord! { x: w.min().x, y: w.max().y }),
    ];
    let starts: Vec<(f64, usize)> = pieces.iter().enumerate().map(|(i, p)| (edge_pos(w, p[0]), i)).collect();
    let mut used = vec![false; pieces.len()];
    let mut rings = Vec::new();
    for first in 0..pieces.len() {
        if used[first] {
            continue;
        }
        let mut ring: Vec<Coord> = Vec::new();
        let mut i = first;
        loop {
            used[i] = true;
            ring.extend_from_slice(&pieces[i]);
            let end = edge_pos(w, pieces[i][pieces[i].len() - 1]);
            let ahead = |pos: f64| {
                let d = (pos - end).rem_euclid(perimeter);
                if d == 0.0 { perimeter } else { d }
            };
            let Some(&(next_pos, next)) = starts.iter().min_by(|a, b| ahead(a.0).total_cmp(&ahead(b.0))) else {
                break;
            };
            let mut passed: Vec<(f64, Coord)> = corners
                .iter()
                .filter(|(p, _)| ahead(*p) < ahead(next_pos))
                .map(|&(p, c)| (ahead(p), c))
                .collect();
            passed.sort_by(|a, b| a.0.total_cmp(&b.0));
            ring.extend(passed.into_iter().map(|(_, c)| c));
            if next == first || used[next] {
                break;
            }
            i = next;
        }
        if let Some(&f) = ring.first() {
            ring.push(f);
        }
        if ring.len() >= 4 {
            rings.push(LineString::from(ring));
        }
    }
    rings
}

fn signed_area(ring: &[Coord]) -> f64 {
    ring.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum::<f64>() / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> Rect {
        Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 10.0, y: 10.0 })
    }

    #[test]
    fn a_vertical_line_splits_the_window_in_two() {
        // Japan west of x = 4, Russia east of it; the line is given in the "wrong" direction on purpose.
        let line = geo::MultiLineString::new(vec![LineString::from(vec![(4.0, 0.0), (4.0, 10.0)])]);
        let side = |c: Coord| Some(if c.x < 4.0 { Side::Japan } else { Side::Russia });
        let (japan, russia) = split_window(window(), &line, side);
        use geo::Area;
        assert!((japan.unsigned_area() - 40.0).abs() < 1e-9, "{japan:?}");
        assert!((russia.unsigned_area() - 60.0).abs() < 1e-9, "{russia:?}");
        assert!(japan.contains(&Point::new(1.0, 5.0)) && russia.contains(&Point::new(9.0, 5.0)));
    }

    #[test]
    fn a_closed_loop_makes_an_enclave() {
        // Russia everywhere except a Japanese square in the middle.
        let sq = vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0)];
        let line = geo::MultiLineString::new(vec![LineString::from(sq)]);
        let inside = |c: Coord| c.x > 4.0 && c.x < 6.0 && c.y > 4.0 && c.y < 6.0;
        let side = |c: Coord| Some(if inside(c) { Side::Japan } else { Side::Russia });
        let (japan, russia) = split_window(window(), &line, side);
        use geo::Area;
        assert!((japan.unsigned_area() - 4.0).abs() < 1e-9);
        assert!((russia.unsigned_area() - 96.0).abs() < 1e-9);
    }

    #[test]
    fn two_lines_make_three_areas() {
        // Japan in the middle band 3 < x < 7.
        let line = geo::MultiLineString::new(vec![
            LineString::from(vec![(3.0, 0.0), (3.0, 10.0)]),
            LineString::from(vec![(7.0, 10.0), (7.0, 0.0)]),
        ]);
        let side = |c: Coord| {
            Some(if c.x > 3.0 && c.x < 7.0 {
                Side::Japan
            } else {
                Side::Russia
            })
        };
        let (japan, russia) = split_window(window(), &line, side);
        use geo::Area;
        assert!((japan.unsigned_area() - 40.0).abs() < 1e-9, "{japan:?}");
        assert!((russia.unsigned_area() - 60.0).abs() < 1e-9);
        assert_eq!(russia.0.len(), 2);
    }
}

//! The equidistance (median) line between two sets of shorelines.
//!
//! Method: every shoreline vertex, plus points every `spacing` metres along shoreline segments near the
//! analysis window, becomes a site in an [`AzimuthalEquidistant`] plane centred on the window. The Delaunay
//! triangulation of the sites (spade) is dual to their Voronoi diagram; every Delaunay edge that joins a site of
//! one side to a site of the other is crossed by a Voronoi edge (between the circumcentres of the two triangles
//! that share it) whose points are nearer to those two sites than to any other and equally near to both. The
//! union of those Voronoi edges is the boundary between the points nearer to side A and those nearer to side B:
//! the equidistance line. It is chained into polylines, clipped to the analysis window, lightly simplified
//! (tolerance [`SIMPLIFY_M`]) and projected back to longitude/latitude.
//!
//! Error budget: sites are discrete, so a point of the line can be nearer to a shoreline *segment* than to its
//! nearest site by at most s²/8d (s the site spacing, d the distance to the coast: 0.6 m for s = 200 m, d = 8 km);
//! the plane's scale error is below 0.1% inside the window. Tests measure the result with geodesics.

use std::collections::HashMap;

use geo::{BooleanOps, Coord, LineString, MultiLineString, Polygon, Simplify, coord};
use spade::{DelaunayTriangulation, HasPosition, Point2, Triangulation};

use crate::projection::AzimuthalEquidistant;

/// Douglas–Peucker tolerance applied to the computed line, metres.
pub const SIMPLIFY_M: f64 = 2.0;

/// Longest segment of the output line, metres (see [`densify`]).
const MAX_SEGMENT_M: f64 = 1000.0;

/// Length of the rays that close Voronoi cells on the convex hull, metres (far beyond any window).
const RAY_M: f64 = 5.0e6;

#[derive(Debug, Clone, Copy)]
struct Site {
    pos: Point2<f64>,
    side: bool,
}

impl HasPosition for Site {
    type Scalar = f64;
    fn position(&self) -> Point2<f64> {
        self.pos
    }
}

/// Inputs of one equidistance computation.
#[derive(Debug)]
pub struct MedianInput<'a> {
    pub plane: &'a AzimuthalEquidistant,
    /// Shoreline rings of side A and of side B, (lon, lat), each closed.
    pub side_a: Vec<&'a [Coord]>,
    pub side_b: Vec<&'a [Coord]>,
    /// Where the line is wanted, (lon, lat).
    pub window: &'a Polygon,
    /// Spacing of the sites added along shoreline segments inside the window (plus a margin), metres.
    pub spacing_m: f64,
}

/// Compute the equidistance line between `side_a` and `side_b` inside `window`.
///
/// ```
/// use geo::coord;
/// use kuril_model::projection::AzimuthalEquidistant;
/// use kuril_model::{CoastIndex, MedianInput, equidistance_line};
///
/// // Two square islands 0.1° across, 0.2° (16 km) apart east to west: the line runs midway, along 145.2°E.
/// let island = |w: f64| geo::Rect::new(coord! { x: w, y: 44.0 }, coord! { x: w + 0.1, y: 44.1 }).to_polygon();
/// let (a, b) = (island(145.0), island(145.3));
/// let window = geo::Rect::new(coord! { x: 145.12, y: 43.95 }, coord! { x: 145.28, y: 44.15 }).to_polygon();
/// let plane = AzimuthalEquidistant::new(coord! { x: 145.2, y: 44.05 });
/// let line = equidistance_line(&MedianInput {
///     plane: &plane,
///     side_a: vec![&a.exterior().0[..]],
///     side_b: vec![&b.exterior().0[..]],
///     window: &window,
///     spacing_m: 200.0,
/// });
/// assert!(!line.0.is_empty());
/// // Each vertex is as far from one island's shore as from the other's, measured with geodesics.
/// let coast_a = CoastIndex::new(&plane, [&a.exterior().0[..]]);
/// let coast_b = CoastIndex::new(&plane, [&b.exterior().0[..]]);
/// for c in line.0.iter().flat_map(|l| l.0.iter().copied()) {
///     let da = coast_a.nearest(c).expect("side A").distance_m;
///     let db = coast_b.nearest(c).expect("side B").distance_m;
///     assert!((da - db).abs() < 5.0, "{c:?}: {da} m against {db} m");
///     assert!((c.x - 145.2).abs() < 1e-3, "{c:?}");
/// }
/// ```
pub fn equidistance_line(input: &MedianInput<'_>) -> MultiLineString {
    let plane = input.plane;
    let window_xy = project_polygon(plane, input.window, 0.02);
    let dense_zone = expand(input.window, 1.0);
    let mut sites = Vec::new();
    for (rings, side) in [(&input.side_a, false), (&input.side_b, true)] {
        for ring in rings.iter() {
            add_sites(plane, ring, side, &dense_zone, input.spacing_m, &mut sites);
        }
    }
    dedup(&mut sites);
    let Ok(tri) = DelaunayTriangulation::<Site>::bulk_load(sites) else {
        return MultiLineString::new(vec![]);
    };
    let lines = voronoi_boundary(&tri);
    let clipped = window_xy.clip(&lines, false);
    let simplified = clipped.simplify(SIMPLIFY_M);
    MultiLineString::new(
        simplified
            .0
            .into_iter()
            .filter(|l| l.0.len() >= 2)
            .map(|l| {
                densify(&l, MAX_SEGMENT_M)
                    .into_iter()
                    .map(|c| plane.inverse(c))
                    .collect()
            })
            .collect(),
    )
}

/// Voronoi edges are straight in the plane, not in longitude/latitude; far from the coasts they can be tens of
/// kilometres long, so they are cut into pieces short enough that a straight (lon, lat) segment between the
/// back-projected vertices stays within a metre of the plane's straight edge.
fn densify(line: &LineString, max_len: f64) -> Vec<Coord> {
    let mut out = Vec::with_capacity(line.0.len());
    for seg in line.lines() {
        let d = seg.end - seg.start;
        let n = (d.x.hypot(d.y) / max_len).ceil().max(1.0) as usize;
        for k in 0..n {
            out.push(seg.start + d * (k as f64 / n as f64));
        }
    }
    out.extend(line.0.last().copied());
    out
}

fn add_sites(
    plane: &AzimuthalEquidistant,
    ring: &[Coord],
    side: bool,
    dense_zone: &(Coord, Coord),
    spacing: f64,
    out: &mut Vec<Site>,
) {
    let inside =
        |c: Coord| c.x >= dense_zone.0.x && c.x <= dense_zone.1.x && c.y >= dense_zone.0.y && c.y <= dense_zone.1.y;
    let mut prev: Option<(Coord, Coord)> = None;
    for &c in ring {
        let xy = plane.forward(c);
        if let Some((pc, pxy)) = prev
            && (inside(pc) || inside(c))
        {
            let len = (xy - pxy).x.hypot((xy - pxy).y);
            let n = (len / spacing).floor() as usize;
            for k in 1..=n {
                let t = k as f64 / (n + 1) as f64;
                let q = pxy + (xy - pxy) * t;
                out.push(Site {
                    pos: Point2::new(q.x, q.y),
                    side,
                });
            }
        }
        out.push(Site {
            pos: Point2::new(xy.x, xy.y),
            side,
        });
        prev = Some((c, xy));
    }
}

/// Drop sites that coincide (closed rings repeat their first vertex; touching rings share vertices).
fn dedup(sites: &mut Vec<Site>) {
    let key = |s: &Site| ((s.pos.x * 100.0).round() as i64, (s.pos.y * 100.0).round() as i64);
    sites.sort_by_key(key);
    sites.dedup_by(|a, b| key(a) == key(b));
}

/// The Voronoi edges separating sites of different sides, chained into polylines (plane coordinates).
fn voronoi_boundary(tri: &DelaunayTriangulation<Site>) -> MultiLineString {
    let mut nodes: HashMap<usize, Coord> = HashMap::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    let mut next_ray = usize::MAX;
    for edge in tri.undirected_edges() {
        let e = edge.as_directed();
        let (from, to) = (e.from(), e.to());
        if from.data().side == to.data().side {
            continue;
        }
        let mut ends = [0usize; 2];
        let mut is_ray = [false; 2];
        let mut inner = None;
        for (k, half) in [e, e.rev()].into_iter().enumerate() {
            if let Some(face) = half.face().as_inner() {
                let c = face.circumcenter();
                let id = face.fix().index();
                nodes.insert(id, coord! { x: c.x, y: c.y });
                ends[k] = id;
                inner = Some((face, c));
            } else {
                ends[k] = next_ray;
                is_ray[k] = true;
                next_ray -= 1;
            }
        }
        let Some((face, c)) = inner else { continue };
        // A hull edge: its Voronoi edge is a ray from the inner triangle's circumcentre, pointing away from it.
        for k in (0..2).filter(|&k| is_ray[k]) {
            let (a, b) = (from.position(), to.position());
            let mut n = coord! { x: b.y - a.y, y: -(b.x - a.x) };
            let third = face
                .vertices()
                .into_iter()
                .find(|v| v.fix() != from.fix() && v.fix() != to.fix())
                .map(|v| v.position());
            if let Some(t) = third {
                let mid = coord! { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 };
                if n.x * (t.x - mid.x) + n.y * (t.y - mid.y) > 0.0 {
                    n = coord! { x: -n.x, y: -n.y };
                }
            }
            let len = n.x.hypot(n.y);
            nodes.insert(
                ends[k],
                coord! { x: c.x + n.x / len * RAY_M, y: c.y + n.y / len * RAY_M },
            );
        }
        if ends[0] != ends[1] {
            edges.push((ends[0], ends[1]));
        }
    }
    chain(&nodes, &edges)
}

/// Join edges that share end nodes into polylines; ends at nodes of degree other than two.
fn chain(nodes: &HashMap<usize, Coord>, edges: &[(usize, usize)]) -> MultiLineString {
    let mut adj: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &(a, b)) in edges.iter().enumerate() {
        adj.entry(a).or_default().push(i);
        adj.entry(b).or_default().push(i);
    }
    let mut used = vec![false; edges.len()];
    let mut lines = Vec::new();
    let walk = |start: usize, first: usize, used: &mut Vec<bool>| {
        let mut pts = vec![nodes[&start]];
        let (mut node, mut e) = (start, first);
        loop {
            used[e] = true;
            let (a, b) = edges[e];
            node = if a == node { b } else { a };
            pts.push(nodes[&node]);
            let next = adj[&node].iter().copied().find(|&i| !used[i]);
            match next {
                Some(i) if adj[&node].len() == 2 => e = i,
                _ => break,
            }
        }
        LineString::from(pts)
    };
    let mut starts: Vec<usize> = adj.iter().filter(|(_, v)| v.len() != 2).map(|(&k, _)| k).collect();
    starts.sort_unstable();
    for s in starts {
        for i in adj[&s].clone() {
            if !used[i] {
                lines.push(walk(s, i, &mut used));
            }
        }
    }
    // What is left are closed loops.
    for i in 0..edges.len() {
        if !used[i] {
            lines.push(walk(edges[i].0, i, &mut used));
        }
    }
    MultiLineString::new(lines)
}

/// A (lon, lat) polygon's exterior, densified every `step` degrees, in the plane.
fn project_polygon(plane: &AzimuthalEquidistant, poly: &Polygon, step: f64) -> Polygon {
    let mut pts = Vec::new();
    let ext = &poly.exterior().0;
    for w in ext.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = (((b.x - a.x).abs().max((b.y - a.y).abs())) / step).ceil().max(1.0) as usize;
        for k in 0..n {
            let t = k as f64 / n as f64;
            pts.push(plane.forward(a + (b - a) * t));
        }
    }
    Polygon::new(LineString::from(pts), vec![])
}

fn expand(poly: &Polygon, deg: f64) -> (Coord, Coord) {
    use geo::BoundingRect;
    let r = poly
        .bounding_rect()
        .unwrap_or_else(|| geo::Rect::new(coord! {x: 0., y: 0.}, coord! {x: 0., y: 0.}));
    (
        coord! { x: r.min().x - deg, y: r.min().y - deg },
        coord! { x: r.max().x + deg, y: r.max().y + deg },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Rect;

    fn square(x0: f64, y0: f64, size: f64) -> Vec<Coord> {
        vec![
            coord! { x: x0, y: y0 },
            coord! { x: x0 + size, y: y0 },
            coord! { x: x0 + size, y: y0 + size },
            coord! { x: x0, y: y0 + size },
            coord! { x: x0, y: y0 },
        ]
    }

    #[test]
    fn two_mirrored_islands_are_split_by_the_meridian_between_them() {
        // Mirror images across the 146.2°E meridian: by symmetry the median line is that meridian.
        let a = square(146.0, 44.0, 0.1);
        let b = square(146.3, 44.0, 0.1);
        let window = Rect::new(coord! { x: 146.1, y: 44.02 }, coord! { x: 146.3, y: 44.08 }).to_polygon();
        let plane = AzimuthalEquidistant::new(coord! { x: 146.2, y: 44.05 });
        let line = equidistance_line(&MedianInput {
            plane: &plane,
            side_a: vec![&a],
            side_b: vec![&b],
            window: &window,
            spacing_m: 200.0,
        });
        assert_eq!(line.0.len(), 1, "{line:?}");
        let coords: Vec<Coord> = line.0[0].coords().copied().collect();
        assert!(coords.len() >= 2);
        for c in &coords {
            assert!((c.x - 146.2).abs() < 1e-5, "{c:?} is off the meridian");
        }
        // It spans the window from south to north.
        let ys: Vec<f64> = coords.iter().map(|c| c.y).collect();
        let (lo, hi) = ys.iter().fold((f64::MAX, f64::MIN), |(l, h), &y| (l.min(y), h.max(y)));
        assert!(lo < 44.021 && hi > 44.079, "{lo}..{hi}");
    }

    #[test]
    fn sides_without_sites_give_no_line() {
        let a = square(146.0, 44.0, 0.1);
        let window = Rect::new(coord! { x: 145.0, y: 43.0 }, coord! { x: 147.0, y: 45.0 }).to_polygon();
        let plane = AzimuthalEquidistant::new(coord! { x: 146.0, y: 44.0 });
        let line = equidistance_line(&MedianInput {
            plane: &plane,
            side_a: vec![&a],
            side_b: vec![],
            window: &window,
            spacing_m: 200.0,
        });
        assert!(line.0.is_empty());
    }
}

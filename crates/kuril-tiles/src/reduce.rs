//! Reducing a large feature to what can matter inside one tile before the exact clip, so that a tile touched by
//! an 18,000-vertex shoreline clips a few hundred vertices, and the tile comes out the same.
//!
//! A ring keeps every original vertex whose segments come near the box; a run of consecutive vertices that all
//! stay beyond the same side of the box is replaced by its first and last vertex (a chord, itself beyond that
//! side). The run and its chord make a closed path inside that half-plane, which winds around no point of the
//! box: the winding number, and so the filled area, is the same everywhere inside the box, and every segment that
//! meets the box is an original one, unchanged. Lines keep the runs of segments that may meet the box.
//!
//! ```
//! use geo::coord;
//! use kuril_tiles::clip::Bounds;
//! use kuril_tiles::reduce::{line_runs, reduce_ring};
//!
//! let c = |x: f64, y: f64| coord! { x: x, y: y };
//! let b = Bounds { min: c(0.0, 0.0), max: c(10.0, 10.0) };
//! // A square around the box with a long wiggle far to its left: the wiggle's run becomes one chord.
//! let mut ring = vec![c(-5.0, -5.0), c(15.0, -5.0), c(15.0, 15.0), c(-5.0, 15.0)];
//! ring.extend((0..20).map(|i| c(-6.0 - f64::from(i % 2), 14.0 - f64::from(i))));
//! ring.push(c(-5.0, -5.0));
//! let reduced = reduce_ring(&ring, &b);
//! assert!(reduced.len() < ring.len() / 2);
//! assert_eq!(reduced.first(), reduced.last());
//! assert!(reduced.iter().all(|p| ring.contains(p)), "only original vertices");
//!
//! // A line that leaves the box far to the right and comes back: two runs, the far part dropped.
//! let line = [c(5.0, 5.0), c(20.0, 5.0), c(30.0, 5.0), c(30.0, 6.0), c(20.0, 6.0), c(5.0, 6.0)];
//! let runs = line_runs(&line, &b);
//! assert_eq!(runs, vec![&line[..2], &line[4..]]);
//! ```

use geo::Coord;

use crate::clip::Bounds;

/// Where a point lies against the box: one bit per side it is beyond (left, right, above, below).
fn outcode(c: &Coord, b: &Bounds) -> u8 {
    u8::from(c.x < b.min.x)
        | (u8::from(c.x > b.max.x) << 1)
        | (u8::from(c.y < b.min.y) << 2)
        | (u8::from(c.y > b.max.y) << 3)
}

/// Vertices per chunk of [`RingInfo::chunks`].
pub const CHUNK: usize = 32;

/// A ring's box and, when rounding to the tile grid cannot change it, the sign of its area.
#[derive(Debug, Clone)]
pub struct RingInfo {
    pub bounds: Bounds,
    /// The box of each full chunk of [`CHUNK`] consecutive vertices (chunk `k` is `ring[k * CHUNK..(k + 1) *
    /// CHUNK]`), so that [`reduce_ring_chunked`] steps over a chunk that lies wholly beyond a side of the box.
    pub chunks: Vec<Bounds>,
    /// `Some(true)` when the area is positive on any tile's grid at this zoom, `Some(false)` when negative,
    /// `None` when the ring is too thin to tell.
    pub positive: Option<bool>,
}

/// A ring (world coordinates) at a zoom of `units` tile units per world unit.
pub fn ring_info(ring: &[Coord], units: f64) -> RingInfo {
    let (mut min, mut max) = (
        Coord {
            x: f64::MAX,
            y: f64::MAX,
        },
        Coord {
            x: f64::MIN,
            y: f64::MIN,
        },
    );
    let (mut area2, mut perimeter) = (0.0f64, 0.0f64);
    for c in ring {
        min = Coord {
            x: min.x.min(c.x),
            y: min.y.min(c.y),
        };
        max = Coord {
            x: max.x.max(c.x),
            y: max.y.max(c.y),
        };
    }
    for w in ring.windows(2) {
        let (p, q) = (w[0] * units, w[1] * units);
        area2 += (p.x - min.x * units) * (q.y - min.y * units) - (q.x - min.x * units) * (p.y - min.y * units);
        perimeter += (q.x - p.x).abs() + (q.y - p.y).abs();
    }
    // Rounding moves each vertex by at most half a unit in x and in y, which changes twice the area by at most
    // about the perimeter (in the L1 sense) plus a unit per vertex: ask for four times as much.
    let bound = 4.0 * (perimeter + ring.len() as f64 + 1.0);
    RingInfo {
        bounds: Bounds { min, max },
        chunks: chunk_bounds(ring),
        positive: (area2.abs() > bound).then_some(area2 > 0.0),
    }
}

/// The box of each full chunk of [`CHUNK`] vertices of `ring`.
pub fn chunk_bounds(ring: &[Coord]) -> Vec<Bounds> {
    ring.chunks_exact(CHUNK)
        .map(|c| {
            c.iter().fold(
                Bounds {
                    min: Coord {
                        x: f64::MAX,
                        y: f64::MAX,
                    },
                    max: Coord {
                        x: f64::MIN,
                        y: f64::MIN,
                    },
                },
                |b, p| Bounds {
                    min: Coord {
                        x: b.min.x.min(p.x),
                        y: b.min.y.min(p.y),
                    },
                    max: Coord {
                        x: b.max.x.max(p.x),
                        y: b.max.y.max(p.y),
                    },
                },
            )
        })
        .collect()
}

/// The sides of `b` that a whole box `c` lies beyond: the bitwise and of the outcodes of all the points in `c`.
fn box_outcode(c: &Bounds, b: &Bounds) -> u8 {
    u8::from(c.max.x < b.min.x)
        | (u8::from(c.min.x > b.max.x) << 1)
        | (u8::from(c.max.y < b.min.y) << 2)
        | (u8::from(c.min.y > b.max.y) << 3)
}

/// The closed ring `ring` reduced for the box `b`: the same winding everywhere inside `b`, every segment that
/// meets `b` kept as it is, made of original vertices only (see the module's documentation).
pub fn reduce_ring(ring: &[Coord], b: &Bounds) -> Vec<Coord> {
    reduce_ring_chunked(ring, &[], b)
}

/// [`reduce_ring`] given the ring's [`chunk_bounds`] (or a prefix of them): the same result, but a run beyond one
/// side steps over each chunk whose box lies wholly beyond that side instead of visiting its vertices.
pub fn reduce_ring_chunked(ring: &[Coord], chunks: &[Bounds], b: &Bounds) -> Vec<Coord> {
    let n = if ring.len() > 1 && ring.first() == ring.last() {
        ring.len() - 1
    } else {
        ring.len()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let code = outcode(&ring[i], b);
        out.push(ring[i]);
        if code == 0 {
            i += 1;
            continue;
        }
        // The longest run from i whose vertices all lie beyond one common side.
        let (mut common, mut j) = (code, i);
        while j + 1 < n {
            // A whole chunk beyond a side the run is beyond: the vertex-by-vertex and over it never reaches zero
            // and ends at `common & chunk's code`, so jump to its last vertex.
            if (j + 1) % CHUNK == 0 {
                let k = (j + 1) / CHUNK;
                if let Some(c) = chunks.get(k).filter(|_| (k + 1) * CHUNK <= n) {
                    let next = common & box_outcode(c, b);
                    if next != 0 {
                        common = next;
                        j += CHUNK;
                        continue;
                    }
                }
            }
            let next = common & outcode(&ring[j + 1], b);
            if next == 0 {
                break;
            }
            common = next;
            j += 1;
        }
        if j > i {
            out.push(ring[j]);
        }
        i = j + 1;
    }
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

/// Twice the signed area of the ring once in tile units and rounded to the grid, as the overlay computes it to
/// orient the ring ([`kuril_model::grid::polygons_on_grid`]).
pub fn rounded_area2(ring: &[Coord], to_tile: &impl Fn(&Coord) -> Coord) -> i64 {
    let pts: Vec<(i64, i64)> = ring
        .iter()
        .map(|c| {
            let t = to_tile(c);
            (t.x.round() as i64, t.y.round() as i64)
        })
        .collect();
    pts.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum()
}

/// The runs of consecutive segments of `line` that may meet `b` (those not wholly beyond one side of it), as
/// slices of the line; clipping them gives what clipping the whole line gives.
pub fn line_runs<'a>(line: &'a [Coord], b: &Bounds) -> Vec<&'a [Coord]> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev = line.first().map(|c| outcode(c, b));
    for i in 1..line.len() {
        let code = outcode(&line[i], b);
        let near = prev.is_some_and(|p| p & code == 0);
        match (near, start) {
            (true, None) => start = Some(i - 1),
            (false, Some(s)) => {
                out.push(&line[s..i]);
                start = None;
            }
            _ => {}
        }
        prev = Some(code);
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stepping over chunks gives exactly the vertices of the vertex-by-vertex reduction, for a long wiggly ring
    /// (open and closed) against boxes inside, across and beside it.
    #[test]
    fn chunked_reduction_is_the_plain_reduction() {
        let mut seed = 12345u64;
        let mut rnd = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut ring: Vec<Coord> = (0..5000)
            .map(|i| {
                let t = f64::from(i) / 5000.0 * std::f64::consts::TAU;
                let r = 100.0 + 20.0 * (7.0 * t).sin() + 5.0 * rnd();
                Coord {
                    x: r * t.cos(),
                    y: r * t.sin(),
                }
            })
            .collect();
        let mut checked = 0;
        for closed in [false, true] {
            if closed {
                ring.push(ring[0]);
            }
            let chunks = chunk_bounds(&ring);
            assert_eq!(chunks.len(), ring.len() / CHUNK);
            for _ in 0..200 {
                let (x, y, w) = (rnd() * 300.0 - 150.0, rnd() * 300.0 - 150.0, rnd() * 40.0);
                let b = Bounds {
                    min: Coord { x, y },
                    max: Coord { x: x + w, y: y + w },
                };
                let plain = reduce_ring(&ring, &b);
                assert_eq!(reduce_ring_chunked(&ring, &chunks, &b), plain, "box {b:?}");
                checked += usize::from(plain.len() < ring.len() / 2);
            }
        }
        assert!(checked > 100, "only {checked} boxes reduced the ring much");
    }
}

//! Strait widths are computed from the shorelines: the ends lie on the two coasts, and no pair of shoreline
//! vertices across the strait is closer.

mod common;

use common::MODEL;
use geo::{Area, BooleanOps, Contains, Coord, Distance, Euclidean, Haversine, MultiPolygon, Point};

fn coast_vertices(ids: &[String], area: &geo::Polygon) -> Vec<Point> {
    ids.iter()
        .flat_map(|id| {
            MODEL
                .island(id)
                .expect("island")
                .polygons()
                .cloned()
                .collect::<Vec<_>>()
        })
        .flat_map(|p| p.exterior().points().collect::<Vec<_>>())
        .filter(|p| area.contains(p))
        .collect()
}

/// Planar distance in degrees from a point to the nearest shoreline of the islands (enough to tell "on it").
fn degrees_to_coast(ids: &[String], c: Coord) -> f64 {
    ids.iter()
        .flat_map(|id| {
            MODEL
                .island(id)
                .expect("island")
                .polygons()
                .cloned()
                .collect::<Vec<_>>()
        })
        .map(|p| Euclidean.distance(&Point::from(c), p.exterior()))
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn width_ends_lie_on_the_two_coasts() {
    for s in &MODEL.straits {
        let [a, b] = s.width.ends;
        // 2e-5° is about 2 m.
        assert!(
            degrees_to_coast(&s.between[0], a) < 2e-5,
            "{}: first end {a:?} is off its coast",
            s.id
        );
        assert!(
            degrees_to_coast(&s.between[1], b) < 2e-5,
            "{}: second end {b:?} is off its coast",
            s.id
        );
        let d = kuril_model::distance_m(a, b);
        assert!(
            (d - s.width.distance_m).abs() < 1.0,
            "{}: {d} vs {}",
            s.id,
            s.width.distance_m
        );
    }
}

#[test]
fn width_is_the_minimum_across_the_strait() {
    for s in &MODEL.straits {
        let a = coast_vertices(&s.between[0], &s.search_area);
        let b = coast_vertices(&s.between[1], &s.search_area);
        assert!(!a.is_empty() && !b.is_empty(), "{}", s.id);
        let brute = a
            .iter()
            .flat_map(|p| b.iter().map(move |q| Haversine.distance(*p, *q)))
            .fold(f64::INFINITY, f64::min);
        let w = s.width.distance_m;
        // Vertex pairs can only be farther apart than the true minimum (which may end mid-segment);
        // Haversine and the geodesic differ by < 0.5%.
        assert!(
            w <= brute * 1.005 + 1.0,
            "{}: width {w:.0} m but two vertices are {brute:.0} m apart",
            s.id
        );
        assert!(
            w >= brute * 0.9,
            "{}: width {w:.0} m, nearest vertices {brute:.0} m",
            s.id
        );
        assert!(w > 1000.0 && w < 100_000.0, "{}: {w}", s.id);
    }
}

#[test]
fn strait_water_excludes_land() {
    let land = MultiPolygon::new(MODEL.islands.iter().flat_map(|i| i.polygons().cloned()).collect());
    for s in &MODEL.straits {
        let overlap = s.water.intersection(&land).unsigned_area();
        assert!(overlap < 1e-8, "{}: {overlap} deg² of land in the water", s.id);
        assert!(s.water.unsigned_area() < s.search_area.unsigned_area(), "{}", s.id);
    }
}

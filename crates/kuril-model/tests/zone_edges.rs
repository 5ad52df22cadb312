//! The maritime zones measured from outside: every vertex of a zone's boundary lies where its definition puts it.
//!
//! The zones are built by buffering simplified shorelines in a plane. This test measures instead, on the WGS 84
//! ellipsoid, the geodesic distance from each boundary vertex to the sea coast, read here from `geodata/` on its
//! own (not through the model's loader): every shoreline ring that lies inside no other ring. A ring inside
//! another is a lake's shore or an island in a lake; a lake has no territorial sea.
//!
//! A boundary vertex away from the window's edge and from the scenario's line must be
//! - on the coast (inner edge of the territorial sea: within [`ON_COAST_M`]),
//! - at 12 nautical miles (22,224 m) within [`TS_TOLERANCE_M`]: 100 m of shoreline simplification before
//!   buffering, 7 m of the buffer's chords and the plane's scale error (under 0.2% of the distance), or
//! - at 200 nautical miles (370,400 m) within [`EEZ_TOLERANCE_M`]: 1 km of simplification, 116 m of the buffer's
//!   chords and 0.1% scale error,
//!
//! whichever its zone's definition allows (territorial sea: coast or 12 nm; 12–200 nm belt: 12 or 200 nm; beyond
//! 200 nm: 200 nm).

mod common;

use common::MODEL;
use geo::{BoundingRect, Contains, Coord, LineString, Point, Polygon, Rect};
use kuril_model::{CoastIndex, EEZ_NM, NAUTICAL_MILE_M, TERRITORIAL_SEA_NM, ZoneKind};
use serde_json::Value;

const ON_COAST_M: f64 = 5.0;
const TS_TOLERANCE_M: f64 = 150.0;
const EEZ_TOLERANCE_M: f64 = 1_500.0;
/// Vertices this close to the window's edge or to the line are where the zone is cut, not where it ends.
const CUT_MARGIN_M: f64 = 500.0;
/// At most this many vertices measured per zone (evenly spread over its rings).
const SAMPLES_PER_ZONE: usize = 1500;

/// Shoreline rings of a GeoJSON file of Polygons (or MultiPolygons), every ring: exteriors and holes.
fn rings_of(text: &str) -> Vec<Vec<Coord>> {
    let v: Value = serde_json::from_str(text).expect("GeoJSON");
    let ring = |r: &Value| -> Vec<Coord> {
        r.as_array()
            .expect("ring")
            .iter()
            .map(|p| Coord {
                x: p[0].as_f64().expect("lon"),
                y: p[1].as_f64().expect("lat"),
            })
            .collect()
    };
    let mut out = Vec::new();
    for f in v["features"].as_array().expect("features") {
        let g = &f["geometry"];
        let polys: Vec<&Value> = match g["type"].as_str() {
            Some("Polygon") => vec![&g["coordinates"]],
            Some("MultiPolygon") => g["coordinates"].as_array().expect("polygons").iter().collect(),
            other => panic!("unexpected geometry {other:?}"),
        };
        for p in polys {
            out.extend(p.as_array().expect("rings").iter().map(ring));
        }
    }
    out
}

/// The sea coast: rings of the shoreline files that no other ring contains.
fn sea_coast() -> Vec<Vec<Coord>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../geodata/");
    let read = |f: &str| std::fs::read_to_string(format!("{root}{f}")).expect("geodata file");
    let mut rings = rings_of(&read("coastline.geojson"));
    rings.extend(rings_of(&read("habomai-osm.geojson")));
    let polys: Vec<(Polygon, Rect)> = rings
        .iter()
        .map(|r| {
            let p = Polygon::new(LineString::from(r.clone()), vec![]);
            let b = p.bounding_rect().expect("non-empty ring");
            (p, b)
        })
        .collect();
    let inside_another = |i: usize| {
        let pt = Point::from(rings[i][0]);
        polys
            .iter()
            .enumerate()
            .any(|(j, (p, b))| j != i && b.contains(&pt) && p.contains(&pt))
    };
    (0..rings.len())
        .filter(|&i| !inside_another(i))
        .map(|i| rings[i].clone())
        .collect()
}

/// The edges of a (lon, lat) rectangle with a vertex every 0.01°, as one ring.
fn rect_ring(r: Rect) -> Vec<Coord> {
    let (a, b) = (r.min(), r.max());
    let corners = [a, Coord { x: b.x, y: a.y }, b, Coord { x: a.x, y: b.y }, a];
    let mut out = Vec::new();
    for w in corners.windows(2) {
        let n = (((w[1].x - w[0].x).abs() + (w[1].y - w[0].y).abs()) / 0.01).ceil() as usize;
        out.extend((0..n).map(|k| w[0] + (w[1] - w[0]) * (k as f64 / n as f64)));
    }
    out.push(a);
    out
}

#[derive(Debug)]
#[allow(dead_code)] // read through its Debug form in the failure message
struct Stray {
    scenario: String,
    zone: String,
    at: Coord,
    coast_m: f64,
}

#[test]
fn zone_edges_lie_at_their_distance_from_the_sea_coast() {
    let rings = sea_coast();
    let plane = MODEL.plane();
    let coast_index = CoastIndex::new(plane, rings.iter().map(|r| r.as_slice()));
    // The edges a zone may have: (distance from the coast, tolerance, which `worst` slot it reports to).
    let coast = (0.0, ON_COAST_M, None);
    let at_12 = (TERRITORIAL_SEA_NM * NAUTICAL_MILE_M, TS_TOLERANCE_M, Some(0));
    let at_200 = (EEZ_NM * NAUTICAL_MILE_M, EEZ_TOLERANCE_M, Some(1));
    let mut strays: Vec<Stray> = Vec::new();
    let mut measured = 0usize;
    let mut worst = [0.0f64; 2]; // largest error seen at 12 nm and at 200 nm
    // The main scenarios: the analysis window; the historical ones have their own windows.
    for scenario in &MODEL.scenarios {
        let id = scenario.id.as_str();
        let windows = MODEL.windows(id).expect("scenario");
        let window_rings: Vec<Vec<Coord>> = windows.iter().map(|&w| rect_ring(w)).collect();
        let window_index = CoastIndex::new(plane, window_rings.iter().map(|r| r.as_slice()));
        let line = MODEL.line(id).expect("line");
        let line_index = CoastIndex::new(plane, line.geometry.0.iter().map(|l| l.0.as_slice()));
        let zones = MODEL.zones(id).expect("zones");
        for zone in &zones.zones {
            let allowed = match zone.kind {
                ZoneKind::TerritorialSea => vec![coast, at_12],
                ZoneKind::Eez => vec![at_12, at_200],
                ZoneKind::Beyond => vec![at_200],
            };
            let vertices: Vec<Coord> = zone
                .geometry
                .0
                .iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .flat_map(|r| r.0.iter().copied())
                .collect();
            let stride = vertices.len().div_ceil(SAMPLES_PER_ZONE).max(1);
            for &v in vertices.iter().step_by(stride) {
                let near = |idx: &CoastIndex| idx.nearest(v).is_some_and(|n| n.distance_m < CUT_MARGIN_M);
                if near(&window_index) || (!line_index.is_empty() && near(&line_index)) {
                    continue;
                }
                let d = coast_index.nearest(v).expect("a coast").distance_m;
                measured += 1;
                let fits = allowed.iter().any(|&(want, tolerance, slot)| {
                    let err = (d - want).abs();
                    let ok = err <= tolerance;
                    if let (true, Some(s)) = (ok, slot) {
                        worst[s] = worst[s].max(err);
                    }
                    ok
                });
                if !fits {
                    strays.push(Stray {
                        scenario: id.to_string(),
                        zone: format!("{:?} {:?}", zone.side, zone.kind),
                        at: v,
                        coast_m: d,
                    });
                }
            }
        }
    }
    println!(
        "zone edges: {measured} vertices measured; largest error {:.0} m at 12 nm, {:.0} m at 200 nm",
        worst[0], worst[1]
    );
    assert!(measured > 1000, "too few vertices measured: {measured}");
    let shown: Vec<&Stray> = strays.iter().take(12).collect();
    assert!(
        strays.is_empty(),
        "{} of {measured} zone-edge vertices are neither on the coast nor at 12 or 200 nautical miles from it \
         (as their zone allows), e.g. {shown:#?}",
        strays.len()
    );
}

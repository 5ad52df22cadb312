//! Maritime zones per side under a scenario, inside the analysis window: the territorial sea (12 nautical
//! miles) and an exclusive-economic-zone-like belt (12–200 nautical miles), each cut by the scenario's
//! equidistance line, and the sea beyond 200 nautical miles.
//!
//! Simplifications (stated wherever the numbers are shown): normal baselines only — distances are measured from
//! the shoreline data (GSHHG; OpenStreetMap for the Habomai islets), with no straight baselines, bay closing lines
//! or low-tide elevations; every island, however small, generates zones; buffers are computed in the azimuthal
//! equidistant plane (its scale error is below 0.1% in the window) on shorelines simplified to 100 m (12 nm) and
//! 1 km (200 nm); areas are geodesic.
//!
//! ```
//! use kuril_model::{EEZ_NM, NAUTICAL_MILE_M, Side, TERRITORIAL_SEA_NM, ZoneKind};
//!
//! assert_eq!(TERRITORIAL_SEA_NM * NAUTICAL_MILE_M, 22_224.0);
//! assert_eq!(EEZ_NM * NAUTICAL_MILE_M, 370_400.0);
//!
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let zones = model.zones("two-island-1956").expect("known scenario");
//! // The zones of both sides partition the window's sea (to 1%), and each side has a territorial sea.
//! let sea: f64 = Side::BOTH.iter().map(|&s| zones.sea(s)).sum();
//! assert!((sea / zones.window_sea_km2 - 1.0).abs() < 0.01, "{sea} km² of {}", zones.window_sea_km2);
//! for side in Side::BOTH {
//!     assert!(zones.area(side, ZoneKind::TerritorialSea) > 0.0, "{side:?}");
//! }
//! ```

use geo::algorithm::buffer::{BufferStyle, LineJoin};
use geo::orient::{Direction, Orient};
use geo::{
    BooleanOps, Buffer, Coord, GeodesicArea, LineString, MapCoords, MultiPolygon, Polygon, Rect, Simplify, coord,
};

use crate::geodesic::geodesic_area_km2;
use crate::projection::AzimuthalEquidistant;
use crate::scenario::Side;

pub const NAUTICAL_MILE_M: f64 = 1852.0;
pub const TERRITORIAL_SEA_NM: f64 = 12.0;
pub const EEZ_NM: f64 = 200.0;

/// What a zone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneKind {
    /// 0–12 nautical miles from the shoreline.
    TerritorialSea,
    /// 12–200 nautical miles.
    Eez,
    /// More than 200 nautical miles from any shoreline of the side.
    Beyond,
}

impl ZoneKind {
    pub const ALL: [ZoneKind; 3] = [ZoneKind::TerritorialSea, ZoneKind::Eez, ZoneKind::Beyond];
}

/// One side's zone of one kind, (lon, lat).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Zone {
    pub side: Side,
    pub kind: ZoneKind,
    pub geometry: MultiPolygon,
    pub area_km2: f64,
}

/// All zones of a scenario, plus the land and sea totals they partition.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MaritimeZones {
    pub zones: Vec<Zone>,
    /// Sea inside the analysis window (window less land), km².
    pub window_sea_km2: f64,
    /// Land inside the analysis window, per side, km².
    pub land_km2: [(Side, f64); 2],
}

impl MaritimeZones {
    pub fn area(&self, side: Side, kind: ZoneKind) -> f64 {
        self.zones
            .iter()
            .filter(|z| z.side == side && z.kind == kind)
            .map(|z| z.area_km2)
            .sum()
    }

    /// All sea of a side in the window, km².
    pub fn sea(&self, side: Side) -> f64 {
        ZoneKind::ALL.iter().map(|&k| self.area(side, k)).sum()
    }
}

/// What does not depend on the scenario: the window's sea, the land near the window, and how far 12 and 200
/// nautical miles reach from all land (whoever holds it: inside a side's claim area the nearest shoreline is
/// always that side's own, so one reach serves both sides). Plane coordinates.
///
/// The belts `territorial` (within 12 nm of land), `belt` (12–200 nm) and `beyond` (over 200 nm) partition a box
/// larger than the window, and only `territorial` reaches the coast. Each zone is then one intersection of a
/// side's sea with one belt: no two operands share an edge. (Subtracting polygons that share the coast, or cutting
/// the claim areas again with the window's own edge, drawn with other vertices, left slivers of no area along
/// those edges: invalid rings.)
#[derive(Debug, Clone)]
pub(crate) struct Reach {
    window_sea_km2: f64,
    land: MultiPolygon,
    territorial: MultiPolygon,
    belt: MultiPolygon,
    beyond: MultiPolygon,
}

/// Shoreline simplification before buffering, metres: a small fraction of each buffer's distance.
const TS_SIMPLIFY_M: f64 = 100.0;
const EEZ_SIMPLIFY_M: f64 = 1000.0;
/// The angle between the chords of a buffer's round joins, radians (geo's default is 0.2: 111 m short at 12 nm).
const JOIN_ANGLE: f64 = 0.05;

/// A (lon, lat) rectangle grown by `deg` degrees of latitude (and 1.5 times that of longitude), densified and
/// projected.
fn grown(plane: &AzimuthalEquidistant, window: Rect, deg: f64, step: f64) -> MultiPolygon {
    let r = Rect::new(
        coord! { x: window.min().x - deg * 1.5, y: window.min().y - deg },
        coord! { x: window.max().x + deg * 1.5, y: window.max().y + deg },
    );
    MultiPolygon::new(vec![densified(r, step).map_coords(|c| plane.forward(c))])
}

pub(crate) fn reach(plane: &AzimuthalEquidistant, window: Rect, land: &[&Polygon]) -> Reach {
    let window_xy = MultiPolygon::new(vec![densified(window, 0.05).map_coords(|c| plane.forward(c))]);
    let land_xy = MultiPolygon::new(land.iter().map(|p| p.map_coords(|c| plane.forward(c))).collect());
    let to_lonlat = |m: &MultiPolygon| m.map_coords(|c| plane.inverse(c)).orient(Direction::Default);
    let window_sea_km2 = geodesic_area_km2(&to_lonlat(&window_xy.difference(&land_xy)));
    // Only land within the buffer distance of the window matters; clip it first (much less to buffer).
    let near = |deg: f64| grown(plane, window, deg, 0.1).intersection(&land_xy);
    let ts_m = TERRITORIAL_SEA_NM * NAUTICAL_MILE_M;
    let eez_m = EEZ_NM * NAUTICAL_MILE_M;
    // Round joins drawn with a chord every JOIN_ANGLE radians: the chords cut inside the circle by
    // r·(1 − cos(angle/2)), 7 m at 12 nm and 116 m at 200 nm.
    let buffer =
        |m: &MultiPolygon, r: f64| m.buffer_with_style(BufferStyle::new(r).line_join(LineJoin::Round(JOIN_ANGLE)));
    let territorial = buffer(&near(0.3).simplify(TS_SIMPLIFY_M), ts_m);
    let within_200 = buffer(&near(3.5).simplify(EEZ_SIMPLIFY_M), eez_m);
    let belt = within_200.difference(&territorial);
    let beyond = grown(plane, window, 0.5, 0.1).difference(&within_200);
    Reach {
        window_sea_km2,
        land: near(0.2),
        territorial,
        belt,
        beyond,
    }
}

/// Each side's zones, from its claim area (lon, lat) and the scenario-independent reach.
pub(crate) fn maritime_zones(
    plane: &AzimuthalEquidistant,
    reach: &Reach,
    claims: [(Side, &MultiPolygon); 2],
) -> MaritimeZones {
    // Counter-clockwise exteriors: a clockwise ring's geodesic area is the rest of the Earth.
    let to_lonlat = |m: &MultiPolygon| m.map_coords(|c| plane.inverse(c)).orient(Direction::Default);
    let mut zones = Vec::new();
    let mut land_km2 = [(Side::Japan, 0.0), (Side::Russia, 0.0)];
    for (k, (side, claim)) in claims.into_iter().enumerate() {
        // The claim areas run along the window's edge in long straight (lon, lat) segments: densify them like
        // the window itself so both bend the same way in the plane.
        let claim_xy = densify_lonlat(claim, 0.05).map_coords(|c| plane.forward(c));
        let sea = claim_xy.difference(&reach.land);
        let ts = sea.intersection(&reach.territorial);
        let eez = sea.intersection(&reach.belt);
        let beyond = sea.intersection(&reach.beyond);
        for (kind, geom) in [
            (ZoneKind::TerritorialSea, ts),
            (ZoneKind::Eez, eez),
            (ZoneKind::Beyond, beyond),
        ] {
            let geometry = cleaned(&to_lonlat(&geom));
            let area_km2 = geodesic_area_km2(&geometry);
            zones.push(Zone {
                side,
                kind,
                geometry,
                area_km2,
            });
        }
        let land = claim_xy.intersection(&reach.land);
        land_km2[k] = (side, geodesic_area_km2(&to_lonlat(&land)));
    }
    MaritimeZones {
        zones,
        window_sea_km2: reach.window_sea_km2,
        land_km2,
    }
}

/// Zones computed window by window, as one: the windows do not overlap, so each side's zone of a kind is the
/// union of its parts (their polygons together) and the figures add up.
pub(crate) fn merge_zones(mut parts: Vec<MaritimeZones>) -> MaritimeZones {
    if parts.len() == 1 {
        return parts.remove(0);
    }
    let mut zones: Vec<Zone> = Vec::new();
    let mut land_km2 = [(Side::Japan, 0.0), (Side::Russia, 0.0)];
    let mut window_sea_km2 = 0.0;
    for p in parts {
        window_sea_km2 += p.window_sea_km2;
        for (k, (_, a)) in p.land_km2.iter().enumerate() {
            land_km2[k].1 += a;
        }
        for z in p.zones {
            match zones.iter_mut().find(|m| m.side == z.side && m.kind == z.kind) {
                Some(m) => {
                    m.geometry.0.extend(z.geometry.0);
                    m.area_km2 += z.area_km2;
                }
                None => zones.push(z),
            }
        }
    }
    MaritimeZones {
        zones,
        window_sea_km2,
        land_km2,
    }
}

/// A zone as published: overlaid once more in (lon, lat) so that no ring crosses itself after the inverse
/// projection, without parts or holes of less than [`MIN_PART_M2`] (leftovers of no area where an operand's
/// vertices were snapped to the overlay's grid).
fn cleaned(m: &MultiPolygon) -> MultiPolygon {
    let area = |r: &LineString| Polygon::new(r.clone(), vec![]).geodesic_area_unsigned();
    let whole = m.union(&MultiPolygon::new(vec![]));
    MultiPolygon::new(
        whole
            .0
            .into_iter()
            .filter(|p| area(p.exterior()) >= MIN_PART_M2)
            .map(|p| {
                let (exterior, holes) = p.into_inner();
                Polygon::new(exterior, holes.into_iter().filter(|h| area(h) >= MIN_PART_M2).collect())
            })
            .collect(),
    )
    .orient(Direction::Default)
}

/// Parts and holes smaller than this are dropped from a zone: 100 m² (a square of 10 m).
const MIN_PART_M2: f64 = 100.0;

/// Add vertices so that no segment spans more than `step` degrees.
fn densify_lonlat(m: &MultiPolygon, step: f64) -> MultiPolygon {
    let ring = |r: &LineString| -> LineString {
        let mut pts: Vec<Coord> = Vec::with_capacity(r.0.len());
        for w in r.0.windows(2) {
            let (a, b) = (w[0], w[1]);
            let n = (((b.x - a.x).abs().max((b.y - a.y).abs())) / step).ceil().max(1.0) as usize;
            for k in 0..n {
                pts.push(a + (b - a) * (k as f64 / n as f64));
            }
        }
        pts.extend(r.0.last().copied());
        LineString::from(pts)
    };
    MultiPolygon::new(
        m.0.iter()
            .map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect()))
            .collect(),
    )
}

/// A (lon, lat) rectangle with a vertex every `step` degrees, so that it stays a good polygon in the plane.
fn densified(r: Rect, step: f64) -> Polygon {
    let corners = [
        r.min(),
        coord! { x: r.max().x, y: r.min().y },
        r.max(),
        coord! { x: r.min().x, y: r.max().y },
        r.min(),
    ];
    let mut pts: Vec<Coord> = Vec::new();
    for w in corners.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = (((b.x - a.x).abs().max((b.y - a.y).abs())) / step).ceil().max(1.0) as usize;
        for k in 0..n {
            pts.push(a + (b - a) * (k as f64 / n as f64));
        }
    }
    pts.push(corners[0]);
    Polygon::new(LineString::from(pts), vec![])
}

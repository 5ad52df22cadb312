//! Reading `geodata/` (embedded in the binary): the JSON files, the shorelines, and the islands, groups, places
//! and straits tied to them. Each reader checks its own file (ids unique, geometry of the right type, a label
//! point in exactly one shoreline); [`crate::Model`] assembles the results.

use std::collections::{BTreeMap, HashSet};

use geo::{BooleanOps, BoundingRect, Contains, Coord, MultiPolygon, Point, Polygon, Rect};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Line};

use crate::data;
use crate::error::{ModelError, unknown_id};
use crate::model::{Group, Island, Place};
use crate::projection::AzimuthalEquidistant;
use crate::strait::{Strait, min_width};

/// Where the shoreline data exists (`geodata/recipe/build.sh` cuts GSHHG to it): [west, south, east, north].
///
/// ```
/// use geo::Contains;
///
/// let [w, s, e, n] = kuril_model::COASTLINE_REGION;
/// let region = geo::Rect::new(geo::coord! { x: w, y: s }, geo::coord! { x: e, y: n });
/// let model = kuril_model::Model::embedded().expect("embedded data loads");
/// assert!(region.contains(&model.analysis_window));
/// // Every island tied to a shoreline has its label inside the data's region.
/// for i in model.islands.iter().filter(|i| i.shoreline.is_some()) {
///     assert!(region.contains(&i.label), "{}", i.id);
/// }
/// ```
pub const COASTLINE_REGION: [f64; 4] = [139.0, 41.0, 157.0, 55.0];

pub(crate) fn parse<T: serde::de::DeserializeOwned>(file: &'static str, text: &str) -> Result<T, ModelError> {
    serde_json::from_str(text).map_err(|source| ModelError::Parse { file, source })
}

/// Features of a GeoJSON FeatureCollection as (geometry, properties) pairs.
fn features<P: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<Vec<(geo::Geometry, P)>, ModelError> {
    let fc: geojson::FeatureCollection = text
        .parse::<geojson::GeoJson>()
        .map_err(|e| ModelError::data(file, e.to_string()))?
        .try_into()
        .map_err(|e: geojson::Error| ModelError::data(file, e.to_string()))?;
    fc.features
        .into_iter()
        .map(|f| {
            let geom = f
                .geometry
                .ok_or_else(|| ModelError::data(file, "feature without geometry"))?;
            let geom: geo::Geometry = geom
                .try_into()
                .map_err(|e: geojson::Error| ModelError::data(file, e.to_string()))?;
            let props = serde_json::Value::Object(f.properties.unwrap_or_default());
            let props = serde_json::from_value(props).map_err(|source| ModelError::Parse { file, source })?;
            Ok((geom, props))
        })
        .collect()
}

/// The shoreline rings: GSHHG's, and OpenStreetMap's for the Habomai islets (geodata/SOURCES.md says why), with
/// the bounding boxes of the latter.
pub(crate) fn read_coastline() -> Result<(Vec<Shore>, Vec<Rect>), ModelError> {
    let mut rings = polygons("coastline.geojson", data::COASTLINE)?;
    let osm = polygons("habomai-osm.geojson", data::HABOMAI_OSM)?;
    let osm_rings = osm.iter().filter_map(|s| s.polygon.bounding_rect()).collect();
    rings.extend(osm);
    Ok((rings, osm_rings))
}

/// A shoreline polygon of the data and whether it is an island in a lake (GSHHG level 3).
pub(crate) struct Shore {
    polygon: Polygon,
    in_lake: bool,
}

#[derive(serde::Deserialize)]
struct ShoreProps {
    /// GSHHG level of the exterior: 1 land, 3 island in a lake (the OpenStreetMap islets have none: land).
    #[serde(default = "land_level")]
    level: u8,
}

fn land_level() -> u8 {
    1
}

fn polygons(file: &'static str, text: &str) -> Result<Vec<Shore>, ModelError> {
    let feats: Vec<(geo::Geometry, ShoreProps)> = features(file, text)?;
    feats
        .into_iter()
        .map(|(g, props)| match (g, props.level) {
            (geo::Geometry::Polygon(polygon), level @ (1 | 3)) => Ok(Shore {
                polygon,
                in_lake: level == 3,
            }),
            (geo::Geometry::Polygon(_), level) => Err(ModelError::data(file, format!("a polygon of level {level}"))),
            (other, _) => Err(ModelError::data(
                file,
                format!("expected polygons, found {other:?}")
                    .chars()
                    .take(80)
                    .collect::<String>(),
            )),
        })
        .collect()
}

/// Natural Earth land polygons for low zooms.
///
/// ```
/// use geo::{Contains, Point};
///
/// let land = kuril_model::world_land().expect("embedded data loads");
/// let on_land = |lon: f64, lat: f64| land.iter().any(|p| p.contains(&Point::new(lon, lat)));
/// assert!(on_land(139.69, 35.69), "Tokyo");
/// assert!(!on_land(150.0, 40.0), "the Pacific east of Honshu");
/// ```
pub fn world_land() -> Result<Vec<Polygon>, ModelError> {
    let feats: Vec<(geo::Geometry, serde_json::Value)> = features("world-land.geojson", data::WORLD_LAND)?;
    Ok(feats
        .into_iter()
        .filter_map(|(g, _)| match g {
            geo::Geometry::Polygon(p) => Some(p),
            _ => None,
        })
        .collect())
}

fn point_of(file: &'static str, id: &str, g: geo::Geometry) -> Result<Point, ModelError> {
    match g {
        geo::Geometry::Point(p) => Ok(p),
        _ => Err(ModelError::data(file, format!("{id}: expected a Point"))),
    }
}

/// Tie each label point to the shoreline ring that contains it; give every other ring to the nearest island.
pub(crate) fn read_islands(shores: &[Shore]) -> Result<Vec<Island>, ModelError> {
    const FILE: &str = "islands.geojson";
    let feats: Vec<(geo::Geometry, data::IslandProps)> = features(FILE, data::ISLANDS)?;
    let rings: Vec<&Polygon> = shores.iter().map(|s| &s.polygon).collect();
    let rects: Vec<Option<Rect>> = rings.iter().map(|r| r.bounding_rect()).collect();
    let mut owner: Vec<Option<usize>> = vec![None; rings.len()];
    let mut islands = Vec::new();
    let mut seen = HashSet::new();
    for (geom, p) in feats {
        if !seen.insert(p.id.clone()) {
            return Err(ModelError::data(FILE, format!("duplicate id `{}`", p.id)));
        }
        let label = point_of(FILE, &p.id, geom)?;
        let idx = islands.len();
        let mut shoreline = None;
        if p.in_shoreline_data {
            let hits: Vec<usize> = (0..rings.len())
                .filter(|&r| rects[r].is_some_and(|b| b.contains(&label)) && rings[r].contains(&label))
                .collect();
            let [r] = hits[..] else {
                return Err(ModelError::data(
                    FILE,
                    format!(
                        "{}: label point lies in {} shoreline rings, expected 1",
                        p.id,
                        hits.len()
                    ),
                ));
            };
            if let Some(other) = owner[r] {
                let other: &Island = &islands[other];
                return Err(ModelError::data(
                    FILE,
                    format!("{} and {} share a shoreline ring", p.id, other.id),
                ));
            }
            owner[r] = Some(idx);
            shoreline = Some(rings[r].clone());
        }
        islands.push(Island {
            id: p.id,
            group: p.group,
            disputed: p.disputed,
            names: p.names,
            label,
            shoreline,
            islets: vec![],
            lake_islands: vec![],
            official_areas: p.official_areas,
            sources: p.sources,
            land: vec![],
        });
    }
    // Unnamed rings: islets of the nearest named shoreline.
    let tree: RTree<GeomWithData<Line<[f64; 2]>, usize>> = RTree::bulk_load(
        islands
            .iter()
            .enumerate()
            .filter_map(|(i, isl)| isl.shoreline.as_ref().map(|s| (i, s)))
            .flat_map(|(i, s)| {
                s.exterior()
                    .lines()
                    .map(move |l| GeomWithData::new(Line::new(scaled(l.start), scaled(l.end)), i))
            })
            .collect(),
    );
    for (r, ring) in rings.iter().enumerate() {
        if owner[r].is_some() {
            continue;
        }
        let Some(first) = ring.exterior().0.first() else {
            continue;
        };
        let nearest = tree
            .nearest_neighbor(&scaled(*first))
            .ok_or_else(|| ModelError::data(FILE, "no named island has a shoreline"))?;
        let island = &mut islands[nearest.data];
        if shores[r].in_lake {
            island.lake_islands.push((*ring).clone());
        } else {
            island.islets.push((*ring).clone());
        }
    }
    for island in &mut islands {
        island.land = island
            .shoreline
            .iter()
            .chain(island.islets.iter())
            .map(|p| Polygon::new(p.exterior().clone(), vec![]))
            .collect();
    }
    Ok(islands)
}

/// Degrees scaled so that a degree of longitude and of latitude are about equally long at 45°N; only used to
/// find the nearest named shoreline for an islet, where that is good enough.
fn scaled(c: Coord) -> [f64; 2] {
    [c.x * std::f64::consts::FRAC_1_SQRT_2, c.y]
}

/// Island groups, each the `group` of at least two islands.
pub(crate) fn read_groups(islands: &[Island]) -> Result<Vec<Group>, ModelError> {
    const FILE: &str = "groups.geojson";
    let feats: Vec<(geo::Geometry, data::GroupProps)> = features(FILE, data::GROUPS)?;
    feats
        .into_iter()
        .map(|(g, p)| {
            if islands.iter().filter(|i| i.group == p.id).count() < 2 {
                return Err(ModelError::data(
                    FILE,
                    format!("{}: fewer than two islands of that group", p.id),
                ));
            }
            Ok(Group {
                label: point_of(FILE, &p.id, g)?,
                id: p.id,
                names: p.names,
                sources: p.sources,
            })
        })
        .collect()
}

pub(crate) fn read_places() -> Result<Vec<Place>, ModelError> {
    const FILE: &str = "places.geojson";
    let feats: Vec<(geo::Geometry, data::PlaceProps)> = features(FILE, data::PLACES)?;
    let mut seen = HashSet::new();
    feats
        .into_iter()
        .map(|(g, p)| {
            if !seen.insert(p.id.clone()) {
                return Err(ModelError::data(FILE, format!("duplicate id `{}`", p.id)));
            }
            Ok(Place {
                location: point_of(FILE, &p.id, g)?,
                id: p.id,
                kind: p.kind,
                island: p.island,
                names: p.names,
                elevation_m: p.elevation_m,
                notes: p.notes,
                sources: p.sources,
            })
        })
        .collect()
}

pub(crate) fn read_straits(islands: &[Island], plane: &AzimuthalEquidistant) -> Result<Vec<Strait>, ModelError> {
    const FILE: &str = "straits.geojson";
    let feats: Vec<(geo::Geometry, data::StraitProps)> = features(FILE, data::STRAITS)?;
    let by_id: BTreeMap<&str, &Island> = islands.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (g, p) in feats {
        if !seen.insert(p.id.clone()) {
            return Err(ModelError::data(FILE, format!("duplicate id `{}`", p.id)));
        }
        let geo::Geometry::Polygon(area) = g else {
            return Err(ModelError::data(FILE, format!("{}: expected a Polygon", p.id)));
        };
        let mut sides: [Vec<&Island>; 2] = [vec![], vec![]];
        for (k, ids) in p.between.iter().enumerate() {
            for id in ids {
                let isl = by_id
                    .get(id.as_str())
                    .ok_or_else(|| unknown_id("island", id, islands.iter().map(|i| i.id.as_str())))?;
                sides[k].push(isl);
            }
        }
        let width = min_width(plane, &area, &sides[0], &sides[1]).ok_or_else(|| {
            ModelError::data(
                FILE,
                format!("{}: the search area reaches no shoreline of one side", p.id),
            )
        })?;
        let land = MultiPolygon::new(
            islands
                .iter()
                .flat_map(|i| i.land())
                .filter(|poly| {
                    poly.bounding_rect()
                        .zip(area.bounding_rect())
                        .is_some_and(|(a, b)| geo::Intersects::intersects(&a, &b))
                })
                .cloned()
                .collect(),
        );
        let water = MultiPolygon::new(vec![area.clone()]).difference(&land);
        out.push(Strait {
            id: p.id,
            names: p.names,
            between: p.between,
            notes: p.notes,
            sources: p.sources,
            search_area: area,
            water,
            width,
        });
    }
    Ok(out)
}

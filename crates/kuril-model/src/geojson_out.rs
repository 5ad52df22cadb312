//! GeoJSON (RFC 7946) views of the model, shared by the HTTP API and the static export: WGS 84, exterior rings
//! counter-clockwise, coordinates rounded to 1e-6° (about 0.1 m).

use geo::orient::{Direction, Orient};
use geo::{BoundingRect, Geometry, MapCoords, MultiLineString, MultiPolygon};
use serde_json::{Value, json};

use crate::data::{AreaScope, Names, ScenarioKind, SplitHow};
use crate::error::ModelError;
use crate::grid::multipolygon_on_grid;
use crate::model::{Island, Model};
use crate::scenario::Side;

/// How each line was computed, in one sentence (the details are in docs/geometry.md).
pub const LINE_METHOD: &str = "Equidistance (median) line between the shorelines the scenario gives to Japan and to \
     Russia (GSHHG 2.3.7 full resolution; the Habomai islets from OpenStreetMap): Voronoi edges between shoreline \
     points 200 m apart in an azimuthal equidistant plane on WGS 84, clipped to the analysis window, checked with \
     geodesic distances.";

/// How strait widths were measured.
pub const STRAIT_WIDTH_METHOD: &str = "minimum geodesic distance (WGS 84) between the two coasts' shorelines (GSHHG; \
     the Habomai islets from OpenStreetMap) inside the strait's search area";

/// How island areas were measured.
pub const AREA_METHOD: &str = "geodesic area (WGS 84) inside the shoreline, lakes included as the official (GSI) \
     figures count them (inland_water: the lakes' part, which the published polygons leave out as holes): GSHHG \
     2.3.7 full resolution; the Habomai islets from OpenStreetMap";

fn round(g: Geometry) -> Geometry {
    g.map_coords(|c| geo::coord! { x: (c.x * 1e6).round() / 1e6, y: (c.y * 1e6).round() / 1e6 })
}

fn geometry(g: Geometry) -> Value {
    // Polygons are snapped to the 1e-6° grid by an overlay rather than rounded vertex by vertex, so that they stay
    // valid at the precision they are published at (grid.rs).
    let g = match g {
        Geometry::Polygon(p) => {
            let mut snapped = multipolygon_on_grid(&MultiPolygon::new(vec![p]), 1e6).orient(Direction::Default);
            match snapped.0.len() {
                1 => Geometry::Polygon(snapped.0.remove(0)),
                _ => Geometry::MultiPolygon(snapped),
            }
        }
        Geometry::MultiPolygon(p) => Geometry::MultiPolygon(multipolygon_on_grid(&p, 1e6).orient(Direction::Default)),
        other => round(other),
    };
    serde_json::to_value(geojson::Geometry::from(&g)).unwrap_or(Value::Null)
}

fn feature(geom: Geometry, props: Value) -> Value {
    json!({ "type": "Feature", "geometry": geometry(geom), "properties": props })
}

fn collection(features: Vec<Value>) -> Value {
    json!({ "type": "FeatureCollection", "features": features })
}

fn km2(v: f64) -> f64 {
    // `+ 0.0` turns the -0.0 that rounding a tiny negative leaves into 0.0 (JSON would say "-0.0").
    (v * 100.0).round() / 100.0 + 0.0
}

/// Sources as objects (id, title, publisher, url, and a bibliographic `citation` where the data has one), resolved
/// from the bibliography.
pub fn sources(model: &Model, ids: &[String]) -> Value {
    Value::Array(
        ids.iter()
            .map(|id| match model.source(id) {
                Some(s) => {
                    let mut v = json!({ "id": id, "title": s.title, "publisher": s.publisher, "url": s.url });
                    if let Some(c) = &s.citation {
                        v["citation"] = json!(c);
                    }
                    v
                }
                None => json!({ "id": id }),
            })
            .collect(),
    )
}

/// The names in every script, and both names as the Japanese and the Russian interface write them.
fn names(n: &Names) -> Value {
    let mut v = serde_json::to_value(n).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("both_ja".into(), Value::String(n.both(crate::i18n::Lang::Ja)));
        m.insert("both_ru".into(), Value::String(n.both(crate::i18n::Lang::Ru)));
    }
    v
}

fn holders(model: &Model, island: &str) -> Value {
    Value::Object(
        model
            .scenarios
            .iter()
            .filter_map(|s| Some((s.id.clone(), serde_json::to_value(s.holder(island)?).ok()?)))
            .collect(),
    )
}

fn island_feature(model: &Model, i: &Island) -> Value {
    let geom: Geometry = if i.shoreline.is_some() {
        i.multipolygon().into()
    } else {
        i.label.into()
    };
    let official: Vec<Value> = i
        .official_areas
        .iter()
        .map(|a| json!({ "km2": a.km2, "scope": a.scope, "by": a.by, "sources": sources(model, &a.sources) }))
        .collect();
    let computed = i.shoreline.as_ref().map(|_| {
        json!({
            "main_island": km2(i.area_km2(AreaScope::MainIsland)),
            "with_islets": km2(i.area_km2(AreaScope::WithIslets)),
            "inland_water": km2(i.inland_water_km2()),
            "method": AREA_METHOD,
        })
    });
    feature(
        geom,
        json!({
            "id": i.id, "names": names(&i.names), "group": i.group, "disputed": i.disputed,
            "in_shoreline_data": i.shoreline.is_some(),
            "shoreline_source": i.shoreline.as_ref().map(|s| model.shoreline_source(s)),
            "label_point": [i.label.x(), i.label.y()],
            "computed_area_km2": computed, "official_areas": official,
            "holders": holders(model, &i.id), "sources": sources(model, &i.sources),
        }),
    )
}

/// Every named island: polygons (with islets), or a point where the island is too small for the shoreline data.
pub fn islands(model: &Model) -> Value {
    collection(model.islands.iter().map(|i| island_feature(model, i)).collect())
}

/// Straits: the water area, with the computed narrowest crossing.
pub fn straits(model: &Model) -> Value {
    collection(
        model
            .straits
            .iter()
            .map(|s| {
                let [a, b] = s.width.ends;
                let notes: Vec<Value> = s
                    .notes
                    .iter()
                    .map(|n| json!({ "text": n.text, "sources": sources(model, &n.sources) }))
                    .collect();
                feature(
                    s.water.clone().into(),
                    json!({
                        "id": s.id, "names": names(&s.names), "between": s.between,
                        "width": {
                            "km": (s.width.distance_m / 10.0).round() / 100.0,
                            "from": [a.x, a.y], "to": [b.x, b.y],
                            "method": STRAIT_WIDTH_METHOD,
                        },
                        "notes": notes, "sources": sources(model, &s.sources),
                    }),
                )
            })
            .collect(),
    )
}

pub fn places(model: &Model) -> Value {
    collection(
        model
            .places
            .iter()
            .map(|p| {
                let notes: Vec<Value> = p
                    .notes
                    .iter()
                    .map(|n| json!({ "text": n.text, "sources": sources(model, &n.sources) }))
                    .collect();
                feature(
                    p.location.into(),
                    json!({
                        "id": p.id, "kind": p.kind, "island": p.island, "names": names(&p.names),
                        "elevation_m": p.elevation_m, "notes": notes, "sources": sources(model, &p.sources),
                    }),
                )
            })
            .collect(),
    )
}

/// How a historical line was computed (the details are in docs/geometry.md).
pub const HISTORICAL_LINE_METHOD: &str = "The treaty named the islands on each side (and, in 1905, the 50th parallel on \
     Sakhalin); where the line runs at sea it is computed like the other lines — equidistance between the shorelines \
     the treaty gave each side (GSHHG 2.3.7 full resolution; the Habomai islets from OpenStreetMap), Voronoi edges \
     between shoreline points 200 m apart in an azimuthal equidistant plane centred on each of the scenario's own \
     analysis windows — and on land it is the parallel. The treaties drew no maritime boundary: the line at sea \
     illustrates which waters lay between whose coasts, it is not a treaty line.";

fn windows_json(model: &Model, id: &str) -> Value {
    model
        .windows(id)
        .map(|ws| {
            json!(
                ws.iter()
                    .map(|w| [w.min().x, w.min().y, w.max().x, w.max().y])
                    .collect::<Vec<_>>()
            )
        })
        .unwrap_or(Value::Null)
}

fn line_summary(model: &Model, s: &crate::scenario::Scenario) -> Value {
    json!({
        "id": s.id, "kind": s.kind, "year": s.year,
        "title": s.title, "position_of": s.position_of, "summary": s.summary,
        "dates": s.dates.iter().map(|d| json!({ "date": d.date, "event": d.event, "sources": sources(model, &d.sources) })).collect::<Vec<_>>(),
        "method": if s.kind == ScenarioKind::Historical { HISTORICAL_LINE_METHOD } else { LINE_METHOD },
        "analysis_windows": windows_json(model, &s.id),
        "unassigned": s.unassigned,
        "sources": sources(model, &s.sources),
    })
}

/// The list of lines with their metadata.
pub fn lines(model: &Model) -> Value {
    Value::Array(model.scenarios.iter().map(|s| line_summary(model, s)).collect())
}

/// One scenario's line as a FeatureCollection with one MultiLineString feature.
pub fn line(model: &Model, id: &str) -> Result<Value, ModelError> {
    let s = model.scenario(id)?;
    let line = model.line(id)?;
    let mut props = line_summary(model, s);
    props["length_km"] = json!((line.length_km() * 10.0).round() / 10.0);
    // The main scenarios' window; for a historical scenario the bounding box of its own windows.
    let ws = model.windows(id)?;
    let (w, s, e, n) = ws
        .iter()
        .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |(w, s, e, n), r| {
            (w.min(r.min().x), s.min(r.min().y), e.max(r.max().x), n.max(r.max().y))
        });
    props["analysis_window"] = json!([w, s, e, n]);
    let geom: MultiLineString = line.geometry.clone();
    Ok(collection(vec![feature(geom.into(), props)]))
}

/// Each side's area inside the analysis window under a scenario.
pub fn claim_areas(model: &Model, id: &str) -> Result<Value, ModelError> {
    let s = model.scenario(id)?;
    let areas = &model.line(id)?.areas;
    Ok(collection(
        Side::BOTH
            .iter()
            .map(|&side| {
                let mp: MultiPolygon = areas.of(side).clone();
                feature(mp.into(), json!({ "scenario": s.id, "side": side }))
            })
            .collect(),
    ))
}

/// Land of the four islands (with islets) per side, km².
pub fn land_by_side(model: &Model, id: &str) -> Result<Value, ModelError> {
    let s = model.scenario(id)?;
    let mut out = json!({ "japan": 0.0, "russia": 0.0 });
    for i in model.islands.iter().filter(|i| i.disputed) {
        if let Some(side) = s.holder(&i.id) {
            let key = if side == Side::Japan { "japan" } else { "russia" };
            out[key] = json!(out[key].as_f64().unwrap_or(0.0) + i.area_km2(AreaScope::WithIslets));
        }
    }
    // A divided island counts here only when it is one of the four (Iturup under the equal-area split; not Sakhalin,
    // which the 1905 treaty divided).
    let divided_is_disputed = s
        .split
        .as_ref()
        .and_then(|spec| model.island(&spec.island).ok())
        .is_some_and(|i| i.disputed);
    if let (true, Some(split)) = (divided_is_disputed, model.split(id)?) {
        for (key, part) in [("japan", split.japan_km2), ("russia", split.russia_km2)] {
            out[key] = json!(out[key].as_f64().unwrap_or(0.0) + part);
        }
    }
    for k in ["japan", "russia"] {
        out[k] = json!(km2(out[k].as_f64().unwrap_or(0.0)));
    }
    Ok(out)
}

/// How the maritime figures were computed, to be shown next to them.
pub const ZONES_METHOD: &str = "Inside the analysis window 143–151.5°E, 42–47°N. Territorial sea: sea within 12 nautical \
     miles of a side's shoreline; EEZ-like: 12–200 nautical miles; both cut by the scenario's equidistance line. \
     Normal baselines from the shoreline data only (GSHHG; the Habomai islets from OpenStreetMap; no straight \
     baselines, no low-tide elevations); every islet generates zones; buffers in an azimuthal equidistant plane on \
     shorelines simplified to 100 m (12 nm) and 1 km (200 nm); geodesic areas. An illustration of the scenarios' \
     consequences, not a legal delimitation.";

/// [`ZONES_METHOD`] for a scenario with analysis windows of its own (a historical line).
pub const ZONES_OWN_WINDOWS_METHOD: &str = "Inside the scenario's own analysis windows (its analysis_windows). \
     Territorial sea: sea within 12 nautical miles of a side's shoreline; EEZ-like: 12–200 nautical miles; both cut \
     by the scenario's equidistance line. Normal baselines from the shoreline data only (GSHHG; the Habomai islets \
     from OpenStreetMap; no straight baselines, no low-tide elevations); every islet generates zones; buffers in an \
     azimuthal equidistant plane on shorelines simplified to 100 m (12 nm) and 1 km (200 nm); geodesic areas. An \
     illustration of the scenarios' consequences, not a legal delimitation.";

/// What the land per side of a scenario counts.
pub const LAND_METHOD: &str = "the four disputed islands with their islets, geodesic area (WGS 84) inside the \
     shoreline, lakes included as the official (GSI) figures count them (inland_water: the lakes' part, which the \
     published polygons leave out as holes): GSHHG 2.3.7 full resolution; the Habomai islets from OpenStreetMap";

/// How the equal-area scenario cuts its island.
pub const SPLIT_EQUAL_AREA_METHOD: &str = "a straight cut across the island, perpendicular to its long axis, placed by \
     bisection so that each side holds half of the four islands' land (with islets)";

/// How a historical scenario cuts an island along a parallel.
pub const SPLIT_PARALLEL_METHOD: &str =
    "the island's shoreline cut along the parallel (a straight line in longitude and latitude)";

/// Every method text the documents carry, by name: the translation tables have them as `method:<name>:/text`, and
/// [`crate::i18n::localize`] puts them in the reader's language wherever a document carries one.
pub const METHODS: [(&str, &str); 9] = [
    ("line", LINE_METHOD),
    ("historical-line", HISTORICAL_LINE_METHOD),
    ("strait-width", STRAIT_WIDTH_METHOD),
    ("area", AREA_METHOD),
    ("land", LAND_METHOD),
    ("zones", ZONES_METHOD),
    ("zones-own-windows", ZONES_OWN_WINDOWS_METHOD),
    ("split-equal-area", SPLIT_EQUAL_AREA_METHOD),
    ("split-parallel", SPLIT_PARALLEL_METHOD),
];

/// Every scenario's maritime zones, one feature per scenario, side and zone (zones of no area left out).
pub fn maritime_zones(model: &Model) -> Result<Value, ModelError> {
    let mut features = Vec::new();
    for s in &model.scenarios {
        // A zone with no area (Japan has no sea beyond 200 nm in the window under the Soviet position) has no
        // geometry to publish: empty geometries are invalid to SpatiaLite and troublesome to many clients. Its 0 km²
        // is in the scenario's figures (`/api/scenarios/{id}`).
        for z in model.zones(&s.id)?.zones.iter().filter(|z| !z.geometry.0.is_empty()) {
            features.push(feature(
                z.geometry.clone().into(),
                json!({
                    "id": format!("{}:{}:{}", s.id, z.side.as_str(), serde_json::to_value(z.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()),
                    "scenario": s.id, "side": z.side, "zone": z.kind, "area_km2": km2(z.area_km2),
                }),
            ));
        }
    }
    Ok(collection(features))
}

/// Per-side sea figures of a scenario: `{"japan": …, "russia": …}` for each zone kind.
pub fn sea_by_side(model: &Model, id: &str) -> Result<Value, ModelError> {
    use crate::zones::ZoneKind;
    let z = model.zones(id)?;
    let per = |k: ZoneKind| json!({ "japan": km2(z.area(Side::Japan, k)), "russia": km2(z.area(Side::Russia, k)) });
    Ok(json!({
        "territorial_sea_km2": per(ZoneKind::TerritorialSea),
        "eez_km2": per(ZoneKind::Eez),
        "beyond_200nm_km2": per(ZoneKind::Beyond),
        "sea_km2": { "japan": km2(z.sea(Side::Japan)), "russia": km2(z.sea(Side::Russia)) },
        "window_sea_km2": km2(z.window_sea_km2),
        "window_land_km2": Value::Object(z.land_km2.iter().map(|(s, a)| (s.as_str().to_string(), json!(km2(*a)))).collect()),
        "method": if model.windows(id)? == [model.analysis_window] { ZONES_METHOD } else { ZONES_OWN_WINDOWS_METHOD },
    }))
}

/// A scenario: who holds which island and the land per side.
pub fn scenario(model: &Model, id: &str) -> Result<Value, ModelError> {
    let s = model.scenario(id)?;
    let mut v = line_summary(model, s);
    let held = |side: Side| -> Vec<&str> {
        model
            .islands
            .iter()
            .filter(|i| s.holder(&i.id) == Some(side))
            .map(|i| i.id.as_str())
            .collect()
    };
    v["holders"] = json!({ "japan": held(Side::Japan), "russia": held(Side::Russia) });
    v["holders"]["unassigned"] = json!(s.unassigned);
    if let (Some(spec), Some(split)) = (&s.split, model.split(id)?) {
        v["split"] = json!({
            "island": spec.island,
            "japan_km2": km2(split.japan_km2), "russia_km2": km2(split.russia_km2),
        });
        match spec.how {
            SplitHow::EqualArea { japan_end } => {
                v["split"]["japan_end"] = json!(japan_end);
                v["split"]["method"] = json!(SPLIT_EQUAL_AREA_METHOD);
            }
            SplitHow::Parallel { parallel, japan_side } => {
                v["split"]["parallel"] = json!(parallel);
                v["split"]["japan_side"] = json!(japan_side);
                v["split"]["method"] = json!(SPLIT_PARALLEL_METHOD);
            }
        }
    }
    v["land_km2"] = land_by_side(model, id)?;
    v["land_km2_note"] = json!(LAND_METHOD);
    if let Value::Object(sea) = sea_by_side(model, id)? {
        for (k, val) in sea {
            v[if k == "method" { "sea_method".to_string() } else { k }] = val;
        }
    }
    Ok(v)
}

pub fn scenarios(model: &Model) -> Result<Value, ModelError> {
    model
        .scenarios
        .iter()
        .map(|s| scenario(model, &s.id))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

fn camera(c: &crate::data::Camera) -> Value {
    json!({ "lng": c.lng, "lat": c.lat, "zoom": c.zoom })
}

/// The history timeline: steps in date order, each with its text, sources and map state (see docs/api.md).
pub fn timeline(model: &Model) -> Value {
    let steps: Vec<Value> = model
        .timeline
        .iter()
        .map(|t| {
            json!({
                "id": t.id, "date": t.date, "date_end": t.date_end, "title": t.title, "text": t.text,
                "sources": sources(model, &t.sources),
                "map": {
                    "lines": t.map.lines, "areas": t.map.areas, "areas_meaning": t.map.areas_meaning,
                    "camera": camera(&t.map.camera), "subject": t.map.subject,
                },
            })
        })
        .collect();
    let mut used: Vec<&str> = Vec::new();
    for t in &model.timeline {
        for l in t.map.lines.iter().chain(t.map.areas.iter()) {
            if !used.contains(&l.as_str()) {
                used.push(l);
            }
        }
    }
    let lines: Vec<Value> = used
        .into_iter()
        .filter_map(|id| model.scenario(id).ok())
        .map(|s| json!({ "id": s.id, "kind": s.kind, "year": s.year, "title": s.title }))
        .collect();
    json!({ "steps": steps, "lines": lines, "note": model.timeline_note })
}

/// The straits explainer: each stop's text, camera, computed width and sourced depth (see docs/api.md).
pub fn straits_tour(model: &Model) -> Result<Value, ModelError> {
    let stops = model
        .straits_tour
        .iter()
        .map(|stop| {
            let st = model.strait(&stop.id)?;
            let [a, b] = st.width.ends;
            // The stop is about its strait: the search area's box is what the app frames.
            let subject = st
                .search_area
                .bounding_rect()
                .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]);
            Ok(json!({
                "id": stop.id, "names": names(&st.names), "title": stop.title, "text": stop.text,
                "camera": camera(&stop.camera), "subject": subject,
                "width": {
                    "km": (st.width.distance_m / 10.0).round() / 100.0,
                    "from": [a.x, a.y], "to": [b.x, b.y],
                    "method": STRAIT_WIDTH_METHOD,
                },
                "depth": {
                    "max_m": stop.depth.max_m, "text": stop.depth.text,
                    "sources": sources(model, &stop.depth.sources),
                },
                "claims": stop.claims.iter().map(|c| json!({
                    "text": c.text, "attributed_to": c.attributed_to, "sources": sources(model, &c.sources),
                })).collect::<Vec<_>>(),
                "sources": sources(model, &stop.sources),
            }))
        })
        .collect::<Result<Vec<_>, ModelError>>()?;
    Ok(json!({ "stops": stops }))
}

//! The tile layers (see docs/tiles.md), built once from the model in world (Web Mercator) coordinates.
//!
//! Every layer but `land` takes its features from the model's typed views (`kuril_model::views`), the same
//! structs the GeoJSON, the downloads and `/ogc` publish, through one mapping of property names (the tile names
//! are those of docs/tiles.md, which the MapLibre style reads):
//!
//! | tile property | view property |
//! |---|---|
//! | `name`, `name_ja`, `name_ja_latn`, `name_ru`, `name_ru_latn` | `names.en`, `names.ja`, … (absent when `None`) |
//! | `name_both_ja`, `name_both_ru` | `names.both_ja`, `names.both_ru` |
//! | `area_km2` (islands) | `computed_area_km2.with_islets`, to 0.1 km² (from the unrounded figure) |
//! | `holder_<scenario>` (islands, `-` as `_`) | `holders[<scenario>]`, in the scenarios' order |
//! | `width_km` (straits, strait widths) | `width.km` |
//! | `line` (lines) | the line's `id` |
//! | `id`, `group`, `disputed`, `kind`, `elevation_m`, `position_of`, `scenario`, `side` | the same name |
//!
//! ```
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let layers = kuril_tiles::layers::build_layers(&model).expect("layers build");
//! let islands = layers.iter().find(|l| l.name == "islands").expect("an islands layer");
//! let iturup = islands
//!     .features
//!     .iter()
//!     .find(|f| f.prop("id") == Some(&kuril_tiles::layers::Value::Str("iturup".into())))
//!     .expect("Iturup is in the islands layer");
//! let names: Vec<&str> = iturup.props.iter().map(|(k, _)| k.as_str()).collect();
//! assert_eq!(
//!     names[..10],
//!     ["id", "name", "name_both_ja", "name_both_ru", "name_ja", "name_ja_latn", "name_ru", "name_ru_latn", "group", "disputed"]
//! );
//! assert!(names.contains(&"area_km2") && names.contains(&"holder_soviet") && names.contains(&"holder_japanese"));
//! assert_eq!(iturup.prop("name_both_ja"), Some(&kuril_tiles::layers::Value::Str("択捉島（Итуруп）".into())));
//! ```

use geo::{BooleanOps, BoundingRect, Coord, Geometry, Intersects, MultiPolygon, Rect, coord};
use kuril_model::views::{self, IslandProps, NamesView};
use kuril_model::{Model, Side, world_land};

use crate::clip::Bounds;
use crate::error::TileError;
use crate::mercator::{MAX_ZOOM, to_world};

/// Where the full-resolution shoreline data exists; Natural Earth fills the rest at z ≥ [`DETAIL_ZOOM`].
pub const SHORELINE_REGION: [f64; 4] = [139.0, 41.0, 157.0, 55.0];
/// From this zoom on, land comes from the GSHHG shoreline inside [`SHORELINE_REGION`].
pub const DETAIL_ZOOM: u8 = 6;

/// A property value of a tile feature.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Num(f64),
    Bool(bool),
}

/// Geometry in world coordinates.
#[derive(Debug, Clone)]
pub enum Geom {
    /// Polygons, each a list of closed rings (exterior first).
    Polygons(Vec<Vec<Vec<Coord>>>),
    Lines(Vec<Vec<Coord>>),
    Points(Vec<Coord>),
}

#[derive(Debug, Clone)]
pub struct SourceFeature {
    /// The feature's MVT id: stable and unique within its layer ([`feature_id`]).
    pub id: u64,
    pub geom: Geom,
    pub props: Vec<(String, Value)>,
    pub minzoom: u8,
    pub maxzoom: u8,
    pub bounds: Bounds,
}

impl SourceFeature {
    /// The value of a property, if the feature has it.
    pub fn prop(&self, key: &str) -> Option<&Value> {
        self.props.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// A named layer and its features.
#[derive(Debug, Clone)]
pub struct Layer {
    pub name: &'static str,
    pub description: &'static str,
    pub features: Vec<SourceFeature>,
}

/// Layer names, in drawing order.
pub const LAYER_NAMES: [&str; 8] = [
    "land",
    "claim_areas",
    "straits",
    "islands",
    "strait_widths",
    "lines",
    "island_labels",
    "places",
];

pub fn build_layers(model: &Model) -> Result<Vec<Layer>, TileError> {
    let island_view = views::islands(model);
    let strait_view = views::straits(model);
    let mut layers = vec![
        land(model)?,
        claim_areas(model)?,
        straits(&strait_view),
        islands(model, &island_view),
        strait_widths(&strait_view),
        lines(model)?,
        island_labels(model, &island_view),
        places(model),
    ];
    for layer in &mut layers {
        let mut seen = std::collections::HashSet::new();
        for (index, f) in layer.features.iter_mut().enumerate() {
            f.id = feature_id(layer.name, &feature_key(f, index));
            if !seen.insert(f.id) {
                return Err(TileError::DuplicateId {
                    layer: layer.name,
                    id: f.id,
                });
            }
        }
    }
    Ok(layers)
}

/// What names a feature in its layer: its `id` property (islands, labels, straits, strait widths, places), its
/// `line` (lines), `scenario:side` (claim areas), or else its source and position in the layer (land, in the
/// order of the data).
fn feature_key(f: &SourceFeature, index: usize) -> String {
    let prop = |k: &str| {
        f.props.iter().find(|(key, _)| key == k).and_then(|(_, v)| match v {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        })
    };
    match (prop("id"), prop("line"), prop("scenario"), prop("side")) {
        (Some(id), _, _, _) => id.to_string(),
        (None, Some(line), _, _) => line.to_string(),
        (None, None, Some(scenario), Some(side)) => format!("{scenario}:{side}"),
        _ => format!("{}:{index}", prop("source").unwrap_or("")),
    }
}

/// A feature's MVT id: the 64-bit FNV-1a hash of `layer/key`, kept to 53 bits so that JavaScript reads it exactly
/// (never 0, which MVT readers take for "no id").
pub fn feature_id(layer: &str, key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in layer.bytes().chain(std::iter::once(b'/')).chain(key.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h & ((1 << 53) - 1)).max(1)
}

fn feature(geom: Geom, props: Vec<(String, Value)>, minzoom: u8, maxzoom: u8) -> Option<SourceFeature> {
    let coords: Box<dyn Iterator<Item = &Coord>> = match &geom {
        Geom::Polygons(p) => Box::new(p.iter().flat_map(|rings| rings.first()).flatten()),
        Geom::Lines(l) => Box::new(l.iter().flatten()),
        Geom::Points(p) => Box::new(p.iter()),
    };
    let mut min = coord! { x: f64::MAX, y: f64::MAX };
    let mut max = coord! { x: f64::MIN, y: f64::MIN };
    for c in coords {
        min = coord! { x: min.x.min(c.x), y: min.y.min(c.y) };
        max = coord! { x: max.x.max(c.x), y: max.y.max(c.y) };
    }
    (min.x <= max.x).then_some(SourceFeature {
        id: 0, // set by build_layers
        geom,
        props,
        minzoom,
        maxzoom,
        bounds: Bounds { min, max },
    })
}

fn world_polygons(mp: &MultiPolygon) -> Geom {
    Geom::Polygons(
        mp.0.iter()
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(|r| r.0.iter().map(|&c| to_world(c)).collect())
                    .collect()
            })
            .collect(),
    )
}

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

/// World coordinates of a view's geometry: its polygons, lines or points.
fn world(g: &Geometry) -> Option<Geom> {
    let line = |l: &geo::LineString| l.0.iter().map(|&c| to_world(c)).collect();
    Some(match g {
        Geometry::MultiPolygon(mp) => world_polygons(mp),
        Geometry::Polygon(p) => world_polygons(&MultiPolygon::new(vec![p.clone()])),
        Geometry::MultiLineString(ml) => Geom::Lines(ml.0.iter().map(line).collect()),
        Geometry::LineString(l) => Geom::Lines(vec![line(l)]),
        Geometry::Point(p) => Geom::Points(vec![to_world(p.0)]),
        _ => return None,
    })
}

fn name_props(n: &NamesView) -> Vec<(String, Value)> {
    let mut out = vec![
        ("name".to_string(), s(&n.en)),
        // Both names in the reader's script, for the Japanese and the Russian interface.
        ("name_both_ja".to_string(), s(&n.both_ja)),
        ("name_both_ru".to_string(), s(&n.both_ru)),
    ];
    for (k, v) in [
        ("name_ja", &n.ja),
        ("name_ja_latn", &n.ja_latn),
        ("name_ru", &n.ru),
        ("name_ru_latn", &n.ru_latn),
    ] {
        if let Some(v) = v {
            out.push((k.to_string(), s(v)));
        }
    }
    out
}

/// `holder_<scenario>` as the tiles name it.
fn holder_key(scenario: &str) -> String {
    format!("holder_{}", scenario.replace('-', "_"))
}

fn land(model: &Model) -> Result<Layer, TileError> {
    let [w, so, e, n] = SHORELINE_REGION;
    let region = Rect::new(coord! { x: w, y: so }, coord! { x: e, y: n });
    let region_poly = MultiPolygon::new(vec![region.to_polygon()]);
    let mut features = Vec::new();
    let src = |v: &str| vec![("source".to_string(), s(v))];
    for p in world_land()? {
        let mp = MultiPolygon::new(vec![p.clone()]);
        features.extend(feature(world_polygons(&mp), src("natural-earth"), 0, DETAIL_ZOOM - 1));
        // At detail zooms Natural Earth only fills in outside the shoreline region.
        let outside = match p.bounding_rect() {
            Some(r) if r.intersects(&region) => mp.difference(&region_poly),
            _ => mp,
        };
        if !outside.0.is_empty() {
            features.extend(feature(
                world_polygons(&outside),
                src("natural-earth"),
                DETAIL_ZOOM,
                MAX_ZOOM,
            ));
        }
    }
    for island in &model.islands {
        for p in island.polygons() {
            let mp = MultiPolygon::new(vec![p.clone()]);
            let source = src(model.shoreline_source(p));
            features.extend(feature(world_polygons(&mp), source, DETAIL_ZOOM, MAX_ZOOM));
        }
    }
    Ok(Layer {
        name: "land",
        description: "Land: Natural Earth 10 m at low zooms; from z6 GSHHG full resolution, the Habomai islets from \
                      OpenStreetMap",
        features,
    })
}

fn island_props(model: &Model, island: &IslandProps) -> Vec<(String, Value)> {
    let mut props = vec![("id".to_string(), s(&island.id))];
    props.extend(name_props(&island.names));
    props.push(("group".to_string(), s(&island.group)));
    props.push(("disputed".to_string(), Value::Bool(island.disputed)));
    if let Some(area) = &island.computed_area_km2 {
        props.push((
            "area_km2".to_string(),
            Value::Num((area.with_islets_unrounded * 10.0).round() / 10.0),
        ));
    }
    for sc in &model.scenarios {
        if let Some(side) = island.holders.get(&sc.id) {
            props.push((holder_key(&sc.id), s(side.as_str())));
        }
    }
    props
}

fn islands(model: &Model, view: &views::FeatureCollection<IslandProps>) -> Layer {
    let features = view
        .features
        .iter()
        .filter(|i| i.properties.in_shoreline_data)
        .filter_map(|i| feature(world(&i.geometry)?, island_props(model, &i.properties), 5, MAX_ZOOM))
        .collect();
    Layer {
        name: "islands",
        description: "Named islands (with their islets) and who holds them under each scenario",
        features,
    }
}

/// Label rank and the zoom from which it is in the tiles. The disputed islands are there from z0, so that the
/// app's text description names every one of them at every zoom; the style draws labels from z3, the Habomai
/// islets (rank 3) from z8.
fn rank(island: &IslandProps) -> (f64, u8) {
    match island.group.as_str() {
        "four-islands" => (1.0, 0),
        "hokkaido-area" if island.id == "hokkaido" => (1.0, 3),
        "kuril-chain" if island.id == "urup" => (2.0, 4),
        "kuril-chain" => (2.0, 5),
        "habomai" => (3.0, 0),
        _ => (4.0, 6),
    }
}

/// A group's label stands for its islands until this zoom, where the app starts drawing the islets' own.
const GROUP_LABEL_UNTIL_ZOOM: f64 = 8.0;

fn island_labels(model: &Model, view: &views::FeatureCollection<IslandProps>) -> Layer {
    let mut features: Vec<SourceFeature> = view
        .features
        .iter()
        .filter_map(|i| {
            let i = &i.properties;
            let (r, minzoom) = rank(i);
            let mut props = island_props(model, i);
            props.push(("rank".to_string(), Value::Num(r)));
            let [x, y] = i.label_point;
            feature(
                Geom::Points(vec![to_world(coord! { x: x, y: y })]),
                props,
                minzoom,
                MAX_ZOOM,
            )
        })
        .collect();
    // The groups (the Habomai islets): one label, with the holder every scenario gives all its islands.
    for g in &model.groups {
        let mut props = vec![("id".to_string(), s(&g.id))];
        props.extend(name_props(&NamesView::new(&g.names)));
        props.push(("group".to_string(), s(&g.id)));
        props.push(("disputed".to_string(), Value::Bool(true)));
        for sc in &model.scenarios {
            let holders: Vec<Option<Side>> = model.group(&g.id).map(|i| sc.holder(&i.id)).collect();
            if let Some(Some(side)) = holders.first().copied().filter(|h| holders.iter().all(|x| x == h)) {
                props.push((holder_key(&sc.id), s(side.as_str())));
            }
        }
        props.push(("rank".to_string(), Value::Num(1.0)));
        props.push(("until_zoom".to_string(), Value::Num(GROUP_LABEL_UNTIL_ZOOM)));
        features.extend(feature(Geom::Points(vec![to_world(g.label.0)]), props, 0, MAX_ZOOM));
    }
    Layer {
        name: "island_labels",
        description: "Island label points",
        features,
    }
}

fn straits(view: &views::FeatureCollection<views::StraitProps>) -> Layer {
    let features = view
        .features
        .iter()
        .filter_map(|st| {
            let p = &st.properties;
            let mut props = vec![("id".to_string(), s(&p.id))];
            props.extend(name_props(&p.names));
            props.push(("width_km".to_string(), Value::Num(p.width.km)));
            feature(world(&st.geometry)?, props, 6, MAX_ZOOM)
        })
        .collect();
    Layer {
        name: "straits",
        description: "Strait water areas (search area less land)",
        features,
    }
}

fn strait_widths(view: &views::FeatureCollection<views::StraitProps>) -> Layer {
    let features = view
        .features
        .iter()
        .filter_map(|st| {
            let w = &st.properties.width;
            let props = vec![
                ("id".to_string(), s(&st.properties.id)),
                ("width_km".to_string(), Value::Num(w.km)),
            ];
            let line = [w.from, w.to]
                .iter()
                .map(|&[x, y]| to_world(coord! { x: x, y: y }))
                .collect();
            feature(Geom::Lines(vec![line]), props, 7, MAX_ZOOM)
        })
        .collect();
    Layer {
        name: "strait_widths",
        description: "The computed narrowest crossing of each strait",
        features,
    }
}

fn lines(model: &Model) -> Result<Layer, TileError> {
    let mut features = Vec::new();
    for sc in &model.scenarios {
        for f in views::line(model, &sc.id)?.features {
            let props = vec![
                ("line".to_string(), s(&f.properties.summary.id)),
                ("position_of".to_string(), s(&f.properties.summary.position_of)),
            ];
            features.extend(world(&f.geometry).and_then(|g| feature(g, props, 0, MAX_ZOOM)));
        }
    }
    Ok(Layer {
        name: "lines",
        description: "Each scenario's computed equidistance line",
        features,
    })
}

fn claim_areas(model: &Model) -> Result<Layer, TileError> {
    let mut features = Vec::new();
    for sc in &model.scenarios {
        for f in views::claim_areas(model, &sc.id)?.features {
            let props = vec![
                ("scenario".to_string(), s(&f.properties.scenario)),
                ("side".to_string(), s(f.properties.side.as_str())),
            ];
            features.extend(world(&f.geometry).and_then(|g| feature(g, props, 0, MAX_ZOOM)));
        }
    }
    Ok(Layer {
        name: "claim_areas",
        description: "Each side's land and sea in the analysis window, per scenario",
        features,
    })
}

fn places(model: &Model) -> Layer {
    let features = views::places(model)
        .features
        .iter()
        .filter_map(|f| {
            let p = &f.properties;
            let mut props = vec![("id".to_string(), s(&p.id)), ("kind".to_string(), s(&p.kind))];
            props.extend(name_props(&p.names));
            if let Some(e) = p.elevation_m {
                props.push(("elevation_m".to_string(), Value::Num(e)));
            }
            feature(world(&f.geometry)?, props, 6, MAX_ZOOM)
        })
        .collect();
    Layer {
        name: "places",
        description: "Towns, capes, volcanoes and lighthouses",
        features,
    }
}

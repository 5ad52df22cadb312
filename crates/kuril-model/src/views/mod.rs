//! Typed views of the model: one struct per published feature kind (island, strait, place, line, claim area,
//! maritime zone) and per document (scenario, timeline, straits tour), shared by the HTTP API, the static export,
//! the downloads and the tiles.
//!
//! A feature is a [`Feature`]: the model's geometry (`geo` types, full precision) and one typed property set
//! whose field names are the published GeoJSON property names. Serialising a feature (serde) writes RFC 7946
//! GeoJSON: WGS 84, exterior rings counter-clockwise, polygons snapped to the 1e-6° grid as valid polygons and
//! other coordinates rounded to 1e-6° (about 0.1 m); [`Feature::published_geometry`] is that geometry for the
//! formats that are not JSON. The documents go through `serde_json::Value` (sorted keys) where their texts are put
//! in the reader's language (`crate::i18n::localize`).
//!
//! ```
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let islands = kuril_model::views::islands(&model);
//! // The four disputed islands: Iturup, Kunashir and Shikotan, and the Habomai islets.
//! let disputed: Vec<_> = islands.features.iter().filter(|f| f.properties.disputed).collect();
//! let large: Vec<&str> = disputed
//!     .iter()
//!     .filter(|f| f.properties.group == "four-islands")
//!     .map(|f| f.properties.id.as_str())
//!     .collect();
//! assert_eq!(large, ["iturup", "kunashir", "shikotan"]);
//! assert!(disputed.iter().all(|f| ["four-islands", "habomai"].contains(&f.properties.group.as_str())));
//! // Each with both names: the Japanese one with the Russian in brackets, and the Russian one with the Japanese.
//! let iturup = disputed[0];
//! assert_eq!(iturup.properties.names.both_ja, "択捉島（Итуруп）");
//! assert_eq!(iturup.properties.names.both_ru, "Итуруп (Эторофу)");
//! assert_eq!(iturup.properties.holders["soviet"], kuril_model::Side::Russia);
//! assert_eq!(iturup.properties.holders["japanese"], kuril_model::Side::Japan);
//! // The GeoJSON is the serialisation of the same structs.
//! let json = serde_json::to_value(&islands).expect("serialises");
//! assert_eq!(json["features"][0]["type"], "Feature");
//! assert_eq!(json["features"].as_array().map(Vec::len), Some(islands.features.len()));
//! ```

mod islands;
mod lines;
mod methods;
mod places;
mod scenarios;
mod stories;
mod straits;
mod zones;

use geo::orient::{Direction, Orient};
use geo::{Geometry, MapCoords, MultiPolygon};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::data::Names;
use crate::grid::multipolygon_on_grid;
use crate::i18n::Lang;
use crate::model::Model;

pub use islands::{ComputedArea, IslandProps, OfficialAreaView, islands};
pub use lines::{ClaimAreaProps, DatedEventView, LineProps, LineSummary, claim_areas, line, lines};
pub use methods::*;
pub use places::{NoteView, PlaceProps, places};
pub use scenarios::{LandBySide, ScenarioDoc, ScenarioHolders, SplitView, land_by_side, scenario, scenarios};
pub use stories::{straits_tour, timeline};
pub use straits::{StraitProps, WidthView, straits};
pub use zones::{SeaBySide, ZoneProps, maritime_zones, sea_by_side};

/// One published feature: its geometry as the model has it and its properties.
#[derive(Debug, Clone)]
pub struct Feature<P> {
    pub geometry: Geometry,
    pub properties: P,
}

impl<P> Feature<P> {
    /// The geometry at the precision it is published at (see the module's documentation).
    pub fn published_geometry(&self) -> Geometry {
        published(self.geometry.clone())
    }
}

impl<P: Serialize> Serialize for Feature<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Feature", 3)?;
        s.serialize_field("type", "Feature")?;
        s.serialize_field("geometry", &geojson::Geometry::from(&self.published_geometry()))?;
        s.serialize_field("properties", &self.properties)?;
        s.end()
    }
}

/// A GeoJSON FeatureCollection of features of one kind.
#[derive(Debug, Clone)]
pub struct FeatureCollection<P> {
    pub features: Vec<Feature<P>>,
}

impl<P: Serialize> Serialize for FeatureCollection<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("FeatureCollection", 2)?;
        s.serialize_field("type", "FeatureCollection")?;
        s.serialize_field("features", &self.features)?;
        s.end()
    }
}

/// Any view as a JSON value (keys sorted, as every document is published), for the documents whose texts are then
/// put in the reader's language.
pub fn to_value(view: &impl Serialize) -> Value {
    serde_json::to_value(view).unwrap_or(Value::Null)
}

/// An already published geometry (see [`Feature::published_geometry`]) as its RFC 7946 GeoJSON object.
pub fn geometry_json(g: &Geometry) -> Value {
    serde_json::to_value(geojson::Geometry::from(g)).unwrap_or(Value::Null)
}

fn round(g: Geometry) -> Geometry {
    g.map_coords(|c| geo::coord! { x: (c.x * 1e6).round() / 1e6, y: (c.y * 1e6).round() / 1e6 })
}

/// Polygons are snapped to the 1e-6° grid by an overlay rather than rounded vertex by vertex, so that they stay
/// valid at the precision they are published at (grid.rs).
fn published(g: Geometry) -> Geometry {
    match g {
        Geometry::Polygon(p) => {
            let mut snapped = multipolygon_on_grid(&MultiPolygon::new(vec![p]), 1e6).orient(Direction::Default);
            match snapped.0.len() {
                1 => Geometry::Polygon(snapped.0.remove(0)),
                _ => Geometry::MultiPolygon(snapped),
            }
        }
        Geometry::MultiPolygon(p) => Geometry::MultiPolygon(multipolygon_on_grid(&p, 1e6).orient(Direction::Default)),
        other => round(other),
    }
}

/// Rounded to 0.01 km².
pub(crate) fn km2(v: f64) -> f64 {
    // `+ 0.0` turns the -0.0 that rounding a tiny negative leaves into 0.0 (JSON would say "-0.0").
    (v * 100.0).round() / 100.0 + 0.0
}

/// A source as the documents cite it: its id, and where the bibliography has it, its title, publisher, url and a
/// bibliographic `citation` where the data has one.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub id: String,
    #[serde(flatten)]
    pub detail: Option<SourceDetail>,
}

/// What the bibliography says of a source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceDetail {
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// Sources resolved from the bibliography.
pub fn sources(model: &Model, ids: &[String]) -> Vec<SourceRef> {
    ids.iter()
        .map(|id| SourceRef {
            id: id.clone(),
            detail: model.source(id).map(|s| SourceDetail {
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                url: s.url.clone(),
                citation: s.citation.clone(),
            }),
        })
        .collect()
}

/// The names in every script, and both names as the Japanese and the Russian interface write them.
#[derive(Debug, Clone, Serialize)]
pub struct NamesView {
    pub en: String,
    pub ja: Option<String>,
    pub ja_latn: Option<String>,
    pub ru: Option<String>,
    pub ru_latn: Option<String>,
    pub both_ja: String,
    pub both_ru: String,
}

impl NamesView {
    pub fn new(n: &Names) -> NamesView {
        NamesView {
            en: n.en.clone(),
            ja: n.ja.clone(),
            ja_latn: n.ja_latn.clone(),
            ru: n.ru.clone(),
            ru_latn: n.ru_latn.clone(),
            both_ja: n.both(Lang::Ja),
            both_ru: n.both(Lang::Ru),
        }
    }
}

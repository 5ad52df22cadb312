//! File formats for downloads: pure functions from layers of flat features to bytes.
//!
//! A [`Layer`] is what every format writes: named features, each with a string id, a geometry (the model's view's
//! published geometry, `geo` types) and flat properties (scalars only, see [`flatten`]) so that every format, and
//! GIS clients, see the same columns. [`collections`] makes them from the model's typed views.

pub mod collections;
pub mod csv;
pub mod gpkg;
pub mod kml;

use geo::{BoundingRect, Coord, Geometry, Rect};
use kuril_model::views;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// One feature with flat properties.
#[derive(Debug, Clone)]
pub struct Feature {
    /// Stable string id, unique within its layer.
    pub id: String,
    /// The geometry as published (RFC 7946 precision: WGS 84, counter-clockwise exteriors, 1e-6°).
    pub geometry: Geometry,
    /// Scalar values only (string, number, boolean); `id` is not repeated here.
    pub properties: Map<String, Value>,
}

/// A named list of features: a table in a GeoPackage, a folder in KML.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Table-safe name (`[a-z0-9_]`).
    pub name: String,
    pub title: String,
    pub features: Vec<Feature>,
}

/// The value type of a column, inferred from the values the layer has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Boolean,
    Integer,
    Real,
    Text,
}

impl Layer {
    /// Column names: `id`, then every property key in order of first appearance.
    pub fn columns(&self) -> Vec<String> {
        let mut cols = vec!["id".to_string()];
        for f in &self.features {
            for k in f.properties.keys() {
                if !cols.contains(k) {
                    cols.push(k.clone());
                }
            }
        }
        cols
    }

    /// The type of a column: the narrowest that holds every non-null value (text when they disagree).
    pub fn column_type(&self, column: &str) -> ColumnType {
        if column == "id" {
            return ColumnType::Text;
        }
        let mut ty: Option<ColumnType> = None;
        for v in self.features.iter().filter_map(|f| f.properties.get(column)) {
            let t = match v {
                Value::Null => continue,
                Value::Bool(_) => ColumnType::Boolean,
                Value::Number(n) if n.is_i64() || n.is_u64() => ColumnType::Integer,
                Value::Number(_) => ColumnType::Real,
                _ => ColumnType::Text,
            };
            ty = Some(match (ty, t) {
                (None, t) => t,
                (Some(a), b) if a == b => a,
                (Some(ColumnType::Integer), ColumnType::Real) | (Some(ColumnType::Real), ColumnType::Integer) => {
                    ColumnType::Real
                }
                _ => ColumnType::Text,
            });
        }
        ty.unwrap_or(ColumnType::Text)
    }

    /// The bounding box of every feature.
    pub fn extent(&self) -> Option<Rect> {
        self.features
            .iter()
            .filter_map(|f| f.geometry.bounding_rect())
            .reduce(union)
    }
}

pub fn union(a: Rect, b: Rect) -> Rect {
    Rect::new(
        Coord {
            x: a.min().x.min(b.min().x),
            y: a.min().y.min(b.min().y),
        },
        Coord {
            x: a.max().x.max(b.max().x),
            y: a.max().y.max(b.max().y),
        },
    )
}

impl Feature {
    /// A feature of one of the model's views: its published geometry and its properties flattened ([`flatten`]).
    pub fn from_view<P: Serialize>(id: String, view: &views::Feature<P>) -> Feature {
        let mut properties = flatten(&views::to_value(&view.properties));
        properties.remove("id");
        Feature {
            id,
            geometry: view.published_geometry(),
            properties,
        }
    }

    /// The property as text, for formats without types (`None` for null or missing).
    pub fn text(&self, column: &str) -> Option<String> {
        if column == "id" {
            return Some(self.id.clone());
        }
        match self.properties.get(column)? {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        }
    }

    /// A GeoJSON feature with every column of its layer (null where it has no value), `id` at the top level.
    pub fn to_geojson(&self, columns: &[String], extra: &[(&str, &str)]) -> Value {
        let mut props = Map::new();
        for (k, v) in extra {
            props.insert((*k).to_string(), json!(v));
        }
        for c in columns.iter().filter(|c| *c != "id") {
            props.insert(c.clone(), self.properties.get(c).cloned().unwrap_or(Value::Null));
        }
        json!({ "type": "Feature", "id": self.id, "geometry": views::geometry_json(&self.geometry), "properties": props })
    }
}

/// Flatten GeoJSON properties into scalar columns, the same way for every format:
/// - nested objects become `parent_child` columns (`names` → `name_en`, `name_ja`, …; `holders` → `holder_<scenario>`),
/// - the top-level `sources` list becomes one readable string, `Title (Publisher) <url>; …`,
/// - any other list becomes its JSON text (lossless, one column),
/// - nulls are left out; column names are lower case `[a-z0-9_]`.
pub fn flatten(props: &Value) -> Map<String, Value> {
    let mut out = Map::new();
    if let Value::Object(m) = props {
        for (k, v) in m {
            let key = match k.as_str() {
                "names" => "name".to_string(),
                "holders" => "holder".to_string(),
                other => column_name(other),
            };
            if let ("sources", Value::Array(list)) = (key.as_str(), v) {
                out.insert(key, Value::String(sources_text(list)));
                continue;
            }
            flatten_into(&mut out, &key, v);
        }
    }
    out
}

fn flatten_into(out: &mut Map<String, Value>, key: &str, v: &Value) {
    match v {
        Value::Null => {}
        Value::Object(m) => {
            for (k, v) in m {
                flatten_into(out, &format!("{key}_{}", column_name(k)), v);
            }
        }
        Value::Array(_) => {
            out.insert(key.to_string(), Value::String(v.to_string()));
        }
        scalar => {
            out.insert(key.to_string(), scalar.clone());
        }
    }
}

/// `[a-z0-9_]` only: safe unquoted in SQL, CSV headers and KML.
pub fn column_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn sources_text(list: &[Value]) -> String {
    list.iter()
        .map(|s| {
            let field = |k: &str| s.get(k).and_then(Value::as_str).filter(|t| !t.is_empty());
            let mut t = field("title").or_else(|| field("id")).unwrap_or("").to_string();
            if let Some(p) = field("publisher") {
                t.push_str(&format!(" ({p})"));
            }
            if let Some(u) = field("url") {
                t.push_str(&format!(" <{u}>"));
            }
            t
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The data's credit, as the map shows it (in plain text). Downloads carry it where their format has a place for it
/// (GeoJSON, KML, GeoPackage): the OpenStreetMap islets' ODbL and GSHHG's LGPL ask for it.
pub fn credit() -> String {
    format!("Data: {}", kuril_tiles::attribution_plain())
}

/// A GeoJSON FeatureCollection of the layers, with the data's credit; with more than one layer each feature gets a
/// `layer` property.
pub fn geojson(layers: &[Layer]) -> Vec<u8> {
    let many = layers.len() > 1;
    let features: Vec<Value> = layers
        .iter()
        .flat_map(|l| {
            let cols = l.columns();
            let extra: Vec<(&str, &str)> = if many { vec![("layer", l.name.as_str())] } else { vec![] };
            l.features
                .iter()
                .map(move |f| f.to_geojson(&cols, &extra))
                .collect::<Vec<_>>()
        })
        .collect();
    let name = layers.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join("+");
    // `attribution` is a foreign member (RFC 7946, 6.1).
    let doc = json!({ "type": "FeatureCollection", "name": name, "attribution": credit(), "features": features });
    serde_json::to_vec(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattening_names_holders_sources_and_lists() {
        let p = json!({
            "id": "shikotan", "names": { "en": "Shikotan", "ja": "色丹島", "ru": null },
            "holders": { "two-island-1956": "japan" }, "label_point": [146.7, 43.8],
            "computed_area_km2": { "main_island": 250.1 }, "disputed": true,
            "sources": [{ "id": "a", "title": "Atlas", "publisher": "GSI", "url": "https://x" }, { "id": "b" }],
        });
        let f = flatten(&p);
        assert_eq!(f["name_en"], "Shikotan");
        assert_eq!(f["name_ja"], "色丹島");
        assert!(!f.contains_key("name_ru"));
        assert_eq!(f["holder_two_island_1956"], "japan");
        assert_eq!(f["label_point"], "[146.7,43.8]");
        assert_eq!(f["computed_area_km2_main_island"], 250.1);
        assert_eq!(f["disputed"], true);
        assert_eq!(f["sources"], "Atlas (GSI) <https://x>; b");
    }
}

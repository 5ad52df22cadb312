//! TileJSON 3.0.0 for the tile pyramid.
//!
//! ```
//! use kuril_tiles::{ATTRIBUTION, attribution_plain, tilejson};
//!
//! let doc = tilejson(&[], "https://example.org/tiles/{z}/{x}/{y}.mvt");
//! assert_eq!(doc["tilejson"], "3.0.0");
//! assert_eq!(doc["tiles"][0], "https://example.org/tiles/{z}/{x}/{y}.mvt");
//! assert_eq!((doc["minzoom"].as_u64(), doc["maxzoom"].as_u64()), (Some(0), Some(14)));
//! assert_eq!(doc["attribution"], ATTRIBUTION);
//! // The TileJSON credit is HTML; images and downloads take it as plain text.
//! assert!(ATTRIBUTION.contains("Wessel &amp; Smith") && attribution_plain().contains("Wessel & Smith"));
//! ```

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};

use crate::layers::{Layer, Value};
use crate::mercator::{MAX_LAT, MAX_ZOOM};

/// Attribution shown on every map: the data sources and their licences.
pub const ATTRIBUTION: &str = "Shorelines: GSHHG 2.3.7 © Wessel &amp; Smith (LGPL-3.0) · Habomai islets: © OpenStreetMap \
     contributors (ODbL 1.0) · Land: Made with Natural Earth (public domain) · Names and facts: see sources (CC BY-SA \
     4.0 where from Wikipedia)";

/// [`ATTRIBUTION`] as plain text, for images and downloads (the TileJSON field is HTML, as MapLibre shows it).
pub fn attribution_plain() -> String {
    ATTRIBUTION.replace("&amp;", "&")
}

/// TileJSON for tiles at `tiles_url` (a template with {z}/{x}/{y}).
pub fn tilejson(layers: &[Layer], tiles_url: &str) -> Json {
    let vector_layers: Vec<Json> = layers
        .iter()
        .map(|l| {
            let mut fields = BTreeMap::new();
            for f in &l.features {
                for (k, v) in &f.props {
                    let t = match v {
                        Value::Str(_) => "String",
                        Value::Num(_) => "Number",
                        Value::Bool(_) => "Boolean",
                    };
                    fields.insert(k.clone(), t);
                }
            }
            let minzoom = l.features.iter().map(|f| f.minzoom).min().unwrap_or(0);
            let maxzoom = l.features.iter().map(|f| f.maxzoom).max().unwrap_or(MAX_ZOOM);
            json!({ "id": l.name, "description": l.description, "minzoom": minzoom, "maxzoom": maxzoom, "fields": fields })
        })
        .collect();
    json!({
        "tilejson": "3.0.0",
        "name": "Kuril Islands dispute",
        "description": "Islands, straits, places, and each scenario's computed equidistance line and areas",
        "version": env!("CARGO_PKG_VERSION"),
        "attribution": ATTRIBUTION,
        "scheme": "xyz",
        "tiles": [tiles_url],
        "minzoom": 0,
        "maxzoom": MAX_ZOOM,
        "bounds": [-180.0, -MAX_LAT, 180.0, MAX_LAT],
        "center": [146.5, 44.3, 6],
        "vector_layers": vector_layers,
    })
}

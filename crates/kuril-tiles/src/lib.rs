//! Vector tiles of the Kuril Islands dispute model: layers, per-zoom simplification and clipping, MVT
//! encoding, TileJSON and the MapLibre style. No HTTP: the server and the static export both use it.
//!
//! A claim line from the model to a tile: the `lines` layer carries each scenario's line, which the style's
//! `line:<scenario>` layers draw.
//!
//! ```
//! use geo::coord;
//! use geozero::mvt::{Message, Tile};
//! use kuril_tiles::style::{StyleUrls, style};
//! use kuril_tiles::{TileId, Tiler};
//!
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let tiler = Tiler::new(&model).expect("layers build");
//! // The zoom-6 tile over Kunashir.
//! let kunashir = coord! { x: 145.9, y: 44.1 };
//! let id = TileId::covering(6, kunashir, kunashir).next().expect("a tile covers the point");
//! assert_eq!(id, TileId::parse("6", "57", "23").expect("a tile address"));
//! let bytes = tiler.tile(id).expect("the tile builds").expect("the tile has features");
//! let tile = Tile::decode(bytes.as_slice()).expect("valid MVT protobuf");
//! let lines = tile.layers.iter().find(|l| l.name == "lines").expect("a lines layer");
//! assert!(lines.values.iter().any(|v| v.string_value.as_deref() == Some("soviet")));
//!
//! let urls = StyleUrls {
//!     source: "/tiles.json".into(),
//!     glyphs: "/glyphs/{fontstack}/{range}.pbf".into(),
//! };
//! let style = style(&urls);
//! let layers = style["layers"].as_array().expect("a list of layers");
//! assert!(layers.iter().any(|l| l["id"] == "line:soviet" && l["source-layer"] == "lines"));
//! ```

pub mod clip;
mod encode;
mod error;
pub mod layers;
pub mod mercator;
pub mod reduce;
pub mod simplify;
pub mod style;
mod tilejson;
mod tiler;

pub use encode::EXTENT;
pub use error::TileError;
pub use layers::{LAYER_NAMES, Layer};
pub use mercator::{MAX_ZOOM, TileId};
pub use tilejson::{ATTRIBUTION, attribution_plain, tilejson};
pub use tiler::{BUFFER, Tiler};

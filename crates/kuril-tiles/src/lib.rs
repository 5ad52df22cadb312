//! Vector tiles of the Kuril Islands dispute model: layers, per-zoom simplification and clipping, MVT
//! encoding, TileJSON and the MapLibre style. No HTTP: the server and the static export both use it.

pub mod clip;
mod encode;
mod error;
pub mod layers;
pub mod mercator;
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

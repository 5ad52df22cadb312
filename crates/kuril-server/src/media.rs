//! The media types the server writes, one constant each, so a route, the OpenAPI document and the downloads
//! cannot spell one differently.

pub const JSON: &str = "application/json";
pub const GEOJSON: &str = "application/geo+json";
pub const OPENAPI: &str = "application/vnd.oai.openapi+json;version=3.0";
pub const OEMBED: &str = "application/json+oembed";
pub const MVT: &str = "application/vnd.mapbox-vector-tile";
pub const PROTOBUF: &str = "application/x-protobuf";
pub const KML: &str = "application/vnd.google-earth.kml+xml";
pub const GEOPACKAGE: &str = "application/geopackage+sqlite3";
pub const CSV: &str = "text/csv; charset=utf-8";
pub const HTML: &str = "text/html; charset=utf-8";
pub const JAVASCRIPT: &str = "text/javascript; charset=utf-8";
pub const CSS: &str = "text/css; charset=utf-8";
pub const PNG: &str = "image/png";
pub const SVG: &str = "image/svg+xml";
pub const SVG_UTF8: &str = "image/svg+xml; charset=utf-8";
pub const OCTET_STREAM: &str = "application/octet-stream";

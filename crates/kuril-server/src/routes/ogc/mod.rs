//! OGC API – Features – Part 1: Core, with the GeoJSON and OpenAPI 3.0 conformance classes, under `/ogc`.
//!
//! Collections are the model's typed views (`kuril_model::views`) with flat properties (`formats::collections`),
//! prepared once per model (`catalogue.rs`). Items page by `offset` (the `next` link carries
//! it); `bbox` filters by true intersection; `datetime` is validated and then filters nothing (the data is not
//! temporal; `query.rs`). The API definition at `/ogc/api` is built in `routes/openapi/`. Details and decisions:
//! docs/ogc.md.

mod catalogue;
mod collections;
mod conformance;
mod items;
mod landing;
mod query;

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;

use crate::state::AppState;

pub use catalogue::{COLLECTIONS, Catalogue, Collection, Def, catalogue};
pub use conformance::CONFORMANCE;
pub use query::{
    ItemsQuery, LIMIT_DEFAULT, LIMIT_MAX, QueryPairs, check_query, parse_bbox, parse_items_query, timestamp,
    valid_datetime,
};

/// The one coordinate reference system offered: WGS 84 longitude/latitude.
pub const CRS84: &str = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ogc", get(landing::landing))
        .route("/ogc/", get(landing::landing))
        .route("/ogc/conformance", get(conformance::conformance))
        .route("/ogc/api", get(super::openapi::ogc_api))
        .route("/ogc/collections", get(collections::collections))
        .route("/ogc/collections/{collection}", get(collections::collection))
        .route("/ogc/collections/{collection}/items", get(items::items))
        .route("/ogc/collections/{collection}/items/{feature}", get(items::feature))
}

/// A link of an OGC API document.
#[derive(Debug, Serialize)]
pub struct Link {
    pub href: String,
    pub rel: &'static str,
    #[serde(rename = "type")]
    pub media_type: &'static str,
    pub title: String,
}

pub fn link(href: String, rel: &'static str, media_type: &'static str, title: &str) -> Link {
    Link {
        href,
        rel,
        media_type,
        title: title.to_string(),
    }
}

/// The base of every `/ogc` link: the service's URL (fixed, or from the request's Host) and `/ogc`.
fn base(state: &AppState, headers: &HeaderMap) -> String {
    format!("{}/ogc", state.base_url(headers))
}

fn respond(content_type: &'static str, body: Vec<u8>) -> Response {
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    (h, body).into_response()
}

/// A document serialised with serde, sent with this content type.
pub fn json_response(content_type: &'static str, doc: &impl Serialize) -> Response {
    respond(content_type, serde_json::to_vec(doc).unwrap_or_default())
}

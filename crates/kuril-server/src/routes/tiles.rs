//! `GET /tiles/{z}/{x}/{y}.mvt` and `GET /tiles.json`.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use kuril_tiles::TileId;

use crate::error::ApiError;
use crate::state::{AppState, CachedTile, accepts_gzip, etag, not_modified};

pub const MVT_TYPE: &str = "application/vnd.mapbox-vector-tile";
/// Tiles are derived from data built into the binary: a day's caching is safe, revalidation is cheap (ETag).
const TILE_CACHE_CONTROL: &str = "public, max-age=86400";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tiles/{z}/{x}/{y}", get(tile))
        .route("/tiles.json", get(tilejson))
}

async fn tile(
    State(state): State<AppState>,
    path: Result<Path<(String, String, String)>, axum::extract::rejection::PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Path((z, x, y)) = path.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let y = y
        .strip_suffix(".mvt")
        .ok_or_else(|| ApiError::not_found("tiles are served as /tiles/{z}/{x}/{y}.mvt"))?;
    let id = TileId::parse(&z, &x, y)?;
    let span = tracing::debug_span!("tile", z = id.z, x = id.x, y = id.y);
    let _guard = span.enter();
    let cached = match state.tiles.get(&id) {
        Some(t) => t,
        None => {
            let tiler = state.tiler.clone();
            let built = tokio::task::spawn_blocking(move || build(&tiler, id))
                .await
                .map_err(ApiError::internal)??;
            let built = Arc::new(built);
            state.tiles.insert(id, built.clone());
            built
        }
    };
    Ok(respond(&cached, &headers))
}

fn build(tiler: &kuril_tiles::Tiler, id: TileId) -> Result<CachedTile, ApiError> {
    match tiler.tile(id)? {
        None => Ok(CachedTile::Empty),
        Some(raw) => {
            use std::io::Write;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
            gz.write_all(&raw).map_err(ApiError::internal)?;
            let gzip = gz.finish().map_err(ApiError::internal)?;
            let etag = etag(&raw);
            Ok(CachedTile::Data { raw, gzip, etag })
        }
    }
}

fn respond(tile: &CachedTile, headers: &HeaderMap) -> Response {
    let CachedTile::Data { raw, gzip, etag } = tile else {
        return (StatusCode::NO_CONTENT, [(header::CACHE_CONTROL, TILE_CACHE_CONTROL)]).into_response();
    };
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(MVT_TYPE));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(TILE_CACHE_CONTROL));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    if not_modified(headers, etag) {
        return (StatusCode::NOT_MODIFIED, h).into_response();
    }
    if accepts_gzip(headers) {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        (h, gzip.clone()).into_response()
    } else {
        (h, raw.clone()).into_response()
    }
}

async fn tilejson(State(state): State<AppState>, headers: HeaderMap) -> Json<serde_json::Value> {
    let base = state.base_url(&headers);
    Json(kuril_tiles::tilejson(
        state.tiler.layers(),
        &format!("{base}/tiles/{{z}}/{{x}}/{{y}}.mvt"),
    ))
}

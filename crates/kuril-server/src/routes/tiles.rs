//! `GET /tiles/{z}/{x}/{y}.mvt` and `GET /tiles.json`.

use crate::media;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use kuril_tiles::TileId;
use tracing::Instrument as _;

use crate::error::ApiError;
use crate::prepared::{Prepared, cached};
use crate::state::{AppState, CachedTile};

pub const MVT_TYPE: &str = media::MVT;
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
    let tiler = state.tiler.clone();
    // The span follows the future (an entered span's guard must not be held across an await).
    let cached = cached(&state.tiles, id, move || build(&tiler, id))
        .instrument(span)
        .await?;
    Ok(respond(&cached, &headers, HeaderMap::new()))
}

fn build(tiler: &kuril_tiles::Tiler, id: TileId) -> Result<CachedTile, ApiError> {
    Ok(match tiler.tile(id)? {
        None => CachedTile::Empty,
        Some(raw) => CachedTile::Data(Prepared::new(raw, true)),
    })
}

/// The fast path's answer for a request head, when it is a plain `GET /tiles/{z}/{x}/{y}.mvt` of a tile already
/// cut and cached, and within the guard's limits: the same response the router would give (status, headers,
/// body), without the router. Everything else (a tile not cut yet, `HEAD`, a malformed or percent-encoded path,
/// a request with a body, an oversized head) is `None`, and the router answers it.
///
/// A cached tile is answered in the same poll, so it never counts against the guard's requests in flight nor
/// reaches its timeout; the headers the router's layers would add come from the same lists
/// (`security::HEADERS`, `framing::NOT_FRAMED`, [`super::CORS_HEADERS`]).
pub fn fast(state: &AppState, method: &Method, uri: &Uri, request: &HeaderMap) -> Option<Response> {
    if method != Method::GET {
        return None;
    }
    let id = plain_tile_path(uri.path())?;
    let limits = super::guard::GuardLimits::default();
    if uri.path_and_query().map_or(0, |pq| pq.as_str().len()) > limits.max_uri_bytes
        || super::guard::head_bytes(request) > limits.max_header_bytes
        || super::guard::has_body(request)
    {
        return None;
    }
    let tile = state.tiles.get(&id)?;
    // Room for every header at once: the tile's five, the three of CORS and framing, the four security ones.
    let mut response = respond(&tile, request, HeaderMap::with_capacity(16));
    let h = response.headers_mut();
    for (name, value) in super::CORS_HEADERS.iter().chain(&super::framing::NOT_FRAMED) {
        h.append(name, value.clone());
    }
    for (name, value) in &super::security::HEADERS {
        h.append(name, value.clone());
    }
    Some(response)
}

/// `/tiles/{z}/{x}/{y}.mvt` with plain decimal numbers, as a valid tile id.
fn plain_tile_path(path: &str) -> Option<TileId> {
    let rest = path.strip_prefix("/tiles/")?.strip_suffix(".mvt")?;
    let mut parts = rest.split('/');
    let (z, x, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    TileId::parse(z, x, y).ok()
}

fn respond(tile: &CachedTile, request: &HeaderMap, mut h: HeaderMap) -> Response {
    let CachedTile::Data(tile) = tile else {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(TILE_CACHE_CONTROL));
        return (StatusCode::NO_CONTENT, h).into_response();
    };
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(MVT_TYPE));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(TILE_CACHE_CONTROL));
    tile.respond(request, h)
}

/// TileJSON names this server's host, so it is built per request (small: about 3 kB); gzipped here because the
/// tiles' short stack has no compression layer.
async fn tilejson(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let base = state.base_url(&headers);
    let doc = kuril_tiles::tilejson(state.tiler.layers(), &format!("{base}/tiles/{{z}}/{{x}}/{{y}}.mvt"));
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media::JSON));
    Prepared::new(serde_json::to_vec(&doc).unwrap_or_default(), true).respond(&headers, h)
}

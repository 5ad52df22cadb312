//! The web app (built into web/dist by build.rs and embedded) and `/healthz`.

use crate::media;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use include_dir::{Dir, include_dir};

use crate::error::ApiError;
use crate::prepared::{Prepared, cached, compressible};
use crate::state::AppState;

pub static WEB: Dir<'static> = include_dir!("$KURIL_WEB_DIST");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/healthz", get(healthz))
        .route("/{file}", get(asset))
}

async fn healthz() -> impl IntoResponse {
    axum::Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

/// `index.html` with the sharing tags (oEmbed discovery, Open Graph, Twitter card) for the request's host.
async fn index(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let file = WEB
        .get_file("index.html")
        .ok_or_else(|| ApiError::not_found("no such resource: /index.html"))?;
    super::embed::app_index(&state, &headers, file.contents())
}

async fn asset(
    State(state): State<AppState>,
    path: Result<Path<String>, axum::extract::rejection::PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Path(file) = path.map_err(|e| ApiError::bad_request(e.body_text()))?;
    serve(&state, &file, &headers).await
}

pub fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next() {
        Some("html") => media::HTML,
        Some("js") | Some("mjs") => media::JAVASCRIPT,
        Some("css") => media::CSS,
        Some("svg") => media::SVG,
        Some("png") => media::PNG,
        Some("json") => media::JSON,
        Some("map") => media::JSON,
        Some("woff2") => "font/woff2",
        _ => media::OCTET_STREAM,
    }
}

async fn serve(state: &AppState, file: &str, headers: &HeaderMap) -> Result<Response, ApiError> {
    // Only plain file names of the embedded build: no traversal can reach anything else.
    let found = (!file.contains("..") && !file.contains('/') && !file.contains('\\'))
        .then(|| WEB.get_file(file))
        .flatten()
        .ok_or_else(|| ApiError::not_found(format!("no such resource: /{file}")))?;
    let ty = content_type(file);
    // Prepared (ETag, gzip) once per file rather than per request: app.js is over a megabyte.
    let contents: &'static [u8] = found.contents();
    let prepared = cached(&state.documents, format!("web:{file}"), move || {
        Ok(Prepared::new(Bytes::from_static(contents), compressible(ty)))
    })
    .await?;
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ty));
    // index.html must be revalidated so a new release is picked up; assets too, cheaply, by ETag.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(prepared.respond(headers, h))
}

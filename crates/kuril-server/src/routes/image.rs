//! `GET /image.png` and `GET /image.svg`: a static image of a map view, drawn by `kuril-render` (pure Rust, no
//! browser). The query takes the web app's permalink fields (`map=zoom/lat/lng`, `lines`, `areas`, `naming`,
//! `lang`) plus `width` and `height` (1–2048 px); defaults are the app's opening view at 1200×630, the size of a
//! social card. A bad value is a 400 with a JSON body. Images are rendered on a blocking thread (at most
//! [`MAX_RENDERS`] at a time), cached by format and canonical view, and sent with an ETag.

use std::sync::Arc;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use kuril_render::{ParamError, View};
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::state::{AppState, Document, etag, not_modified};

/// Images derive from data built into the binary: a day's caching is safe, revalidation is cheap (ETag).
const IMAGE_CACHE_CONTROL: &str = "public, max-age=86400";
/// Renders running at once (the machine's cores); further requests wait for a turn.
pub const MAX_RENDERS: usize = 2;
static RENDERS: Semaphore = Semaphore::const_new(MAX_RENDERS);

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/image.png", get(png))
        .route("/image.svg", get(svg))
}

#[derive(Debug, Clone, Copy)]
enum Format {
    Png,
    Svg,
}

impl Format {
    fn content_type(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Svg => "image/svg+xml; charset=utf-8",
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

async fn png(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    image(state, query, headers, Format::Png).await
}

async fn svg(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    image(state, query, headers, Format::Svg).await
}

fn param_error(e: ParamError) -> ApiError {
    let mut err = ApiError::new(StatusCode::BAD_REQUEST, "bad_parameter", e.to_string());
    err.valid = e.valid().map(<[String]>::to_vec);
    err
}

fn render(state: &AppState, view: &View, format: Format) -> Result<Vec<u8>, ApiError> {
    let renderer = state
        .renderer
        .get_or_init(|| {
            kuril_render::Renderer::with_layers(&state.model, state.tiler.layers().to_vec()).map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(ApiError::internal)?;
    match format {
        Format::Png => renderer.png(view).map_err(ApiError::internal),
        Format::Svg => Ok(renderer.svg(view).into_bytes()),
    }
}

async fn image(
    state: AppState,
    query: Option<String>,
    headers: HeaderMap,
    format: Format,
) -> Result<Response, ApiError> {
    let scenarios: Vec<&str> = state.model.scenarios.iter().map(|s| s.id.as_str()).collect();
    let view = kuril_render::parse_query(query.as_deref().unwrap_or(""), &scenarios).map_err(param_error)?;
    let key = format!("{}?{}", format.ext(), view.canonical_query());
    tracing::debug!(%key, "image");
    let doc = match state.images.get(&key) {
        Some(doc) => doc,
        None => {
            let _permit = RENDERS.acquire().await.map_err(ApiError::internal)?;
            // Another request may have rendered it while this one waited.
            match state.images.get(&key) {
                Some(doc) => doc,
                None => {
                    let st = state.clone();
                    let bytes = tokio::task::spawn_blocking(move || render(&st, &view, format))
                        .await
                        .map_err(ApiError::internal)??;
                    let tag = etag(&bytes);
                    let doc: Arc<Document> = Arc::new((bytes, tag));
                    state.images.insert(key, doc.clone());
                    doc
                }
            }
        }
    };
    Ok(respond(&doc, &headers, format))
}

fn respond(doc: &Document, headers: &HeaderMap, format: Format) -> Response {
    let (bytes, tag) = doc;
    let mut h = HeaderMap::new();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMAGE_CACHE_CONTROL));
    if let Ok(v) = HeaderValue::from_str(tag) {
        h.insert(header::ETAG, v);
    }
    if not_modified(headers, tag) {
        return (StatusCode::NOT_MODIFIED, h).into_response();
    }
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    (h, bytes.clone()).into_response()
}

//! `GET /image.png` and `GET /image.svg`: a static image of a map view, drawn by `kuril-render` (pure Rust, no
//! browser). The query takes the web app's permalink fields (`map=zoom/lat/lng`, `lines`, `areas`, `naming`,
//! `lang`) plus `width` and `height` (1–2048 px); defaults are the app's opening view at 1200×630, the size of a
//! social card. A bad value is a 400 with a JSON body. Images are rendered on a blocking thread (at most
//! [`MAX_RENDERS`] at a time, each view once however many ask for it at the same moment), cached by format and
//! canonical view, and sent with an ETag; with more than [`MAX_QUEUED`] new views waiting, a 503 with
//! `Retry-After` rather than a queue that outlasts the request timeout.

use crate::media;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use kuril_render::{ParamError, View};
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::prepared::{Prepared, compressible};
use crate::state::AppState;

/// Images derive from data built into the binary: a day's caching is safe, revalidation is cheap (ETag).
const IMAGE_CACHE_CONTROL: &str = "public, max-age=86400";
/// Renders running at once (the machine's cores); further requests wait for a turn.
pub const MAX_RENDERS: usize = 2;

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
            Format::Png => media::PNG,
            Format::Svg => media::SVG_UTF8,
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
    // Requests for an image being drawn wait for that drawing; a distinct new image takes a place in the queue
    // for the render slots, and beyond MAX_QUEUED of them the client is asked to come back.
    let doc = match state.images.get_value_or_guard_async(&key).await {
        Ok(doc) => doc,
        Err(guard) => {
            let _place = Queued::enter(&state.render_queue).ok_or_else(|| {
                ApiError::unavailable(
                    "too many new images are being drawn at once; retry shortly",
                    RETRY_AFTER_S,
                )
            })?;
            let _permit = state.render_queue.renders.acquire().await.map_err(ApiError::internal)?;
            let st = state.clone();
            let bytes = tokio::task::spawn_blocking(move || render(&st, &view, format))
                .await
                .map_err(ApiError::internal)??;
            let doc = Arc::new(Prepared::new(bytes, compressible(format.content_type())));
            let _ = guard.insert(doc.clone());
            doc
        }
    };
    Ok(respond(&doc, &headers, format))
}

/// Distinct images waiting for or being drawn, beyond which new ones get a 503.
pub const MAX_QUEUED: usize = 32;
const RETRY_AFTER_S: u32 = 2;

/// The render slots and the count of distinct new images waiting for one (`AppState::render_queue`).
#[derive(Debug)]
pub struct RenderQueue {
    renders: Semaphore,
    queued: AtomicUsize,
}

impl Default for RenderQueue {
    fn default() -> RenderQueue {
        RenderQueue {
            renders: Semaphore::new(MAX_RENDERS),
            queued: AtomicUsize::new(0),
        }
    }
}

/// A place among the images waiting to be drawn, given back when dropped.
struct Queued<'a>(&'a AtomicUsize);

impl Queued<'_> {
    fn enter(queue: &RenderQueue) -> Option<Queued<'_>> {
        queue
            .queued
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < MAX_QUEUED).then_some(n + 1)
            })
            .ok()
            .map(|_| Queued(&queue.queued))
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

fn respond(doc: &Prepared, request: &HeaderMap, format: Format) -> Response {
    let mut h = HeaderMap::new();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMAGE_CACHE_CONTROL));
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    doc.respond(request, h)
}

//! The router: one module per resource, middleware assembled in one place.

mod api;
mod download;
mod embed;
mod framing;
mod front;
pub mod guard;
mod image;
pub mod oembed;
pub mod ogc;
mod openapi;
mod security;
mod style;
mod tiles;
mod web;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::IntoResponse;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate as _};
use tower_http::cors::{Any, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::error::ApiError;
use crate::prepared;
use crate::state::AppState;

pub use image::{MAX_QUEUED as MAX_IMAGE_QUEUE, RenderQueue};
pub use style::GLYPHS;
pub use tiles::{MVT_TYPE, fast as fast_tile};
pub use web::{WEB, content_type};

pub use front::App;

/// What the CORS layer adds to a simple request's response; the tile fast path adds the same
/// (`tests/router.rs` compares the two paths).
pub(crate) static CORS_HEADERS: [(HeaderName, HeaderValue); 2] = [
    (
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("etag,content-length"),
    ),
    (header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")),
];

/// The service: the tile fast path in front of the router (`front.rs`).
pub fn app(state: AppState) -> App {
    App::new(state.clone(), router(state))
}

/// Every resource, with its middleware.
pub fn router(state: AppState) -> Router {
    // Any origin may read (GET, HEAD) and see the ETag and length: CORS_HEADERS.
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .expose_headers([header::ETAG, header::CONTENT_LENGTH]);
    // Tiles, the bulk of the traffic, skip tracing, catch-panic and compression: they are prepared and
    // compressed once, and built on the blocking pool (a panic there is a JoinError, answered as a 500).
    let tiles = tiles::router().with_state(state.clone());
    let rest = Router::new()
        .merge(style::router())
        .merge(api::router())
        .merge(ogc::router())
        .merge(download::router())
        .merge(embed::router())
        .merge(oembed::router())
        .merge(image::router())
        .merge(web::router())
        .with_state(state)
        .layer(
            tower::ServiceBuilder::new()
                .layer(TraceLayer::new_for_http())
                .layer(CatchPanicLayer::custom(|_| {
                    ApiError::internal("handler panicked").into_response()
                }))
                .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(prepared::not_prepared))),
        );
    Router::new()
        .merge(tiles)
        .merge(rest)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(
            tower::ServiceBuilder::new()
                // Security headers on every response (security.rs); only /embed may be framed (framing.rs).
                .layer(axum::middleware::from_fn(security::headers))
                .layer(axum::middleware::from_fn(framing::headers))
                .layer(axum::middleware::from_fn_with_state(
                    guard::Guard::new(guard::GuardLimits::default()),
                    guard::guard,
                ))
                .layer(cors),
        )
}

/// Documents that take a while to compute the first time (the scenario statistics' sea zones, the OGC
/// catalogue, the image renderer), requested once through the router when the server starts.
pub const WARM_PATHS: [&str; 4] = ["/api/scenarios", "/ogc/collections", "/image.png", "/app.js"];

/// Request [`WARM_PATHS`] one after the other, in the background; a visitor asking for one meanwhile waits
/// for the same computation rather than starting another.
pub async fn warm(app: App) {
    use tower::ServiceExt as _;
    let started = std::time::Instant::now();
    for path in WARM_PATHS {
        let request = axum::http::Request::get(path)
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(axum::body::Body::empty());
        let status = match request {
            Ok(r) => app.clone().oneshot(r).await.map(|r| r.status()).ok(),
            Err(_) => None,
        };
        tracing::debug!(path, ?status, "warmed");
    }
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "documents warmed");
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no such resource: {}", uri.path()))
}

async fn method_not_allowed(method: Method) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed here: use GET or HEAD"),
    )
}

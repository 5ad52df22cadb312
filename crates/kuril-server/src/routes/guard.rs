//! Request guard, in front of every route: oversized request lines and heads get a JSON 414/431, a request
//! with a body gets a JSON 413 (every resource here is read-only), beyond a number of requests in flight the
//! server sheds load with a JSON 503 and `Retry-After` instead of queueing until it collapses, and a request
//! that takes longer than its time gets a JSON 503 with `Retry-After` too.
//!
//! Why these limits are ours and not tower's or tower-http's layers (whose answers would change the statuses,
//! bodies or headers that clients and tests/bad_input.rs and the burst tests in tests/image.rs rely on):
//! - URI and head size: neither crate has a layer for them (hyper's own head limit answers with no
//!   JSON body: a bare 431, see serve.rs).
//! - Body: `RequestBodyLimitLayer` refuses only a declared `Content-Length` over its limit, with a plain-text 413,
//!   and otherwise fails the body's reading, which no handler here does; a chunked body would then be served.
//! - In flight: `ConcurrencyLimitLayer` queues instead of refusing, and `LoadShedLayer` in front of it refuses
//!   with an error that needs a `HandleErrorLayer` to become a response, without the count in our message; through
//!   `Router::layer` it would also count per route, not for the whole server.
//! - Time: tower-http's `TimeoutLayer` answers with an empty body and no `Retry-After`, and tower's returns an
//!   error, again for a `HandleErrorLayer`; ours is the JSON 503 with `Retry-After` of an overloaded server.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Request-level limits.
#[derive(Debug, Clone, Copy)]
pub struct GuardLimits {
    /// Longest accepted path and query, bytes.
    pub max_uri_bytes: usize,
    /// Largest accepted sum of header names and values, bytes.
    pub max_header_bytes: usize,
    /// Requests being answered at once; beyond it, 503.
    pub max_in_flight: usize,
    /// Seconds a shed client is told to wait.
    pub retry_after_s: u32,
    /// Time a request may take from here to its response head.
    pub request_timeout: Duration,
}

impl Default for GuardLimits {
    fn default() -> Self {
        GuardLimits {
            max_uri_bytes: 8 * 1024,
            max_header_bytes: 16 * 1024,
            max_in_flight: 1024,
            retry_after_s: 1,
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// The guard's state: its limits and the count of requests in flight.
#[derive(Debug, Default)]
pub struct Guard {
    limits: GuardLimits,
    in_flight: AtomicUsize,
}

impl Guard {
    pub fn new(limits: GuardLimits) -> Arc<Guard> {
        Arc::new(Guard {
            limits,
            in_flight: AtomicUsize::new(0),
        })
    }
}

/// Decrements the in-flight count when the request is answered or dropped.
struct InFlight<'a>(&'a AtomicUsize);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The bytes of a request's header names and values.
pub fn head_bytes(headers: &axum::http::HeaderMap) -> usize {
    headers.iter().map(|(k, v)| k.as_str().len() + v.len()).sum()
}

/// Whether a request declares a body (every resource here is read-only).
pub fn has_body(headers: &axum::http::HeaderMap) -> bool {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    declared.is_some_and(|n| n > 0) || headers.contains_key(header::TRANSFER_ENCODING)
}

pub async fn guard(State(guard): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    let limits = guard.limits;
    let uri_len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > limits.max_uri_bytes {
        return ApiError::new(
            StatusCode::URI_TOO_LONG,
            "uri_too_long",
            format!(
                "the request path and query are {uri_len} bytes; at most {} are accepted",
                limits.max_uri_bytes
            ),
        )
        .into_response();
    }
    let head = head_bytes(req.headers());
    if head > limits.max_header_bytes {
        return ApiError::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "headers_too_large",
            format!(
                "the request headers are {head} bytes; at most {} are accepted",
                limits.max_header_bytes
            ),
        )
        .into_response();
    }
    if has_body(req.headers()) {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_not_accepted",
            "this service is read-only: requests carry no body",
        )
        .into_response();
    }
    let before = guard.in_flight.fetch_add(1, Ordering::AcqRel);
    let _slot = InFlight(&guard.in_flight);
    if before >= limits.max_in_flight {
        let mut r = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            format!("the server is answering {before} requests; try again shortly"),
        )
        .into_response();
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(limits.retry_after_s));
        return r;
    }
    match tokio::time::timeout(limits.request_timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::unavailable(
            format!(
                "the answer took longer than {} s; try again shortly",
                limits.request_timeout.as_secs()
            ),
            limits.retry_after_s,
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::Router;
    use axum::body::{Body, to_bytes};
    use axum::routing::get;
    use tokio::sync::Notify;
    use tower::ServiceExt;

    use super::*;

    fn app(limits: GuardLimits, release: Arc<Notify>) -> Router {
        Router::new()
            .route("/", get(|| async { "ok" }))
            .route(
                "/slow",
                get(move || {
                    let release = release.clone();
                    async move {
                        release.notified().await;
                        "done"
                    }
                }),
            )
            .layer(axum::middleware::from_fn_with_state(Guard::new(limits), guard))
    }

    async fn error_code(r: Response) -> String {
        let body = to_bytes(r.into_body(), 1 << 20).await.expect("body");
        let v: serde_json::Value = serde_json::from_slice(&body).expect("JSON error body");
        v["error"]["code"].as_str().expect("code").to_string()
    }

    #[tokio::test]
    async fn sheds_load_beyond_the_in_flight_limit_and_recovers() {
        let release = Arc::new(Notify::new());
        let limits = GuardLimits {
            max_in_flight: 2,
            ..GuardLimits::default()
        };
        let app = app(limits, release.clone());
        let slow = |app: Router| async move {
            app.oneshot(Request::get("/slow").body(Body::empty()).expect("request"))
                .await
        };
        let a = tokio::spawn(slow(app.clone()));
        let b = tokio::spawn(slow(app.clone()));
        // Wait until both are inside the handler.
        for _ in 0..100 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let r = app
            .clone()
            .oneshot(Request::get("/").body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
        assert_eq!(error_code(r).await, "overloaded");
        release.notify_waiters();
        assert_eq!(a.await.expect("joins").expect("infallible").status(), StatusCode::OK);
        assert_eq!(b.await.expect("joins").expect("infallible").status(), StatusCode::OK);
        // The slots are given back: the next request goes through.
        let r = app
            .oneshot(Request::get("/").body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn rejects_long_uris_big_heads_and_bodies_with_json() {
        let app = app(GuardLimits::default(), Arc::new(Notify::new()));
        let long = format!("/?q={}", "a".repeat(9000));
        let r = app
            .clone()
            .oneshot(Request::get(long).body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::URI_TOO_LONG);
        assert_eq!(error_code(r).await, "uri_too_long");

        let r = app
            .clone()
            .oneshot(
                Request::get("/")
                    .header("x-big", "b".repeat(20_000))
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
        assert_eq!(error_code(r).await, "headers_too_large");

        let r = app
            .clone()
            .oneshot(
                Request::get("/")
                    .header(header::CONTENT_LENGTH, "5")
                    .body(Body::from("hello"))
                    .expect("request"),
            )
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(error_code(r).await, "body_not_accepted");

        // Just under the limits: answered.
        let ok = format!("/?q={}", "a".repeat(8000));
        let r = app
            .oneshot(Request::get(ok).body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn a_request_over_its_time_gets_a_json_503() {
        let limits = GuardLimits {
            request_timeout: Duration::from_millis(50),
            ..GuardLimits::default()
        };
        let release = Arc::new(Notify::new());
        let app = app(limits, release);
        let r = app
            .clone()
            .oneshot(Request::get("/slow").body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
        assert_eq!(error_code(r).await, "overloaded");
        // The slot is given back.
        let r = app
            .oneshot(Request::get("/").body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(r.status(), StatusCode::OK);
    }
}

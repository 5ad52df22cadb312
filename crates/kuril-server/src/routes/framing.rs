//! Who may put our pages in a frame: only `/embed` may be framed, by any site; every other response says
//! `X-Frame-Options: DENY` and `Content-Security-Policy: frame-ancestors 'none'` (clickjacking protection).
//!
//! The policy is added as its own `Content-Security-Policy` header (appended, never replacing one already set):
//! browsers enforce every CSP header of a response, so a fuller policy added elsewhere composes with this one.
//! Such a policy must itself leave `frame-ancestors` out (or allow it) on `/embed`, or the embed stops working.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The one path other sites may frame.
pub const EMBED_PATH: &str = "/embed";

/// What every response but the embed page's says.
pub static NOT_FRAMED: [(HeaderName, HeaderValue); 2] = [
    (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("frame-ancestors 'none'"),
    ),
];

pub async fn headers(request: Request, next: Next) -> Response {
    let embeddable = request.uri().path() == EMBED_PATH;
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    if embeddable {
        h.append(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors *"),
        );
    } else {
        let [(frame_name, frame_value), (csp_name, csp_value)] = &NOT_FRAMED;
        h.insert(frame_name, frame_value.clone());
        h.append(csp_name, csp_value.clone());
    }
    response
}

//! Who may put our pages in a frame: only `/embed` may be framed, by any site; every other response says
//! `X-Frame-Options: DENY` and `Content-Security-Policy: frame-ancestors 'none'` (clickjacking protection).
//!
//! The policy is added as its own `Content-Security-Policy` header (appended, never replacing one already set):
//! browsers enforce every CSP header of a response, so a fuller policy added elsewhere composes with this one.
//! Such a policy must itself leave `frame-ancestors` out (or allow it) on `/embed`, or the embed stops working.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The one path other sites may frame.
pub const EMBED_PATH: &str = "/embed";

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
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        h.append(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'none'"),
        );
    }
    response
}

//! Security headers on every response: a Content-Security-Policy that allows only our own origin (no inline
//! script, no third-party host), `nosniff`, a referrer policy and a permissions policy.
//!
//! MapLibre GL JS needs `worker-src blob:` (its worker is created from a blob URL) and `img-src data: blob:`
//! (sprites and canvas images); inline `style` attributes are allowed because MapLibre and the app position
//! elements with them. Framing (`frame-ancestors`) is left to `framing.rs`, which opens it for `/embed` only;
//! browsers enforce every CSP header of a response, so the two policies compose.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; child-src 'self' blob:; \
     connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/// The security headers, in the order they are added.
pub static HEADERS: [(HeaderName, HeaderValue); 4] = [
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    ),
    (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    (
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    ),
    (
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ),
];

pub async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    for (name, value) in &HEADERS {
        // The policy is appended (framing.rs adds its own); the others replace any value a handler set.
        if name == header::CONTENT_SECURITY_POLICY {
            h.append(name, value.clone());
        } else {
            h.insert(name, value.clone());
        }
    }
    response
}

//! A response body prepared once and served many times: its bytes, its gzip form (compressed once, not per
//! request), and its ETag, shared without copying. Tiles, API documents, downloads, static images and the web
//! app's files are all served this way; [`cached`] builds one at most once per key even when many requests
//! ask for it at the same moment.

use std::hash::Hash;
use std::io::Write as _;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::error::ApiError;
use crate::state::{accepts_gzip, etag, not_modified};

/// Bodies smaller than this are sent as they are: gzip would save nothing worth its header.
const MIN_GZIP: usize = 860;

#[derive(Debug)]
pub struct Prepared {
    raw: Bytes,
    gzip: Option<Bytes>,
    etag: HeaderValue,
}

/// Marks a response whose encoding was decided here: the router's compression layer leaves it as it is (a
/// body too small to gain from gzip is not compressed per request either).
#[derive(Debug, Clone, Copy)]
pub struct Encoded;

/// For the compression layer: true unless the response was prepared here.
pub fn not_prepared(
    _: axum::http::StatusCode,
    _: axum::http::Version,
    _: &HeaderMap,
    extensions: &axum::http::Extensions,
) -> bool {
    extensions.get::<Encoded>().is_none()
}

/// Whether a body's media type is worth compressing (images other than SVG, and fonts, are compressed
/// already).
pub fn compressible(content_type: &str) -> bool {
    let binary_image = content_type.starts_with("image/") && !content_type.starts_with("image/svg");
    !binary_image && !content_type.starts_with("font/")
}

impl Prepared {
    /// Prepare `raw`; `compress` says whether its media type gains from gzip.
    pub fn new(raw: impl Into<Bytes>, compress: bool) -> Prepared {
        let raw: Bytes = raw.into();
        let gzip = (compress && raw.len() >= MIN_GZIP)
            .then(|| {
                let mut gz =
                    flate2::write::GzEncoder::new(Vec::with_capacity(raw.len() / 4), flate2::Compression::new(6));
                gz.write_all(&raw).and_then(|()| gz.finish()).ok()
            })
            .flatten()
            .filter(|g| g.len() < raw.len())
            .map(Bytes::from);
        let etag = HeaderValue::from_str(&etag(&raw)).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
        Prepared { raw, gzip, etag }
    }

    /// The bytes as prepared (uncompressed).
    pub fn bytes(&self) -> &Bytes {
        &self.raw
    }

    pub fn etag(&self) -> &HeaderValue {
        &self.etag
    }

    /// Memory held, for weighing caches.
    pub fn weight(&self) -> u64 {
        (self.raw.len() + self.gzip.as_ref().map_or(0, Bytes::len)).max(1) as u64
    }

    /// The response to a request with `request` headers: `headers` (content type, caching…) plus the ETag;
    /// 304 when the client's copy is current; the gzip form when the client accepts it.
    pub fn respond(&self, request: &HeaderMap, mut headers: HeaderMap) -> Response {
        headers.insert(header::ETAG, self.etag.clone());
        if self.gzip.is_some() {
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        if self.etag.to_str().is_ok_and(|tag| not_modified(request, tag)) {
            return (StatusCode::NOT_MODIFIED, headers).into_response();
        }
        let body = match &self.gzip {
            Some(gzip) if accepts_gzip(request) => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                gzip.clone()
            }
            _ => self.raw.clone(),
        };
        // The response takes `headers` as its map (no copy into a fresh one); a body's type defaults as axum's
        // `Bytes` response would have it.
        if !headers.contains_key(header::CONTENT_TYPE) {
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
        }
        let mut response = Response::new(axum::body::Body::from(body));
        *response.headers_mut() = headers;
        response.extensions_mut().insert(Encoded);
        response
    }
}

/// Weighs cached bodies by the bytes they hold.
#[derive(Clone, Debug)]
pub struct ByWeight;

impl<K> Weighter<K, Arc<Prepared>> for ByWeight {
    fn weight(&self, _key: &K, value: &Arc<Prepared>) -> u64 {
        value.weight()
    }
}

/// The cached value for `key`, or `build` run once on a blocking thread and cached. Concurrent requests for a
/// key being built wait for that build instead of starting their own (a burst of first requests for an
/// expensive document costs one computation, not one per request).
pub async fn cached<K, V, W>(
    cache: &Cache<K, Arc<V>, W>,
    key: K,
    build: impl FnOnce() -> Result<V, ApiError> + Send + 'static,
) -> Result<Arc<V>, ApiError>
where
    K: Eq + Hash + Clone,
    V: Send + Sync + 'static,
    W: Weighter<K, Arc<V>> + Clone,
{
    cache
        .get_or_insert_async(&key, async move {
            tokio::task::spawn_blocking(build)
                .await
                .map_err(ApiError::internal)?
                .map(Arc::new)
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (k.clone(), HeaderValue::from_static(v)))
            .collect()
    }

    #[tokio::test]
    async fn gzip_when_accepted_and_worth_it() {
        let text = "the same sentence again and again. ".repeat(100);
        let p = Prepared::new(text.clone().into_bytes(), true);
        let r = p.respond(&request(&[(header::ACCEPT_ENCODING, "br, gzip")]), HeaderMap::new());
        assert_eq!(r.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(r.headers()[header::VARY], "accept-encoding");
        let body = axum::body::to_bytes(r.into_body(), usize::MAX).await.expect("body");
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&body[..]), &mut out).expect("gzip");
        assert_eq!(out, text);

        let r = p.respond(&request(&[(header::ACCEPT_ENCODING, "gzip;q=0")]), HeaderMap::new());
        assert!(r.headers().get(header::CONTENT_ENCODING).is_none());
        let body = axum::body::to_bytes(r.into_body(), usize::MAX).await.expect("body");
        assert_eq!(body, text.as_bytes());

        // Too small, or a PNG: never compressed.
        let small = Prepared::new(b"{}".to_vec(), true);
        let r = small.respond(&request(&[(header::ACCEPT_ENCODING, "gzip")]), HeaderMap::new());
        assert!(r.headers().get(header::CONTENT_ENCODING).is_none());
        assert!(!compressible("image/png") && compressible("image/svg+xml") && compressible("application/json"));
    }

    #[tokio::test]
    async fn not_modified_for_the_current_etag() {
        let p = Prepared::new(b"hello".to_vec(), true);
        let tag = p.etag().to_str().expect("ascii").to_string();
        let mut req = HeaderMap::new();
        req.insert(header::IF_NONE_MATCH, HeaderValue::from_str(&tag).expect("valid"));
        assert_eq!(p.respond(&req, HeaderMap::new()).status(), StatusCode::NOT_MODIFIED);
        req.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        assert_eq!(p.respond(&req, HeaderMap::new()).status(), StatusCode::OK);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_first_requests_build_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let cache: Arc<Cache<String, Arc<Prepared>, ByWeight>> = Arc::new(Cache::with_weighter(16, 1 << 20, ByWeight));
        let builds = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..32)
            .map(|_| {
                let (cache, builds) = (cache.clone(), builds.clone());
                tokio::spawn(async move {
                    cached(&cache, "doc".to_string(), move || {
                        builds.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(200));
                        Ok(Prepared::new(b"built".to_vec(), true))
                    })
                    .await
                    .map(|p| p.bytes().clone())
                })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.expect("joined").expect("built"), &b"built"[..]);
        }
        assert_eq!(builds.load(Ordering::SeqCst), 1, "one build for 32 concurrent requests");
    }
}

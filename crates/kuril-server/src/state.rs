//! What every handler shares: the model, the tiler, caches of what has been computed, and the image render queue.

use std::sync::Arc;

use axum::http::HeaderMap;
use kuril_model::Model;
use kuril_tiles::{TileId, Tiler};
use quick_cache::sync::Cache;

use crate::prepared::{ByWeight, Prepared};
use crate::routes::RenderQueue;
use crate::routes::ogc::Catalogue;

/// The model's derived geometry, computed from the embedded data when `kuril` was built (build.rs).
pub const MODEL_SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model.snapshot"));

/// The embedded model with its derived geometry read from [`MODEL_SNAPSHOT`] rather than computed: what the
/// server, `kuril export` and `kuril stats` use. The snapshot was computed by the same code from the same data
/// (it carries their hash: a mismatch is an error, see `Model::with_snapshot`).
pub fn embedded_model() -> Result<Model, kuril_model::ModelError> {
    Model::embedded()?.with_snapshot(MODEL_SNAPSHOT)
}

/// An encoded tile ready to send, or the knowledge that it is empty.
#[derive(Debug)]
pub enum CachedTile {
    Empty,
    Data(Prepared),
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub model: Arc<Model>,
    pub tiler: Arc<Tiler>,
    pub tiles: Arc<Cache<TileId, Arc<CachedTile>>>,
    /// Serialised API documents, downloads and the web app's files (they only depend on the embedded data),
    /// weighed by size.
    pub documents: Arc<Cache<String, Arc<Prepared>, ByWeight>>,
    /// Fixed public base URL (no trailing slash); otherwise derived from the request's Host.
    pub public_url: Option<String>,
    /// Rendered static images by format and canonical view, weighed by size (routes/image.rs).
    pub images: Arc<Cache<String, Arc<Prepared>, ByWeight>>,
    /// The static image renderer, built on the first image request (an error is kept as its message).
    pub renderer: Arc<std::sync::OnceLock<Result<kuril_render::Renderer, String>>>,
    /// The image render slots and the queue in front of them (routes/image.rs).
    pub render_queue: Arc<RenderQueue>,
    /// The OGC collections, prepared on first use (routes/ogc/catalogue.rs).
    pub catalogue: Arc<tokio::sync::OnceCell<Arc<Catalogue>>>,
}

/// How many tiles the cache keeps.
const TILE_CACHE_ENTRIES: usize = 50_000;
/// How many bytes of rendered static images the cache keeps.
const IMAGE_CACHE_BYTES: u64 = 64 * 1024 * 1024;
/// How many bytes of documents the cache keeps (all of the API's documents and downloads fit several times).
const DOCUMENT_CACHE_BYTES: u64 = 128 * 1024 * 1024;

impl AppState {
    pub fn new(model: Model, public_url: Option<String>) -> anyhow::Result<AppState> {
        let tiler = Tiler::new(&model)?;
        Ok(AppState {
            model: Arc::new(model),
            tiler: Arc::new(tiler),
            tiles: Arc::new(Cache::new(TILE_CACHE_ENTRIES)),
            documents: Arc::new(Cache::with_weighter(512, DOCUMENT_CACHE_BYTES, ByWeight)),
            public_url: public_url.map(|u| u.trim_end_matches('/').to_string()),
            images: Arc::new(Cache::with_weighter(256, IMAGE_CACHE_BYTES, ByWeight)),
            renderer: Arc::new(std::sync::OnceLock::new()),
            render_queue: Arc::new(RenderQueue::default()),
            catalogue: Arc::new(tokio::sync::OnceCell::new()),
        })
    }

    /// The base URL clients reach us at, for absolute URLs in TileJSON and the style.
    pub fn base_url(&self, headers: &HeaderMap) -> String {
        if let Some(u) = &self.public_url {
            return u.clone();
        }
        let host = headers
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                !h.is_empty() && h.len() < 256 && h.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
            })
            .unwrap_or("127.0.0.1");
        format!("http://{host}")
    }
}

/// A strong ETag for a body (FNV-1a, 64 bits).
pub fn etag(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("\"{h:016x}\"")
}

/// Does the request's If-None-Match match this ETag?
pub fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(axum::http::header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| {
            let t = t.trim();
            t == "*" || t == etag || t.strip_prefix("W/") == Some(etag)
        })
}

/// Does the client accept gzip?
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(axum::http::header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|e| {
            let mut parts = e.trim().split(';');
            let name = parts.next().unwrap_or("").trim();
            let q_zero = parts.any(|p| p.trim().replace(' ', "") == "q=0");
            (name == "gzip" || name == "*") && !q_zero
        })
}

//! What the server's tests share: the state built once, requests through the router (no socket), reading a
//! response, and the real binary started on a free port. Each test file uses some of it (`mod common;`).
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::LazyLock;

use axum::body::{Body, to_bytes};
use axum::http::{Request, header};
use axum::response::Response;
use kuril_server::{AppState, app};
use serde_json::Value;
use tower::ServiceExt;

/// The host the router's requests name, and the base of the absolute URLs it answers with.
pub const HOST: &str = "maps.test:8080";
pub const BASE: &str = "http://maps.test:8080";

/// A state of its own, with empty caches and queues, from the embedded model.
pub fn fresh_state() -> AppState {
    let model = kuril_model::Model::embedded().expect("model loads");
    AppState::new(model, None).expect("state builds")
}

/// The embedded model's state, built once for every test of a file.
pub static STATE: LazyLock<AppState> = LazyLock::new(fresh_state);

/// One request through the router of a given state.
pub async fn send_to(state: &AppState, req: Request<Body>) -> Response {
    app(state.clone()).oneshot(req).await.expect("infallible")
}

/// One request through the router.
pub async fn send(req: Request<Body>) -> Response {
    send_to(&STATE, req).await
}

/// `GET uri` with `Host: maps.test:8080` and, when given, `If-None-Match`.
pub async fn get_with(uri: &str, etag: Option<&str>) -> Response {
    let mut req = Request::get(uri).header(header::HOST, HOST);
    if let Some(e) = etag {
        req = req.header(header::IF_NONE_MATCH, e);
    }
    send(req.body(Body::empty()).expect("request")).await
}

/// `GET uri` with `Host: maps.test:8080`.
pub async fn get(uri: &str) -> Response {
    get_with(uri, None).await
}

/// The whole body.
pub async fn body(r: Response) -> Vec<u8> {
    to_bytes(r.into_body(), 256 << 20).await.expect("body").to_vec()
}

/// The body as UTF-8 text.
pub async fn text(r: Response) -> String {
    String::from_utf8(body(r).await).expect("UTF-8")
}

/// The body as JSON.
pub async fn json(r: Response) -> Value {
    serde_json::from_slice(&body(r).await).expect("JSON body")
}

/// A header's value, or "" when it is absent or not text.
pub fn header_of(r: &Response, name: header::HeaderName) -> String {
    r.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// The `Content-Type`, or "".
pub fn ctype(r: &Response) -> String {
    header_of(r, header::CONTENT_TYPE)
}

/// Undoes the embed page's HTML escaping (kuril_render::xml::escape_html).
pub fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The real binary, listening on a free port of 127.0.0.1; killed when dropped.
pub struct Server {
    pub child: Child,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// `127.0.0.1:PORT`
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary with `RUST_LOG=rust_log` and its standard error sent to `stderr`, and waits for the line on
/// standard output that gives its URL.
pub fn start_server(rust_log: &str, stderr: Stdio) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kuril"))
        .args(["--addr", "127.0.0.1:0"])
        .env("RUST_LOG", rust_log)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("the binary starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("a line on stdout");
    let url = line
        .trim()
        .rsplit(' ')
        .next()
        .expect("url")
        .trim_end_matches('/')
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    let addr = url.trim_start_matches("http://").to_string();
    Server { child, url, addr }
}

//! The bad-input catalogue: hostile and malformed requests sent as raw bytes to the real binary. Each must get
//! its documented 4xx with a JSON error body — never a 5xx, a panic or a dropped connection — and the server
//! must still answer afterwards. The catalogue is also listed in docs/api.md ("Errors").

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::Duration;

use common::Server;

fn start() -> Server {
    common::start_server("warn", Stdio::null())
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `head` (request line and headers, without the final blank line) and `body` as raw bytes.
fn raw(addr: &str, head: &str, body: &[u8]) -> Reply {
    let mut s = TcpStream::connect(addr).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let mut req = head.as_bytes().to_vec();
    req.extend_from_slice(b"\r\nConnection: close\r\n\r\n");
    req.extend_from_slice(body);
    s.write_all(&req).expect("request sent");
    let mut out = Vec::new();
    s.read_to_end(&mut out).expect("response read");
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head for {head:.80}: {:?}", String::from_utf8_lossy(&out)));
    let text = String::from_utf8_lossy(&out[..split]).to_string();
    let mut lines = text.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = out[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
    out
}

fn get(target: &str) -> String {
    format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1")
}

/// (what, request head, expected status)
fn catalogue() -> Vec<(&'static str, String, u16)> {
    let items = |q: &str| get(&format!("/ogc/collections/islands/items?{q}"));
    vec![
        // Tiles
        ("zoom above the maximum", get("/tiles/99/0/0.mvt"), 404),
        ("x beyond the zoom's range", get("/tiles/8/999/0.mvt"), 404),
        ("non-numeric z/x/y", get("/tiles/a/b/c.mvt"), 400),
        ("x larger than u64", get("/tiles/8/18446744073709551616/0.mvt"), 400),
        ("negative zoom", get("/tiles/-1/0/0.mvt"), 400),
        ("unknown tile format", get("/tiles/8/231/92.png"), 404),
        // OGC API query parameters
        ("bbox with NaN", items("bbox=NaN,0,1,1"), 400),
        ("bbox with inf", items("bbox=inf,0,1,1"), 400),
        ("bbox overflowing f64", items("bbox=1e400,0,1,1"), 400),
        ("bbox with min lat above max lat", items("bbox=0,10,1,0"), 400),
        ("bbox with three numbers", items("bbox=1,2,3"), 400),
        ("bbox with five numbers", items("bbox=1,2,3,4,5"), 400),
        ("bbox beyond the poles", items("bbox=0,-91,1,91"), 400),
        ("bbox not numbers", items("bbox=a,b,c,d"), 400),
        ("negative limit", items("limit=-1"), 400),
        ("zero limit", items("limit=0"), 400),
        ("non-numeric limit", items("limit=abc"), 400),
        ("negative offset", items("offset=-5"), 400),
        ("unknown query parameter", items("foo=bar"), 400),
        ("malformed datetime", items("datetime=garbage"), 400),
        ("unsupported output format", items("f=xml"), 400),
        // Unknown ids
        ("unknown collection", get("/ogc/collections/nope"), 404),
        ("unknown feature id", get("/ogc/collections/islands/items/nope"), 404),
        ("unknown scenario", get("/api/scenarios/nope"), 404),
        ("NUL in a scenario id", get("/api/scenarios/%00"), 404),
        ("unknown line", get("/api/lines/nope.geojson"), 404),
        ("unknown claim areas", get("/api/claim-areas/nope.geojson"), 404),
        ("unknown download collection", get("/api/download/nope.gpkg"), 404),
        ("unknown download format", get("/api/download/islands.exe"), 404),
        (
            "unknown glyph range",
            get("/glyphs/Noto%20Sans%20Regular/0-99999.pbf"),
            404,
        ),
        // Traversal
        ("dot-dot path", get("/../../etc/passwd"), 404),
        ("encoded dot-dot path", get("/%2e%2e/%2e%2e/etc/passwd"), 404),
        (
            "encoded slashes in a fontstack",
            get("/glyphs/..%2F..%2Fetc/0-255.pbf"),
            404,
        ),
        ("encoded traversal of a web asset", get("/..%2Fsecret"), 404),
        // Static images
        ("image width zero", get("/image.png?width=0"), 400),
        ("image wider than 2048 px", get("/image.png?width=100000"), 400),
        ("image height not a number", get("/image.png?height=abc"), 400),
        ("image camera out of range", get("/image.png?map=99/0/0"), 400),
        ("image camera with NaN", get("/image.svg?map=NaN/44/146"), 400),
        ("image with an unknown line", get("/image.png?lines=nope"), 400),
        ("image with an unknown naming", get("/image.svg?naming=xx"), 400),
        // oEmbed
        ("oEmbed without url", get("/oembed"), 400),
        (
            "oEmbed for another site",
            get("/oembed?url=https%3A%2F%2Fevil.example%2F"),
            404,
        ),
        ("oEmbed with a non-URL", get("/oembed?url=not%20a%20url"), 404),
        (
            "oEmbed in XML",
            get("/oembed?url=http%3A%2F%2F127.0.0.1%2F&format=xml"),
            501,
        ),
        (
            "oEmbed with a negative maxwidth",
            get("/oembed?url=http%3A%2F%2F127.0.0.1%2F&maxwidth=-1"),
            400,
        ),
        // Methods and sizes
        (
            "POST",
            "POST /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0".to_string(),
            405,
        ),
        (
            "DELETE",
            "DELETE /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1".to_string(),
            405,
        ),
        (
            "PUT on a tile",
            "PUT /tiles/1/0/0.mvt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0".to_string(),
            405,
        ),
        (
            "made-up method",
            "BREW /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1".to_string(),
            405,
        ),
        (
            "GET with a body",
            format!("{}\r\nContent-Length: 5", get("/api/scenarios")),
            413,
        ),
        (
            "overlong URL (20 kB)",
            get(&format!("/api/scenarios?q={}", "a".repeat(20_000))),
            414,
        ),
        (
            "overlong header (30 kB)",
            format!("{}\r\nX-Big: {}", get("/api/scenarios"), "b".repeat(30_000)),
            431,
        ),
        (
            "many headers (18 kB in all)",
            {
                let mut h = get("/api/scenarios");
                // Under hyper's count of 100 headers, over the guard's 16 kB in all.
                for i in 0..90 {
                    h.push_str(&format!("\r\nX-H{i}: {}", "c".repeat(200)));
                }
                h
            },
            431,
        ),
    ]
}

#[test]
fn every_bad_request_gets_its_4xx_with_a_json_error() {
    let server = start();
    let list = catalogue();
    assert!(
        list.len() >= 30,
        "the issue asks for at least 30 cases, have {}",
        list.len()
    );
    let mut failures = Vec::new();
    for (what, head, want) in &list {
        let body: &[u8] = if what.contains("with a body") { b"hello" } else { b"" };
        let r = raw(&server.addr, head, body);
        let json: Option<serde_json::Value> = serde_json::from_slice(&r.body).ok();
        let ok = r.status == *want
            && r.header("content-type")
                .is_some_and(|c| c.starts_with("application/json"))
            && json.as_ref().is_some_and(|v| {
                v["error"]["status"] == *want && v["error"]["message"].as_str().is_some_and(|m| !m.is_empty())
            });
        if !ok {
            failures.push(format!(
                "{what}: want {want} + JSON error, got {} {:?} {:.200}",
                r.status,
                r.header("content-type"),
                String::from_utf8_lossy(&r.body)
            ));
        }
    }
    // Still alive and well.
    let r = raw(&server.addr, &get("/healthz"), b"");
    assert_eq!(r.status, 200);
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        list.len(),
        failures.join("\n")
    );
}

#[test]
fn a_request_head_beyond_hypers_buffer_is_refused_without_killing_the_server() {
    let server = start();
    // 200 kB of headers: hyper itself refuses these (431, no body) before the router sees them.
    let head = format!("{}\r\nX-Huge: {}", get("/api/scenarios"), "d".repeat(200_000));
    let r = raw(&server.addr, &head, b"");
    assert_eq!(r.status, 431);
    assert_eq!(raw(&server.addr, &get("/healthz"), b"").status, 200);
}

#[test]
fn a_slow_client_is_cut_off_and_others_are_served_meanwhile() {
    let server = start();
    // Send half a request line and then nothing: the header deadline (10 s) must close the connection.
    let mut slow = TcpStream::connect(&server.addr).expect("connects");
    slow.write_all(b"GET /healthz HT").expect("partial request");
    slow.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    // Meanwhile the server answers others.
    assert_eq!(raw(&server.addr, &get("/healthz"), b"").status, 200);
    let started = std::time::Instant::now();
    let mut buf = Vec::new();
    let _ = slow.read_to_end(&mut buf);
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(25),
        "the slow connection was held for {waited:?}"
    );
}

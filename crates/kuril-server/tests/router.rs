//! Router-level tests: every endpoint through `tower::ServiceExt::oneshot`, no socket.

mod common;

use std::io::Read;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use serde_json::Value;

use common::{body, ctype, get, json, send};
use kuril_server::routes::fast_tile;
use tower::ServiceExt as _;

async fn assert_json_error(r: Response, status: StatusCode) -> Value {
    assert_eq!(r.status(), status);
    assert!(ctype(&r).starts_with("application/json"), "{}", ctype(&r));
    let v = json(r).await;
    assert_eq!(v["error"]["status"], status.as_u16(), "{v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    v
}

#[tokio::test]
async fn web_app_and_health() {
    let r = get("/").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(ctype(&r).starts_with("text/html"));
    let html = String::from_utf8(body(r).await).expect("utf-8");
    assert!(html.contains("app.js") && html.contains("<main"));
    let r = get("/app.js").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(ctype(&r).starts_with("text/javascript"));
    let r = get("/healthz").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json(r).await["status"], "ok");
}

#[tokio::test]
async fn style_and_tilejson_point_back_at_the_server() {
    let style = json(get("/style.json").await).await;
    assert_eq!(style["version"], 8);
    assert_eq!(style["sources"]["kuril"]["url"], "http://maps.test:8080/tiles.json");
    assert_eq!(style["glyphs"], "http://maps.test:8080/glyphs/{fontstack}/{range}.pbf");
    let ids: Vec<&str> = style["layers"]
        .as_array()
        .expect("layers")
        .iter()
        .filter_map(|l| l["id"].as_str())
        .collect();
    for id in ["line:soviet", "line:japanese", "line:two-island-1956", "island-labels"] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let tj = json(get("/tiles.json").await).await;
    assert_eq!(tj["tilejson"], "3.0.0");
    assert_eq!(tj["tiles"][0], "http://maps.test:8080/tiles/{z}/{x}/{y}.mvt");
    assert_eq!(tj["maxzoom"], 14);
    let layers: Vec<&str> = tj["vector_layers"]
        .as_array()
        .expect("layers")
        .iter()
        .filter_map(|l| l["id"].as_str())
        .collect();
    for l in kuril_tiles::LAYER_NAMES {
        assert!(layers.contains(&l), "{l}");
    }
    assert!(
        tj["attribution"]
            .as_str()
            .is_some_and(|a| a.contains("GSHHG") && a.contains("OpenStreetMap") && a.contains("Natural Earth"))
    );
}

#[tokio::test]
async fn tiles_gzip_etag_304_and_204() {
    // z8 tile over Kunashir
    let req = |extra: Option<(&str, &str)>| {
        let mut b = Request::get("/tiles/8/231/92.mvt").header(header::ACCEPT_ENCODING, "gzip, br");
        if let Some((k, v)) = extra {
            b = b.header(k, v);
        }
        b.body(Body::empty()).expect("request")
    };
    let r = send(req(None)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(ctype(&r), "application/vnd.mapbox-vector-tile");
    assert_eq!(r.headers()[header::CONTENT_ENCODING], "gzip");
    assert!(
        r.headers()[header::CACHE_CONTROL]
            .to_str()
            .expect("ascii")
            .contains("max-age")
    );
    let etag = r.headers()[header::ETAG].to_str().expect("ascii").to_string();
    let gz = body(r).await;
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_end(&mut raw)
        .expect("gzip");
    use geozero::mvt::Message;
    let tile = geozero::mvt::Tile::decode(raw.as_slice()).expect("MVT");
    assert!(tile.layers.iter().any(|l| l.name == "lines"));

    // Revalidation
    let r = send(req(Some(("if-none-match", &etag)))).await;
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
    assert!(body(r).await.is_empty());

    // Without gzip the raw tile comes back, with the same ETag.
    let r = get("/tiles/8/231/92.mvt").await;
    assert!(r.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(r.headers()[header::ETAG].to_str().expect("ascii"), etag);
    assert_eq!(body(r).await, raw);

    // Open ocean: empty tile.
    let r = get("/tiles/10/0/512.mvt").await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn bad_tile_addresses_are_4xx_json() {
    for (uri, status) in [
        ("/tiles/15/0/0.mvt", StatusCode::NOT_FOUND),
        ("/tiles/3/8/0.mvt", StatusCode::NOT_FOUND),
        ("/tiles/3/0/99999999999999999999.mvt", StatusCode::BAD_REQUEST),
        ("/tiles/a/0/0.mvt", StatusCode::BAD_REQUEST),
        ("/tiles/3/-1/0.mvt", StatusCode::BAD_REQUEST),
        ("/tiles/3/1/1.png", StatusCode::NOT_FOUND),
        ("/tiles/3/1", StatusCode::NOT_FOUND),
    ] {
        let v = assert_json_error(get(uri).await, status).await;
        assert!(!v["error"]["code"].as_str().unwrap_or("").is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn geojson_api() {
    let lines = json(get("/api/lines").await).await;
    let ids: Vec<&str> = lines
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|l| l["id"].as_str())
        .collect();
    // The dispute's lines first, then the historical treaty lines (kind "historical", shown by the timeline).
    assert_eq!(
        ids,
        [
            "soviet",
            "japanese",
            "two-island-1956",
            "equal-area-split",
            "shimoda-1855",
            "saint-petersburg-1875",
            "portsmouth-1905"
        ]
    );
    for l in lines.as_array().expect("list") {
        assert!(l["position_of"].is_string() && l["dates"].as_array().is_some_and(|d| !d.is_empty()));
        assert!(
            l["sources"]
                .as_array()
                .is_some_and(|s| s.iter().all(|s| s["title"].is_string()))
        );
    }
    for id in ids {
        let r = get(&format!("/api/lines/{id}.geojson")).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(ctype(&r), "application/geo+json");
        let fc = json(r).await;
        assert_eq!(fc["type"], "FeatureCollection");
        assert_eq!(fc["features"][0]["geometry"]["type"], "MultiLineString");
        assert!(
            fc["features"][0]["properties"]["length_km"]
                .as_f64()
                .is_some_and(|k| k > 100.0)
        );
    }
    let islands = json(get("/api/islands.geojson").await).await;
    let iturup = islands["features"]
        .as_array()
        .expect("features")
        .iter()
        .find(|f| f["properties"]["id"] == "iturup")
        .expect("iturup");
    assert_eq!(iturup["properties"]["disputed"], true);
    assert_eq!(iturup["properties"]["names"]["ja"], "択捉島");
    assert!(
        iturup["properties"]["computed_area_km2"]["main_island"]
            .as_f64()
            .is_some_and(|a| a > 3000.0)
    );
    assert!(
        iturup["properties"]["official_areas"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert_eq!(iturup["properties"]["holders"]["japanese"], "japan");
    assert_eq!(iturup["properties"]["holders"]["soviet"], "russia");
    let straits = json(get("/api/straits.geojson").await).await;
    assert_eq!(straits["features"].as_array().expect("features").len(), 7);
    for f in straits["features"].as_array().expect("features") {
        assert!(f["properties"]["width"]["km"].as_f64().is_some_and(|k| k > 0.0));
        assert!(f["properties"]["width"]["from"].is_array() && f["properties"]["width"]["to"].is_array());
    }
    let places = json(get("/api/places.geojson").await).await;
    assert!(places["features"].as_array().is_some_and(|p| p.len() >= 10));
    let scenarios = json(get("/api/scenarios").await).await;
    assert_eq!(scenarios.as_array().expect("list").len(), 7);
    let eq = json(get("/api/scenarios/equal-area-split").await).await;
    let (j, r) = (
        eq["land_km2"]["japan"].as_f64().expect("n"),
        eq["land_km2"]["russia"].as_f64().expect("n"),
    );
    assert!((j - r).abs() / (j + r) < 0.01, "{j} vs {r}");
    assert_eq!(eq["split"]["island"], "iturup");
    for key in ["territorial_sea_km2", "eez_km2", "sea_km2"] {
        assert!(eq[key]["japan"].as_f64().is_some_and(|v| v > 0.0), "{key}: {eq}");
        assert!(eq[key]["russia"].as_f64().is_some_and(|v| v > 0.0), "{key}: {eq}");
    }
    let s = json(get("/api/scenarios/two-island-1956").await).await;
    assert!(
        s["holders"]["japan"]
            .as_array()
            .expect("ids")
            .iter()
            .any(|i| i == "shikotan")
    );
    assert!(
        s["holders"]["russia"]
            .as_array()
            .expect("ids")
            .iter()
            .any(|i| i == "kunashir")
    );
    let (j, r) = (
        s["land_km2"]["japan"].as_f64().expect("n"),
        s["land_km2"]["russia"].as_f64().expect("n"),
    );
    assert!(j > 300.0 && r > 4000.0, "{j} {r}");
    let ca = json(get("/api/claim-areas/japanese.geojson").await).await;
    assert_eq!(ca["features"].as_array().expect("features").len(), 2);
}

#[tokio::test]
async fn unknown_ids_list_the_valid_ones() {
    for uri in [
        "/api/lines/nope.geojson",
        "/api/scenarios/nope",
        "/api/claim-areas/nope.geojson",
    ] {
        let v = assert_json_error(get(uri).await, StatusCode::NOT_FOUND).await;
        let valid = v["error"]["valid"].as_array().expect("valid ids");
        assert!(valid.iter().any(|x| x == "soviet"), "{uri}: {v}");
    }
    assert_json_error(get("/api/lines/soviet").await, StatusCode::NOT_FOUND).await;
    assert_json_error(get("/no/such/thing").await, StatusCode::NOT_FOUND).await;
    assert_json_error(get("/..%2F..%2Fetc%2Fpasswd").await, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn glyphs() {
    let r = get("/glyphs/Noto%20Sans%20Regular/0-255.pbf").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(ctype(&r), "application/x-protobuf");
    assert!(body(r).await.len() > 1000);
    // A range no label uses: a valid, empty range.
    let r = get("/glyphs/Noto%20Sans%20Regular/40960-41215.pbf").await;
    assert_eq!(r.status(), StatusCode::OK);
    let b = body(r).await;
    assert!(!b.is_empty() && b.len() < 100);
    assert_json_error(get("/glyphs/Comic%20Sans/0-255.pbf").await, StatusCode::NOT_FOUND).await;
    assert_json_error(
        get("/glyphs/Noto%20Sans%20Regular/1-256.pbf").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_json_error(
        get("/glyphs/Noto%20Sans%20Regular/zero.pbf").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[tokio::test]
async fn cors_and_methods() {
    let r = send(
        Request::get("/api/lines")
            .header(header::ORIGIN, "https://news.example")
            .body(Body::empty())
            .expect("req"),
    )
    .await;
    assert_eq!(r.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    let r = send(
        Request::options("/tiles/0/0/0.mvt")
            .header(header::ORIGIN, "https://news.example")
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .body(Body::empty())
            .expect("req"),
    )
    .await;
    assert!(r.status().is_success(), "{}", r.status());
    assert!(
        r.headers()[header::ACCESS_CONTROL_ALLOW_METHODS]
            .to_str()
            .expect("ascii")
            .contains("GET")
    );
    let r = send(Request::post("/api/lines").body(Body::from("x")).expect("req")).await;
    assert_json_error(r, StatusCode::METHOD_NOT_ALLOWED).await;
    let r = send(Request::delete("/tiles/0/0/0.mvt").body(Body::empty()).expect("req")).await;
    assert_json_error(r, StatusCode::METHOD_NOT_ALLOWED).await;
    let r = send(Request::head("/api/lines").body(Body::empty()).expect("req")).await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn json_is_compressed_when_accepted() {
    let r = send(
        Request::get("/api/islands.geojson")
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .expect("req"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn every_body_is_the_same_bytes_with_or_without_gzip() {
    // Tiles of all sizes (open sea with only claim areas up to coasts), documents and the app's files: with
    // gzip accepted, either the identical bytes or gzip that decodes to them; the ETag names the content, so it
    // does not change with the encoding; small bodies are sent as they are.
    let mut uris: Vec<String> = (228..=234)
        .flat_map(|x| (90..=94).map(move |y| format!("/tiles/8/{x}/{y}.mvt")))
        .collect();
    uris.extend(
        [
            "/api/scenarios/soviet",
            "/api/lines",
            "/favicon.svg",
            "/app.css",
            "/ogc/api",
            "/tiles.json",
        ]
        .map(String::from),
    );
    let (mut small, mut gzipped) = (0, 0);
    for uri in &uris {
        let plain = get(uri).await;
        if plain.status() == StatusCode::NO_CONTENT {
            continue;
        }
        assert_eq!(plain.status(), StatusCode::OK, "{uri}");
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none(), "{uri}");
        let tag = plain.headers().get(header::ETAG).cloned();
        let raw = body(plain).await;
        let r = send(
            Request::get(uri.as_str())
                .header(header::HOST, "maps.test:8080")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!(r.headers().get(header::ETAG).cloned(), tag, "{uri}");
        let encoded = r.headers().get(header::CONTENT_ENCODING).cloned();
        let sent = body(r).await;
        match encoded {
            None => {
                assert!(sent == raw, "{uri}: the uncompressed body differs");
                assert!(raw.len() < 1024, "{uri}: {} bytes sent uncompressed", raw.len());
                small += 1;
            }
            Some(e) => {
                assert_eq!(e, "gzip", "{uri}");
                let mut decoded = Vec::new();
                flate2::read::GzDecoder::new(sent.as_slice())
                    .read_to_end(&mut decoded)
                    .expect("gzip");
                assert!(decoded == raw, "{uri}: the gzip body decodes to other bytes");
                gzipped += 1;
            }
        }
    }
    assert!(small > 0 && gzipped > 0, "{small} small, {gzipped} gzipped");
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let image = "/image.png?map=5/44/146&width=64&height=48";
    for uri in ["/", "/api/scenarios", "/tiles/8/231/92.mvt", "/nope", "/embed", image] {
        let r = get(uri).await;
        let csp: Vec<&str> = r
            .headers()
            .get_all(header::CONTENT_SECURITY_POLICY)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let main = csp
            .iter()
            .find(|p| p.contains("default-src"))
            .unwrap_or_else(|| panic!("{uri}: no full CSP in {csp:?}"));
        let script = main
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .expect("script-src");
        assert_eq!(script, "script-src 'self'", "{uri}: no inline or third-party script");
        assert!(main.contains("worker-src 'self' blob:"), "{uri}: MapLibre's worker");
        assert!(!main.contains("http"), "{uri}: no third-party host in {main}");
        assert_eq!(r.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
        assert!(r.headers().contains_key(header::REFERRER_POLICY), "{uri}");
    }
}

/// Every text a reader sees in a document: method notes, notes and who gave an official area.
fn reader_texts(v: &Value, field: Option<&str>, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => {
            if let Some(f) = field {
                out.push((f.to_string(), s.clone()));
            }
        }
        Value::Array(items) => items.iter().for_each(|x| reader_texts(x, field, out)),
        Value::Object(map) => {
            for (k, x) in map {
                let f = match (field, k.as_str()) {
                    (_, "method" | "sea_method" | "land_km2_note" | "by") => Some(k.as_str()),
                    (Some("notes"), "text") => Some("notes/text"),
                    (_, "notes") => Some("notes"),
                    _ => None,
                };
                // Only strings directly under a text field count; `notes` is a list of objects.
                match f {
                    Some("notes") => reader_texts(x, Some("notes"), out),
                    Some(f) => reader_texts(x, Some(f), out),
                    None if field == Some("notes") => {}
                    None => reader_texts(x, None, out),
                }
            }
        }
        _ => {}
    }
}

fn has_script(s: &str, lang: &str) -> bool {
    s.chars().any(|c| match lang {
        "ja" => ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c),
        "ru" => ('\u{0400}'..='\u{04ff}').contains(&c),
        _ => false,
    })
}

#[tokio::test]
async fn notes_and_method_texts_answer_in_the_readers_language() {
    let docs = [
        "/api/islands.geojson",
        "/api/straits.geojson",
        "/api/places.geojson",
        "/api/lines",
        "/api/scenarios",
        "/api/straits-tour",
    ];
    for doc in docs {
        let en = json(get(doc).await).await;
        let mut en_texts = Vec::new();
        reader_texts(&en, None, &mut en_texts);
        assert!(!en_texts.is_empty(), "{doc}: no texts found");
        assert!(
            en_texts
                .iter()
                .all(|(_, t)| !has_script(t, "ru") || t.contains("Большая")),
            "{doc}: {en_texts:?}"
        );
        for lang in ["ja", "ru"] {
            let r = get(&format!("{doc}?lang={lang}")).await;
            assert_eq!(r.status(), StatusCode::OK, "{doc}?lang={lang}");
            let v = json(r).await;
            let mut texts = Vec::new();
            reader_texts(&v, None, &mut texts);
            assert_eq!(texts.len(), en_texts.len(), "{doc}?lang={lang}: the same texts");
            let untranslated: Vec<_> = texts.iter().filter(|(_, t)| !has_script(t, lang)).collect();
            assert!(
                untranslated.is_empty(),
                "{doc}?lang={lang}: {} untranslated, e.g. {:?}",
                untranslated.len(),
                untranslated.first()
            );
            // Only the texts change: the geometry is the English document's.
            if let Some(features) = en["features"].as_array() {
                for (a, b) in features.iter().zip(v["features"].as_array().expect("features")) {
                    assert_eq!(a["geometry"], b["geometry"], "{doc}?lang={lang}");
                }
            }
        }
    }
    let bad = assert_json_error(get("/api/islands.geojson?lang=fr").await, StatusCode::BAD_REQUEST).await;
    assert!(
        bad["error"]["message"].as_str().is_some_and(|m| m.contains("fr")),
        "{bad}"
    );
}

/// A response's status, its headers as sorted (name, value) pairs, and its body. `Content-Length`, which the
/// router writes and hyper otherwise writes from the body on the wire, is checked against the body and left out.
async fn observed(r: Response) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
    let status = r.status();
    let length = r.headers().get(header::CONTENT_LENGTH).cloned();
    let mut headers: Vec<(String, String)> = r
        .headers()
        .iter()
        .filter(|(k, _)| *k != header::CONTENT_LENGTH)
        .map(|(k, v)| (k.to_string(), v.to_str().expect("ascii").to_string()))
        .collect();
    headers.sort();
    let bytes = body(r).await;
    if let Some(length) = length {
        assert_eq!(length.to_str().expect("ascii"), bytes.len().to_string());
    }
    (status, headers, bytes)
}

#[tokio::test]
async fn the_tile_fast_path_answers_as_the_router_does() {
    // A fresh state: each tile's first request is a cache miss, which the router answers (cutting and caching
    // the tile); the same request again is a hit, which the fast path answers in front of the router.
    let state = common::fresh_state();
    let router = kuril_server::routes::router(state.clone());
    let etag = {
        let r = common::send_to(
            &state,
            Request::get("/tiles/8/231/92.mvt")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        r.headers()[header::ETAG].to_str().expect("ascii").to_string()
    };
    let cases: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("/tiles/8/231/92.mvt", vec![("accept-encoding", "gzip, br".into())]),
        ("/tiles/8/231/92.mvt", vec![]),
        ("/tiles/8/231/92.mvt", vec![("accept-encoding", "gzip;q=0".into())]),
        ("/tiles/8/231/92.mvt", vec![("if-none-match", etag.clone())]),
        (
            "/tiles/8/231/92.mvt",
            vec![
                ("if-none-match", format!("W/{etag}")),
                ("accept-encoding", "gzip".into()),
            ],
        ),
        ("/tiles/8/231/92.mvt", vec![("if-none-match", "\"other\"".into())]),
        (
            "/tiles/8/231/92.mvt",
            vec![
                ("origin", "https://news.example".into()),
                ("accept-encoding", "gzip".into()),
            ],
        ),
        ("/tiles/8/231/92.mvt?v=2", vec![]),
        // An empty tile (204) and a small one (sent as is, without gzip).
        ("/tiles/10/0/512.mvt", vec![("accept-encoding", "gzip".into())]),
        ("/tiles/0/0/0.mvt", vec![("accept-encoding", "gzip".into())]),
        ("/tiles/12/3655/1483.mvt", vec![("accept-encoding", "gzip".into())]),
    ];
    let request = |uri: &str, headers: &[(&str, String)]| {
        let mut b = Request::get(uri).header(header::HOST, common::HOST);
        for (k, v) in headers {
            b = b.header(*k, v);
        }
        b.body(Body::empty()).expect("request")
    };
    for (uri, headers) in &cases {
        // Through the router alone (its first time for this state caches the tile), then through the service
        // with the fast path, which now has the tile.
        let routed = observed(router.clone().oneshot(request(uri, headers)).await.expect("infallible")).await;
        let req = request(uri, headers);
        let fast = fast_tile(&state, req.method(), req.uri(), req.headers())
            .unwrap_or_else(|| panic!("{uri} {headers:?}: the fast path has the tile"));
        let fast = observed(fast).await;
        assert_eq!(fast.0, routed.0, "{uri} {headers:?}: status");
        assert_eq!(fast.1, routed.1, "{uri} {headers:?}: headers");
        assert!(fast.2 == routed.2, "{uri} {headers:?}: body differs");
    }
    // What the fast path leaves to the router: a tile not cut yet, HEAD, a body, a percent-encoded path, a URI
    // over the guard's limit. The service still answers each as the router does.
    let fresh = common::fresh_state();
    let req = request("/tiles/8/231/92.mvt", &[]);
    assert!(
        fast_tile(&fresh, req.method(), req.uri(), req.headers()).is_none(),
        "not cut yet"
    );
    let long = format!("/tiles/8/231/92.mvt?{}", "a".repeat(9000));
    for req in [
        Request::head("/tiles/8/231/92.mvt")
            .body(Body::empty())
            .expect("request"),
        Request::get("/tiles/8/231/92.mvt")
            .header(header::CONTENT_LENGTH, "3")
            .body(Body::from("abc"))
            .expect("request"),
        Request::get("/tiles/8/%32%33%31/92.mvt")
            .body(Body::empty())
            .expect("request"),
        Request::get(long.as_str()).body(Body::empty()).expect("request"),
    ] {
        assert!(
            fast_tile(&state, req.method(), req.uri(), req.headers()).is_none(),
            "{} {}",
            req.method(),
            req.uri()
        );
    }
    let head = common::send_to(
        &state,
        Request::head("/tiles/8/231/92.mvt")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(head.status(), StatusCode::OK);
    let with_body = common::send_to(
        &state,
        Request::get("/tiles/8/231/92.mvt")
            .header(header::CONTENT_LENGTH, "3")
            .body(Body::from("abc"))
            .expect("request"),
    )
    .await;
    assert_json_error(with_body, StatusCode::PAYLOAD_TOO_LARGE).await;
    let encoded = common::send_to(
        &state,
        Request::get("/tiles/8/%32%33%31/92.mvt")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(encoded.status(), StatusCode::OK);
    assert_json_error(
        common::send_to(
            &state,
            Request::get(long.as_str()).body(Body::empty()).expect("request"),
        )
        .await,
        StatusCode::URI_TOO_LONG,
    )
    .await;
}

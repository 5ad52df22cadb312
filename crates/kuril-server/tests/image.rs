//! `/image.png` and `/image.svg` through the router: content types, sizes, defaults, 400 JSON for bad
//! parameters, ETag and 304, cache headers; and bursts of first requests: identical ones share one computation
//! and all succeed; more distinct new images than the render queue holds get a JSON 503 with `Retry-After`,
//! never a 5xx of another kind or a timeout, and the server answers them normally once the burst is over (each
//! burst on a state of its own: the render queue and the caches are the state's).

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;

use axum::response::Response;
use kuril_server::AppState;

use common::{body, fresh_state, get, header_of, json, send, send_to};

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let mut dec = png::Decoder::new(bytes);
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let info = dec.read_info().expect("decodable PNG").info().clone();
    assert_eq!((info.width, info.height), (be(16), be(20)));
    (be(16), be(20))
}

async fn bad_request(uri: &str) -> Value {
    let r = get(uri).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{uri}");
    assert!(
        header_of(&r, header::CONTENT_TYPE).starts_with("application/json"),
        "{uri}"
    );
    let v: Value = serde_json::from_slice(&body(r).await).expect("JSON body");
    assert_eq!(v["error"]["status"], 400, "{v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    v
}

#[tokio::test]
async fn png_defaults_to_the_social_card_size() {
    let r = get("/image.png").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(header_of(&r, header::CONTENT_TYPE), "image/png");
    assert!(header_of(&r, header::CACHE_CONTROL).starts_with("public, max-age="));
    assert!(!header_of(&r, header::ETAG).is_empty());
    assert_eq!(png_size(&body(r).await), (1200, 630));
}

#[tokio::test]
async fn png_and_svg_at_a_requested_size() {
    let q = "map=7/44/145.5&lines=soviet,japanese&areas=japanese&naming=ja&width=300&height=200";
    let r = get(&format!("/image.png?{q}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(png_size(&body(r).await), (300, 200));

    let r = get(&format!("/image.svg?{q}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(header_of(&r, header::CONTENT_TYPE).starts_with("image/svg+xml"));
    let text = String::from_utf8(body(r).await).expect("UTF-8");
    let doc = roxmltree::Document::parse(&text).expect("XML");
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    assert_eq!(
        (svg.attribute("width"), svg.attribute("height")),
        (Some("300"), Some("200"))
    );
    assert!(doc.descendants().any(|n| n.attribute("id") == Some("line:japanese")));
}

#[tokio::test]
async fn largest_size_renders_and_one_more_pixel_is_refused() {
    let r = get("/image.png?width=2048&height=16").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(png_size(&body(r).await), (2048, 16));
    bad_request("/image.png?width=2049").await;
    bad_request("/image.svg?height=2049").await;
}

#[tokio::test]
async fn bad_parameters_are_400_json() {
    for uri in [
        "/image.png?width=0",
        "/image.png?width=-5",
        "/image.png?width=abc",
        "/image.png?height=NaN",
        "/image.png?height=1e9",
        "/image.png?map=25/44/146",
        "/image.png?map=abc/44/146",
        "/image.png?map=6/95/146",
        "/image.png?map=6/44",
        "/image.png?naming=fr",
        "/image.png?areas=atlantis",
        "/image.png?width=10&width=20",
        "/image.svg?map=6/44/146/0/40",
        "/image.svg?lines=%ZZ",
    ] {
        bad_request(uri).await;
    }
    let v = bad_request("/image.png?lines=soviet,atlantis").await;
    let valid = v["error"]["valid"].as_array().expect("valid ids listed");
    assert!(valid.iter().any(|s| s == "soviet"), "{v}");
    assert!(
        v["error"]["message"].as_str().is_some_and(|m| m.contains("atlantis")),
        "{v}"
    );
}

#[tokio::test]
async fn etag_revalidates_with_304() {
    let uri = "/image.png?map=6/44.3/146.5&width=120&height=90";
    let first = get(uri).await;
    let tag = header_of(&first, header::ETAG);
    assert!(tag.starts_with('"'), "{tag}");
    let bytes = body(first).await;
    let r = send(
        Request::get(uri)
            .header(header::IF_NONE_MATCH, &tag)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header_of(&r, header::ETAG), tag);
    assert!(body(r).await.is_empty());
    // The same view written differently is the same image.
    let again = get("/image.png?height=90&width=120&map=6.000/44.30/146.5").await;
    assert_eq!(header_of(&again, header::ETAG), tag);
    assert_eq!(body(again).await, bytes);
    // Another view is another image.
    let other = get("/image.png?map=6/44.3/146.5&width=120&height=90&lines=none").await;
    assert_ne!(header_of(&other, header::ETAG), tag);
}

#[tokio::test]
async fn head_has_no_body_and_only_get_and_head_are_allowed() {
    let r = send(
        Request::head("/image.svg?width=50&height=50")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(body(r).await.is_empty());
    let r = send(Request::post("/image.png").body(Body::empty()).expect("request")).await;
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
}

/// All the requests at once, each on its own task; responses in the order given.
async fn join_all(requests: impl Iterator<Item = (AppState, String)>) -> Vec<Response> {
    let tasks: Vec<_> = requests
        .map(|(s, u)| tokio::spawn(async move { get_from(&s, u).await }))
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

async fn get_from(state: &AppState, uri: String) -> Response {
    send_to(state, Request::get(uri).body(Body::empty()).expect("request")).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identical_first_requests_all_succeed() {
    let state = fresh_state();
    let uri = "/image.png?map=6.5/44/146&width=800&height=600".to_string();
    let responses = join_all((0..100).map(|_| (state.clone(), uri.clone()))).await;
    let tags: Vec<_> = responses
        .iter()
        .map(|r| {
            assert_eq!(r.status(), StatusCode::OK);
            r.headers()[header::ETAG].clone()
        })
        .collect();
    assert!(tags.windows(2).all(|w| w[0] == w[1]), "one image, one ETag");

    let (a, b) = join_all((0..2).map(|_| (state.clone(), "/api/scenarios".to_string())))
        .await
        .into_iter()
        .map(|r| r.status())
        .fold((0, 0), |(ok, other), s| {
            if s == StatusCode::OK {
                (ok + 1, other)
            } else {
                (ok, other + 1)
            }
        });
    assert_eq!((a, b), (2, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_distinct_new_images_get_503_with_retry_after() {
    let state = fresh_state();
    let uris: Vec<String> = (0..80)
        .map(|i| {
            format!(
                "/image.png?map=7/{}/146&width=1024&height=1024",
                43.0 + f64::from(i) * 0.01
            )
        })
        .collect();
    let responses = join_all(uris.iter().map(|u| (state.clone(), u.clone()))).await;
    let mut busy = 0;
    for r in responses {
        match r.status() {
            StatusCode::OK => {}
            StatusCode::SERVICE_UNAVAILABLE => {
                busy += 1;
                let retry: u32 = r.headers()[header::RETRY_AFTER]
                    .to_str()
                    .expect("ascii")
                    .parse()
                    .expect("seconds");
                assert!((1..=60).contains(&retry), "Retry-After {retry}");
                let v: Value = json(r).await;
                assert_eq!(v["error"]["status"], 503, "{v}");
                assert_eq!(v["error"]["code"], "overloaded", "{v}");
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(busy > 0, "80 distinct new images at once exceed the queue");
    assert!(busy <= 80 - kuril_server::routes::MAX_IMAGE_QUEUE, "{busy} refused");
    // The burst is over: every one of those views is served now.
    for u in &uris[..4] {
        assert_eq!(get_from(&state, u.clone()).await.status(), StatusCode::OK, "{u}");
    }
}

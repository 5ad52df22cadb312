//! Bursts of first requests: identical ones share one computation and all succeed; more distinct new images
//! than the render queue holds get a JSON 503 with `Retry-After`, never a 5xx of another kind or a timeout, and
//! the server answers them normally once the burst is over. (Its own test binary: the image queue is
//! process-wide.)

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use kuril_server::{AppState, app};
use serde_json::Value;
use tower::ServiceExt;

/// The image queue is process-wide: these tests take turns.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn state() -> AppState {
    let model = kuril_model::Model::embedded().expect("model loads");
    AppState::new(model, None).expect("state builds")
}

/// All the requests at once, each on its own task; responses in the order given.
async fn join_all(requests: impl Iterator<Item = (AppState, String)>) -> Vec<Response> {
    let tasks: Vec<_> = requests
        .map(|(s, u)| tokio::spawn(async move { get(&s, u).await }))
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

async fn get(state: &AppState, uri: String) -> Response {
    app(state.clone())
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("infallible")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identical_first_requests_all_succeed() {
    let _turn = SERIAL.lock().await;
    let state = state();
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
    let _turn = SERIAL.lock().await;
    let state = state();
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
                let v: Value =
                    serde_json::from_slice(&to_bytes(r.into_body(), 1 << 20).await.expect("body")).expect("JSON");
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
        assert_eq!(get(&state, u.clone()).await.status(), StatusCode::OK, "{u}");
    }
}

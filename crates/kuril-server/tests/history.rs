//! The history timeline and the straits explainer through the router; the historical scenarios through every
//! endpoint that lists or serves scenarios.

mod common;

use axum::http::{StatusCode, header};
use axum::response::Response;
use serde_json::Value;

use common::{get, get_with};

async fn json(r: Response) -> Value {
    assert_eq!(r.status(), StatusCode::OK);
    let ct = common::ctype(&r);
    assert!(
        ct.starts_with("application/json") || ct.starts_with("application/geo+json"),
        "{ct}"
    );
    common::json(r).await
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x["id"].as_str().expect("id").to_string())
        .collect()
}

#[tokio::test]
async fn the_timeline_has_the_documented_shape() {
    let v = json(get("/api/timeline").await).await;
    let steps = v["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 14);
    assert_eq!(steps[0]["id"], "1855-shimoda");
    assert_eq!(steps[13]["date"], "2022-03-21");
    let lines: Vec<String> = ids(&v["lines"]);
    for step in steps {
        let id = step["id"].as_str().expect("id");
        for key in ["date", "title", "text"] {
            assert!(step[key].as_str().is_some_and(|s| !s.is_empty()), "{id}: {key}");
        }
        assert!(step["date_end"].is_null() || step["date_end"].is_string(), "{id}");
        let sources = step["sources"].as_array().expect("sources");
        assert!(!sources.is_empty(), "{id}");
        for s in sources {
            assert!(s["title"].is_string() && s["id"].is_string(), "{id}: {s}");
        }
        let map = &step["map"];
        for l in map["lines"].as_array().expect("lines") {
            assert!(lines.iter().any(|x| x == l), "{id}: {l} not in the timeline's lines");
        }
        assert!(
            (map["areas"].is_null() && map["areas_meaning"].is_null())
                || (map["areas"].is_string()
                    && (map["areas_meaning"] == "treaty" || map["areas_meaning"] == "administered")),
            "{id}: {map}"
        );
        let cam = &map["camera"];
        for key in ["lng", "lat", "zoom"] {
            assert!(cam[key].is_number(), "{id}: camera {key}");
        }
    }
    // Every line the timeline uses is served, with its kind and year.
    for l in v["lines"].as_array().expect("lines") {
        let id = l["id"].as_str().expect("id");
        assert!(l["kind"].is_string(), "{id}");
        let line = json(get(&format!("/api/lines/{id}.geojson")).await).await;
        assert_eq!(line["features"][0]["properties"]["kind"], l["kind"]);
        assert_eq!(line["features"][0]["properties"]["year"], l["year"]);
    }
    assert!(v["note"].as_str().is_some_and(|n| n.contains("de facto")));
}

#[tokio::test]
async fn the_straits_tour_has_widths_from_the_model_and_attributed_claims() {
    let v = json(get("/api/straits-tour").await).await;
    let stops = v["stops"].as_array().expect("stops");
    assert_eq!(ids(&v["stops"]), ["catherine", "vries", "nemuro", "goyomai"]);
    let straits = json(get("/api/straits.geojson").await).await;
    for stop in stops {
        let id = stop["id"].as_str().expect("id");
        let strait = straits["features"]
            .as_array()
            .expect("features")
            .iter()
            .find(|f| f["properties"]["id"] == id)
            .expect("the strait");
        // The same computed width as the strait itself.
        assert_eq!(stop["width"], strait["properties"]["width"], "{id}");
        assert!(stop["width"]["km"].as_f64().is_some_and(|k| k > 1.0), "{id}");
        let depth = &stop["depth"];
        assert!(
            depth["max_m"].is_null() || depth["max_m"].as_f64().is_some_and(|m| m > 0.0),
            "{id}"
        );
        assert!(depth["text"].is_string());
        if depth["max_m"].is_number() {
            assert!(!depth["sources"].as_array().expect("sources").is_empty(), "{id}");
        }
        assert!(
            stop["names"]["en"].is_string() && stop["camera"]["zoom"].is_number(),
            "{id}"
        );
        for c in stop["claims"].as_array().expect("claims") {
            assert!(
                c["attributed_to"]
                    .as_str()
                    .is_some_and(|a| a.split_whitespace().count() >= 2),
                "{id}: a claim names who makes it"
            );
            assert!(!c["sources"].as_array().expect("sources").is_empty(), "{id}");
        }
    }
}

#[tokio::test]
async fn both_documents_revalidate_with_their_etag() {
    for uri in ["/api/timeline", "/api/straits-tour"] {
        let r = get(uri).await;
        assert_eq!(r.status(), StatusCode::OK);
        let tag = r
            .headers()
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .expect("etag")
            .to_string();
        assert_eq!(
            get_with(uri, Some(&tag)).await.status(),
            StatusCode::NOT_MODIFIED,
            "{uri}"
        );
        assert_eq!(get_with(uri, Some("\"other\"")).await.status(), StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn historical_scenarios_are_served_without_errors() {
    for id in ["shimoda-1855", "saint-petersburg-1875", "portsmouth-1905"] {
        let line = json(get(&format!("/api/lines/{id}.geojson")).await).await;
        let p = &line["features"][0]["properties"];
        assert_eq!(p["kind"], "historical");
        assert!(p["analysis_windows"].as_array().is_some_and(|w| !w.is_empty()), "{id}");
        let areas = json(get(&format!("/api/claim-areas/{id}.geojson")).await).await;
        assert_eq!(areas["features"].as_array().expect("features").len(), 2, "{id}");
        let s = json(get(&format!("/api/scenarios/{id}")).await).await;
        assert!(
            s["sea_method"]
                .as_str()
                .is_some_and(|m| m.contains("own analysis windows")),
            "{id}"
        );
    }
    let s = json(get("/api/scenarios/portsmouth-1905").await).await;
    assert_eq!(s["split"]["island"], "sakhalin");
    assert_eq!(s["split"]["parallel"], 50.0);
    let s = json(get("/api/scenarios/shimoda-1855").await).await;
    assert!(
        s["holders"]["unassigned"]
            .as_array()
            .expect("ids")
            .iter()
            .any(|i| i == "sakhalin")
    );
    // The lists name every scenario with its kind.
    let lines = json(get("/api/lines").await).await;
    assert!(lines.as_array().expect("list").iter().all(|l| l["kind"].is_string()));
    assert!(ids(&lines).iter().any(|i| i == "portsmouth-1905"));
}

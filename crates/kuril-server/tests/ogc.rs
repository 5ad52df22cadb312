//! OGC API – Features through the router (`oneshot`, no socket): every endpoint, paging, bbox, limits and errors.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;

use common::{BASE, STATE, ctype, get, json, send};

const COLLECTIONS: [&str; 6] = ["islands", "straits", "lines", "claim-areas", "maritime-zones", "places"];

/// GET, expect 200 with this content type, return the JSON.
async fn ok(uri: &str, content_type: &str) -> Value {
    let r = get(uri).await;
    assert_eq!(r.status(), StatusCode::OK, "{uri}");
    assert_eq!(ctype(&r), content_type, "{uri}");
    json(r).await
}

async fn error(uri: &str, status: StatusCode) -> Value {
    let r = get(uri).await;
    assert_eq!(r.status(), status, "{uri}");
    assert!(ctype(&r).starts_with("application/json"), "{uri}: {}", ctype(&r));
    let v = json(r).await;
    assert_eq!(v["error"]["status"], status.as_u16(), "{v}");
    v
}

fn links(v: &Value) -> &Vec<Value> {
    v["links"].as_array().expect("links")
}

fn href<'a>(v: &'a Value, rel: &str) -> Option<&'a str> {
    links(v)
        .iter()
        .find(|l| l["rel"] == rel)
        .and_then(|l| l["href"].as_str())
}

/// The path and query of an absolute link, to request it through the router.
fn local(href: &str) -> &str {
    href.strip_prefix(BASE).expect("link on the request's host")
}

fn ids(fc: &Value) -> Vec<String> {
    fc["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| f["id"].as_str().expect("string id").to_string())
        .collect()
}

#[tokio::test]
async fn landing_page_links() {
    for uri in ["/ogc", "/ogc/", "/ogc?f=json"] {
        let v = ok(uri, "application/json").await;
        assert_eq!(href(&v, "self"), Some("http://maps.test:8080/ogc"));
        let desc = links(&v)
            .iter()
            .find(|l| l["rel"] == "service-desc")
            .expect("service-desc");
        assert_eq!(desc["type"], "application/vnd.oai.openapi+json;version=3.0");
        assert_eq!(desc["href"], "http://maps.test:8080/ogc/api");
        assert_eq!(href(&v, "conformance"), Some("http://maps.test:8080/ogc/conformance"));
        assert_eq!(href(&v, "data"), Some("http://maps.test:8080/ogc/collections"));
    }
}

#[tokio::test]
async fn conformance_classes() {
    let v = ok("/ogc/conformance", "application/json").await;
    let classes: Vec<&str> = v["conformsTo"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for c in ["core", "geojson", "oas30"] {
        let uri = format!("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{c}");
        assert!(classes.contains(&uri.as_str()), "{classes:?}");
    }
}

#[tokio::test]
async fn openapi_document_describes_every_endpoint() {
    let v = ok("/ogc/api", "application/vnd.oai.openapi+json;version=3.0").await;
    assert!(v["openapi"].as_str().expect("version").starts_with("3.0."));
    assert_eq!(v["servers"][0]["url"], BASE);
    for p in [
        "/ogc",
        "/ogc/conformance",
        "/ogc/api",
        "/ogc/collections",
        "/ogc/collections/{collectionId}",
        "/ogc/collections/{collectionId}/items",
        "/ogc/collections/{collectionId}/items/{featureId}",
        "/api/download/{collection}.{format}",
        "/api/download/scenario/{scenario}.{format}",
        "/api/scenarios",
        "/api/scenarios/{id}",
        "/api/lines",
        "/api/lines/{file}",
        "/api/claim-areas/{file}",
        "/api/islands.geojson",
        "/api/straits.geojson",
        "/api/places.geojson",
        "/api/timeline",
        "/api/straits-tour",
        "/tiles/{z}/{x}/{y}",
        "/tiles.json",
        "/style.json",
        "/glyphs/{fontstack}/{range}",
        "/image.png",
        "/image.svg",
        "/embed",
        "/oembed",
        "/healthz",
    ] {
        assert!(v["paths"][p]["get"]["responses"]["200"].is_object(), "{p}");
    }
    let limit = &v["components"]["parameters"]["limit"]["schema"];
    assert_eq!(limit["type"], "integer");
    assert_eq!(limit["minimum"], 1);
    // A limit above the maximum is valid and served as 1000 (OGC /req/core/fc-limit-response-1), so the schema
    // has no `maximum`; the description states it.
    assert!(limit.get("maximum").is_none(), "{limit}");
    assert!(
        v["components"]["parameters"]["limit"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("1000")),
        "the maximum is documented"
    );
    assert_eq!(limit["default"], 10);
    // Exactly what the server takes: four numbers, or six (with heights); never five.
    let bbox = &v["components"]["parameters"]["bbox"]["schema"]["oneOf"];
    let sizes: Vec<(u64, u64)> = bbox
        .as_array()
        .expect("bbox is oneOf")
        .iter()
        .map(|s| {
            assert_eq!(s["type"], "array");
            assert_eq!(s["items"]["type"], "number");
            (
                s["minItems"].as_u64().expect("min"),
                s["maxItems"].as_u64().expect("max"),
            )
        })
        .collect();
    assert_eq!(sizes, [(4, 4), (6, 6)]);
    assert_eq!(v["components"]["parameters"]["datetime"]["schema"]["type"], "string");
    // Every $ref resolves.
    let text = v.to_string();
    for r in text.split("\"$ref\":\"#/").skip(1) {
        let path = &r[..r.find('"').expect("end of ref")];
        assert!(v.pointer(&format!("/{path}")).is_some(), "unresolved $ref #/{path}");
    }
    let enum_ids = &v["components"]["parameters"]["collectionId"]["schema"]["enum"];
    for c in COLLECTIONS {
        assert!(enum_ids.as_array().expect("enum").iter().any(|e| e == c), "{c}");
    }
}

#[tokio::test]
async fn collections_have_extent_and_item_links() {
    let v = ok("/ogc/collections", "application/json").await;
    assert_eq!(href(&v, "self"), Some("http://maps.test:8080/ogc/collections"));
    let list = v["collections"].as_array().expect("collections");
    for id in COLLECTIONS {
        let c = list
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("collection {id}"));
        let bbox = c["extent"]["spatial"]["bbox"][0].as_array().expect("bbox");
        assert_eq!(bbox.len(), 4);
        let b: Vec<f64> = bbox.iter().filter_map(Value::as_f64).collect();
        assert!(b[0] < b[2] && b[1] < b[3] && b[0] > 130.0 && b[3] < 60.0, "{id}: {b:?}");
        assert_eq!(
            c["extent"]["spatial"]["crs"],
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
        );
        let items = links(c).iter().find(|l| l["rel"] == "items").expect("items link");
        assert_eq!(items["type"], "application/geo+json");
        assert_eq!(items["href"], format!("{BASE}/ogc/collections/{id}/items"));
        // The same description at its own address.
        let one = ok(&format!("/ogc/collections/{id}"), "application/json").await;
        assert_eq!(&one, c);
    }
}

#[tokio::test]
async fn items_page_through_next_links_to_number_matched() {
    for id in COLLECTIONS {
        let mut uri = format!("/ogc/collections/{id}/items?limit=2");
        let mut seen: Vec<String> = vec![];
        let mut matched = None;
        for _ in 0..200 {
            let v = ok(&uri, "application/geo+json").await;
            assert_eq!(v["type"], "FeatureCollection");
            assert!(
                v["timeStamp"].as_str().is_some_and(|t| t.ends_with('Z')),
                "{}",
                v["timeStamp"]
            );
            let n = v["numberMatched"].as_u64().expect("numberMatched");
            assert_eq!(*matched.get_or_insert(n), n);
            let page = ids(&v);
            assert_eq!(v["numberReturned"].as_u64(), Some(page.len() as u64));
            assert!(page.len() <= 2);
            assert_eq!(
                href(&v, "collection"),
                Some(format!("{BASE}/ogc/collections/{id}").as_str())
            );
            assert!(
                href(&v, "self").is_some_and(|s| s.ends_with(&uri)),
                "{:?} vs {uri}",
                href(&v, "self")
            );
            for f in v["features"].as_array().expect("features") {
                assert_eq!(f["type"], "Feature");
                assert!(f["geometry"]["type"].is_string(), "{id}: {}", f["geometry"]);
                // Flat properties: scalars only.
                for (k, p) in f["properties"].as_object().expect("properties") {
                    assert!(!p.is_object() && !p.is_array(), "{id}.{k} is nested: {p}");
                }
            }
            seen.extend(page);
            match href(&v, "next") {
                Some(next) => uri = local(next).to_string(),
                None => break,
            }
        }
        let matched = matched.expect("a page") as usize;
        assert!(matched > 0, "{id}");
        assert_eq!(seen.len(), matched, "{id}");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "{id}: duplicate ids {seen:?}");
    }
}

#[tokio::test]
async fn feature_ids_follow_the_documented_scheme() {
    let scenarios: Vec<String> = STATE.model.scenarios.iter().map(|s| s.id.clone()).collect();
    let lines = ok("/ogc/collections/lines/items?limit=1000", "application/geo+json").await;
    assert_eq!(ids(&lines), scenarios);
    let claims = ok("/ogc/collections/claim-areas/items?limit=1000", "application/geo+json").await;
    let want: Vec<String> = scenarios
        .iter()
        .flat_map(|s| [format!("{s}:japan"), format!("{s}:russia")])
        .collect();
    assert_eq!(ids(&claims), want);
    let zones = ok(
        "/ogc/collections/maritime-zones/items?limit=1000",
        "application/geo+json",
    )
    .await;
    for z in &zones["features"].as_array().expect("features")[..] {
        let id = z["id"].as_str().expect("id");
        let p = &z["properties"];
        let zone = p["zone"].as_str().expect("zone");
        assert_eq!(
            id,
            format!(
                "{}:{}:{zone}",
                p["scenario"].as_str().expect("scenario"),
                p["side"].as_str().expect("side")
            )
        );
        assert!(scenarios.iter().any(|s| s == &p["scenario"]), "{id}");
        assert!(p["area_km2"].is_number(), "{p}");
    }
    assert!(ids(&zones).len() >= 2 * scenarios.len());
    let islands = ok("/ogc/collections/islands/items?limit=1000", "application/geo+json").await;
    let shikotan = islands["features"]
        .as_array()
        .expect("features")
        .iter()
        .find(|f| f["id"] == "shikotan")
        .expect("shikotan");
    let p = &shikotan["properties"];
    assert!(p["name_en"].as_str().is_some_and(|n| n.contains("Shikotan")), "{p}");
    assert!(p["name_ja"].is_string() && p["name_ru"].is_string(), "{p}");
    assert!(p["sources"].is_string(), "{p}");
    // One holder column per scenario: japan, russia, or null where the scenario splits the island.
    for s in &scenarios {
        let col = format!("holder_{}", s.replace('-', "_"));
        assert!(p.get(&col).is_some(), "{col}: {p}");
        assert!(
            p[&col] == "japan" || p[&col] == "russia" || p[&col].is_null(),
            "{col}: {p}"
        );
    }
    assert_eq!(p["holder_soviet"], "russia");
    assert_eq!(p["holder_japanese"], "japan");
}

#[tokio::test]
async fn single_features() {
    let v = ok("/ogc/collections/islands/items/shikotan", "application/geo+json").await;
    assert_eq!(v["type"], "Feature");
    assert_eq!(v["id"], "shikotan");
    assert_eq!(
        href(&v, "self"),
        Some("http://maps.test:8080/ogc/collections/islands/items/shikotan")
    );
    assert_eq!(
        href(&v, "collection"),
        Some("http://maps.test:8080/ogc/collections/islands")
    );
    let v = ok(
        "/ogc/collections/claim-areas/items/soviet:japan",
        "application/geo+json",
    )
    .await;
    assert_eq!(v["properties"]["side"], "japan");
    assert_eq!(v["properties"]["scenario"], "soviet");
    let v = ok("/ogc/collections/lines/items/soviet", "application/geo+json").await;
    assert_eq!(v["geometry"]["type"], "MultiLineString");
}

#[tokio::test]
async fn bbox_around_shikotan() {
    let v = ok(
        "/ogc/collections/islands/items?bbox=146.55,43.7,146.95,43.95&limit=100",
        "application/geo+json",
    )
    .await;
    let found = ids(&v);
    assert!(found.contains(&"shikotan".to_string()), "{found:?}");
    assert!(!found.contains(&"urup".to_string()), "{found:?}");
    assert!(!found.contains(&"iturup".to_string()), "{found:?}");
    assert_eq!(v["numberMatched"].as_u64(), Some(found.len() as u64));
    // Six numbers (with heights) and an antimeridian-crossing box are valid; the latter is far from here.
    let v = ok(
        "/ogc/collections/islands/items?bbox=146.55,43.7,-100,146.95,43.95,100",
        "application/geo+json",
    )
    .await;
    assert!(ids(&v).contains(&"shikotan".to_string()));
    let v = ok(
        "/ogc/collections/islands/items?bbox=179,40,-179,50",
        "application/geo+json",
    )
    .await;
    assert_eq!(v["numberMatched"], 0);
    // The bbox is kept in the paging links.
    let v = ok(
        "/ogc/collections/islands/items?bbox=140,40,160,50&limit=1",
        "application/geo+json",
    )
    .await;
    assert!(href(&v, "next").is_some_and(|n| n.contains("bbox=140,40,160,50") && n.contains("offset=1")));
}

#[tokio::test]
async fn limit_bounds_and_defaults() {
    let all = ok("/ogc/collections/islands/items?limit=1000", "application/geo+json").await;
    let total = all["numberMatched"].as_u64().expect("matched");
    assert_eq!(all["numberReturned"], total, "all islands fit in one page of 1000");
    let v = ok("/ogc/collections/islands/items", "application/geo+json").await;
    assert_eq!(v["numberReturned"].as_u64(), Some(total.min(10)));
    let v = ok("/ogc/collections/islands/items?limit=1", "application/geo+json").await;
    assert_eq!(v["numberReturned"], 1);
    // Above the maximum: treated as the maximum, no error.
    for big in ["1001", "99999999999999999999999"] {
        let v = ok(
            &format!("/ogc/collections/islands/items?limit={big}"),
            "application/geo+json",
        )
        .await;
        assert_eq!(v["numberReturned"], total);
        assert!(href(&v, "self").is_some_and(|s| s.contains("limit=1000")));
    }
    // Past the end: an empty page.
    let v = ok("/ogc/collections/islands/items?offset=100000", "application/geo+json").await;
    assert_eq!(v["numberReturned"], 0);
    assert_eq!(v["numberMatched"], total);
    assert!(href(&v, "next").is_none());
    // A valid datetime filters nothing.
    for dt in [
        "2024-01-01T00:00:00Z",
        "1945-08-01/1956-10-19",
        "../2000-01-01",
        "2000-01-01/..",
    ] {
        let v = ok(
            &format!("/ogc/collections/islands/items?limit=1000&datetime={dt}"),
            "application/geo+json",
        )
        .await;
        assert_eq!(v["numberMatched"], total, "{dt}");
    }
}

#[tokio::test]
async fn bad_parameters_are_400() {
    for q in [
        "bbox=146,43,147",
        "bbox=146,NaN,147,44",
        "bbox=146,43,inf,44",
        "bbox=146,44,147,43",
        "bbox=a,b,c,d",
        "bbox=146,43,147,44,1",
        "bbox=",
        "bbox=146,-91,147,44",
        "limit=0",
        "limit=-1",
        "limit=abc",
        "limit=1.5",
        "limit=",
        "offset=-1",
        "offset=x",
        "datetime=yesterday",
        "datetime=2023-02-29",
        "unknown=1",
        "bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326",
        "limit=1&limit=2",
        "f=html",
    ] {
        let v = error(&format!("/ogc/collections/islands/items?{q}"), StatusCode::BAD_REQUEST).await;
        assert!(
            v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{q}: {v}"
        );
    }
    for uri in [
        "/ogc?x=1",
        "/ogc/conformance?x=1",
        "/ogc/collections?limit=1",
        "/ogc/collections/islands?x=1",
    ] {
        error(uri, StatusCode::BAD_REQUEST).await;
    }
}

#[tokio::test]
async fn unknown_collection_or_feature_is_404() {
    let v = error("/ogc/collections/nope", StatusCode::NOT_FOUND).await;
    let valid = v["error"]["valid"].as_array().expect("valid ids");
    assert!(valid.iter().any(|x| x == "islands"), "{v}");
    error("/ogc/collections/nope/items", StatusCode::NOT_FOUND).await;
    error("/ogc/collections/nope/items/shikotan", StatusCode::NOT_FOUND).await;
    let v = error("/ogc/collections/islands/items/atlantis", StatusCode::NOT_FOUND).await;
    assert!(
        v["error"]["valid"]
            .as_array()
            .expect("valid")
            .iter()
            .any(|x| x == "shikotan")
    );
    error("/ogc/collections/claim-areas/items/soviet", StatusCode::NOT_FOUND).await;
    error("/ogc/collections/islands/items/shikotan/more", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn other_methods_are_405() {
    let req = Request::post("/ogc/collections").body(Body::empty()).expect("request");
    let r = send(req).await;
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
}

/// The document promises only what the server accepts: every glyph range it lists is served, and the image's
/// zoom stops at 24 (24.118 is what the server refuses, and the pattern must refuse it too).
#[tokio::test]
async fn openapi_parameters_are_exactly_what_the_server_accepts() {
    let v = ok("/ogc/api", "application/vnd.oai.openapi+json;version=3.0").await;
    let params = &v["paths"]["/glyphs/{fontstack}/{range}"]["get"]["parameters"];
    let range = params
        .as_array()
        .expect("parameters")
        .iter()
        .find(|p| p["name"] == "range")
        .expect("range parameter");
    let ranges = range["schema"]["enum"].as_array().expect("an enum of ranges");
    assert_eq!(ranges.len(), 256);
    for r in ranges {
        let r = r.as_str().expect("string");
        let res = get(&format!("/glyphs/Noto%20Sans%20Regular/{r}")).await;
        assert_eq!(res.status(), StatusCode::OK, "{r}");
    }
    let map = v["paths"]["/image.png"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|p| p["name"] == "map")
        .expect("map parameter")["schema"]["pattern"]
        .as_str()
        .expect("a pattern")
        .to_string();
    // The document's own pattern and the server agree on zooms either side of the limit.
    let pattern = regex::Regex::new(&map).expect("the pattern is a regular expression");
    for (z, accepted) in [
        ("24", true),
        ("24.0", true),
        ("23.999", true),
        ("24.118", false),
        ("25", false),
    ] {
        let view = format!("{z}/44/146");
        assert_eq!(pattern.is_match(&view), accepted, "{view} against {map}");
        let status = get(&format!("/image.png?map={view}&width=8&height=8")).await.status();
        assert_eq!(status == StatusCode::OK, accepted, "the server on {view}: {status}");
    }
}

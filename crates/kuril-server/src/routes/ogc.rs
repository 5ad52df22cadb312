//! OGC API – Features – Part 1: Core, with the GeoJSON and OpenAPI 3.0 conformance classes, under `/ogc`.
//!
//! Collections are the model's typed views (`kuril_model::views`) with flat properties (`formats::collections`),
//! prepared once per model. Items page by `offset` (the `next` link carries it); `bbox` filters by true
//! intersection; `datetime` is validated and then filters nothing (the data is not temporal).
//! Details and decisions: docs/ogc.md.

use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use geo::{BoundingRect, Coord, Intersects, Rect};
use kuril_model::{Model, ModelError};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::formats::{Layer, collections, column_name};
use crate::state::AppState;

use crate::media::JSON;
pub use crate::media::{GEOJSON, OPENAPI};
const CRS84: &str = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

/// Items per page when `limit` is absent.
pub const LIMIT_DEFAULT: usize = 10;
/// The largest page; a larger `limit` is treated as this (the standard allows it; no error).
pub const LIMIT_MAX: usize = 1000;

pub const CONFORMANCE: [&str; 3] = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
];

/// A collection: its id and how to describe it. Its features come from [`collections::features`].
#[derive(Debug)]
pub struct Def {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

pub const COLLECTIONS: [Def; 6] = [
    Def {
        id: "islands",
        title: "Islands",
        description: "Every named island: polygons with islets (a point for rocks below the shoreline data's \
                      resolution), names in English, Japanese and Russian, computed and official areas, and the holder \
                      under each scenario (holder_<scenario>). Feature id: the island id.",
    },
    Def {
        id: "straits",
        title: "Straits",
        description: "Straits between the islands: the water area and the computed minimum width. Feature id: the strait id.",
    },
    Def {
        id: "lines",
        title: "Boundary lines",
        description: "One computed equidistance line per scenario (each side's position and the historical ones). \
                      Feature id: the scenario id.",
    },
    Def {
        id: "claim-areas",
        title: "Claim areas",
        description: "Each side's land and sea inside the analysis window under each scenario. \
                      Feature id: <scenario>:<side>.",
    },
    Def {
        id: "maritime-zones",
        title: "Maritime zones",
        description: "Territorial sea (12 nautical miles) and exclusive economic zone (200 nautical miles) of each \
                      side under each scenario, inside the analysis window. Feature id: <scenario>:<side>:<zone>.",
    },
    Def {
        id: "places",
        title: "Places",
        description: "Towns, capes, volcanoes and lighthouses with names in three languages. Feature id: the place id.",
    },
];

/// A collection ready to serve: its features, their GeoJSON text and bounding boxes.
#[derive(Debug)]
pub struct Collection {
    pub def: &'static Def,
    pub layer: Layer,
    pub columns: Vec<String>,
    json: Vec<String>,
    boxes: Vec<Option<Rect>>,
    pub extent: Option<Rect>,
}

impl Collection {
    fn build(model: &Model, def: &'static Def) -> Result<Option<Collection>, ModelError> {
        let Some(features) = collections::features(model, def.id)? else {
            return Ok(None);
        };
        let layer = Layer {
            name: column_name(def.id),
            title: def.title.to_string(),
            features,
        };
        let columns = layer.columns();
        let json = layer
            .features
            .iter()
            .map(|f| f.to_geojson(&columns, &[]).to_string())
            .collect();
        let boxes = layer.features.iter().map(|f| f.geometry.bounding_rect()).collect();
        let extent = layer.extent();
        Ok(Some(Collection {
            def,
            layer,
            columns,
            json,
            boxes,
            extent,
        }))
    }

    /// Indexes of the features that intersect any of the rectangles (all features without a bbox).
    fn matching(&self, bbox: Option<&[Rect]>) -> Vec<usize> {
        (0..self.layer.features.len())
            .filter(|&i| match bbox {
                None => true,
                Some(rects) => rects.iter().any(|r| {
                    self.boxes[i].is_some_and(|b| b.intersects(r)) && self.layer.features[i].geometry.intersects(r)
                }),
            })
            .collect()
    }
}

/// Every collection the model provides, in the order of [`COLLECTIONS`].
#[derive(Debug)]
pub struct Catalogue {
    pub collections: Vec<Collection>,
}

impl Catalogue {
    fn build(model: &Model) -> Result<Catalogue, ModelError> {
        let mut collections = vec![];
        for def in &COLLECTIONS {
            if let Some(c) = Collection::build(model, def)? {
                collections.push(c);
            }
        }
        Ok(Catalogue { collections })
    }

    pub fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.collections.iter().map(|c| c.def.id.to_string())
    }

    pub fn get(&self, id: &str) -> Result<&Collection, ApiError> {
        self.collections
            .iter()
            .find(|c| c.def.id == id)
            .ok_or_else(|| ApiError::unknown_id("collection", id, self.ids()))
    }
}

/// Catalogues per model (in practice one: the embedded data). Kept here rather than in `AppState` so that this
/// module stands alone; the `Arc<Model>` held alongside keeps the pointer comparison sound.
type Catalogues = Vec<(Arc<Model>, Arc<Catalogue>)>;
static CATALOGUES: LazyLock<Mutex<Catalogues>> = LazyLock::new(Mutex::default);

/// The prepared collections for the state's model, built on first use off the async threads.
pub async fn catalogue(state: &AppState) -> Result<Arc<Catalogue>, ApiError> {
    let find = |model: &Arc<Model>| {
        CATALOGUES
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|(m, _)| Arc::ptr_eq(m, model))
            .map(|(_, c)| c.clone())
    };
    if let Some(c) = find(&state.model) {
        return Ok(c);
    }
    // One build at a time: requests arriving during the first build wait for it rather than each starting one.
    static BUILDING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _building = BUILDING.lock().await;
    if let Some(c) = find(&state.model) {
        return Ok(c);
    }
    let model = state.model.clone();
    let built = tokio::task::spawn_blocking(move || Catalogue::build(&model).map(Arc::new))
        .await
        .map_err(ApiError::internal)??;
    let mut cache = CATALOGUES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, c)) = cache.iter().find(|(m, _)| Arc::ptr_eq(m, &state.model)) {
        return Ok(c.clone());
    }
    cache.push((state.model.clone(), built.clone()));
    Ok(built)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ogc", get(landing))
        .route("/ogc/", get(landing))
        .route("/ogc/conformance", get(conformance))
        .route("/ogc/api", get(api))
        .route("/ogc/collections", get(collections))
        .route("/ogc/collections/{collection}", get(collection))
        .route("/ogc/collections/{collection}/items", get(items))
        .route("/ogc/collections/{collection}/items/{feature}", get(feature))
}

type QueryPairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Reject unknown and repeated query parameters and any `f` other than JSON.
fn check_query(q: QueryPairs, allowed: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let Query(pairs) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    for (i, (k, v)) in pairs.iter().enumerate() {
        if k != "f" && !allowed.contains(&k.as_str()) {
            let mut valid: Vec<&str> = allowed.to_vec();
            valid.push("f");
            return Err(ApiError::bad_request(format!(
                "unknown query parameter {k:?}; valid here: {}",
                valid.join(", ")
            )));
        }
        if pairs[..i].iter().any(|(p, _)| p == k) {
            return Err(ApiError::bad_request(format!(
                "query parameter {k:?} given more than once"
            )));
        }
        if k == "f" && !matches!(v.as_str(), "json" | "geojson") {
            return Err(ApiError::bad_request(format!(
                "f={v:?} is not offered: this API answers in JSON only (f=json)"
            )));
        }
    }
    Ok(pairs)
}

fn respond(content_type: &'static str, body: Vec<u8>) -> Response {
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    (h, body).into_response()
}

fn json_response(content_type: &'static str, v: &Value) -> Response {
    respond(content_type, serde_json::to_vec(v).unwrap_or_default())
}

fn link(href: String, rel: &str, ty: &str, title: &str) -> Value {
    json!({ "href": href, "rel": rel, "type": ty, "title": title })
}

fn base(state: &AppState, headers: &HeaderMap) -> String {
    format!("{}/ogc", state.base_url(headers))
}

async fn landing(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let b = base(&s, &h);
    let root = s.base_url(&h);
    Ok(json_response(
        JSON,
        &json!({
            "title": "Kuril Islands dispute map",
            "description": "Islands, straits, places, each scenario's computed boundary line, claim areas and maritime \
                            zones of the Kuril Islands dispute, as OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0).",
            "links": [
                link(b.clone(), "self", JSON, "This document"),
                link(format!("{b}/api"), "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)"),
                link(format!("{b}/conformance"), "conformance", JSON, "Conformance classes implemented"),
                link(format!("{b}/collections"), "data", JSON, "The feature collections"),
                // Beyond OGC API – Features, for a QGIS user who looks here: the same data as vector tiles, and the
                // web map's style.
                link(
                    format!("{root}/tiles.json"),
                    "tiles",
                    JSON,
                    &format!("Vector tiles (TileJSON 3.0; XYZ: {root}/tiles/{{z}}/{{x}}/{{y}}.mvt)"),
                ),
                link(format!("{root}/style.json"), "stylesheet", JSON, "The web map's MapLibre style (vector tiles)"),
            ],
        }),
    ))
}

async fn conformance(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let b = base(&s, &h);
    Ok(json_response(
        JSON,
        &json!({
            "conformsTo": CONFORMANCE,
            "links": [link(format!("{b}/conformance"), "self", JSON, "This document")],
        }),
    ))
}

async fn api(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let ids: Vec<String> = cat.ids().collect();
    let mut doc = openapi(&s.base_url(&h), &ids);
    let scenarios: Vec<String> = s.model.scenarios.iter().map(|sc| sc.id.clone()).collect();
    if let Some(paths) = doc["paths"].as_object_mut() {
        paths.extend(super::openapi::service_paths(&scenarios));
    }
    Ok(json_response(OPENAPI, &doc))
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn collection_json(b: &str, c: &Collection) -> Value {
    let id = c.def.id;
    let bbox = c.extent.map_or_else(
        || json!([-180.0, -90.0, 180.0, 90.0]),
        |e| {
            json!([
                round6(e.min().x),
                round6(e.min().y),
                round6(e.max().x),
                round6(e.max().y)
            ])
        },
    );
    let root = b.trim_end_matches("/ogc");
    let mut links = vec![
        link(format!("{b}/collections/{id}"), "self", JSON, c.def.title),
        link(
            format!("{b}/collections/{id}/items"),
            "items",
            GEOJSON,
            "The features (GeoJSON)",
        ),
    ];
    for fmt in super::download::FORMATS {
        links.push(link(
            format!("{root}/api/download/{id}.{}", fmt.ext),
            "enclosure",
            fmt.content_type,
            &format!("Download all features ({})", fmt.name),
        ));
    }
    json!({
        "id": id,
        "title": c.def.title,
        "description": c.def.description,
        "itemType": "feature",
        "crs": [CRS84],
        "extent": { "spatial": { "bbox": [bbox], "crs": CRS84 } },
        "links": links,
    })
}

async fn collections(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let b = base(&s, &h);
    Ok(json_response(
        JSON,
        &json!({
            "links": [link(format!("{b}/collections"), "self", JSON, "This document")],
            "collections": cat.collections.iter().map(|c| collection_json(&b, c)).collect::<Vec<_>>(),
        }),
    ))
}

async fn collection(
    State(s): State<AppState>,
    h: HeaderMap,
    Path(id): Path<String>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let c = cat.get(&id)?;
    Ok(json_response(JSON, &collection_json(&base(&s, &h), c)))
}

/// The validated parameters of an items request.
#[derive(Debug, PartialEq)]
pub struct ItemsQuery {
    pub limit: usize,
    pub offset: usize,
    /// Rectangles to intersect (two when the bbox crosses the antimeridian); the original text for links.
    pub bbox: Option<(Vec<Rect>, String)>,
    pub datetime: Option<String>,
}

/// A non-negative integer; `None` when not one. Digits beyond `usize` saturate (a huge limit or offset is valid).
fn natural(s: &str) -> Option<usize> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.parse().unwrap_or(usize::MAX))
}

pub fn parse_items_query(pairs: &[(String, String)]) -> Result<ItemsQuery, ApiError> {
    let mut q = ItemsQuery {
        limit: LIMIT_DEFAULT,
        offset: 0,
        bbox: None,
        datetime: None,
    };
    for (k, v) in pairs {
        match k.as_str() {
            "limit" => {
                let n = natural(v.trim()).filter(|&n| n >= 1).ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "limit must be an integer from 1 (at most {LIMIT_MAX} are returned), not {v:?}"
                    ))
                })?;
                q.limit = n.min(LIMIT_MAX);
            }
            "offset" => {
                q.offset = natural(v.trim())
                    .ok_or_else(|| ApiError::bad_request(format!("offset must be an integer ≥ 0, not {v:?}")))?;
            }
            "bbox" => q.bbox = Some((parse_bbox(v)?, v.clone())),
            "datetime" => {
                if !valid_datetime(v) {
                    return Err(ApiError::bad_request(format!(
                        "datetime must be an RFC 3339 date or date-time, or an interval of them with '/' \
                         ('..' or empty for an open end), not {v:?}"
                    )));
                }
                q.datetime = Some(v.clone());
            }
            _ => {}
        }
    }
    Ok(q)
}

/// `minLon,minLat,maxLon,maxLat` (or six numbers with heights) in CRS84. A box with minLon > maxLon crosses
/// the antimeridian and becomes two rectangles.
pub fn parse_bbox(v: &str) -> Result<Vec<Rect>, ApiError> {
    let bad = |why: &str| ApiError::bad_request(format!("bbox {v:?}: {why}"));
    let n: Vec<f64> = v
        .split(',')
        .map(|s| s.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect::<Option<_>>()
        .ok_or_else(|| bad("every value must be a finite number"))?;
    let (x0, y0, x1, y1) = match n[..] {
        [x0, y0, x1, y1] => (x0, y0, x1, y1),
        [x0, y0, z0, x1, y1, z1] => {
            if z0 > z1 {
                return Err(bad("the minimum height is above the maximum"));
            }
            (x0, y0, x1, y1)
        }
        _ => return Err(bad("give 4 numbers (minLon,minLat,maxLon,maxLat) or 6 (with heights)")),
    };
    if !(-180.0..=180.0).contains(&x0) || !(-180.0..=180.0).contains(&x1) {
        return Err(bad("longitudes must be within -180..180"));
    }
    if !(-90.0..=90.0).contains(&y0) || !(-90.0..=90.0).contains(&y1) {
        return Err(bad("latitudes must be within -90..90"));
    }
    if y0 > y1 {
        return Err(bad("the minimum latitude is above the maximum"));
    }
    let rect = |a: f64, b: f64| Rect::new(Coord { x: a, y: y0 }, Coord { x: b, y: y1 });
    Ok(if x0 <= x1 {
        vec![rect(x0, x1)]
    } else {
        vec![rect(x0, 180.0), rect(-180.0, x1)]
    })
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

fn valid_date(s: &str) -> bool {
    let p: Vec<&str> = s.split('-').collect();
    let [y, m, d] = p[..] else { return false };
    let (Some(y), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn valid_time(s: &str) -> bool {
    let (time, zone) = if let Some(t) = s.strip_suffix(['Z', 'z']) {
        (t, None)
    } else if let Some(i) = s.rfind(['+', '-']) {
        (&s[..i], Some(&s[i + 1..]))
    } else {
        return false;
    };
    if let Some(z) = zone {
        let Some((h, m)) = z.split_once(':') else { return false };
        if digits(h, 2).is_none_or(|h| h >= 24) || digits(m, 2).is_none_or(|m| m >= 60) {
            return false;
        }
    }
    let (hms, frac) = time.split_once('.').unwrap_or((time, "0"));
    if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let p: Vec<&str> = hms.split(':').collect();
    let [h, m, sec] = p[..] else { return false };
    digits(h, 2).is_some_and(|h| h < 24)
        && digits(m, 2).is_some_and(|m| m < 60)
        && digits(sec, 2).is_some_and(|s| s <= 60)
}

fn valid_instant(s: &str) -> bool {
    match s.split_once(['T', 't']) {
        Some((d, t)) => valid_date(d) && valid_time(t),
        None => valid_date(s),
    }
}

/// RFC 3339 date or date-time, or an interval `start/end` where either end may be `..` or empty.
pub fn valid_datetime(s: &str) -> bool {
    match s.split_once('/') {
        Some((a, b)) => {
            let end = |e: &str| e.is_empty() || e == ".." || valid_instant(e);
            end(a) && end(b) && !(a.is_empty() && b.is_empty())
        }
        None => valid_instant(s),
    }
}

/// Now as RFC 3339 UTC, seconds precision.
pub fn timestamp() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Percent-encode a query value (unreserved characters and `,:` kept readable).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~,:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn items_href(b: &str, id: &str, q: &ItemsQuery, offset: usize) -> String {
    let mut href = format!("{b}/collections/{id}/items?limit={}", q.limit);
    if offset > 0 {
        href.push_str(&format!("&offset={offset}"));
    }
    if let Some((_, text)) = &q.bbox {
        href.push_str(&format!("&bbox={}", encode(text)));
    }
    if let Some(dt) = &q.datetime {
        href.push_str(&format!("&datetime={}", encode(dt)));
    }
    href
}

async fn items(
    State(s): State<AppState>,
    h: HeaderMap,
    Path(id): Path<String>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    let cat = catalogue(&s).await?;
    let c = cat.get(&id)?;
    let pairs = check_query(q, &["limit", "offset", "bbox", "datetime"])?;
    let q = parse_items_query(&pairs)?;
    let matched = c.matching(q.bbox.as_ref().map(|(r, _)| r.as_slice()));
    let page: Vec<usize> = matched.iter().copied().skip(q.offset).take(q.limit).collect();
    let b = base(&s, &h);
    let mut links = vec![
        link(items_href(&b, &id, &q, q.offset), "self", GEOJSON, "This page"),
        link(format!("{b}/collections/{id}"), "collection", JSON, c.def.title),
    ];
    let end = q.offset.saturating_add(page.len());
    if end < matched.len() {
        links.push(link(items_href(&b, &id, &q, end), "next", GEOJSON, "Next page"));
    }
    if q.offset > 0 {
        let prev = q.offset.saturating_sub(q.limit).min(matched.len().saturating_sub(1));
        links.push(link(items_href(&b, &id, &q, prev), "prev", GEOJSON, "Previous page"));
    }
    // The envelope by serde, the features spliced in from their prepared text.
    let head = json!({
        "type": "FeatureCollection",
        "numberMatched": matched.len(),
        "numberReturned": page.len(),
        "timeStamp": timestamp(),
        "links": links,
    })
    .to_string();
    let mut body = String::with_capacity(head.len() + page.iter().map(|&i| c.json[i].len() + 1).sum::<usize>() + 16);
    body.push_str(head.strip_suffix('}').unwrap_or(&head));
    body.push_str(",\"features\":[");
    for (n, &i) in page.iter().enumerate() {
        if n > 0 {
            body.push(',');
        }
        body.push_str(&c.json[i]);
    }
    body.push_str("]}");
    Ok(respond(GEOJSON, body.into_bytes()))
}

async fn feature(
    State(s): State<AppState>,
    h: HeaderMap,
    Path((id, fid)): Path<(String, String)>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let c = cat.get(&id)?;
    let f = c.layer.features.iter().find(|f| f.id == fid).ok_or_else(|| {
        ApiError::unknown_id(
            &format!("{id} feature"),
            &fid,
            c.layer.features.iter().map(|f| f.id.clone()),
        )
    })?;
    let b = base(&s, &h);
    let mut v = f.to_geojson(&c.columns, &[]);
    v["links"] = json!([
        link(
            format!("{b}/collections/{id}/items/{}", encode(&fid)),
            "self",
            GEOJSON,
            "This feature"
        ),
        link(format!("{b}/collections/{id}"), "collection", JSON, c.def.title),
    ]);
    Ok(json_response(GEOJSON, &v))
}

/// The OpenAPI 3.0 document: every `/ogc` endpoint and the downloads (`api` adds the rest of the service from
/// `openapi.rs`).
pub fn openapi(root: &str, collections: &[String]) -> Value {
    let err = |d: &str| json!({ "description": d, "content": { JSON: { "schema": { "$ref": "#/components/schemas/error" } } } });
    let ok_json = |d: &str, schema: &str| json!({ "description": d, "content": { JSON: { "schema": { "$ref": format!("#/components/schemas/{schema}") } } } });
    let f_param = json!({ "$ref": "#/components/parameters/f" });
    let formats: Vec<&str> = super::download::FORMATS.iter().map(|f| f.ext).collect();
    let download_content: Value = super::download::FORMATS
        .iter()
        .map(|f| {
            // GeoJSON is JSON (clients parse it); the others are files.
            let schema = if f.content_type == GEOJSON {
                json!({ "$ref": "#/components/schemas/featureCollectionGeoJSON" })
            } else {
                json!({ "type": "string", "format": "binary" })
            };
            (f.content_type.to_string(), json!({ "schema": schema }))
        })
        .collect::<serde_json::Map<_, _>>()
        .into();
    let download_headers = json!({
        "Content-Disposition": { "description": "attachment; filename=…", "schema": { "type": "string" } },
        "ETag": { "schema": { "type": "string" } },
    });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Kuril Islands dispute map: OGC API – Features, downloads and the service API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "OGC API – Features – Part 1 (Core, GeoJSON, OpenAPI 3.0) over the islands, straits, places, \
                            each scenario's computed boundary line, claim areas and maritime zones; and downloads of every \
                            collection and every scenario as GeoJSON, KML, CSV (WKT geometry) and GeoPackage. \
                            Coordinates are WGS 84 longitude/latitude (CRS84). Errors are JSON: \
                            {\"error\": {\"status\", \"code\", \"message\", \"valid\"?}}.",
            "license": { "name": "MIT OR Apache-2.0 (code); data licences in geodata/SOURCES.md" },
        },
        "servers": [{ "url": root }],
        "paths": {
            "/ogc": { "get": {
                "tags": ["Capabilities"], "summary": "Landing page", "operationId": "getLandingPage",
                "parameters": [f_param],
                "responses": { "200": ok_json("Links to the API definition, conformance and collections", "landingPage"),
                               "400": err("Unknown query parameter") },
            } },
            "/ogc/conformance": { "get": {
                "tags": ["Capabilities"], "summary": "Conformance classes implemented", "operationId": "getConformance",
                "parameters": [f_param],
                "responses": { "200": ok_json("The conformance classes", "confClasses"), "400": err("Unknown query parameter") },
            } },
            "/ogc/api": { "get": {
                "tags": ["Capabilities"], "summary": "This API definition (OpenAPI 3.0)", "operationId": "getApi",
                "parameters": [f_param],
                "responses": {
                    "200": { "description": "The OpenAPI document", "content": { OPENAPI: { "schema": { "type": "object" } } } },
                    "400": err("Unknown query parameter"),
                },
            } },
            "/ogc/collections": { "get": {
                "tags": ["Capabilities"], "summary": "The feature collections", "operationId": "getCollections",
                "parameters": [f_param],
                "responses": { "200": ok_json("Every collection with its extent and links", "collections"),
                               "400": err("Unknown query parameter") },
            } },
            "/ogc/collections/{collectionId}": { "get": {
                "tags": ["Data"], "summary": "One collection", "operationId": "describeCollection",
                "parameters": [{ "$ref": "#/components/parameters/collectionId" }, f_param],
                "responses": { "200": ok_json("The collection", "collection"), "400": err("Unknown query parameter"),
                               "404": err("Unknown collection (the body lists the valid ids)") },
            } },
            "/ogc/collections/{collectionId}/items": { "get": {
                "tags": ["Data"], "summary": "Features of a collection, a page at a time", "operationId": "getFeatures",
                "description": "Unknown or repeated query parameters get 400. Page through with the `next` link.",
                "parameters": [
                    { "$ref": "#/components/parameters/collectionId" },
                    { "$ref": "#/components/parameters/limit" },
                    { "$ref": "#/components/parameters/offset" },
                    { "$ref": "#/components/parameters/bbox" },
                    { "$ref": "#/components/parameters/datetime" },
                    f_param,
                ],
                "responses": {
                    "200": { "description": "A page of features (GeoJSON FeatureCollection)",
                             "content": { GEOJSON: { "schema": { "$ref": "#/components/schemas/featureCollectionGeoJSON" } } } },
                    "400": err("Malformed or unknown query parameter"),
                    "404": err("Unknown collection"),
                },
            } },
            "/ogc/collections/{collectionId}/items/{featureId}": { "get": {
                "tags": ["Data"], "summary": "One feature", "operationId": "getFeature",
                "parameters": [
                    { "$ref": "#/components/parameters/collectionId" },
                    { "$ref": "#/components/parameters/featureId" },
                    f_param,
                ],
                "responses": {
                    "200": { "description": "The feature (GeoJSON)",
                             "content": { GEOJSON: { "schema": { "$ref": "#/components/schemas/featureGeoJSON" } } } },
                    "400": err("Unknown query parameter"),
                    "404": err("Unknown collection or feature (the body lists the valid ids)"),
                },
            } },
            "/api/download/{collection}.{format}": { "get": {
                "tags": ["Downloads"], "summary": "Every feature of a collection as a file", "operationId": "downloadCollection",
                "description": "GeoJSON (application/geo+json), KML (application/vnd.google-earth.kml+xml), CSV with a \
                                header row and a WKT geometry column (text/csv; charset=utf-8), GeoPackage \
                                (application/geopackage+sqlite3). Sent as an attachment.",
                "parameters": [
                    { "name": "collection", "in": "path", "required": true, "schema": { "type": "string", "enum": collections } },
                    { "name": "format", "in": "path", "required": true, "schema": { "type": "string", "enum": formats } },
                ],
                "responses": {
                    "200": { "description": "The file", "headers": download_headers, "content": download_content },
                    "304": { "description": "Not modified (If-None-Match)" },
                    "404": err("Unknown collection or format (the body lists the valid ones)"),
                },
            } },
            "/api/download/scenario/{scenario}.{format}": { "get": {
                "tags": ["Downloads"], "summary": "A scenario bundle as a file", "operationId": "downloadScenario",
                "description": "The scenario's line, its two claim areas, its maritime zones (when available) and the \
                                islands with the scenario's holder (`holder`). GeoJSON and CSV add a `layer` column; KML \
                                has a folder and GeoPackage a table per layer.",
                "parameters": [
                    { "name": "scenario", "in": "path", "required": true, "description": "A scenario id (GET /api/scenarios)",
                      "schema": { "type": "string" } },
                    { "name": "format", "in": "path", "required": true, "schema": { "type": "string", "enum": formats } },
                ],
                "responses": {
                    "200": { "description": "The file", "headers": download_headers, "content": download_content },
                    "304": { "description": "Not modified (If-None-Match)" },
                    "404": err("Unknown scenario or format (the body lists the valid ones)"),
                },
            } },
        },
        "components": {
            "parameters": {
                "collectionId": { "name": "collectionId", "in": "path", "required": true, "description": "A collection id",
                                  "schema": { "type": "string", "enum": collections } },
                "featureId": { "name": "featureId", "in": "path", "required": true,
                               "description": "A feature id: island, strait or place id; scenario id for lines; \
                                               <scenario>:<side> for claim areas; <scenario>:<side>:<zone> for maritime zones",
                               "schema": { "type": "string" } },
                "limit": { "name": "limit", "in": "query", "required": false, "style": "form", "explode": false,
                           "description": format!("Features per page: at least 1, default {LIMIT_DEFAULT}; a value above \
                                                   {LIMIT_MAX} is treated as {LIMIT_MAX} (no error)."),
                           // No `maximum` in the schema: a larger value is valid and served as the maximum
                           // (OGC API – Features, /req/core/fc-limit-response-1).
                           "schema": { "type": "integer", "minimum": 1, "default": LIMIT_DEFAULT } },
                "offset": { "name": "offset", "in": "query", "required": false, "style": "form", "explode": false,
                            "description": "Features to skip (paging; the `next` link sets it).",
                            "schema": { "type": "integer", "minimum": 0, "default": 0 } },
                "bbox": { "name": "bbox", "in": "query", "required": false, "style": "form", "explode": false,
                          "description": "Only features whose geometry intersects this box: minLon,minLat,maxLon,maxLat \
                                          (or six numbers with heights) in CRS84. minLon > maxLon crosses the antimeridian. \
                                          Malformed values, non-finite numbers, out-of-range coordinates or \
                                          minLat > maxLat get 400.",
                          "schema": { "oneOf": [
                              { "type": "array", "minItems": 4, "maxItems": 4,
                                "items": { "type": "number", "minimum": -180, "maximum": 180 } },
                              { "type": "array", "minItems": 6, "maxItems": 6, "items": { "type": "number" } } ] } },
                "datetime": { "name": "datetime", "in": "query", "required": false, "style": "form", "explode": false,
                              "description": "RFC 3339 date-time or interval (`a/b`, `../b`, `a/..`). The data has no time \
                                              dimension: a valid value filters nothing; a malformed one gets 400.",
                              "schema": { "type": "string", "format": "date-time" } },
                "f": { "name": "f", "in": "query", "required": false, "description": "Response format: JSON only.",
                       "schema": { "type": "string", "enum": ["json", "geojson"] } },
            },
            "schemas": {
                "error": { "type": "object", "required": ["error"], "properties": { "error": {
                    "type": "object", "required": ["status", "code", "message"],
                    "properties": { "status": { "type": "integer" }, "code": { "type": "string" },
                                    "message": { "type": "string" },
                                    "valid": { "type": "array", "items": { "type": "string" } } } } } },
                "link": { "type": "object", "required": ["href", "rel"], "properties": {
                    "href": { "type": "string" }, "rel": { "type": "string" }, "type": { "type": "string" },
                    "title": { "type": "string" } } },
                "links": { "type": "array", "items": { "$ref": "#/components/schemas/link" } },
                "landingPage": { "type": "object", "required": ["links"], "properties": {
                    "title": { "type": "string" }, "description": { "type": "string" },
                    "links": { "$ref": "#/components/schemas/links" } } },
                "confClasses": { "type": "object", "required": ["conformsTo"], "properties": {
                    "conformsTo": { "type": "array", "items": { "type": "string" } } } },
                "extent": { "type": "object", "properties": { "spatial": { "type": "object", "properties": {
                    "bbox": { "type": "array", "minItems": 1, "items": { "type": "array", "minItems": 4, "maxItems": 6,
                                                                           "items": { "type": "number" } } },
                    "crs": { "type": "string", "enum": [CRS84] } } } } },
                "collection": { "type": "object", "required": ["id", "links"], "properties": {
                    "id": { "type": "string" }, "title": { "type": "string" }, "description": { "type": "string" },
                    "links": { "$ref": "#/components/schemas/links" }, "extent": { "$ref": "#/components/schemas/extent" },
                    "itemType": { "type": "string" }, "crs": { "type": "array", "items": { "type": "string" } } } },
                "collections": { "type": "object", "required": ["links", "collections"], "properties": {
                    "links": { "$ref": "#/components/schemas/links" },
                    "collections": { "type": "array", "items": { "$ref": "#/components/schemas/collection" } } } },
                "geometryGeoJSON": { "type": "object", "required": ["type"], "properties": {
                    "type": { "type": "string", "enum": ["Point", "MultiPoint", "LineString", "MultiLineString",
                                                         "Polygon", "MultiPolygon", "GeometryCollection"] } } },
                "featureGeoJSON": { "type": "object", "required": ["type", "geometry", "properties"], "properties": {
                    "type": { "type": "string", "enum": ["Feature"] },
                    "id": { "type": "string" },
                    "geometry": { "$ref": "#/components/schemas/geometryGeoJSON" },
                    "properties": { "type": "object", "nullable": true },
                    "links": { "$ref": "#/components/schemas/links" } } },
                "featureCollectionGeoJSON": { "type": "object", "required": ["type", "features"], "properties": {
                    "type": { "type": "string", "enum": ["FeatureCollection"] },
                    "features": { "type": "array", "items": { "$ref": "#/components/schemas/featureGeoJSON" } },
                    "links": { "$ref": "#/components/schemas/links" },
                    "timeStamp": { "type": "string", "format": "date-time" },
                    "numberMatched": { "type": "integer", "minimum": 0 },
                    "numberReturned": { "type": "integer", "minimum": 0 } } },
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes() {
        for ok in [
            "2024-02-29",
            "2024-01-01T00:00:00Z",
            "2024-01-01T12:30:59.123+09:00",
            "2020-01-01/2021-01-01",
            "../2021-01-01T00:00:00Z",
            "2021-01-01/..",
            "2021-01-01/",
        ] {
            assert!(valid_datetime(ok), "{ok}");
        }
        for bad in [
            "",
            "yesterday",
            "2023-02-29",
            "2024-13-01",
            "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00",
            "/",
            "1/2",
        ] {
            assert!(!valid_datetime(bad), "{bad}");
        }
    }

    #[test]
    fn bboxes() {
        assert_eq!(parse_bbox("146,43,147,44").map(|r| r.len()).ok(), Some(1));
        assert_eq!(parse_bbox("179,43,-179,44").map(|r| r.len()).ok(), Some(2));
        assert!(parse_bbox("146,43,0,147,44,10").is_ok());
        for bad in [
            "146,43,147",
            "146,NaN,147,44",
            "146,inf,147,44",
            "146,44,147,43",
            "a,b,c,d",
            "146,43,147,44,5",
            "200,0,201,1",
        ] {
            assert!(parse_bbox(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timestamp_is_rfc3339() {
        let t = timestamp();
        assert_eq!(t.len(), 20, "{t}");
        assert!(valid_datetime(&t), "{t}");
    }
}

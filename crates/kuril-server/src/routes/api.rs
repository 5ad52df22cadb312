//! The GeoJSON API (RFC 7946, `application/geo+json`) and scenario summaries.

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use kuril_model::i18n::{self, Lang};
use kuril_model::{Model, views};

use crate::error::ApiError;
use crate::prepared::{Prepared, cached};
use crate::state::AppState;

use crate::media::{GEOJSON, JSON};

/// A view as the JSON document it is published as.
type View = fn(&Model) -> serde_json::Value;

/// The feature collections with texts, `/api/{name}.geojson`: the name, the document their texts are keyed under
/// (`kuril_model::i18n`) and the view.
const FEATURE_COLLECTIONS: [(&str, &str, View); 3] = [
    ("islands", "island", |m| views::to_value(&views::islands(m))),
    ("straits", "strait", |m| views::to_value(&views::straits(m))),
    ("places", "place", |m| views::to_value(&views::places(m))),
];

pub fn router() -> Router<AppState> {
    let mut router = Router::new();
    for (name, kind, view) in FEATURE_COLLECTIONS {
        let handler = move |State(s): State<AppState>, h: HeaderMap, q: QueryPairs| async move {
            let lang = lang(q)?;
            texts(&s, &h, name.into(), GEOJSON, kind, lang, move |m| Ok(view(m))).await
        };
        router = router.route(&format!("/api/{name}.geojson"), get(handler));
    }
    router
        .route("/api/lines", get(lines))
        .route("/api/lines/{file}", get(line))
        .route("/api/scenarios", get(scenarios))
        .route("/api/scenarios/{id}", get(scenario))
        .route("/api/claim-areas/{file}", get(claim_areas))
        .route("/api/timeline", get(timeline))
        .route("/api/straits-tour", get(straits_tour))
}

/// Serve a document computed once and cached, with ETag revalidation.
async fn document(
    state: &AppState,
    headers: &HeaderMap,
    key: String,
    content_type: &'static str,
    make: impl FnOnce(&Model) -> Result<serde_json::Value, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let model = state.model.clone();
    let doc = cached(&state.documents, key, move || {
        let body = serde_json::to_vec(&make(&model)?).map_err(ApiError::internal)?;
        Ok(Prepared::new(body, true))
    })
    .await?;
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    Ok(doc.respond(headers, h))
}

type QueryPairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The `lang` of a document with texts (`en` when absent): `en`, `ja` or `ru`, else a 400 naming them. Other
/// parameters are ignored, as on the other documents.
fn lang(q: QueryPairs) -> Result<Lang, ApiError> {
    let Query(pairs) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let mut given = pairs.iter().filter(|(k, _)| k == "lang");
    let lang = match given.next() {
        None => Lang::En,
        Some((_, v)) => Lang::parse(v).ok_or_else(|| {
            let valid: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            ApiError::bad_request(format!("lang={v:?} is not offered; valid: {}", valid.join(", ")))
        })?,
    };
    if given.next().is_some() {
        return Err(ApiError::bad_request("query parameter \"lang\" given more than once"));
    }
    Ok(lang)
}

/// A document with texts, in `lang`: computed once per language and cached.
async fn texts(
    state: &AppState,
    headers: &HeaderMap,
    key: String,
    media: &'static str,
    kind: &'static str,
    lang: Lang,
    make: impl FnOnce(&Model) -> Result<serde_json::Value, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let key = format!("{key}@{}", lang.code());
    document(state, headers, key, media, move |m| {
        let mut v = make(m)?;
        i18n::localize(m, kind, lang, &mut v);
        Ok(v)
    })
    .await
}

type PathResult<T> = Result<Path<T>, axum::extract::rejection::PathRejection>;

fn path<T>(p: PathResult<T>) -> Result<T, ApiError> {
    p.map(|Path(v)| v).map_err(|e| ApiError::bad_request(e.body_text()))
}

/// Split "ID.geojson" and check the scenario exists (404 listing the valid ids otherwise).
fn scenario_file(state: &AppState, file: &str) -> Result<String, ApiError> {
    let id = file.strip_suffix(".geojson").unwrap_or(file);
    state.model.scenario(id)?;
    if !file.ends_with(".geojson") {
        return Err(ApiError::not_found(format!("did you mean {id}.geojson?")));
    }
    Ok(id.to_string())
}

async fn lines(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    let lang = lang(q)?;
    texts(&s, &h, "lines".into(), JSON, "scenario", lang, |m| {
        Ok(views::to_value(&views::lines(m)))
    })
    .await
}

async fn line(State(s): State<AppState>, h: HeaderMap, p: PathResult<String>) -> Result<Response, ApiError> {
    let id = scenario_file(&s, &path(p)?)?;
    document(&s, &h, format!("line:{id}"), GEOJSON, move |m| {
        Ok(views::to_value(&views::line(m, &id)?))
    })
    .await
}

async fn claim_areas(State(s): State<AppState>, h: HeaderMap, p: PathResult<String>) -> Result<Response, ApiError> {
    let id = scenario_file(&s, &path(p)?)?;
    document(&s, &h, format!("claims:{id}"), GEOJSON, move |m| {
        Ok(views::to_value(&views::claim_areas(m, &id)?))
    })
    .await
}

async fn scenarios(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    let lang = lang(q)?;
    texts(&s, &h, "scenarios".into(), JSON, "scenario", lang, |m| {
        Ok(views::to_value(&views::scenarios(m)?))
    })
    .await
}

async fn scenario(
    State(s): State<AppState>,
    h: HeaderMap,
    p: PathResult<String>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    let id = path(p)?;
    s.model.scenario(&id)?;
    let lang = lang(q)?;
    texts(&s, &h, format!("scenario:{id}"), JSON, "scenario", lang, move |m| {
        Ok(views::to_value(&views::scenario(m, &id)?))
    })
    .await
}

async fn timeline(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    let lang = lang(q)?;
    texts(&s, &h, "timeline".into(), JSON, "timeline", lang, |m| {
        Ok(views::timeline(m))
    })
    .await
}

async fn straits_tour(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    let lang = lang(q)?;
    texts(&s, &h, "straits-tour".into(), JSON, "straits-tour", lang, |m| {
        Ok(views::straits_tour(m)?)
    })
    .await
}

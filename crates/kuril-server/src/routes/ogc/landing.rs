//! `GET /ogc`: the landing page, links to the API definition, the conformance classes and the collections.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;

use super::{Link, QueryPairs, base, check_query, json_response, link};
use crate::error::ApiError;
use crate::media::{JSON, OPENAPI};
use crate::state::AppState;

#[derive(Debug, Serialize)]
struct LandingPage {
    title: &'static str,
    description: &'static str,
    links: Vec<Link>,
}

pub async fn landing(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let b = base(&s, &h);
    let root = s.base_url(&h);
    Ok(json_response(
        JSON,
        &LandingPage {
            title: "Kuril Islands dispute map",
            description: "Islands, straits, places, each scenario's computed boundary line, claim areas and maritime \
                          zones of the Kuril Islands dispute, as OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0).",
            links: vec![
                link(b.clone(), "self", JSON, "This document"),
                link(
                    format!("{b}/api"),
                    "service-desc",
                    OPENAPI,
                    "The API definition (OpenAPI 3.0)",
                ),
                link(
                    format!("{b}/conformance"),
                    "conformance",
                    JSON,
                    "Conformance classes implemented",
                ),
                link(format!("{b}/collections"), "data", JSON, "The feature collections"),
                // Beyond OGC API – Features, for a QGIS user who looks here: the same data as vector tiles, and the
                // web map's style.
                link(
                    format!("{root}/tiles.json"),
                    "tiles",
                    JSON,
                    &format!("Vector tiles (TileJSON 3.0; XYZ: {root}/tiles/{{z}}/{{x}}/{{y}}.mvt)"),
                ),
                link(
                    format!("{root}/style.json"),
                    "stylesheet",
                    JSON,
                    "The web map's MapLibre style (vector tiles)",
                ),
            ],
        },
    ))
}

//! `GET /ogc/conformance`: the conformance classes implemented.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;

use super::{Link, QueryPairs, base, check_query, json_response, link};
use crate::error::ApiError;
use crate::media::JSON;
use crate::state::AppState;

pub const CONFORMANCE: [&str; 3] = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
];

#[derive(Debug, Serialize)]
struct ConfClasses {
    #[serde(rename = "conformsTo")]
    conforms_to: [&'static str; 3],
    links: [Link; 1],
}

pub async fn conformance(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let b = base(&s, &h);
    Ok(json_response(
        JSON,
        &ConfClasses {
            conforms_to: CONFORMANCE,
            links: [link(format!("{b}/conformance"), "self", JSON, "This document")],
        },
    ))
}
